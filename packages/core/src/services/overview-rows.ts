/**
 * The rows of each overview of one organisation, cached until what they were computed from
 * changes, shared by the overview and card services. The rows of usages, contracts and
 * registrations take in writes of their own kind from the change feed: only the changed records are
 * read, and only the rows those writes can change are computed again. A write to anything else the
 * rows show (a unit, a user, a catalogue system) computes them again.
 *
 * @module
 */
import { canRead } from '../access/policy.js';
import { catalogueRows, type CatalogueRow } from '../catalogue/it-system.read-model.js';
import type { ItSystem } from '../catalogue/it-system.schema.js';
import { contractRows } from '../contract/contract.read-model.js';
import type { Contract } from '../contract/contract.schema.js';
import { dprRows } from '../data-processing/dpr.read-model.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import { PositionCache, type PositionSource } from '../engine/cache.js';
import type { CallContext } from '../engine/call.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import { OVERVIEW_COLUMNS } from '../overview/columns.js';
import { carrySortedRows, type OverviewKind, type OverviewRow } from '../overview/query.js';
import { type ReadContext, type ReadRecords, readContext } from '../overview/read-context.js';
import { projectRows } from '../project/project.read-model.js';
import type { Project } from '../project/project.schema.js';
import type { IsoDate } from '../shared/dates.js';
import { positionKeyOf } from '../storage/port.js';
import { usageRows } from '../usage/usage.read-model.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { communitiesOf } from './actors.js';
import { protectSystem } from './catalogue.service.js';
import { CONTRACT, DPR, PROJECT, SYSTEM, UNIT, USAGE } from './kinds.js';
import { allOf } from './lookup.js';
import { loadReadContext, loadReadRecords, loadSharedRecords } from './read-context.service.js';
import { UNIT_REFERENCES } from './references.js';

/** Rows of one overview with what the unit filter needs, as cached per store position. */
export interface ComputedRows {
  readonly rows: readonly OverviewRow[];
  readonly units: readonly OrganizationUnit[];
  /** What the rows were computed from, to take in later writes of the overview's own kind. */
  readonly base?: RowsBase;
}

export interface RowsBase {
  readonly records: ReadRecords;
  readonly ctx: ReadContext;
  /** A feed position below which every change was already read (see `ChangesOptions`). */
  readonly since: number;
}

/** The catalogue as one organisation sees it: visible systems, and usage counts across the country. */
async function catalogue(call: CallContext, org: string, today: IsoDate): Promise<ComputedRows> {
  const systems = (await allOf<ItSystem>(call.tx, SYSTEM.kind)).filter((s) =>
    canRead(call.actor, protectSystem(call, s)),
  );
  const ctx = await loadReadContext(call, org, today, { systems });
  // Counts come from every organisation's usages: only the index (organisation, system) is read.
  const usages = await call.tx.query<ItSystemUsage>({ kind: USAGE.kind });
  const users = new Map<string, Set<string>>();
  for (const u of usages.records) {
    const system = String(u.index.systemUuid);
    users.set(system, (users.get(system) ?? new Set()).add(u.organizationUuid ?? ''));
  }
  const counts = new Map([...users].map(([s, orgs]) => [s, orgs.size]));
  const usedHere = new Set([...users].filter(([, orgs]) => orgs.has(org)).map(([s]) => s));
  const rows: CatalogueRow[] = catalogueRows(systems, ctx, { usedHere, organizations: counts });
  return { rows, units: ctx.units };
}

/**
 * Projects an organisation owns, joint projects it takes part in, and the projects of the interest
 * communities it is a member of (those they own and those they take part in).
 */
async function projectsOf(call: CallContext, org: string): Promise<Project[]> {
  const own = await allOf<Project>(call.tx, PROJECT.kind, org);
  const communities = await communitiesOf(call.tx, [org]);
  const joint = await allOf<Project>(call.tx, PROJECT.kind, undefined, {
    op: 'hasAny',
    field: 'jointOrganizationUuids',
    values: [org, ...communities],
  });
  const ofCommunities =
    communities.length === 0
      ? []
      : await allOf<Project>(call.tx, PROJECT.kind, undefined, {
          op: 'in',
          field: 'organizationUuid',
          values: communities,
        });
  const seen = new Set(own.map((p) => p.uuid));
  const out = [...own];
  for (const p of [...joint, ...ofCommunities])
    if (!seen.has(p.uuid)) {
      seen.add(p.uuid);
      out.push(p);
    }
  return out;
}

/**
 * The overviews whose rows are one organisation's records of one kind, and how a write to some of
 * those records changes the rows: `affected` names the rows to compute again (`undefined`: all).
 */
