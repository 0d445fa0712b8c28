// Tenancy on every write path. The cases are generated from one table of kinds and their reference
// fields, so a new kind or a new link field is covered by adding a row, and a write path that skips
// a check fails here: every refused write leaves the store as it was, every accepted one leaves the
// whole store passing the integrity check (no link to another municipality, no cycle, no dangling
// reference), and no path moves a record into another organisation.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  checkPortfolioIntegrity,
  type EntityMeta,
  type EntityService,
  type Kitos,
  KitosError,
  KitosValidationError,
} from '../../src/index.js';
import { dump, type Municipality, testUuid, type World, world } from './world.js';

type AnyService = EntityService<EntityMeta & Record<string, unknown>, unknown, unknown>;

interface KindCase {
  readonly name: string;
  readonly service: (k: Kitos) => AnyService;
  /** The sample entity of a municipality. */
  readonly sample: (m: Municipality, w: World) => string;
  /** Reference fields: path in the entity, the kind of record it names, whether it holds a list. */
  readonly refs: readonly { path: string; target: Target; list?: boolean; patchable?: boolean }[];
}

type Target = 'unit' | 'usage' | 'contract' | 'dpr' | 'project' | 'localSystem';

const service = (pick: (k: Kitos) => unknown) => (k: Kitos) => pick(k) as AnyService;

const KINDS: readonly KindCase[] = [
  {
    name: 'units',
    service: service((k) => k.units),
    sample: (m) => m.unit,
    refs: [{ path: 'parentUuid', target: 'unit', patchable: false }],
  },
  {
    name: 'usages',
    service: service((k) => k.usages),
    sample: (m) => m.usage,
    refs: [
      { path: 'organizationUsage.usingUnitUuids', target: 'unit', list: true },
      { path: 'general.mainContractUuid', target: 'contract' },
    ],
  },
  {
    name: 'contracts',
    service: service((k) => k.contracts),
    sample: (m) => m.contract,
    refs: [
      { path: 'parentContractUuid', target: 'contract' },
      { path: 'responsible.organizationUnitUuid', target: 'unit' },
      { path: 'systemUsageUuids', target: 'usage', list: true },
      { path: 'dataProcessingRegistrationUuids', target: 'dpr', list: true },
    ],
  },
  {
    name: 'dataProcessing',
    service: service((k) => k.dataProcessing),
    sample: (m) => m.dpr,
    refs: [
      { path: 'general.responsibleUnitUuid', target: 'unit' },
      { path: 'systemUsageUuids', target: 'usage', list: true },
      { path: 'contractUuids', target: 'contract', list: true },
    ],
  },
  {
    name: 'projects',
    service: service((k) => k.projects),
    sample: (m) => m.project,
    refs: [
      { path: 'parentProjectUuid', target: 'project' },
      { path: 'usingUnitUuids', target: 'unit', list: true },
      { path: 'systemUsageUuids', target: 'usage', list: true },
      { path: 'contractUuids', target: 'contract', list: true },
    ],
  },
  {
    name: 'systems',
    service: service((k) => k.systems),
    sample: (m) => m.localSystem,
    refs: [{ path: 'parentUuid', target: 'localSystem' }],
  },
];

const META = ['uuid', 'version', 'createdAt', 'createdBy', 'lastChanged', 'lastChangedBy'];
const bodyOf = (entity: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entity).filter(([k]) => !META.includes(k)));

function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...target, [head]: value };
  return { ...target, [head]: setPath((target[head] as Record<string, unknown>) ?? {}, rest.join('.'), value) };
}

function patchOf(path: string, value: unknown): Record<string, unknown> {
  return setPath({}, path, value);
}

function recordOf(m: Municipality, target: Target): string {
  return {
    unit: m.unit,
    usage: m.usage,
    contract: m.contract,
    dpr: m.dpr,
    project: m.project,
    localSystem: m.localSystem,
  }[target];
}

/** Runs a write; a refusal must be a typed error that changed nothing, a success must keep the store sound. */
async function attempt(w: World, label: string, write: () => Promise<unknown>): Promise<'refused' | 'accepted'> {
  const before = await dump(w.storage);
  try {
    await write();
  } catch (e) {
    if (!(e instanceof KitosError)) throw new Error(`${label}: untyped error ${String(e)}`);
    expect(await dump(w.storage), `${label}: a refused write changed nothing`).toBe(before);
    return 'refused';
  }
  expect(await checkPortfolioIntegrity(w.storage), `${label}: the store is sound after an accepted write`).toEqual([]);
  return 'accepted';
}

describe('security: no write path moves a record into another municipality', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  for (const kind of KINDS) {
    for (const who of ['global admin', 'local admin'] as const) {
      it(`${kind.name}: replace and patch refuse a new organisationUuid (${who})`, async () => {
        const actor: Actor = who === 'global admin' ? w.admin : w.a.people.LocalAdmin;
        const svc = kind.service(w.kitos);
        const uuid = kind.sample(w.a, w);
        const current = await svc.get(w.admin, uuid);
        const before = await dump(w.storage);
        const replaced = svc.replace(actor, uuid, { ...bodyOf(current), organizationUuid: w.b.uuid });
        await expect(replaced).rejects.toBeInstanceOf(KitosValidationError);
        await expect(replaced).rejects.toMatchObject({ issues: [{ path: ['organizationUuid'], code: 'immutable' }] });
        await expect(svc.patch(actor, uuid, { organizationUuid: w.b.uuid })).rejects.toBeInstanceOf(
          KitosValidationError,
        );
        expect(await dump(w.storage)).toBe(before);
        expect((await svc.get(w.admin, uuid)).organizationUuid).toBe(w.a.uuid);
      });
    }

    it(`${kind.name}: what a GET returns can be PUT back by the organisation's local admin`, async () => {
      const svc = kind.service(w.kitos);
      const uuid = kind.sample(w.a, w);
      const actor = w.a.people.LocalAdmin;
      const current = await svc.get(actor, uuid);
      const saved = await svc.replace(actor, uuid, bodyOf(current), { expectedVersion: current.version });
      expect(bodyOf(saved)).toEqual(bodyOf(current));
      // Without the organisation in the body, it is kept.
      const { organizationUuid: _ignored, ...withoutOrg } = bodyOf(current);
      expect((await svc.replace(actor, uuid, withoutOrg)).organizationUuid).toBe(w.a.uuid);
    });
  }
});

