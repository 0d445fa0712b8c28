import { describe, expect, it } from 'vitest';
import { roleAssignmentAdd, roleAssignmentRemove } from './role-assignment.rules.js';
import type { RoleAssignment } from './role-assignment.schema.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const OWNER_ROLE = id(1);
const READER_ROLE = id(2);
const ANNA = id(10);
const BO = id(11);
const OUTSIDER = id(12);
const on = (roleUuid: string, userUuid: string): RoleAssignment => ({
  objectKind: 'itSystemUsage',
  objectUuid: id(100),
  roleUuid,
  userUuid,
});
const context = { availableRoleUuids: new Set([OWNER_ROLE, READER_ROLE]), memberUserUuids: new Set([ANNA, BO]) };
const existing = [on(OWNER_ROLE, ANNA)];
const codes = (r: { ok: boolean; violations?: readonly { code: string }[] }) => r.violations?.map((v) => v.code);

describe('roleAssignmentAdd', () => {
  it('accepts an available role for a member, also a second role for the same user', () => {
    expect(roleAssignmentAdd(existing, on(OWNER_ROLE, BO), context).ok).toBe(true);
    expect(roleAssignmentAdd(existing, on(READER_ROLE, ANNA), context).ok).toBe(true);
  });
  it('accepts the same role and user on another object', () => {
    expect(roleAssignmentAdd(existing, { ...on(OWNER_ROLE, ANNA), objectUuid: id(101) }, context).ok).toBe(true);
  });
  it('refuses the same (role, user) pair twice on one object', () => {
    expect(codes(roleAssignmentAdd(existing, on(OWNER_ROLE, ANNA), context))).toEqual(['duplicate-role-assignment']);
  });
  it('reports an unavailable role, then a non-member, in that order', () => {
    expect(codes(roleAssignmentAdd(existing, on(id(3), OUTSIDER), context))).toEqual([
      'role-not-available',
      'user-not-member',
    ]);
  });
});

describe('roleAssignmentRemove', () => {
  it('finds an existing pair', () => {
    expect(roleAssignmentRemove(existing, on(OWNER_ROLE, ANNA))).toEqual({ ok: true, value: existing[0] });
  });
  it('treats removing a pair the object does not have as bad input', () => {
    expect(codes(roleAssignmentRemove(existing, on(READER_ROLE, ANNA)))).toEqual(['role-assignment-not-found']);
  });
});
