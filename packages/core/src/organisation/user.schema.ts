/**
 * Users. A user is global: one person, one login, member of any number of organisations through
 * memberships.
 *
 * @module
 */
import { z } from 'zod';
import { EntityMetaSchema, nameSchema, UuidSchema } from '../shared/index.js';

/**
 * An e-mail address, trimmed and lower-cased before it is checked, so `' Anna@Kommune.DK '` and
 * `'anna@kommune.dk'` are the same login. E-mail is the login id and globally unique.
 */
export const UserEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(100, { message: 'must be at most 100 characters' })
  .pipe(z.email({ message: 'must be a valid e-mail address' }));

/** The editable fields of a user. */
export const UserFieldsSchema = z.strictObject({
  firstName: nameSchema(100),
  lastName: z.string().trim().max(100),
  email: UserEmailSchema,
  phoneNumber: z.string().trim().max(50).nullable(),
  /** Super user across all organisations; only a global admin can grant it. */
  isGlobalAdmin: z.boolean(),
  /** API user: may authenticate with a token, and token calls from other users are refused. */
  hasApiAccess: z.boolean(),
  /** Stakeholder ("interessent") access: reads all systems, interfaces and public data. */
  hasStakeHolderAccess: z.boolean(),
  /** May edit the legal ("DBS") properties of catalogue systems. */
  isSystemIntegrator: z.boolean(),
});
/** The editable fields of a user. */
export type UserFields = z.infer<typeof UserFieldsSchema>;

/**
 * A stored user.
 *
 * @example
 * ```ts
 * const user = parse(UserSchema, json, 'organisation');
 * user.email; // always lower-case
 * ```
 */
export const UserSchema = EntityMetaSchema.extend(UserFieldsSchema.shape);
/** A stored user. */
export type User = z.infer<typeof UserSchema>;

/** Input for creating a user: names and e-mail are required; flags default to false in the service. */
export const UserCreateSchema = UserFieldsSchema.partial()
  .required({ firstName: true, lastName: true, email: true })
  // A caller-supplied uuid (an import from KITOS keeps KITOS's); an existing one is refused.
  .extend({ uuid: UuidSchema.optional() });
/** Input for creating a user. */
export type UserCreate = z.infer<typeof UserCreateSchema>;

/** A change to a user: only the fields present are changed. */
export const UserPatchSchema = UserFieldsSchema.partial();
/** A change to a user. */
export type UserPatch = z.infer<typeof UserPatchSchema>;
