// An overview brought up to date from the change feed (only the changed rows computed again) must
// equal the same overview computed from scratch, after any series of writes: creates, patches,
// relations between usages, contracts and registrations that cover usages, deletions, units
// created, renamed, moved and deleted and records linked to them; and so must
// the cards and deadline lists that share their read contexts. Checked after
// every step of a seeded series against a second facade over the same storage with empty caches.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/access/actor.js';
import { fixedClock } from '../src/engine/clock.js';
import { createKitos, type Kitos } from '../src/kitos.js';
import { OVERVIEW_COLUMNS } from '../src/overview/columns.js';
import type { OverviewKind } from '../src/overview/query.js';
import { KitosError } from '../src/shared/errors.js';
import { createMemoryStorage } from '../src/storage/memory.js';
import type { ChangesOptions, StorageAdapter } from '../src/storage/port.js';

const CLOCK = fixedClock('2025-06-15T10:00:00Z');
const KINDS: OverviewKind[] = ['usages', 'contracts', 'dataProcessing'];

/** A small seeded generator (mulberry32), so a failure names the step that broke it. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let storage: StorageAdapter;
let kitos: Kitos;
/** Overviews brought up to date from the feed (rather than computed again) so far. */
let refreshes = 0;
let admin: Actor;
let org: string;
let other: string;
let systems: string[];

beforeAll(async () => {
  storage = createMemoryStorage();
  const memory = storage;
  const counted: StorageAdapter = Object.assign(Object.create(memory) as StorageAdapter, {
    changesSince: (since: number, options?: ChangesOptions) => {
      if (options?.includeUnsettled) refreshes++;
      return memory.changesSince(since, options);
    },
  });
  kitos = await createKitos({ storage: counted, clock: CLOCK });
  admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
  org = (await kitos.organizations.create(admin, { name: 'Aarhus Kommune', type: 'Kommune' })).uuid;
  other = (await kitos.organizations.create(admin, { name: 'Odense Kommune', type: 'Kommune' })).uuid;
  systems = [];
  for (const name of ['ESDH', 'Økonomi', 'Løn', 'Ådal Booking', 'Sag'])
    systems.push((await kitos.systems.create(admin, { organizationUuid: org, name })).uuid);
});

/**
 * Every row of an overview, as the facade shows it: unsorted, sorted up by a text column, and down by
 * it then up by a date column (sorted orders kept for the cached rows are carried over to the refreshed rows).
 */
async function rows(k: Kitos, kind: OverviewKind, organizationUuid: string) {
  const text = OVERVIEW_COLUMNS[kind].filter((c) => c.type === 'text')[1]?.id as string;
  const date = OVERVIEW_COLUMNS[kind].find((c) => c.type === 'date')?.id as string;
  const pages = [];
  for (const sort of [[], [{ column: text }], [{ column: text, direction: 'desc' as const }, { column: date }]])
    pages.push((await k.overviews.query(admin, kind, { organizationUuid, sort, limit: 250 })).rows);
  return pages;
}

