/**
 * Words of the widgets across municipalities (`<kitos-catalogue>`, `<kitos-procurement-radar>`,
 * `<kitos-similar-landscapes>`), in Danish and English. A dictionary of its own, imported by those
 * widgets only, so an embed of the other widgets does not carry it. Every language defines every key.
 *
 * @module
 */
import type { RadarKind } from '@os2kitos/core';
import type { Lang } from './strings.js';

/** Every string of the coordination widgets. */
export interface CoordinationStrings {
  readonly notAvailable: string;
  readonly all: string;
  readonly close: string;
  // The catalogue.
  readonly catalogueTitle: string;
  readonly filters: string;
  readonly search: string;
  readonly kleTask: string;
  readonly rightsHolder: string;
  readonly businessType: string;
  readonly minOrganizations: string;
  readonly systemCount: (n: string) => string;
  readonly system: string;
  readonly usedBy: string;
  readonly usedHere: string;
  readonly yes: string;
  readonly no: string;
  readonly organizations: (n: string) => string;
  readonly previous: string;
  readonly next: string;
  readonly pageOf: (from: string, to: string, total: string) => string;
  readonly noSystems: string;
  readonly showDetail: (system: string) => string;
  readonly deactivated: string;
  readonly whoUses: string;
  readonly usedByUnnamed: (named: string, total: string) => string;
  readonly sharesNothing: string;
  readonly lifeCycleStatus: string;
  readonly responsibleUnit: string;
  readonly contacts: string;
  readonly interfacesUsed: (n: string) => string;
  readonly contractsTitle: string;
  readonly noSharedContracts: string;
  readonly supplier: string;
  readonly interfacesTitle: string;
  readonly noInterfaces: string;
  readonly consumers: string;
  readonly noConsumers: string;
  // The radar.
  readonly radarTitle: string;
  readonly radarFor: string;
  readonly subjectKind: { readonly system: string; readonly supplier: string; readonly kle: string };
  readonly window: string;
  readonly months: (n: number) => string;
  readonly pickSubject: string;
  readonly viewTimeline: string;
  readonly viewTable: string;
  readonly radarSummary: (contracts: string, organizations: string) => string;
  readonly noRadar: string;
  readonly quarter: (q: string) => string;
  readonly kind: Readonly<Record<RadarKind, string>>;
  readonly deadline: string;
  readonly quarterColumn: string;
  readonly organization: string;
  readonly timelineHint: string;
  readonly emptyCell: string;
  readonly notShared: string;
  // Contracts like mine (the radar from one contract's point of view).
  readonly likeMineTitle: string;
  readonly likeMineIntro: string;
  readonly likeMineSummary: (n: string) => string;
  readonly noLikeMine: string;
  readonly inCommon: string;
  readonly sameSupplier: string;
  readonly deadlines: string;
  readonly distance: string;
  readonly quarterDistance: (n: number | null) => string;
  readonly onRadar: string;
  // Similar landscapes.
  readonly similarTitle: string;
  readonly similarity: string;
  readonly percent: (n: string) => string;
  readonly noSimilar: string;
  readonly suggestionsTitle: string;
  readonly pickTask: string;
  readonly noSuggestions: string;
  readonly sharedSystems: (n: string) => string;
  // The reference architecture.
  readonly architectureTitle: string;
  readonly architectureSummary: (tied: string, total: string, percent: string) => string;
  readonly architectureElements: string;
  readonly architectureUnits: string;
  readonly architectureKle: string;
  readonly element: string;
  readonly usagesTied: string;
  readonly unit: string;
  readonly noUnit: string;
  readonly kleTaskColumn: string;
  readonly tiedOf: (tied: string, total: string) => string;
  readonly noArchitecture: string;
  readonly noUsages: string;
}

