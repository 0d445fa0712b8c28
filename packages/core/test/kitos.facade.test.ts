import { beforeEach, describe, expect, it } from 'vitest';
import {
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
let aarhus: string;
let odense: string;
let anna: Actor; // contract module admin in Aarhus
let ole: Actor; // local admin in Odense
let root: string;

async function user(email: string): Promise<Actor> {
  const u = await kitos.users.create(admin, { firstName: email.split('@')[0] ?? 'x', lastName: 'Test', email });
  return { userUuid: u.uuid };
}

beforeEach(async () => {
  kitos = await createKitos({ storage: createMemoryStorage(), clock: fixedClock('2025-06-15T10:00:00Z') });
  admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
  aarhus = (await kitos.organizations.create(admin, { name: 'Aarhus Kommune', type: 'Kommune' })).uuid;
  odense = (await kitos.organizations.create(admin, { name: 'Odense Kommune', type: 'Kommune' })).uuid;
  root = (await kitos.units.create(admin, { organizationUuid: aarhus, name: 'Aarhus Kommune' })).uuid;
  anna = await user('anna@aarhus.dk');
  ole = await user('ole@odense.dk');
  await kitos.memberships.grant(admin, { userUuid: anna.userUuid, organizationUuid: aarhus, role: 'User' });
  await kitos.memberships.grant(admin, {
    userUuid: anna.userUuid,
    organizationUuid: aarhus,
    role: 'ContractModuleAdmin',
  });
  await kitos.memberships.grant(admin, { userUuid: ole.userUuid, organizationUuid: odense, role: 'LocalAdmin' });
});

describe('the Kitos facade on the memory adapter', () => {
  it('bootstraps once, with the option seed and the default organisation', async () => {
    await expect(
      kitos.organizations.bootstrap({ firstName: 'B', lastName: 'B', email: 'b@example.dk' }),
    ).rejects.toBeInstanceOf(KitosConflictError);
    const months = await kitos.options.global(admin, 'it-contract-notice-period-month-types');
    expect(months.map((o) => o.name)).toContain('3');
  });

  it('creates a contract, patches only the given fields and records field-level history', async () => {
    const c = await kitos.contracts.create(anna, { organizationUuid: aarhus, name: 'ESDH drift' });
    expect(c.version).toBe(1);
    const p = await kitos.contracts.patch(anna, c.uuid, { general: { notes: 'forlænget' } }, { expectedVersion: 1 });
    expect(p.version).toBe(2);
    expect(p.name).toBe('ESDH drift');
    expect(p.general.notes).toBe('forlænget');
    const history = await kitos.feed.history(anna, 'itContract', c.uuid);
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(history[1]?.changes).toEqual([{ path: 'general.notes', before: null, after: 'forlænget' }]);
  });

  it('refuses a stale write with a conflict and changes nothing', async () => {
    const c = await kitos.contracts.create(anna, { organizationUuid: aarhus, name: 'Løn' });
    await kitos.contracts.patch(anna, c.uuid, { name: 'Løn 2' });
    await expect(kitos.contracts.patch(anna, c.uuid, { name: 'Løn 3' }, { expectedVersion: 1 })).rejects.toBeInstanceOf(
      KitosConflictError,
    );
    expect((await kitos.contracts.get(anna, c.uuid)).name).toBe('Løn 2');
  });

  it('keeps contracts inside their municipality: other municipalities get not-found, and may not write', async () => {
    const c = await kitos.contracts.create(anna, { organizationUuid: aarhus, name: 'Skole' });
    await expect(kitos.contracts.get(ole, c.uuid)).rejects.toBeInstanceOf(KitosNotFoundError);
    await expect(kitos.contracts.create(ole, { organizationUuid: aarhus, name: 'x' })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    expect(await kitos.contracts.permissions(ole, c.uuid)).toEqual({ read: false, modify: false, delete: false });
    expect(await kitos.contracts.permissions(anna, c.uuid)).toEqual({ read: true, modify: true, delete: true });
  });

  it('lists every validation problem and stores nothing', async () => {
    const e = await kitos.contracts
      .create(anna, { organizationUuid: aarhus, name: '', general: { validity: { validFrom: '2025-02-30' } } } as never)
      .catch((x) => x);
    expect(e).toBeInstanceOf(KitosValidationError);
    expect((e as KitosValidationError).issues.length).toBeGreaterThanOrEqual(2);
    expect((await kitos.contracts.list(anna, { organizationUuid: aarhus })).total).toBe(0);
  });

  it('rejects duplicate contract names in one organisation', async () => {
    await kitos.contracts.create(anna, { organizationUuid: aarhus, name: 'Drift' });
    await expect(kitos.contracts.create(anna, { organizationUuid: aarhus, name: ' drift ' })).rejects.toBeInstanceOf(
      KitosConflictError,
    );
  });

  it('runs a usage with a main contract through the overview with derived columns', async () => {
    const system = await kitos.systems.create(admin, { organizationUuid: aarhus, name: 'Ørestad ESDH' });
    const sysAdmin = await user('sys@aarhus.dk');
    await kitos.memberships.grant(admin, {
      userUuid: sysAdmin.userUuid,
      organizationUuid: aarhus,
      role: 'SystemModuleAdmin',
    });
    const usage = await kitos.usages.create(sysAdmin, { organizationUuid: aarhus, systemUuid: system.uuid });
    await expect(
      kitos.usages.create(sysAdmin, { organizationUuid: aarhus, systemUuid: system.uuid }),
    ).rejects.toBeInstanceOf(KitosConflictError);
    const contract = await kitos.contracts.create(anna, {
      organizationUuid: aarhus,
      name: 'ESDH kontrakt',
      systemUsageUuids: [usage.uuid],
      general: { validity: { validFrom: '2020-01-01', validTo: '2025-12-31' } },
      termination: { terms: { noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', '3') } },
    } as never);
    await kitos.usages.patch(sysAdmin, usage.uuid, { general: { mainContractUuid: contract.uuid } } as never);
    const page = await kitos.overviews.query(anna, 'usages', { organizationUuid: aarhus, limit: 50 });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      systemName: 'Ørestad ESDH',
      mainContract: 'ESDH kontrakt',
      active: true,
      nextNoticeDeadline: '2025-09-30',
    });
    const later = await kitos.overviews.query(anna, 'usages', { organizationUuid: aarhus, today: '2026-01-01' });
    expect(later.rows[0]).toMatchObject({ active: false, inactiveReasons: ['MainContractNotActive'] });
    const contracts = await kitos.overviews.query(anna, 'contracts', {
      organizationUuid: aarhus,
      filters: [{ column: 'latestNoticeDay', op: 'onOrBefore', date: '2025-12-31' }],
    });
    expect(contracts.rows.map((r) => r.name)).toEqual(['ESDH kontrakt']);
    await expect(kitos.overviews.query(ole, 'usages', { organizationUuid: aarhus })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    // Organisations start Local: Aarhus is named to its own members only, until it is made Public.
    expect(await kitos.overviews.whoUses(ole, system.uuid)).toEqual([]);
    expect(await kitos.overviews.whoUses(anna, system.uuid)).toEqual([{ uuid: aarhus, name: 'Aarhus Kommune' }]);
    await kitos.organizations.patch(admin, aarhus, { accessModifier: 'Public' } as never);
    expect(await kitos.overviews.whoUses(ole, system.uuid)).toEqual([{ uuid: aarhus, name: 'Aarhus Kommune' }]);
  });

  it('refuses to delete a system in use, and deletes a usage with its cascades and a feed tombstone', async () => {
    const system = await kitos.systems.create(admin, { organizationUuid: aarhus, name: 'Løn' });
    const usage = await kitos.usages.create(admin, { organizationUuid: aarhus, systemUuid: system.uuid });
    const contract = await kitos.contracts.create(anna, {
      organizationUuid: aarhus,
      name: 'Løn',
      systemUsageUuids: [usage.uuid],
    } as never);
    await expect(kitos.systems.delete(admin, system.uuid)).rejects.toBeInstanceOf(KitosConflictError);
    const point = (await kitos.feed.changesSince(anna, 0)).next;
    await kitos.usages.delete(admin, usage.uuid);
    expect((await kitos.contracts.get(anna, contract.uuid)).systemUsageUuids).toEqual([]);
    const feed = await kitos.feed.changesSince(anna, point);
    expect(feed.deleted.map((d) => d.uuid)).toEqual([usage.uuid]);
    expect(feed.changed.map((c) => c.uuid)).toEqual([contract.uuid]);
    expect((await kitos.feed.changesSince(ole, point)).deleted).toEqual([]);
  });

  it('refuses to delete a unit that is responsible for a contract, and moves children up otherwise', async () => {
    const child = await kitos.units.create(admin, { organizationUuid: aarhus, name: 'Skole', parentUuid: root });
    const grandchild = await kitos.units.create(admin, {
      organizationUuid: aarhus,
      name: 'Skole Nord',
      parentUuid: child.uuid,
    });
    const c = await kitos.contracts.create(anna, {
      organizationUuid: aarhus,
      name: 'Skole IT',
      responsible: { organizationUnitUuid: child.uuid },
    } as never);
    await expect(kitos.units.delete(admin, child.uuid)).rejects.toBeInstanceOf(KitosConflictError);
    await kitos.contracts.patch(anna, c.uuid, { responsible: { organizationUnitUuid: null } } as never);
    await kitos.units.delete(admin, child.uuid);
    expect((await kitos.units.get(admin, grandchild.uuid)).parentUuid).toBe(root);
  });

  it('refuses links to another organisation’s units', async () => {
    const odenseRoot = await kitos.units.create(admin, { organizationUuid: odense, name: 'Odense Kommune' });
    await expect(
      kitos.contracts.create(anna, {
        organizationUuid: aarhus,
        name: 'x',
        responsible: { organizationUnitUuid: odenseRoot.uuid },
      } as never),
    ).rejects.toBeInstanceOf(KitosValidationError);
  });
});
