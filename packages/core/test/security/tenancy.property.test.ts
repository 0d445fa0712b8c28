// Property test over the whole service surface: generated actors (every role in two municipalities,
// plus a global admin) run generated operations — every service method, replace, moves,
// memberships, unit roles, user flags, organisation patches, options, overviews and the feed —
// with arguments drawn from both municipalities' records, unknown uuids and hostile values.
//
// After every operation:
// - a refused operation threw a typed error and left the store byte for byte as it was;
// - an accepted write by anyone but a global admin touched only the actor's own organisations
//   (and, for user records, only the actor or people wholly inside organisations the actor runs);
// - nobody but a global admin gained a right: no user flag changed, and a membership or unit role
//   appeared only where the actor may grant it;
// - reads returned nothing private of an organisation the actor is not a member of;
// and every few operations the whole store passes the integrity check.
//
// CI runs a fixed seed (a few thousand operations) and a random one; KITOS_PROPERTY_OPERATIONS sets
// the size of a nightly run (for example 100000).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canGrantOrganizationRole,
  checkPortfolioIntegrity,
  KitosError,
  type OrganizationRole,
  type StorageAdapter,
  type StoredRecord,
} from '../../src/index.js';
import { ROLES, testUuid, type World, world } from './world.js';

const OPS_PER_RUN = 40;
const nightly = Number(process.env.KITOS_PROPERTY_OPERATIONS ?? 0);

/** Which records an operation may be aimed at, drawn by index from the world and what was created. */
interface Pools {
  orgs: string[];
  units: string[];
  usages: string[];
  contracts: string[];
  dprs: string[];
  projects: string[];
  systems: string[];
  interfaces: string[];
  users: string[];
  contractTypes: string[];
  unitRoles: string[];
}

type Op = { kind: string; actor: number; a: number; b: number; c: number; text: string; flag: boolean };

const OP_KINDS = [
  'unit.create',
  'unit.patch',
  'unit.replace',
  'unit.move',
  'unit.delete',
  'unit.tree',
  'usage.create',
  'usage.patch',
  'usage.replace',
  'usage.delete',
  'contract.create',
  'contract.patch',
  'contract.replace',
  'contract.delete',
  'dpr.create',
  'dpr.patch',
  'dpr.replace',
  'dpr.delete',
  'project.create',
  'project.patch',
  'project.replace',
  'project.delete',
  'system.create',
  'system.patch',
  'system.delete',
  'interface.create',
  'interface.patch',
  'organization.patch',
  'organization.create',
  'user.create',
  'user.patch',
  'user.flag',
  'membership.grant',
  'membership.revoke',
  'membership.list',
  'unitRole.assign',
  'unitRole.remove',
  'option.available',
  'option.setLocal',
  'get',
  'list',
  'permissions',
  'overview',
  'feed',
  'history',
] as const;

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(...OP_KINDS),
  actor: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('<script>x</script>', "'; DROP TABLE x;--", 'Ærø')),
  flag: fc.boolean(),
});

const META = ['uuid', 'version', 'createdAt', 'createdBy', 'lastChanged', 'lastChangedBy'];
const body = (e: object) => Object.fromEntries(Object.entries(e).filter(([k]) => !META.includes(k)));
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** Every actor: the global admin first, then each role of each municipality. */
function actorsOf(w: World): { actor: Actor; org: string | null }[] {
  return [
    { actor: w.admin, org: null },
    ...ROLES.map((r) => ({ actor: w.a.people[r], org: w.a.uuid })),
    ...ROLES.map((r) => ({ actor: w.b.people[r], org: w.b.uuid })),
  ];
}

async function all(storage: StorageAdapter): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for (let since = 0; ; ) {
    const page = await storage.changesSince(since, { limit: 5000 });
    out.push(...page.changed);
    if (page.next === since) return out;
    since = page.next;
  }
}

