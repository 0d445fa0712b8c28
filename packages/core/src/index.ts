/**
 * `@os2kitos/core`: the OS2KITOS domain as zod schemas, pure rules, services and the storage port.
 *
 * - Domain modules: organisation (organisations, units, users, memberships, roles, KLE), catalogue
 *   (IT systems, interfaces), usage, contract (with the deadline engine), data processing (GDPR),
 *   project, options.
 * - Rules are pure: they take `today` as a parameter and return values or typed results.
 * - The storage port and the reference memory adapter.
 * - The portfolio exchange format (JSON) and iCalendar deadline feeds. Spreadsheet import and
 *   export are a package of their own, `@os2kitos/io`, so only apps that use them install the
 *   spreadsheet libraries.
 *
 * @example
 * ```ts
 * import { addMonths, parse, IsoDateSchema } from '@os2kitos/core';
 * addMonths(parse(IsoDateSchema, '2025-01-31', 'core'), 1); // '2025-02-28'
 * ```
 *
 * @packageDocumentation
 */
export * from './shared/index.js';
export * from './organisation/index.js';
export * from './catalogue/index.js';
export * from './usage/index.js';
export * from './contract/index.js';
export * from './data-processing/index.js';
export * from './project/index.js';
export * from './options/index.js';
export * from './notification/index.js';
export * from './access/index.js';
export * from './storage/index.js';
export * from './overview/index.js';
export * from './integrity/index.js';
export * from './vocabulary/index.js';
export * from './exchange/index.js';
export * from './coordination/index.js';
export * from './quality/index.js';
export * from './gdpr/index.js';
export { createKitos, type Kitos, type KitosOptions, type UnitOfWorkServices } from './kitos.js';
export { type Clock, DEFAULT_TIME_ZONE, fixedClock, systemClock, todayBy } from './engine/clock.js';
export { type AuditChange, AuditChangeSchema, type AuditEntry, AuditEntrySchema, auditDiff } from './engine/audit.js';
export { CORE_STORAGE_SCHEMA } from './services/kinds.js';
export {
  type EditChoicesOf,
  type EditOptionChoice,
  type EditOrganizationChoice,
  type EditUserChoice,
  editChoicesOf,
  projectEditChoicesOf,
  type ProjectEditChoiceKey,
  CONTRACT_EDIT_OPTION_TYPES,
  PROJECT_EDIT_OPTION_TYPES,
  REGISTRATION_EDIT_OPTION_TYPES,
  USAGE_EDIT_OPTION_TYPES,
} from './services/edit-choices.js';
export {
  DEFAULT_LIST_LIMIT,
  type EntityService,
  type DeleteConsequences,
  type DeleteOptions,
  type DetachedRecords,
  type ListFieldSpec,
  type ListPage,
  type ListQuery,
  listAll,
  MAX_LIST_LIMIT,
} from './engine/service.js';
export { DEFAULT_FEED_LIMIT, MAX_FEED_LIMIT } from './services/feed.service.js';
export type { WriteOptions } from './engine/repository.js';
export type { FeedChange, FeedDeletion, FeedPage, FeedService } from './services/feed.service.js';
export type {
  CardService,
  DeadlineListItem,
  DeadlineListQuery,
  OverviewService,
} from './services/overview.service.js';
export type { KleService } from './services/kle.service.js';
export type { NotificationService, ReminderPlanQuery } from './services/notification.service.js';
export type { CoordinationService, SharingSettingState } from './services/coordination.service.js';
export type { RolesService } from './services/roles.service.js';
export type { RelationGraphService } from './services/relation-graph.service.js';
export type { DataQualityService, GdprRegisterService } from './services/registers.service.js';
export {
  loadCoordinationBase,
  loadCoordinationFacts,
  loadCoordinationReference,
  loadPortfolios,
  loadUserCounts,
} from './services/coordination-data.js';
export {
  CONTRACT_LISTS,
  type ContractListName,
  DPR_LISTS,
  type DprListName,
  roleItemKey,
  SYSTEM_LISTS,
  type SystemListName,
  USAGE_LISTS,
  type UsageListName,
} from './services/list-fields.js';
export type { OptionsService } from './services/options.service.js';
export type {
  MembershipService,
  OrganizationService,
  UnitRoleService,
  UnitService,
} from './services/organisation.service.js';
export { type BulkLoadOptions, type BulkRecords, bulkLoad } from './services/bulk.js';
