/**
 * Organisations, unit trees, users, memberships, unit roles and local options of the sample data.
 *
 * @module
 */
import type {
  LocalOption,
  Organization,
  OrganizationConfig,
  OrganizationMembership,
  OrganizationRole,
  OrganizationUnit,
  RoleAssignment,
  User,
} from '@os2kitos/core';
import type { DirectorateKey } from './areas.js';
import { type GeneratorContext, maybe, meta } from './context.js';
import {
  FIRST_NAMES,
  FOREIGN_SUPPLIERS,
  LAST_NAMES,
  SUPPLIER_FIRST_WORDS,
  SUPPLIER_FORMS,
  SUPPLIER_SECOND_WORDS,
  asciiSlug,
  municipalityName,
} from './names.js';
import type { Random } from './random.js';
import { type Directorate, generateUnits } from './units.js';

/** One municipality with its own random stream, units and users. */
export interface Municipality {
  readonly index: number;
  readonly org: Organization;
  readonly domain: string;
  readonly rng: Random;
  readonly units: OrganizationUnit[];
  readonly directorates: ReadonlyMap<DirectorateKey, Directorate>;
  readonly users: User[];
}

/** A supplier with its share of the catalogue. */
export interface Supplier {
  readonly org: Organization;
  readonly weight: number;
  readonly slug: string;
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** An 8-digit number that passes the Danish CVR modulus-11 check (not checked against the register). */
export function fictionalCvr(rng: Random): string {
  for (;;) {
    const digits = [rng.int(1, 9), ...Array.from({ length: 6 }, () => rng.int(0, 9))];
    const sum = digits.reduce((s, d, i) => s + d * CVR_WEIGHTS[i]!, 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

function phone(rng: Random): string {
  const n = () => String(rng.int(10, 99));
  return `+45 ${rng.int(20, 99)} ${n()} ${n()} ${n()}`;
}

function config(guide: string | null): OrganizationConfig {
  return {
    showItSystemModule: true,
    showItContractModule: true,
    showDataProcessing: true,
    showItSystemPrefix: false,
    showItContractPrefix: false,
    itSupportGuide: guide,
  };
}

/** The seeded default organisation "Fælles Kommune". */
export function defaultOrganization(ctx: GeneratorContext, uuid: string): Organization {
  return {
    ...meta(ctx, uuid),
    name: 'Fælles Kommune',
    cvr: null,
    foreignCvr: null,
    foreignCountryCodeUuid: null,
    type: 'Kommune',
    accessModifier: 'Public',
    phone: null,
    address: null,
    email: null,
    isDefaultOrganization: true,
    config: config(null),
  };
}

/** The `count` suppliers (a few of them foreign), largest first by catalogue share. */
export function generateSuppliers(ctx: GeneratorContext, rng: Random, count: number): Supplier[] {
  const combos: string[] = [];
  for (const first of SUPPLIER_FIRST_WORDS)
    for (const second of SUPPLIER_SECOND_WORDS) combos.push(`${first} ${second}`);
  const foreignEvery = Math.max(2, Math.floor(count / FOREIGN_SUPPLIERS.length));
  const danish = rng.sample(combos, count);
  return danish.map((base, i) => {
    const foreign = i % foreignEvery === foreignEvery - 1 ? FOREIGN_SUPPLIERS[Math.floor(i / foreignEvery)] : undefined;
    const name = foreign ? foreign[0] : `${base} ${rng.weighted(SUPPLIER_FORMS)}`;
    const slug = asciiSlug(name.replace(/ (A\/S|ApS|I\/S|P\/S|AS|AB|GmbH|Ltd|Oy|B\.V\.)$/, ''));
    const org: Organization = {
      ...meta(ctx, rng.uuid()),
      name,
      cvr: foreign ? null : fictionalCvr(rng),
      foreignCvr: foreign ? `${foreign[1]}${rng.int(10_000_000, 99_999_999)}` : null,
      foreignCountryCodeUuid: foreign ? ctx.options.uuid('country-codes', foreign[1]) : null,
      type: 'Virksomhed',
      accessModifier: 'Public',
      phone: foreign ? null : phone(rng),
      address: foreign
        ? null
        : `${rng.pick(['Industrivej', 'Havnegade', 'Søndergade', 'Åboulevarden', 'Ørestads Boulevard', 'Teknologiparken'])} ${rng.int(1, 120)}, ${rng.int(1000, 9990)} ${rng.pick(['Aarhus C', 'København Ø', 'Odense M', 'Aalborg', 'Kolding', 'Herning', 'Vejle Øst', 'Ballerup'])}`,
      email: `kontakt@${slug}.example`,
      isDefaultOrganization: false,
      config: config(null),
    };
    // A few large suppliers hold much of the catalogue, as in the real market.
    return { org, weight: 1 / (i + 3) ** 0.9, slug };
  });
}

function municipalityOrg(ctx: GeneratorContext, rng: Random, name: string, domain: string): Organization {
  return {
    ...meta(ctx, rng.uuid()),
    name: `${name} Kommune`,
    cvr: fictionalCvr(rng),
    foreignCvr: null,
    foreignCountryCodeUuid: null,
    type: 'Kommune',
    accessModifier: 'Public',
    phone: phone(rng),
    address: `Rådhustorvet ${rng.int(1, 9)}, ${rng.int(1000, 9990)} ${name}`,
    email: `post@${domain}`,
    isDefaultOrganization: false,
    config: config(`Kontakt IT-support på ${phone(rng)} eller it-support@${domain}`),
  };
}

function person(rng: Random): [string, string] {
  return [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
}

/** A user with an e-mail address unique within `taken`. */
function newUser(
  ctx: GeneratorContext,
  rng: Random,
  names: [string, string],
  domain: string,
  taken: Set<string>,
  flags: Partial<Pick<User, 'hasApiAccess' | 'hasStakeHolderAccess' | 'isGlobalAdmin'>> = {},
): User {
  const local = `${asciiSlug(names[0])}.${asciiSlug(names[1])}`.replaceAll('-', '.');
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return {
    ...meta(ctx, rng.uuid()),
    firstName: names[0],
    lastName: names[1],
    email,
    phoneNumber: maybe(rng, 0.6, () => phone(rng)),
    isGlobalAdmin: flags.isGlobalAdmin ?? false,
    hasApiAccess: flags.hasApiAccess ?? false,
    hasStakeHolderAccess: flags.hasStakeHolderAccess ?? false,
    isSystemIntegrator: false,
  };
}

/** The one global administrator (its uuid is fixed before everything else is generated). */
export function globalAdmin(ctx: GeneratorContext): User {
  return {
    ...meta(ctx, ctx.adminUuid),
    firstName: 'Fælles',
    lastName: 'Administrator',
    email: 'admin@faelles-kommune.example',
    phoneNumber: null,
    isGlobalAdmin: true,
    hasApiAccess: false,
    hasStakeHolderAccess: true,
    isSystemIntegrator: true,
  };
}

/** Users per municipality, and the organisation roles of the first four. */
export const USERS_PER_MUNICIPALITY = 40;
const ADMIN_ROLES: readonly OrganizationRole[] = [
  'LocalAdmin',
  'SystemModuleAdmin',
  'ContractModuleAdmin',
  'OrganizationModuleAdmin',
];

/**
 * One municipality: organisation, unit tree and users. Every third municipality has imported its
 * units from FK Organisation.
 */
export function generateMunicipality(ctx: GeneratorContext, root: Random, index: number): Municipality {
  const rng = root.fork(`municipality/${index}`);
  const name = municipalityName(index);
  const domain = `${asciiSlug(name)}.kommune.example`;
  const org = municipalityOrg(ctx, rng, name, domain);
  const { units, directorates } = generateUnits(ctx, rng.fork('units'), org, index % 3 === 2);
  const userRng = rng.fork('users');
  const taken = new Set<string>();
  const users: User[] = [];
  for (let i = 0; i < USERS_PER_MUNICIPALITY - 1; i++)
    users.push(newUser(ctx, userRng, person(userRng), domain, taken));
  users.push(newUser(ctx, userRng, ['API', 'Integration'], domain, taken, { hasApiAccess: true }));
  return { index, org, domain, rng, units, directorates, users };
}

/** Memberships of a municipality: everyone is a member; the first four hold the admin roles. */
export function municipalityMemberships(m: Municipality): OrganizationMembership[] {
  const plain = m.users.map(
    (u): OrganizationMembership => ({
      userUuid: u.uuid,
      organizationUuid: m.org.uuid,
      role: 'User',
    }),
  );
  const admins = ADMIN_ROLES.map(
    (role, i): OrganizationMembership => ({ userUuid: m.users[i]!.uuid, organizationUuid: m.org.uuid, role }),
  );
  return [...plain, ...admins];
}

/** Unit roles: a director on each directorate, a head ("Leder"/"Chef") on each department. */
export function unitRoleAssignments(ctx: GeneratorContext, m: Municipality): RoleAssignment[] {
  const rng = m.rng.fork('unit-roles');
  const role = (name: string) => ctx.options.uuid('organization-unit-role-types', name);
  const out: RoleAssignment[] = [];
  for (const d of m.directorates.values()) {
    out.push({
      objectKind: 'organizationUnit',
      objectUuid: d.unit.uuid,
      roleUuid: role('Direktør'),
      userUuid: rng.pick(m.users).uuid,
    });
    for (const dept of d.departments) {
      out.push({
        objectKind: 'organizationUnit',
        objectUuid: dept.uuid,
        roleUuid: role(rng.chance(0.5) ? 'Leder' : 'Chef'),
        userUuid: rng.pick(m.users).uuid,
      });
    }
  }
  return out;
}

/** Role options are not obligatory, so each municipality activates the ones it uses. */
export function municipalityLocalOptions(ctx: GeneratorContext, m: Municipality): LocalOption[] {
  const types = ['it-system-usage-role-types', 'it-contract-role-types', 'organization-unit-role-types'] as const;
  return types.flatMap((type) =>
    ctx.options.list(type).map(
      (o): LocalOption => ({
        organizationUuid: m.org.uuid,
        optionUuid: o.uuid,
        isActive: true,
        description: null,
      }),
    ),
  );
}

/**
 * Users with rights-holder access for the largest suppliers: each is a member of the supplier and
 * holds `RightsHolderAccess` there.
 */
export function rightsHolderUsers(
  ctx: GeneratorContext,
  rng: Random,
  suppliers: readonly Supplier[],
  count: number,
): { users: User[]; memberships: OrganizationMembership[] } {
  const users: User[] = [];
  const memberships: OrganizationMembership[] = [];
  for (const s of suppliers.slice(0, count)) {
    const user = newUser(ctx, rng, person(rng), `${s.slug}.example`, new Set(), { hasApiAccess: rng.chance(0.5) });
    users.push(user);
    memberships.push(
      { userUuid: user.uuid, organizationUuid: s.org.uuid, role: 'User' },
      { userUuid: user.uuid, organizationUuid: s.org.uuid, role: 'RightsHolderAccess' },
    );
  }
  return { users, memberships };
}

/** A signer's full name for contracts. */
export function personName(rng: Random): string {
  const [first, last] = person(rng);
  return `${first} ${last}`;
}
