/**
 * The coordination service: each organisation's sharing setting (written through the generic
 * entity service: validated, versioned, audited, only by the organisation's admin), and the reads
 * across municipalities — the national catalogue, who uses a system and how, the joint procurement
 * radar, contracts like mine, and landscapes like mine — every record through the sharing rules.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import {
  type CatalogueFilters,
  catalogueEntries,
  catalogueFilters,
  cataloguePage,
  type NationalCataloguePage,
  type NationalCatalogueQuery,
  NationalCatalogueQuerySchema,
  pageInterfaces,
  type SystemUse,
  systemUse,
} from '../coordination/catalogue.rules.js';
import {
  type CoordinationBase,
  type CoordinationData,
  type CoordinationReference,
  indexCoordinationBase,
  withRecords,
} from '../coordination/data.js';
import type { Contract } from '../contract/contract.schema.js';
import {
  type LandscapeSuggestion,
  type LandscapeSuggestionsQuery,
  LandscapeSuggestionsQuerySchema,
  landscapeSuggestions,
  type SimilarLandscape,
  type SimilarLandscapesQuery,
  SimilarLandscapesQuerySchema,
  similarLandscapes,
} from '../coordination/landscapes.rules.js';
import {
  contractsLikeMine,
  type LikeMine,
  procurementRadar,
  type Radar,
  radarSystems,
  type RadarQuery,
  RadarQuerySchema,
} from '../coordination/radar.rules.js';
import { privilegedFor, readsPrivately, sharingIssues } from '../coordination/sharing.rules.js';
import {
  defaultSharing,
  type SharingSetting,
  SharingSettingCreateSchema,
  type SharingSettingFields,
  SharingSettingFieldsSchema,
  type SharingSettingPatch,
  SharingSettingPatchSchema,
} from '../coordination/sharing.schema.js';
import { assertMayCoordinate, assertMemberOf } from '../coordination/reads.js';
import { viewerOf } from '../coordination/viewer.js';
import { type ArchitectureCoverage, architectureCoverage } from '../coordination/architecture.rules.js';
import {
  type ArchitectureElement,
  type ArchitectureElementCreate,
  ArchitectureElementCreateSchema,
  ArchitectureElementFieldsSchema,
  type ArchitectureElementPatch,
  ArchitectureElementPatchSchema,
} from '../coordination/architecture.schema.js';
import type { Organization } from '../organisation/organization.schema.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import type { RuleViolation } from '../shared/result.js';
import { effectiveUsageKle } from '../usage/usage-kle.rules.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { PositionCache } from '../engine/cache.js';
import type { CallContext } from '../engine/call.js';
import { mergePatch } from '../engine/defaults.js';
import type { WriteOptions } from '../engine/repository.js';
import { type CallRunner, createEntityService, type EntityService, kindLock } from '../engine/service.js';
import { writeEntity } from '../engine/repository.js';
import { REFERENCE_ARCHITECTURE_SEED, seedArchitectureElements } from '../coordination/architecture.seed.js';
import { KitosConflictError, KitosForbiddenError, KitosNotFoundError } from '../shared/errors.js';
import { parse, UuidSchema } from '../shared/schema.js';
import { kindPositionKey, type StorageAdapter } from '../storage/port.js';
import {
  type ConsumersState,
  contractFacts,
  contractsOfSupplier,
  contractsOfUsages,
  loadConsumers,
  loadCoordinationReference,
  loadUsageState,
  projectFacts,
  projectsOfUsages,
  refreshConsumers,
  refreshUsageState,
  type UsageState,
  usageFacts,
  usagesOfSystems,
} from './coordination-data.js';
import { violationError } from './enforce.js';
import {
  ARCHITECTURE,
  CONTRACT,
  GLOBAL_OPTION,
  INTERFACE,
  KLE,
  ORGANIZATION,
  PROJECT,
  SHARING,
  SYSTEM,
  UNIT,
  USAGE,
  USER,
} from './kinds.js';
import { allOf, uuidsInOrganization } from './lookup.js';

/** An organisation's sharing setting as read: the stored one, or the default at version 0. */
export type SharingSettingState = SharingSettingFields & {
  /** `null` while the organisation has never stored a setting. */
  readonly uuid: string | null;
  readonly version: number;
};

