/**
 * What the coordination reads load from the store: the shared reference data with how many
 * organisations use each system (a grouped count the store computes where it can: one `GROUP BY`
 * on PostgreSQL), the portfolios as (organisation, system) pairs (the same), and per read only the
 * records it is about — the contracts on a system's usages, a supplier's contracts, the usages that
 * consume a page's interfaces — turned into facts (contracts through the deadline engine).
 *
 * @module
 */
import type { ItInterface } from '../catalogue/it-interface.schema.js';
import type { ItSystem } from '../catalogue/it-system.schema.js';
import { contractDeadlines } from '../contract/deadlines.rules.js';
import type { Contract } from '../contract/contract.schema.js';
import { contractTermsOf } from '../contract/terms.rules.js';
import {
  addTo,
  type ConsumerIndex,
  type CoordinationBase,
  type CoordinationFacts,
  indexConsumers,
  type CoordinationReference,
  indexCoordinationBase,
  indexCoordinationReference,
} from '../coordination/data.js';
import type { Contact, ContractFacts, ProjectFacts, UsageFacts } from '../coordination/sharing.rules.js';
import type { SharingSetting } from '../coordination/sharing.schema.js';
import type { Organization } from '../organisation/organization.schema.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import type { User } from '../organisation/user.schema.js';
import { participantsOf } from '../project/project-participation.rules.js';
import type { Project } from '../project/project.schema.js';
import type { IsoDate } from '../shared/dates.js';
import { groupCount } from '../storage/aggregate.js';
import type { StorageReader } from '../storage/port.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import {
  CONTRACT,
  GLOBAL_OPTION,
  INTERFACE,
  KLE,
  ORGANIZATION,
  PROJECT,
  SHARING,
  type StoredGlobalOption,
  type StoredKleTask,
  SYSTEM,
  UNIT,
  USAGE,
  USER,
} from './kinds.js';
import { allOf } from './lookup.js';
import { byIndex } from './read-context.service.js';

/** The shared reference data: organisations, sharing settings, catalogue, KLE, option names. */
export async function loadCoordinationReference(tx: StorageReader): Promise<CoordinationReference> {
  // One statement at a time: inside a unit of work these share one connection.
  const organizations = await allOf<Organization>(tx, ORGANIZATION.kind);
  const settings = await allOf<SharingSetting>(tx, SHARING.kind);
  const systems = await allOf<ItSystem>(tx, SYSTEM.kind);
  const interfaces = await allOf<ItInterface>(tx, INTERFACE.kind);
  const kle = await allOf<StoredKleTask>(tx, KLE.kind);
  const options = await allOf<StoredGlobalOption>(tx, GLOBAL_OPTION.kind);
  return indexCoordinationReference({
    organizations: organizations.map((o) => ({
      uuid: o.uuid,
      name: o.name,
      type: o.type,
      accessModifier: o.accessModifier,
    })),
    settings,
    systems: systems.map((s) => ({
      uuid: s.uuid,
      name: s.name,
      organizationUuid: s.organizationUuid,
      accessModifier: s.accessModifier,
      rightsHolderUuid: s.rightsHolderUuid,
      businessTypeUuid: s.businessTypeUuid,
      kleUuids: s.kleUuids,
      deactivated: s.deactivated,
    })),
    interfaces: interfaces.map((i) => ({
      uuid: i.uuid,
      name: i.name,
      organizationUuid: i.organizationUuid,
      accessModifier: i.accessModifier,
      exposedBySystemUuid: i.exposedBySystemUuid,
    })),
    kle: kle.map((k) => ({ uuid: k.uuid, taskKey: k.taskKey, description: k.description })),
    optionNames: new Map(options.map((o) => [o.uuid, o.name])),
  });
}

/** How many organisations use each system, counted by the store. */
export async function loadUserCounts(tx: StorageReader): Promise<Map<string, number>> {
  const counts = await groupCount(tx, { kind: USAGE.kind, groupBy: ['systemUuid'] });
  return new Map(counts.map((g) => [g.values[0] as string, g.organizations]));
}

/**
 * The reference data with the usage counts.
 *
 * @example
 * ```ts
 * const base = await loadCoordinationBase(storage);
 * base.systemsByUse[0]?.name; // the most used system
 * ```
 */
export async function loadCoordinationBase(tx: StorageReader): Promise<CoordinationBase> {
  return indexCoordinationBase(await loadCoordinationReference(tx), await loadUserCounts(tx));
}

