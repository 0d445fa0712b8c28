// After a write, the usage overview computes again only the rows the write can change (the written
// usage, and the usages its relations point to), and the page it then shows equals the page of a
// facade that computes every row afresh. The rows built are counted at the usage read model.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../src/access/actor.js';
import { fixedClock } from '../src/engine/clock.js';
import { createKitos, type Kitos } from '../src/kitos.js';
import type { OverviewQuery } from '../src/overview/query.js';
import { createMemoryStorage } from '../src/storage/memory.js';
import type { StorageAdapter } from '../src/storage/port.js';

const built = vi.hoisted(() => ({ rows: 0 }));
vi.mock('../src/usage/usage.read-model.js', async (original) => {
  const actual = await original<typeof import('../src/usage/usage.read-model.js')>();
  return {
    ...actual,
    usageRows: (...args: Parameters<typeof actual.usageRows>) => {
      built.rows += args[0].length;
      return actual.usageRows(...args);
    },
  };
});

const CLOCK = fixedClock('2025-06-15T10:00:00Z');
let storage: StorageAdapter;
let kitos: Kitos;
let admin: Actor;
let org: string;
const usages: string[] = [];

beforeAll(async () => {
  storage = createMemoryStorage();
  kitos = await createKitos({ storage, clock: CLOCK });
  admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
  org = (await kitos.organizations.create(admin, { name: 'Aarhus Kommune', type: 'Kommune' })).uuid;
  for (let i = 0; i < 40; i++) {
    const system = (await kitos.systems.create(admin, { organizationUuid: org, name: `System ${i}` })).uuid;
    usages.push((await kitos.usages.create(admin, { organizationUuid: org, systemUuid: system })).uuid);
  }
});

const query = (): OverviewQuery => ({ organizationUuid: org, sort: [{ column: 'localCallName' }], limit: 25 });

async function afresh() {
  return (await createKitos({ storage, clock: CLOCK })).overviews.query(admin, 'usages', query());
}

describe('the usage overview after a write', () => {
  it('computes only the written row again, and shows what a full computation shows', async () => {
    await kitos.overviews.query(admin, 'usages', query());
    built.rows = 0;
    await kitos.usages.patch(admin, usages[7] as string, { general: { localCallName: 'Aaa først' } } as never);
    const page = await kitos.overviews.query(admin, 'usages', query());
    expect(built.rows).toBe(1);
    expect(page.rows[0]?.uuid).toBe(usages[7]);
    expect(page).toEqual(await afresh());
  });

  it('computes the written usage and the usages its relations point to again, no more', async () => {
    await kitos.overviews.query(admin, 'usages', query());
    built.rows = 0;
    await kitos.usages.patch(
      admin,
      usages[3] as string,
      {
        outgoingSystemRelations: [
          { uuid: crypto.randomUUID(), toUsageUuid: usages[20] },
          { uuid: crypto.randomUUID(), toUsageUuid: usages[30] },
        ],
      } as never,
    );
    const page = await kitos.overviews.query(admin, 'usages', query());
    expect(built.rows).toBe(3);
    expect(page).toEqual(await afresh());
  });

  it('computes only the rows linking a renamed unit, or a unit below it, again', async () => {
    // The first unit is the root; a unit made without a parent goes under it.
    await kitos.units.create(admin, { organizationUuid: org, name: 'Aarhus Kommune' });
    const top = (await kitos.units.create(admin, { organizationUuid: org, name: 'Forvaltning' })).uuid;
    const below = (await kitos.units.create(admin, { organizationUuid: org, name: 'Kontor', parentUuid: top })).uuid;
    const aside = (await kitos.units.create(admin, { organizationUuid: org, name: 'Andet sted' })).uuid;
    const link = (u: string, unit: string) =>
      kitos.usages.patch(admin, u, { organizationUsage: { responsibleUnitUuid: unit, usingUnitUuids: [] } } as never);
    await link(usages[1] as string, top);
    await link(usages[2] as string, below);
    await link(usages[5] as string, aside);
    await kitos.overviews.query(admin, 'usages', query());
    built.rows = 0;
    await kitos.units.patch(admin, top, { name: 'Forvaltningen' });
    const page = await kitos.overviews.query(admin, 'usages', query());
    // The unit's own row and the row whose path runs through it; not the one elsewhere.
    expect(built.rows).toBe(2);
    expect(page).toEqual(await afresh());
    const all = await kitos.overviews.query(admin, 'usages', { ...query(), limit: 100 });
    const row = all.rows.find((r) => r.uuid === usages[2]) as unknown as { responsibleUnit: string };
    expect(row.responsibleUnit).toContain('Forvaltningen');
  });

  it('computes every row when nothing was cached (the count sees a full computation)', async () => {
    built.rows = 0;
    await afresh();
    expect(built.rows).toBe(usages.length);
  });
});
