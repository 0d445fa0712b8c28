/**
 * The sample-data generator: a plausible fictional Danish IT portfolio, seeded and deterministic.
 *
 * Shape at scale 1: one municipality with about 150 units, 40 users, 600 usages, 300 contracts,
 * 100 data processing registrations and 40 projects, over a shared catalogue of 1,500 systems and
 * 400 interfaces from 200 fictional suppliers. Scale N gives N municipalities over the same
 * catalogue (scale 100: 100 municipalities, about 60,000 usages; real Denmark has 98).
 *
 * Determinism: every part draws from its own stream derived from the seed (catalogue, suppliers,
 * each municipality and each of its sections), so the same options give byte-identical JSON, and
 * municipality k is the same at every scale except for the partners of its joint project.
 *
 * @module
 */
import {
  type Contract,
  type DataProcessingRegistration,
  type GlobalOption,
  type IsoDate,
  IsoDateSchema,
  type ItInterface,
  type ItSystem,
  type ItSystemUsage,
  type KleTask,
  type LocalOption,
  type Organization,
  type OrganizationMembership,
  type OrganizationUnit,
  type Project,
  type RoleAssignment,
  type User,
} from '@os2kitos/core';
import { generateCatalogue } from './catalogue.js';
import { generateContracts, linkUsagesToContracts } from './contracts.js';
import { type GeneratorContext, sampleOptions } from './context.js';
import { generateDprs } from './dprs.js';
import { illustrativeKleTasks } from './kle.js';
import {
  defaultOrganization,
  generateMunicipality,
  generateSuppliers,
  globalAdmin,
  municipalityLocalOptions,
  municipalityMemberships,
  rightsHolderUsers,
  unitRoleAssignments,
} from './organisation.js';
import { generateProjects } from './projects.js';
import { createRandom } from './random.js';
import { addRelations, generateUsages } from './usages.js';

/** Options of {@link generatePortfolio}. */
export interface GenerateOptions {
  /** Seed of the pseudo-random streams (any integer). Default 1. */
  readonly seed?: number;
  /** Number of municipalities (a positive integer; 1, 10 and 100 are the benchmark sizes). Default 1. */
  readonly scale?: number;
  /** The day the data is generated for (`YYYY-MM-DD`): validity and deadlines are relative to it. */
  readonly today: IsoDate;
}

/** Target sizes; counts per municipality unless marked as shared. */
export const SAMPLE_SIZES = {
  /** Average; each municipality's tree varies by a few units. */
  unitsPerMunicipality: 150,
  usersPerMunicipality: 40,
  usagesPerMunicipality: 600,
  contractsPerMunicipality: 300,
  dataProcessingRegistrationsPerMunicipality: 100,
  projectsPerMunicipality: 40,
  /** Shared catalogue. */
  systems: 1500,
  /** Shared catalogue. */
  interfaces: 400,
  /** Shared. */
  suppliers: 200,
  /** Shared: suppliers with a rights-holder access user. */
  rightsHolderUsers: 8,
} as const;

/** Facts about a generated data set. */
export interface SampleDataInfo {
  readonly seed: number;
  readonly scale: number;
  readonly today: IsoDate;
  /** Uuid of the one global administrator, creator of every record. */
  readonly globalAdminUuid: string;
  /** Uuid of the default organisation "Fælles Kommune". */
  readonly defaultOrganizationUuid: string;
  /** Uuids of the municipalities, in order. */
  readonly municipalityUuids: readonly string[];
}

/** A generated portfolio: plain, JSON-serialisable arrays of stored records. */
export interface SampleData {
  readonly info: SampleDataInfo;
  /** The default organisation, the municipalities, then the suppliers. */
  readonly organizations: Organization[];
  readonly units: OrganizationUnit[];
  readonly users: User[];
  readonly memberships: OrganizationMembership[];
  /** Roles on units and contracts (usages and registrations carry theirs inside). */
  readonly roleAssignments: RoleAssignment[];
  readonly options: GlobalOption[];
  /** Local activation of the (non-obligatory) role options in each municipality. */
  readonly localOptions: LocalOption[];
  /** The illustrative KLE subset (see `kle.ts`). */
  readonly kleTasks: KleTask[];
  readonly itSystems: ItSystem[];
  readonly itInterfaces: ItInterface[];
  readonly usages: ItSystemUsage[];
  readonly contracts: Contract[];
  readonly dataProcessingRegistrations: DataProcessingRegistration[];
  readonly projects: Project[];
}

