/**
 * The register as a table in words: its columns (Danish and English headers) and each entry's
 * cells, with enumerations, yes/no answers and lists written out in the chosen language. The
 * `<kitos-gdpr-register>` widget, its printable page and the XLSX export all show this table, so
 * they say the same thing.
 *
 * @module
 */
import type { Language } from '../vocabulary/label.js';
import type { Label } from '../vocabulary/label.js';
import { ENUM_LABELS, type EnumName } from '../vocabulary/enums.js';
import type { GdprRegisterEntry } from './register.read-model.js';

/** A cell: text, a calendar date, or empty. */
export type GdprRegisterCell = string | { readonly date: string } | null;

/** The sections the columns are grouped in. */
export type GdprRegisterSection =
  | 'activity'
  | 'data'
  | 'recipients'
  | 'transfers'
  | 'retention'
  | 'security'
  | 'assessments'
  | 'oversight'
  | 'attention';

/** A column of the register table. */
export interface GdprRegisterColumn {
  readonly id: string;
  readonly section: GdprRegisterSection;
  readonly label: Label;
  readonly value: (e: GdprRegisterEntry, language: Language) => GdprRegisterCell;
}

const l = (da: string, en: string): Label => ({ da, en });

/** Section headings. */
export const GDPR_REGISTER_SECTIONS: { readonly [S in GdprRegisterSection]: Label } = {
  activity: l('Behandlingsaktivitet', 'Processing activity'),
  data: l('Oplysninger', 'Data'),
  recipients: l('Modtagere og databehandlere', 'Recipients and processors'),
  transfers: l('Overførsel til tredjelande', 'Transfers to third countries'),
  retention: l('Sletning', 'Retention'),
  security: l('Sikkerhed', 'Security'),
  assessments: l('Konsekvensanalyse og risikovurdering', 'DPIA and risk assessment'),
  oversight: l('Tilsyn', 'Oversight'),
  attention: l('Kræver opmærksomhed', 'Needs attention'),
};

function word<E extends EnumName>(e: E, v: string | null | undefined, language: Language): string | null {
  if (v === null || v === undefined) return null;
  const labels = ENUM_LABELS[e] as Readonly<Record<string, Label>>;
  return Object.hasOwn(labels, v) ? (labels[v] as Label)[language] : v;
}
const words = <E extends EnumName>(e: E, vs: readonly string[], language: Language) =>
  vs.length ? vs.map((v) => word(e, v, language)).join(', ') : null;
const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : null);
const yesNo = (v: boolean | null, language: Language) =>
  v === null ? null : word('YesNoUndecided', v ? 'Yes' : 'No', language);
const date = (d: string | null) => (d ? { date: d } : null);

