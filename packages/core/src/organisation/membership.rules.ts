/**
 * Pure rules about memberships: who may grant which organisation role, and that a role is held
 * at most once per user and organisation.
 *
 * @module
 */
import { type RuleResult, fail, ok } from '../shared/index.js';
import type { OrganizationMembership, OrganizationRole } from './membership.schema.js';
import type { OrganizationActorRoles } from './organization.rules.js';

/**
 * A role that can be granted: a membership role, or `'GlobalAdmin'`, which is granted by setting
 * the user's `isGlobalAdmin` flag rather than by a membership.
 */
export type GrantableOrganizationRole = OrganizationRole | 'GlobalAdmin';

/**
 * Whether the actor may grant (or revoke) `role` in the organisation the actor's `roles` belong to:
 *
 * | role | who may grant it |
 * | --- | --- |
 * | GlobalAdmin, RightsHolderAccess | global admins only |
 * | LocalAdmin | global or local admins |
 * | User, OrganizationModuleAdmin | global, local or organisation-module admins |
 * | SystemModuleAdmin, ContractModuleAdmin | global or local admins |
 *
 * @example
 * ```ts
 * const orgAdmin = { isGlobalAdmin: false, roles: ['OrganizationModuleAdmin'] as const };
 * canGrantOrganizationRole(orgAdmin, 'User');       // true
 * canGrantOrganizationRole(orgAdmin, 'LocalAdmin'); // false
 * ```
 */
export function canGrantOrganizationRole(actor: OrganizationActorRoles, role: GrantableOrganizationRole): boolean {
  if (actor.isGlobalAdmin) return true;
  const isLocalAdmin = actor.roles.includes('LocalAdmin');
  switch (role) {
    case 'GlobalAdmin':
    case 'RightsHolderAccess':
      return false;
    case 'User':
    case 'OrganizationModuleAdmin':
      return isLocalAdmin || actor.roles.includes('OrganizationModuleAdmin');
    default:
      // LocalAdmin, SystemModuleAdmin and ContractModuleAdmin.
      return isLocalAdmin;
  }
}

/**
 * Checks that `candidate` can be added to `existing` memberships: the same (user, organisation,
 * role) may be held only once. Returns the candidate, or a `duplicate-membership` violation.
 *
 * @example
 * ```ts
 * const r = organizationMembershipAdd(existing, { userUuid, organizationUuid, role: 'User' });
 * if (!r.ok) console.log(r.violations[0]?.code); // 'duplicate-membership'
 * ```
 */
export function organizationMembershipAdd(
  existing: readonly OrganizationMembership[],
  candidate: OrganizationMembership,
): RuleResult<OrganizationMembership> {
  const duplicate = existing.some(
    (m) =>
      m.userUuid === candidate.userUuid &&
      m.organizationUuid === candidate.organizationUuid &&
      m.role === candidate.role,
  );
  if (duplicate) {
    return fail({
      code: 'duplicate-membership',
      message: `the user already has the role ${candidate.role} in this organisation`,
      path: ['role'],
      context: { ...candidate },
    });
  }
  return ok(candidate);
}
