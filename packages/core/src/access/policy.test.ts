import { describe, expect, it } from 'vitest';
import type { OrganizationRole } from '../organisation/membership.schema.js';
import { actorContext } from './actor.js';
import { canCreate, canSetAccessModifier, permissionsFor, type ProtectedEntity, type ProtectedKind } from './policy.js';

// Two municipalities, one supplier company; fixed uuids keep the table readable.
const AARHUS = 'aarhus';
const ODENSE = 'odense';
const SUPPLIER = 'supplier';
const municipal = [AARHUS, ODENSE];
const member = (org: string, ...roles: OrganizationRole[]) => roles.map((role) => ({ organizationUuid: org, role }));

const actors = {
  globalAdmin: actorContext({ userUuid: 'g', isGlobalAdmin: true }),
  aarhusMember: actorContext({
    userUuid: 'm',
    memberships: member(AARHUS, 'User'),
    municipalityOrganizationUuids: municipal,
  }),
  aarhusLocalAdmin: actorContext({
    userUuid: 'la',
    memberships: member(AARHUS, 'User', 'LocalAdmin'),
    municipalityOrganizationUuids: municipal,
  }),
  aarhusContractAdmin: actorContext({
    userUuid: 'ca',
    memberships: member(AARHUS, 'User', 'ContractModuleAdmin'),
    municipalityOrganizationUuids: municipal,
  }),
  aarhusSystemAdmin: actorContext({
    userUuid: 'sa',
    memberships: member(AARHUS, 'User', 'SystemModuleAdmin'),
    municipalityOrganizationUuids: municipal,
  }),
  aarhusOrgAdmin: actorContext({
    userUuid: 'oa',
    memberships: member(AARHUS, 'User', 'OrganizationModuleAdmin'),
    municipalityOrganizationUuids: municipal,
  }),
  aarhusRoleWriter: actorContext({
    userUuid: 'rw',
    memberships: member(AARHUS, 'User'),
    municipalityOrganizationUuids: municipal,
    writableObjects: ['contract-a'],
  }),
  odenseLocalAdmin: actorContext({
    userUuid: 'ol',
    memberships: member(ODENSE, 'User', 'LocalAdmin'),
    municipalityOrganizationUuids: municipal,
  }),
  supplierMember: actorContext({
    userUuid: 'sm',
    memberships: member(SUPPLIER, 'User'),
    municipalityOrganizationUuids: municipal,
  }),
  rightsHolder: actorContext({
    userUuid: 'rh',
    memberships: member(SUPPLIER, 'User', 'RightsHolderAccess'),
    municipalityOrganizationUuids: municipal,
  }),
  stakeholder: actorContext({ userUuid: 'st', hasStakeHolderAccess: true, memberships: member(SUPPLIER, 'User') }),
};
type ActorName = keyof typeof actors;

const entities = {
  aarhusContract: { kind: 'itContract', uuid: 'contract-a', organizationUuid: AARHUS },
  aarhusOtherContract: { kind: 'itContract', uuid: 'contract-b', organizationUuid: AARHUS },
  aarhusUsage: { kind: 'itSystemUsage', uuid: 'usage-a', organizationUuid: AARHUS },
  aarhusUnit: { kind: 'organizationUnit', uuid: 'unit-a', organizationUuid: AARHUS },
  aarhusDpr: { kind: 'dataProcessingRegistration', uuid: 'dpr-a', organizationUuid: AARHUS },
  publicSystem: {
    kind: 'itSystem',
    uuid: 'sys-pub',
    organizationUuid: ODENSE,
    accessModifier: 'Public',
    rightsHolderUuid: SUPPLIER,
  },
  localSystem: {
    kind: 'itSystem',
    uuid: 'sys-loc',
    organizationUuid: ODENSE,
    accessModifier: 'Local',
    rightsHolderUuid: null,
  },
  jointProject: { kind: 'project', uuid: 'proj', organizationUuid: ODENSE, jointOrganizationUuids: [AARHUS] },
} satisfies Record<string, ProtectedEntity>;
type EntityName = keyof typeof entities;

