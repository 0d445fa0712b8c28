/**
 * The narrow data contract every widget reads through. A `KitosClient` can sit on the core facade
 * in the page (core + a storage adapter, local-first) or on an HTTP API later; the widgets never
 * see which. Everything crossing it is plain, serialisable data (strings, numbers, booleans,
 * arrays, plain objects; dates as `YYYY-MM-DD`), so an HTTP client can return parsed JSON as is.
 *
 * Keep this interface stable: widgets depend on every member, and adding a member breaks every
 * client that implements it.
 *
 * @module
 */
import type {
  Actor,
  ContractDeadlineKind,
  ContractDeadlines,
  IsoDate,
  OverviewColumn,
  OverviewKind,
  OverviewPage,
  OverviewQuery,
} from '@os2kitos/core';

/** A reference to an organisation unit. */
export interface UnitRef {
  readonly uuid: string;
  readonly name: string;
}

/** A reference to another entity (contract, usage, registration) by uuid and display name. */
export interface EntityRef {
  readonly uuid: string;
  readonly name: string;
}

/**
 * Why something is not active. The codes are KITOS's validation error names (usage:
 * `StartDateNotPassed`, `EndDatePassed`, `NotOperationalAccordingToLifeCycle`,
 * `MainContractNotActive`; contract: `StartDateNotPassed`, `EndDatePassed`,
 * `TerminationPeriodExceeded`, `InvalidParentContract`); the widgets turn each into one sentence.
 */
export type StatusReasonCode =
  | 'StartDateNotPassed'
  | 'EndDatePassed'
  | 'NotOperationalAccordingToLifeCycle'
  | 'MainContractNotActive'
  | 'TerminationPeriodExceeded'
  | 'InvalidParentContract';

/** One reason for "not active", with the facts the sentence needs. */
export interface StatusReason {
  readonly code: StatusReasonCode;
  /**
   * The date the reason is about: the start date (`StartDateNotPassed`), the end date
   * (`EndDatePassed`) or the last day of the notice period (`TerminationPeriodExceeded`).
   */
  readonly date?: IsoDate | null;
  /** `TerminationPeriodExceeded`: the day notice was given. */
  readonly terminatedAt?: IsoDate | null;
  /** `MainContractNotActive` / `InvalidParentContract`: the contract's name. */
  readonly contractName?: string | null;
}

/** Whether an entity is active on `today`, and every reason why not. */
export interface CardValidity {
  readonly valid: boolean;
  /** The day the validity was computed for. */
  readonly today: IsoDate;
  /** Empty when valid (a contract forced valid may still list reasons). */
  readonly reasons: readonly StatusReason[];
  /** Contracts: the "force valid" flag decided, whatever the reasons say. */
  readonly enforcedValid?: boolean;
}

/** What the current actor may do with the entity. Without `read`, a card shows nothing but that. */
export interface CardPermissions {
  readonly read: boolean;
  readonly modify: boolean;
  readonly delete: boolean;
}

/** A role on an entity and who holds it. */
export interface RoleHolder {
  /** Role name, e.g. "Systemejer". */
  readonly role: string;
  /** The user's name. */
  readonly user: string;
  readonly email?: string | null;
}

/** GDPR facts of a usage, summarised for a card. */
export interface UsageGdprSummary {
  /** Sensitivity levels (KITOS `SensitiveDataLevel` names, e.g. `PersonalData`). */
  readonly dataSensitivity: readonly string[];
  readonly purpose: string | null;
  readonly dataProcessingAgreementConcluded: boolean | null;
  readonly riskAssessmentDate: IsoDate | null;
  readonly plannedRiskAssessmentDate: IsoDate | null;
  /** `Yes`, `No`, `DontKnow` or `null` when not answered. */
  readonly dpiaConducted: string | null;
}

/** Everything `<kitos-usage-card>` shows about one IT-system usage. */
export interface UsageCardData {
  readonly uuid: string;
  /** Name of the catalogue system. */
  readonly systemName: string;
  /** The organisation's own name for the system ("Lokal kaldenavn"). */
  readonly localCallName: string | null;
  readonly localSystemId: string | null;
  readonly validity: CardValidity;
  /** KITOS `LifeCycleStatusType` name (`Operational`, `NotInUse`, …) or `null`. */
  readonly lifeCycleStatus: string | null;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly responsibleUnit: UnitRef | null;
  readonly usingUnits: readonly UnitRef[];
  /** The contract that decides the usage's status ("Markeret kontrakt"). */
  readonly mainContract: (EntityRef & { readonly active: boolean }) | null;
  /** Supplier of the main contract. */
  readonly supplier: string | null;
  readonly gdpr: UsageGdprSummary;
  readonly roles: readonly RoleHolder[];
  readonly permissions: CardPermissions;
  /** Fields the organisation hides (KITOS UI customisation), as card field names; never shown. */
  readonly hiddenFields?: readonly string[];
}

