// The coordination service end to end on the memory adapter: the sharing setting through the one
// write path (only the organisation's admin, validated, versioned), and what the national
// catalogue, who-uses, the radar, contracts like mine and landscapes like mine show another
// municipality before and after the owner shares.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Actor,
  createKitos,
  fixedClock,
  KitosConflictError,
  type KitosError,
  KitosForbiddenError,
  KitosNotFoundError,
  KitosValidationError,
} from '../../src/index.js';
import { testUuid, type World, world } from '../security/world.js';

let w: World;
let nordbyUser: Actor;
let sydbyUser: Actor;
let sydbyAdmin: Actor;

async function refused<T>(p: Promise<T>, type: new (...a: never[]) => Error, code?: string): Promise<KitosError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, `expected ${type.name}`).toBeInstanceOf(type);
  if (code) expect(JSON.stringify((e as KitosError).context ?? {}) + JSON.stringify(e)).toContain(code);
  return e as KitosError;
}

/** Sydby's contract: runs 2024-01-01 to 2026-12-31, with a supplier, a strategy and a contact. */
async function dressSydbyContract(): Promise<{ supplier: string; role: string }> {
  const supplier = (await w.kitos.organizations.create(w.admin, { name: 'Leverandør A/S', type: 'Virksomhed' })).uuid;
  const [role] = await w.kitos.options.global(w.admin, 'it-contract-role-types');
  await w.kitos.options.setLocal(w.admin, { organizationUuid: w.b.uuid, optionUuid: role!.uuid, isActive: true });
  await w.kitos.contracts.patch(w.admin, w.b.contract, {
    general: { validity: { validFrom: '2024-01-01', validTo: '2026-12-31' } },
    supplier: { organizationUuid: supplier },
    roles: [{ roleUuid: role!.uuid, userUuid: w.b.people.ContractModuleAdmin.userUuid }],
  });
  return { supplier, role: role!.uuid };
}

beforeEach(async () => {
  w = await world();
  nordbyUser = w.a.people.User;
  sydbyUser = w.b.people.User;
  sydbyAdmin = w.b.people.LocalAdmin;
  // Municipalities show themselves to the others (an organisation's own scope, KITOS's rule).
  for (const org of [w.a.uuid, w.b.uuid]) await w.kitos.organizations.patch(w.admin, org, { accessModifier: 'Public' });
});

describe('the sharing setting', () => {
  it('reads as the default (nothing shared) until stored, and only for members', async () => {
    const s = await w.kitos.coordination.sharing(sydbyUser, w.b.uuid);
    expect(s).toMatchObject({ uuid: null, version: 0, contracts: { scope: 'Local', fields: [] } });
    await refused(w.kitos.coordination.sharing(nordbyUser, w.b.uuid), KitosForbiddenError);
  });

  it('is written only by the organisation’s local admin (or a global admin), with versions', async () => {
    for (const role of ['User', 'SystemModuleAdmin', 'ContractModuleAdmin', 'OrganizationModuleAdmin'] as const)
      await refused(
        w.kitos.coordination.updateSharing(w.b.people[role], w.b.uuid, { contracts: { scope: 'Public' } }),
        KitosForbiddenError,
      );
    await refused(
      w.kitos.coordination.updateSharing(w.a.people.LocalAdmin, w.b.uuid, { contracts: { scope: 'Public' } }),
      KitosForbiddenError,
    );
    const first = await w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, { contracts: { scope: 'Public' } });
    expect(first.version).toBe(1);
    expect(first.usages.scope).toBe('Local');
    const second = await w.kitos.coordination.updateSharing(
      sydbyAdmin,
      w.b.uuid,
      { contracts: { fields: ['supplier'] } },
      { expectedVersion: 1 },
    );
    expect(second).toMatchObject({ version: 2, contracts: { scope: 'Public', fields: ['supplier'] } });
    await refused(
      w.kitos.coordination.updateSharing(
        sydbyAdmin,
        w.b.uuid,
        { projects: { scope: 'Public' } },
        { expectedVersion: 1 },
      ),
      KitosConflictError,
    );
    expect((await w.kitos.coordination.sharing(sydbyUser, w.b.uuid)).version).toBe(2);
  });

  it('refuses contacts without a contact role, foreign exceptions and unknown details, changing nothing', async () => {
    await refused(
      w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, { usages: { scope: 'Public', fields: ['contact'] } }),
      KitosValidationError,
      'contact-role-missing',
    );
    await refused(
      w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, {
        exceptions: [{ uuid: w.a.contract, scope: 'Public' }],
      }),
      KitosValidationError,
      'not-same-organisation',
    );
    await refused(
      w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, {
        contracts: { fields: ['price' as 'supplier'] },
      }),
      KitosValidationError,
    );
    expect((await w.kitos.coordination.sharing(sydbyUser, w.b.uuid)).version).toBe(0);
  });
});

