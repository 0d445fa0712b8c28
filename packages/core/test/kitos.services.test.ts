import { beforeEach, describe, expect, it } from 'vitest';
import {
  KitosStateError,
  type Actor,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  KitosConflictError,
  KitosForbiddenError,
  KitosNotFoundError,
  KitosValidationError,
  optionSeedUuid,
} from '../src/index.js';

let kitos: Kitos;
let admin: Actor;
let org: string;
let other: string;
let localAdmin: Actor;
let member: Actor;
let root: string;

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function person(
  email: string,
  organizationUuid: string,
  ...roles: ('LocalAdmin' | 'SystemModuleAdmin' | 'ContractModuleAdmin')[]
) {
  const u = await kitos.users.create(admin, { firstName: email, lastName: 'T', email });
  for (const role of ['User', ...roles] as const)
    await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid, role });
  return { userUuid: u.uuid };
}

beforeEach(async () => {
  kitos = await createKitos({ storage: createMemoryStorage(), clock: fixedClock('2025-06-15T10:00:00Z') });
  admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
  org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
  other = (
    await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune', accessModifier: 'Public' })
  ).uuid;
  root = (await kitos.units.create(admin, { organizationUuid: org, name: 'Nordby' })).uuid;
  localAdmin = await person('la@nordby.dk', org, 'LocalAdmin');
  member = await person('m@nordby.dk', org);
});

describe('users and memberships', () => {
  it('keeps e-mail globally unique regardless of case', async () => {
    await expect(
      kitos.users.create(admin, { firstName: 'X', lastName: 'Y', email: 'LA@Nordby.dk' }),
    ).rejects.toBeInstanceOf(KitosConflictError);
  });
  it('lets a local admin grant module roles in their organisation only', async () => {
    await kitos.memberships.grant(localAdmin, {
      userUuid: member.userUuid,
      organizationUuid: org,
      role: 'SystemModuleAdmin',
    });
    await expect(
      kitos.memberships.grant(localAdmin, { userUuid: member.userUuid, organizationUuid: other, role: 'User' }),
    ).rejects.toBeInstanceOf(KitosForbiddenError);
    await expect(
      kitos.memberships.grant(localAdmin, {
        userUuid: member.userUuid,
        organizationUuid: org,
        role: 'RightsHolderAccess',
      }),
    ).rejects.toBeInstanceOf(KitosForbiddenError);
    expect(
      (await kitos.memberships.list(member, org))
        .filter((m) => m.userUuid === member.userUuid)
        .map((m) => m.role)
        .sort(),
    ).toEqual(['SystemModuleAdmin', 'User']);
  });
  it('refuses a plain member granting anything and a non-admin raising themselves to global admin', async () => {
    await expect(
      kitos.memberships.grant(member, { userUuid: member.userUuid, organizationUuid: org, role: 'LocalAdmin' }),
    ).rejects.toBeInstanceOf(KitosForbiddenError);
    await expect(kitos.users.patch(member, member.userUuid, { isGlobalAdmin: true })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    expect((await kitos.users.patch(member, member.userUuid, { phoneNumber: '12345678' })).phoneNumber).toBe(
      '12345678',
    );
  });
});

describe('units and unit roles', () => {
  it('moves a unit with or without its subtree and refuses moving under its own descendant', async () => {
    const a = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'A', parentUuid: root });
    const b = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'B', parentUuid: a.uuid });
    const c = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'C', parentUuid: root });
    await expect(kitos.units.move(localAdmin, a.uuid, b.uuid)).rejects.toBeInstanceOf(KitosValidationError);
    await kitos.units.move(localAdmin, a.uuid, c.uuid, { withSubtree: false });
    expect((await kitos.units.get(member, b.uuid)).parentUuid).toBe(root);
    expect((await kitos.units.get(member, a.uuid)).parentUuid).toBe(c.uuid);
  });
  it('gives a write role on a unit write access to the units below it', async () => {
    const a = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'A', parentUuid: root });
    const b = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'B', parentUuid: a.uuid });
    const chef = (await kitos.options.global(admin, 'organization-unit-role-types')).find((o) => o.hasWriteAccess);
    expect(chef).toBeDefined();
    expect((await kitos.units.permissions(member, b.uuid)).modify).toBe(false);
    // A role not activated in the organisation is refused, as on every other kind.
    await expect(
      kitos.unitRoles.assign(localAdmin, { unitUuid: a.uuid, roleUuid: chef!.uuid, userUuid: member.userUuid }),
    ).rejects.toBeInstanceOf(KitosStateError);
    await kitos.options.setLocal(localAdmin, { organizationUuid: org, optionUuid: chef!.uuid, isActive: true });
    await kitos.unitRoles.assign(localAdmin, { unitUuid: a.uuid, roleUuid: chef!.uuid, userUuid: member.userUuid });
    expect((await kitos.units.permissions(member, b.uuid)).modify).toBe(true);
    expect((await kitos.units.permissions(member, root)).modify).toBe(false);
    await expect(
      kitos.unitRoles.assign(localAdmin, { unitUuid: a.uuid, roleUuid: chef!.uuid, userUuid: member.userUuid }),
    ).rejects.toBeInstanceOf(KitosConflictError);
  });
});

