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
  ArchitectureCoverage,
  CatalogueFilters,
  Contract,
  CONTRACT_EDIT_OPTION_TYPES,
  REGISTRATION_EDIT_OPTION_TYPES,
  ContractCard,
  DataProcessingRegistration,
  DeleteConsequences,
  DprCard,
  DataQualityQuery,
  DataQualitySummary,
  GdprRegister,
  GdprRegisterQuery,
  DeadlineListItem,
  FeedChange,
  FeedDeletion,
  IsoDate,
  ItSystemUsage,
  Kitos,
  LandscapeSuggestion,
  LandscapeSuggestionsQuery,
  LikeMine,
  NationalCataloguePage,
  NationalCatalogueQuery,
  OverviewColumn,
  OverviewKind,
  OverviewPage,
  OverviewQuery,
  OverviewRowOf,
  PlannedReminder,
  Project,
  ProjectCard,
  ProjectEditChoiceKey,
  Radar,
  RadarQuery,
  SimilarLandscape,
  SimilarLandscapesQuery,
  SystemUse,
  RelationGraph,
  RelationGraphQuery,
  RolesOverview,
  RolesQuery,
  RoleTransfer,
  RoleTransferPreview,
  RoleTransferResult,
  UnitTreeNode,
  UsageCard,
} from '@os2kitos/core';

// The shapes crossing the client are the core's read models, so a card or row means the same in
// the page, over HTTP and in the core's own tests. They are re-exported here under the names the
// widgets have always used.
export type {
  ArchitectureCoverage,
  CatalogueFilters,
  CatalogueInterface,
  LandscapeSuggestion,
  LandscapeSuggestionsQuery,
  LikeMine,
  NationalCatalogueEntry,
  NationalCataloguePage,
  NationalCatalogueQuery,
  Radar,
  RadarEntry,
  RadarGroup,
  RadarKind,
  RadarQuery,
  SharedContract,
  SharedUsage,
  SimilarLandscape,
  SimilarLandscapesQuery,
  SystemUse,
  CardValidity,
  DeleteConsequences,
  DetachedRecords,
  DataQualityQuery,
  DataQualitySummary,
  GdprRegister,
  GdprRegisterEntry,
  GdprRegisterQuery,
  ContractCard as ContractCardData,
  ContractCardDeadlines,
  DprCard as RegistrationCardData,
  ProjectCard as ProjectCardData,
  DeadlineListItem as DeadlineItem,
  EntityRef,
  RoleHolder,
  StatusReason,
  StatusReasonCode,
  UnitCounts,
  UnitRef,
  RelationEdge,
  RelationGraph,
  RelationGraphQuery,
  RelationNode,
  RoleRow,
  RolesOverview,
  RolesQuery,
  RoleTransfer,
  RoleTransferPreview,
  RoleTransferResult,
  UnitTreeNode,
  UsageCard as UsageCardData,
} from '@os2kitos/core';

