import { describe, expect, it } from 'vitest';
import {
  canGrantOrganizationRole,
  type GrantableOrganizationRole,
  organizationMembershipAdd,
} from './membership.rules.js';
import { OrganizationRole } from './membership.schema.js';
import type { OrganizationActorRoles } from './organization.rules.js';

const actor = (...roles: OrganizationRole[]): OrganizationActorRoles => ({ isGlobalAdmin: false, roles });
const globalAdmin: OrganizationActorRoles = { isGlobalAdmin: true, roles: [] };
const all: GrantableOrganizationRole[] = ['GlobalAdmin', ...OrganizationRole.values];
const grantable = (a: OrganizationActorRoles) => all.filter((r) => canGrantOrganizationRole(a, r));

describe('OrganizationRole codes', () => {
  it('keeps the KITOS gaps: no 3, 6 or 7, RightsHolderAccess is 8', () => {
    expect(OrganizationRole.codes).toEqual({
      User: 0,
      LocalAdmin: 1,
      OrganizationModuleAdmin: 2,
      SystemModuleAdmin: 4,
      ContractModuleAdmin: 5,
      RightsHolderAccess: 8,
    });
    expect(OrganizationRole.fromCode(7)).toBeUndefined();
  });
});

describe('canGrantOrganizationRole', () => {
  it('lets a global admin grant everything, including global admin and rights holder access', () => {
    expect(grantable(globalAdmin)).toEqual(all);
  });
  it('lets a local admin grant everything except global admin and rights holder access', () => {
    expect(grantable(actor('LocalAdmin'))).toEqual([
      'User',
      'LocalAdmin',
      'OrganizationModuleAdmin',
      'SystemModuleAdmin',
      'ContractModuleAdmin',
    ]);
  });
  it('lets an organisation-module admin grant only User and OrganizationModuleAdmin', () => {
    expect(grantable(actor('OrganizationModuleAdmin'))).toEqual(['User', 'OrganizationModuleAdmin']);
  });
  it('lets system/contract module admins, rights holders and plain users grant nothing', () => {
    expect(grantable(actor('SystemModuleAdmin', 'ContractModuleAdmin', 'RightsHolderAccess', 'User'))).toEqual([]);
  });
});

describe('organizationMembershipAdd', () => {
  const m = {
    userUuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
    organizationUuid: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    role: 'User' as const,
  };
  it('accepts a second role for the same user and organisation', () => {
    expect(organizationMembershipAdd([m], { ...m, role: 'LocalAdmin' }).ok).toBe(true);
  });
  it('refuses the same role twice', () => {
    const r = organizationMembershipAdd([m], { ...m });
    expect(!r.ok && r.violations[0]?.code).toBe('duplicate-membership');
  });
});
