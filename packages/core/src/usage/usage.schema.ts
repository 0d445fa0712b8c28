/**
 * The IT-system usage ("systemanvendelse"): one organisation's use of one catalogue system, with
 * its general data, the units that use it, local KLE deviations, roles, GDPR, archiving and
 * outgoing relations to other usages.
 *
 * @module
 */
import { z } from 'zod';
import { ExternalReferencesSchema } from '../organisation/external-reference.schema.js';
import { RoleAssignmentSchema } from '../organisation/role-assignment.schema.js';
import { EntityMetaSchema, UuidSchema } from '../shared/index.js';
import { UsageArchivingPatchSchema, UsageArchivingSchema } from './usage-archiving.schema.js';
import { UsageGeneralPatchSchema, UsageGeneralSchema } from './usage-general.schema.js';
import { UsageGdprPatchSchema, UsageGdprSchema } from './usage-gdpr.schema.js';
import { SystemRelationSchema } from './usage-relation.schema.js';
import { usagePatchOf } from './schema-helpers.js';
import { distinctList, LIMITS } from '../shared/limits.js';

const uuids = () => distinctList(UuidSchema, { max: LIMITS.references }).default([]);

const usageOrganizationUsageObject = z.strictObject({
  usingUnitUuids: uuids(),
  responsibleUnitUuid: UuidSchema.nullable().default(null),
});

const usageKleDeviationsObject = z.strictObject({ addedKleUuids: uuids(), removedKleUuids: uuids() });

/**
 * The organisation units that use the system ("relevante enheder") and the responsible one, which
 * must be among them (code `responsible-unit-not-using`; `assignResponsibleUnit` adds it).
 *
 * @example
 * ```ts
 * UsageOrganizationUsageSchema.parse({ usingUnitUuids: [unit], responsibleUnitUuid: unit });
 * ```
 */
export const UsageOrganizationUsageSchema = usageOrganizationUsageObject.superRefine((u, ctx) => {
  if (u.responsibleUnitUuid && !u.usingUnitUuids.includes(u.responsibleUnitUuid)) {
    ctx.addIssue({
      code: 'custom',
      path: ['responsibleUnitUuid'],
      message: 'the responsible unit must be one of the using units',
      params: { code: 'responsible-unit-not-using' },
    });
  }
});
/** Using units and the responsible unit. */
export type UsageOrganizationUsage = z.infer<typeof UsageOrganizationUsageSchema>;

/**
 * Local deviations from the catalogue system's KLE: tasks added and catalogue tasks removed for
 * this organisation. Each list is duplicate-free and a KLE cannot be both added and removed (code
 * `kle-added-and-removed`). Checks against the system's own KLE are in `checkUsageKleDeviations`.
 */
export const UsageKleDeviationsSchema = usageKleDeviationsObject.superRefine((d, ctx) => {
  d.removedKleUuids.forEach((kle, index) => {
    if (!d.addedKleUuids.includes(kle)) return;
    ctx.addIssue({
      code: 'custom',
      path: ['removedKleUuids', index],
      message: `KLE ${kle} is both added and removed`,
      params: { code: 'kle-added-and-removed' },
    });
  });
});
/** Local KLE deviations. */
export type UsageKleDeviations = z.infer<typeof UsageKleDeviationsSchema>;

/**
 * A user holding a role (an option with read/write flags) on the usage: the role and user of the
 * organisation module's role assignment, the object being this usage.
 */
export const UsageRoleAssignmentSchema = RoleAssignmentSchema.pick({ roleUuid: true, userUuid: true }).strict();
/** A role assignment on a usage. */
export type UsageRoleAssignment = z.infer<typeof UsageRoleAssignmentSchema>;

/**
 * Every field of a usage a caller may supply. The stored {@link ItSystemUsageSchema}, the
 * {@link ItSystemUsageCreateSchema} and the {@link ItSystemUsagePatchSchema} all derive from it.
 */
