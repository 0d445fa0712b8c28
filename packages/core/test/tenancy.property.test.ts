// Property test: generated actors run generated sequences of operations against two municipalities.
// Whatever happens, no actor ever reads or changes another municipality's private data, and every
// rejected operation leaves the store exactly as it was (compared through the change feed and a
// full dump). Runs with a fixed seed plus a random one; a failure prints the seed to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  KitosError,
  type OrganizationRole,
} from '../src/index.js';

const ROLES: OrganizationRole[] = [
  'User',
  'LocalAdmin',
  'SystemModuleAdmin',
  'ContractModuleAdmin',
  'OrganizationModuleAdmin',
];

interface World {
  kitos: Kitos;
  storage: ReturnType<typeof createMemoryStorage>;
  admin: Actor;
  orgs: string[];
  actors: { actor: Actor; org: string }[];
}

async function world(roles: OrganizationRole[][]): Promise<World> {
  const storage = createMemoryStorage();
  let n = 0;
  const kitos = await createKitos({
    storage,
    clock: fixedClock('2025-06-15T10:00:00Z'),
    newUuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  const admin = await kitos.organizations.bootstrap({ firstName: 'A', lastName: 'A', email: 'a@example.dk' });
  const orgs = [
    (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid,
    (await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid,
  ];
  const actors: World['actors'] = [];
  for (const [i, set] of roles.entries()) {
    const org = orgs[i % 2] as string;
    const u = await kitos.users.create(admin, { firstName: `U${i}`, lastName: 'X', email: `u${i}@example.dk` });
    for (const role of new Set<OrganizationRole>(['User', ...set]))
      await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: org, role });
    actors.push({ actor: { userUuid: u.uuid }, org });
  }
  return { kitos, storage, admin, orgs, actors };
}

async function dump(storage: World['storage']) {
  return JSON.stringify(await storage.changesSince(0));
}

type Op =
  | { type: 'createContract'; actor: number; org: number; name: string }
  | { type: 'patchContract'; actor: number; target: number; name: string }
  | { type: 'deleteContract'; actor: number; target: number }
  | { type: 'readContract'; actor: number; target: number };

const opArb = fc.oneof(
  fc.record({
    type: fc.constant('createContract' as const),
    actor: fc.nat(5),
    org: fc.nat(1),
    name: fc.string({ maxLength: 12 }),
  }),
  fc.record({
    type: fc.constant('patchContract' as const),
    actor: fc.nat(5),
    target: fc.nat(10),
    name: fc.string({ maxLength: 12 }),
  }),
  fc.record({ type: fc.constant('deleteContract' as const), actor: fc.nat(5), target: fc.nat(10) }),
  fc.record({ type: fc.constant('readContract' as const), actor: fc.nat(5), target: fc.nat(10) }),
);

async function run(roles: OrganizationRole[][], ops: Op[]) {
  const w = await world(roles);
  const contracts: { uuid: string; org: string }[] = [];
  for (const op of ops) {
    const who = w.actors[op.actor % w.actors.length] as World['actors'][number];
    const before = await dump(w.storage);
    try {
      if (op.type === 'createContract') {
        const org = w.orgs[op.org] as string;
        const c = await w.kitos.contracts.create(who.actor, { organizationUuid: org, name: op.name });
        expect(org, 'created only in its own organisation').toBe(who.org);
        contracts.push({ uuid: c.uuid, org });
      } else {
        const target = contracts[op.target % Math.max(1, contracts.length)];
        if (!target) continue;
        if (op.type === 'readContract') {
          await w.kitos.contracts.get(who.actor, target.uuid);
        } else if (op.type === 'patchContract') {
          await w.kitos.contracts.patch(who.actor, target.uuid, { name: op.name });
        } else {
          await w.kitos.contracts.delete(who.actor, target.uuid);
          contracts.splice(contracts.indexOf(target), 1);
        }
        expect(target.org, `${op.type} succeeded only inside the actor's organisation`).toBe(who.org);
      }
    } catch (e) {
      if (!(e instanceof KitosError)) throw e; // only typed errors, never a TypeError
      expect(await dump(w.storage), `a rejected ${op.type} changed nothing`).toBe(before);
    }
    // Overviews never show another municipality's contracts.
    const page = await w.kitos.contracts.list(who.actor);
    expect(page.items.every((c) => c.organizationUuid === who.org)).toBe(true);
  }
}

const rolesArb = fc.array(fc.subarray(ROLES), { minLength: 2, maxLength: 6 });
const opsArb = fc.array(opArb, { minLength: 1, maxLength: 25 });

describe('tenancy and atomicity as properties', () => {
  it('hold for a fixed seed', async () => {
    await fc.assert(fc.asyncProperty(rolesArb, opsArb, run), { seed: 20251127, numRuns: 40 });
  });
  it('hold for a random seed (printed on failure)', async () => {
    const seed = Date.now() % 2 ** 31;
    try {
      await fc.assert(fc.asyncProperty(rolesArb, opsArb, run), { seed, numRuns: 25 });
    } catch (e) {
      console.error(`[kitos] tenancy property failed with seed ${seed}`);
      throw e;
    }
  });
});
