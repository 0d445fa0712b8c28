/**
 * Memberships: which users belong to which organisation, and with which organisation-level role.
 *
 * @module
 */
import { z } from 'zod';
import { type EnumValue, UuidSchema, kitosEnum } from '../shared/index.js';

/**
 * KITOS `OrganizationRole` as stored on a membership. The codes keep KITOS's gaps (3 was the
 * project module admin, 6 the report admin, 7 is the global admin, which is a flag on the user
 * and never a membership), so ids exchanged with KITOS keep their meaning.
 */
export const OrganizationRole = kitosEnum({
  User: 0,
  LocalAdmin: 1,
  OrganizationModuleAdmin: 2,
  SystemModuleAdmin: 4,
  ContractModuleAdmin: 5,
  RightsHolderAccess: 8,
});
/** Organisation-level role of a member. */
export type OrganizationRole = EnumValue<typeof OrganizationRole>;

/**
 * One role a user holds in one organisation. A user with several roles in the same organisation
 * has one membership per role (KITOS `OrganizationRight`); `User` is the plain membership.
 *
 * @example
 * ```ts
 * parse(OrganizationMembershipSchema, { userUuid, organizationUuid, role: 'LocalAdmin' }, 'organisation');
 * ```
 */
export const OrganizationMembershipSchema = z.strictObject({
  userUuid: UuidSchema,
  organizationUuid: UuidSchema,
  role: OrganizationRole.schema,
});
/** One role a user holds in one organisation. */
export type OrganizationMembership = z.infer<typeof OrganizationMembershipSchema>;