/**
 * Reads and settings across municipalities.
 *
 * @example
 * ```ts
 * await kitos.coordination.updateSharing(localAdmin, org, { contracts: { scope: 'Public', fields: ['supplier', 'endQuarter'] } });
 * const radar = await kitos.coordination.radar(user, { systemUuid, months: 24 });
 * radar.groups[0]?.quarters.map((q) => q.quarter);
 * ```
 */
export interface CoordinationService {
  /** The organisation's sharing setting (members of the organisation and global admins). */
  sharing(actor: Actor, organizationUuid: string): Promise<SharingSettingState>;
  /**
   * Changes the organisation's sharing setting (its local admin or a global admin); the first
   * change creates it. `expectedVersion` 0 means "none stored yet".
   */
  updateSharing(
    actor: Actor,
    organizationUuid: string,
    patch: SharingSettingPatch,
    options?: WriteOptions,
  ): Promise<SharingSetting>;
  /** A page of the national catalogue, most used systems first. */
  catalogue(actor: Actor, query?: NationalCatalogueQuery): Promise<NationalCataloguePage>;
  /** What the catalogue can be filtered by: KLE tasks, rights holders and business types of its systems. */
  catalogueFilters(actor: Actor): Promise<CatalogueFilters>;
  /** Who uses a system and how, as shared. */
  systemUse(actor: Actor, systemUuid: string): Promise<SystemUse>;
  /** The joint procurement radar. */
  radar(actor: Actor, query: RadarQuery): Promise<Radar>;
  /** Other organisations' shared contracts like one of the reader's own, nearest end first. */
  contractsLikeMine(actor: Actor, contractUuid: string, options?: { readonly limit?: number }): Promise<LikeMine[]>;
  /** The organisations whose portfolios are most like the organisation's. */
  similarLandscapes(actor: Actor, query: SimilarLandscapesQuery): Promise<SimilarLandscape[]>;
  /** Systems for a KLE task that similar organisations use and the organisation does not. */
  suggestions(actor: Actor, query: LandscapeSuggestionsQuery): Promise<LandscapeSuggestion[]>;
  /**
   * The joint reference architecture: one global list of elements (shared infrastructure and
   * standards) with their catalogue systems and interfaces; read by everyone, kept by global admins.
   */
  readonly architecture: EntityService<ArchitectureElement, ArchitectureElementCreate, ArchitectureElementPatch>;
  /**
   * Loads the elements of the joint municipal reference architecture and the national
   * infrastructure ({@link REFERENCE_ARCHITECTURE_SEED}) into the list (global admins only), each
   * without systems or interfaces. Idempotent: an element already there (by its seed uuid or by
   * name, whatever the case) is left as it is. Returns how many were added.
   */
  seedArchitecture(actor: Actor): Promise<number>;
  /** How much of the organisation's portfolio is tied to the reference architecture (members only). */
  architectureCoverage(actor: Actor, organizationUuid: string): Promise<ArchitectureCoverage>;
}

function mustCoordinate(call: CallContext): void {
  assertMayCoordinate(call.actor);
}

function mustBeMember(call: CallContext, organizationUuid: string): void {
  assertMemberOf(call.actor, organizationUuid);
}

/** The entity service of the reference architecture's elements. */
function architectureEntities(runner: CallRunner) {
  return createEntityService(runner, {
    def: ARCHITECTURE,
    fieldsSchema: ArchitectureElementFieldsSchema,
    createSchema: ArchitectureElementCreateSchema,
    patchSchema: ArchitectureElementPatchSchema,
    protect: (_call, e) => ({ kind: 'architectureElement' as const, uuid: e.uuid, organizationUuid: null }),
    createOrganization: () => null,
    prepareCreate: (_call, input) => ({ description: null, systemUuids: [], interfaceUuids: [], ...input }),
    check: async (call, next) => {
      const issues: RuleViolation[] = [];
      for (const [field, kind] of [
        ['systemUuids', SYSTEM.kind],
        ['interfaceUuids', INTERFACE.kind],
      ] as const)
        for (const [i, uuid] of next[field].entries())
          if (!(await call.tx.get(kind, uuid)))
            issues.push({ code: 'not-found', path: [field, i], message: `no ${kind} with uuid ${uuid}` });
      if (issues.length > 0) throw violationError(issues, 'coordination');
    },
  });
}

