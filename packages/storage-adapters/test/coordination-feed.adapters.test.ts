import { type Actor, createKitos, fixedClock, type StorageAdapter } from '@os2kitos/core';
import { describe, expect, it } from 'vitest';
import { everyAdapter } from './every-adapter.js';

const ADAPTERS = everyAdapter('coord-feed');

const clock = fixedClock('2025-06-15T10:00:00Z');

async function scenario(storage: StorageAdapter) {
  const kitos = await createKitos({ storage, clock });
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@x.dk' });
  const fælles = (await kitos.organizations.list(admin, { limit: 1 })).items[0]?.uuid as string;
  const org = async (name: string) =>
    (await kitos.organizations.create(admin, { name, type: 'Kommune', accessModifier: 'Public' })).uuid;
  const [nordby, sydby, østby] = [await org('Nordby'), await org('Sydby'), await org('Østby')];
  for (const o of [nordby, sydby, østby])
    await kitos.coordination.updateSharing(admin, o, { usages: { scope: 'Public', fields: ['interfaces'] } });
  const u = await kitos.users.create(admin, { firstName: 'Nora', lastName: 'Nordby', email: 'nora@x.dk' });
  await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: nordby, role: 'User' });
  const reader: Actor = { userUuid: u.uuid };
  const esdh = (await kitos.systems.create(admin, { organizationUuid: fælles, name: 'Fælles ESDH' })).uuid;
  const arkiv = (await kitos.systems.create(admin, { organizationUuid: fælles, name: 'Fælles Arkiv' })).uuid;
  const api = (
    await kitos.interfaces.create(admin, {
      organizationUuid: fælles,
      name: 'ESDH API',
      interfaceId: 'esdh-1',
      exposedBySystemUuid: esdh,
    })
  ).uuid;
  for (const o of [nordby, sydby]) await kitos.usages.create(admin, { organizationUuid: o, systemUuid: esdh });
  const reads = (k: typeof kitos) =>
    Promise.all([
      k.coordination.catalogue(reader, { organizationUuid: nordby }),
      k.coordination.similarLandscapes(reader, { organizationUuid: nordby }),
    ]);
  const same = async () => {
    const answer = await reads(kitos);
    expect(answer).toEqual(await reads(await createKitos({ storage, clock })));
    return answer[0].entries;
  };
  const esdhEntry = async () => (await same()).find((e) => e.uuid === esdh);
  expect((await esdhEntry())?.organizations).toBe(2); // cached from here on
  const u1 = (await kitos.usages.create(admin, { organizationUuid: østby, systemUuid: esdh })).uuid;
  const u2 = (await kitos.usages.create(admin, { organizationUuid: østby, systemUuid: arkiv })).uuid;
  expect((await esdhEntry())?.organizations).toBe(3);
  await kitos.usages.patch(admin, u2, {
    outgoingSystemRelations: [{ uuid: '00000000-0000-4000-8000-00000000cf01', toUsageUuid: u1, interfaceUuid: api }],
  });
  expect((await esdhEntry())?.interfaces[0]?.consumers.map((c) => c.uuid)).toEqual([arkiv]);
  await kitos.usages.patch(admin, u1, { general: { localCallName: 'ESDH i Østby' } } as never);
  await same();
  await kitos.usages.delete(admin, u2);
  expect((await esdhEntry())?.interfaces[0]?.consumers).toEqual([]);
  await kitos.usages.delete(admin, u1);
  expect((await esdhEntry())?.organizations).toBe(2);
  await storage.close();
}

describe('coordination reads kept up to date from the usage feed', () => {
  for (const [name, open] of Object.entries(ADAPTERS))
    it(`equal a fresh facade's answers after usage writes on ${name}`, async () => {
      await scenario(await open());
    }, 120_000);
});
