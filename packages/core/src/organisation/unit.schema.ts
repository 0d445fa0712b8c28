/**
 * Organisation units: the tree of departments, offices and institutions of one organisation.
 *
 * @module
 */
import { z } from 'zod';
import { EntityMetaSchema, type EnumValue, UuidSchema, kitosEnum, nameSchema } from '../shared/index.js';

/**
 * Where a unit comes from (KITOS `OrganizationUnitOrigin`): created in KITOS (`Kitos=0`) or imported
 * from the national FK Organisation hierarchy (`STS_Organisation=1`).
 */
export const OrganizationUnitOrigin = kitosEnum({ Kitos: 0, STS_Organisation: 1 });
/** Where a unit comes from. */
export type OrganizationUnitOrigin = EnumValue<typeof OrganizationUnitOrigin>;

/** The editable fields of an organisation unit. */
export const OrganizationUnitFieldsSchema = z.strictObject({
  organizationUuid: UuidSchema,
  name: nameSchema(100),
  /** The organisation's own id for the unit ("UnitId" in the KITOS API). */
  localId: z.string().trim().min(1).max(100).nullable(),
  /**
   * EAN location number used for electronic invoicing, as digits. Kept as a string so leading
   * zeros and 13-digit numbers survive JSON; at most 18 digits, which fits KITOS's 64-bit number.
   */
  ean: z
    .string()
    .max(18, { message: 'must be 1 to 18 digits' })
    .regex(/^\d{1,18}$/, { message: 'must be 1 to 18 digits' })
    .nullable(),
  /** Parent unit; `null` only for the organisation's root unit. */
  parentUuid: UuidSchema.nullable(),
  origin: OrganizationUnitOrigin.schema,
  /** The unit's uuid in FK Organisation when imported from there. */
  externalOriginUuid: UuidSchema.nullable(),
});
/** The editable fields of an organisation unit. */
export type OrganizationUnitFields = z.infer<typeof OrganizationUnitFieldsSchema>;

/**
 * A stored organisation unit.
 *
 * @example
 * ```ts
 * const unit = parse(OrganizationUnitSchema, json, 'organisation');
 * ```
 */
export const OrganizationUnitSchema = EntityMetaSchema.extend(OrganizationUnitFieldsSchema.shape);
/** A stored organisation unit. */
export type OrganizationUnit = z.infer<typeof OrganizationUnitSchema>;

/**
 * Input for creating a unit: organisation and name are required. A missing `parentUuid` means
 * "under the root" (see `unitParentForCreate`).
 */
export const OrganizationUnitCreateSchema = OrganizationUnitFieldsSchema.partial()
  .required({
    organizationUuid: true,
    name: true,
  })
  // A caller-supplied uuid (imports from FK Organisation or KITOS keep theirs); an existing one is refused.
  .extend({ uuid: UuidSchema.optional() });
/** Input for creating a unit. */
export type OrganizationUnitCreate = z.infer<typeof OrganizationUnitCreateSchema>;

/**
 * A change to a unit's own fields. Moving a unit is not a patch: use `unitMove`, which checks
 * the tree; the organisation cannot change.
 */
export const OrganizationUnitPatchSchema = OrganizationUnitFieldsSchema.omit({
  organizationUuid: true,
  parentUuid: true,
}).partial();
/** A change to a unit's own fields. */
export type OrganizationUnitPatch = z.infer<typeof OrganizationUnitPatchSchema>;

/** The fields of a unit the tree rules need; full units fit, so do lightweight index rows. */
export type UnitNode = Pick<OrganizationUnit, 'uuid' | 'organizationUuid' | 'parentUuid' | 'name'>;