/** What the current actor may do with a record. Without `read`, a card shows nothing but that. */
export interface CardPermissions {
  readonly read: boolean;
  readonly modify: boolean;
  readonly delete: boolean;
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

/** Query of {@link KitosClient.reminders}. */
export interface ReminderQuery {
  readonly organizationUuid: string;
  /** The day to plan for; default: today. */
  readonly today?: IsoDate;
  /** Reminders to come up to this day (inclusive); default: 90 days ahead. */
  readonly until?: IsoDate;
  /** Only the reminders about this record. */
  readonly entityUuid?: string;
}

/** What became of a reminder the scheduler took on. */
export interface ReminderDelivery {
  readonly status: 'sending' | 'sent' | 'retrying' | 'failed';
  readonly reason: string | null;
  readonly updatedAt: string;
}

/** One reminder (the core's `PlannedReminder`) with its delivery, once there is one. */
export type ReminderItem = PlannedReminder & { readonly delivery: ReminderDelivery | null };

/** Reminders due today and those to come. */
export interface ReminderList {
  readonly due: readonly ReminderItem[];
  readonly ahead: readonly ReminderItem[];
}

/** One entry of the delivery log: a reminder e-mail sent, being retried or failed. */
export interface DeliveryItem {
  readonly key: string;
  readonly entityKind: string;
  readonly entityUuid: string;
  readonly entityName: string;
  readonly deadline: string | null;
  readonly dueDate: string | null;
  readonly sendOn: string;
  readonly subject: string;
  readonly recipients: readonly string[];
  /** Recipients the mail server refused. */
  readonly rejected: readonly string[];
  readonly status: ReminderDelivery['status'];
  readonly reason: string | null;
  readonly nextAttemptAt: string | null;
  readonly updatedAt: string;
}

/** Query of {@link KitosClient.deliveries}. */
export interface DeliveryQuery {
  readonly organizationUuid: string;
  readonly entityUuid?: string;
  /** Only these statuses, e.g. `['failed', 'retrying']`. */
  readonly status?: readonly ReminderDelivery['status'][];
  readonly limit?: number;
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
  overview<K extends OverviewKind>(kind: K, query: OverviewQuery): Promise<OverviewPage<OverviewRowOf<K>>>;
  /** The detail card of an IT-system usage. */
  usageCard(uuid: string): Promise<UsageCard>;
  /** The detail card of a contract, with its deadlines. */
  contractCard(uuid: string): Promise<ContractCard>;
  /** Dated deadlines of the organisation's contracts, sorted by date. */
  contractDeadlines(query: DeadlineQuery): Promise<readonly DeadlineListItem[]>;
  /** The organisation's unit tree: its root unit(s) with their sub-units. */
  unitTree(organizationUuid: string): Promise<readonly UnitTreeNode[]>;
  /**
   * Live updates (optional): calls `listener` with each batch of changes to the organisation's
   * records that the actor may read, until the returned function is called. Widgets that show the
   * organisation's data load again when a batch names what they show. Clients without it (a static
   * snapshot) simply never update.
   */
  subscribe?(organizationUuid: string, listener: (change: KitosChange) => void): () => void;
  /**
   * Reminders (optional): those due on `today`, with what became of them, and those to come.
   * Clients without it make `<kitos-notifications>` say that reminders are not available.
   */
  reminders?(query: ReminderQuery): Promise<ReminderList>;
  /**
   * The delivery log of reminder e-mails (optional; only a server sends e-mail, so only the HTTP
   * client has it), newest first.
   */
  deliveries?(query: DeliveryQuery): Promise<{ readonly items: readonly DeliveryItem[]; readonly total: number }>;
  /**
   * The stored usage in the core's shape, with its `version` (optional: a client without it is
   * read-only, and the cards show no edit controls).
   */
  usageRecord?(uuid: string): Promise<ItSystemUsage>;
  /** The option lists a usage editor offers in the organisation. */
  usageEditChoices?(organizationUuid: string): Promise<UsageEditChoices>;
  /**
   * Changes a usage (sections merged field by field, lists replaced whole, as the core's
   * `ItSystemUsagePatchSchema`). With `expectedVersion`, a usage someone else changed since is
   * refused with `KitosConflictError` and nothing changes. Invalid input rejects with
   * `KitosValidationError`, whose `issues` name the fields by path.
   */
  patchUsage?(uuid: string, patch: UsagePatch, options?: KitosWriteOptions): Promise<ItSystemUsage>;
  /** May the actor take catalogue systems into use in the organisation? */
  mayCreateUsage?(organizationUuid: string): Promise<boolean>;
  /** Takes a catalogue system into use; one the organisation already uses is a `KitosConflictError`. */
  createUsage?(input: UsageCreate): Promise<ItSystemUsage>;
  /** Deletes a usage with its cascades (roles, unit links, relations to and from it, references). */
  deleteUsage?(uuid: string, options?: KitosWriteOptions): Promise<void>;
  /**
   * The data quality summary of the organisation or a unit (the core's `kitos.quality.summary`).
   * Optional: a client without it makes `<kitos-data-quality>` say that it is not available.
   */
  dataQuality?(query: DataQualityQuery): Promise<DataQualitySummary>;
  /**
   * The GDPR register of processing activities (the core's `kitos.gdpr.register`). Optional: a
   * client without it makes `<kitos-gdpr-register>` say that it is not available.
   */
  gdprRegister?(query: GdprRegisterQuery): Promise<GdprRegister>;
  /**
   * The register as an XLSX workbook (optional; the HTTP client asks the server, the in-page client
   * has it when given a workbook writer). Without it the register offers printing only.
   */
  gdprRegisterWorkbook?(query: GdprRegisterQuery, language: 'da' | 'en'): Promise<KitosFile>;
  /**
   * What deleting a record would take with it (the core's `deleteConsequences`): the items of its own
   * lists and the records that let go of it, at the version it was read.
   */
  deleteConsequences?(kind: KitosWritableKind, uuid: string): Promise<DeleteConsequences>;
  /** The stored contract in the core's shape, with its `version`. */
  contractRecord?(uuid: string): Promise<Contract>;
  /** The option lists, members and organisations a contract editor offers in the organisation. */
  contractEditChoices?(organizationUuid: string): Promise<ContractEditChoices>;
  /**
   * Changes a contract (groups merged field by field, lists replaced whole, as the core's
   * `ContractPatchSchema`); `expectedVersion` as for {@link KitosClient.patchUsage}.
   */
  patchContract?(uuid: string, patch: ContractPatch, options?: KitosWriteOptions): Promise<Contract>;
  /** May the actor create contracts in the organisation? */
  mayCreateContract?(organizationUuid: string): Promise<boolean>;
  /** Creates a contract; a name already used in the organisation is a `KitosConflictError` (`name-taken`). */
  createContract?(input: ContractCreate): Promise<Contract>;
  /** Deletes a contract with its cascades (see {@link KitosClient.deleteConsequences}). */
  deleteContract?(uuid: string, options?: KitosWriteOptions): Promise<void>;
  /**
   * The detail card of a data processing registration (optional: clients without it make
   * `<kitos-registration-card>` say the client cannot show registrations).
   */
  registrationCard?(uuid: string): Promise<DprCard>;
  /** The stored registration in the core's shape, with its `version`. */
  registrationRecord?(uuid: string): Promise<DataProcessingRegistration>;
  /** The option lists, members and organisations a registration editor offers in the organisation. */
  registrationEditChoices?(organizationUuid: string): Promise<RegistrationEditChoices>;
  /**
   * Changes a registration (sections merged field by field, lists replaced whole, as the core's
   * `DataProcessingRegistrationPatchSchema`); `expectedVersion` as for {@link KitosClient.patchUsage}.
   */
  patchRegistration?(
    uuid: string,
    patch: RegistrationPatch,
    options?: KitosWriteOptions,
  ): Promise<DataProcessingRegistration>;
  /** May the actor create registrations in the organisation? */
  mayCreateRegistration?(organizationUuid: string): Promise<boolean>;
  /** Creates a registration; a name already used in the organisation is a `KitosConflictError` (`name-taken`). */
  createRegistration?(input: RegistrationCreate): Promise<DataProcessingRegistration>;
  /** Deletes a registration (contracts stop listing it; see {@link KitosClient.deleteConsequences}). */
  deleteRegistration?(uuid: string, options?: KitosWriteOptions): Promise<void>;
  /**
   * The detail card of a project (optional: clients without it make `<kitos-project-card>` say the
   * client cannot show projects).
   */
  projectCard?(uuid: string): Promise<ProjectCard>;
  /** The stored project in the core's shape, with its `version`. */
  projectRecord?(uuid: string): Promise<Project>;
  /** The project types, members and linkable records (projects, usages, contracts) a project editor offers. */
  projectEditChoices?(organizationUuid: string): Promise<ProjectEditChoices>;
  /**
   * Changes a project (fields replaced whole, as the core's `ProjectPatchSchema`: the phases as all
   * five, the status as a whole); `expectedVersion` as for {@link KitosClient.patchUsage}.
   */
  patchProject?(uuid: string, patch: ProjectPatch, options?: KitosWriteOptions): Promise<Project>;
  /** May the actor create projects in the organisation? */
  mayCreateProject?(organizationUuid: string): Promise<boolean>;
  /** Creates a project by name, with the core's defaults (five undated phases, phase 1). */
  createProject?(input: ProjectCreate): Promise<Project>;
  /** Deletes a project (sub-projects let go of it; see {@link KitosClient.deleteConsequences}). */
  deleteProject?(uuid: string, options?: KitosWriteOptions): Promise<void>;
  /**
   * Who holds which role on the organisation's usages, contracts, registrations and units (core's
   * `kitos.roles.overview`), optionally one person's. Clients without it make `<kitos-roles>` say
   * that roles are not available.
   */
  roles?(query: RolesQuery): Promise<RolesOverview>;
  /** What moving a person's roles to another would do, and whether it may (changes nothing). */
  previewRoleTransfer?(transfer: RoleTransfer): Promise<RoleTransferPreview>;
  /**
   * Moves a person's roles to another in one transaction; any refused item refuses the whole with
   * its typed error and nothing changes.
   */
  transferRoles?(transfer: RoleTransfer): Promise<RoleTransferResult>;
  /**
   * The roles matching `query` as an XLSX workbook (optional; the HTTP client asks the server, the
   * in-page client has it when given a workbook writer). Without it `<kitos-roles>` exports CSV only.
   */
  rolesWorkbook?(query: RolesQuery, language: 'da' | 'en'): Promise<KitosFile>;
  /**
   * The organisation's usages and their relations (core's `kitos.relations.graph`). Clients without
   * it make `<kitos-relation-graph>` say that the graph is not available.
   */
  relationGraph?(query: RelationGraphQuery): Promise<RelationGraph>;
  /**
   * Across municipalities (optional, all seven together; see {@link canCoordinate}): one page of
   * the national catalogue, most used systems first, as the core's `coordination.catalogue`.
   */
  catalogue?(query: NationalCatalogueQuery): Promise<NationalCataloguePage>;
  /** The catalogue's filter choices: KLE tasks, rights holders and business types of its systems. */
  catalogueFilters?(): Promise<CatalogueFilters>;
  /** Who uses a catalogue system and how, as each organisation shares it. */
  systemUse?(systemUuid: string): Promise<SystemUse>;
  /** The joint procurement radar: shared contracts ending in a window of whole quarters. */
  radar?(query: RadarQuery): Promise<Radar>;
  /** Other organisations' shared contracts like one of the reader's own, nearest end first. */
  contractsLikeMine?(contractUuid: string, options?: { readonly limit?: number }): Promise<readonly LikeMine[]>;
  /** The organisations whose portfolios are most like the organisation's, explained. */
  similarLandscapes?(query: SimilarLandscapesQuery): Promise<readonly SimilarLandscape[]>;
  /** Systems for a KLE task that the most similar organisations use and the organisation does not. */
  landscapeSuggestions?(query: LandscapeSuggestionsQuery): Promise<readonly LandscapeSuggestion[]>;
  /**
   * How much of an organisation's portfolio is tied to the joint reference architecture, in total,
   * per element, per responsible unit and per KLE task (core's `coordination.architectureCoverage`).
   * Clients without it make `<kitos-architecture-coverage>` say that it is not available.
   */
  architectureCoverage?(organizationUuid: string): Promise<ArchitectureCoverage>;
}

/** The coordination reads of a client, all present. */
export type KitosCoordinationReader = KitosClient &
  Required<
    Pick<
      KitosClient,
      | 'catalogue'
      | 'catalogueFilters'
      | 'systemUse'
      | 'radar'
      | 'contractsLikeMine'
      | 'similarLandscapes'
      | 'landscapeSuggestions'
    >
  >;

/**
 * True when the client reads across municipalities (the in-page and HTTP clients; a static
 * snapshot of one organisation does not). The coordination widgets say so otherwise.
 *
 * @example
 * ```ts
 * if (canCoordinate(client)) console.log((await client.catalogue({ limit: 10 })).total);
 * ```
 */
export function canCoordinate(client: KitosClient | undefined): client is KitosCoordinationReader {
  return (
    !!client &&
    typeof client.catalogue === 'function' &&
    typeof client.catalogueFilters === 'function' &&
    typeof client.systemUse === 'function' &&
    typeof client.radar === 'function' &&
    typeof client.contractsLikeMine === 'function' &&
    typeof client.similarLandscapes === 'function' &&
    typeof client.landscapeSuggestions === 'function'
  );
}

/** The kinds {@link KitosClient.deleteConsequences} reports on. */
export type KitosWritableKind = 'usages' | 'contracts' | 'registrations' | 'projects';

/** A change to a project in the core's shape (the input of `kitos.projects.patch`). */
export type ProjectPatch = Parameters<Kitos['projects']['patch']>[2];

/** What creating a project needs. */
export interface ProjectCreate {
  readonly organizationUuid: string;
  readonly name: string;
}

/** The choices of {@link KitosClient.projectEditChoices}. */
export interface ProjectEditChoices {
  /**
   * The lists by the project fields' keys: `projectTypes` (available in the organisation), and the
   * organisation's own `projects` (a parent), `usages` and `contracts` (links), each by name.
   */
  readonly options: Readonly<Record<ProjectEditChoiceKey, readonly OptionChoice[]>>;
  /** The organisation's members, by name. */
  readonly users: readonly UserChoice[];
  /** Not used by the project editor (always empty). */
  readonly organizations: readonly { readonly uuid: string; readonly name: string }[];
}

/** A change to a registration in the core's shape (the input of `kitos.dataProcessing.patch`). */
export type RegistrationPatch = Parameters<Kitos['dataProcessing']['patch']>[2];

/** What creating a registration needs. */
export interface RegistrationCreate {
  readonly organizationUuid: string;
  readonly name: string;
}

/** The choices of {@link KitosClient.registrationEditChoices}. */
export interface RegistrationEditChoices {
  /** The option lists available in the organisation, by the registration fields' keys (`countries`, `roles`, …). */
  readonly options: Readonly<Record<keyof typeof REGISTRATION_EDIT_OPTION_TYPES, readonly OptionChoice[]>>;
  /** The organisation's members, by name: who can hold a role. */
  readonly users: readonly UserChoice[];
  /** The organisations the actor may see, by name: who can be a data processor. */
  readonly organizations: readonly { readonly uuid: string; readonly name: string }[];
}

/** A change to a contract in the core's shape (the input of `kitos.contracts.patch`). */
export type ContractPatch = Parameters<Kitos['contracts']['patch']>[2];

/** What creating a contract needs. */
export interface ContractCreate {
  readonly organizationUuid: string;
  readonly name: string;
}

/** The choices of {@link KitosClient.contractEditChoices}. */
export interface ContractEditChoices {
  /** The option lists available in the organisation, by the contract fields' keys (`contractTypes`, `roles`, …). */
  readonly options: Readonly<Record<keyof typeof CONTRACT_EDIT_OPTION_TYPES, readonly OptionChoice[]>>;
  /** The organisation's members, by name: who can hold a role. */
  readonly users: readonly UserChoice[];
  /** The organisations the actor may see, by name: who can be the supplier. */
  readonly organizations: readonly { readonly uuid: string; readonly name: string }[];
}

/** A file a client made, to download. */
export interface KitosFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly data: Uint8Array;
}