/** The systems each organisation uses (of the given organisations, or of all), counted by the store. */
export async function loadPortfolios(
  tx: StorageReader,
  organizationUuids?: readonly string[],
): Promise<Map<string, Set<string>>> {
  const pairs = await groupCount(tx, {
    kind: USAGE.kind,
    groupBy: ['organizationUuid', 'systemUuid'],
    organizationUuids,
  });
  const out = new Map<string, Set<string>>();
  for (const { values } of pairs) {
    const [org, system] = values as [string, string];
    const set = out.get(org);
    if (set) set.add(system);
    else out.set(org, new Set([system]));
  }
  return out;
}

/** Usages of any of the systems. */
export function usagesOfSystems(tx: StorageReader, systemUuids: readonly string[]): Promise<ItSystemUsage[]> {
  if (systemUuids.length === 0) return Promise.resolve([]);
  return allOf<ItSystemUsage>(tx, USAGE.kind, undefined, { op: 'in', field: 'systemUuid', values: systemUuids });
}

/** Usages whose outgoing relations use any of the interfaces. */
export function usagesConsuming(tx: StorageReader, interfaceUuids: readonly string[]): Promise<ItSystemUsage[]> {
  if (interfaceUuids.length === 0) return Promise.resolve([]);
  return allOf<ItSystemUsage>(tx, USAGE.kind, undefined, {
    op: 'hasAny',
    field: 'relationInterfaceUuids',
    values: interfaceUuids,
  });
}

/** Contracts covering any of the usages. */
export function contractsOfUsages(tx: StorageReader, usageUuids: readonly string[]): Promise<Contract[]> {
  if (usageUuids.length === 0) return Promise.resolve([]);
  return allOf<Contract>(tx, CONTRACT.kind, undefined, { op: 'hasAny', field: 'systemUsageUuids', values: usageUuids });
}

/** A supplier's contracts. */
export function contractsOfSupplier(tx: StorageReader, supplierUuid: string): Promise<Contract[]> {
  return allOf<Contract>(tx, CONTRACT.kind, undefined, { op: 'eq', field: 'supplierUuid', value: supplierUuid });
}

/** Projects about any of the usages. */
export function projectsOfUsages(tx: StorageReader, usageUuids: readonly string[]): Promise<Project[]> {
  if (usageUuids.length === 0) return Promise.resolve([]);
  return allOf<Project>(tx, PROJECT.kind, undefined, { op: 'hasAny', field: 'systemUsageUuids', values: usageUuids });
}

/** The system of each usage, from the usages already loaded and one look-up for the rest. */
async function systemsOfUsages(
  tx: StorageReader,
  uuids: Iterable<string>,
  known: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const out = new Map(known);
  const missing = [...new Set(uuids)].filter((u) => !out.has(u));
  for (const u of await byIndex<ItSystemUsage>(tx, USAGE.kind, 'uuid', missing)) out.set(u.uuid, u.systemUuid);
  // Usages stored before the index had their uuid are found one by one.
  for (const u of missing)
    if (!out.has(u)) {
      const r = await tx.get<ItSystemUsage>(USAGE.kind, u);
      if (r) out.set(u, r.data.systemUuid);
    }
  return out;
}

/** The people holding roles on the records, as contacts. */
async function contactsOf(
  tx: StorageReader,
  records: readonly { roles: readonly { userUuid: string }[] }[],
): Promise<Map<string, Contact>> {
  const users = await byIndex<User>(
    tx,
    USER.kind,
    'uuid',
    records.flatMap((r) => r.roles.map((x) => x.userUuid)),
  );
  return new Map(users.map((u) => [u.uuid, { name: `${u.firstName} ${u.lastName}`.trim(), email: u.email }]));
}

const roleFacts = (roles: readonly { roleUuid: string; userUuid: string }[], users: ReadonlyMap<string, Contact>) =>
  roles.flatMap((r) => {
    const contact = users.get(r.userUuid);
    return contact ? [{ roleUuid: r.roleUuid, contact }] : [];
  });

/**
 * Usages as facts. `details` reads the responsible units' names (one look-up each) and the role
 * holders; reads that show only which systems consume an interface leave them out.
 */
export async function usageFacts(
  tx: StorageReader,
  usages: readonly ItSystemUsage[],
  details: boolean,
): Promise<UsageFacts[]> {
  const users = details ? await contactsOf(tx, usages) : new Map<string, Contact>();
  const units = new Map<string, string>();
  if (details)
    for (const uuid of new Set(usages.flatMap((u) => u.organizationUsage.responsibleUnitUuid ?? []))) {
      const unit = await tx.get<OrganizationUnit>(UNIT.kind, uuid);
      if (unit) units.set(uuid, unit.data.name);
    }
  return usages.map((u) => ({
    uuid: u.uuid,
    organizationUuid: u.organizationUuid,
    systemUuid: u.systemUuid,
    responsibleUnitName: units.get(u.organizationUsage.responsibleUnitUuid ?? '') ?? null,
    roles: roleFacts(u.roles, users),
    lifeCycleStatus: u.general.validity.lifeCycleStatus ?? null,
    interfaceUuids: [...new Set(u.outgoingSystemRelations.flatMap((r) => r.interfaceUuid ?? []))],
  }));
}

