/**
 * Words of the list fields in the edit forms (payment streams, sub-processors, oversight dates,
 * journal periods, a procurement plan, links) and the labels of the fields added with them (the
 * usage's archiving, AI and web accessibility, and the rest of its GDPR; the contract's
 * procurement and customer signature; the registration's sub-processor question), in Danish and
 * English. Loaded with the editing code only. Every language defines every key.
 *
 * @module
 */
import type { Lang } from './strings.js';

/** What a list field says about its rows. */
export interface ListRowWords {
  /** A row's name, numbered from 1 (`Ekstern betaling 2`). */
  readonly row: (n: number) => string;
  /** The add button. */
  readonly add: string;
  /** What the list says when it has no rows. */
  readonly empty: string;
}

/** Every string of the list fields. */
export interface ListEditStrings {
  /** Labels of the fields added to the usage form, by the field's path in the usage. */
  readonly usageFields: Readonly<Record<string, string>>;
  readonly archivingGroup: string;
  /** Labels of the fields added to the contract form. */
  readonly contractFields: Readonly<Record<string, string>>;
  /** Labels of the fields added to the registration form. */
  readonly registrationFields: Readonly<Record<string, string>>;
  /** Column labels by the row property. */
  readonly columns: Readonly<Record<string, string>>;
  /** Row words by the list field's key. */
  readonly rows: Readonly<Record<string, ListRowWords>>;
  /** The remove button of a row. */
  readonly remove: (row: string) => string;
  readonly added: (row: string) => string;
  readonly removed: (row: string) => string;
  /** The hint of an amount cell. */
  readonly amountHint: string;
  /** The hint of the specific personal data, opened by the personal data level. */
  readonly personalDataGate: string;
}