/** A change to a usage in the core's shape (the input of `kitos.usages.patch`). */
export type UsagePatch = Parameters<Kitos['usages']['patch']>[2];

/** What taking a catalogue system into use needs. */
export interface UsageCreate {
  readonly organizationUuid: string;
  readonly systemUuid: string;
}

/** Options of a write: the version the change is based on. */
export interface KitosWriteOptions {
  /** The `version` the user's form was read at; a newer stored version refuses the write. */
  readonly expectedVersion?: number;
}

/** One option a field can take in the organisation. */
export interface OptionChoice {
  readonly uuid: string;
  readonly name: string;
  readonly description: string | null;
}

/** A member of the organisation who can hold a role. */
export interface UserChoice {
  readonly uuid: string;
  readonly name: string;
  readonly email: string;
}

/** The option lists of {@link KitosClient.usageEditChoices}. */
export interface UsageEditChoices {
  /** Data classification ("Klassifikation af data"). */
  readonly dataClassifications: readonly OptionChoice[];
  /** System roles ("Systemroller") available in the organisation. */
  readonly roles: readonly OptionChoice[];
  /** Sensitive personal data types ("Følsomme personoplysninger"). */
  readonly sensitivePersonalData: readonly OptionChoice[];
  /** Registered data categories ("Registrerede kategorier af data"). */
  readonly registeredDataCategories: readonly OptionChoice[];
  /** Archive types ("Arkiveringstype"). */
  readonly archiveTypes: readonly OptionChoice[];
  /** Archive locations ("Arkiveringssted"). */
  readonly archiveLocations: readonly OptionChoice[];
  /** Archive test locations ("Arkiveringsteststed"). */
  readonly archiveTestLocations: readonly OptionChoice[];
  /** The organisation's members, by name: who can hold a role. */
  readonly users: readonly UserChoice[];
  /** The organisations the actor may see, by name: who can be the archiving supplier. */
  readonly organizations: readonly { readonly uuid: string; readonly name: string }[];
}

