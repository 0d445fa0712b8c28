// The overview and actor caches depend on what they read: a write in another municipality leaves a
// cached overview alone, a write in its own municipality or to a shared record it shows does not.
// Measured by counting the storage reads an overview makes, never by time.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { createKitos, type Kitos } from '../kitos.js';
import { createMemoryStorage } from '../storage/memory.js';
import type { Query, StorageAdapter } from '../storage/port.js';
import { fixedClock } from './clock.js';

let kitos: Kitos;
let admin: Actor;
let aarhus: string;
let odense: string;
let sys: Actor;
let systemUuid: string;
let odenseUsage: string;
let aarhusUsage: string;
/** Queries of Aarhus's usages since the last reset (the first read of a cold overview). */
let aarhusUsageReads = 0;
let everyQuery = 0;

async function user(email: string): Promise<Actor> {
  const u = await kitos.users.create(admin, { firstName: 'X', lastName: 'Test', email });
  return { userUuid: u.uuid };
}

beforeEach(async () => {
  const memory = createMemoryStorage();
  const counted: StorageAdapter = Object.assign(Object.create(memory) as StorageAdapter, {
    query: (q: Query) => {
      everyQuery++;
      if (q.kind === 'itSystemUsage' && q.organizationUuids?.includes(aarhus)) aarhusUsageReads++;
      return memory.query(q);
    },
  });
  kitos = await createKitos({ storage: counted, clock: fixedClock('2025-06-15T10:00:00Z') });
  admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
  aarhus = (await kitos.organizations.create(admin, { name: 'Aarhus Kommune', type: 'Kommune' })).uuid;
  odense = (await kitos.organizations.create(admin, { name: 'Odense Kommune', type: 'Kommune' })).uuid;
  // The system belongs to Odense (its creator) and is used in both municipalities.
  systemUuid = (await kitos.systems.create(admin, { organizationUuid: odense, name: 'Fælles ESDH' })).uuid;
  sys = await user('sys@example.dk');
  for (const org of [aarhus, odense])
    await kitos.memberships.grant(admin, { userUuid: sys.userUuid, organizationUuid: org, role: 'SystemModuleAdmin' });
  aarhusUsage = (await kitos.usages.create(sys, { organizationUuid: aarhus, systemUuid })).uuid;
  odenseUsage = (await kitos.usages.create(sys, { organizationUuid: odense, systemUuid })).uuid;
});

const aarhusOverview = () => kitos.overviews.query(sys, 'usages', { organizationUuid: aarhus, limit: 50 });

/** Runs `work` and says whether it read Aarhus's usages (computed the overview afresh). */
async function readsAarhus(work: () => Promise<unknown>): Promise<boolean> {
  aarhusUsageReads = 0;
  await work();
  return aarhusUsageReads > 0;
}

describe('caches per organisation', () => {
  it('computes an overview once, then reuses it while nothing it read changes', async () => {
    expect(await readsAarhus(aarhusOverview)).toBe(true);
    expect(await readsAarhus(aarhusOverview)).toBe(false);
    everyQuery = 0;
    await aarhusOverview();
    expect(everyQuery).toBe(0); // the actor's facts are cached too
  });

  it("keeps Aarhus's overview when Odense writes, and takes in Aarhus's usage writes from the feed", async () => {
    await aarhusOverview();
    await aarhusOverview(); // the cache now covers exactly what the overview read
    await kitos.usages.patch(sys, odenseUsage, { general: { localCallName: 'Odense' } } as never);
    expect(await readsAarhus(aarhusOverview)).toBe(false);
    await kitos.usages.patch(sys, aarhusUsage, { general: { localCallName: 'Aarhus' } } as never);
    let page: Awaited<ReturnType<typeof aarhusOverview>> | undefined;
    // Brought up to date from the change feed: Aarhus's usages are not read again.
    expect(
      await readsAarhus(async () => {
        page = await aarhusOverview();
      }),
    ).toBe(false);
    expect(page?.rows[0]).toMatchObject({ uuid: aarhusUsage, localCallName: 'Aarhus' });
  });

  it("takes a unit write in from the feed: the rows show the unit's new name without reading the organisation again", async () => {
    await aarhusOverview();
    await aarhusOverview();
    const unit = (await kitos.units.create(admin, { organizationUuid: aarhus, name: 'Aarhus' })).uuid;
    await kitos.usages.patch(sys, aarhusUsage, { organizationUsage: { responsibleUnitUuid: unit } } as never);
    await aarhusOverview();
    await kitos.units.patch(admin, unit, { name: 'Borgerservice' } as never);
    let page: Awaited<ReturnType<typeof aarhusOverview>> | undefined;
    expect(
      await readsAarhus(async () => {
        page = await aarhusOverview();
      }),
    ).toBe(false);
    expect(page?.rows[0]?.responsibleUnit).toContain('Borgerservice');
  });

  it('recomputes when a shared record it shows changes, whoever owns it', async () => {
    await aarhusOverview();
    await aarhusOverview();
    await kitos.systems.patch(admin, systemUuid, { name: 'Fælles ESDH 2' } as never);
    let page: Awaited<ReturnType<typeof aarhusOverview>> | undefined;
    expect(
      await readsAarhus(async () => {
        page = await aarhusOverview();
      }),
    ).toBe(true);
    expect(page?.rows[0]).toMatchObject({ systemName: 'Fælles ESDH 2' });
  });

  it("recomputes the actor's facts when their memberships change", async () => {
    const ole = await user('ole@example.dk');
    await kitos.memberships.grant(admin, { userUuid: ole.userUuid, organizationUuid: odense, role: 'User' });
    const asOle = () => kitos.overviews.query(ole, 'usages', { organizationUuid: aarhus, limit: 50 });
    await expect(asOle()).rejects.toThrow();
    await kitos.memberships.grant(admin, { userUuid: ole.userUuid, organizationUuid: aarhus, role: 'User' });
    expect((await asOle()).total).toBe(1);
  });
});
