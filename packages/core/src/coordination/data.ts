/**
 * What the coordination reads compute from: every organisation's usages, contracts and projects as
 * facts, with the shared catalogue, built once per store state and never returned as such (every
 * record leaves through the sharing rules). Also the look-ups the reads share.
 *
 * @module
 */
import type { IsoDate } from '../shared/dates.js';
import type { AccessModifier } from '../shared/enums.js';
import { type ContractFacts, type ProjectFacts, type UsageFacts, usageSharedFields } from './sharing.rules.js';
import { defaultSharing } from './sharing.schema.js';
import type { SharingSettingFields } from './sharing.schema.js';

/** An organisation as the coordination reads need it. */
export interface OrganizationFacts {
  readonly uuid: string;
  readonly name: string;
  readonly type: string;
  readonly accessModifier: AccessModifier;
}

/** A catalogue system as the coordination reads need it. */
export interface SystemFacts {
  readonly uuid: string;
  readonly name: string;
  readonly organizationUuid: string;
  readonly accessModifier: AccessModifier;
  readonly rightsHolderUuid: string | null;
  readonly businessTypeUuid: string | null;
  readonly kleUuids: readonly string[];
  readonly deactivated: boolean;
}

/** A catalogue interface. */
export interface InterfaceFacts {
  readonly uuid: string;
  readonly name: string;
  readonly organizationUuid: string;
  readonly accessModifier: AccessModifier;
  readonly exposedBySystemUuid: string | null;
}

/** A KLE task. */
export interface KleFacts {
  readonly uuid: string;
  readonly taskKey: string;
  readonly description: string;
}