/** Everything rights are made of: flags, memberships and unit roles, per user. */
function rightsOf(records: readonly StoredRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) {
    const d = r.data as Record<string, unknown>;
    if (r.kind === 'user')
      for (const f of ['isGlobalAdmin', 'hasApiAccess', 'hasStakeHolderAccess', 'isSystemIntegrator'])
        if (d[f]) out.add(`flag|${r.uuid}|${f}`);
    if (r.kind === 'membership') out.add(`member|${d.userUuid}|${d.organizationUuid}|${d.role}`);
    if (r.kind === 'unitRole') out.add(`unitRole|${d.userUuid}|${d.objectUuid}|${d.roleUuid}`);
  }
  return out;
}

/** Organisation roles of a user, from the records. */
function rolesIn(records: readonly StoredRecord[], userUuid: string, org: string): OrganizationRole[] {
  return records
    .filter((r) => r.kind === 'membership')
    .map((r) => r.data as { userUuid: string; organizationUuid: string; role: OrganizationRole })
    .filter((m) => m.userUuid === userUuid && m.organizationUuid === org)
    .map((m) => m.role);
}

const PRIVATE_KINDS = new Set([
  'organizationUnit',
  'itSystemUsage',
  'itContract',
  'dataProcessingRegistration',
  'membership',
  'unitRole',
  'localOption',
]);

