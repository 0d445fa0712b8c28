/**
 * Role assignments ("rights"): a user holding a role on one object, e.g. "system owner" on a
 * system usage. The role is an option carrying read/write flags; with write access the user may
 * edit that one object without being a module admin.
 *
 * @module
 */
import { z } from 'zod';
import { UuidSchema } from '../shared/index.js';

/** The kinds of object roles can be assigned on. */
export const RoleObjectKindSchema = z.enum([
  'itSystemUsage',
  'itContract',
  'dataProcessingRegistration',
  'organizationUnit',
]);
/** The kind of object a role is assigned on. */
export type RoleObjectKind = z.infer<typeof RoleObjectKindSchema>;

/**
 * One (user, role, object) triple.
 *
 * @example
 * ```ts
 * parse(RoleAssignmentSchema, { objectKind: 'itContract', objectUuid, roleUuid, userUuid }, 'organisation');
 * ```
 */
export const RoleAssignmentSchema = z.strictObject({
  objectKind: RoleObjectKindSchema,
  objectUuid: UuidSchema,
  /** The role option (see the options module), e.g. "Systemejer". */
  roleUuid: UuidSchema,
  userUuid: UuidSchema,
});
/** One (user, role, object) triple. */
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;
