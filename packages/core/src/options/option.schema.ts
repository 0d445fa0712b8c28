/**
 * Global and local options: the two levels of every configurable choice list.
 *
 * A global administrator maintains one **global option** list per option type (`OptionType`); each
 * organisation's local administrator then decides, per option, whether it is in use there (a
 * **local option**) and may override its description. Obligatory options are in use everywhere.
 *
 * @module
 */
import { z } from 'zod';
import { UuidSchema, nameSchema } from '../shared/index.js';
import { OptionTypeSchema, isRoleOptionType } from './option-type.js';
import { boundedText, LIMITS } from '../shared/limits.js';

/** Longest option name KITOS accepts. */
export const OPTION_NAME_MAX_LENGTH = 150;

/**
 * The editable fields of a global option. Role flags are optional here because only role types
 * carry them; {@link GlobalOptionSchema} checks that they are present exactly for role types.
 */
export const GlobalOptionFieldsSchema = z.strictObject({
  /** Which list the option belongs to. Fixed once created. */
  type: OptionTypeSchema,
  /** Display name, unique in spirit but (as in KITOS) not enforced. */
  name: nameSchema(OPTION_NAME_MAX_LENGTH),
  /** Help text shown with the option (`null` for none); an organisation may override it locally. */
  description: boundedText(LIMITS.text).nullable(),
  /** Usable at all. A disabled option is never available, whatever its other flags say. */
  isEnabled: z.boolean(),
  /** Available in every organisation without local activation ("obligatorisk"). */
  isObligatory: z.boolean(),
  /** Sort order of the admin view: the highest number is listed first. */
  priority: z.number().int().min(1),
  /** Role types only: holding the role lets the user read the object. */
  hasReadAccess: z.boolean().optional(),
  /** Role types only: holding the role lets the user edit that one object. */
  hasWriteAccess: z.boolean().optional(),
});
/** The editable fields of a global option. */
export type GlobalOptionFields = z.infer<typeof GlobalOptionFieldsSchema>;

type RoleFlagsInput = { type?: z.infer<typeof OptionTypeSchema>; hasReadAccess?: boolean; hasWriteAccess?: boolean };

/** Adds an issue for role flags on a non-role type, and (when `required`) for missing flags on a role type. */
function checkRoleFlags(value: RoleFlagsInput, ctx: z.RefinementCtx, required: boolean): void {
  if (!value.type) return;
  const isRole = isRoleOptionType(value.type);
  for (const key of ['hasReadAccess', 'hasWriteAccess'] as const) {
    if (!isRole && value[key] !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `only role option types carry ${key}`,
        params: { code: 'not-a-role-type' },
      });
    } else if (isRole && required && value[key] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `role options must say whether they grant ${key === 'hasReadAccess' ? 'read' : 'write'} access`,
        params: { code: 'role-flag-missing' },
      });
    }
  }
}

/**
 * A stored global option. Options are never deleted, only disabled (`isEnabled: false`), because
 * objects may still point at them.
 *
 * @example
 * ```ts
 * const option = GlobalOptionSchema.parse({
 *   uuid: '0f8c2d8e-3c1a-4f0e-9f57-2f8a7a3b1c01',
 *   type: 'it-contract-role-types',
 *   name: 'Kontraktejer',
 *   description: null,
 *   isEnabled: true,
 *   isObligatory: false,
 *   priority: 6,
 *   hasReadAccess: true,
 *   hasWriteAccess: true,
 * });
 * ```
 */
export const GlobalOptionSchema = z
  .strictObject({ uuid: UuidSchema })
  .extend(GlobalOptionFieldsSchema.shape)
  .superRefine((value, ctx) => checkRoleFlags(value, ctx, true));
/** A stored global option. */
export type GlobalOption = z.infer<typeof GlobalOptionSchema>;

/**
 * Input for creating a global option: type and name are required. New options start disabled
 * and last in priority (KITOS behaviour); see `newGlobalOption`.
 */
export const GlobalOptionCreateSchema = GlobalOptionFieldsSchema.pick({
  type: true,
  name: true,
  description: true,
  isObligatory: true,
  hasReadAccess: true,
  hasWriteAccess: true,
})
  .partial()
  .required({ type: true, name: true })
  .superRefine((value, ctx) => checkRoleFlags(value, ctx, false));
/** Input for creating a global option. */
export type GlobalOptionCreate = z.infer<typeof GlobalOptionCreateSchema>;

/** Input for changing a global option; every field optional, the type cannot change. */
export const GlobalOptionPatchSchema = GlobalOptionFieldsSchema.omit({ type: true }).partial();
/** Input for changing a global option. */
export type GlobalOptionPatch = z.infer<typeof GlobalOptionPatchSchema>;

/**
 * One organisation's setting for one global option: whether it is activated there, and an
 * optional description replacing the global one. At most one per (organisation, option).
 *
 * @example
 * ```ts
 * LocalOptionSchema.parse({
 *   organizationUuid: '5d0e7a53-0b0b-4c43-9d55-0c5c1e2a7f10',
 *   optionUuid: '0f8c2d8e-3c1a-4f0e-9f57-2f8a7a3b1c01',
 *   isActive: true,
 *   description: 'Bruges kun af Borgerservice',
 * });
 * ```
 */
export const LocalOptionSchema = z.strictObject({
  organizationUuid: UuidSchema,
  optionUuid: UuidSchema,
  isActive: z.boolean(),
  /** Replaces the global description in this organisation when not blank; `null` for none. */
  description: boundedText(LIMITS.text).nullable(),
});
/** One organisation's setting for one global option. */
export type LocalOption = z.infer<typeof LocalOptionSchema>;

/** Input for activating an option locally (optionally with a local description). */
export const LocalOptionCreateSchema = LocalOptionSchema.pick({
  organizationUuid: true,
  optionUuid: true,
  description: true,
}).partial({ description: true });
/** Input for activating an option locally. */
export type LocalOptionCreate = z.infer<typeof LocalOptionCreateSchema>;

/** Input for changing a local option: only the description (activation has its own rule). */
export const LocalOptionPatchSchema = LocalOptionSchema.pick({ description: true }).partial();
/** Input for changing a local option. */
export type LocalOptionPatch = z.infer<typeof LocalOptionPatchSchema>;