/** The columns, in order. */
export const GDPR_REGISTER_COLUMNS: readonly GdprRegisterColumn[] = [
  { id: 'name', section: 'activity', label: l('IT-system', 'IT system'), value: (e) => e.name },
  {
    id: 'responsibleUnit',
    section: 'activity',
    label: l('Ansvarlig enhed', 'Responsible unit'),
    value: (e) => e.responsibleUnit?.name ?? null,
  },
  { id: 'active', section: 'activity', label: l('Aktiv', 'Active'), value: (e, g) => yesNo(e.active, g) },
  { id: 'purpose', section: 'activity', label: l('Formål', 'Purpose'), value: (e) => e.purpose },
  {
    id: 'dataSensitivity',
    section: 'data',
    label: l('Datatyper', 'Kinds of data'),
    value: (e, g) => words('SensitiveDataLevel', e.dataSensitivity, g),
  },
  {
    id: 'sensitive',
    section: 'data',
    label: l('Følsomme oplysninger (art. 9)', 'Sensitive data (art. 9)'),
    value: (e, g) => yesNo(e.sensitive, g),
  },
  {
    id: 'criminal',
    section: 'data',
    label: l('Straffedomme og lovovertrædelser (art. 10)', 'Criminal convictions and offences (art. 10)'),
    value: (e, g) => yesNo(e.criminal, g),
  },
  {
    id: 'specificPersonalData',
    section: 'data',
    label: l('Særlige personoplysninger', 'Specific personal data'),
    value: (e, g) => words('PersonalDataOption', e.specificPersonalData, g),
  },
  {
    id: 'sensitivePersonalData',
    section: 'data',
    label: l('Typer af følsomme oplysninger', 'Types of sensitive data'),
    value: (e) => list(e.sensitivePersonalData),
  },
  {
    id: 'dataCategories',
    section: 'data',
    label: l('Registrerede datakategorier', 'Registered data categories'),
    value: (e) => list(e.dataCategories),
  },
  {
    id: 'hostedAt',
    section: 'recipients',
    label: l('Drift', 'Hosted'),
    value: (e, g) => word('UsageHostedAt', e.hostedAt, g),
  },
  {
    id: 'registrations',
    section: 'recipients',
    label: l('Databehandlinger', 'Data processing registrations'),
    value: (e) => list(e.registrations.map((r) => r.name)),
  },
  {
    id: 'dataControllers',
    section: 'recipients',
    label: l('Dataansvarlig', 'Data controller'),
    value: (e) => list(e.dataControllers),
  },
  {
    id: 'processors',
    section: 'recipients',
    label: l('Databehandlere', 'Processors'),
    value: (e) => list(e.processors),
  },
  {
    id: 'subProcessors',
    section: 'recipients',
    label: l('Underdatabehandlere', 'Sub-processors'),
    value: (e) => list(e.subProcessors),
  },
  {
    id: 'recipientSystems',
    section: 'recipients',
    label: l('Systemer der modtager data', 'Systems receiving data'),
    value: (e) => list(e.recipientSystems),
  },
  {
    id: 'transfers',
    section: 'transfers',
    label: l('Overførsel til usikre tredjelande', 'Transfers to insecure third countries'),
    value: (e, g) =>
      list(
        e.transfers.map((t) => {
          const who = t.subProcessor ? `${t.registration.name} / ${t.subProcessor}` : t.registration.name;
          const answer = word('YesNoUndecided', t.answer, g) ?? (g === 'da' ? 'ikke besvaret' : 'not answered');
          const where = t.countries.length ? ` – ${t.countries.join(', ')}` : '';
          const basis = t.basis ? ` (${g === 'da' ? 'grundlag' : 'basis'}: ${t.basis})` : '';
          return `${who}: ${answer}${where}${basis}`;
        }),
      ),
  },
  {
    id: 'retentionDefined',
    section: 'retention',
    label: l('Sletningsfrist fastsat', 'Retention period defined'),
    value: (e, g) => word('YesNoDontKnow', e.retention.defined, g),
  },
  {
    id: 'retentionNext',
    section: 'retention',
    label: l('Næste evaluering af sletning', 'Next retention review'),
    value: (e) => date(e.retention.nextEvaluation),
  },
  {
    id: 'retentionFrequency',
    section: 'retention',
    label: l('Evalueringsfrekvens', 'Review frequency'),
    value: (e, g) =>
      e.retention.frequencyMonths ? `${e.retention.frequencyMonths} ${g === 'da' ? 'mdr.' : 'months'}` : null,
  },
  {
    id: 'securityInPlace',
    section: 'security',
    label: l('Tekniske foranstaltninger', 'Technical precautions'),
    value: (e, g) => word('YesNoDontKnow', e.security.inPlace, g),
  },
  {
    id: 'securityApplied',
    section: 'security',
    label: l('Anvendte foranstaltninger', 'Precautions applied'),
    value: (e, g) => words('TechnicalPrecaution', e.security.applied, g),
  },
  {
    id: 'userSupervision',
    section: 'security',
    label: l('Logning af brugere', 'User supervision'),
    value: (e, g) => word('YesNoDontKnow', e.security.userSupervision, g),
  },
  {
    id: 'dpia',
    section: 'assessments',
    label: l('DPIA foretaget', 'DPIA conducted'),
    value: (e, g) => word('YesNoDontKnow', e.dpia.conducted, g),
  },
  { id: 'dpiaDate', section: 'assessments', label: l('Dato for DPIA', 'DPIA date'), value: (e) => date(e.dpia.date) },
  {
    id: 'riskAssessment',
    section: 'assessments',
    label: l('Risikovurdering foretaget', 'Risk assessment conducted'),
    value: (e, g) => word('YesNoDontKnow', e.riskAssessment.conducted, g),
  },
  {
    id: 'riskAssessmentDate',
    section: 'assessments',
    label: l('Dato for risikovurdering', 'Risk assessment date'),
    value: (e) => date(e.riskAssessment.date),
  },
  {
    id: 'riskLevel',
    section: 'assessments',
    label: l('Risikoniveau', 'Risk level'),
    value: (e, g) => word('GdprRiskLevel', e.riskAssessment.result, g),
  },
  {
    id: 'riskPlanned',
    section: 'assessments',
    label: l('Planlagt risikovurdering', 'Planned risk assessment'),
    value: (e) => date(e.riskAssessment.planned),
  },
  {
    id: 'oversight',
    section: 'oversight',
    label: l('Tilsyn med databehandlere', 'Oversight of processors'),
    value: (e, g) =>
      list(
        e.oversight.map((o) => {
          const interval =
            word('OversightInterval', o.interval, g) ?? (g === 'da' ? 'interval ikke angivet' : 'no interval');
          const latest = o.latest ? `, ${g === 'da' ? 'seneste' : 'latest'} ${o.latest}` : '';
          const next = o.scheduled ? `, ${g === 'da' ? 'planlagt' : 'scheduled'} ${o.scheduled}` : '';
          return `${o.registration.name}: ${interval}${latest}${next}`;
        }),
      ),
  },
  {
    id: 'attention',
    section: 'attention',
    label: l('Kræver opmærksomhed', 'Needs attention'),
    value: (e, g) => (e.attention.length ? e.attention.map((a) => a.text[g]).join('; ') : null),
  },
];

/**
 * The cells of an entry, column by column.
 *
 * @example
 * ```ts
 * gdprRegisterCells(entry, 'en')[GDPR_REGISTER_COLUMNS.findIndex((c) => c.id === 'sensitive')]; // 'Yes'
 * ```
 */
export function gdprRegisterCells(entry: GdprRegisterEntry, language: Language): GdprRegisterCell[] {
  return GDPR_REGISTER_COLUMNS.map((c) => c.value(entry, language));
}