describe('overviews brought up to date from the feed', () => {
  it('equal the overviews computed afresh after each of 120 seeded writes', async () => {
    const next = random(20261206);
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(next() * xs.length)];
    const usages: string[] = [];
    const contracts: string[] = [];
    const registrations: string[] = [];
    const units = (await kitos.units.tree(admin, org)).map((u) => u.uuid);
    if (units.length === 0)
      units.push((await kitos.units.create(admin, { organizationUuid: org, name: 'Aarhus' })).uuid);
    // Warm every overview first, so each later read is an update of a cached one.
    for (const kind of KINDS) await rows(kitos, kind, org);
    let applied = 0;
    for (let step = 0; step < 120; step++) {
      const op = Math.floor(next() * 16);
      const where = next() < 0.2 ? other : org;
      try {
        if (op === 0 || usages.length < 3) {
          const system = pick(systems.filter((s) => !usages.some((u) => u.startsWith(`${s}|${where}`)))) as string;
          if (system) {
            const u = await kitos.usages.create(admin, { organizationUuid: where, systemUuid: system });
            if (where === org) usages.push(u.uuid);
          }
        } else if (op === 1) {
          await kitos.usages.patch(
            admin,
            pick(usages) as string,
            {
              general: { localCallName: `Navn ${step}` },
            } as never,
          );
        } else if (op === 2) {
          const [from, to] = [pick(usages), pick(usages)] as [string, string];
          if (from !== to)
            await kitos.usages.patch(admin, from, {
              outgoingSystemRelations: [{ uuid: crypto.randomUUID(), toUsageUuid: to }],
            } as never);
        } else if (op === 3) {
          const c = await kitos.contracts.create(admin, {
            organizationUuid: org,
            name: `Kontrakt ${step}`,
            systemUsageUuids: [pick(usages) as string],
          } as never);
          contracts.push(c.uuid);
        } else if (op === 4 && contracts.length) {
          await kitos.contracts.patch(
            admin,
            pick(contracts) as string,
            {
              agreementPeriod: { validTo: step % 2 ? '2025-01-01' : '2027-12-31' },
            } as never,
          );
        } else if (op === 5) {
          const d = await kitos.dataProcessing.create(admin, {
            organizationUuid: org,
            name: `Registrering ${step}`,
            systemUsageUuids: [pick(usages) as string],
          } as never);
          registrations.push(d.uuid);
        } else if (op === 6 && registrations.length) {
          await kitos.dataProcessing.patch(
            admin,
            pick(registrations) as string,
            {
              general: { isAgreementConcluded: step % 2 ? 'Yes' : 'No' },
            } as never,
          );
        } else if (op === 7 && usages.length > 3) {
          const u = pick(usages) as string;
          await kitos.usages.delete(admin, u, { breakBindings: true } as never);
          usages.splice(usages.indexOf(u), 1);
        } else if (op === 8 && contracts.length) {
          const c = pick(contracts) as string;
          await kitos.contracts.delete(admin, c);
          contracts.splice(contracts.indexOf(c), 1);
        } else if (op === 9) {
          const u = await kitos.units.create(admin, {
            organizationUuid: org,
            name: `Enhed ${step}`,
            parentUuid: pick(units),
          });
          units.push(u.uuid);
        } else if (op === 10 || op >= 14) {
          // A rename changes the name of the rows linking the unit and the path of those below it.
          await kitos.units.patch(admin, pick(units) as string, { name: `Omdøbt ${step}` });
        } else if (op === 11) {
          await kitos.units.move(admin, pick(units) as string, pick(units) as string, { withSubtree: next() < 0.5 });
        } else if (op === 12) {
          const [a, b] = [pick(units) as string, pick(units) as string];
          const target = next();
          if (target < 0.5 && usages.length)
            await kitos.usages.patch(
              admin,
              pick(usages) as string,
              {
                organizationUsage: { responsibleUnitUuid: a, usingUnitUuids: a === b ? [a] : [a, b] },
              } as never,
            );
          else if (target < 0.75 && contracts.length)
            await kitos.contracts.patch(
              admin,
              pick(contracts) as string,
              { responsible: { organizationUnitUuid: a } } as never,
            );
          else if (registrations.length)
            await kitos.dataProcessing.patch(
              admin,
              pick(registrations) as string,
              {
                general: { responsibleUnitUuid: a },
              } as never,
            );
        } else if (op === 13 && units.length > 2) {
          // Refused while anything links it; its children move up to its parent.
          const u = pick(units.slice(1)) as string;
          await kitos.units.delete(admin, u);
          units.splice(units.indexOf(u), 1);
        }
        applied++;
      } catch (e) {
        // A write the rules refuse changes nothing; the overviews must still agree.
        if (!(e instanceof KitosError)) throw e;
      }
      const fresh = await createKitos({ storage, clock: CLOCK });
      for (const kind of KINDS)
        expect(await rows(kitos, kind, org), `${kind} after step ${step}`).toEqual(await rows(fresh, kind, org));
      // Cards and the deadline list read the same kept-up-to-date contexts.
      for (const u of usages.slice(-2))
        expect(await kitos.cards.usage(admin, u), `usage card after step ${step}`).toEqual(
          await fresh.cards.usage(admin, u),
        );
      for (const c of contracts.slice(-2))
        expect(await kitos.cards.contract(admin, c), `contract card after step ${step}`).toEqual(
          await fresh.cards.contract(admin, c),
        );
      expect(await kitos.overviews.deadlines(admin, { organizationUuid: org })).toEqual(
        await fresh.overviews.deadlines(admin, { organizationUuid: org }),
      );
    }
    expect(applied).toBeGreaterThan(70);
    // Most steps were taken in from the feed, not computed again.
    expect(refreshes).toBeGreaterThan(60);
    expect(usages.length).toBeGreaterThan(0);
  });
});
