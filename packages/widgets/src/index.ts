/**
 * `@os2kitos/widgets`: embeddable Lit web components for the OS2KITOS portfolio. Importing this
 * module registers every `<kitos-*>` element. Widgets read through a {@link KitosClient} given by
 * `<kitos-provider>` (or set on a widget as `.client`), dispatch typed `kitos-*` events, and are
 * themed with `--kitos-*` custom properties and `::part()`.
 *
 * @example
 * ```html
 * <script type="module" src="kitos-widgets.bundle.js"></script>
 * <kitos-provider organization-uuid="…">
 *   <kitos-overview kind="usages" link-template="/usages/{uuid}"></kitos-overview>
 *   <kitos-contract-deadlines link-template="/contracts/{uuid}"></kitos-contract-deadlines>
 * </kitos-provider>
 * <script type="module">
 *   document.querySelector('kitos-provider').client = myClient; // a KitosClient
 * </script>
 * ```
 *
 * @packageDocumentation
 */
// The provider first: its context root must exist before any widget asks for context.
export { KitosProvider } from './components/provider/provider.js';
export { KitosCatalogue } from './components/catalogue/catalogue.js';
export { KitosContractCard } from './components/contract-card/contract-card.js';
export {
  type DeadlineUrgency,
  deadlineUrgency,
} from './components/contract-deadlines/contract-deadlines.component.js';
export { KitosContractDeadlines } from './components/contract-deadlines/contract-deadlines.js';
export { KitosNotifications } from './components/notifications/notifications.js';
export { KitosOrgTree } from './components/org-tree/org-tree.js';
export { KitosOverview } from './components/overview/overview.js';
export type { RadarSubjectKind } from './components/procurement-radar/procurement-radar.component.js';
export { KitosProcurementRadar } from './components/procurement-radar/procurement-radar.js';
export { KitosSimilarLandscapes } from './components/similar-landscapes/similar-landscapes.js';
export { KitosArchitectureCoverage } from './components/architecture-coverage/architecture-coverage.js';
export { KitosRelationGraph } from './components/relation-graph/relation-graph.js';
export { KitosRoles } from './components/roles/roles.js';
export { KitosStatusBadge } from './components/status-badge/status-badge.js';
export { KitosUsageCard } from './components/usage-card/usage-card.js';
export { KitosUsageCreate } from './components/usage-create/usage-create.js';
export { KitosContractCreate } from './components/contract-create/contract-create.js';
export { KitosRegistrationCard } from './components/registration-card/registration-card.js';
export { KitosRegistrationCreate } from './components/registration-create/registration-create.js';
export { KitosProjectCard } from './components/project-card/project-card.js';
export { KitosProjectCreate } from './components/project-create/project-create.js';
export { KitosDataQuality } from './components/data-quality/data-quality.js';
export { KitosGdprRegister } from './components/gdpr-register/gdpr-register.js';
export type {
  CardPermissions,
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
  ContractCardData,
  ContractCardDeadlines,
  ContractCreate,
  ContractEditChoices,
  ContractPatch,
  DataQualityQuery,
  DataQualitySummary,
  DeadlineItem,
  DeadlineQuery,
  DeliveryItem,
  DeleteConsequences,
  DeliveryQuery,
  DetachedRecords,
  EntityRef,
  GdprRegister,
  GdprRegisterEntry,
  GdprRegisterQuery,
  KitosActor,
  KitosChange,
  KitosClient,
  KitosCoordinationReader,
  KitosFile,
  ReminderDelivery,
  ReminderItem,
  ReminderList,
  ReminderQuery,
  KitosContractWriter,
  KitosProjectWriter,
  KitosRegistrationWriter,
  KitosRolesClient,
  KitosUsageWriter,
  KitosWritableKind,
  KitosWriteOptions,
  KitosWriter,
  OptionChoice,
  ProjectCardData,
  ProjectCreate,
  ProjectEditChoices,
  ProjectPatch,
  RegistrationCardData,
  RegistrationCreate,
  RegistrationEditChoices,
  RegistrationPatch,
  RoleHolder,
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
  StatusReason,
  StatusReasonCode,
  UnitCounts,
  UnitRef,
  UnitTreeNode,
  UsageCardData,
  UsageCreate,
  UsageEditChoices,
  UsagePatch,
  UserChoice,
} from './data/client.js';
export {
  canCoordinate,
  canTransferRoles,
  canWriteContracts,
  canWriteProjects,
  canWriteRegistrations,
  canWriteUsages,
} from './data/client.js';
export { type KitosContextValue, kitosContext } from './data/context.js';
export { KitosWidgetError, type KitosWidgetErrorCode } from './data/errors.js';
export { createInPageClient, type InPageClientOptions } from './data/in-page-client.js';
export {
  createStaticClient,
  type StaticClientData,
  type StaticRow,
  type StaticUnit,
} from './data/fake-client.js';
export {
  type StaticCoordination,
  type StaticCoordinationData,
  type StaticCoordinationRead,
  staticCoordination,
} from './data/static-coordination.js';
export { decodeView, encodeView, type OverviewView, parseView } from './data/view.js';
export type * from './events/events.js';
export type { KitosEventDetail, KitosEventName } from './internal/emit.js';
export { formatAmount, formatCount, formatDate, formatMonth } from './i18n/format.js';
export { da, en, type Lang, type Strings, strings, toLang } from './i18n/strings.js';
export { type CoordinationStrings, coordinationStrings } from './i18n/coordination-strings.js';
export type { EditStrings } from './i18n/edit-strings.js';
export {
  createHttpClient,
  type HttpClientOptions,
  type KitosHttpClient,
  type RequestOptions,
  type SubscribeOptions,
} from './data/http-client.js';
export { errorFromProblem, errorFromResponse, type ProblemBody } from './data/http-errors.js';
export { readEventStream, type StreamEvent } from './data/event-stream.js';