/** Contracts as facts, with their end dates from the deadline engine for `today`. */
export async function contractFacts(
  tx: StorageReader,
  base: CoordinationBase,
  contracts: readonly Contract[],
  knownUsages: readonly ItSystemUsage[],
  today: IsoDate,
): Promise<ContractFacts[]> {
  const systemOf = await systemsOfUsages(
    tx,
    contracts.flatMap((c) => c.systemUsageUuids),
    new Map(knownUsages.map((u) => [u.uuid, u.systemUuid])),
  );
  const users = await contactsOf(tx, contracts);
  const option = (uuid: string | null) => (uuid ? (base.optionNames.get(uuid) ?? null) : null);
  return contracts.map((c) => {
    const terms = contractTermsOf(c, {
      noticePeriodOptionName: option(c.termination.terms.noticePeriodMonthsUuid),
      extensionOptionName: option(c.agreementPeriod.extensionOptionsUuid),
    });
    const d = contractDeadlines(terms, { today });
    const supplier = c.supplier.organizationUuid;
    return {
      uuid: c.uuid,
      organizationUuid: c.organizationUuid,
      name: c.name,
      systemUuids: [...new Set(c.systemUsageUuids.flatMap((u) => systemOf.get(u) ?? []))],
      supplierUuid: supplier,
      supplierName: supplier ? (base.organizations.get(supplier)?.name ?? null) : null,
      dates: { expiry: d.expiry, earliestEnd: d.nextPossibleTermination, tenderStart: d.tenderStart },
      procurementStrategy: option(c.procurement.procurementStrategyUuid),
      purchaseType: option(c.procurement.purchaseTypeUuid),
      roles: roleFacts(c.roles, users),
    };
  });
}

/** Projects as facts. */
export async function projectFacts(
  tx: StorageReader,
  projects: readonly Project[],
  knownUsages: readonly ItSystemUsage[],
): Promise<ProjectFacts[]> {
  const systemOf = await systemsOfUsages(
    tx,
    projects.flatMap((p) => p.systemUsageUuids),
    new Map(knownUsages.map((u) => [u.uuid, u.systemUuid])),
  );
  return projects.map((p) => ({
    uuid: p.uuid,
    organizationUuid: p.organizationUuid,
    jointOrganizationUuids: p.jointOrganizationUuids,
    participants: participantsOf(p),
    name: p.name,
    systemUuids: [...new Set(p.systemUsageUuids.flatMap((u) => systemOf.get(u) ?? []))],
    phase: { number: p.currentPhase, name: p.phases[p.currentPhase - 1]?.name ?? String(p.currentPhase) },
    timeline: p.phases.map((ph) => ({ name: ph.name, start: ph.startDate, end: ph.endDate })),
  }));
}

/**
 * Every fact of the store whole, as plain lists: what a snapshot of several municipalities holds
 * (for `coordinationReads` over `indexCoordinationData`, or a static client). Contracts' end dates
 * are computed for `today`. Reads every usage, contract and project: for snapshots, not for serving.
 *
 * @example
 * ```ts
 * const facts = await loadCoordinationFacts(storage, '2025-06-15');
 * const reads = coordinationReads(actor, indexCoordinationData({ today: '2025-06-15', ...facts }));
 * ```
 */
export async function loadCoordinationFacts(tx: StorageReader, today: IsoDate): Promise<CoordinationFacts> {
  const reference = await loadCoordinationReference(tx);
  const base = indexCoordinationBase(reference, new Map());
  const usages = await allOf<ItSystemUsage>(tx, USAGE.kind);
  const contracts = await allOf<Contract>(tx, CONTRACT.kind);
  const projects = await allOf<Project>(tx, PROJECT.kind);
  return {
    organizations: [...reference.organizations.values()],
    settings: [...reference.settings.values()],
    systems: [...reference.systems.values()],
    interfaces: [...reference.interfaces.values()],
    kle: [...reference.kle.values()],
    optionNames: reference.optionNames,
    usages: await usageFacts(tx, usages, true),
    contracts: await contractFacts(tx, base, contracts, usages, today),
    projects: await projectFacts(tx, projects, usages),
  };
}