describe('what another municipality sees', () => {
  it('the national catalogue counts every user and filters by "used by at least N"', async () => {
    const page = await w.kitos.coordination.catalogue(nordbyUser, { organizationUuid: w.a.uuid });
    const esdh = page.entries.find((e) => e.uuid === w.publicSystem);
    expect(esdh).toMatchObject({ organizations: 2, usedHere: true, name: 'Fælles ESDH' });
    expect(esdh?.interfaces.map((i) => i.name)).toEqual(['ESDH API']);
    // Sydby's local system is not in Nordby's catalogue.
    expect(page.entries.some((e) => e.uuid === w.b.localSystem)).toBe(false);
    const popular = await w.kitos.coordination.catalogue(nordbyUser, { minOrganizations: 2 });
    expect(popular.entries.map((e) => e.uuid)).toEqual([w.publicSystem]);
    expect(popular.total).toBe(1);
    await refused(w.kitos.coordination.catalogue(nordbyUser, { organizationUuid: w.b.uuid }), KitosForbiddenError);
    await refused(w.kitos.coordination.catalogue(nordbyUser, { limit: 0 }), KitosValidationError);
  });

  it('answers from caches follow every write: a usage, a catalogue change, a sharing change', async () => {
    const count = async () =>
      (await w.kitos.coordination.catalogue(nordbyUser, { organizationUuid: w.a.uuid })).entries.find(
        (e) => e.uuid === w.publicSystem,
      );
    const similar = () => w.kitos.coordination.similarLandscapes(nordbyUser, { organizationUuid: w.a.uuid });
    // Read twice: the second answer comes from the caches.
    await count();
    expect(await count()).toMatchObject({ organizations: 2, name: 'Fælles ESDH' });
    await similar();
    expect((await similar()).map((s) => s.organization.name)).toEqual(['Sydby']);
    const østby = (
      await w.kitos.organizations.create(w.admin, { name: 'Østby', type: 'Kommune', accessModifier: 'Public' })
    ).uuid;
    const usage = (await w.kitos.usages.create(w.admin, { organizationUuid: østby, systemUuid: w.publicSystem })).uuid;
    expect(await count()).toMatchObject({ organizations: 3 });
    expect((await similar()).map((s) => s.organization.name)).toEqual(['Sydby', 'Østby']);
    await w.kitos.usages.delete(w.admin, usage);
    expect(await count()).toMatchObject({ organizations: 2 });
    expect((await similar()).map((s) => s.organization.name)).toEqual(['Sydby']);
    await w.kitos.systems.patch(w.admin, w.publicSystem, { name: 'Fælles ESDH 2' });
    expect(await count()).toMatchObject({ name: 'Fælles ESDH 2' });
    // Østby hides itself: it is no longer named among the similar landscapes.
    await w.kitos.usages.create(w.admin, { organizationUuid: østby, systemUuid: w.publicSystem });
    expect((await similar()).map((s) => s.organization.name)).toEqual(['Sydby', 'Østby']);
    await w.kitos.organizations.patch(w.admin, østby, { accessModifier: 'Local' });
    expect((await similar()).map((s) => s.organization.name)).toEqual(['Sydby']);
  });

  it('after usage writes, answers brought up to date from the feed equal those of a fresh facade', async () => {
    const østby = (
      await w.kitos.organizations.create(w.admin, { name: 'Østby', type: 'Kommune', accessModifier: 'Public' })
    ).uuid;
    for (const org of [w.a.uuid, w.b.uuid, østby])
      await w.kitos.coordination.updateSharing(w.admin, org, { usages: { scope: 'Public', fields: ['interfaces'] } });
    const reads = (kitos: typeof w.kitos) =>
      Promise.all([
        kitos.coordination.catalogue(nordbyUser, { organizationUuid: w.a.uuid }),
        kitos.coordination.similarLandscapes(nordbyUser, { organizationUuid: w.a.uuid }),
      ]);
    const fresh = async () =>
      reads(await createKitos({ storage: w.storage, clock: fixedClock('2025-06-15T10:00:00Z'), newUuid: testUuid }));
    const same = async () => {
      const [catalogue, similar] = await reads(w.kitos);
      expect([catalogue, similar]).toEqual(await fresh());
      return catalogue.entries;
    };
    await same(); // cached from here on
    const relation = (uuid: string) => [{ uuid, toUsageUuid: u1, interfaceUuid: w.interface }];
    // A new user of the shared system, and of another system; then that one consumes the interface.
    const u1 = (await w.kitos.usages.create(w.admin, { organizationUuid: østby, systemUuid: w.publicSystem })).uuid;
    const fælles = (await w.kitos.organizations.list(w.admin, { limit: 10 })).items[0]?.uuid as string;
    const other = (await w.kitos.systems.create(w.admin, { organizationUuid: fælles, name: 'Fælles Arkiv' })).uuid;
    const u2 = (await w.kitos.usages.create(w.admin, { organizationUuid: østby, systemUuid: other })).uuid;
    expect((await same()).find((e) => e.uuid === w.publicSystem)?.organizations).toBe(3);
    await w.kitos.usages.patch(w.admin, u2, {
      outgoingSystemRelations: relation('00000000-0000-4000-8000-00000000bd01'),
    });
    const consumers = (entries: Awaited<ReturnType<typeof same>>) =>
      entries.find((e) => e.uuid === w.publicSystem)?.interfaces[0]?.consumers.map((c) => c.uuid);
    expect(consumers(await same())).toContain(other);
    // A rename changes no count (the same maps serve on), a deletion takes the user and the consumer away.
    await w.kitos.usages.patch(w.admin, u1, { general: { localCallName: 'ESDH i Østby' } } as never);
    await same();
    await w.kitos.usages.delete(w.admin, u2);
    expect(consumers(await same()) ?? []).not.toContain(other);
    await w.kitos.usages.delete(w.admin, u1);
    expect((await same()).find((e) => e.uuid === w.publicSystem)?.organizations).toBe(2);
  });

  it('the catalogue filters offer the KLE tasks, rights holders and business types of visible systems only', async () => {
    const holder = (await w.kitos.organizations.create(w.admin, { name: 'Leverandør A/S', type: 'Virksomhed' })).uuid;
    const [type] = await w.kitos.options.global(w.admin, 'business-types');
    const task = (n: number, taskKey: string) => ({
      uuid: `00000000-0000-4000-8000-0000000000${n}0`,
      taskKey,
      description: `Opgave ${taskKey}`,
    });
    await w.kitos.kle.load(w.admin, [task(1, '02'), task(2, '02.05'), task(3, '02.05.10'), task(4, '03')]);
    const kle = task(3, '02.05.10');
    await w.kitos.systems.patch(w.admin, w.publicSystem, {
      rightsHolderUuid: holder,
      businessTypeUuid: type!.uuid,
      kleUuids: [kle.uuid],
    });
    const filters = await w.kitos.coordination.catalogueFilters(nordbyUser);
    expect(filters.rightsHolders).toEqual([{ uuid: holder, name: 'Leverandør A/S' }]);
    expect(filters.businessTypes).toEqual([{ uuid: type!.uuid, name: type!.name }]);
    expect(filters.maxOrganizations).toBe(2);
    // The task with the tasks above it, which match it too; 03 is on no system.
    expect(filters.kle.map((k) => k.taskKey)).toEqual(['02', '02.05', '02.05.10']);
    // Sydby's local system (no rights holder) adds nothing for Nordby.
    const company = (await w.kitos.organizations.create(w.admin, { name: 'Firma', type: 'Virksomhed' })).uuid;
    await w.kitos.systems.patch(w.admin, w.b.localSystem, { rightsHolderUuid: company });
    expect((await w.kitos.coordination.catalogueFilters(nordbyUser)).rightsHolders.map((r) => r.name)).toEqual([
      'Leverandør A/S',
    ]);
    expect((await w.kitos.coordination.catalogueFilters(sydbyUser)).rightsHolders.map((r) => r.name)).toEqual([
      'Firma',
      'Leverandør A/S',
    ]);
  });

  it('who uses a system: names only, until the owner shares more', async () => {
    const before = await w.kitos.coordination.systemUse(nordbyUser, w.publicSystem);
    const sydby = before.usages.find((u) => u.organizationUuid === w.b.uuid);
    expect(sydby).toEqual({
      organizationUuid: w.b.uuid,
      systemUuid: w.publicSystem,
      shared: [],
      organization: { uuid: w.b.uuid, name: 'Sydby' },
    });
    expect(before.contracts.map((c) => c.organizationUuid)).toEqual([w.a.uuid]); // Nordby's own only
    await w.kitos.usages.patch(w.admin, w.b.usage, {
      organizationUsage: { responsibleUnitUuid: w.b.unit, usingUnitUuids: [w.b.unit] },
    });
    await w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, {
      usages: { scope: 'Public', fields: ['responsibleUnit', 'lifeCycleStatus'] },
    });
    const after = await w.kitos.coordination.systemUse(nordbyUser, w.publicSystem);
    expect(after.usages.find((u) => u.organizationUuid === w.b.uuid)).toMatchObject({
      shared: ['responsibleUnit', 'lifeCycleStatus'],
      responsibleUnit: 'Sydby IT',
      lifeCycleStatus: null,
    });
    await refused(w.kitos.coordination.systemUse(nordbyUser, w.b.localSystem), KitosNotFoundError);
    // An organisation that keeps itself Local is counted but never named.
    await w.kitos.organizations.patch(w.admin, w.b.uuid, { accessModifier: 'Local' });
    const hidden = await w.kitos.coordination.systemUse(nordbyUser, w.publicSystem);
    expect(hidden.organizations).toBe(2);
    expect(hidden.usages.map((u) => u.organization.name)).toEqual(['Nordby']);
  });

  it('the radar shows a contract only once its owner shares it with its end quarter', async () => {
    const { supplier } = await dressSydbyContract();
    const q = { systemUuid: w.publicSystem, from: '2025-06-15', months: 24 };
    expect((await w.kitos.coordination.radar(nordbyUser, q)).contracts).toBe(0);
    await w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, { contracts: { scope: 'Public', fields: [] } });
    expect((await w.kitos.coordination.radar(nordbyUser, q)).contracts).toBe(0);
    await w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, { contracts: { fields: ['endQuarter'] } });
    const radar = await w.kitos.coordination.radar(nordbyUser, q);
    expect(radar.quarters).toEqual([
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
    ]);
    expect(radar.contracts).toBe(1);
    const q4 = radar.groups[0]?.quarters.find((x) => x.quarter === '2026-Q4');
    expect(q4?.entries[0]).toMatchObject({ organization: { name: 'Sydby' }, kinds: ['expiry'] });
    expect(q4?.entries[0]?.contract.supplier).toBeUndefined();
    expect(q4?.entries[0]?.contract.name).toBeUndefined();
    // By supplier: only contracts that share the supplier can match.
    expect(
      (await w.kitos.coordination.radar(nordbyUser, { supplierUuid: supplier, from: '2025-06-15' })).contracts,
    ).toBe(0);
    await w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, {
      contracts: { fields: ['endQuarter', 'supplier'] },
    });
    const bySupplier = await w.kitos.coordination.radar(nordbyUser, { supplierUuid: supplier, from: '2025-06-15' });
    expect(bySupplier.contracts).toBe(1);
    expect(bySupplier.groups[0]?.quarters[0]?.entries[0]?.contract.supplier).toEqual({
      uuid: supplier,
      name: 'Leverandør A/S',
    });
    // A changed contract moves on the radar at once (nothing stale is kept).
    await w.kitos.contracts.patch(w.admin, w.b.contract, { general: { validity: { validTo: '2026-03-31' } } });
    const moved = await w.kitos.coordination.radar(nordbyUser, q);
    expect(moved.groups[0]?.quarters.find((x) => x.entries.some((e) => e.kinds.includes('expiry')))?.quarter).toBe(
      '2026-Q1',
    );
    // A per-record exception takes the contract back.
    await w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, {
      exceptions: [{ uuid: w.b.contract, scope: 'Local' }],
    });
    expect((await w.kitos.coordination.radar(nordbyUser, q)).contracts).toBe(0);
    await refused(
      w.kitos.coordination.radar(nordbyUser, { systemUuid: w.publicSystem, supplierUuid: supplier }),
      KitosValidationError,
    );
  });

  it('shares contacts only with a chosen contact role', async () => {
    const { role } = await dressSydbyContract();
    await w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, {
      contracts: { scope: 'Public', fields: ['endQuarter', 'contact'], contactRoleUuid: role },
    });
    const radar = await w.kitos.coordination.radar(nordbyUser, { systemUuid: w.publicSystem, from: '2025-06-15' });
    const entry = radar.groups[0]?.quarters.flatMap((q) => q.entries).find((e) => e.organization.uuid === w.b.uuid);
    expect(entry?.contract.contacts).toEqual([
      { name: 'ContractModuleAdmin Sydby', email: 'contractmoduleadmin@sydby.dk' },
    ]);
  });

  it('contracts like mine: the other municipality’s shared contract on the same system', async () => {
    await dressSydbyContract();
    await w.kitos.contracts.patch(w.admin, w.a.contract, {
      general: { validity: { validFrom: '2023-01-01', validTo: '2026-06-30' } },
    });
    expect(await w.kitos.coordination.contractsLikeMine(nordbyUser, w.a.contract)).toEqual([]);
    await w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, {
      contracts: { scope: 'Public', fields: ['endQuarter'] },
    });
    const like = await w.kitos.coordination.contractsLikeMine(nordbyUser, w.a.contract);
    expect(like).toHaveLength(1);
    expect(like[0]).toMatchObject({
      organization: { name: 'Sydby' },
      sameSystems: [{ uuid: w.publicSystem, name: 'Fælles ESDH' }],
      sameSupplier: false,
      quarterDistance: 2,
    });
    await refused(w.kitos.coordination.contractsLikeMine(nordbyUser, w.b.contract), KitosNotFoundError);
  });

  it('landscapes like mine: weighted by rarity, explained in Danish and English', async () => {
    // A rare system both use, and a third municipality that uses only the common one.
    const rare = (
      await w.kitos.systems.create(w.admin, {
        organizationUuid: w.a.uuid,
        name: 'Sjældent System',
        accessModifier: 'Public',
      })
    ).uuid;
    await w.kitos.usages.create(w.admin, { organizationUuid: w.a.uuid, systemUuid: rare });
    await w.kitos.usages.create(w.admin, { organizationUuid: w.b.uuid, systemUuid: rare });
    const østby = (
      await w.kitos.organizations.create(w.admin, { name: 'Østby', type: 'Kommune', accessModifier: 'Public' })
    ).uuid;
    await w.kitos.usages.create(w.admin, { organizationUuid: østby, systemUuid: w.publicSystem });
    const similar = await w.kitos.coordination.similarLandscapes(nordbyUser, { organizationUuid: w.a.uuid });
    expect(similar.map((s) => s.organization.name)).toEqual(['Sydby', 'Østby']);
    expect(similar[0]?.score).toBeGreaterThan(similar[1]?.score ?? 1);
    expect(similar[0]?.sharedSystems).toBe(2);
    expect(similar[0]?.rarestShared[0]?.name).toBe('Sjældent System');
    expect(similar[0]?.explanation.da).toBe(
      'Bruger 2 af de samme systemer som Nordby; de sjældneste er Sjældent System og Fælles ESDH.',
    );
    expect(similar[0]?.explanation.en).toContain('Uses 2 of the same systems as Nordby');
    await refused(
      w.kitos.coordination.similarLandscapes(nordbyUser, { organizationUuid: w.b.uuid }),
      KitosForbiddenError,
    );
  });

  it('landscapes like mine weighted by KLE tasks: other systems for the same tasks count too, and say so', async () => {
    await w.kitos.kle.load(w.admin, [
      { uuid: '00000000-0000-4000-8000-00000000bb01', taskKey: '27', description: 'Beskæftigelse' },
      { uuid: '00000000-0000-4000-8000-00000000bb02', taskKey: '27.12', description: 'Jobcenter' },
    ]);
    const task = (await w.kitos.kle.list(w.admin)).find((k) => k.taskKey === '27.12')!.uuid;
    const system = async (name: string, kleUuids: string[]) =>
      (await w.kitos.systems.create(w.admin, { organizationUuid: w.a.uuid, name, accessModifier: 'Public', kleUuids }))
        .uuid;
    // Nordby and Østby use different job-centre systems; Sydby shares a rare system with Nordby.
    const jobA = await system('Jobsystem A', [task]);
    const jobB = await system('Jobsystem B', [task]);
    const rare = await system('Sjældent System', []);
    const østby = (
      await w.kitos.organizations.create(w.admin, { name: 'Østby', type: 'Kommune', accessModifier: 'Public' })
    ).uuid;
    for (const [org, sys] of [
      [w.a.uuid, jobA],
      [w.a.uuid, rare],
      [w.b.uuid, rare],
      [østby, jobB],
    ] as const)
      await w.kitos.usages.create(w.admin, { organizationUuid: org, systemUuid: sys });
    const bySystems = await w.kitos.coordination.similarLandscapes(nordbyUser, { organizationUuid: w.a.uuid });
    expect(bySystems.map((s) => s.organization.name)).not.toContain('Østby');
    expect(bySystems[0]?.sharedKleTasks).toBe(0);
    const byTasks = await w.kitos.coordination.similarLandscapes(nordbyUser, {
      organizationUuid: w.a.uuid,
      kleWeight: 1,
    });
    expect(byTasks.map((s) => s.organization.name)).toEqual(['Østby']);
    expect(byTasks[0]).toMatchObject({ sharedSystems: 0, sharedKleTasks: 1 });
    expect(byTasks[0]?.explanation.da).toBe(
      'Bruger ingen af de samme systemer som Nordby. Dækker 1 af de samme KLE-opgaver.',
    );
    expect(byTasks[0]?.explanation.en).toBe("Uses none of Nordby's systems. Covers 1 of the same KLE tasks.");
    const blended = await w.kitos.coordination.similarLandscapes(nordbyUser, {
      organizationUuid: w.a.uuid,
      kleWeight: 0.5,
    });
    expect(blended.map((s) => s.organization.name)).toEqual(expect.arrayContaining(['Sydby', 'Østby']));
    for (const s of blended) expect(s.score).toBeGreaterThan(0);
    expect(blended.map((s) => s.score)).toEqual([...blended.map((s) => s.score)].sort((a, b) => b - a));
    await refused(
      w.kitos.coordination.similarLandscapes(nordbyUser, { organizationUuid: w.a.uuid, kleWeight: 2 }),
      KitosValidationError,
    );
  });

  it('refuses readers outside every municipality', async () => {
    const company = (await w.kitos.organizations.create(w.admin, { name: 'Firma', type: 'Virksomhed' })).uuid;
    const u = await w.kitos.users.create(w.admin, { firstName: 'F', lastName: 'F', email: 'f@firma.dk' });
    await w.kitos.memberships.grant(w.admin, { userUuid: u.uuid, organizationUuid: company, role: 'User' });
    await refused(w.kitos.coordination.catalogue({ userUuid: u.uuid }), KitosForbiddenError);
  });
});

