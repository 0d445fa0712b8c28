import {
  type Actor,
  architectureSeedUuid,
  createKitos,
  fixedClock,
  type Kitos,
  KitosNotFoundError,
  KitosValidationError,
  REFERENCE_ARCHITECTURE_SEED,
  type StorageAdapter,
} from '@os2kitos/core';
import { describe, expect, it } from 'vitest';
import { everyAdapter } from './every-adapter.js';

const ADAPTERS = everyAdapter('joint');

async function scenario(storage: StorageAdapter) {
  const kitos: Kitos = await createKitos({ storage, clock: fixedClock('2025-06-15T10:00:00Z') });
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@x.dk' });
  const org = async (name: string, type: 'Kommune' | 'Interessefællesskab' = 'Kommune') =>
    (await kitos.organizations.create(admin, { name, type, accessModifier: 'Public' })).uuid;
  const nordby = await org('Nordby Kommune');
  const sydby = await org('Sydby Kommune');
  const østby = await org('Østby Kommune');
  const community = await org('Det fælles ESDH-samarbejde', 'Interessefællesskab');
  const person = async (first: string, organizationUuid: string, role: 'User' | 'LocalAdmin' = 'User') => {
    const u = await kitos.users.create(admin, { firstName: first, lastName: 'Test', email: `${first}@x.dk` });
    await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid, role: 'User' });
    if (role !== 'User') await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid, role });
    return { userUuid: u.uuid } as Actor;
  };
  return {
    kitos,
    admin,
    nordby,
    sydby,
    østby,
    community,
    owner: await person('nina', nordby, 'LocalAdmin'),
    sydbyUser: await person('sune', sydby),
    østbyUser: await person('oda', østby),
  };
}

describe.each(Object.keys(ADAPTERS))('joint projects and communities on %s', (name) => {
  it('stores participants with roles, versioned, and reads them back through the pushed-down scope', async () => {
    const s = await scenario(await ADAPTERS[name]!());
    const p = await s.kitos.projects.create(s.owner, {
      organizationUuid: s.nordby,
      name: 'Fælles ESDH-udbud',
      participants: [
        { organizationUuid: s.sydby, role: 'lead' },
        { organizationUuid: s.community, role: 'observer' },
      ],
    });
    expect(p.jointOrganizationUuids).toEqual([s.sydby, s.community]);
    await expect(
      s.kitos.projects.patch(s.owner, p.uuid, { participants: [{ organizationUuid: s.nordby, role: 'partner' }] }),
    ).rejects.toBeInstanceOf(KitosValidationError);
    expect((await s.kitos.projects.get(s.owner, p.uuid)).version).toBe(1);
    const names = async (actor: Actor) => (await s.kitos.projects.list(actor, { limit: 100 })).items.map((x) => x.name);
    expect(await names(s.sydbyUser)).toEqual(['Fælles ESDH-udbud']);
    expect(await names(s.østbyUser)).toEqual([]);
    // Østby joins the community: its people now read the project the community takes part in.
    await s.kitos.coordination.updateSharing(s.admin, s.community, { communityMembers: [s.østby] });
    expect(await names(s.østbyUser)).toEqual(['Fælles ESDH-udbud']);
    expect((await s.kitos.projects.get(s.østbyUser, p.uuid)).participants).toEqual([
      { organizationUuid: s.sydby, role: 'lead' },
      { organizationUuid: s.community, role: 'observer' },
    ]);
    // Sydby's role changes to partner through the joint list alone; Sydby keeps reading it.
    const moved = await s.kitos.projects.patch(s.owner, p.uuid, { jointOrganizationUuids: [s.community] });
    expect(moved.version).toBe(2);
    expect(moved.participants).toEqual([{ organizationUuid: s.community, role: 'observer' }]);
    expect(await names(s.sydbyUser)).toEqual([]);
    await expect(s.kitos.projects.get(s.sydbyUser, p.uuid)).rejects.toBeInstanceOf(KitosNotFoundError);
    const rows = await s.kitos.overviews.query(s.østbyUser, 'projects', { organizationUuid: s.østby });
    expect(rows.rows).toEqual([
      expect.objectContaining({ name: 'Fælles ESDH-udbud', participants: 'Det fælles ESDH-samarbejde', role: null }),
    ]);
  });

  it('seeds the reference architecture once and counts a municipality’s tied usages by unit and KLE task', async () => {
    const s = await scenario(await ADAPTERS[name]!());
    expect(await s.kitos.coordination.seedArchitecture(s.admin)).toBe(REFERENCE_ARCHITECTURE_SEED.length);
    expect(await s.kitos.coordination.seedArchitecture(s.admin)).toBe(0);
    await s.kitos.kle.load(s.admin, [
      { uuid: '00000000-0000-4000-8000-00000000cc01', taskKey: '00', description: 'Kommunens styrelse' },
      { uuid: '00000000-0000-4000-8000-00000000cc02', taskKey: '00.01', description: 'Kommunens styrelse' },
    ]);
    const task = (await s.kitos.kle.list(s.admin)).find((k) => k.taskKey === '00.01')!;
    const digitalPost = (
      await s.kitos.systems.create(s.admin, {
        organizationUuid: s.nordby,
        name: 'Digital Post-klient',
        accessModifier: 'Public',
        kleUuids: [task.uuid],
      })
    ).uuid;
    const other = (await s.kitos.systems.create(s.admin, { organizationUuid: s.nordby, name: 'Lokalt system' })).uuid;
    const element = await s.kitos.coordination.architecture.patch(s.admin, architectureSeedUuid('Digital Post'), {
      systemUuids: [digitalPost],
    });
    expect(element.version).toBe(2);
    const root = (await s.kitos.units.create(s.admin, { organizationUuid: s.nordby, name: 'Nordby' })).uuid;
    const unit = (
      await s.kitos.units.create(s.admin, { organizationUuid: s.nordby, name: 'Borgerservice', parentUuid: root })
    ).uuid;
    await s.kitos.usages.create(s.admin, {
      organizationUuid: s.nordby,
      systemUuid: digitalPost,
      organizationUsage: { responsibleUnitUuid: unit, usingUnitUuids: [unit] },
    });
    await s.kitos.usages.create(s.admin, { organizationUuid: s.nordby, systemUuid: other });
    const c = await s.kitos.coordination.architectureCoverage(s.owner, s.nordby);
    expect({ total: c.total, tied: c.tied }).toEqual({ total: 2, tied: 1 });
    expect(c.elements[0]).toMatchObject({ name: 'Digital Post', usages: 1 });
    expect(c.units).toHaveLength(2);
    expect(c.units).toEqual(
      expect.arrayContaining([
        { unit: { uuid: unit, name: 'Borgerservice' }, total: 1, tied: 1 },
        { unit: null, total: 1, tied: 0 },
      ]),
    );
    expect(c.kle).toEqual([
      { uuid: task.uuid, taskKey: '00.01', description: 'Kommunens styrelse', total: 1, tied: 1 },
    ]);
  });
});