const INCREMENTAL = {
  usages: {
    kind: USAGE.kind,
    records: 'usages',
    rows: (ctx: ReadContext, list: readonly ItSystemUsage[]) => usageRows(list, ctx),
    // A usage's row counts the relations into it: their targets change with the relations.
    affected: (before: ReadRecords, after: ReadRecords, changed: ReadonlySet<string>) => {
      const out = new Set(changed);
      for (const list of [before.usages, after.usages])
        for (const u of list)
          if (changed.has(u.uuid)) for (const r of u.outgoingSystemRelations) out.add(r.toUsageUuid);
      return out;
    },
  },
  // A contract's validity may hang on its parent's: every row again (from the cached records).
  contracts: {
    kind: CONTRACT.kind,
    records: 'contracts',
    rows: (ctx: ReadContext, list: readonly Contract[]) => contractRows(list, ctx),
    affected: () => undefined,
  },
  dataProcessing: {
    kind: DPR.kind,
    records: 'registrations',
    rows: (ctx: ReadContext, list: readonly DataProcessingRegistration[]) => dprRows(list, ctx),
    affected: (_b: ReadRecords, _a: ReadRecords, changed: ReadonlySet<string>) => changed,
  },
} as const;
export type IncrementalKind = keyof typeof INCREMENTAL;
const isIncremental = (kind: OverviewKind): kind is IncrementalKind => Object.hasOwn(INCREMENTAL, kind);

/** The rows of an incremental overview from its records. */
function rowsOf(kind: IncrementalKind, ctx: ReadContext, records: ReadRecords): OverviewRow[] {
  const spec = INCREMENTAL[kind];
  return (spec.rows as (c: ReadContext, l: readonly unknown[]) => OverviewRow[])(ctx, records[spec.records]);
}

async function computeRows(
  call: CallContext,
  kind: OverviewKind,
  org: string,
  today: IsoDate,
  storage?: PositionSource,
): Promise<ComputedRows> {
  if (kind === 'catalogue') return catalogue(call, org, today);
  if (!isIncremental(kind)) {
    const projects = await projectsOf(call, org);
    const ctx = await loadReadContext(call, org, today, {
      organizations: [...new Set(projects.flatMap((p) => [p.organizationUuid, ...p.jointOrganizationUuids]))],
    });
    return { rows: projectRows(projects, ctx), units: ctx.units };
  }
  // The position first: every change after it is then either in the records read below or in the
  // feed asked from it (reads outside a transaction each see at least what had committed).
  const since = storage?.position ? await storage.position() : undefined;
  const records = await loadReadRecords(call.tx, org, today);
  const ctx = readContext(records);
  const rows = rowsOf(kind, ctx, records);
  return { rows, units: ctx.units, base: since === undefined ? undefined : { records, ctx, since } };
}

/**
 * `old` brought up to date with the writes of its own kind and to its organisation's units since it
 * was computed: the changed records are read from the feed, the shared records they newly mention
 * are read, and only the rows those writes can change are computed again (for a unit: the rows
 * whose record links to it or to a unit below it, whose path runs through it).
 */
async function refreshRows(
  call: CallContext,
  kind: IncrementalKind,
  org: string,
  today: IsoDate,
  old: ComputedRows,
  storage: PositionSource,
): Promise<ComputedRows> {
  const base = old.base;
  if (!base) return computeRows(call, kind, org, today, storage);
  const spec = INCREMENTAL[kind];
  const feed = await call.tx.changesSince(base.since, {
    kinds: [spec.kind, UNIT.kind],
    organizationUuids: [org],
    includeUnsettled: true,
  });
  if (feed.changed.length === 0 && feed.deleted.length === 0) return { ...old, base: { ...base, since: feed.next } };
  const mine = {
    changed: feed.changed.filter((r) => r.kind === spec.kind),
    deleted: feed.deleted.filter((t) => t.kind === spec.kind),
  };
  const units = changedUnits(base.records.units, feed);
  const byUuid = new Map<string, { uuid: string }>(base.records[spec.records].map((r) => [r.uuid, r]));
  const changed = new Set<string>();
  for (const r of mine.changed) {
    byUuid.set(r.uuid, r.data as { uuid: string });
    changed.add(r.uuid);
  }
  for (const t of mine.deleted) {
    byUuid.delete(t.uuid);
    changed.add(t.uuid);
  }
  // In uuid order, as the storage lists them (the order of an unsorted overview).
  const list = [...byUuid.values()].sort(byUuidOrder);
  const own = { ...base.records, units: units.list, [spec.records]: list } as ReadRecords;
  // Only the changed records can mention shared records not read yet; those already read are kept
  // (a superset is harmless: rows look shared records up by uuid).
  const mentioned = { contracts: [], usages: [], registrations: [], [spec.records]: mine.changed.map((r) => r.data) };
  const records: ReadRecords = { ...own, ...(await loadSharedRecords(call.tx, mentioned, {}, base.records)) };
  const ctx = readContext(records, base.ctx);
  const ownAffected = changed.size > 0 ? spec.affected(base.records, records, changed) : new Set<string>();
  const affected = ownAffected && new Set(ownAffected);
  if (affected && units.touched.size > 0) {
    // The links to units, as the kind's index holds them (the fields the delete rules look up).
    const links = UNIT_REFERENCES.filter((r) => r.from.kind === spec.kind);
    const touches = (v: unknown) =>
      Array.isArray(v) ? v.some((x) => units.touched.has(x)) : typeof v === 'string' && units.touched.has(v);
    for (const r of list) {
      const index = (links[0]?.from.index as ((e: unknown) => Record<string, unknown>) | undefined)?.(r) ?? {};
      if (links.some((l) => touches(index[l.index]))) affected.add(r.uuid);
    }
  }
  let rows: OverviewRow[];
  if (affected === undefined) rows = rowsOf(kind, ctx, records);
  else {
    const fresh = rowsOf(kind, ctx, { ...records, [spec.records]: list.filter((r) => affected.has(r.uuid)) });
    const byRow = new Map<string, OverviewRow>(old.rows.map((r) => [r.uuid, r]));
    for (const r of fresh) byRow.set(r.uuid, r);
    rows = list.map((r) => byRow.get(r.uuid) as OverviewRow);
    // The kept sort orders of the old rows, with the rows computed again (or gone) put in place.
    carrySortedRows(old.rows, rows, new Set([...affected, ...changed]), OVERVIEW_COLUMNS[kind]);
  }
  return { rows, units: ctx.units, base: { records, ctx, since: feed.next } };
}

