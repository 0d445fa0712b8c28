/**
 * Words of `<kitos-data-quality>` and `<kitos-gdpr-register>`, in Danish and English: a dictionary
 * of its own, so the other widgets do not carry it. The names of the checks, the gap explanations
 * and the register's column headings come from the core (one place for each rule and label).
 *
 * @module
 */
import type { QualityKind } from '@os2kitos/core';
import type { Lang } from './strings.js';

/** Every string of the two views. */
export interface QualityStrings {
  readonly qualityTitle: string;
  readonly registerTitle: string;
  readonly unit: string;
  readonly allUnits: string;
  readonly includeSubUnits: string;
  readonly kinds: { readonly [K in QualityKind]: string };
  readonly records: (n: number) => string;
  readonly averageScore: string;
  /** `72 af 100`. */
  readonly scoreOf: (score: number) => string;
  readonly withGaps: (n: number) => string;
  readonly commonGaps: string;
  readonly worstTitle: string;
  readonly gapCount: (n: number) => string;
  readonly severity: { readonly required: string; readonly recommended: string };
  readonly noGaps: string;
  readonly noRecords: string;
  readonly open: (name: string) => string;
  readonly notAvailable: string;
  readonly needsAttentionOnly: string;
  readonly registerCount: (shown: number, total: number, attention: number) => string;
  readonly exportXlsx: string;
  readonly exporting: string;
  readonly exportFailed: string;
  readonly print: string;
  readonly notInModelTitle: string;
  readonly attentionTitle: string;
  readonly noEntries: string;
  readonly asOf: (date: string) => string;
  readonly notAnswered: string;
}

const da: QualityStrings = {
  qualityTitle: 'Datakvalitet',
  registerTitle: 'Fortegnelse over behandlingsaktiviteter',
  unit: 'Organisationsenhed',
  allUnits: 'Alle enheder',
  includeSubUnits: 'Medtag underenheder',
  kinds: { usages: 'IT-systemer', contracts: 'IT-kontrakter', dataProcessing: 'Databehandling' },
  records: (n) => `${n.toLocaleString('da-DK')} ${n === 1 ? 'registrering' : 'registreringer'}`,
  averageScore: 'Gennemsnitlig datakvalitet',
  scoreOf: (s) => `${s} af 100`,
  withGaps: (n) => `${n.toLocaleString('da-DK')} med mangler`,
  commonGaps: 'Hyppigste mangler',
  worstTitle: 'Flest mangler',
  gapCount: (n) => `${n} ${n === 1 ? 'mangel' : 'mangler'}`,
  severity: { required: 'Påkrævet', recommended: 'Anbefalet' },
  noGaps: 'Ingen mangler.',
  noRecords: 'Ingen registreringer i enheden.',
  open: (name) => `Åbn ${name}`,
  notAvailable: 'Ikke tilgængelig med denne datakilde.',
  needsAttentionOnly: 'Kun dem, der kræver opmærksomhed',
  registerCount: (shown, total, attention) =>
    `${shown.toLocaleString('da-DK')} af ${total.toLocaleString('da-DK')} behandlingsaktiviteter · ${attention.toLocaleString('da-DK')} kræver opmærksomhed`,
  exportXlsx: 'Eksportér til Excel',
  exporting: 'Eksporterer …',
  exportFailed: 'Eksporten mislykkedes.',
  print: 'Udskriv',
  notInModelTitle: 'Ikke i registret',
  attentionTitle: 'Kræver opmærksomhed',
  noEntries: 'Ingen behandlingsaktiviteter.',
  asOf: (date) => `Opgjort pr. ${date}`,
  notAnswered: 'Ikke angivet',
};

const en: QualityStrings = {
  qualityTitle: 'Data quality',
  registerTitle: 'Record of processing activities',
  unit: 'Organisation unit',
  allUnits: 'All units',
  includeSubUnits: 'Include sub-units',
  kinds: { usages: 'IT systems', contracts: 'IT contracts', dataProcessing: 'Data processing' },
  records: (n) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'record' : 'records'}`,
  averageScore: 'Average data quality',
  scoreOf: (s) => `${s} of 100`,
  withGaps: (n) => `${n.toLocaleString('en-GB')} with gaps`,
  commonGaps: 'Most common gaps',
  worstTitle: 'Most gaps',
  gapCount: (n) => `${n} ${n === 1 ? 'gap' : 'gaps'}`,
  severity: { required: 'Required', recommended: 'Recommended' },
  noGaps: 'No gaps.',
  noRecords: 'No records in the unit.',
  open: (name) => `Open ${name}`,
  notAvailable: 'Not available from this data source.',
  needsAttentionOnly: 'Only those needing attention',
  registerCount: (shown, total, attention) =>
    `${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} processing activities · ${attention.toLocaleString('en-GB')} need attention`,
  exportXlsx: 'Export to Excel',
  exporting: 'Exporting …',
  exportFailed: 'The export failed.',
  print: 'Print',
  notInModelTitle: 'Not in the register',
  attentionTitle: 'Needs attention',
  noEntries: 'No processing activities.',
  asOf: (date) => `As of ${date}`,
  notAnswered: 'Not given',
};

/** The dictionary of a language. */
export function qualityStrings(lang: Lang): QualityStrings {
  return lang === 'en' ? en : da;
}
