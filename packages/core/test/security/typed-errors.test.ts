// Bad input is a typed error naming the field, and changes nothing: unknown keys on every create
// and patch, malformed list and overview queries, ids that are not strings, oversized text.
import { beforeAll, describe, expect, it } from 'vitest';
import { KitosError, KitosValidationError, LIMITS } from '../../src/index.js';
import { dump, type World, world } from './world.js';

describe('security: typed errors for malformed input', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  const creates = (x: World) =>
    ({
      units: () => x.kitos.units.create(x.admin, { organizationUuid: x.a.uuid, name: 'U', sneaky: 1 } as never),
      usages: () =>
        x.kitos.usages.create(x.admin, { organizationUuid: x.b.uuid, systemUuid: x.a.localSystem, sneaky: 1 } as never),
      contracts: () => x.kitos.contracts.create(x.admin, { organizationUuid: x.a.uuid, name: 'C', sneaky: 1 } as never),
      dataProcessing: () =>
        x.kitos.dataProcessing.create(x.admin, { organizationUuid: x.a.uuid, name: 'D', sneaky: 1 } as never),
      projects: () => x.kitos.projects.create(x.admin, { organizationUuid: x.a.uuid, name: 'P', sneaky: 1 } as never),
      systems: () => x.kitos.systems.create(x.admin, { organizationUuid: x.a.uuid, name: 'S', sneaky: 1 } as never),
      organizations: () => x.kitos.organizations.create(x.admin, { name: 'O', type: 'Kommune', sneaky: 1 } as never),
      users: () =>
        x.kitos.users.create(x.admin, { firstName: 'F', lastName: 'L', email: 'f@l.dk', sneaky: 1 } as never),
    }) as const;

  const patches = (x: World) =>
    ({
      units: () => x.kitos.units.patch(x.admin, x.a.unit, { sneaky: 1 } as never),
      usages: () => x.kitos.usages.patch(x.admin, x.a.usage, { general: { sneaky: 1 } } as never),
      contracts: () => x.kitos.contracts.patch(x.admin, x.a.contract, { general: { sneaky: 1 } } as never),
      dataProcessing: () => x.kitos.dataProcessing.patch(x.admin, x.a.dpr, { oversight: { sneaky: 1 } } as never),
      projects: () => x.kitos.projects.patch(x.admin, x.a.project, { sneaky: 1 } as never),
      systems: () => x.kitos.systems.patch(x.admin, x.a.localSystem, { sneaky: 1 } as never),
      organizations: () => x.kitos.organizations.patch(x.admin, x.a.uuid, { config: { sneaky: 1 } } as never),
      users: () => x.kitos.users.patch(x.admin, x.a.people.User.userUuid, { sneaky: 1 } as never),
    }) as const;

  for (const [name, op] of [
    ...Object.keys(creates({} as World)).map((k) => [`${k}.create`, (x: World) => creates(x)[k as 'units']()] as const),
    ...Object.keys(patches({} as World)).map((k) => [`${k}.patch`, (x: World) => patches(x)[k as 'units']()] as const),
  ]) {
    it(`${name} refuses a key it does not know, naming it`, async () => {
      const before = await dump(w.storage);
      const e = await op(w).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(KitosValidationError);
      expect((e as KitosValidationError).issues.some((i) => i.code === 'unrecognized-keys')).toBe(true);
      expect(await dump(w.storage)).toBe(before);
    });
  }

  it('refuses text and lists over their limits', async () => {
    const before = await dump(w.storage);
    await expect(
      w.kitos.contracts.patch(w.admin, w.a.contract, { general: { notes: 'x'.repeat(LIMITS.note + 1) } }),
    ).rejects.toBeInstanceOf(KitosValidationError);
    const stream = { organizationUnitUuid: null, acquisition: 0, operation: 0, other: 0 };
    await expect(
      w.kitos.contracts.patch(w.admin, w.a.contract, {
        payments: { external: Array.from({ length: LIMITS.items + 1 }, () => stream) },
      } as never),
    ).rejects.toBeInstanceOf(KitosValidationError);
    expect(await dump(w.storage)).toBe(before);
  });

  it('list refuses negative, fractional and oversized pages and malformed filters', async () => {
    for (const q of [
      { limit: -1 },
      { offset: -5 },
      { limit: 1.5 },
      { limit: 1_000_000 },
      { filter: { op: 'and' } },
      { filter: { op: 'gte', field: 'name', value: 1 } },
      { filter: { op: 'nonsense', field: 'name', value: 'x' } },
      { filter: { op: 'eq', field: 'noSuchField', value: 'x' } },
      { sort: [{ field: 'noSuchField' }] },
    ]) {
      await expect(w.kitos.contracts.list(w.admin, q as never), JSON.stringify(q)).rejects.toBeInstanceOf(
        KitosValidationError,
      );
    }
  });

  it('get, patch and delete refuse ids that are not strings with a typed error', async () => {
    for (const id of [42, null, undefined, { $ne: 1 }]) {
      await expect(w.kitos.contracts.get(w.admin, id as never)).rejects.toBeInstanceOf(KitosError);
      await expect(w.kitos.contracts.patch(w.admin, id as never, {})).rejects.toBeInstanceOf(KitosError);
      await expect(w.kitos.contracts.delete(w.admin, id as never)).rejects.toBeInstanceOf(KitosError);
    }
  });

  it('overview queries refuse unknown columns, operators a column does not take, and bad pages', async () => {
    const q = (extra: object) => ({ organizationUuid: w.a.uuid, ...extra });
    for (const bad of [
      q({ filters: [{ column: 'noSuchColumn', op: 'has' }] }),
      q({ filters: [{ column: 'systemName', op: 'between', min: 1 }] }),
      q({ filters: [{ column: 'validTo', op: 'onOrBefore', date: '2025-02-30' }] }),
      q({ sort: [{ column: 'noSuchColumn' }] }),
      q({ limit: -1 }),
      q({ offset: -1 }),
      q({ sneaky: true }),
    ]) {
      await expect(
        w.kitos.overviews.query(w.admin, 'usages', bad as never),
        JSON.stringify(bad),
      ).rejects.toBeInstanceOf(KitosValidationError);
    }
    await expect(w.kitos.overviews.query(w.admin, '__proto__' as never, q({}) as never)).rejects.toBeInstanceOf(
      KitosValidationError,
    );
  });
});