async function runOp(w: World, pools: Pools, op: Op, who: Actor): Promise<unknown> {
  const k = w.kitos;
  const org = pick(pools.orgs, op.a) as string;
  const unit = pick(pools.units, op.b) ?? testUuid();
  const usage = pick(pools.usages, op.b) ?? testUuid();
  const contract = pick(pools.contracts, op.b) ?? testUuid();
  const dpr = pick(pools.dprs, op.b) ?? testUuid();
  const project = pick(pools.projects, op.b) ?? testUuid();
  const system = pick(pools.systems, op.b) ?? testUuid();
  const user = pick(pools.users, op.c) ?? testUuid();
  const ref = <T extends string>(list: readonly T[]) => (op.flag ? (pick(list, op.c) ?? testUuid()) : testUuid());
  const name = `${op.text}-${op.c}`;
  switch (op.kind) {
    case 'unit.create':
      return k.units.create(who, { organizationUuid: org, name, parentUuid: op.flag ? ref(pools.units) : undefined });
    case 'unit.patch':
      return k.units.patch(who, unit, { name });
    case 'unit.replace': {
      const current = await k.units.get(w.admin, unit).catch(() => undefined);
      return k.units.replace(who, unit, { ...(current ? body(current) : {}), parentUuid: ref(pools.units) });
    }
    case 'unit.move':
      return k.units.move(who, unit, ref(pools.units), { withSubtree: op.flag });
    case 'unit.delete':
      return k.units.delete(who, unit);
    case 'unit.tree':
      return k.units.tree(who, org);
    case 'usage.create':
      return k.usages.create(who, { organizationUuid: org, systemUuid: system });
    case 'usage.patch':
      return k.usages.patch(who, usage, {
        organizationUsage: { usingUnitUuids: [ref(pools.units)] },
        general: { notes: name },
      });
    case 'usage.replace': {
      const current = await k.usages.get(w.admin, usage).catch(() => undefined);
      return k.usages.replace(who, usage, {
        ...(current ? body(current) : {}),
        general: { ...(current?.general ?? {}), mainContractUuid: ref(pools.contracts) },
      });
    }
    case 'usage.delete':
      return k.usages.delete(who, usage);
    case 'contract.create':
      return k.contracts.create(who, {
        organizationUuid: org,
        name,
        systemUsageUuids: op.flag ? [ref(pools.usages)] : [],
      });
    case 'contract.patch':
      return k.contracts.patch(who, contract, op.c % 2 ? { parentContractUuid: ref(pools.contracts) } : { name });
    case 'contract.replace': {
      const current = await k.contracts.get(w.admin, contract).catch(() => undefined);
      return k.contracts.replace(who, contract, {
        ...(current ? body(current) : {}),
        dataProcessingRegistrationUuids: [ref(pools.dprs)],
      });
    }
    case 'contract.delete':
      return k.contracts.delete(who, contract);
    case 'dpr.create':
      return k.dataProcessing.create(who, {
        organizationUuid: org,
        name,
        contractUuids: op.flag ? [ref(pools.contracts)] : [],
      });
    case 'dpr.patch':
      return k.dataProcessing.patch(who, dpr, { systemUsageUuids: [ref(pools.usages)] });
    case 'dpr.replace': {
      const current = await k.dataProcessing.get(w.admin, dpr).catch(() => undefined);
      return k.dataProcessing.replace(who, dpr, {
        ...(current ? body(current) : {}),
        general: { ...(current?.general ?? {}), responsibleUnitUuid: ref(pools.units) },
      });
    }
    case 'dpr.delete':
      return k.dataProcessing.delete(who, dpr);
    case 'project.create':
      return k.projects.create(who, {
        organizationUuid: org,
        name,
        parentProjectUuid: op.flag ? ref(pools.projects) : null,
      });
    case 'project.patch':
      return k.projects.patch(
        who,
        project,
        op.c % 2 ? { parentProjectUuid: ref(pools.projects) } : { systemUsageUuids: [ref(pools.usages)] },
      );
    case 'project.replace': {
      const current = await k.projects.get(w.admin, project).catch(() => undefined);
      return k.projects.replace(who, project, {
        ...(current ? body(current) : {}),
        contractUuids: [ref(pools.contracts)],
      });
    }
    case 'project.delete':
      return k.projects.delete(who, project);
    case 'system.create':
      return k.systems.create(who, { organizationUuid: org, name, parentUuid: op.flag ? ref(pools.systems) : null });
    case 'system.patch':
      return k.systems.patch(who, system, {
        parentUuid: ref(pools.systems),
        accessModifier: op.flag ? 'Public' : 'Local',
      });
    case 'system.delete':
      return k.systems.delete(who, system);
    case 'interface.create':
      return k.interfaces.create(who, {
        organizationUuid: org,
        name,
        interfaceId: name,
        exposedBySystemUuid: ref(pools.systems),
      });
    case 'interface.patch':
      return k.interfaces.patch(who, pick(pools.interfaces, op.b) ?? testUuid(), {
        exposedBySystemUuid: ref(pools.systems),
      });
    case 'organization.patch':
      return k.organizations.patch(
        who,
        org,
        op.c % 3 === 0
          ? { type: 'Virksomhed' }
          : op.c % 3 === 1
            ? { isDefaultOrganization: op.flag }
            : { phone: op.text.slice(0, 50) },
      );
    case 'organization.create':
      return k.organizations.create(who, { name, type: op.flag ? 'Kommune' : 'Virksomhed' });
    case 'user.create':
      return k.users.create(who, {
        firstName: 'N',
        lastName: 'N',
        email: `n${op.c}-${op.b}@example.dk`,
        isGlobalAdmin: op.flag,
      });
    case 'user.patch':
      return k.users.patch(who, op.flag ? who.userUuid : user, { email: `x${op.c}-${op.b}@example.dk` });
    case 'user.flag': {
      const flag = (['isGlobalAdmin', 'hasApiAccess', 'hasStakeHolderAccess', 'isSystemIntegrator'] as const)[op.c % 4];
      return k.users.patch(who, op.flag ? who.userUuid : user, { [flag as string]: true });
    }
    case 'membership.grant':
      return k.memberships.grant(who, {
        userUuid: op.flag ? who.userUuid : user,
        organizationUuid: org,
        role: (ROLES[op.c % ROLES.length] ?? 'User') as never,
      });
    case 'membership.revoke':
      return k.memberships.revoke(who, {
        userUuid: user,
        organizationUuid: org,
        role: (ROLES[op.c % ROLES.length] ?? 'User') as never,
      });
    case 'membership.list':
      return k.memberships.list(who, org);
    case 'unitRole.assign':
      return k.unitRoles.assign(who, {
        unitUuid: unit,
        roleUuid: pick(pools.unitRoles, op.a) ?? testUuid(),
        userUuid: op.flag ? who.userUuid : user,
      });
    case 'unitRole.remove':
      return k.unitRoles.remove(who, {
        unitUuid: unit,
        roleUuid: pick(pools.unitRoles, op.a) ?? testUuid(),
        userUuid: user,
      });
    case 'option.available':
      return k.options.available(who, 'it-contract-contract-types', org);
    case 'option.setLocal':
      return k.options.setLocal(who, {
        organizationUuid: org,
        optionUuid: pick(pools.contractTypes, op.b) ?? testUuid(),
        isActive: op.flag,
      });
    case 'get': {
      const svc = [k.units, k.usages, k.contracts, k.dataProcessing, k.projects, k.systems][
        op.c % 6
      ] as typeof k.contracts;
      const target = [unit, usage, contract, dpr, project, system][op.c % 6] as string;
      return svc.get(who, target);
    }
    case 'list': {
      const svc = [k.units, k.usages, k.contracts, k.dataProcessing, k.projects, k.systems, k.users][
        op.c % 7
      ] as typeof k.contracts;
      return svc.list(who, op.flag ? { organizationUuid: org } : {});
    }
    case 'permissions':
      return k.contracts.permissions(who, contract);
    case 'overview':
      return k.overviews.query(
        who,
        (['usages', 'contracts', 'dataProcessing', 'projects', 'catalogue'] as const)[op.c % 5] as 'usages',
        {
          organizationUuid: org,
        },
      );
    case 'feed':
      return k.feed.changesSince(who, 0, { limit: 50 });
    case 'history':
      return k.feed.history(who, 'itContract', contract);
    default:
      throw new Error(`no such operation ${op.kind}`);
  }
}

