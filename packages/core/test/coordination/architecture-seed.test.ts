// The joint municipal reference architecture seeded: the elements load once (global admins only),
// keep their uuids, never duplicate one an admin already made, and a municipality's coverage by
// responsible unit and KLE task counts the usages tied to the seeded elements once the global
// admin has tagged catalogue systems and interfaces with them.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Actor,
  architectureSeedUuid,
  KitosForbiddenError,
  REFERENCE_ARCHITECTURE_SEED,
  seedArchitectureElements,
} from '../../src/index.js';
import { type World, world } from '../security/world.js';

let w: World;
let nordbyUser: Actor;
beforeEach(async () => {
  w = await world();
  nordbyUser = w.a.people.User;
});

describe('the reference architecture seed', () => {
  it('names the rammearkitektur and the national infrastructure, with stable uuids', () => {
    const names = REFERENCE_ARCHITECTURE_SEED.map((e) => e.name);
    for (const n of [
      'Serviceplatformen',
      'Fælleskommunalt Organisationssystem (FK Organisation)',
      'Fælleskommunal Klassifikation (FK Klassifikation)',
      'Støttesystemet Beskedfordeler',
      'Digital Post',
      'MitID',
      'NemLog-in',
      'NemKonto',
      'CPR',
      'CVR',
      'Datafordeleren',
      'SAPA (Sags- og Partsoverblik)',
    ])
      expect(names).toContain(n);
    expect(new Set(names).size).toBe(names.length);
    const elements = seedArchitectureElements();
    expect(elements.map((e) => e.uuid)).toEqual(seedArchitectureElements().map((e) => e.uuid));
    expect(new Set(elements.map((e) => e.uuid)).size).toBe(elements.length);
    expect(elements[0]).toMatchObject({ uuid: architectureSeedUuid('Serviceplatformen'), systemUuids: [] });
  });

  it('loads once, by global admins only, and leaves an element an admin already made', async () => {
    await expect(w.kitos.coordination.seedArchitecture(w.a.people.LocalAdmin)).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    const own = await w.kitos.coordination.architecture.create(w.admin, {
      name: 'digital post',
      kind: 'infrastructure',
    });
    const added = await w.kitos.coordination.seedArchitecture(w.admin);
    expect(added).toBe(REFERENCE_ARCHITECTURE_SEED.length - 1);
    expect(await w.kitos.coordination.seedArchitecture(w.admin)).toBe(0);
    const list = (await w.kitos.coordination.architecture.list(nordbyUser, { limit: 1000 })).items;
    expect(list).toHaveLength(REFERENCE_ARCHITECTURE_SEED.length);
    expect(list.filter((e) => e.name.toLowerCase() === 'digital post').map((e) => e.uuid)).toEqual([own.uuid]);
    const sp = await w.kitos.coordination.architecture.get(nordbyUser, architectureSeedUuid('Serviceplatformen'));
    expect(sp).toMatchObject({ kind: 'infrastructure', version: 1, systemUuids: [], interfaceUuids: [] });
  });

  it('gives each municipality its coverage by unit and KLE task once systems and interfaces are tagged', async () => {
    await w.kitos.coordination.seedArchitecture(w.admin);
    await w.kitos.kle.load(w.admin, [
      { uuid: '00000000-0000-4000-8000-00000000bb01', taskKey: '27', description: 'Social service' },
      { uuid: '00000000-0000-4000-8000-00000000bb02', taskKey: '27.24', description: 'Hjælpemidler' },
    ]);
    const task = (await w.kitos.kle.list(w.admin)).find((k) => k.taskKey === '27.24')!;
    const fælles = (await w.kitos.systems.get(w.admin, w.publicSystem)).organizationUuid;
    const sp = (
      await w.kitos.systems.create(w.admin, {
        organizationUuid: fælles,
        name: 'Serviceplatformen',
        accessModifier: 'Public',
        kleUuids: [task.uuid],
      })
    ).uuid;
    // Serviceplatformen is the system itself; FK Organisation is reached through the ESDH API.
    await w.kitos.coordination.architecture.patch(w.admin, architectureSeedUuid('Serviceplatformen'), {
      systemUuids: [sp],
    });
    await w.kitos.coordination.architecture.patch(
      w.admin,
      architectureSeedUuid('Fælleskommunalt Organisationssystem (FK Organisation)'),
      { interfaceUuids: [w.interface] },
    );
    const spUsage = await w.kitos.usages.create(w.admin, {
      organizationUuid: w.a.uuid,
      systemUuid: sp,
      organizationUsage: { responsibleUnitUuid: w.a.unit, usingUnitUuids: [w.a.unit] },
    });
    const local = await w.kitos.usages.create(w.admin, { organizationUuid: w.a.uuid, systemUuid: w.a.localSystem });
    const c1 = await w.kitos.coordination.architectureCoverage(nordbyUser, w.a.uuid);
    // Three usages: the shared ESDH, the local system and Serviceplatformen; one is tied.
    expect({ total: c1.total, tied: c1.tied }).toEqual({ total: 3, tied: 1 });
    expect(c1.elements[0]).toEqual({
      uuid: architectureSeedUuid('Serviceplatformen'),
      name: 'Serviceplatformen',
      usages: 1,
    });
    expect(c1.elements).toHaveLength(REFERENCE_ARCHITECTURE_SEED.length);
    expect(c1.units).toContainEqual({ unit: { uuid: w.a.unit, name: 'Nordby IT' }, total: 1, tied: 1 });
    expect(c1.units).toContainEqual({ unit: null, total: 2, tied: 0 });
    expect(c1.kle).toEqual([{ uuid: task.uuid, taskKey: '27.24', description: 'Hjælpemidler', total: 1, tied: 1 }]);
    // A relation through the ESDH API ties the local system's usage to FK Organisation.
    await w.kitos.usages.patch(w.admin, local.uuid, {
      outgoingSystemRelations: [
        { uuid: '00000000-0000-4000-8000-00000000bc01', toUsageUuid: w.a.usage, interfaceUuid: w.interface },
      ],
    });
    const c2 = await w.kitos.coordination.architectureCoverage(nordbyUser, w.a.uuid);
    expect(c2.tied).toBe(2);
    expect(c2.elements.find((e) => e.name.startsWith('Fælleskommunalt Organisationssystem'))?.usages).toBe(1);
    expect(c2.units).toContainEqual({ unit: null, total: 2, tied: 1 });
    expect(spUsage.uuid).toBeDefined();
  });
});