const da: CoordinationStrings = {
  notAvailable: 'Data på tværs af kommuner er ikke tilgængelige fra denne datakilde.',
  all: 'Alle',
  close: 'Luk',
  catalogueTitle: 'Fælles IT-systemkatalog',
  filters: 'Filtre',
  search: 'Søg i systemnavne',
  kleTask: 'KLE-opgave',
  rightsHolder: 'Rettighedshaver',
  businessType: 'Forretningstype',
  minOrganizations: 'Brugt af mindst',
  systemCount: (n) => (n === '1' ? '1 system' : `${n} systemer`),
  system: 'IT-system',
  usedBy: 'Brugt af',
  usedHere: 'Bruges her',
  yes: 'Ja',
  no: 'Nej',
  organizations: (n) => (n === '1' ? '1 organisation' : `${n} organisationer`),
  previous: 'Forrige side',
  next: 'Næste side',
  pageOf: (from, to, total) => `${from}–${to} af ${total}`,
  noSystems: 'Ingen systemer passer til filtrene.',
  showDetail: (s) => `Vis hvem der bruger ${s}`,
  deactivated: 'Ikke aktivt',
  whoUses: 'Hvem bruger systemet',
  usedByUnnamed: (named, total) => `${named} af ${total} organisationer kan vises ved navn.`,
  sharesNothing: 'Deler ikke flere oplysninger.',
  lifeCycleStatus: 'Livscyklus',
  responsibleUnit: 'Ansvarlig enhed',
  contacts: 'Kontakt',
  interfacesUsed: (n) => `Bruger ${n} snitflader`,
  contractsTitle: 'Delte kontrakter',
  noSharedContracts: 'Ingen delte kontrakter.',
  supplier: 'Leverandør',
  interfacesTitle: 'Udstillede snitflader',
  noInterfaces: 'Ingen udstillede snitflader.',
  consumers: 'Anvendes af',
  noConsumers: 'Ingen delte anvendere.',
  radarTitle: 'Fælles udbudsradar',
  radarFor: 'Radar for',
  subjectKind: { system: 'IT-system', supplier: 'Leverandør', kle: 'KLE-opgave' },
  window: 'Periode',
  months: (n) => `${n} måneder`,
  pickSubject: 'Vælg hvad radaren skal vise.',
  viewTimeline: 'Tidslinje',
  viewTable: 'Tabel',
  radarSummary: (c, o) =>
    `${c} ${c === '1' ? 'kontrakt' : 'kontrakter'} i ${o} ${o === '1' ? 'organisation' : 'organisationer'}`,
  noRadar: 'Ingen delte kontrakter udløber eller kan opsiges i perioden.',
  quarter: (q) => `${q.slice(6)}. kvt. ${q.slice(0, 4)}`,
  kind: { expiry: 'Udløber', earliestEnd: 'Tidligst ophør', tenderStart: 'Udbud bør starte' },
  deadline: 'Frist',
  quarterColumn: 'Kvartal',
  organization: 'Organisation',
  timelineHint: 'Brug piletasterne til at gå mellem kvartaler og systemer, Enter for detaljer.',
  emptyCell: 'Ingen',
  notShared: 'Ikke delt',
  likeMineTitle: 'Kontrakter som denne',
  likeMineIntro:
    'Andre kommuners delte kontrakter på de samme IT-systemer eller hos samme leverandør, med den nærmeste udløbsdato først: dem, I kan gå i udbud sammen med.',
  likeMineSummary: (n) => (n === '1' ? '1 kontrakt som denne' : `${n} kontrakter som denne`),
  noLikeMine: 'Ingen andre kommuner deler en kontrakt på de samme systemer eller hos samme leverandør.',
  inCommon: 'Til fælles',
  sameSupplier: 'Samme leverandør',
  deadlines: 'Frister',
  distance: 'Fra jeres',
  quarterDistance: (n) =>
    n === null ? 'Ukendt' : n === 0 ? 'Samme kvartal' : n === 1 ? '1 kvartal' : `${n} kvartaler`,
  onRadar: 'Vis på radar',
  similarTitle: 'Kommuner med lignende systemlandskab',
  similarity: 'Lighed',
  percent: (n) => `${n} %`,
  noSimilar: 'Ingen andre organisationer bruger de samme systemer.',
  suggestionsTitle: 'Systemer de lignende bruger, som I ikke bruger',
  pickTask: 'Vælg en KLE-opgave for at se forslag.',
  noSuggestions: 'Ingen forslag til denne opgave.',
  sharedSystems: (n) => `${n} fælles systemer`,
  architectureTitle: 'Fælleskommunal rammearkitektur',
  architectureSummary: (tied, total, percent) =>
    `${tied} af ${total} systemer i brug (${percent}) er knyttet til den fælles infrastruktur og standarder.`,
  architectureElements: 'Pr. element',
  architectureUnits: 'Pr. ansvarlig organisationsenhed',
  architectureKle: 'Pr. KLE-opgave',
  element: 'Element',
  usagesTied: 'Systemer i brug knyttet til',
  unit: 'Organisationsenhed',
  noUnit: 'Uden ansvarlig enhed',
  kleTaskColumn: 'KLE-opgave',
  tiedOf: (tied, total) => `${tied} af ${total}`,
  noArchitecture: 'Rammearkitekturen har endnu ingen elementer.',
  noUsages: 'Organisationen har ingen systemer i brug.',
};