/**
 * Who uses which system, as the coordination reads count it: how many organisations use each
 * system and each organisation's portfolio, with what it takes to bring both up to date from the
 * change feed instead of counting again (ADR 0071).
 */
export interface UsageState {
  /** How many organisations use each system. */
  readonly userCounts: ReadonlyMap<string, number>;
  /** The systems each organisation uses. */
  readonly portfolios: ReadonlyMap<string, ReadonlySet<string>>;
  /** Below this feed position every change is counted; absent when the store cannot tell one. */
  readonly since?: number;
  /** Every usage's system and the usages per system and organisation; absent when incomplete. */
  readonly ledger?: UsageLedger;
}

/**
 * The usages behind the counts. Shared by a state and the states brought up to date from it, and
 * only ever changed the same way for the same change (by identity), so applying a change twice
 * leaves it as applying it once.
 */
interface UsageLedger {
  /** Usage uuid → its system; deleted usages stay with `deleted` (their tombstones name no system). */
  readonly usages: Map<string, { system: string; deleted: boolean }>;
  /** System → organisation → its usages of the system (only positive counts are kept). */
  readonly bySystem: Map<string, Map<string, number>>;
}

/**
 * Counts every organisation's usages by system, with two grouped counts the store computes (on
 * PostgreSQL two `GROUP BY`s over the index columns; no record is read): (organisation, system)
 * for the counts and portfolios, (usage, system) for the ledger that later changes are applied to.
 *
 * @example
 * ```ts
 * const state = await loadUsageState(storage, await storage.position());
 * state.userCounts.get(systemUuid); // organisations using it
 * ```
 */
export async function loadUsageState(tx: StorageReader, since: number | undefined): Promise<UsageState> {
  const pairs = await groupCount(tx, { kind: USAGE.kind, groupBy: ['organizationUuid', 'systemUuid'] });
  const bySystem = new Map<string, Map<string, number>>();
  const portfolios = new Map<string, Set<string>>();
  let counted = 0;
  for (const { values, records } of pairs) {
    const [org, system] = values as [string, string];
    let orgs = bySystem.get(system);
    if (!orgs) {
      orgs = new Map();
      bySystem.set(system, orgs);
    }
    orgs.set(org, records);
    counted += records;
    const set = portfolios.get(org);
    if (set) set.add(system);
    else portfolios.set(org, new Set([system]));
  }
  const userCounts = new Map([...bySystem].map(([s, orgs]) => [s, orgs.size]));
  if (since === undefined) return { userCounts, portfolios };
  const ids = await groupCount(tx, { kind: USAGE.kind, groupBy: ['uuid', 'systemUuid'] });
  // Usages stored before the index had their uuid are not in it: then changes are not applied,
  // the state is counted again.
  if (ids.reduce((n, g) => n + g.records, 0) !== counted) return { userCounts, portfolios, since };
  const usages = new Map(ids.map((g) => [g.values[0] as string, { system: g.values[1] as string, deleted: false }]));
  return { userCounts, portfolios, since, ledger: { usages, bySystem } };
}

/**
 * The state brought up to date with the usage writes since it was counted, read from the feed;
 * only the systems and organisations those writes touch are counted again (the others keep their
 * values, and with no change to who uses what the state's maps stay the same objects, so the
 * values computed from them stay cached). Without a ledger, counts again.
 *
 * @example
 * ```ts
 * const next = await refreshUsageState(storage, state);
 * next.portfolios === state.portfolios; // after renaming a usage: nothing to recompute
 * ```
 */