const da: ListEditStrings = {
  usageFields: {
    'general.containsAITechnology': 'Indeholder systemet AI-teknologi?',
    'general.webAccessibility.compliance': 'Overholdes kravene til webtilgængelighed?',
    'general.webAccessibility.lastCheck': 'Seneste tjek af webtilgængelighed',
    'general.webAccessibility.notes': 'Bemærkninger om webtilgængelighed',
    'gdpr.directoryDocumentation': 'Link til fortegnelse',
    'gdpr.specificPersonalData': 'Typer af almindelige personoplysninger',
    'gdpr.sensitivePersonDataUuids': 'Følsomme personoplysninger',
    'gdpr.registeredDataCategoryUuids': 'Registrerede kategorier af data',
    'gdpr.technicalPrecautionsDocumentation': 'Link til dokumentation af tekniske foranstaltninger',
    'gdpr.userSupervisionDocumentation': 'Link til dokumentation af logning',
    'gdpr.riskAssessmentDocumentation': 'Link til risikovurdering',
    'gdpr.dpiaDocumentation': 'Link til DPIA',
    'archiving.archiveDuty': 'Arkiveringspligt',
    'archiving.typeUuid': 'Arkiveringstype',
    'archiving.locationUuid': 'Arkiveringssted',
    'archiving.testLocationUuid': 'Arkiveringsteststed',
    'archiving.supplierOrganizationUuid': 'Arkiveringsleverandør',
    'archiving.active': 'Arkiveres der fra systemet',
    'archiving.documentBearing': 'Dokumentbærende system',
    'archiving.frequencyInMonths': 'Arkiveringsfrekvens (måneder)',
    'archiving.notes': 'Arkiveringsbemærkninger',
    'archiving.journalPeriods': 'Journalperioder',
  },
  archivingGroup: 'Arkivering',
  contractFields: {
    'general.agreementElementUuids': 'Aftaleelementer',
    'procurement.procurementPlan': 'Genanskaffelsesplan',
    'procurement.procurementInitiated': 'Genanskaffelse igangsat',
    'responsible.signed': 'Underskrevet af kunden',
    'responsible.signedBy': 'Underskrevet af (kunde)',
    'responsible.signedAt': 'Underskrevet den (kunde)',
    'payments.external': 'Eksterne betalinger',
    'payments.internal': 'Interne betalinger',
  },
  registrationFields: {
    'general.hasSubDataProcessors': 'Benyttes underdatabehandlere?',
    'general.subDataProcessors': 'Underdatabehandlere',
    'oversight.oversightDates': 'Gennemførte tilsyn',
  },
  columns: {
    organizationUnitUuid: 'Organisationsenhed',
    acquisition: 'Anskaffelse (kr.)',
    operation: 'Drift/år (kr.)',
    other: 'Andet (kr.)',
    accountingEntry: 'Kontering',
    auditStatus: 'Revisionsstatus',
    auditDate: 'Revisionsdato',
    note: 'Note',
    quarter: 'Kvartal',
    year: 'År',
    organizationUuid: 'Underdatabehandler',
    basisForTransferUuid: 'Overførselsgrundlag',
    transferToInsecureCountry: 'Overføres til usikkert tredjeland?',
    insecureCountryUuid: 'Tredjeland',
    date: 'Dato for tilsyn',
    remark: 'Bemærkning',
    startDate: 'Startdato',
    endDate: 'Slutdato',
    archiveId: 'Unikt arkiv-ID',
    approved: 'Godkendt',
    name: 'Titel',
    url: 'Link (URL)',
  },
  rows: {
    'payments.external': {
      row: (n) => `Ekstern betaling ${n}`,
      add: 'Tilføj ekstern betaling',
      empty: 'Ingen eksterne betalinger.',
    },
    'payments.internal': {
      row: (n) => `Intern betaling ${n}`,
      add: 'Tilføj intern betaling',
      empty: 'Ingen interne betalinger.',
    },
    'procurement.procurementPlan': {
      row: () => 'Planlagt genanskaffelse',
      add: 'Planlæg genanskaffelse',
      empty: 'Ingen genanskaffelse planlagt.',
    },
    'general.subDataProcessors': {
      row: (n) => `Underdatabehandler ${n}`,
      add: 'Tilføj underdatabehandler',
      empty: 'Ingen underdatabehandlere.',
    },
    'oversight.oversightDates': { row: (n) => `Tilsyn ${n}`, add: 'Tilføj tilsyn', empty: 'Ingen gennemførte tilsyn.' },
    'archiving.journalPeriods': {
      row: (n) => `Journalperiode ${n}`,
      add: 'Tilføj journalperiode',
      empty: 'Ingen journalperioder.',
    },
    link: { row: () => 'Link', add: 'Tilføj link', empty: 'Intet link.' },
  },
  remove: (r) => `Fjern ${r.toLocaleLowerCase('da')}`,
  added: (r) => `${r} er tilføjet.`,
  removed: (r) => `${r} er fjernet.`,
  amountHint: 'Hele kroner, fx 120.000',
  personalDataGate:
    'Typerne af almindelige personoplysninger vises kun, når Almindelige personoplysninger er valgt. Fravælges det, ryddes typerne, når der gemmes.',
};