describe('the joint reference architecture', () => {
  it('is kept by global admins only and read by everyone, with its systems and interfaces checked', async () => {
    await refused(
      w.kitos.coordination.architecture.create(sydbyAdmin, { name: 'Serviceplatformen', kind: 'infrastructure' }),
      KitosForbiddenError,
    );
    await refused(
      w.kitos.coordination.architecture.create(w.admin, {
        name: 'Serviceplatformen',
        kind: 'infrastructure',
        systemUuids: ['00000000-0000-4000-8000-999999999999'],
      }),
      KitosValidationError,
      'not-found',
    );
    const sp = await w.kitos.coordination.architecture.create(w.admin, {
      name: 'Serviceplatformen',
      kind: 'infrastructure',
      interfaceUuids: [w.interface],
    });
    expect((await w.kitos.coordination.architecture.get(nordbyUser, sp.uuid)).name).toBe('Serviceplatformen');
    await refused(w.kitos.coordination.architecture.patch(sydbyAdmin, sp.uuid, { name: 'X' }), KitosForbiddenError);
  });

  it('counts the usages tied to it, by element, responsible unit and KLE task', async () => {
    await w.kitos.kle.load(w.admin, [
      { uuid: '00000000-0000-4000-8000-00000000aa01', taskKey: '02', description: 'Fysisk planlægning' },
      { uuid: '00000000-0000-4000-8000-00000000aa02', taskKey: '02.05', description: 'Byggeri' },
    ]);
    const kle = (await w.kitos.kle.list(w.admin)).find((k) => k.taskKey === '02.05');
    expect(kle).toBeDefined();
    await w.kitos.systems.patch(w.admin, w.publicSystem, { kleUuids: [kle!.uuid] });
    const digitalPost = (
      await w.kitos.systems.create(w.admin, {
        organizationUuid: w.a.uuid,
        name: 'Digital Post',
        accessModifier: 'Public',
      })
    ).uuid;
    const element = await w.kitos.coordination.architecture.create(w.admin, {
      name: 'Digital Post',
      kind: 'infrastructure',
      systemUuids: [digitalPost],
    });
    await w.kitos.usages.create(w.admin, {
      organizationUuid: w.a.uuid,
      systemUuid: digitalPost,
      organizationUsage: { responsibleUnitUuid: w.a.unit, usingUnitUuids: [w.a.unit] },
    });
    const c = await w.kitos.coordination.architectureCoverage(nordbyUser, w.a.uuid);
    expect({ total: c.total, tied: c.tied }).toEqual({ total: 2, tied: 1 });
    expect(c.elements).toEqual([{ uuid: element.uuid, name: 'Digital Post', usages: 1 }]);
    expect(c.units).toContainEqual({ unit: { uuid: w.a.unit, name: 'Nordby IT' }, total: 1, tied: 1 });
    expect(c.units).toContainEqual({ unit: null, total: 1, tied: 0 });
    expect(c.kle).toEqual([
      { uuid: kle!.uuid, taskKey: kle!.taskKey, description: kle!.description, total: 1, tied: 0 },
    ]);
    await refused(w.kitos.coordination.architectureCoverage(nordbyUser, w.b.uuid), KitosForbiddenError);
  });
});

