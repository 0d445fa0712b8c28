import {
  type Actor,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  type MemoryStorageOptions,
} from '../../src/index.js';

export const CLOCK = fixedClock('2025-06-15T10:00:00Z');

export interface World {
  kitos: Kitos;
  admin: Actor;
  org: string;
  root: string;
  units: { borgerservice: string; skoler: string };
  supplier: string;
  systems: { esdh: string; loen: string; okonomi: string };
}

/** A store with one municipality, a small unit tree, a supplier and three catalogue systems. */
export async function world(storage: MemoryStorageOptions = {}): Promise<World> {
  const kitos = await createKitos({ storage: createMemoryStorage(storage), clock: CLOCK });
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
  const org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
  const supplier = (await kitos.organizations.create(admin, { name: 'Formpipe Software A/S', type: 'Virksomhed' }))
    .uuid;
  const root = (await kitos.units.create(admin, { organizationUuid: org, name: 'Nordby Kommune' })).uuid;
  const borgerservice = (
    await kitos.units.create(admin, { organizationUuid: org, name: 'Borgerservice', parentUuid: root })
  ).uuid;
  const skoler = (await kitos.units.create(admin, { organizationUuid: org, name: 'Skoler', parentUuid: root })).uuid;
  const sys = async (name: string) => (await kitos.systems.create(admin, { organizationUuid: org, name })).uuid;
  return {
    kitos,
    admin,
    org,
    root,
    units: { borgerservice, skoler },
    supplier,
    systems: { esdh: await sys('Acadre ESDH'), loen: await sys('Silkeborg Løn'), okonomi: await sys('Prisme Økonomi') },
  };
}