function checkOptions(options: GenerateOptions): { seed: number; scale: number; today: IsoDate } {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`[kitos] [bench] seed must be an integer: ${seed}`);
  if (!Number.isSafeInteger(scale) || scale < 1) {
    throw new RangeError(`[kitos] [bench] scale must be a positive integer: ${scale}`);
  }
  if (!IsoDateSchema.safeParse(options.today).success) {
    throw new RangeError(`[kitos] [bench] today must be a calendar date YYYY-MM-DD: ${options.today}`);
  }
  return { seed, scale, today: options.today };
}

/**
 * Generates a fictional portfolio of `scale` municipalities sharing one catalogue.
 *
 * @example
 * ```ts
 * const data = generatePortfolio({ seed: 7, scale: 1, today: '2025-06-01' });
 * data.usages.length;    // 600
 * data.itSystems.length; // 1500
 * ```
 */
export function generatePortfolio(options: GenerateOptions): SampleData {
  const { seed, scale, today } = checkOptions(options);
  const root = createRandom(`os2kitos-sample/${seed}`);
  const ctx: GeneratorContext = {
    today,
    stamp: `${today}T08:00:00.000Z`,
    adminUuid: root.fork('global-admin').uuid(),
    options: sampleOptions(),
  };
  const admin = globalAdmin(ctx);
  const defaultOrg = defaultOrganization(ctx, root.fork('default-organization').uuid());
  const municipalities = Array.from({ length: scale }, (_, i) => generateMunicipality(ctx, root, i));
  const suppliers = generateSuppliers(ctx, root.fork('suppliers'), SAMPLE_SIZES.suppliers);
  const catalogue = generateCatalogue(
    ctx,
    root.fork('catalogue'),
    suppliers,
    defaultOrg,
    (slot) => municipalities[slot]?.org.uuid ?? null,
    { systems: SAMPLE_SIZES.systems, interfaces: SAMPLE_SIZES.interfaces, localSlots: Math.max(100, scale) },
  );
  const rightsHolders = rightsHolderUsers(ctx, root.fork('rights-holders'), suppliers, SAMPLE_SIZES.rightsHolderUsers);
  const data: SampleData = {
    info: {
      seed,
      scale,
      today,
      globalAdminUuid: admin.uuid,
      defaultOrganizationUuid: defaultOrg.uuid,
      municipalityUuids: municipalities.map((m) => m.org.uuid),
    },
    organizations: [defaultOrg, ...municipalities.map((m) => m.org), ...suppliers.map((s) => s.org)],
    units: [],
    users: [admin, ...rightsHolders.users],
    memberships: [
      { userUuid: admin.uuid, organizationUuid: defaultOrg.uuid, role: 'User' },
      ...rightsHolders.memberships,
    ],
    roleAssignments: [],
    options: ctx.options.all,
    localOptions: [],
    kleTasks: illustrativeKleTasks(),
    itSystems: catalogue.systems,
    itInterfaces: catalogue.interfaces,
    usages: [],
    contracts: [],
    dataProcessingRegistrations: [],
    projects: [],
  };
  const allMunicipalityUuids = data.info.municipalityUuids;
  for (const m of municipalities) {
    const usages = generateUsages(ctx, m, catalogue, SAMPLE_SIZES.usagesPerMunicipality);
    addRelations(ctx, m, usages, catalogue);
    const contracts = generateContracts(ctx, m, usages, suppliers, SAMPLE_SIZES.contractsPerMunicipality);
    linkUsagesToContracts(m, usages, contracts);
    const dprs = generateDprs(
      ctx,
      m,
      usages,
      contracts,
      suppliers,
      SAMPLE_SIZES.dataProcessingRegistrationsPerMunicipality,
    );
    const partners = allMunicipalityUuids.filter((uuid) => uuid !== m.org.uuid);
    const projects = generateProjects(ctx, m, usages, contracts, partners, SAMPLE_SIZES.projectsPerMunicipality);
    data.units.push(...m.units);
    data.users.push(...m.users);
    data.memberships.push(...municipalityMemberships(m));
    data.roleAssignments.push(...unitRoleAssignments(ctx, m));
    data.localOptions.push(...municipalityLocalOptions(ctx, m));
    for (const u of usages) data.usages.push(u.usage);
    for (const c of contracts) data.contracts.push(c.contract);
    data.dataProcessingRegistrations.push(...dprs);
    data.projects.push(...projects);
  }
  return data;
}
