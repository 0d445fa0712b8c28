import { formatCount } from './format.js';
import type { Strings } from './strings.js';

const n = (x: number) => formatCount(x, 'da');
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

/** Danish strings (default), in KITOS's vocabulary. */
export const da: Strings = {
  active: 'Aktiv',
  inactive: 'Ikke aktiv',
  loading: 'Henter …',
  loadFailed: 'Data kunne ikke hentes.',
  noClient: 'Der er ingen datakilde.',
  yes: 'Ja',
  no: 'Nej',
  notSet: 'Ikke angivet',

  count: (x, kind) => {
    switch (kind) {
      case 'usages':
      case 'catalogue':
        return plural(x, 'system', 'systemer');
      case 'contracts':
        return plural(x, 'kontrakt', 'kontrakter');
      case 'dataProcessing':
        return plural(x, 'registrering', 'registreringer');
      case 'projects':
        return plural(x, 'projekt', 'projekter');
    }
  },
  search: 'Søg',
  searchHint: 'Alle ord skal findes i en tekstkolonne',
  sortHint: 'Klik: stigende, faldende, usorteret. Skift+klik: faldende først',
  columns: 'Kolonner',
  columnChooser: 'Tilpas kolonner',
  shownColumns: 'Viste kolonner (i rækkefølge)',
  availableColumns: 'Alle kolonner',
  moveUp: (label) => `Flyt ${label} op`,
  moveDown: (label) => `Flyt ${label} ned`,
  hideColumn: (label) => `Skjul ${label}`,
  reorderHint: 'Alt+pil op/ned flytter den valgte kolonne.',
  resetColumns: 'Standardkolonner',
  close: 'Luk',
  filters: (x) => (x ? `Filtre (${n(x)})` : 'Filtre'),
  filterPanel: 'Filtre pr. kolonne',
  clearFilters: 'Ryd alle filtre',
  removeFilter: (d) => `Fjern filter: ${d}`,
  activeFilters: 'Aktive filtre',
  opContains: 'indeholder',
  opEquals: 'er lig med',
  opOnOrAfter: 'på eller efter',
  opOnOrBefore: 'på eller før',
  opBetween: 'mellem',
  opIs: 'er',
  opIn: 'er en af',
  opUnit: 'er',
  opHas: 'har en værdi',
  opHasNot: 'har ingen værdi',
  filled: 'Udfyldt',
  condition: 'Betingelse',
  value: 'Værdi',
  anyValue: 'Alle',
  min: 'Fra',
  max: 'Til',
  includeSubUnits: 'Inkl. underenheder',
  allUnits: 'Alle enheder',
  views: 'Visning',
  currentView: 'Aktuel visning',
  viewName: 'Navn på visning',
  saveView: 'Gem visning',
  deleteView: 'Slet visning',
  viewSaved: (name) => `Visningen ${name} er gemt.`,
  viewDeleted: (name) => `Visningen ${name} er slettet.`,
  viewLink: 'Link til visningen',
  exportCsv: 'Eksportér CSV',
  linkColumn: 'Link',
  noResults: 'Din søgning gav intet resultat.',
  rowLoading: 'Henter …',

  reasonStartDateNotPassed: (d) => `startdato ${d} er ikke nået`,
  reasonEndDatePassed: (d) => `slutdato ${d} er passeret`,
  reasonNotOperational: 'livscyklus er «Ikke i drift»',
  reasonMainContractNotActive: (name) =>
    name ? `markeret kontrakt «${name}» er ikke aktiv` : 'markeret kontrakt er ikke aktiv',
  reasonTerminationPeriodExceeded: (t, d) => `opsagt ${t}, og opsigelsesperioden sluttede ${d}`,
  reasonInvalidParentContract: (name) =>
    name ? `overordnet kontrakt «${name}» er ikke gyldig` : 'kræver en gyldig overordnet kontrakt',
  enforcedValid: 'Tvunget gyldig',

  noReadAccessUsage: 'Du har ikke læseadgang til dette IT-system.',
  noReadAccessContract: 'Du har ikke læseadgang til denne kontrakt.',
  noReadAccessRegistration: 'Du har ikke læseadgang til denne databehandling.',
  noRegistrations: 'Klienten kan ikke vise databehandlinger.',
  deleteRegistration: 'Slet databehandling',
  newRegistration: 'Ny databehandling',
  noReadAccessProject: 'Du har ikke læseadgang til dette projekt.',
  noProjects: 'Klienten kan ikke vise projekter.',
  deleteProject: 'Slet projekt',
  newProject: 'Nyt projekt',
  projectOwner: 'Ejer',
  projectPhases: 'Faser',
  projectCurrentPhase: 'Aktuel fase',
  projectStart: 'Start',
  projectEnd: 'Slut',
  projectLinks: 'Tilknytninger',
  projectPartners: 'Deltagende organisationer',
  projectUsages: 'IT-systemer',
  projectContracts: 'IT-kontrakter',
  projectReasons: {
    'reported-status': 'Den rapporterede status',
    'milestone-overdue': 'En milepæl er overskredet',
    'milestone-due-soon': 'En milepæl nærmer sig',
    'high-risk': 'En risiko er høj',
  },
  processors: 'Databehandlere',
  oversight: 'Tilsyn',
  dataResponsible: 'Dataansvarlig',
  insecureCountries: 'Usikre tredjelande',
  basisForTransfer: 'Overførselsgrundlag',
  oversightCompleted: 'Er tilsyn gennemført?',
  oversightOptions: 'Tilsynsmuligheder',
  edit: 'Redigér i KITOS',
  editHere: 'Redigér',
  takeIntoUse: 'Tag et IT-system i brug',
  removeUsage: 'Fjern anvendelse',
  deleteContract: 'Slet kontrakt',
  newContract: 'Ny kontrakt',
  responsibleUnit: 'Ansvarlig organisationsenhed',
  gdpr: 'GDPR',
  roles: 'Roller',
  role: 'Rolle',
  user: 'Bruger',
  email: 'E-mail',
  noRoles: 'Ingen roller er tildelt.',
  economy: 'Økonomi',
  deadlines: 'Aftalefrister',
  contractState: 'Kontraktens stand',
  noticePeriod: 'Opsigelsesvarsel',
  months: (m) => plural(m, 'måned', 'måneder'),
  finalExpiry: 'Udløber senest (alle optioner brugt)',
  endsOn: 'Ophører',
  daysLeft: (x) =>
    x === 0
      ? 'i dag'
      : x === 1
        ? 'i morgen'
        : x === -1
          ? 'i går'
          : x > 0
            ? `om ${n(x)} dage`
            : `for ${n(-x)} dage siden`,

  deadlinesTitle: 'Kontraktfrister',
  deadlineCount: (x) => plural(x, 'frist', 'frister'),
  noDeadlines: 'Ingen frister i perioden.',
  urgencyOverdue: 'Overskredet',
  urgencySoon: 'Inden for 30 dage',
  urgencyUpcoming: 'Inden for 90 dage',
  urgencyLater: 'Senere',

  orgTree: 'Organisationsenheder',
  unitCounts: (u, c, r) =>
    `${plural(u, 'system', 'systemer')}, ${plural(c, 'kontrakt', 'kontrakter')}, ${plural(r, 'rolle', 'roller')}`,
  noUnits: 'Organisationen har ingen enheder.',
  notificationsTitle: 'Påmindelser',
  remindersPlanned: 'Planlagte påmindelser',
  remindersNotDelivered: 'Påmindelser der ikke kom frem',
  reminderCount: (x) => plural(x, 'påmindelse', 'påmindelser'),
  noReminders: 'Ingen påmindelser i perioden.',
  noFailures: 'Alle påmindelser er kommet frem.',
  remindersUnavailable: 'Påmindelser kan ikke vises fra denne datakilde.',
  reminderAbout: (deadline) =>
    deadline === null
      ? 'Advis'
      : ((
          {
            notice: 'Sidste frist for opsigelse',
            'earliest-end': 'Tidligst mulige ophør',
            expiry: 'Kontraktens udløb',
            'extension-decision': 'Beslutning om option',
            'tender-start': 'Start på genudbud',
            'next-oversight': 'Næste tilsyn',
            'planned-risk-assessment': 'Planlagt risikovurdering',
            'dpia-review': 'Gennemgang af DPIA',
            'data-retention-evaluation': 'Evaluering af slettefrister',
            'phase-end': 'Projektfasens afslutning',
          } as Record<string, string>
        )[deadline] ?? deadline),
  deliveryStatus: (s) =>
    ({ planned: 'Planlagt', sending: 'Sendes', sent: 'Sendt', retrying: 'Prøves igen', failed: 'Fejlet' })[s],
  reminderSendOn: 'Sendes',
  reminderDue: 'Frist',
  reminderTo: 'Til',
  reminderReason: 'Årsag',
  reminderNextAttempt: 'Næste forsøg',
};