/**
 * The deadline engine's results for a contract card: core's `ContractDeadlines` without the
 * parsed option objects, so it stays plain JSON.
 */
export type ContractCardDeadlines = Pick<
  ContractDeadlines,
  | 'today'
  | 'state'
  | 'endReason'
  | 'term'
  | 'expiry'
  | 'finalExpiry'
  | 'latestNoticeDay'
  | 'nextPossibleTermination'
  | 'terminatedAt'
  | 'endsOn'
  | 'tenderStart'
  | 'deadlines'
  | 'nextDeadline'
>;

/** Everything `<kitos-contract-card>` shows about one contract. */
export interface ContractCardData {
  readonly uuid: string;
  readonly name: string;
  readonly contractId: string | null;
  readonly contractType: string | null;
  readonly supplier: string | null;
  readonly validity: CardValidity;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly responsibleUnit: UnitRef | null;
  readonly parentContract: EntityRef | null;
  /** The usages the contract covers. */
  readonly systemUsages: readonly EntityRef[];
  /** Accumulated payments in kroner; `null` when not registered. */
  readonly economy: {
    readonly acquisition: number | null;
    readonly operation: number | null;
    readonly other: number | null;
  };
  /** Notice period in months, as registered (`null` when none). */
  readonly noticePeriodMonths: number | null;
  readonly deadlines: ContractCardDeadlines;
  readonly roles: readonly RoleHolder[];
  readonly permissions: CardPermissions;
  /** Fields the organisation hides (KITOS UI customisation), as card field names; never shown. */
  readonly hiddenFields?: readonly string[];
}

/** Query of {@link KitosClient.contractDeadlines}. Dates are inclusive. */
export interface DeadlineQuery {
  readonly organizationUuid: string;
  /** The day `daysLeft` counts from; default: today. */
  readonly today?: IsoDate;
  /** Only deadlines on or after this day. */
  readonly from?: IsoDate;
  /** Only deadlines on or before this day. */
  readonly to?: IsoDate;
  /** Only contracts this unit is responsible for. */
  readonly responsibleUnitUuid?: string;
  /** With `responsibleUnitUuid`: also the units below it. */
  readonly includeSubUnits?: boolean;
}

/** One dated deadline of one contract, as the deadline engine computed it. */
export interface DeadlineItem {
  readonly contractUuid: string;
  readonly contractName: string;
  readonly supplier: string | null;
  readonly responsibleUnit: UnitRef | null;
  /** `notice`, `extension-decision`, `expiry`, `final-expiry`, `tender-start`, `termination-effective` or `start`. */
  readonly kind: ContractDeadlineKind;
  readonly date: IsoDate;
  /** Days from `today` to `date`; negative once passed, 0 today. */
  readonly daysLeft: number;
}

/** What a unit is responsible for (its own registrations, not its sub-units'). */
export interface UnitCounts {
  readonly usages: number;
  readonly contracts: number;
  readonly roles: number;
}

/** A unit of the organisation tree with its sub-units. */
export interface UnitTreeNode {
  readonly uuid: string;
  readonly name: string;
  readonly parentUuid: string | null;
  readonly children: readonly UnitTreeNode[];
  readonly counts: UnitCounts;
}

/**
 * The data source of every widget. Each method returns plain data; a rejected promise is shown
 * as an error in the widget and reported with a `kitos-error` event.
 *
 * @example
 * ```ts
 * const client: KitosClient = createStaticClient({ rows: { usages } });
 * const page = await client.overview('usages', { organizationUuid, search: 'esdh', limit: 50 });
 * console.log(page.total);
 * ```
 */
export interface KitosClient {
  /** The column catalogue of an overview (see core's `OVERVIEW_COLUMNS`), possibly without hidden fields. */
  columns(kind: OverviewKind): Promise<readonly OverviewColumn[]>;
  /** One page of an overview, with the total before paging; semantics of core's `applyOverviewQuery`. */
  overview(kind: OverviewKind, query: OverviewQuery): Promise<OverviewPage>;
  /** The detail card of an IT-system usage. */
  usageCard(uuid: string): Promise<UsageCardData>;
  /** The detail card of a contract, with its deadlines. */
  contractCard(uuid: string): Promise<ContractCardData>;
  /** Dated deadlines of the organisation's contracts, sorted by date. */
  contractDeadlines(query: DeadlineQuery): Promise<readonly DeadlineItem[]>;
  /** The organisation's unit tree: its root unit(s) with their sub-units. */
  unitTree(organizationUuid: string): Promise<readonly UnitTreeNode[]>;
}

/** Who is looking: the actor the client reads as (saved views are kept per user). */
export type KitosActor = Actor;