/** The entity service of sharing settings: the one write path. */
function sharingEntities(runner: CallRunner) {
  return createEntityService(runner, {
    def: SHARING,
    fieldsSchema: SharingSettingFieldsSchema.omit({ organizationUuid: true }),
    createSchema: SharingSettingCreateSchema,
    patchSchema: SharingSettingPatchSchema,
    protect: (_call, s) => ({ kind: 'sharingSetting' as const, uuid: s.uuid, organizationUuid: s.organizationUuid }),
    createOrganization: (i) => i.organizationUuid,
    prepareCreate: (_call, { organizationUuid, ...rest }) => mergePatch(defaultSharing(organizationUuid), rest),
    check: async (call, next) => {
      const issues = sharingIssues(next);
      // Exceptions name the organisation's own usages, contracts and projects only.
      const own = new Set<string>();
      for (const kind of [USAGE.kind, CONTRACT.kind, PROJECT.kind])
        for (const uuid of await uuidsInOrganization(call.tx, kind, next.organizationUuid)) own.add(uuid);
      if (next.communityMembers.length > 0) {
        const owner = (await call.tx.get<Organization>(ORGANIZATION.kind, next.organizationUuid))?.data;
        if (owner?.type !== 'Interessefællesskab')
          issues.push({
            code: 'invalid-value',
            path: ['communityMembers'],
            message: 'only an interest community (Interessefællesskab) has members',
          });
        for (const [i, m] of next.communityMembers.entries())
          if (!(await call.tx.get(ORGANIZATION.kind, m)))
            issues.push({ code: 'not-found', path: ['communityMembers', i], message: `no organisation ${m}` });
      }
      next.exceptions.forEach((e, i) => {
        if (!own.has(e.uuid))
          issues.push({
            code: 'not-same-organisation',
            path: ['exceptions', i, 'uuid'],
            message: `${e.uuid} is not a usage, contract or project of this organisation`,
          });
      });
      if (issues.length > 0) throw violationError(issues, 'coordination');
    },
  });
}

async function storedSetting(call: CallContext, organizationUuid: string): Promise<SharingSetting | undefined> {
  return (await allOf<SharingSetting>(call.tx, SHARING.kind, organizationUuid))[0];
}

/**
 * Every kind the cached values of the coordination reads are computed from: the reference data,
 * usages (counts, portfolios, consumers), contracts and their usages and role holders (the radar).
 */
const STATE_KEYS = [ORGANIZATION, SHARING, SYSTEM, INTERFACE, KLE, GLOBAL_OPTION, USAGE, CONTRACT, USER]
  .map((k) => kindPositionKey(k.kind))
  .sort();

/** Most values one snapshot keeps (pages' consumers and radar subjects add up). */
const MEMO_CAPACITY = 256;

/** The values of the caches as of one token (see `snapshotOf`). */
interface Snapshot {
  get<V>(key: string, compute: () => Promise<V>): Promise<V>;
}

