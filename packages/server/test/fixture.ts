/**
 * Two municipalities with their own local admins (API users with tokens), a plain user without API
 * access, and a public catalogue system: the data most route tests start from.
 */
import { issueToken, setPassword } from '../src/index.js';
import { type Harness, PASSWORD } from './helpers.js';

export interface Municipalities {
  readonly nordby: string;
  readonly sydby: string;
  /** Local admin of Nordby (API access). */
  readonly anna: { uuid: string; token: string; email: string };
  /** Local admin of Sydby (API access). */
  readonly bo: { uuid: string; token: string; email: string };
  /** Plain user of Nordby, no API access, with a password. */
  readonly carl: { uuid: string; email: string };
  /** A public catalogue system created by the global admin in Nordby. */
  readonly system: string;
}

export async function twoMunicipalities(h: Harness): Promise<Municipalities> {
  const kitos = h.server.kitos;
  const admin = h.admin;
  const nordby = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune', cvr: '11111111' }))
    .uuid;
  const sydby = (await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune', cvr: '22222222' }))
    .uuid;
  const user = async (email: string, first: string, org: string, role: 'LocalAdmin' | 'User', api: boolean) => {
    const u = await kitos.users.create(admin, { firstName: first, lastName: 'Test', email, hasApiAccess: api });
    await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: org, role: 'User' });
    if (role !== 'User') await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: org, role });
    await setPassword(kitos, u.uuid, PASSWORD);
    return u.uuid;
  };
  const annaUuid = await user('anna@nordby.dk', 'Anna', nordby, 'LocalAdmin', true);
  const boUuid = await user('bo@sydby.dk', 'Bo', sydby, 'LocalAdmin', true);
  const carlUuid = await user('carl@nordby.dk', 'Carl', nordby, 'User', false);
  const token = async (userUuid: string) =>
    (await issueToken(kitos, { userUuid, purpose: 'api', ttlSeconds: 3600, now: h.clock.now })).secret;
  // Each municipality gets a root unit, and one usage role type is switched on in Nordby.
  await kitos.units.create(admin, { organizationUuid: nordby, name: 'Nordby Kommune' });
  await kitos.units.create(admin, { organizationUuid: sydby, name: 'Sydby Kommune' });
  const [role] = await kitos.options.global(admin, 'it-system-usage-role-types');
  if (role) await kitos.options.setLocal(admin, { organizationUuid: nordby, optionUuid: role.uuid, isActive: true });
  const system = (await kitos.systems.create(admin, { organizationUuid: nordby, name: 'ESDH Fælles' })).uuid;
  return {
    nordby,
    sydby,
    anna: { uuid: annaUuid, token: await token(annaUuid), email: 'anna@nordby.dk' },
    bo: { uuid: boUuid, token: await token(boUuid), email: 'bo@sydby.dk' },
    carl: { uuid: carlUuid, email: 'carl@nordby.dk' },
    system,
  };
}