/** The write methods of a usage, all present. */
export type KitosUsageWriter = KitosClient &
  Required<
    Pick<
      KitosClient,
      | 'usageRecord'
      | 'usageEditChoices'
      | 'patchUsage'
      | 'mayCreateUsage'
      | 'createUsage'
      | 'deleteUsage'
      | 'deleteConsequences'
    >
  >;

/**
 * True when the client can edit usages (the in-page and HTTP clients; not a static snapshot).
 *
 * @example
 * ```ts
 * if (canWriteUsages(client)) await client.patchUsage(uuid, { general: { notes: 'x' } }, { expectedVersion: 3 });
 * ```
 */
export function canWriteUsages(client: KitosClient | undefined): client is KitosUsageWriter {
  return (
    !!client &&
    typeof client.usageRecord === 'function' &&
    typeof client.usageEditChoices === 'function' &&
    typeof client.patchUsage === 'function' &&
    typeof client.mayCreateUsage === 'function' &&
    typeof client.createUsage === 'function' &&
    typeof client.deleteUsage === 'function' &&
    typeof client.deleteConsequences === 'function'
  );
}

/** The write methods of a contract, all present. */
export type KitosContractWriter = KitosClient &
  Required<
    Pick<
      KitosClient,
      | 'contractRecord'
      | 'contractEditChoices'
      | 'patchContract'
      | 'mayCreateContract'
      | 'createContract'
      | 'deleteContract'
      | 'deleteConsequences'
    >
  >;