export async function refreshUsageState(tx: StorageReader, state: UsageState, now: number): Promise<UsageState> {
  const { ledger, since } = state;
  if (!ledger || since === undefined) return loadUsageState(tx, now);
  const feed = await tx.changesSince(since, { kinds: [USAGE.kind], includeUnsettled: true });
  const touched = new Map<string, Set<string>>(); // system → organisations
  const touch = (system: string, org: string) => {
    const orgs = touched.get(system);
    if (orgs) orgs.add(org);
    else touched.set(system, new Set([org]));
  };
  const add = (system: string, org: string, n: number) => {
    let orgs = ledger.bySystem.get(system);
    if (!orgs) {
      orgs = new Map();
      ledger.bySystem.set(system, orgs);
    }
    const next = (orgs.get(org) ?? 0) + n;
    if (next > 0) orgs.set(org, next);
    else orgs.delete(org);
  };
  for (const r of feed.changed) {
    const org = r.organizationUuid ?? '';
    const system = (r.data as ItSystemUsage).systemUuid;
    const known = ledger.usages.get(r.uuid);
    touch(system, org);
    if (known && !known.deleted && known.system === system) continue;
    if (known?.deleted) continue; // deleted later: the tombstone is applied below or was already
    if (known) {
      touch(known.system, org);
      add(known.system, org, -1);
    }
    add(system, org, 1);
    ledger.usages.set(r.uuid, { system, deleted: false });
  }
  for (const t of feed.deleted) {
    const known = ledger.usages.get(t.uuid);
    if (!known) return loadUsageState(tx, now); // never counted: the ledger cannot say what it was
    touch(known.system, t.organizationUuid ?? '');
    if (known.deleted) continue;
    known.deleted = true;
    add(known.system, t.organizationUuid ?? '', -1);
  }
  let userCounts = state.userCounts;
  let portfolios = state.portfolios;
  for (const [system, orgs] of touched) {
    const users = ledger.bySystem.get(system);
    const count = users?.size ?? 0;
    if ((userCounts.get(system) ?? 0) !== count) {
      if (userCounts === state.userCounts) userCounts = new Map(userCounts);
      (userCounts as Map<string, number>).set(system, count);
    }
    for (const org of orgs) {
      const uses = users?.has(org) ?? false;
      if ((portfolios.get(org)?.has(system) ?? false) === uses) continue;
      if (portfolios === state.portfolios) portfolios = new Map(portfolios);
      const set = new Set(portfolios.get(org));
      if (uses) set.add(system);
      else set.delete(system);
      (portfolios as Map<string, ReadonlySet<string>>).set(org, set);
    }
  }
  return { userCounts, portfolios, since: feed.next, ledger };
}

/** The consumers of some interfaces, with the feed position they are up to date with. */
export interface ConsumersState {
  readonly index: ConsumerIndex;
  /** Below this feed position every change is in the index; absent when the store cannot tell one. */
  readonly since?: number;
}

/**
 * The usages that consume any of the interfaces, indexed (see `indexConsumers`).
 *
 * @example
 * ```ts
 * const { index } = await loadConsumers(storage, [interfaceUuid], await storage.position());
 * ```
 */
export async function loadConsumers(
  tx: StorageReader,
  interfaceUuids: readonly string[],
  since: number | undefined,
): Promise<ConsumersState> {
  const index = indexConsumers(await usageFacts(tx, await usagesConsuming(tx, interfaceUuids), false));
  return since === undefined ? { index } : { index, since };
}

const byUuid = (a: UsageFacts, b: UsageFacts) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);

/**
 * The consumers brought up to date with the usage writes since, read from the feed: only the
 * interfaces a changed or deleted usage consumed or consumes are indexed again (their usages in
 * uuid order, as the store lists them, so the index is the one a fresh load gives); the others
 * keep their entries, and with nothing touched the same index is returned.
 *
 * @example
 * ```ts
 * const next = await refreshConsumers(storage, state, interfaceUuids, await storage.position());
 * ```
 */
export async function refreshConsumers(
  tx: StorageReader,
  state: ConsumersState,
  interfaceUuids: readonly string[],
  now: number | undefined,
): Promise<ConsumersState> {
  if (state.since === undefined) return loadConsumers(tx, interfaceUuids, now);
  const feed = await tx.changesSince(state.since, { kinds: [USAGE.kind], includeUnsettled: true });
  const wanted = new Set(interfaceUuids);
  const gone = new Set<string>([...feed.changed.map((r) => r.uuid), ...feed.deleted.map((t) => t.uuid)]);
  const consuming = feed.changed
    .map((r) => r.data as ItSystemUsage)
    .filter((u) => u.outgoingSystemRelations.some((x) => x.interfaceUuid !== null && wanted.has(x.interfaceUuid)));
  const added = await usageFacts(tx, consuming, false);
  const touched = new Set<string>();
  for (const [i, bySystem] of state.index)
    for (const usages of bySystem.values()) if (usages.some((u) => gone.has(u.uuid))) touched.add(i);
  for (const u of added) for (const i of u.interfaceUuids) if (wanted.has(i)) touched.add(i);
  if (touched.size === 0) return { index: state.index, since: feed.next };
  const index = new Map(state.index);
  for (const i of touched) {
    const usages = [...(state.index.get(i)?.values() ?? [])]
      .flat()
      .filter((u) => !gone.has(u.uuid))
      .concat(added.filter((u) => u.interfaceUuids.includes(i)))
      .sort(byUuid);
    const bySystem = new Map<string, UsageFacts[]>();
    for (const u of usages) addTo(bySystem, u.systemUuid, u);
    if (bySystem.size > 0) index.set(i, bySystem);
    else index.delete(i);
  }
  return { index, since: feed.next };
}