/** What a read may return to a non-global-admin in `orgs`: nothing private from elsewhere. */
function assertReadStaysHome(result: unknown, orgs: ReadonlySet<string>, op: Op): void {
  const private_ = (x: Record<string, unknown>) =>
    typeof x.organizationUuid === 'string' &&
    ['general', 'parentUuid', 'systemUuid', 'contractUuids', 'role', 'objectUuid'].some((f) => f in x) &&
    !('accessModifier' in x) &&
    !('jointOrganizationUuids' in x);
  const check = (x: unknown) => {
    if (x && typeof x === 'object' && private_(x as Record<string, unknown>))
      expect(
        orgs.has((x as { organizationUuid: string }).organizationUuid),
        `${op.kind} returned another municipality's record`,
      ).toBe(true);
  };
  if (Array.isArray(result)) result.forEach(check);
  else if (result && typeof result === 'object') {
    const r = result as { items?: unknown[]; changed?: { kind: string; data: unknown }[]; rows?: unknown[] };
    r.items?.forEach(check);
    r.changed?.forEach((c) => {
      if (PRIVATE_KINDS.has(c.kind)) check(c.data);
    });
    check(result);
  }
}

async function run(ops: Op[]): Promise<void> {
  const w = await world();
  const actors = actorsOf(w);
  const pools: Pools = {
    orgs: [w.a.uuid, w.b.uuid],
    units: [w.a.root, w.a.unit, w.b.root, w.b.unit],
    usages: [w.a.usage, w.b.usage],
    contracts: [w.a.contract, w.b.contract],
    dprs: [w.a.dpr, w.b.dpr],
    projects: [w.a.project, w.b.project],
    systems: [w.publicSystem, w.a.localSystem, w.b.localSystem],
    interfaces: [w.interface],
    users: actors.map((a) => a.actor.userUuid),
    contractTypes: (await w.kitos.options.global(w.admin, 'it-contract-contract-types')).map((o) => o.uuid),
    unitRoles: (await w.kitos.options.global(w.admin, 'organization-unit-role-types')).map((o) => o.uuid),
  };
  let before = await all(w.storage);
  for (const [i, op] of ops.entries()) {
    const { actor } = actors[op.actor % actors.length] as (typeof actors)[number];
    // Whether the actor is a global admin as the store says now (a global admin may have made them one).
    const global = before.some(
      (r) => r.kind === 'user' && r.uuid === actor.userUuid && (r.data as { isGlobalAdmin: boolean }).isGlobalAdmin,
    );
    // The actor's organisations as the store says now (a global admin may have granted more).
    const myOrgs = new Set(
      before
        .filter((r) => r.kind === 'membership' && (r.data as { userUuid: string }).userUuid === actor.userUuid)
        .map((r) => r.organizationUuid as string),
    );
    const beforeDump = JSON.stringify(before);
    let result: unknown;
    let failed: unknown;
    try {
      result = await runOp(w, pools, op, actor);
    } catch (e) {
      failed = e;
    }
    const after = await all(w.storage);
    if (failed !== undefined) {
      if (!(failed instanceof KitosError)) throw failed; // only typed errors, never a TypeError
      expect(JSON.stringify(after), `a refused ${op.kind} changed nothing`).toBe(beforeDump);
      continue;
    }
    // Remember what was created so later operations can aim at it.
    const created = after.filter((r) => !before.some((b) => b.kind === r.kind && b.uuid === r.uuid));
    for (const r of created) {
      const list = {
        organizationUnit: pools.units,
        itSystemUsage: pools.usages,
        itContract: pools.contracts,
        dataProcessingRegistration: pools.dprs,
        project: pools.projects,
        itSystem: pools.systems,
        itInterface: pools.interfaces,
        user: pools.users,
        organization: pools.orgs,
      }[r.kind];
      list?.push(r.uuid);
    }
    if (!global) {
      const seqBefore = Math.max(0, ...before.map((r) => r.seq));
      const touched = after.filter((r) => r.seq > seqBefore && r.kind !== 'audit');
      for (const r of touched) {
        if (r.kind === 'user') {
          const memberOf = after
            .filter((m) => m.kind === 'membership' && (m.data as { userUuid: string }).userUuid === r.uuid)
            .map((m) => m.organizationUuid as string);
          const ownRecord = r.uuid === actor.userUuid;
          expect(
            ownRecord || created.includes(r) || memberOf.every((o) => myOrgs.has(o)),
            `${op.kind} by a member of one municipality changed a user of another`,
          ).toBe(true);
        } else if (r.kind !== 'organization' || !created.includes(r)) {
          expect(
            myOrgs.has(r.organizationUuid as string),
            `${op.kind} wrote ${r.kind} outside the actor's organisation`,
          ).toBe(true);
        }
      }
      // No right appears that the actor could not grant.
      const gained = [...rightsOf(after)].filter((x) => !rightsOf(before).has(x));
      for (const right of gained) {
        const [type, , where, role] = right.split('|');
        expect(type, `${op.kind} granted a user flag`).not.toBe('flag');
        if (type === 'member') {
          const roles = rolesIn(before, actor.userUuid, where as string);
          expect(
            canGrantOrganizationRole({ isGlobalAdmin: false, roles }, role as never),
            `${op.kind} granted ${role} without the right to`,
          ).toBe(true);
        }
      }
      assertReadStaysHome(result, myOrgs, op);
    }
    if (i % 10 === 9 || i === ops.length - 1)
      expect(await checkPortfolioIntegrity(w.storage), `integrity after ${op.kind}`).toEqual([]);
    before = after;
  }
}