/** Everything the coordination reads compute from, with indexes. */
export interface CoordinationData {
  readonly today: IsoDate;
  readonly organizations: ReadonlyMap<string, OrganizationFacts>;
  /** Stored settings; an organisation without one has {@link defaultSharing}. */
  readonly settings: ReadonlyMap<string, SharingSettingFields>;
  readonly systems: ReadonlyMap<string, SystemFacts>;
  readonly interfaces: ReadonlyMap<string, InterfaceFacts>;
  /** Interfaces by exposing system. */
  readonly interfacesBySystem: ReadonlyMap<string, readonly InterfaceFacts[]>;
  readonly kle: ReadonlyMap<string, KleFacts>;
  /** Option names (business types, procurement strategies, purchase types). */
  readonly optionNames: ReadonlyMap<string, string>;
  readonly usages: readonly UsageFacts[];
  readonly usagesBySystem: ReadonlyMap<string, readonly UsageFacts[]>;
  /** Usages whose outgoing relations use each interface, by the consuming usage's system. */
  readonly consumersByInterface: ConsumerIndex;
  readonly contracts: readonly ContractFacts[];
  readonly contractsBySystem: ReadonlyMap<string, readonly ContractFacts[]>;
  readonly contractsBySupplier: ReadonlyMap<string, readonly ContractFacts[]>;
  readonly contractsByUuid: ReadonlyMap<string, ContractFacts>;
  readonly projects: readonly ProjectFacts[];
  readonly projectsBySystem: ReadonlyMap<string, readonly ProjectFacts[]>;
  /** Catalogue systems, most used first, then by name (Danish order). */
  readonly systemsByUse: readonly SystemFacts[];
  /** Each system's place in Danish alphabetical order (ties in rankings go by it). */
  readonly nameRank: ReadonlyMap<string, number>;
  /** How many organisations use each system. */
  readonly userCounts: ReadonlyMap<string, number>;
  /** Systems used, per organisation ("uses system X" is what every organisation shares). */
  readonly portfolios: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Interface → consuming system → the usages of that system whose outgoing relations use the interface. */
export type ConsumerIndex = ReadonlyMap<string, ReadonlyMap<string, readonly UsageFacts[]>>;

/**
 * Indexes usages by the interfaces they consume and, under each, by their system (so a read that
 * names consuming systems looks at one usage per system once one of them may be shown).
 *
 * @example
 * ```ts
 * const index = indexConsumers(usages);
 * [...(index.get(interfaceUuid)?.keys() ?? [])]; // the systems consuming it
 * ```
 */
export function indexConsumers(usages: readonly UsageFacts[]): ConsumerIndex {
  const out = new Map<string, Map<string, UsageFacts[]>>();
  for (const u of usages)
    for (const i of u.interfaceUuids) {
      let bySystem = out.get(i);
      if (!bySystem) {
        bySystem = new Map();
        out.set(i, bySystem);
      }
      addTo(bySystem, u.systemUuid, u);
    }
  return out;
}

/** One consuming system of an interface, as far as the owners' settings decide who may learn of it. */
export interface ConsumerSummary {
  readonly systemUuid: string;
  /** Whether one of its consuming usages shares its interfaces with everyone. */
  readonly publicly: boolean;
  /** The organisations of its consuming usages (their privileged readers see the interfaces). */
  readonly owners: readonly string[];
}

const summaries = new WeakMap<
  ConsumerIndex,
  { settings: CoordinationData['settings']; summary: ReadonlyMap<string, readonly ConsumerSummary[]> }
>();

/**
 * The consumers of each interface with what decides, for any reader, whether a consuming system
 * may be named: whether one of its usages shares its interfaces publicly (`usageSharedFields` for
 * a reader who is not privileged) and the owners of its usages (a privileged reader of one of them
 * sees them all). Computed once per consumer index and settings, so a read judges each consuming
 * system by its owners instead of each usage.
 *
 * @example
 * ```ts
 * consumerSummary(data).get(interfaceUuid)?.filter((c) => c.publicly).map((c) => c.systemUuid);
 * ```
 */
export function consumerSummary(
  data: Pick<CoordinationData, 'consumersByInterface' | 'settings'>,
): ReadonlyMap<string, readonly ConsumerSummary[]> {
  const known = summaries.get(data.consumersByInterface);
  if (known?.settings === data.settings) return known.summary;
  const summary = new Map<string, ConsumerSummary[]>();
  for (const [interfaceUuid, bySystem] of data.consumersByInterface) {
    const list: ConsumerSummary[] = [];
    for (const [systemUuid, usages] of bySystem) {
      const owners = [...new Set(usages.map((u) => u.organizationUuid))];
      const publicly = usages.some((u) =>
        usageSharedFields(
          u,
          data.settings.get(u.organizationUuid) ?? defaultSharing(u.organizationUuid),
          false,
        ).includes('interfaces'),
      );
      list.push({ systemUuid, publicly, owners });
    }
    summary.set(interfaceUuid, list);
  }
  summaries.set(data.consumersByInterface, { settings: data.settings, summary });
  return summary;
}

let collator: Intl.Collator | undefined;

/**
 * Danish order of names, through one collator made on first use (`localeCompare(…, 'da')` builds
 * one per call, which dominated sorting whole portfolios).
 *
 * @example
 * ```ts
 * ['Åby', 'Zeta'].sort(compareDanish); // ['Zeta', 'Åby']
 * ```
 */
export function compareDanish(a: string, b: string): number {
  collator ??= new Intl.Collator('da');
  return collator.compare(a, b);
}

/** Pushes `value` onto the list under `key`. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The shared reference data: organisations, settings, catalogue, KLE, option names. */
export type CoordinationReference = Pick<
  CoordinationData,
  'organizations' | 'settings' | 'systems' | 'interfaces' | 'interfacesBySystem' | 'kle' | 'optionNames' | 'nameRank'
>;

/** The reference data with how many organisations use each system. */
export type CoordinationBase = CoordinationReference & Pick<CoordinationData, 'systemsByUse' | 'userCounts'>;

/**
 * Indexes the shared reference data (once per change of it: it also ranks the systems by name).
 *
 * @example
 * ```ts
 * const reference = indexCoordinationReference({ organizations, settings, systems, interfaces, kle, optionNames });
 * reference.nameRank.get(systemUuid); // its place in Danish alphabetical order
 * ```
 */
export function indexCoordinationReference(input: {
  readonly organizations: readonly OrganizationFacts[];
  readonly settings: readonly SharingSettingFields[];
  readonly systems: readonly SystemFacts[];
  readonly interfaces: readonly InterfaceFacts[];
  readonly kle: readonly KleFacts[];
  readonly optionNames: ReadonlyMap<string, string>;
}): CoordinationReference {
  const interfacesBySystem = new Map<string, InterfaceFacts[]>();
  for (const i of input.interfaces) if (i.exposedBySystemUuid) addTo(interfacesBySystem, i.exposedBySystemUuid, i);
  const byName = [...input.systems].sort((a, b) => compareDanish(a.name, b.name) || (a.uuid < b.uuid ? -1 : 1));
  return {
    organizations: new Map(input.organizations.map((o) => [o.uuid, o])),
    settings: new Map(input.settings.map((s) => [s.organizationUuid, s])),
    systems: new Map(input.systems.map((s) => [s.uuid, s])),
    interfaces: new Map(input.interfaces.map((i) => [i.uuid, i])),
    interfacesBySystem,
    kle: new Map(input.kle.map((k) => [k.uuid, k])),
    optionNames: input.optionNames,
    nameRank: new Map(byName.map((s, i) => [s.uuid, i])),
  };
}

/**
 * The reference data with usage counts: systems most used first, then by name.
 *
 * @example
 * ```ts
 * const base = indexCoordinationBase(reference, userCounts);
 * base.systemsByUse[0]; // the most used system
 * ```
 */
export function indexCoordinationBase(
  reference: CoordinationReference,
  userCounts: ReadonlyMap<string, number>,
): CoordinationBase {
  const rank = reference.nameRank;
  const systemsByUse = [...reference.systems.values()].sort(
    (a, b) =>
      (userCounts.get(b.uuid) ?? 0) - (userCounts.get(a.uuid) ?? 0) ||
      (rank.get(a.uuid) ?? 0) - (rank.get(b.uuid) ?? 0),
  );
  return { ...reference, systemsByUse, userCounts };
}

/**
 * The data of one read: the shared reference data with the records the read loaded (a read loads
 * only the records it is about; `portfolios` defaults to those of the given usages).
 *
 * @example
 * ```ts
 * const data = withRecords(base, { today, usages, contracts, projects });
 * data.contractsBySystem.get(systemUuid);
 * ```
 */
export function withRecords(
  base: CoordinationBase,
  input: {
    readonly today: IsoDate;
    readonly usages?: readonly UsageFacts[];
    readonly contracts?: readonly ContractFacts[];
    readonly projects?: readonly ProjectFacts[];
    readonly portfolios?: ReadonlyMap<string, ReadonlySet<string>>;
    /** The consumers of interfaces, already indexed (else indexed from `usages`). */
    readonly consumers?: ConsumerIndex;
  },
): CoordinationData {
  const usages = input.usages ?? [];
  const contracts = input.contracts ?? [];
  const projects = input.projects ?? [];
  const usagesBySystem = new Map<string, UsageFacts[]>();
  const portfolios = new Map<string, Set<string>>();
  for (const u of usages) {
    addTo(usagesBySystem, u.systemUuid, u);
    const p = portfolios.get(u.organizationUuid);
    if (p) p.add(u.systemUuid);
    else portfolios.set(u.organizationUuid, new Set([u.systemUuid]));
  }
  const contractsBySystem = new Map<string, ContractFacts[]>();
  const contractsBySupplier = new Map<string, ContractFacts[]>();
  for (const c of contracts) {
    for (const s of c.systemUuids) addTo(contractsBySystem, s, c);
    if (c.supplierUuid) addTo(contractsBySupplier, c.supplierUuid, c);
  }
  const projectsBySystem = new Map<string, ProjectFacts[]>();
  for (const p of projects) for (const s of p.systemUuids) addTo(projectsBySystem, s, p);
  return {
    ...base,
    today: input.today,
    usages,
    usagesBySystem,
    consumersByInterface: input.consumers ?? indexConsumers(usages),
    contracts,
    contractsBySystem,
    contractsBySupplier,
    contractsByUuid: new Map(contracts.map((c) => [c.uuid, c])),
    projects,
    projectsBySystem,
    portfolios: input.portfolios ?? portfolios,
  };
}

/** Every fact the coordination reads compute from, as plain lists (see {@link indexCoordinationData}). */
export interface CoordinationFacts {
  readonly organizations: readonly OrganizationFacts[];
  readonly settings: readonly SharingSettingFields[];
  readonly systems: readonly SystemFacts[];
  readonly interfaces: readonly InterfaceFacts[];
  readonly kle: readonly KleFacts[];
  readonly optionNames: ReadonlyMap<string, string>;
  readonly usages: readonly UsageFacts[];
  readonly contracts: readonly ContractFacts[];
  readonly projects: readonly ProjectFacts[];
}

/**
 * Indexes every loaded fact at once (usage counts from the usages themselves): what a test or a
 * small store builds the reads from.
 *
 * @example
 * ```ts
 * const data = indexCoordinationData({ today, organizations, settings, systems, interfaces, kle, optionNames, usages, contracts, projects });
 * data.usagesBySystem.get(systemUuid)?.length; // how many organisations use it
 * ```
 */
export function indexCoordinationData(input: CoordinationFacts & { readonly today: IsoDate }): CoordinationData {
  const users = new Map<string, Set<string>>();
  for (const u of input.usages) users.set(u.systemUuid, (users.get(u.systemUuid) ?? new Set()).add(u.organizationUuid));
  const userCounts = new Map([...users].map(([s, orgs]) => [s, orgs.size]));
  return withRecords(indexCoordinationBase(indexCoordinationReference(input), userCounts), input);
}