export const ItSystemUsageFieldsSchema = z.strictObject({
  organizationUuid: UuidSchema,
  /** The catalogue system used. */
  systemUuid: UuidSchema,
  general: UsageGeneralSchema.prefault({}),
  organizationUsage: UsageOrganizationUsageSchema.prefault({}),
  localKleDeviations: UsageKleDeviationsSchema.prefault({}),
  roles: distinctList(UsageRoleAssignmentSchema, {
    max: LIMITS.items,
    key: (r) => `${r.roleUuid}/${r.userUuid}`.toLowerCase(),
  }).default([]),
  gdpr: UsageGdprSchema.prefault({}),
  archiving: UsageArchivingSchema.prefault({}),
  outgoingSystemRelations: distinctList(SystemRelationSchema, {
    max: LIMITS.items,
    key: (r) => r.uuid.toLowerCase(),
  }).default([]),
  externalReferences: ExternalReferencesSchema.default([]),
});

/**
 * A stored IT-system usage. Besides the section checks, no outgoing relation may point at the
 * usage itself (code `relation-to-self`).
 *
 * @example
 * ```ts
 * import { parse } from '@os2kitos/core';
 * const usage = parse(ItSystemUsageSchema, row, 'usage'); // KitosValidationError listing every problem
 * usage.general.validity.lifeCycleStatus; // 'Operational' | … | null
 * ```
 */
export const ItSystemUsageSchema = EntityMetaSchema.extend(ItSystemUsageFieldsSchema.shape)
  .strict()
  .superRefine((usage, ctx) => refineItSystemUsage(usage, ctx));

/** The checks of {@link ItSystemUsageSchema} over the whole record (its sections check themselves). */
function refineItSystemUsage(
  usage: Pick<z.output<typeof ItSystemUsageFieldsSchema>, 'outgoingSystemRelations'> & { uuid: string },
  ctx: Pick<z.RefinementCtx, 'addIssue'>,
): void {
  usage.outgoingSystemRelations.forEach((relation, index) => {
    if (relation.toUsageUuid.toLowerCase() !== usage.uuid.toLowerCase()) return;
    ctx.addIssue({
      code: 'custom',
      path: ['outgoingSystemRelations', index, 'toUsageUuid'],
      message: 'a usage cannot have a relation to itself',
      params: { code: 'relation-to-self' },
    });
  });
}

/**
 * {@link ItSystemUsageSchema} taken apart: the schema of each top-level field and the check over
 * the whole record, so a write that changes a few fields of a record the schema has just passed
 * parses only those (see `EntityDefinition.sections`).
 *
 * @internal
 */
export const ItSystemUsageSections = {
  shape: ItSystemUsageSchema.shape,
  refine: refineItSystemUsage,
} as const;
/** A stored IT-system usage. */
export type ItSystemUsage = z.infer<typeof ItSystemUsageSchema>;

/**
 * Input for taking a catalogue system into use: the organisation and the system are required,
 * every section may be given and defaults to empty.
 *
 * @example
 * ```ts
 * ItSystemUsageCreateSchema.parse({ organizationUuid: org, systemUuid: system });
 * ```
 */
export const ItSystemUsageCreateSchema = ItSystemUsageFieldsSchema.partial()
  .required({
    organizationUuid: true,
    systemUuid: true,
  })
  // A caller-supplied uuid (an import from KITOS keeps KITOS's); an existing one is refused.
  .extend({ uuid: UuidSchema.optional() });
/** Input for creating a usage. */
export type ItSystemUsageCreate = z.infer<typeof ItSystemUsageCreateSchema>;

/**
 * A change to a usage. Sections given are merged field by field (`general.validity` too); lists are
 * replaced whole. The organisation and the system never change through a patch.
 */
export const ItSystemUsagePatchSchema = z
  .strictObject({
    general: UsageGeneralPatchSchema,
    organizationUsage: usagePatchOf(usageOrganizationUsageObject),
    localKleDeviations: usagePatchOf(usageKleDeviationsObject),
    roles: ItSystemUsageFieldsSchema.shape.roles.unwrap(),
    gdpr: UsageGdprPatchSchema,
    archiving: UsageArchivingPatchSchema,
    outgoingSystemRelations: ItSystemUsageFieldsSchema.shape.outgoingSystemRelations.unwrap(),
    externalReferences: ItSystemUsageFieldsSchema.shape.externalReferences.unwrap(),
  })
  .partial();
/** A change to a usage. */
export type ItSystemUsagePatch = z.infer<typeof ItSystemUsagePatchSchema>;
