// The coordination reads over facts loaded whole (what a client over a static snapshot of several
// municipalities runs) give the same answers and the same refusals as the coordination service,
// which loads per read only what it is about: the same world, the same readers, every read.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  type CoordinationReads,
  coordinationReads,
  indexCoordinationData,
  loadCoordinationFacts,
} from '../../src/index.js';
import { resolveActor } from '../../src/services/actors.js';
import { type World, world } from '../security/world.js';

let w: World;
/** The world's clock's day. */
const today = '2025-06-15';
const reads = new Map<Actor, CoordinationReads>();

/** The reads of `actor` over every record of the store, loaded whole. */
async function snapshotReads(actor: Actor): Promise<CoordinationReads> {
  const facts = await loadCoordinationFacts(w.storage, today);
  return coordinationReads(await resolveActor(w.storage, actor), indexCoordinationData({ today, ...facts }));
}

/** The answer, or the refused error's class and message. */
async function outcome(f: () => unknown): Promise<unknown> {
  try {
    return JSON.parse(JSON.stringify(await f()));
  } catch (e) {
    return { refused: (e as Error).constructor.name, message: (e as Error).message };
  }
}

beforeAll(async () => {
  w = await world();
  for (const org of [w.a.uuid, w.b.uuid]) await w.kitos.organizations.patch(w.admin, org, { accessModifier: 'Public' });
  const sydbyAdmin = w.b.people.LocalAdmin;
  await w.kitos.contracts.patch(w.admin, w.b.contract, {
    general: { validity: { validFrom: '2024-01-01', validTo: '2026-12-31' } },
  });
  await w.kitos.coordination.updateSharing(sydbyAdmin, w.b.uuid, {
    usages: { scope: 'Public', fields: ['lifeCycleStatus', 'interfaces'] },
    contracts: { scope: 'Public', fields: ['endQuarter'] },
  });
  // A user of no organisation.
  const stranger = {
    userUuid: (await w.kitos.users.create(w.admin, { firstName: 'Ekstern', lastName: 'E', email: 'e@example.dk' }))
      .uuid,
  };
  for (const actor of [w.a.people.User, w.b.people.User, w.admin, stranger])
    reads.set(actor, await snapshotReads(actor));
});

describe('coordination reads over loaded facts', () => {
  it('answer and refuse as the service does, for members, a global admin and a stranger', async () => {
    const c = w.kitos.coordination;
    let compared = 0;
    for (const [actor, r] of reads) {
      const pairs: [() => unknown, () => unknown][] = [
        [() => r.catalogue({ organizationUuid: w.a.uuid }), () => c.catalogue(actor, { organizationUuid: w.a.uuid })],
        [() => r.catalogue({ minOrganizations: 2 }), () => c.catalogue(actor, { minOrganizations: 2 })],
        [() => r.catalogue({ limit: 0 }), () => c.catalogue(actor, { limit: 0 })],
        [() => r.catalogueFilters(), () => c.catalogueFilters(actor)],
        [() => r.systemUse(w.publicSystem), () => c.systemUse(actor, w.publicSystem)],
        [() => r.systemUse(w.b.localSystem), () => c.systemUse(actor, w.b.localSystem)],
        [() => r.radar({ systemUuid: w.publicSystem }), () => c.radar(actor, { systemUuid: w.publicSystem })],
        [() => r.contractsLikeMine(w.a.contract), () => c.contractsLikeMine(actor, w.a.contract)],
        [() => r.contractsLikeMine(w.b.contract), () => c.contractsLikeMine(actor, w.b.contract)],
        [
          () => r.similarLandscapes({ organizationUuid: w.a.uuid }),
          () => c.similarLandscapes(actor, { organizationUuid: w.a.uuid }),
        ],
      ];
      for (const [mine, theirs] of pairs) {
        expect(await outcome(mine)).toEqual(await outcome(theirs));
        compared++;
      }
    }
    expect(compared).toBe(40);
    // The comparison is not between two refusals only.
    const anna = reads.get(w.a.people.User) as CoordinationReads;
    expect(anna.catalogue({ organizationUuid: w.a.uuid }).entries.length).toBeGreaterThan(0);
    expect(anna.radar({ systemUuid: w.publicSystem }).contracts).toBe(1);
  });
});
