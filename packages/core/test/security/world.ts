// Two municipalities with one of everything, and a user for every role in each, for the security
// tests: what one municipality's people can do to the other's data, and to each other's accounts.
import {
  type Actor,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  type OrganizationRole,
  type StorageAdapter,
} from '../../src/index.js';

/** The roles a member can hold in an organisation (besides plain membership). */
export const ROLES: readonly OrganizationRole[] = [
  'User',
  'LocalAdmin',
  'OrganizationModuleAdmin',
  'SystemModuleAdmin',
  'ContractModuleAdmin',
  'RightsHolderAccess',
];

export interface Municipality {
  readonly uuid: string;
  readonly root: string;
  readonly unit: string;
  readonly localSystem: string;
  readonly usage: string;
  readonly contract: string;
  readonly dpr: string;
  readonly project: string;
  /** A user holding exactly `User` plus the named role. */
  readonly people: Readonly<Record<OrganizationRole, Actor>>;
}

export interface World {
  readonly kitos: Kitos;
  readonly storage: StorageAdapter;
  readonly admin: Actor;
  readonly publicSystem: string;
  readonly interface: string;
  readonly a: Municipality;
  readonly b: Municipality;
}

let counter = 0;
/** Deterministic uuids, unique across worlds in one process. */
export const testUuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

async function municipality(kitos: Kitos, admin: Actor, name: string, publicSystem: string): Promise<Municipality> {
  const uuid = (await kitos.organizations.create(admin, { name, type: 'Kommune' })).uuid;
  const root = (await kitos.units.create(admin, { organizationUuid: uuid, name })).uuid;
  const unit = (await kitos.units.create(admin, { organizationUuid: uuid, name: `${name} IT`, parentUuid: root })).uuid;
  const people = {} as Record<OrganizationRole, Actor>;
  for (const role of ROLES) {
    const u = await kitos.users.create(admin, {
      firstName: role,
      lastName: name,
      email: `${role.toLowerCase()}@${name.toLowerCase().replace(/\W/g, '')}.dk`,
    });
    for (const r of new Set<OrganizationRole>(['User', role]))
      await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: uuid, role: r });
    people[role] = { userUuid: u.uuid };
  }
  const localSystem = (
    await kitos.systems.create(admin, { organizationUuid: uuid, name: `${name} lokal`, accessModifier: 'Local' })
  ).uuid;
  const usage = (await kitos.usages.create(admin, { organizationUuid: uuid, systemUuid: publicSystem })).uuid;
  const contract = (
    await kitos.contracts.create(admin, { organizationUuid: uuid, name: `${name} drift`, systemUsageUuids: [usage] })
  ).uuid;
  const dpr = (await kitos.dataProcessing.create(admin, { organizationUuid: uuid, name: `${name} databehandling` }))
    .uuid;
  const project = (await kitos.projects.create(admin, { organizationUuid: uuid, name: `${name} projekt` })).uuid;
  return { uuid, root, unit, localSystem, usage, contract, dpr, project, people };
}

/** Builds the world on a fresh store (memory unless given). */
export async function world(storage: StorageAdapter = createMemoryStorage()): Promise<World> {
  const kitos = await createKitos({ storage, clock: fixedClock('2025-06-15T10:00:00Z'), newUuid: testUuid });
  const admin = await kitos.organizations.bootstrap({
    firstName: 'Global',
    lastName: 'Admin',
    email: 'global@example.dk',
  });
  const fælles = (await kitos.organizations.list(admin, { limit: 10 })).items[0]?.uuid as string;
  const publicSystem = (await kitos.systems.create(admin, { organizationUuid: fælles, name: 'Fælles ESDH' })).uuid;
  const iface = (
    await kitos.interfaces.create(admin, {
      organizationUuid: fælles,
      name: 'ESDH API',
      interfaceId: 'esdh-1',
      exposedBySystemUuid: publicSystem,
    })
  ).uuid;
  const a = await municipality(kitos, admin, 'Nordby', publicSystem);
  const b = await municipality(kitos, admin, 'Sydby', publicSystem);
  return { kitos, storage, admin, publicSystem, interface: iface, a, b };
}

/** Everything in the store, for "a refused write changed nothing". */
export async function dump(storage: StorageAdapter): Promise<string> {
  return JSON.stringify(await storage.changesSince(0));
}
