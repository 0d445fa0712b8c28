/**
 * Typed UI dictionaries. Danish is the default (KITOS's vocabulary); English is the second
 * language. Every language must define every key: the `Strings` type makes a missing translation a
 * compile error. Strings that take a number or a name are functions.
 *
 * @module
 */
import type { OverviewKind } from '@os2kitos/core';
import { da } from './da.js';
import { en } from './en.js';

export { da, en };

/** Every UI string the widgets use. */
export interface Strings {
  readonly active: string;
  readonly inactive: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly noClient: string;
  readonly yes: string;
  readonly no: string;
  readonly notSet: string;

  /** The live result count, e.g. `1.234 systemer`. */
  readonly count: (n: number, kind: OverviewKind) => string;
  readonly search: string;
  readonly searchHint: string;
  /** Tooltip of a column header's sort button. */
  readonly sortHint: string;
  readonly columns: string;
  readonly columnChooser: string;
  readonly shownColumns: string;
  readonly availableColumns: string;
  readonly moveUp: (label: string) => string;
  readonly moveDown: (label: string) => string;
  readonly hideColumn: (label: string) => string;
  readonly reorderHint: string;
  readonly resetColumns: string;
  readonly close: string;
  readonly filters: (n: number) => string;
  readonly filterPanel: string;
  readonly clearFilters: string;
  readonly removeFilter: (description: string) => string;
  readonly activeFilters: string;
  readonly opContains: string;
  readonly opEquals: string;
  readonly opOnOrAfter: string;
  readonly opOnOrBefore: string;
  readonly opBetween: string;
  readonly opIs: string;
  readonly opIn: string;
  readonly opUnit: string;
  readonly opHas: string;
  readonly opHasNot: string;
  readonly filled: string;
  readonly condition: string;
  readonly value: string;
  readonly anyValue: string;
  readonly min: string;
  readonly max: string;
  readonly includeSubUnits: string;
  readonly allUnits: string;
  readonly views: string;
  readonly currentView: string;
  readonly viewName: string;
  readonly saveView: string;
  readonly deleteView: string;
  readonly viewSaved: (name: string) => string;
  readonly viewDeleted: (name: string) => string;
  readonly viewLink: string;
  readonly exportCsv: string;
  readonly linkColumn: string;
  readonly noResults: string;
  readonly rowLoading: string;

  readonly reasonStartDateNotPassed: (date: string) => string;
  readonly reasonEndDatePassed: (date: string) => string;
  readonly reasonNotOperational: string;
  readonly reasonMainContractNotActive: (name: string | null) => string;
  readonly reasonTerminationPeriodExceeded: (terminatedAt: string, lastDay: string) => string;
  readonly reasonInvalidParentContract: (name: string | null) => string;
  readonly enforcedValid: string;

  readonly noReadAccessUsage: string;
  readonly noReadAccessContract: string;
  readonly noReadAccessRegistration: string;
  /** `<kitos-registration-card>` with a client that has no registration cards (a static snapshot). */
  readonly noRegistrations: string;
  /** The registration card's delete button. */
  readonly deleteRegistration: string;
  /** The button of `<kitos-registration-create>`. */
  readonly newRegistration: string;
  readonly noReadAccessProject: string;
  /** `<kitos-project-card>` with a client that has no project cards (a static snapshot). */
  readonly noProjects: string;
  /** The project card's delete button. */
  readonly deleteProject: string;
  /** The button of `<kitos-project-create>`. */
  readonly newProject: string;
  /** Sections and facts of the project card beside the overview's columns. */
  readonly projectOwner: string;
  readonly projectPhases: string;
  readonly projectCurrentPhase: string;
  readonly projectStart: string;
  readonly projectEnd: string;
  readonly projectLinks: string;
  readonly projectPartners: string;
  readonly projectUsages: string;
  readonly projectContracts: string;
  /** Why the project's traffic light shows its colour, by the core's reason code. */
  readonly projectReasons: Readonly<
    Record<'reported-status' | 'milestone-overdue' | 'milestone-due-soon' | 'high-risk', string>
  >;
  /** Sections and facts of the registration card beside the overview's columns. */
  readonly processors: string;
  readonly oversight: string;
  readonly dataResponsible: string;
  readonly insecureCountries: string;
  readonly basisForTransfer: string;
  readonly oversightCompleted: string;
  readonly oversightOptions: string;
  readonly edit: string;
  /** The button that opens the card's edit mode. */
  readonly editHere: string;
  /** The button that removes a usage (after a confirmation). */
  readonly removeUsage: string;
  /** The contract card's delete button. */
  readonly deleteContract: string;
  /** The button of `<kitos-contract-create>`. */
  readonly newContract: string;
  /** The button of `<kitos-usage-create>`. */
  readonly takeIntoUse: string;
  readonly responsibleUnit: string;
  readonly gdpr: string;
  readonly roles: string;
  readonly role: string;
  readonly user: string;
  readonly email: string;
  readonly noRoles: string;
  readonly economy: string;
  readonly deadlines: string;
  readonly contractState: string;
  readonly noticePeriod: string;
  readonly months: (n: number) => string;
  readonly finalExpiry: string;
  readonly endsOn: string;
  /** Relative days: `om 5 dage`, `i dag`, `for 3 dage siden`. */
  readonly daysLeft: (n: number) => string;

  readonly deadlinesTitle: string;
  readonly deadlineCount: (n: number) => string;
  readonly noDeadlines: string;
  readonly urgencyOverdue: string;
  readonly urgencySoon: string;
  readonly urgencyUpcoming: string;
  readonly urgencyLater: string;

  readonly orgTree: string;
  readonly unitCounts: (usages: number, contracts: number, roles: number) => string;
  readonly noUnits: string;

  readonly notificationsTitle: string;
  readonly remindersPlanned: string;
  readonly remindersNotDelivered: string;
  readonly reminderCount: (n: number) => string;
  readonly noReminders: string;
  readonly noFailures: string;
  readonly remindersUnavailable: string;
  /** What a reminder is about: a deadline of the reminder rules, or a manual advis. */
  readonly reminderAbout: (deadline: string | null) => string;
  /** Where a reminder e-mail stands. */
  readonly deliveryStatus: (status: 'sending' | 'sent' | 'retrying' | 'failed' | 'planned') => string;
  readonly reminderSendOn: string;
  readonly reminderDue: string;
  readonly reminderTo: string;
  readonly reminderReason: string;
  readonly reminderNextAttempt: string;
}

/** Languages the widgets speak. */
export type Lang = 'da' | 'en';

const dictionaries: Record<Lang, Strings> = { da, en };

/**
 * The dictionary for a language; anything other than `'en'` falls back to Danish.
 *
 * @example
 * ```ts
 * strings('en').inactive; // 'Not active'
 * ```
 */
export function strings(lang: string | null | undefined): Strings {
  return dictionaries[toLang(lang)];
}

/**
 * Normalises a language tag to a language the widgets speak (`en`, `en-GB` → `en`; else `da`).
 *
 * @example
 * ```ts
 * toLang('en-GB'); // 'en'
 * ```
 */
export function toLang(lang: string | null | undefined): Lang {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'da';
}