/** The write methods of a registration (and its card), all present. */
export type KitosRegistrationWriter = KitosClient &
  Required<
    Pick<
      KitosClient,
      | 'registrationCard'
      | 'registrationRecord'
      | 'registrationEditChoices'
      | 'patchRegistration'
      | 'mayCreateRegistration'
      | 'createRegistration'
      | 'deleteRegistration'
      | 'deleteConsequences'
    >
  >;

/**
 * True when the client can edit registrations (the in-page and HTTP clients; not a static snapshot).
 *
 * @example
 * ```ts
 * if (canWriteRegistrations(client)) await client.patchRegistration(uuid, { name: 'Løn' }, { expectedVersion: 4 });
 * ```
 */
export function canWriteRegistrations(client: KitosClient | undefined): client is KitosRegistrationWriter {
  return (
    !!client &&
    (
      [
        'registrationCard',
        'registrationRecord',
        'registrationEditChoices',
        'patchRegistration',
        'mayCreateRegistration',
        'createRegistration',
        'deleteRegistration',
        'deleteConsequences',
      ] as const
    ).every((m) => typeof client[m] === 'function')
  );
}

/** The write methods of a project (and its card), all present. */
export type KitosProjectWriter = KitosClient &
  Required<
    Pick<
      KitosClient,
      | 'projectCard'
      | 'projectRecord'
      | 'projectEditChoices'
      | 'patchProject'
      | 'mayCreateProject'
      | 'createProject'
      | 'deleteProject'
      | 'deleteConsequences'
    >
  >;