const en: ListEditStrings = {
  usageFields: {
    'general.containsAITechnology': 'Does the system contain AI technology?',
    'general.webAccessibility.compliance': 'Does it meet the web accessibility requirements?',
    'general.webAccessibility.lastCheck': 'Last web accessibility check',
    'general.webAccessibility.notes': 'Web accessibility notes',
    'gdpr.directoryDocumentation': 'Link to the record of processing',
    'gdpr.specificPersonalData': 'Kinds of ordinary personal data',
    'gdpr.sensitivePersonDataUuids': 'Sensitive personal data',
    'gdpr.registeredDataCategoryUuids': 'Registered data categories',
    'gdpr.technicalPrecautionsDocumentation': 'Link to the technical precautions documentation',
    'gdpr.userSupervisionDocumentation': 'Link to the logging documentation',
    'gdpr.riskAssessmentDocumentation': 'Link to the risk assessment',
    'gdpr.dpiaDocumentation': 'Link to the DPIA',
    'archiving.archiveDuty': 'Archive duty',
    'archiving.typeUuid': 'Archive type',
    'archiving.locationUuid': 'Archive location',
    'archiving.testLocationUuid': 'Archive test location',
    'archiving.supplierOrganizationUuid': 'Archiving supplier',
    'archiving.active': 'Data is archived from the system',
    'archiving.documentBearing': 'Document bearing system',
    'archiving.frequencyInMonths': 'Archiving frequency (months)',
    'archiving.notes': 'Archiving notes',
    'archiving.journalPeriods': 'Journal periods',
  },
  archivingGroup: 'Archiving',
  contractFields: {
    'general.agreementElementUuids': 'Agreement elements',
    'procurement.procurementPlan': 'Procurement plan',
    'procurement.procurementInitiated': 'Procurement initiated',
    'responsible.signed': 'Signed by the customer',
    'responsible.signedBy': 'Signed by (customer)',
    'responsible.signedAt': 'Signed on (customer)',
    'payments.external': 'External payments',
    'payments.internal': 'Internal payments',
  },
  registrationFields: {
    'general.hasSubDataProcessors': 'Are sub-processors used?',
    'general.subDataProcessors': 'Sub-processors',
    'oversight.oversightDates': 'Completed oversights',
  },
  columns: {
    organizationUnitUuid: 'Organisation unit',
    acquisition: 'Acquisition (DKK)',
    operation: 'Operation/year (DKK)',
    other: 'Other (DKK)',
    accountingEntry: 'Accounting entry',
    auditStatus: 'Audit status',
    auditDate: 'Audit date',
    note: 'Note',
    quarter: 'Quarter',
    year: 'Year',
    organizationUuid: 'Sub-processor',
    basisForTransferUuid: 'Basis for transfer',
    transferToInsecureCountry: 'Transferred to an insecure third country?',
    insecureCountryUuid: 'Third country',
    date: 'Date of oversight',
    remark: 'Remark',
    startDate: 'Start date',
    endDate: 'End date',
    archiveId: 'Unique archive ID',
    approved: 'Approved',
    name: 'Title',
    url: 'Link (URL)',
  },
  rows: {
    'payments.external': {
      row: (n) => `External payment ${n}`,
      add: 'Add external payment',
      empty: 'No external payments.',
    },
    'payments.internal': {
      row: (n) => `Internal payment ${n}`,
      add: 'Add internal payment',
      empty: 'No internal payments.',
    },
    'procurement.procurementPlan': {
      row: () => 'Planned procurement',
      add: 'Plan a procurement',
      empty: 'No procurement planned.',
    },
    'general.subDataProcessors': {
      row: (n) => `Sub-processor ${n}`,
      add: 'Add sub-processor',
      empty: 'No sub-processors.',
    },
    'oversight.oversightDates': {
      row: (n) => `Oversight ${n}`,
      add: 'Add oversight',
      empty: 'No completed oversights.',
    },
    'archiving.journalPeriods': {
      row: (n) => `Journal period ${n}`,
      add: 'Add journal period',
      empty: 'No journal periods.',
    },
    link: { row: () => 'Link', add: 'Add link', empty: 'No link.' },
  },
  remove: (r) => `Remove ${r.toLocaleLowerCase('en')}`,
  added: (r) => `${r} added.`,
  removed: (r) => `${r} removed.`,
  amountHint: 'Whole kroner, e.g. 120.000',
  personalDataGate:
    'The kinds of personal data are shown only when Personal data is ticked. Unticking it clears the kinds on save.',
};

/** The list fields' words in `lang`. */
export const listEditStrings = (lang: Lang): ListEditStrings => (lang === 'en' ? en : da);