describe('catalogue', () => {
  it('makes systems unique per creating organisation, public by default, and only admins change the scope', async () => {
    const s = await kitos.systems.create(admin, { organizationUuid: org, name: 'Borgerservice' });
    expect(s.accessModifier).toBe('Public');
    await expect(kitos.systems.create(admin, { organizationUuid: org, name: 'borgerservice' })).rejects.toBeInstanceOf(
      KitosConflictError,
    );
    await kitos.systems.create(admin, { organizationUuid: other, name: 'Borgerservice' });
    await expect(kitos.systems.patch(localAdmin, s.uuid, { accessModifier: 'Local' })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    await expect(kitos.systems.create(localAdmin, { organizationUuid: org, name: 'Nyt' })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
  });
  it('refuses system cycles and deleting an exposed interface; moving the exposure clears relations', async () => {
    const a = await kitos.systems.create(admin, { organizationUuid: org, name: 'A' });
    const b = await kitos.systems.create(admin, { organizationUuid: org, name: 'B', parentUuid: a.uuid });
    await expect(kitos.systems.patch(admin, a.uuid, { parentUuid: b.uuid })).rejects.toBeInstanceOf(
      KitosValidationError,
    );
    const i = await kitos.interfaces.create(admin, {
      organizationUuid: org,
      name: 'API',
      interfaceId: 'v1',
      exposedBySystemUuid: b.uuid,
    });
    await expect(kitos.interfaces.delete(admin, i.uuid)).rejects.toBeInstanceOf(KitosConflictError);
    const from = await kitos.usages.create(admin, { organizationUuid: org, systemUuid: a.uuid });
    const to = await kitos.usages.create(admin, { organizationUuid: org, systemUuid: b.uuid });
    await kitos.usages.patch(admin, from.uuid, {
      outgoingSystemRelations: [{ uuid: uuid(900), toUsageUuid: to.uuid, interfaceUuid: i.uuid }],
    } as never);
    await kitos.interfaces.patch(admin, i.uuid, { exposedBySystemUuid: a.uuid });
    expect((await kitos.usages.get(admin, from.uuid)).outgoingSystemRelations[0]?.interfaceUuid ?? null).toBeNull();
  });
});

describe('usages', () => {
  it('applies GDPR gates through patches and clears details when the answer changes', async () => {
    const s = await kitos.systems.create(admin, { organizationUuid: org, name: 'Omsorg' });
    const u = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: s.uuid });
    await expect(
      kitos.usages.patch(localAdmin, u.uuid, { gdpr: { dpiaDate: '2025-01-01' } } as never),
    ).rejects.toBeInstanceOf(KitosStateError);
    const yes = await kitos.usages.patch(localAdmin, u.uuid, {
      gdpr: { dpiaConducted: 'Yes', dpiaDate: '2025-01-01' },
    } as never);
    expect(yes.gdpr.dpiaDate).toBe('2025-01-01');
    const no = await kitos.usages.patch(localAdmin, u.uuid, { gdpr: { dpiaConducted: 'No' } } as never);
    expect(no.gdpr.dpiaDate).toBeNull();
  });
  it('refuses a usage of a deactivated system, of another organisation’s local system, and units of another organisation', async () => {
    const off = await kitos.systems.create(admin, { organizationUuid: org, name: 'Off', deactivated: true });
    await expect(
      kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: off.uuid }),
    ).rejects.toBeInstanceOf(KitosStateError);
    const local = await kitos.systems.create(admin, {
      organizationUuid: other,
      name: 'Lokal',
      accessModifier: 'Local',
    });
    await expect(
      kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: local.uuid }),
    ).rejects.toBeInstanceOf(KitosValidationError);
    const s = await kitos.systems.create(admin, { organizationUuid: org, name: 'Ok' });
    const u = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: s.uuid });
    const foreign = await kitos.units.create(admin, { organizationUuid: other, name: 'Sydby' });
    await expect(
      kitos.usages.patch(localAdmin, u.uuid, { organizationUsage: { usingUnitUuids: [foreign.uuid] } } as never),
    ).rejects.toBeInstanceOf(KitosValidationError);
  });
  it('refuses a main contract that does not cover the usage', async () => {
    const s = await kitos.systems.create(admin, { organizationUuid: org, name: 'Ok' });
    const u = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: s.uuid });
    const c = await kitos.contracts.create(localAdmin, { organizationUuid: org, name: 'Ikke dækkende' });
    await expect(
      kitos.usages.patch(localAdmin, u.uuid, { general: { mainContractUuid: c.uuid } } as never),
    ).rejects.toBeInstanceOf(KitosStateError);
  });
});