// [actor, entity, read, modify, delete] – the matrix of KITOS's rules, case by case.
const matrix: [ActorName, EntityName, boolean, boolean, boolean][] = [
  ['globalAdmin', 'aarhusContract', true, true, true],
  ['aarhusMember', 'aarhusContract', true, false, false],
  ['aarhusLocalAdmin', 'aarhusContract', true, true, true],
  ['aarhusContractAdmin', 'aarhusContract', true, true, true],
  ['aarhusSystemAdmin', 'aarhusContract', true, false, false],
  ['aarhusRoleWriter', 'aarhusContract', true, true, true],
  ['aarhusRoleWriter', 'aarhusOtherContract', true, false, false],
  ['odenseLocalAdmin', 'aarhusContract', false, false, false],
  ['stakeholder', 'aarhusContract', false, false, false],
  ['aarhusSystemAdmin', 'aarhusUsage', true, true, true],
  ['aarhusContractAdmin', 'aarhusUsage', true, false, false],
  ['aarhusSystemAdmin', 'aarhusDpr', true, true, true],
  ['aarhusContractAdmin', 'aarhusDpr', true, true, true],
  ['aarhusOrgAdmin', 'aarhusUnit', true, true, false],
  ['aarhusLocalAdmin', 'aarhusUnit', true, true, true],
  ['odenseLocalAdmin', 'aarhusUnit', false, false, false],
  ['aarhusMember', 'publicSystem', true, false, false],
  ['aarhusMember', 'localSystem', false, false, false],
  ['supplierMember', 'publicSystem', false, false, false],
  ['rightsHolder', 'publicSystem', true, true, false],
  ['stakeholder', 'localSystem', true, false, false],
  ['odenseLocalAdmin', 'localSystem', true, true, true],
  ['aarhusMember', 'jointProject', true, false, false],
  ['supplierMember', 'jointProject', false, false, false],
];

describe('permission matrix', () => {
  it.each(matrix)('%s on %s: read %s, modify %s, delete %s', (actor, entity, read, modify, del) => {
    expect(permissionsFor(actors[actor], entities[entity])).toEqual({ read, modify, delete: del });
  });
});

describe('create permissions', () => {
  const cases: [ActorName, ProtectedKind, string, boolean][] = [
    ['aarhusContractAdmin', 'itContract', AARHUS, true],
    ['aarhusContractAdmin', 'itSystemUsage', AARHUS, false],
    ['aarhusSystemAdmin', 'itSystemUsage', AARHUS, true],
    ['aarhusLocalAdmin', 'itSystem', AARHUS, false],
    ['rightsHolder', 'itSystem', SUPPLIER, true],
    ['aarhusSystemAdmin', 'itInterface', AARHUS, true],
    ['aarhusOrgAdmin', 'organizationUnit', AARHUS, true],
    ['aarhusLocalAdmin', 'itContract', ODENSE, false],
    ['aarhusMember', 'itContract', AARHUS, false],
    ['aarhusLocalAdmin', 'globalOption', AARHUS, false],
    ['globalAdmin', 'globalOption', AARHUS, true],
  ];
  it.each(cases)('%s creating %s in %s: %s', (actor, kind, org, expected) => {
    expect(canCreate(actors[actor], kind, org)).toBe(expected);
  });
});

describe('registration scope', () => {
  it('only global admins change the scope of catalogue entries', () => {
    expect(canSetAccessModifier(actors.odenseLocalAdmin, entities.localSystem)).toBe(false);
    expect(canSetAccessModifier(actors.globalAdmin, entities.localSystem)).toBe(true);
  });
  it('an organisation’s own local admin may change its scope', () => {
    const org: ProtectedEntity = {
      kind: 'organization',
      uuid: ODENSE,
      organizationUuid: ODENSE,
      accessModifier: 'Local',
    };
    expect(canSetAccessModifier(actors.odenseLocalAdmin, org)).toBe(true);
    expect(canSetAccessModifier(actors.aarhusLocalAdmin, org)).toBe(false);
  });
  it('a user may always edit themselves but never delete themselves, even as global admin', () => {
    const self: ProtectedEntity = { kind: 'user', uuid: 'g', organizationUuid: null };
    expect(permissionsFor(actors.globalAdmin, self)).toEqual({ read: true, modify: true, delete: false });
  });
});
