import { formatCount } from './format.js';
import type { Strings } from './strings.js';

const n = (x: number) => formatCount(x, 'en');
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

/** English strings. */
export const en: Strings = {
  active: 'Active',
  inactive: 'Not active',
  loading: 'Loading …',
  loadFailed: 'The data could not be loaded.',
  noClient: 'No data source is set up.',
  yes: 'Yes',
  no: 'No',
  notSet: 'Not set',

  count: (x, kind) => {
    switch (kind) {
      case 'usages':
      case 'catalogue':
        return plural(x, 'system', 'systems');
      case 'contracts':
        return plural(x, 'contract', 'contracts');
      case 'dataProcessing':
        return plural(x, 'registration', 'registrations');
      case 'projects':
        return plural(x, 'project', 'projects');
    }
  },
  search: 'Search',
  searchHint: 'Every word must occur in a text column',
  sortHint: 'Click: ascending, descending, unsorted. Shift+click: descending first',
  columns: 'Columns',
  columnChooser: 'Choose columns',
  shownColumns: 'Shown columns (in order)',
  availableColumns: 'All columns',
  moveUp: (label) => `Move ${label} up`,
  moveDown: (label) => `Move ${label} down`,
  hideColumn: (label) => `Hide ${label}`,
  reorderHint: 'Alt+Arrow up/down moves the focused column.',
  resetColumns: 'Default columns',
  close: 'Close',
  filters: (x) => (x ? `Filters (${n(x)})` : 'Filters'),
  filterPanel: 'Filters per column',
  clearFilters: 'Clear all filters',
  removeFilter: (d) => `Remove filter: ${d}`,
  activeFilters: 'Active filters',
  opContains: 'contains',
  opEquals: 'equals',
  opOnOrAfter: 'on or after',
  opOnOrBefore: 'on or before',
  opBetween: 'between',
  opIs: 'is',
  opIn: 'is one of',
  opUnit: 'is',
  opHas: 'has a value',
  opHasNot: 'has no value',
  filled: 'Filled in',
  condition: 'Condition',
  value: 'Value',
  anyValue: 'Any',
  min: 'From',
  max: 'To',
  includeSubUnits: 'Include sub-units',
  allUnits: 'All units',
  views: 'View',
  currentView: 'Current view',
  viewName: 'Name of the view',
  saveView: 'Save view',
  deleteView: 'Delete view',
  viewSaved: (name) => `The view ${name} was saved.`,
  viewDeleted: (name) => `The view ${name} was deleted.`,
  viewLink: 'Link to this view',
  exportCsv: 'Export CSV',
  linkColumn: 'Link',
  noResults: 'Your search gave no results.',
  rowLoading: 'Loading …',

  reasonStartDateNotPassed: (d) => `start date ${d} has not been reached`,
  reasonEndDatePassed: (d) => `end date ${d} has passed`,
  reasonNotOperational: 'life cycle is "Not in use"',
  reasonMainContractNotActive: (name) =>
    name ? `main contract "${name}" is not active` : 'the main contract is not active',
  reasonTerminationPeriodExceeded: (t, d) => `terminated ${t}, and the notice period ended ${d}`,
  reasonInvalidParentContract: (name) =>
    name ? `parent contract "${name}" is not valid` : 'requires a valid parent contract',
  enforcedValid: 'Forced valid',

  noReadAccessUsage: 'You do not have read access to this IT system.',
  noReadAccessContract: 'You do not have read access to this contract.',
  noReadAccessRegistration: 'You do not have read access to this data processing registration.',
  noRegistrations: 'The client cannot show data processing registrations.',
  deleteRegistration: 'Delete registration',
  newRegistration: 'New registration',
  noReadAccessProject: 'You do not have read access to this project.',
  noProjects: 'The client cannot show projects.',
  deleteProject: 'Delete project',
  newProject: 'New project',
  projectOwner: 'Owner',
  projectPhases: 'Phases',
  projectCurrentPhase: 'Current phase',
  projectStart: 'Start',
  projectEnd: 'End',
  projectLinks: 'Links',
  projectPartners: 'Participating organisations',
  projectUsages: 'IT systems',
  projectContracts: 'Contracts',
  projectReasons: {
    'reported-status': 'The reported status',
    'milestone-overdue': 'A milestone is overdue',
    'milestone-due-soon': 'A milestone is due soon',
    'high-risk': 'A risk is high',
  },
  processors: 'Data processors',
  oversight: 'Oversight',
  dataResponsible: 'Data controller',
  insecureCountries: 'Insecure third countries',
  basisForTransfer: 'Basis for transfer',
  oversightCompleted: 'Has oversight been carried out?',
  oversightOptions: 'Oversight options',
  edit: 'Edit in KITOS',
  editHere: 'Edit',
  takeIntoUse: 'Take an IT system into use',
  removeUsage: 'Remove usage',
  deleteContract: 'Delete contract',
  newContract: 'New contract',
  responsibleUnit: 'Responsible unit',
  gdpr: 'GDPR',
  roles: 'Roles',
  role: 'Role',
  user: 'User',
  email: 'Email',
  noRoles: 'No roles are assigned.',
  economy: 'Economy',
  deadlines: 'Deadlines',
  contractState: 'Contract state',
  noticePeriod: 'Notice period',
  months: (m) => plural(m, 'month', 'months'),
  finalExpiry: 'Expires at the latest (all options used)',
  endsOn: 'Ends',
  daysLeft: (x) =>
    x === 0 ? 'today' : x === 1 ? 'tomorrow' : x === -1 ? 'yesterday' : x > 0 ? `in ${n(x)} days` : `${n(-x)} days ago`,

  deadlinesTitle: 'Contract deadlines',
  deadlineCount: (x) => plural(x, 'deadline', 'deadlines'),
  noDeadlines: 'No deadlines in the period.',
  urgencyOverdue: 'Overdue',
  urgencySoon: 'Within 30 days',
  urgencyUpcoming: 'Within 90 days',
  urgencyLater: 'Later',

  orgTree: 'Organisation units',
  unitCounts: (u, c, r) =>
    `${plural(u, 'system', 'systems')}, ${plural(c, 'contract', 'contracts')}, ${plural(r, 'role', 'roles')}`,
  noUnits: 'The organisation has no units.',
  notificationsTitle: 'Reminders',
  remindersPlanned: 'Planned reminders',
  remindersNotDelivered: 'Reminders not delivered',
  reminderCount: (x) => plural(x, 'reminder', 'reminders'),
  noReminders: 'No reminders in the period.',
  noFailures: 'Every reminder was delivered.',
  remindersUnavailable: 'Reminders cannot be shown from this data source.',
  reminderAbout: (deadline) =>
    deadline === null
      ? 'Advis'
      : ((
          {
            notice: 'Latest day to give notice',
            'earliest-end': 'Earliest possible end',
            expiry: 'Contract expiry',
            'extension-decision': 'Extension decision',
            'tender-start': 'Start of the new tender',
            'next-oversight': 'Next oversight',
            'planned-risk-assessment': 'Planned risk assessment',
            'dpia-review': 'DPIA review',
            'data-retention-evaluation': 'Retention evaluation',
            'phase-end': 'End of the project phase',
          } as Record<string, string>
        )[deadline] ?? deadline),
  deliveryStatus: (s) =>
    ({ planned: 'Planned', sending: 'Sending', sent: 'Sent', retrying: 'Retrying', failed: 'Failed' })[s],
  reminderSendOn: 'Sends',
  reminderDue: 'Due',
  reminderTo: 'To',
  reminderReason: 'Reason',
  reminderNextAttempt: 'Next attempt',
};