describe('contracts', () => {
  it('refuses a parent cycle and keeps children (top-level) when the parent is deleted', async () => {
    const parent = await kitos.contracts.create(localAdmin, { organizationUuid: org, name: 'Ramme' });
    const child = await kitos.contracts.create(localAdmin, {
      organizationUuid: org,
      name: 'Tillæg',
      parentContractUuid: parent.uuid,
      general: { validity: { requireValidParent: true } },
    });
    await expect(
      kitos.contracts.patch(localAdmin, parent.uuid, { parentContractUuid: child.uuid }),
    ).rejects.toBeInstanceOf(KitosValidationError);
    await kitos.contracts.delete(localAdmin, parent.uuid);
    const kept = await kitos.contracts.get(localAdmin, child.uuid);
    expect(kept.parentContractUuid).toBeNull();
    expect(kept.general.validity.requireValidParent).toBe(false);
  });
  it('reports what a delete takes with it, as the delete then does', async () => {
    const s = await kitos.systems.create(admin, { organizationUuid: org, name: 'Dækket' });
    const u = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: s.uuid });
    const [role] = await kitos.options.global(admin, 'it-contract-role-types');
    await kitos.options.setLocal(localAdmin, {
      organizationUuid: org,
      optionUuid: role?.uuid as string,
      isActive: true,
    });
    const parent = await kitos.contracts.create(localAdmin, {
      organizationUuid: org,
      name: 'Ramme',
      systemUsageUuids: [u.uuid],
      roles: [{ roleUuid: role?.uuid as string, userUuid: member.userUuid }],
    });
    await kitos.usages.patch(localAdmin, u.uuid, { general: { mainContractUuid: parent.uuid } } as never);
    const child = await kitos.contracts.create(localAdmin, {
      organizationUuid: org,
      name: 'Tillæg',
      parentContractUuid: parent.uuid,
    });
    const c = await kitos.contracts.deleteConsequences(member, parent.uuid);
    expect(c).toMatchObject({ kind: 'itContract', uuid: parent.uuid, version: parent.version });
    expect(c.lists).toEqual({ systemUsages: 1, roles: 1 });
    expect(c.detached).toEqual(
      expect.arrayContaining([
        { kind: 'itSystemUsage', field: 'general.mainContractUuid', records: [{ uuid: u.uuid, name: null }] },
        { kind: 'itContract', field: 'parentContractUuid', records: [{ uuid: child.uuid, name: 'Tillæg' }] },
      ]),
    );
    expect(c.detached).toHaveLength(2);
    // A record the actor cannot see reports nothing either.
    await expect(kitos.contracts.deleteConsequences(member, uuid(404))).rejects.toBeInstanceOf(KitosNotFoundError);
    await kitos.contracts.delete(localAdmin, parent.uuid, { expectedVersion: c.version });
    expect((await kitos.usages.get(localAdmin, u.uuid)).general.mainContractUuid).toBeNull();
    expect((await kitos.contracts.get(localAdmin, child.uuid)).parentContractUuid).toBeNull();
  });
  it('computes the deadline engine for one contract', async () => {
    const c = await kitos.contracts.create(localAdmin, {
      organizationUuid: org,
      name: 'Løbende',
      general: { validity: { validFrom: '2022-01-01' } },
      agreementPeriod: { isContinuous: true },
      termination: {
        terms: {
          noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', '6'),
          noticeByEndOf: 'EndOfCalendarYear',
        },
      },
    });
    const d = await kitos.overviews.contractDeadlines(localAdmin, c.uuid);
    expect(d.nextPossibleTermination).toBe('2025-12-31');
    expect(d.latestNoticeDay).toBe('2025-06-30');
    await expect(kitos.overviews.contractDeadlines(await person('x@sydby.dk', other), c.uuid)).rejects.toBeInstanceOf(
      KitosNotFoundError,
    );
  });
});

