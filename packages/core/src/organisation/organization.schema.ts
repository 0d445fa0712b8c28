/**
 * Organisations: municipalities, interest communities, companies (suppliers) and other public
 * bodies. Every usage, contract and data processing registration belongs to exactly one of them.
 *
 * @module
 */
import { z } from 'zod';
import {
  AccessModifier,
  EntityMetaSchema,
  type EnumValue,
  UuidSchema,
  kitosEnum,
  nameSchema,
} from '../shared/index.js';

/**
 * KITOS `OrganizationTypeKeys`: Kommune=1, Interessefællesskab=2, Virksomhed=3,
 * AndenOffentligMyndighed=4. The values keep the Danish KITOS names so data maps both ways.
 */
export const OrganizationType = kitosEnum({
  Kommune: 1,
  Interessefællesskab: 2,
  Virksomhed: 3,
  AndenOffentligMyndighed: 4,
});
/** Kind of organisation. */
export type OrganizationType = EnumValue<typeof OrganizationType>;

/**
 * KITOS `OrganizationCategory`: Other=0, Municipality=1. The category decides cross-organisation
 * read access: members of a municipality-category organisation may read public data of others.
 */
export const OrganizationCategory = kitosEnum({ Other: 0, Municipality: 1 });
/** Category derived from the organisation type. */
export type OrganizationCategory = EnumValue<typeof OrganizationCategory>;

/**
 * The category of an organisation type: `Municipality` for Kommune and Interessefællesskab
 * (an interest community is a group of municipalities), `Other` for the rest.
 *
 * @example
 * ```ts
 * organizationCategory('Interessefællesskab'); // 'Municipality'
 * organizationCategory('Virksomhed');          // 'Other'
 * ```
 */
export function organizationCategory(type: OrganizationType): OrganizationCategory {
  return type === 'Kommune' || type === 'Interessefællesskab' ? 'Municipality' : 'Other';
}

/**
 * A CVR number as KITOS accepts it: 8 to 10 characters after trimming. KITOS does not check the
 * digits; use `isValidDanishCvr` for the stricter modulus-11 check of a Danish CVR.
 */
export const OrganizationCvrSchema = z
  .string()
  .trim()
  .min(8, { message: 'must be 8 to 10 characters' })
  .max(10, { message: 'must be 8 to 10 characters' });

/** Per-organisation switches for which modules and prefixes the UI shows (KITOS `Config`). */
export const OrganizationConfigSchema = z.strictObject({
  showItSystemModule: z.boolean(),
  showItContractModule: z.boolean(),
  showDataProcessing: z.boolean(),
  showItSystemPrefix: z.boolean(),
  showItContractPrefix: z.boolean(),
  /** Free text or link guiding users to local IT support. */
  itSupportGuide: z.string().max(2000).nullable(),
});
/** Per-organisation UI configuration. */
export type OrganizationConfig = z.infer<typeof OrganizationConfigSchema>;

/** The editable fields of an organisation (without stored metadata). */
export const OrganizationFieldsSchema = z.strictObject({
  name: nameSchema(100),
  cvr: OrganizationCvrSchema.nullable(),
  /** Company number of a foreign supplier; the "active CVR" falls back to it when `cvr` is empty. */
  foreignCvr: z.string().trim().min(1).max(100).nullable(),
  /** Country option of a foreign supplier. */
  foreignCountryCodeUuid: UuidSchema.nullable(),
  type: OrganizationType.schema,
  accessModifier: AccessModifier.schema,
  phone: z.string().trim().max(100).nullable(),
  address: z.string().trim().max(500).nullable(),
  email: z.string().trim().max(100).pipe(z.email()).nullable(),
  /** True for the one default organisation that inherits shared catalogue data of deleted organisations. */
  isDefaultOrganization: z.boolean(),
  config: OrganizationConfigSchema,
});
/** The editable fields of an organisation. */
export type OrganizationFields = z.infer<typeof OrganizationFieldsSchema>;

/**
 * A stored organisation.
 *
 * @example
 * ```ts
 * const org = parse(OrganizationSchema, json, 'organisation');
 * organizationCategory(org.type);
 * ```
 */
export const OrganizationSchema = EntityMetaSchema.extend(OrganizationFieldsSchema.shape);
/** A stored organisation. */
export type Organization = z.infer<typeof OrganizationSchema>;

/** Input for creating an organisation: `name` and `type` are required, the rest is optional. */
export const OrganizationCreateSchema = OrganizationFieldsSchema.partial().required({ name: true, type: true });
/** Input for creating an organisation. */
export type OrganizationCreate = z.infer<typeof OrganizationCreateSchema>;

/** A change to an organisation: only the fields present are changed; `null` clears a field. */
export const OrganizationPatchSchema = OrganizationFieldsSchema.partial();
/** A change to an organisation. */
export type OrganizationPatch = z.infer<typeof OrganizationPatchSchema>;