const byUuidOrder = (a: { uuid: string }, b: { uuid: string }) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);

/**
 * The organisation's units after the unit writes in `feed`, and the units whose name or path those
 * writes can change: each written or deleted unit and every unit below it, before and after.
 */
function changedUnits(
  before: readonly OrganizationUnit[],
  feed: {
    changed: readonly { kind: string; uuid: string; data: unknown }[];
    deleted: readonly { kind: string; uuid: string }[];
  },
): { list: readonly OrganizationUnit[]; touched: ReadonlySet<string> } {
  const written = feed.changed.filter((r) => r.kind === UNIT.kind);
  const gone = feed.deleted.filter((t) => t.kind === UNIT.kind);
  if (written.length === 0 && gone.length === 0) return { list: before, touched: new Set() };
  const byUuid = new Map(before.map((u) => [u.uuid, u]));
  const touched = new Set<string>();
  for (const r of written) {
    byUuid.set(r.uuid, r.data as OrganizationUnit);
    touched.add(r.uuid);
  }
  for (const t of gone) {
    byUuid.delete(t.uuid);
    touched.add(t.uuid);
  }
  const list = [...byUuid.values()].sort(byUuidOrder);
  // Below a touched unit, in the tree before or after the writes: its path runs through it.
  for (const tree of [before, list]) {
    const children = new Map<string, string[]>();
    for (const u of tree) if (u.parentUuid) children.set(u.parentUuid, [...(children.get(u.parentUuid) ?? []), u.uuid]);
    const stack = [...touched];
    while (stack.length > 0)
      for (const c of children.get(stack.pop() as string) ?? [])
        if (!touched.has(c)) {
          touched.add(c);
          stack.push(c);
        }
  }
  return { list, touched };
}

/** The cached rows of every overview, shared by the services of one facade. */
export interface OverviewRowsCache {
  /**
   * The rows of `kind` for one organisation on `today`, from the cache when nothing they were
   * computed from changed, brought up to date when only their own kind did. The caller checks that
   * the actor may read the organisation.
   */
  rows(call: CallContext, kind: OverviewKind, organizationUuid: string, today: IsoDate): Promise<ComputedRows>;
  /**
   * The read context of one organisation on `today`: the one the rows of `kind` were computed from
   * when cached (kept up to date with them), else loaded.
   */
  context(call: CallContext, kind: IncrementalKind, organizationUuid: string, today: IsoDate): Promise<ReadContext>;
}

/**
 * A rows cache over the storage's positions (no caching when the storage cannot tell them).
 *
 * @example
 * ```ts
 * const rows = overviewRowsCache(storage);
 * const { rows: usageRows } = await rows.rows(call, 'usages', organizationUuid, call.today);
 * ```
 */
export function overviewRowsCache(storage?: PositionSource): OverviewRowsCache {
  const positions: PositionSource = storage ?? {};
  const cache = new PositionCache<ComputedRows>(positions, 64);
  const rows: OverviewRowsCache['rows'] = (call, kind, org, today) => {
    // Rows depend only on the organisation's data and the date (catalogue rows also on the
    // reader), so they are reused until the store changes; filtering, sorting and paging run per query.
    const key = `${kind}|${org}|${today}${kind === 'catalogue' ? `|${call.actor.userUuid}` : ''}`;
    return cache.get(
      key,
      call.tx,
      (tx) => computeRows({ ...call, tx }, kind, org, today, positions),
      isIncremental(kind)
        ? {
            keys: [positionKeyOf(INCREMENTAL[kind].kind, org), positionKeyOf(UNIT.kind, org)],
            apply: (old, tx) => refreshRows({ ...call, tx }, kind, org, today, old, positions),
          }
        : undefined,
    );
  };
  return {
    rows,
    context: async (call, kind, org, today) =>
      (await rows(call, kind, org, today)).base?.ctx ?? loadReadContext(call, org, today),
  };
}