describe('security: every write path runs the same reference checks', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  for (const kind of KINDS) {
    for (const ref of kind.refs) {
      const values: [string, (w: World) => string][] = [
        ["the other municipality's record", (x) => recordOf(x.b, ref.target)],
        ['an unknown uuid', () => testUuid()],
        ['the record itself', (x) => kind.sample(x.a, x)],
      ];
      for (const [what, value] of values) {
        it(`${kind.name}.${ref.path} = ${what}: create, patch and replace agree and keep the store sound`, async () => {
          const svc = kind.service(w.kitos);
          const actor = w.a.people.LocalAdmin;
          const uuid = kind.sample(w.a, w);
          const v = value(w);
          const wanted = ref.list ? [v] : v;
          const outcomes: Record<string, string> = {};
          const current = await svc.get(w.admin, uuid);
          outcomes.replace = await attempt(w, `${kind.name}.replace ${ref.path}`, () =>
            svc.replace(actor, uuid, setPath(bodyOf(current), ref.path, wanted)),
          );
          if (ref.patchable !== false) {
            outcomes.patch = await attempt(w, `${kind.name}.patch ${ref.path}`, () =>
              svc.patch(actor, uuid, patchOf(ref.path, wanted)),
            );
          }
          if (kind.name === 'units') {
            outcomes.move = await attempt(w, 'units.move', () => w.kitos.units.move(actor, uuid, v));
          }
          // A reference to another municipality's record, or to nothing, is never accepted.
          if (what !== 'the record itself') expect(Object.values(outcomes).every((o) => o === 'refused')).toBe(true);
          // Whatever one path decides, the others decide too.
          expect(new Set(Object.values(outcomes)).size, JSON.stringify(outcomes)).toBe(1);
        });
      }
    }
  }

  it('units.replace refuses a parent equal to itself, an unknown parent and a cycle, as move does', async () => {
    const child = await w.kitos.units.create(w.admin, {
      organizationUuid: w.a.uuid,
      name: 'Skole',
      parentUuid: w.a.unit,
    });
    const root = await w.kitos.units.get(w.admin, w.a.root);
    for (const parentUuid of [child.uuid, testUuid()]) {
      await expect(
        w.kitos.units.replace(w.a.people.LocalAdmin, child.uuid, { ...bodyOf(child), parentUuid }),
      ).rejects.toBeInstanceOf(KitosValidationError);
    }
    // The root under its own grandchild: a cycle cut off from any root.
    await expect(
      w.kitos.units.replace(w.a.people.LocalAdmin, root.uuid, { ...bodyOf(root), parentUuid: child.uuid }),
    ).rejects.toBeInstanceOf(KitosError);
    await expect(w.kitos.units.move(w.a.people.LocalAdmin, root.uuid, child.uuid)).rejects.toBeInstanceOf(KitosError);
    expect(await checkPortfolioIntegrity(w.storage)).toEqual([]);
  });
});

describe('security: history and the change feed stay inside the municipality', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    await w.kitos.contracts.patch(w.a.people.LocalAdmin, w.a.contract, { general: { notes: 'fortroligt' } });
  });

  it("another municipality's admin reads no history entry of a contract", async () => {
    expect(await w.kitos.feed.history(w.b.people.LocalAdmin, 'itContract', w.a.contract)).toEqual([]);
    const own = await w.kitos.feed.history(w.a.people.User, 'itContract', w.a.contract);
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.every((e) => e.organizationUuid === w.a.uuid)).toBe(true);
  });

  it("the change feed of one municipality's users holds none of the other's private records", async () => {
    let since = 0;
    const seen: { kind: string; uuid: string; data: unknown }[] = [];
    for (let page = 0; page < 100; page++) {
      const p = await w.kitos.feed.changesSince(w.b.people.LocalAdmin, since, { limit: 7 });
      seen.push(...p.changed);
      if (p.next === since) break;
      since = p.next;
    }
    const aPrivate = new Set([w.a.unit, w.a.root, w.a.usage, w.a.contract, w.a.dpr, w.a.project]);
    expect(seen.some((c) => aPrivate.has(c.uuid))).toBe(false);
    expect(seen.some((c) => c.uuid === w.b.contract)).toBe(true);
  });

  it('refuses a feed position or page size that is not a whole number', async () => {
    await expect(w.kitos.feed.changesSince(w.admin, Number.NaN)).rejects.toBeInstanceOf(KitosValidationError);
    await expect(w.kitos.feed.changesSince(w.admin, 0, { limit: 0 })).rejects.toBeInstanceOf(KitosValidationError);
    await expect(w.kitos.feed.changesSince(w.admin, 0, { limit: 1e9 })).rejects.toBeInstanceOf(KitosValidationError);
  });
});