/** The coordination service. */
export function coordinationService(
  runner: CallRunner,
  storage?: Pick<StorageAdapter, 'position' | 'positionsOf'>,
): CoordinationService {
  const entities = sharingEntities(runner);
  const architecture = architectureEntities(runner);
  // The reference data and who uses what (the usage counts and every portfolio) serve every reader
  // until what they were read from changes (a usage write leaves the reference data alone); each
  // read then loads only the records it is about. Who uses what and a page's consumers are brought
  // up to date from the change feed after usage writes instead of being read again (ADR 0071).
  const references = new PositionCache<CoordinationReference>(storage ?? {}, 2);
  const usageStates = new PositionCache<UsageState>(storage ?? {}, 2);
  const consumers = new PositionCache<ConsumersState>(storage ?? {}, 16);
  const usageKey = kindPositionKey(USAGE.kind);
  const position = async () => (storage?.position ? await storage.position() : undefined);
  const usageState = (call: CallContext) =>
    cached(call, 'usages', () =>
      usageStates.get('all', call.tx, async (tx) => loadUsageState(tx, await position()), {
        keys: [usageKey],
        // The feed of usages is what the usage kind's position counts: the reader need not track it.
        apply: async (old, tx) => refreshUsageState(tx, old, (await position()) ?? 0),
      }),
    );
  // Each cache above reads its own token, one round trip each on PostgreSQL. A read first reads one
  // token over every kind the cached values are computed from (STATE_KEYS): while it stands, the
  // values a read took from the caches serve the next read without asking them again.
  let memo: { token: string; values: Map<string, Promise<unknown>> } | undefined;
  const snapshots = new WeakMap<CallContext, Promise<Snapshot>>();
  const snapshotOf = (call: CallContext): Promise<Snapshot> => {
    let snapshot = snapshots.get(call);
    if (!snapshot) {
      snapshot = (async (): Promise<Snapshot> => {
        const token = storage?.positionsOf ? await storage.positionsOf(STATE_KEYS) : undefined;
        if (token === undefined) return { get: (_key, compute) => compute() };
        if (memo?.token !== token) memo = { token, values: new Map() };
        const values = memo.values;
        return {
          get: <V>(key: string, compute: () => Promise<V>): Promise<V> => {
            const known = values.get(key);
            if (known) return known as Promise<V>;
            const value = compute();
            if (values.size >= MEMO_CAPACITY) values.clear();
            values.set(key, value);
            value.catch(() => values.delete(key));
            return value;
          },
        };
      })();
      snapshots.set(call, snapshot);
    }
    return snapshot;
  };
  /** A value of the caches, through the read's snapshot. */
  const cached = async <V>(call: CallContext, key: string, compute: () => Promise<V>): Promise<V> =>
    (await snapshotOf(call)).get(key, compute);
  let last:
    | { reference: CoordinationReference; counts: ReadonlyMap<string, number>; base: CoordinationBase }
    | undefined;
  const baseOf = async (call: CallContext): Promise<CoordinationBase> => {
    mustCoordinate(call);
    return cached(call, 'base', async () => {
      const reference = await references.get('reference', call.tx, loadCoordinationReference);
      const { userCounts } = await usageState(call);
      if (last?.reference !== reference || last.counts !== userCounts)
        last = { reference, counts: userCounts, base: indexCoordinationBase(reference, userCounts) };
      return last.base;
    });
  };
  const allPortfolios = async (call: CallContext) => (await usageState(call)).portfolios;
  const viewer = (
    call: CallContext,
    base: CoordinationBase,
    records: Omit<Parameters<typeof withRecords>[1], 'today'> = {},
  ) => viewerOf(call.actor, withRecords(base, { today: call.today, ...records }));
  /** Organisations whose contracts the reader could see at all (a filter pushed into the query). */
  const contractOwners = (call: CallContext, base: CoordinationBase) =>
    [...base.organizations.keys()].filter((org) => {
      const s = base.settings.get(org);
      return (
        privilegedFor(call.actor, org, s ?? defaultSharing(org)) ||
        s?.contracts.scope === 'Public' ||
        !!s?.exceptions.some((e) => e.scope === 'Public')
      );
    });
  const contractsOn = async (call: CallContext, base: CoordinationBase, usageUuids: readonly string[]) => {
    const owners = new Set(contractOwners(call, base));
    return (await contractsOfUsages(call.tx, usageUuids)).filter((c) => owners.has(c.organizationUuid));
  };
  // The contract facts of a radar subject (a set of systems, or a supplier) for a day, indexed, per
  // store state and reference data (whose names the facts carry); each reader then sees them
  // through the sharing rules (which show no contract its owner does not share with the reader).
  const radarFacts = new PositionCache<CoordinationData>(storage ?? {}, 64);
  const baseIds = new WeakMap<CoordinationBase, number>();
  let nextBaseId = 0;
  const baseId = (base: CoordinationBase): number => {
    const known = baseIds.get(base);
    if (known !== undefined) return known;
    nextBaseId++;
    baseIds.set(base, nextBaseId);
    return nextBaseId;
  };
  const radarData = (
    call: CallContext,
    base: CoordinationBase,
    systems: readonly string[] | undefined,
    supplier?: string,
  ) => {
    const key = `${baseId(base)}|${call.today}|${systems ? `s:${[...systems].sort().join(',')}` : `p:${supplier}`}`;
    return cached(call, `radar|${key}`, () =>
      radarFacts.get(key, call.tx, async (tx) => {
        const usages = systems ? await usagesOfSystems(tx, systems) : [];
        const loaded = systems
          ? await contractsOfUsages(
              tx,
              usages.map((u) => u.uuid),
            )
          : await contractsOfSupplier(tx, supplier ?? '');
        const contracts = await contractFacts(tx, base, loaded, usages, call.today);
        return withRecords(base, { today: call.today, contracts });
      }),
    );
  };
  return {
    sharing: (actor, organizationUuid) =>
      runner.read(actor, async (call) => {
        const org = parse(UuidSchema, organizationUuid, 'coordination');
        mustBeMember(call, org);
        const stored = await storedSetting(call, org);
        if (!stored) return { ...defaultSharing(org), uuid: null, version: 0 };
        const { createdAt, createdBy, lastChanged, lastChangedBy, ...rest } = stored;
        return rest;
      }),
    updateSharing: async (actor, organizationUuid, patch, options = {}) => {
      const org = parse(UuidSchema, organizationUuid, 'coordination');
      const stored = await runner.read(actor, (call) => {
        mustBeMember(call, org);
        return storedSetting(call, org);
      });
      const expected = options.expectedVersion;
      if (expected !== undefined && expected !== (stored?.version ?? 0))
        throw new KitosConflictError('coordination', 'the sharing setting was changed by someone else', {
          code: 'version-mismatch',
          expected,
          actual: stored?.version ?? 0,
        });
      if (stored) return entities.patch(actor, stored.uuid, patch, options);
      return entities.create(actor, { ...(patch as object), organizationUuid: org });
    },
    catalogue: (actor, query = {}) =>
      runner.read(actor, async (call) => {
        const q = parse(NationalCatalogueQuerySchema, query, 'coordination');
        if (q.organizationUuid) mustBeMember(call, q.organizationUuid);
        const base = await baseOf(call);
        const org = q.organizationUuid;
        const own = new Map<string, ReadonlySet<string>>();
        if (org) own.set(org, (await allPortfolios(call)).get(org) ?? new Set());
        const page = cataloguePage(viewer(call, base, { portfolios: own }), q);
        // Only the usages that consume the page's interfaces are read, for the consumers.
        const wanted = pageInterfaces(viewer(call, base), page.systems).sort();
        const key = wanted.join(',');
        const { index } = await cached(call, `consumers|${key}`, () =>
          consumers.get(key, call.tx, async (tx) => loadConsumers(tx, wanted, await position()), {
            keys: [usageKey],
            apply: async (old, tx) => refreshConsumers(tx, old, wanted, await position()),
          }),
        );
        return catalogueEntries(viewer(call, base, { consumers: index, portfolios: own }), q, page);
      }),
    catalogueFilters: (actor) => runner.read(actor, async (call) => catalogueFilters(viewer(call, await baseOf(call)))),
    systemUse: (actor, systemUuid) =>
      runner.read(actor, async (call) => {
        const uuid = parse(UuidSchema, systemUuid, 'coordination');
        const base = await baseOf(call);
        const notFound = () =>
          new KitosNotFoundError('coordination', `itSystem ${uuid} does not exist or is not visible to you`, {
            kind: 'itSystem',
            uuid,
          });
        if (!viewer(call, base).system(uuid)) throw notFound();
        const usages = await usagesOfSystems(call.tx, [uuid]);
        const ids = usages.map((u) => u.uuid);
        const contracts = await contractFacts(call.tx, base, await contractsOn(call, base, ids), usages, call.today);
        const projects = await projectFacts(call.tx, await projectsOfUsages(call.tx, ids), usages);
        const facts = await usageFacts(call.tx, usages, true);
        const use = systemUse(viewer(call, base, { usages: facts, contracts, projects }), uuid);
        if (!use) throw notFound();
        return use;
      }),
    radar: (actor, query) =>
      runner.read(actor, async (call) => {
        const q = parse(RadarQuerySchema, query, 'coordination');
        const base = await baseOf(call);
        const data = await radarData(call, base, radarSystems(base, q), q.supplierUuid);
        return procurementRadar(viewerOf(call.actor, data), q);
      }),
    contractsLikeMine: (actor, contractUuid, options = {}) =>
      runner.read(actor, async (call) => {
        const uuid = parse(UuidSchema, contractUuid, 'coordination');
        const limit = parse(SimilarLandscapesQuerySchema.shape.limit, options.limit, 'coordination');
        const base = await baseOf(call);
        const stored = (await call.tx.get<Contract>(CONTRACT.kind, uuid))?.data;
        if (!stored || !readsPrivately(call.actor, stored.organizationUuid))
          throw new KitosNotFoundError('coordination', `itContract ${uuid} does not exist or is not visible to you`, {
            kind: 'itContract',
            uuid,
          });
        const [mine] = await contractFacts(call.tx, base, [stored], [], call.today);
        const usages = await usagesOfSystems(call.tx, mine?.systemUuids ?? []);
        const owners = new Set(contractOwners(call, base));
        const bySupplier = stored.supplier.organizationUuid
          ? (await contractsOfSupplier(call.tx, stored.supplier.organizationUuid)).filter((c) =>
              owners.has(c.organizationUuid),
            )
          : [];
        const others = new Map(
          [
            ...(await contractsOn(
              call,
              base,
              usages.map((u) => u.uuid),
            )),
            ...bySupplier,
          ].map((c) => [c.uuid, c]),
        );
        others.delete(uuid);
        const contracts = await contractFacts(call.tx, base, [...others.values()], usages, call.today);
        const v = viewer(call, base, { contracts: mine ? [mine, ...contracts] : contracts });
        return mine ? contractsLikeMine(v, mine, limit) : [];
      }),
    similarLandscapes: (actor, query) =>
      runner.read(actor, async (call) => {
        const q = parse(SimilarLandscapesQuerySchema, query, 'coordination');
        mustBeMember(call, q.organizationUuid);
        const base = await baseOf(call);
        const all = await allPortfolios(call);
        return similarLandscapes(viewer(call, base, { portfolios: all }), q);
      }),
    suggestions: (actor, query) =>
      runner.read(actor, async (call) => {
        const q = parse(LandscapeSuggestionsQuerySchema, query, 'coordination');
        mustBeMember(call, q.organizationUuid);
        const base = await baseOf(call);
        const all = await allPortfolios(call);
        return landscapeSuggestions(viewer(call, base, { portfolios: all }), q);
      }),
    architecture,
    seedArchitecture: (actor) =>
      runner.write(actor, async (call) => {
        if (!call.actor.isGlobalAdmin)
          throw new KitosForbiddenError('coordination', 'only global admins load the reference architecture', {
            kind: ARCHITECTURE.kind,
          });
        await call.tx.lock([kindLock(ARCHITECTURE.kind)]);
        const stored = await allOf<ArchitectureElement>(call.tx, ARCHITECTURE.kind);
        const uuids = new Set(stored.map((e) => e.uuid));
        const names = new Set(stored.map((e) => e.name.toLocaleLowerCase('da')));
        let added = 0;
        for (const element of seedArchitectureElements()) {
          if (uuids.has(element.uuid) || names.has(element.name.toLocaleLowerCase('da'))) continue;
          await writeEntity(call.tx, ARCHITECTURE, call.write, element, undefined);
          added++;
        }
        return added;
      }),
    architectureCoverage: (actor, organizationUuid) =>
      runner.read(actor, async (call) => {
        const org = parse(UuidSchema, organizationUuid, 'coordination');
        mustBeMember(call, org);
        const base = await baseOf(call);
        const usages = await allOf<ItSystemUsage>(call.tx, USAGE.kind, org);
        const units = new Map((await allOf<OrganizationUnit>(call.tx, UNIT.kind, org)).map((u) => [u.uuid, u.name]));
        const elements = await allOf<ArchitectureElement>(call.tx, ARCHITECTURE.kind);
        return architectureCoverage(
          usages.map((u) => ({
            systemUuid: u.systemUuid,
            responsibleUnitUuid: u.organizationUsage.responsibleUnitUuid,
            interfaceUuids: u.outgoingSystemRelations.flatMap((r) => r.interfaceUuid ?? []),
            kleUuids: effectiveUsageKle(base.systems.get(u.systemUuid)?.kleUuids ?? [], u.localKleDeviations),
          })),
          elements,
          { unitName: (uuid) => units.get(uuid), kle: base.kle },
        );
      }),
  };
}