/**
 * True when the client can edit projects (the in-page and HTTP clients; not a static snapshot).
 *
 * @example
 * ```ts
 * if (canWriteProjects(client)) await client.patchProject(uuid, { name: 'Nyt ESDH' }, { expectedVersion: 2 });
 * ```
 */
export function canWriteProjects(client: KitosClient | undefined): client is KitosProjectWriter {
  return (
    !!client &&
    (
      [
        'projectCard',
        'projectRecord',
        'projectEditChoices',
        'patchProject',
        'mayCreateProject',
        'createProject',
        'deleteProject',
        'deleteConsequences',
      ] as const
    ).every((m) => typeof client[m] === 'function')
  );
}

/** Every write method of the widgets, all present (the in-page and HTTP clients). */
export type KitosWriter = KitosUsageWriter & KitosContractWriter & KitosRegistrationWriter & KitosProjectWriter;

/**
 * True when the client can edit contracts (the in-page and HTTP clients; not a static snapshot).
 *
 * @example
 * ```ts
 * if (canWriteContracts(client)) await client.patchContract(uuid, { general: { notes: 'x' } }, { expectedVersion: 2 });
 * ```
 */
export function canWriteContracts(client: KitosClient | undefined): client is KitosContractWriter {
  return (
    !!client &&
    (
      [
        'contractRecord',
        'contractEditChoices',
        'patchContract',
        'mayCreateContract',
        'createContract',
        'deleteContract',
        'deleteConsequences',
      ] as const
    ).every((m) => typeof client[m] === 'function')
  );
}

/**
 * One batch of changes from {@link KitosClient.subscribe}: which records changed or were deleted
 * (references only; the widgets read the records again through the client).
 */
export interface KitosChange {
  readonly changed: readonly Pick<FeedChange, 'kind' | 'uuid' | 'organizationUuid' | 'version' | 'lastChanged'>[];
  readonly deleted: readonly FeedDeletion[];
}

/** Who is looking: the actor the client reads as (saved views are kept per user). */
export type KitosActor = Actor;

/** The roles methods, all present (the in-page and HTTP clients). */
export type KitosRolesClient = Required<Pick<KitosClient, 'roles' | 'previewRoleTransfer' | 'transferRoles'>>;

/**
 * True when the client can move roles (the in-page and HTTP clients; not a static snapshot).
 *
 * @example
 * ```ts
 * if (canTransferRoles(client)) await client.transferRoles({ organizationUuid, fromUserUuid, toUserUuid });
 * ```
 */
export function canTransferRoles(client: KitosClient | undefined): client is KitosClient & KitosRolesClient {
  return (
    !!client &&
    typeof client.roles === 'function' &&
    typeof client.previewRoleTransfer === 'function' &&
    typeof client.transferRoles === 'function'
  );
}
