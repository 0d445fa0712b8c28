import {
  type Actor,
  createKitos,
  fixedClock,
  type Kitos,
  KitosForbiddenError,
  KitosValidationError,
  type RelationGraph,
  type StorageAdapter,
} from '@os2kitos/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyAdapter } from './every-adapter.js';

const ADAPTERS = everyAdapter('graph');

const KLE_SAG = '00000000-0000-4000-8000-00000000a001';
const KLE_LØN = '00000000-0000-4000-8000-00000000a002';

/** Borger → ESDH → Arkiv → Løn, Løn → ESDH; units Nordby > Borger > Team, Nordby > Økonomi. */
async function scenario(storage: StorageAdapter) {
  const kitos: Kitos = await createKitos({ storage, clock: fixedClock('2025-06-15T10:00:00Z') });
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@x.dk' });
  await kitos.kle.load(admin, [
    { uuid: KLE_SAG, taskKey: '00', description: 'Sagsbehandling' },
    { uuid: KLE_LØN, taskKey: '81', description: 'Løn' },
  ]);
  const org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
  const other = (await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
  const outsider = await kitos.users.create(admin, { firstName: 'Ole', lastName: 'Ude', email: 'ole@x.dk' });
  await kitos.memberships.grant(admin, { userUuid: outsider.uuid, organizationUuid: other, role: 'User' });
  const root = (await kitos.units.create(admin, { organizationUuid: org, name: 'Nordby' })).uuid;
  const borger = (await kitos.units.create(admin, { organizationUuid: org, name: 'Borger', parentUuid: root })).uuid;
  const team = (await kitos.units.create(admin, { organizationUuid: org, name: 'Team', parentUuid: borger })).uuid;
  const økonomi = (await kitos.units.create(admin, { organizationUuid: org, name: 'Økonomi', parentUuid: root })).uuid;
  const frequency = (await kitos.options.global(admin, 'it-system-usage-relation-frequency-types'))[0]!;
  const use = async (name: string, unit: string, kle: string[]) => {
    const system = await kitos.systems.create(admin, { organizationUuid: org, name, kleUuids: kle });
    const usage = await kitos.usages.create(admin, {
      organizationUuid: org,
      systemUuid: system.uuid,
      organizationUsage: { usingUnitUuids: [unit], responsibleUnitUuid: unit },
    });
    return { system: system.uuid, usage: usage.uuid };
  };
  const borgerSys = await use('Borgerportal', team, [KLE_SAG]);
  const esdh = await use('ESDH', borger, [KLE_SAG]);
  const arkiv = await use('Arkiv', root, []);
  const løn = await use('Løn', økonomi, [KLE_LØN]);
  const api = await kitos.interfaces.create(admin, {
    organizationUuid: org,
    name: 'Sags-API',
    interfaceId: 'v1',
    exposedBySystemUuid: esdh.system,
    dataRows: [{ uuid: crypto.randomUUID(), data: 'Sager', dataTypeUuid: null }],
  });
  const contract = (await kitos.contracts.create(admin, { organizationUuid: org, name: 'Integrationsaftale' })).uuid;
  const relate = (from: string, to: string, extra: Record<string, unknown> = {}) =>
    kitos.usages.patch(admin, from, {
      outgoingSystemRelations: [{ uuid: crypto.randomUUID(), toUsageUuid: to, ...extra }],
    });
  await relate(borgerSys.usage, esdh.usage, {
    interfaceUuid: api.uuid,
    frequencyUuid: frequency.uuid,
    contractUuid: contract,
    description: 'Ansøgninger',
  });
  await relate(esdh.usage, arkiv.usage);
  await relate(løn.usage, esdh.usage, { interfaceUuid: api.uuid });
  await relate(arkiv.usage, løn.usage);
  return {
    kitos,
    admin,
    outsider: { userUuid: outsider.uuid } as Actor,
    org,
    units: { root, borger, team, økonomi },
    borgerSys,
    esdh,
    arkiv,
    løn,
    api,
    contract,
    frequency,
  };
}

const names = (g: RelationGraph) => g.nodes.map((n) => `${n.name}${n.matched ? '' : '*'}`);
const edgeNames = (g: RelationGraph) => {
  const by = new Map(g.nodes.map((n) => [n.uuid, n.name]));
  return g.edges.map((e) => `${by.get(e.fromUsageUuid)}→${by.get(e.toUsageUuid)}`).sort();
};

for (const [name, create] of Object.entries(ADAPTERS)) {
  describe(`relation graph on ${name}`, () => {
    let s: Awaited<ReturnType<typeof scenario>>;
    beforeAll(async () => {
      s = await scenario(await create());
    }, 60_000);

    it('draws every usage and relation, with interface, data, frequency and contract', async () => {
      const g = await s.kitos.relations.graph(s.admin, { organizationUuid: s.org });
      expect(names(g)).toEqual(['Arkiv', 'Borgerportal', 'ESDH', 'Løn']);
      expect(edgeNames(g)).toEqual(['Arkiv→Løn', 'Borgerportal→ESDH', 'ESDH→Arkiv', 'Løn→ESDH']);
      const e = g.edges.find((x) => x.fromUsageUuid === s.borgerSys.usage)!;
      expect(e).toMatchObject({
        interface: { uuid: s.api.uuid, name: 'Sags-API' },
        data: ['Sager'],
        frequency: s.frequency.name,
        contract: { uuid: s.contract, name: 'Integrationsaftale' },
        description: 'Ansøgninger',
      });
      expect(g.choices.kle.map((k) => k.name)).toEqual(['00 Sagsbehandling', '81 Løn']);
      expect(g.choices.units.map((u) => u.name)).toEqual(['Borger', 'Nordby', 'Team', 'Økonomi']);
    });

    it('filters by unit with its sub-units, by KLE and by system, keeping the neighbours for context', async () => {
      const q = { organizationUuid: s.org };
      const unit = await s.kitos.relations.graph(s.admin, { ...q, unitUuid: s.units.borger });
      expect(names(unit)).toEqual(['Arkiv*', 'Borgerportal', 'ESDH', 'Løn*']);
      expect(edgeNames(unit)).toEqual(['Borgerportal→ESDH', 'ESDH→Arkiv', 'Løn→ESDH']);
      const own = await s.kitos.relations.graph(s.admin, { ...q, unitUuid: s.units.borger, includeSubUnits: false });
      expect(names(own)).toEqual(['Arkiv*', 'Borgerportal*', 'ESDH', 'Løn*']);
      const kle = await s.kitos.relations.graph(s.admin, { ...q, kleUuid: KLE_LØN });
      expect(names(kle)).toEqual(['Arkiv*', 'ESDH*', 'Løn']);
      const system = await s.kitos.relations.graph(s.admin, { ...q, systemUuid: s.arkiv.system });
      expect(edgeNames(system)).toEqual(['Arkiv→Løn', 'ESDH→Arkiv']);
    });

    it("shows a usage's neighbours n steps out, either direction", async () => {
      const one = await s.kitos.relations.graph(s.admin, {
        organizationUuid: s.org,
        focusUsageUuid: s.borgerSys.usage,
      });
      expect(one.nodes.map((n) => [n.name, n.distance])).toEqual([
        ['Borgerportal', 0],
        ['ESDH', 1],
      ]);
      const two = await s.kitos.relations.graph(s.admin, {
        organizationUuid: s.org,
        focusUsageUuid: s.borgerSys.usage,
        depth: 2,
      });
      expect(two.nodes.map((n) => [n.name, n.distance])).toEqual([
        ['Arkiv', 2],
        ['Borgerportal', 0],
        ['ESDH', 1],
        ['Løn', 2],
      ]);
      expect(edgeNames(two)).toEqual(['Arkiv→Løn', 'Borgerportal→ESDH', 'ESDH→Arkiv', 'Løn→ESDH']);
    });

    it('is for members only, and refuses a bad query naming the field', async () => {
      await expect(s.kitos.relations.graph(s.outsider, { organizationUuid: s.org })).rejects.toBeInstanceOf(
        KitosForbiddenError,
      );
      const e = await s.kitos.relations.graph(s.admin, { organizationUuid: s.org, depth: 9 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(KitosValidationError);
      expect((e as KitosValidationError).issues.map((i) => i.path.join('.'))).toEqual(['depth']);
    });
  });
}
