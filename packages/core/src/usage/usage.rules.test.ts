import { describe, expect, it } from 'vitest';
import {
  assignResponsibleUnit,
  canCreateUsage,
  checkUsageMainContract,
  checkUsageUnique,
  checkUsageUnitsInOrganization,
  removeUsageContractAssociation,
} from './usage.rules.js';
import { ItSystemUsageSchema } from './usage.schema.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const SYSTEM = '33333333-3333-4333-8333-333333333333';
const C1 = '44444444-4444-4444-8444-444444444444';
const C2 = '55555555-5555-4555-8555-555555555555';

const storedUsage = (mainContractUuid: string | null = null) =>
  ItSystemUsageSchema.parse({
    uuid: '66666666-6666-4666-8666-666666666666',
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    createdBy: null,
    lastChanged: '2025-01-01T00:00:00.000Z',
    lastChangedBy: null,
    organizationUuid: ORG,
    systemUuid: SYSTEM,
    general: { mainContractUuid },
  });

describe('responsible and using units', () => {
  it('adds a responsible unit that is not yet using the system to the using units', () => {
    expect(assignResponsibleUnit({ usingUnitUuids: ['a'], responsibleUnitUuid: 'a' }, 'b')).toEqual({
      usingUnitUuids: ['a', 'b'],
      responsibleUnitUuid: 'b',
    });
  });

  it('does not add a using unit twice when it becomes responsible', () => {
    expect(
      assignResponsibleUnit({ usingUnitUuids: ['a', 'b'], responsibleUnitUuid: null }, 'b').usingUnitUuids,
    ).toEqual(['a', 'b']);
  });

  it('removes responsibility with null and keeps the using units', () => {
    expect(assignResponsibleUnit({ usingUnitUuids: ['a'], responsibleUnitUuid: 'a' }, null)).toEqual({
      usingUnitUuids: ['a'],
      responsibleUnitUuid: null,
    });
  });

  it('refuses units of another organisation, each at its index', () => {
    const r = checkUsageUnitsInOrganization({ usingUnitUuids: ['a', 'x', 'y'], responsibleUnitUuid: null }, ['a']);
    expect(r.ok ? [] : r.violations.map((v) => [v.code, v.path?.[2]])).toEqual([
      ['not-same-organisation', 1],
      ['not-same-organisation', 2],
    ]);
  });
});

describe('main contract', () => {
  /** `null`: no such contract. */
  const facts = (covering: string[], org: string | null = ORG) => ({
    contractOrganizationUuid: org ?? undefined,
    coveringContractUuids: covering,
  });
  it('accepts no main contract and a main contract among the covering ones', () => {
    expect(checkUsageMainContract(storedUsage(), facts([], null)).ok).toBe(true);
    expect(checkUsageMainContract(storedUsage(C1), facts([C2, C1])).ok).toBe(true);
  });

  it('refuses a main contract that does not cover the usage', () => {
    const r = checkUsageMainContract(storedUsage(C1), facts([C2]));
    expect(r.ok ? null : r.violations[0]).toMatchObject({
      code: 'main-contract-not-associated',
      path: ['general', 'mainContractUuid'],
    });
  });

  it('names a contract of another organisation before asking whether it covers the usage', () => {
    const r = checkUsageMainContract(storedUsage(C1), facts([], OTHER_ORG));
    expect(r.ok ? null : r.violations.map((v) => v.code)).toEqual(['not-same-organisation']);
    const unknown = checkUsageMainContract(storedUsage(C1), facts([], null));
    expect(unknown.ok ? null : unknown.violations.map((v) => v.code)).toEqual(['reference-not-found']);
  });

  it('clears the main contract when its association is removed, not when another one is', () => {
    expect(removeUsageContractAssociation(storedUsage(C1), C1).general.mainContractUuid).toBeNull();
    expect(removeUsageContractAssociation(storedUsage(C1), C2).general.mainContractUuid).toBe(C1);
  });
});

describe('roles', () => {
  const pair = { roleUuid: C1, userUuid: C2 };

  it('rejects a stored usage with a duplicate role pair', () => {
    const r = ItSystemUsageSchema.safeParse({ ...storedUsage(), roles: [pair, pair] });
    expect(r.success).toBe(false);
  });
});

describe('one usage per organisation and system', () => {
  it('refuses a second usage of the same system in the same organisation', () => {
    const r = checkUsageUnique([{ uuid: 'u1', organizationUuid: ORG, systemUuid: SYSTEM }], {
      organizationUuid: ORG,
      systemUuid: SYSTEM,
    });
    expect(r.ok ? null : r.violations[0]).toMatchObject({ code: 'usage-exists', context: { existingUsageUuid: 'u1' } });
  });

  it('allows the same system in another organisation', () => {
    expect(
      checkUsageUnique([{ organizationUuid: OTHER_ORG, systemUuid: SYSTEM }], {
        organizationUuid: ORG,
        systemUuid: SYSTEM,
      }).ok,
    ).toBe(true);
  });

  it('does not count the usage itself', () => {
    const self = { uuid: 'u1', organizationUuid: ORG, systemUuid: SYSTEM };
    expect(checkUsageUnique([self], self).ok).toBe(true);
  });
});

describe('canCreateUsage', () => {
  const system = { uuid: SYSTEM, organizationUuid: OTHER_ORG, accessModifier: 'Public' as const, deactivated: false };

  it('allows a public system of another organisation', () => {
    expect(canCreateUsage(system, ORG).ok).toBe(true);
  });

  it('allows a local system created in the same organisation', () => {
    expect(canCreateUsage({ ...system, accessModifier: 'Local' }, OTHER_ORG).ok).toBe(true);
  });

  it('refuses a local system of another organisation', () => {
    const r = canCreateUsage({ ...system, accessModifier: 'Local' }, ORG);
    expect(r.ok ? [] : r.violations.map((v) => v.code)).toEqual(['system-not-visible']);
  });

  it('refuses a deactivated system, reporting deactivation first', () => {
    const r = canCreateUsage({ ...system, accessModifier: 'Local', deactivated: true }, ORG);
    expect(r.ok ? [] : r.violations.map((v) => v.code)).toEqual(['system-deactivated', 'system-not-visible']);
  });
});