describe('data processing registrations', () => {
  it('applies the agreement gate, keeps names unique and links inside the organisation', async () => {
    const d = await kitos.dataProcessing.create(localAdmin, { organizationUuid: org, name: 'Løn – databehandling' });
    await expect(
      kitos.dataProcessing.create(localAdmin, { organizationUuid: org, name: 'løn – databehandling' }),
    ).rejects.toBeInstanceOf(KitosConflictError);
    // The conclusion date is not gated (as in KITOS): it may be written before the flag is set.
    const early = await kitos.dataProcessing.patch(localAdmin, d.uuid, {
      general: { agreementConcludedAt: '2025-01-01' },
    } as never);
    expect(early.general.agreementConcludedAt).toBe('2025-01-01');
    const yes = await kitos.dataProcessing.patch(localAdmin, d.uuid, {
      general: { isAgreementConcluded: 'Yes' },
    } as never);
    expect(yes.general.agreementConcludedAt).toBe('2025-01-01');
    const irrelevant = await kitos.dataProcessing.patch(localAdmin, d.uuid, {
      general: { isAgreementConcluded: 'Irrelevant' },
    } as never);
    expect(irrelevant.general.agreementConcludedAt).toBeNull();
    const foreign = await kitos.contracts.create(admin, { organizationUuid: other, name: 'Sydby kontrakt' });
    await expect(
      kitos.dataProcessing.patch(localAdmin, d.uuid, { contractUuids: [foreign.uuid] } as never),
    ).rejects.toBeInstanceOf(KitosValidationError);
    const page = await kitos.overviews.query(member, 'dataProcessing', { organizationUuid: org });
    expect(page.rows.map((r) => r.name)).toEqual(['Løn – databehandling']);
  });
});

describe('projects', () => {
  it('lets partner municipalities of a joint project read but not change it', async () => {
    const p = await kitos.projects.create(localAdmin, {
      organizationUuid: org,
      name: 'Fælles ESDH',
      jointOrganizationUuids: [other],
    });
    const partner = await person('p@sydby.dk', other);
    expect((await kitos.projects.get(partner, p.uuid)).name).toBe('Fælles ESDH');
    await expect(kitos.projects.patch(partner, p.uuid, { name: 'x' })).rejects.toBeInstanceOf(KitosForbiddenError);
    const stranger = await person(
      's@example.dk',
      (await kitos.organizations.create(admin, { name: 'Østby Kommune', type: 'Kommune' })).uuid,
    );
    await expect(kitos.projects.get(stranger, p.uuid)).rejects.toBeInstanceOf(KitosNotFoundError);
    const rows = await kitos.overviews.query(localAdmin, 'projects', { organizationUuid: org });
    expect(rows.rows[0]).toMatchObject({ name: 'Fælles ESDH', joint: true, phase: 'Afventer' });
  });
});

describe('options and KLE', () => {
  it('makes a non-obligatory option available only after local activation, by local admins', async () => {
    const all = await kitos.options.global(admin, 'it-system-usage-role-types');
    const optional = all.find((o) => !o.isObligatory && o.isEnabled);
    expect(optional).toBeDefined();
    const before = await kitos.options.available(member, 'it-system-usage-role-types', org);
    expect(before.some((o) => o.uuid === optional!.uuid)).toBe(false);
    await expect(
      kitos.options.setLocal(member, { organizationUuid: org, optionUuid: optional!.uuid, isActive: true }),
    ).rejects.toBeInstanceOf(KitosForbiddenError);
    await kitos.options.setLocal(localAdmin, {
      organizationUuid: org,
      optionUuid: optional!.uuid,
      isActive: true,
      description: 'Vores beskrivelse',
    });
    const after = await kitos.options.available(member, 'it-system-usage-role-types', org);
    expect(after.find((o) => o.uuid === optional!.uuid)?.description).toBe('Vores beskrivelse');
  });
  it('loads a KLE feed all-or-nothing and lists active tasks by prefix', async () => {
    const feed = [
      { uuid: uuid(1), taskKey: '00', description: 'Kommunens styrelse' },
      { uuid: uuid(2), taskKey: '00.01', description: 'Eksempelgruppe' },
      { uuid: uuid(3), taskKey: '00.01.00', description: 'Eksempelemne', activeTo: '2024-12-31' },
    ];
    await expect(
      kitos.kle.load(admin, [...feed, { uuid: uuid(4), taskKey: '1', description: 'bad' }]),
    ).rejects.toBeInstanceOf(KitosValidationError);
    expect(await kitos.kle.list(member)).toEqual([]);
    expect(await kitos.kle.load(admin, feed)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect((await kitos.kle.list(member, { prefix: '00.01' })).map((t) => t.taskKey)).toEqual(['00.01']);
    await expect(kitos.kle.load(member, feed)).rejects.toBeInstanceOf(KitosForbiddenError);
  });
});
