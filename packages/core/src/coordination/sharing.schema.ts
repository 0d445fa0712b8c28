/**
 * The sharing setting of an organisation: what other municipalities see of its usages, contracts
 * and projects. KITOS has no access modifier on those records (only organisations, systems and
 * interfaces carry one); here the owner keeps, in one versioned record per organisation, a scope
 * (`Local`/`Public`) per kind of record with per-record exceptions, and which details a `Public`
 * record shows. Nothing is shared beyond "uses system X" until the organisation's admin says so.
 *
 * @module
 */
import { z } from 'zod';
import { AccessModifier, EntityMetaSchema, UuidSchema } from '../shared/index.js';

/** Details of a usage that may be shared. */
export const USAGE_SHARED_FIELDS = ['responsibleUnit', 'contact', 'lifeCycleStatus', 'interfaces'] as const;
/** A detail of a usage that may be shared. */
export type UsageSharedField = (typeof USAGE_SHARED_FIELDS)[number];
/** Details of a contract that may be shared. */
export const CONTRACT_SHARED_FIELDS = ['supplier', 'endQuarter', 'procurementForm', 'contact'] as const;
/** A detail of a contract that may be shared. */
export type ContractSharedField = (typeof CONTRACT_SHARED_FIELDS)[number];
/** Details of a project that may be shared. */
export const PROJECT_SHARED_FIELDS = ['phase', 'timeline', 'participants'] as const;
/** A detail of a project that may be shared. */
export type ProjectSharedField = (typeof PROJECT_SHARED_FIELDS)[number];

/** Most per-record exceptions one setting holds. */
export const SHARING_EXCEPTIONS_MAX = 5000;

const fieldList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length, { message: 'each detail at most once' });

/** How an organisation's usages are shared. */
export const UsageSharingSchema = z.strictObject({
  /** Scope of every usage without an exception: `Local` shows only that the system is used. */
  scope: AccessModifier.schema,
  /** What a `Public` usage shows besides "uses system X". */
  fields: fieldList(USAGE_SHARED_FIELDS),
  /** The usage role (an `it-system-usage-role-types` option) whose holders are the contacts. */
  contactRoleUuid: UuidSchema.nullable(),
});
/** How an organisation's usages are shared. */
export type UsageSharing = z.infer<typeof UsageSharingSchema>;

/** How an organisation's contracts are shared. */
export const ContractSharingSchema = z.strictObject({
  /** Scope of every contract without an exception: `Local` contracts are not shown at all. */
  scope: AccessModifier.schema,
  fields: fieldList(CONTRACT_SHARED_FIELDS),
  /** The contract role (an `it-contract-role-types` option) whose holders are the contacts. */
  contactRoleUuid: UuidSchema.nullable(),
});
/** How an organisation's contracts are shared. */
export type ContractSharing = z.infer<typeof ContractSharingSchema>;

/** How an organisation's projects are shared (partners of a joint project always read it whole). */
export const ProjectSharingSchema = z.strictObject({
  scope: AccessModifier.schema,
  fields: fieldList(PROJECT_SHARED_FIELDS),
});
/** How an organisation's projects are shared. */
export type ProjectSharing = z.infer<typeof ProjectSharingSchema>;

/** One record whose scope differs from its kind's. */
export const SharingExceptionSchema = z.strictObject({
  /** A usage, contract or project of the organisation. */
  uuid: UuidSchema,
  scope: AccessModifier.schema,
});
/** One per-record exception. */
export type SharingException = z.infer<typeof SharingExceptionSchema>;

/** The editable fields of a sharing setting. */
export const SharingSettingFieldsSchema = z.strictObject({
  organizationUuid: UuidSchema,
  usages: UsageSharingSchema,
  contracts: ContractSharingSchema,
  projects: ProjectSharingSchema,
  exceptions: z.array(SharingExceptionSchema).max(SHARING_EXCEPTIONS_MAX),
  /**
   * For an interest community (Interessefællesskab) only: the member organisations, whose people
   * see the community's usages, contracts and projects whole. The community's admin keeps the list.
   */
  communityMembers: z.array(UuidSchema).max(1000),
});
/** The editable fields of a sharing setting. */
export type SharingSettingFields = z.infer<typeof SharingSettingFieldsSchema>;

/**
 * A stored sharing setting.
 *
 * @example
 * ```ts
 * const setting = await kitos.coordination.sharing(actor, organizationUuid);
 * setting.contracts.scope; // 'Local' until the organisation's admin shares its contracts
 * ```
 */
export const SharingSettingSchema = EntityMetaSchema.extend(SharingSettingFieldsSchema.shape);
/** A stored sharing setting. */
export type SharingSetting = z.infer<typeof SharingSettingSchema>;

/** A change to a sharing setting: only the parts present change (a part's lists are replaced). */
export const SharingSettingPatchSchema = z.strictObject({
  usages: UsageSharingSchema.partial().optional(),
  contracts: ContractSharingSchema.partial().optional(),
  projects: ProjectSharingSchema.partial().optional(),
  exceptions: SharingSettingFieldsSchema.shape.exceptions.optional(),
  communityMembers: SharingSettingFieldsSchema.shape.communityMembers.optional(),
});
/** A change to a sharing setting. */
export type SharingSettingPatch = z.infer<typeof SharingSettingPatchSchema>;

/** Input creating a sharing setting: the organisation, and any part that differs from the default. */
export const SharingSettingCreateSchema = SharingSettingPatchSchema.extend({ organizationUuid: UuidSchema });
/** Input creating a sharing setting. */
export type SharingSettingCreate = z.infer<typeof SharingSettingCreateSchema>;

/**
 * The setting of an organisation that never chose one: every record `Local`, nothing but
 * "uses system X" leaves it.
 *
 * @example
 * ```ts
 * defaultSharing(org).usages; // { scope: 'Local', fields: [], contactRoleUuid: null }
 * ```
 */
export function defaultSharing(organizationUuid: string): SharingSettingFields {
  return {
    organizationUuid,
    usages: { scope: 'Local', fields: [], contactRoleUuid: null },
    contracts: { scope: 'Local', fields: [], contactRoleUuid: null },
    projects: { scope: 'Local', fields: [] },
    exceptions: [],
    communityMembers: [],
  };
}
