/**
 * The memory adapter: the reference implementation of the {@link StorageAdapter} port. Every other
 * adapter must return what this one returns (the conformance suite checks it).
 *
 * Records are deep-frozen when written, so a caller can never change stored data by mutating a
 * returned object, and reads need no copies.
 *
 * @module
 */
import { KitosConflictError, KitosError } from '../shared/errors.js';
import { compareRecords, matchesFilter } from './evaluate.js';
import { assertValidChanges, assertValidGet, assertValidLockKeys, assertValidQuery, uniqueKey } from './validate.js';
import type {
  ChangeSet,
  ChangesOptions,
  IndexFieldType,
  PutRecord,
  Filter,
  Query,
  QueryResult,
  StorageAdapter,
  StorageReader,
  StorageSchema,
  StorageTransaction,
  StoredRecord,
  Tombstone,
  UniqueConstraint,
} from './port.js';
import { EVERY_POSITION, kindPositionKey, positionKeyOf } from './port.js';

/** Name of the memory adapter. */
export const MEMORY_ADAPTER_NAME = 'memory';

/** Options of {@link createMemoryStorage}. */
export interface MemoryStorageOptions {
  /**
   * Test hook: called before each write inside a transaction with the running write count; throw
   * to simulate a failure mid-transaction.
   */
  readonly beforeWrite?: (writeNumber: number) => void;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Committed state: records per kind (so a query scans only its kind), tombstones and the feed position.
 */
interface State {
  kinds: Map<string, Map<string, StoredRecord>>;
  /** Per kind and organisation, the uuids of its records: organisation-scoped queries read only these. */
  byOrg: Map<string, Map<string | null, Set<string>>>;
  tombstones: Tombstone[];
  /** Every committed write in position order (what the feed reads from, instead of every record). */
  log: { readonly seq: number; readonly kind: string; readonly uuid: string }[];
  seq: number;
  /** Commits per position key (see `positionKeyOf`), and per kind over every organisation. */
  positions: Map<string, number>;
  kindPositions: Map<string, number>;
  /** Per kind and unique constraint: key → uuid of the record holding it. */
  unique: Map<string, Map<string, string>>;
  /**
   * Per kind and field, built on the field's first `eq`/`in`/`hasAny` query and kept up to date on
   * commit: the field's value as text (each element of a list) → uuids of the committed records.
   */
  fields: Map<string, Map<string, Map<string, Set<string>>>>;
}

/**
 * A transaction's view: its own writes over the committed state, so starting a transaction costs
 * nothing however large the store is. `null` in `writes` marks a deletion.
 */
interface Draft {
  readonly base: State;
  readonly writes: Map<string, Map<string, StoredRecord | null>>;
  readonly tombstones: Tombstone[];
  seq: number;
  /** Unique keys this transaction freed (`null`) or took (a uuid), over the committed ones. */
  readonly unique: Map<string, Map<string, string | null>>;
}

function lookup(view: State | Draft, kind: string, uuid: string): StoredRecord | undefined {
  if ('base' in view) {
    const w = view.writes.get(kind)?.get(uuid);
    if (w !== undefined) return w ?? undefined;
    return view.base.kinds.get(kind)?.get(uuid);
  }
  return view.kinds.get(kind)?.get(uuid);
}

function* recordsOf(view: State | Draft, kind?: string, orgs?: readonly (string | null)[]): Iterable<StoredRecord> {
  const state = 'base' in view ? view.base : view;
  if (kind !== undefined && orgs) {
    const writes = 'base' in view ? view.writes.get(kind) : undefined;
    const records = state.kinds.get(kind);
    const index = state.byOrg.get(kind);
    for (const org of new Set(orgs)) {
      for (const uuid of index?.get(org) ?? []) {
        const r = records?.get(uuid);
        if (r && !writes?.has(uuid)) yield r;
      }
    }
    const wanted = new Set(orgs);
    for (const r of writes?.values() ?? []) if (r && wanted.has(r.organizationUuid)) yield r;
    return;
  }
  const kinds = kind === undefined ? [...state.kinds.keys(), ...('base' in view ? view.writes.keys() : [])] : [kind];
  for (const k of new Set(kinds)) {
    const writes = 'base' in view ? view.writes.get(k) : undefined;
    for (const [uuid, r] of state.kinds.get(k) ?? []) if (!writes?.has(uuid)) yield r;
    for (const r of writes?.values() ?? []) if (r) yield r;
  }
}

/** The filters a field index can answer: `eq`, `in` and `hasAny`, alone or inside an `and`. */
type IndexableFilter =
  | { readonly op: 'eq'; readonly field: string; readonly value: string | number | boolean }
  | { readonly op: 'in' | 'hasAny'; readonly field: string; readonly values: readonly (string | number)[] };
function indexableFilters(filter: Filter | undefined): IndexableFilter[] {
  if (!filter) return [];
  if (filter.op === 'and') return filter.filters.flatMap(indexableFilters);
  if (filter.op === 'in' || filter.op === 'hasAny') return [filter];
  return filter.op === 'eq' && 'value' in filter ? [{ op: 'eq', field: filter.field, value: filter.value }] : [];
}

/** The index keys of a value: its text, or each element's text for a list. */
function fieldKeys(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * The field index of a kind, built from the committed records on first use. Keys are texts, so an
 * `eq` between a number and its text (which the filter semantics count as equal) finds the record;
 * every candidate is still checked against the whole filter.
 */
function fieldIndex(state: State, kind: string, field: string): Map<string, Set<string>> {
  let ofKind = state.fields.get(kind);
  if (!ofKind) {
    ofKind = new Map();
    state.fields.set(kind, ofKind);
  }
  let index = ofKind.get(field);
  if (!index) {
    index = new Map();
    for (const [uuid, r] of state.kinds.get(kind) ?? []) {
      for (const key of fieldKeys(r.index[field])) {
        const set = index.get(key) ?? new Set<string>();
        set.add(uuid);
        index.set(key, set);
      }
    }
    ofKind.set(field, index);
  }
  return index;
}

/** Keeps a kind's field indexes up to date with one committed write. */
function reindexFields(
  indexes: Map<string, Map<string, Set<string>>> | undefined,
  uuid: string,
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
): void {
  if (!indexes) return;
  for (const [field, index] of indexes) {
    for (const key of fieldKeys(before?.index[field])) index.get(key)?.delete(uuid);
    for (const key of fieldKeys(after?.index[field])) {
      const set = index.get(key) ?? new Set<string>();
      set.add(uuid);
      index.set(key, set);
    }
  }
}

/**
 * The records a query must look at: those of its organisations, or, when an `eq`/`in`/`hasAny`
 * filter narrows it further, the committed records a field index names for that filter (whichever
 * is fewer), plus the transaction's own writes of the kind. The query still checks every filter.
 */
function* candidatesOf(view: State | Draft, q: Query): Iterable<StoredRecord> {
  const state = 'base' in view ? view.base : view;
  let best: Set<string>[] | undefined;
  let bestSize = Number.POSITIVE_INFINITY;
  if (q.organizationUuids) {
    const byOrg = state.byOrg.get(q.kind);
    bestSize = 0;
    for (const org of new Set(q.organizationUuids)) bestSize += byOrg?.get(org)?.size ?? 0;
  }
  for (const filter of indexableFilters(q.filter)) {
    const index = fieldIndex(state, q.kind, filter.field);
    const keys = filter.op === 'eq' ? [String(filter.value)] : [...new Set(filter.values.map(String))];
    const sets: Set<string>[] = [];
    let size = 0;
    for (const key of keys) {
      const set = index.get(key);
      if (set) {
        sets.push(set);
        size += set.size;
      }
    }
    if (size < bestSize) {
      best = sets;
      bestSize = size;
    }
  }
  if (!best) {
    yield* recordsOf(view, q.kind, q.organizationUuids);
    return;
  }
  const writes = 'base' in view ? view.writes.get(q.kind) : undefined;
  const records = state.kinds.get(q.kind);
  const seen = new Set<string>();
  for (const set of best) {
    for (const uuid of set) {
      if (seen.has(uuid) || writes?.has(uuid)) continue;
      seen.add(uuid);
      const r = records?.get(uuid);
      if (r) yield r;
    }
  }
  for (const r of writes?.values() ?? []) if (r) yield r;
}

/** The index of the first entry with a position after `since` in a list in position order. */
function firstAfter(list: readonly { readonly seq: number }[], since: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as { seq: number }).seq > since) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The committed records written after `since`, each once in its latest version. */
function loggedSince(state: State, since: number): StoredRecord[] {
  const out: StoredRecord[] = [];
  const seen = new Set<string>();
  for (let i = firstAfter(state.log, since); i < state.log.length; i++) {
    const { kind, uuid } = state.log[i] as State['log'][number];
    const key = `${kind}\u0000${uuid}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = state.kinds.get(kind)?.get(uuid);
    if (r && r.seq > since) out.push(r);
  }
  return out;
}

/** The committed deletions after `since`. */
function tombstonesSince(state: State, since: number): Tombstone[] {
  return state.tombstones.slice(firstAfter(state.tombstones, since));
}

function tombstonesOf(view: State | Draft): Tombstone[] {
  return 'base' in view ? [...view.base.tombstones, ...view.tombstones] : view.tombstones;
}

/**
 * Creates an empty in-memory store.
 *
 * @example
 * ```ts
 * const storage = createMemoryStorage();
 * const kitos = await createKitos({ storage });
 * ```
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): StorageAdapter {
  const state: State = {
    kinds: new Map(),
    byOrg: new Map(),
    tombstones: [],
    log: [],
    seq: 0,
    positions: new Map(),
    kindPositions: new Map(),
    unique: new Map(),
    fields: new Map(),
  };
  let types: Record<string, Record<string, IndexFieldType>> = {};
  let uniques: Record<string, readonly UniqueConstraint[]> = {};
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const reader = (view: State | Draft): StorageReader => ({
    async get<T>(kind: string, uuid: string) {
      assertValidGet(kind, uuid);
      return lookup(view, kind, uuid) as StoredRecord<T> | undefined;
    },
    async query<T>(q: Query) {
      const kindTypes = Object.hasOwn(types, q?.kind) ? types[q.kind] : undefined;
      assertValidQuery(q, kindTypes);
      return runQuery(candidatesOf(view, q), q, kindTypes ?? {}) as QueryResult<T>;
    },
    async changesSince(since: number, opts?: ChangesOptions) {
      assertValidChanges(since, opts);
      // Outside a transaction the feed reads the log of writes after `since`, not every record.
      if (!('base' in view)) return runChanges(loggedSince(view, since), tombstonesSince(view, since), since, opts);
      // Inside one, a feed of given kinds in given organisations reads only their records.
      const scoped = opts?.kinds && opts.organizationUuids;
      const records = scoped
        ? [...new Set(opts.kinds)].flatMap((k) => [...recordsOf(view, k, opts.organizationUuids)])
        : recordsOf(view);
      return runChanges(records, tombstonesOf(view), since, opts);
    },
  });

  const adapter: StorageAdapter = {
    name: MEMORY_ADAPTER_NAME,
    capabilities: { collation: 'da', persistent: false },
    ...reader(state),
    async migrate(schema: StorageSchema) {
      types = Object.fromEntries(
        schema.kinds.map((k) => [k.kind, Object.fromEntries(k.fields.map((f) => [f.name, f.type]))]),
      );
      uniques = Object.fromEntries(schema.kinds.map((k) => [k.kind, k.unique ?? []]));
      rebuildUniqueIndex(state, uniques);
    },
    transaction<R>(work: (tx: StorageTransaction) => Promise<R>): Promise<R> {
      if (closed) return Promise.reject(new KitosError('storage', 'storage', 'the memory storage is closed'));
      const run = async () => {
        const draft: Draft = { base: state, writes: new Map(), tombstones: [], seq: state.seq, unique: new Map() };
        let writes = 0;
        const tx: StorageTransaction = {
          ...reader(draft),
          async lock(keys) {
            // Transactions already run one at a time here: nothing can interleave.
            assertValidLockKeys(keys);
          },
          async put<T>(r: PutRecord<T>) {
            options.beforeWrite?.(++writes);
            return putRecord(draft, r, uniques[r.kind] ?? []) as StoredRecord<T>;
          },
          async delete(kind, uuid, expectedVersion, deletedAt) {
            options.beforeWrite?.(++writes);
            deleteRecord(draft, kind, uuid, expectedVersion, deletedAt, uniques[kind] ?? []);
          },
        };
        const result = await work(tx);
        // Commit: nothing above touched `state`, so a failure before this point leaves it intact.
        const touched = new Map<string, string>();
        const logged: State['log'] = [];
        for (const [kind, writesOfKind] of draft.writes) {
          const records = state.kinds.get(kind) ?? new Map<string, StoredRecord>();
          const index = state.byOrg.get(kind) ?? new Map<string | null, Set<string>>();
          for (const [uuid, r] of writesOfKind) {
            const before = records.get(uuid);
            touched.set(positionKeyOf(kind, (r ?? before)?.organizationUuid ?? null), kindPositionKey(kind));
            if (before) index.get(before.organizationUuid)?.delete(uuid);
            reindexFields(state.fields.get(kind), uuid, before, r ?? undefined);
            if (r) {
              logged.push({ seq: r.seq, kind, uuid });
              records.set(uuid, r);
              const set = index.get(r.organizationUuid) ?? new Set<string>();
              set.add(uuid);
              index.set(r.organizationUuid, set);
            } else records.delete(uuid);
          }
          state.kinds.set(kind, records);
          state.byOrg.set(kind, index);
        }
        state.tombstones.push(...draft.tombstones);
        for (const entry of logged.sort((a, b) => a.seq - b.seq)) state.log.push(entry);
        state.seq = draft.seq;
        for (const [key, kindKey] of touched) {
          state.positions.set(key, (state.positions.get(key) ?? 0) + 1);
          state.kindPositions.set(kindKey, (state.kindPositions.get(kindKey) ?? 0) + 1);
        }
        for (const [name, keys] of draft.unique) {
          const committed = state.unique.get(name) ?? new Map<string, string>();
          for (const [key, uuid] of keys) {
            if (uuid === null) committed.delete(key);
            else committed.set(key, uuid);
          }
          state.unique.set(name, committed);
        }
        return result;
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      closed = true;
    },
    async position() {
      return state.seq;
    },
    async positionsOf(keys) {
      if (keys.includes(EVERY_POSITION)) return String(state.seq);
      return [...new Set(keys)]
        .sort()
        .map((k) => `${k}=${state.positions.get(k) ?? state.kindPositions.get(k) ?? 0}`)
        .join(',');
    },
  };
  return adapter;
}

function stage(draft: Draft, kind: string, uuid: string, r: StoredRecord | null): void {
  const m = draft.writes.get(kind) ?? new Map<string, StoredRecord | null>();
  m.set(uuid, r);
  draft.writes.set(kind, m);
}

const uniqueName = (kind: string, c: UniqueConstraint) => `${kind}\u0000${c.name}`;

function uniqueHolder(draft: Draft, name: string, key: string): string | undefined {
  const own = draft.unique.get(name)?.get(key);
  if (own !== undefined) return own ?? undefined;
  return draft.base.unique.get(name)?.get(key);
}

function stageUnique(draft: Draft, name: string, key: string, uuid: string | null): void {
  const m = draft.unique.get(name) ?? new Map<string, string | null>();
  m.set(key, uuid);
  draft.unique.set(name, m);
}

/** Refuses a write that would give two records one unique key; then moves this record's keys. */
function claimUniqueKeys(
  draft: Draft,
  r: PutRecord,
  current: StoredRecord | undefined,
  constraints: readonly UniqueConstraint[],
): void {
  for (const c of constraints) {
    const name = uniqueName(r.kind, c);
    const key = uniqueKey(c, r.organizationUuid, r.index as Record<string, unknown>);
    const holder = key === undefined ? undefined : uniqueHolder(draft, name, key);
    if (holder !== undefined && holder !== r.uuid) {
      throw new KitosConflictError(
        'storage',
        `${r.kind} ${r.uuid} would duplicate ${c.fields.join(', ')} of ${holder}`,
        {
          code: 'duplicate',
          kind: r.kind,
          uuid: r.uuid,
          constraint: c.name,
        },
      );
    }
  }
  for (const c of constraints) {
    const name = uniqueName(r.kind, c);
    const old = current ? uniqueKey(c, current.organizationUuid, current.index as Record<string, unknown>) : undefined;
    const key = uniqueKey(c, r.organizationUuid, r.index as Record<string, unknown>);
    if (old !== undefined && old !== key) stageUnique(draft, name, old, null);
    if (key !== undefined) stageUnique(draft, name, key, r.uuid);
  }
}

/** Rebuilds the unique keys from the records (after a migration changed the constraints). */
function rebuildUniqueIndex(state: State, uniques: Record<string, readonly UniqueConstraint[]>): void {
  state.unique = new Map();
  for (const [kind, constraints] of Object.entries(uniques)) {
    for (const c of constraints) {
      const keys = new Map<string, string>();
      for (const r of state.kinds.get(kind)?.values() ?? []) {
        const key = uniqueKey(c, r.organizationUuid, r.index as Record<string, unknown>);
        if (key === undefined) continue;
        if (keys.has(key))
          throw new KitosError('storage', 'storage', `existing ${kind} records break the unique constraint ${c.name}`, {
            kind,
            constraint: c.name,
          });
        keys.set(key, r.uuid);
      }
      state.unique.set(uniqueName(kind, c), keys);
    }
  }
}

function putRecord(draft: Draft, r: PutRecord, constraints: readonly UniqueConstraint[]): StoredRecord {
  const current = lookup(draft, r.kind, r.uuid);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== r.expectedVersion) {
    throw new KitosConflictError(
      'storage',
      r.expectedVersion === 0
        ? `${r.kind} ${r.uuid} already exists`
        : `${r.kind} ${r.uuid} was changed by someone else (expected version ${r.expectedVersion}, found ${currentVersion || 'none'})`,
      { kind: r.kind, uuid: r.uuid, expectedVersion: r.expectedVersion, actualVersion: currentVersion },
    );
  }
  claimUniqueKeys(draft, r, current, constraints);
  const stored: StoredRecord = deepFreeze({
    kind: r.kind,
    uuid: r.uuid,
    organizationUuid: r.organizationUuid,
    version: currentVersion + 1,
    seq: ++draft.seq,
    lastChanged: r.lastChanged,
    index: structuredClone(r.index),
    data: structuredClone(r.data),
  });
  stage(draft, r.kind, r.uuid, stored);
  return stored;
}

function deleteRecord(
  draft: Draft,
  kind: string,
  uuid: string,
  expectedVersion: number,
  deletedAt: string,
  constraints: readonly UniqueConstraint[],
): void {
  const current = lookup(draft, kind, uuid);
  if (!current || current.version !== expectedVersion) {
    throw new KitosConflictError('storage', `${kind} ${uuid} cannot be deleted: it is missing or was changed`, {
      kind,
      uuid,
      expectedVersion,
      actualVersion: current?.version ?? 0,
    });
  }
  for (const c of constraints) {
    const key = uniqueKey(c, current.organizationUuid, current.index as Record<string, unknown>);
    if (key !== undefined) stageUnique(draft, uniqueName(kind, c), key, null);
  }
  stage(draft, kind, uuid, null);
  draft.tombstones.push(
    deepFreeze({ kind, uuid, organizationUuid: current.organizationUuid, seq: ++draft.seq, deletedAt }),
  );
}

function runQuery(candidates: Iterable<StoredRecord>, q: Query, types: Record<string, IndexFieldType>): QueryResult {
  const orgs = q.organizationUuids ? new Set(q.organizationUuids) : undefined;
  const matches: StoredRecord[] = [];
  for (const r of candidates) {
    if (orgs && !orgs.has(r.organizationUuid)) continue;
    if (q.filter && !matchesFilter(r.index, q.filter, types)) continue;
    matches.push(r);
  }
  matches.sort((a, b) => compareRecords(a, b, q.sort ?? [], types));
  const offset = q.offset ?? 0;
  const records = q.limit === undefined ? matches.slice(offset) : matches.slice(offset, offset + q.limit);
  return q.count ? { records, total: matches.length } : { records };
}

function runChanges(
  records: Iterable<StoredRecord>,
  tombstones: readonly Tombstone[],
  since: number,
  opts: ChangesOptions = {},
): ChangeSet {
  const kinds = opts.kinds ? new Set(opts.kinds) : undefined;
  const orgs = opts.organizationUuids ? new Set(opts.organizationUuids) : undefined;
  const wanted = (kind: string, org: string | null, seq: number) =>
    seq > since && (!kinds || kinds.has(kind)) && (!orgs || orgs.has(org));
  const changed = [...records].filter((r) => wanted(r.kind, r.organizationUuid, r.seq));
  const deleted = tombstones.filter((t) => wanted(t.kind, t.organizationUuid, t.seq));
  const all = [...changed.map((r) => r.seq), ...deleted.map((t) => t.seq)].sort((a, b) => a - b);
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const cutoff = all.length > limit ? (all[limit - 1] as number) : Number.POSITIVE_INFINITY;
  const inPage = <T extends { seq: number }>(xs: T[]) =>
    xs.filter((x) => x.seq <= cutoff).sort((a, b) => a.seq - b.seq);
  const page = { changed: inPage(changed), deleted: inPage(deleted) };
  const last = Math.max(since, ...page.changed.map((r) => r.seq), ...page.deleted.map((t) => t.seq));
  return { ...page, next: last };
}