const opsArb = fc.array(opArb, { minLength: OPS_PER_RUN, maxLength: OPS_PER_RUN });

describe('security: tenancy and rights over every service method, as a property', () => {
  it('hold for a fixed seed', async () => {
    await fc.assert(fc.asyncProperty(opsArb, run), { seed: 20261206, numRuns: 40 });
  }, 300_000);
  it('hold for a random seed (printed on failure)', async () => {
    const seed = Date.now() % 2 ** 31;
    try {
      await fc.assert(fc.asyncProperty(opsArb, run), { seed, numRuns: 10 });
    } catch (e) {
      console.error(`[kitos] tenancy property failed with seed ${seed}`);
      throw e;
    }
  }, 300_000);
  it.skipIf(!nightly)(
    `hold for ${nightly || 'KITOS_PROPERTY_OPERATIONS'} operations (nightly size)`,
    async () => {
      const seed = Number(process.env.KITOS_PROPERTY_SEED ?? Date.now() % 2 ** 31);
      console.log(`[kitos] nightly tenancy property: ${nightly} operations, seed ${seed}`);
      await fc.assert(fc.asyncProperty(opsArb, run), { seed, numRuns: Math.ceil(nightly / OPS_PER_RUN) });
    },
    24 * 3_600_000,
  );
});