describe('interest communities', () => {
  it('show their records whole to the people of their member municipalities, as their admin decides', async () => {
    const community = (
      await w.kitos.organizations.create(w.admin, {
        name: 'Fælles Indkøb',
        type: 'Interessefællesskab',
        accessModifier: 'Public',
      })
    ).uuid;
    const usage = await w.kitos.usages.create(w.admin, { organizationUuid: community, systemUuid: w.publicSystem });
    await w.kitos.contracts.create(w.admin, {
      organizationUuid: community,
      name: 'Fælles ESDH-udbud',
      systemUsageUuids: [usage.uuid],
      general: { validity: { validFrom: '2024-01-01', validTo: '2026-09-30' } },
    });
    const q = { systemUuid: w.publicSystem, from: '2025-06-15', months: 24 };
    const names = async (actor: Actor) =>
      (await w.kitos.coordination.radar(actor, q)).groups.flatMap((g) =>
        g.quarters.flatMap((x) => x.entries.map((e) => e.contract.name ?? '(unnamed)')),
      );
    expect(await names(nordbyUser)).not.toContain('Fælles ESDH-udbud');
    // Only a community has members; a municipality's admin cannot make its own organisation one.
    await refused(
      w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, { communityMembers: [w.a.uuid] }),
      KitosValidationError,
      'invalid-value',
    );
    await w.kitos.coordination.updateSharing(w.admin, community, { communityMembers: [w.a.uuid] });
    expect(await names(nordbyUser)).toContain('Fælles ESDH-udbud');
    expect(await names(sydbyUser)).not.toContain('Fælles ESDH-udbud');
  });

  it('let go of a deleted member organisation, so the community can save its setting again', async () => {
    const community = (
      await w.kitos.organizations.create(w.admin, { name: 'Fælles Drift', type: 'Interessefællesskab' })
    ).uuid;
    const vestby = (await w.kitos.organizations.create(w.admin, { name: 'Vestby Kommune', type: 'Kommune' })).uuid;
    await w.kitos.coordination.updateSharing(w.admin, community, { communityMembers: [w.a.uuid, vestby] });
    const before = await w.kitos.coordination.sharing(w.admin, community);
    const consequences = await w.kitos.organizations.deleteConsequences(w.admin, vestby);
    expect(consequences.detached).toContainEqual(
      expect.objectContaining({ kind: 'sharingSetting', field: 'communityMembers' }),
    );
    await w.kitos.organizations.delete(w.admin, vestby, { expectedVersion: consequences.version });
    const after = await w.kitos.coordination.sharing(w.admin, community);
    expect(after.communityMembers).toEqual([w.a.uuid]);
    expect(after.version).toBe(before.version + 1);
    // Every member must exist: with the deleted one still listed, this save would be refused.
    await w.kitos.coordination.updateSharing(w.admin, community, { contracts: { scope: 'Public' } });
    const saved = await w.kitos.coordination.sharing(w.admin, community);
    expect([saved.contracts.scope, saved.communityMembers]).toEqual(['Public', [w.a.uuid]]);
  });
});