const en: CoordinationStrings = {
  notAvailable: 'Data across municipalities is not available from this data source.',
  all: 'All',
  close: 'Close',
  catalogueTitle: 'Shared IT system catalogue',
  filters: 'Filters',
  search: 'Search system names',
  kleTask: 'KLE task',
  rightsHolder: 'Rights holder',
  businessType: 'Business type',
  minOrganizations: 'Used by at least',
  systemCount: (n) => (n === '1' ? '1 system' : `${n} systems`),
  system: 'IT system',
  usedBy: 'Used by',
  usedHere: 'Used here',
  yes: 'Yes',
  no: 'No',
  organizations: (n) => (n === '1' ? '1 organisation' : `${n} organisations`),
  previous: 'Previous page',
  next: 'Next page',
  pageOf: (from, to, total) => `${from}–${to} of ${total}`,
  noSystems: 'No systems match the filters.',
  showDetail: (s) => `Show who uses ${s}`,
  deactivated: 'Not active',
  whoUses: 'Who uses the system',
  usedByUnnamed: (named, total) => `${named} of ${total} organisations can be named.`,
  sharesNothing: 'Shares no further details.',
  lifeCycleStatus: 'Life cycle',
  responsibleUnit: 'Responsible unit',
  contacts: 'Contact',
  interfacesUsed: (n) => `Uses ${n} interfaces`,
  contractsTitle: 'Shared contracts',
  noSharedContracts: 'No shared contracts.',
  supplier: 'Supplier',
  interfacesTitle: 'Exposed interfaces',
  noInterfaces: 'No exposed interfaces.',
  consumers: 'Used by',
  noConsumers: 'No shared consumers.',
  radarTitle: 'Joint procurement radar',
  radarFor: 'Radar for',
  subjectKind: { system: 'IT system', supplier: 'Supplier', kle: 'KLE task' },
  window: 'Window',
  months: (n) => `${n} months`,
  pickSubject: 'Choose what the radar shows.',
  viewTimeline: 'Timeline',
  viewTable: 'Table',
  radarSummary: (c, o) =>
    `${c} ${c === '1' ? 'contract' : 'contracts'} in ${o} ${o === '1' ? 'organisation' : 'organisations'}`,
  noRadar: 'No shared contract expires or can be ended in the window.',
  quarter: (q) => `Q${q.slice(6)} ${q.slice(0, 4)}`,
  kind: { expiry: 'Expires', earliestEnd: 'Earliest end', tenderStart: 'Tender should start' },
  deadline: 'Deadline',
  quarterColumn: 'Quarter',
  organization: 'Organisation',
  timelineHint: 'Use the arrow keys to move between quarters and systems, Enter for details.',
  emptyCell: 'None',
  notShared: 'Not shared',
  likeMineTitle: 'Contracts like this one',
  likeMineIntro:
    "Other municipalities' shared contracts on the same IT systems or with the same supplier, nearest expiry first: the ones you could tender together with.",
  likeMineSummary: (n) => (n === '1' ? '1 contract like this one' : `${n} contracts like this one`),
  noLikeMine: 'No other municipality shares a contract on the same systems or with the same supplier.',
  inCommon: 'In common',
  sameSupplier: 'Same supplier',
  deadlines: 'Deadlines',
  distance: 'From yours',
  quarterDistance: (n) => (n === null ? 'Unknown' : n === 0 ? 'Same quarter' : n === 1 ? '1 quarter' : `${n} quarters`),
  onRadar: 'Show on radar',
  similarTitle: 'Municipalities with a similar landscape',
  similarity: 'Similarity',
  percent: (n) => `${n}%`,
  noSimilar: 'No other organisation uses the same systems.',
  suggestionsTitle: 'Systems the similar ones use that you do not',
  pickTask: 'Choose a KLE task to see suggestions.',
  noSuggestions: 'No suggestions for this task.',
  sharedSystems: (n) => `${n} shared systems`,
  architectureTitle: 'Joint municipal reference architecture',
  architectureSummary: (tied, total, percent) =>
    `${tied} of ${total} systems in use (${percent}) are tied to the shared infrastructure and standards.`,
  architectureElements: 'By element',
  architectureUnits: 'By responsible unit',
  architectureKle: 'By KLE task',
  element: 'Element',
  usagesTied: 'Systems in use tied to it',
  unit: 'Unit',
  noUnit: 'No responsible unit',
  kleTaskColumn: 'KLE task',
  tiedOf: (tied, total) => `${tied} of ${total}`,
  noArchitecture: 'The reference architecture has no elements yet.',
  noUsages: 'The organisation has no systems in use.',
};

/**
 * The coordination dictionary of a language.
 *
 * @example
 * ```ts
 * coordinationStrings('en').radarTitle; // 'Joint procurement radar'
 * ```
 */
export function coordinationStrings(lang: Lang): CoordinationStrings {
  return lang === 'en' ? en : da;
}
