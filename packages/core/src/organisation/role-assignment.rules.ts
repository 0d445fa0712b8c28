/**
 * Pure rules for assigning and removing roles on an object.
 *
 * @module
 */
import { type RuleResult, type RuleViolation, type Uuid, fail, ok } from '../shared/index.js';
import type { RoleAssignment } from './role-assignment.schema.js';

/** Facts about the object's organisation that a new assignment is checked against. */
export interface RoleAssignmentContext {
  /** Uuids of the role options available in the object's organisation for this kind of object. */
  readonly availableRoleUuids: ReadonlySet<Uuid>;
  /** Uuids of the users who are members of the object's organisation. */
  readonly memberUserUuids: ReadonlySet<Uuid>;
}

function sameTriple(a: RoleAssignment, b: RoleAssignment): boolean {
  return (
    a.objectKind === b.objectKind &&
    a.objectUuid === b.objectUuid &&
    a.roleUuid === b.roleUuid &&
    a.userUuid === b.userUuid
  );
}

/**
 * Checks a new role assignment. Violations, all that apply, in this order: `role-not-available`
 * (the role option is not available in the organisation), `user-not-member` (the user is not a
 * member of the object's organisation), `duplicate-role-assignment` (the same role and user are
 * already on the object).
 *
 * @example
 * ```ts
 * const r = roleAssignmentAdd(existing, candidate, { availableRoleUuids, memberUserUuids });
 * if (r.ok) await store(r.value);
 * ```
 */
export function roleAssignmentAdd(
  existing: readonly RoleAssignment[],
  candidate: RoleAssignment,
  context: RoleAssignmentContext,
): RuleResult<RoleAssignment> {
  const violations: RuleViolation[] = [];
  if (!context.availableRoleUuids.has(candidate.roleUuid)) {
    violations.push({
      code: 'role-not-available',
      message: 'the role is not available in this organisation',
      path: ['roleUuid'],
      context: { roleUuid: candidate.roleUuid },
    });
  }
  if (!context.memberUserUuids.has(candidate.userUuid)) {
    violations.push({
      code: 'user-not-member',
      message: "the user is not a member of the object's organisation",
      path: ['userUuid'],
      context: { userUuid: candidate.userUuid },
    });
  }
  if (existing.some((a) => sameTriple(a, candidate))) {
    violations.push({
      code: 'duplicate-role-assignment',
      message: 'the user already has this role on the object',
      context: { ...candidate },
    });
  }
  return violations.length ? fail(...violations) : ok(candidate);
}

/**
 * Finds the assignment to remove. Removing a (role, user) pair the object does not have is bad
 * input (`role-assignment-not-found`), not a silent success. Roles that have since become
 * unavailable can still be removed.
 *
 * @example
 * ```ts
 * const r = roleAssignmentRemove(existing, { objectKind: 'itContract', objectUuid, roleUuid, userUuid });
 * if (r.ok) await remove(r.value);
 * ```
 */
export function roleAssignmentRemove(
  existing: readonly RoleAssignment[],
  target: RoleAssignment,
): RuleResult<RoleAssignment> {
  const found = existing.find((a) => sameTriple(a, target));
  if (!found) {
    return fail({
      code: 'role-assignment-not-found',
      message: 'the user does not have this role on the object',
      context: { ...target },
    });
  }
  return ok(found);
}
