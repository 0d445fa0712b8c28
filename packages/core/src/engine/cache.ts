/**
 * Reuse of computed values until what they were computed from changes. A computation reads through
 * a tracking reader that notes which position keys its reads depend on (the organisations of the
 * records it read, the kinds of records that belong to no organisation, or everything); the value
 * stays valid while the storage's token for those keys ({@link StorageAdapter.positionsOf}) stands
 * still. So a write in one municipality leaves another municipality's cached overview alone, and a
 * write through another server process over the same database invalidates it on the next read,
 * because the token is read from the database. Adapters that only tell one global position fall
 * back to it; adapters that tell nothing get no caching.
 *
 * @module
 */
import {
  EVERY_POSITION,
  type Filter,
  type GroupCountQuery,
  kindPositionKey,
  positionKeyOf,
  type Query,
  type QueryResult,
  type StorageAdapter,
  type StorageReader,
} from '../storage/port.js';

/** Where a cache reads its tokens. */
export type PositionSource = Pick<StorageAdapter, 'position' | 'positionsOf'>;

interface Entry<V> {
  /** The keys `token` covers. */
  deps: readonly string[];
  token: string;
  /** The token of `deps` without the refresh key, when the entry can be brought up to date. */
  restToken?: string;
  /** Resolves to the value and whether `deps` covered every key the computation read. */
  readonly result: Promise<{ value: V; covered: boolean; seen: readonly string[] }>;
  /** Keys the last computation read (to cover next time). */
  seen?: readonly string[];
}

const covers = (deps: readonly string[], seen: readonly string[]) =>
  deps.includes(EVERY_POSITION) || seen.every((k) => deps.includes(k));

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/** Position keys a query's result depends on. */
function queryKeys(q: Query, result: QueryResult): string[] {
  if (q.organizationUuids) return q.organizationUuids.map((o) => positionKeyOf(q.kind, o));
  const f: Filter | undefined = q.filter;
  if (f && (f.op === 'eq' || f.op === 'in') && (f.field === 'organizationUuid' || f.field === 'uuid')) {
    const values = (f.op === 'in' ? f.values : [f.value]).map(String);
    // The owner field: the records of those organisations.
    if (f.field === 'organizationUuid') return values.map((v) => positionKeyOf(q.kind, v));
    // A look-up by identity depends on the records found; one not found could appear anywhere.
    const found = new Set(result.records.map((r) => r.uuid));
    if (!values.every((v) => found.has(v))) return [kindPositionKey(q.kind)];
    return result.records.map((r) => positionKeyOf(q.kind, r.organizationUuid));
  }
  // Any other query of the kind, in every organisation.
  return [kindPositionKey(q.kind)];
}

/**
 * A reader that records into `seen` the position keys of what it reads (see {@link queryKeys}).
 * Writes and locks pass through untouched.
 */
export function trackingReader<R extends StorageReader>(reader: R, seen: Set<string>): R {
  return {
    ...reader,
    async get<T>(kind: string, uuid: string) {
      const r = await reader.get<T>(kind, uuid);
      // Not found: it could appear in any organisation.
      seen.add(r ? positionKeyOf(kind, r.organizationUuid) : kindPositionKey(kind));
      return r;
    },
    async query<T>(q: Query) {
      const result = await reader.query<T>(q);
      for (const k of queryKeys(q, result as QueryResult)) seen.add(k);
      return result;
    },
    changesSince(since, options) {
      // A feed of given kinds depends on just those (in the given organisations, or in every one);
      // any other on everything.
      const { kinds, organizationUuids } = options ?? {};
      if (kinds && organizationUuids)
        for (const k of kinds) for (const o of organizationUuids) seen.add(positionKeyOf(k, o));
      else if (kinds) for (const k of kinds) seen.add(kindPositionKey(k));
      else seen.add(EVERY_POSITION);
      return reader.changesSince(since, options);
    },
    // A grouped count depends on every record of the kind in its scope.
    ...(reader.groupCount && {
      groupCount: (q: GroupCountQuery) => {
        for (const k of q.organizationUuids?.map((o) => positionKeyOf(q.kind, o)) ?? [kindPositionKey(q.kind)])
          seen.add(k);
        return reader.groupCount?.(q) ?? Promise.resolve([]);
      },
    }),
  };
}

/** Options of {@link PositionCache}. */
export interface PositionCacheOptions {
  /** Most entries kept (least recently used go first). */
  readonly capacity?: number;
}

/**
 * How a cached value is brought up to date when the only writes since it was computed are under
 * some position keys (for an overview: the records of its own kind and the units of its own
 * organisation), instead of being computed again.
 */
export interface CacheRefresh<V, R extends StorageReader> {
  /** The position keys whose writes {@link CacheRefresh.apply} can take in. */
  readonly keys: readonly string[];
  /** The value brought up to date with the writes under `keys` (read through `reader`). */
  apply(value: V, reader: R): Promise<V>;
}

/** A small cache keyed by string, each entry valid while the positions it read from stand still. */
export class PositionCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly capacity: number;

  constructor(
    private readonly storage: PositionSource,
    options: PositionCacheOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { capacity: options } : options;
    this.capacity = o.capacity ?? 32;
  }

  /** The token of `deps`, from the storage. */
  private async token(deps: readonly string[]): Promise<string | undefined> {
    if (this.storage.positionsOf) return this.storage.positionsOf(deps);
    if (this.storage.position) return String(await this.storage.position());
    return undefined;
  }

  /**
   * The cached value for `key`, or `compute(reader)` with a tracking view of `reader` (cached when
   * the storage can tell its positions). Tokens are read before computing: a value then reflects at
   * least that state, and a write during the computation only makes the next call recompute.
   */
  async get<R extends StorageReader>(
    key: string,
    reader: R,
    compute: (reader: R) => Promise<V>,
    refresh?: CacheRefresh<V, R>,
  ): Promise<V> {
    const hit = this.entries.get(key);
    const checked = hit ? await this.token(hit.deps) : undefined;
    const previous = hit && checked !== undefined ? await hit.result.catch(() => undefined) : undefined;
    if (hit && previous?.covered && checked === hit.token) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return previous.value;
    }
    // Only refresh keys moved: take their writes into the cached value.
    if (hit && previous?.covered && refresh && checked !== undefined && hit.restToken !== undefined) {
      const rest = await this.token(hit.deps.filter((k) => !refresh.keys.includes(k)));
      if (rest === hit.restToken)
        return this.store(key, hit.deps, checked, rest, refresh.keys, (r) => refresh.apply(previous.value, r), reader, [
          ...previous.seen,
        ]);
    }
    const deps = [...(hit?.seen ?? [EVERY_POSITION])].sort();
    const token = hit && sameKeys(deps, hit.deps) ? checked : await this.token(deps);
    if (token === undefined) return compute(reader);
    const restToken = await this.restTokenOf(deps, refresh?.keys);
    return this.store(key, deps, token, restToken, refresh?.keys, compute, reader);
  }

  /** The token of `deps` without the refresh keys, when `deps` holds one (and not every position). */
  private async restTokenOf(
    deps: readonly string[],
    refreshKeys: readonly string[] | undefined,
  ): Promise<string | undefined> {
    if (!refreshKeys?.some((k) => deps.includes(k)) || deps.includes(EVERY_POSITION)) return undefined;
    return this.token(deps.filter((k) => !refreshKeys.includes(k)));
  }

  /**
   * Runs `compute` over a tracking reader and keeps its result under `key`, valid for `token` (and,
   * for the keys besides the refresh key, `restToken`).
   */
  private async store<R extends StorageReader>(
    key: string,
    deps: readonly string[],
    token: string,
    restToken: string | undefined,
    refreshKeys: readonly string[] | undefined,
    compute: (reader: R) => Promise<V>,
    reader: R,
    inherited: readonly string[] = [],
  ): Promise<V> {
    // A refreshed value still depends on what the value it started from read.
    const seen = new Set<string>(inherited);
    const result = compute(trackingReader(reader, seen)).then((value) => {
      const keys = [...seen].sort();
      return { value, covered: covers(deps, keys), seen: keys };
    });
    const entry: Entry<V> = { deps, token, restToken, result };
    this.entries.delete(key);
    this.entries.set(key, entry);
    result
      .then(
        async (r) => {
          entry.seen = r.seen;
          // A first computation had to depend on every write. If nothing at all was written since its
          // token was read, the token of just what it read is valid for it too: narrow to that now,
          // so the first write elsewhere does not cost a recomputation. (Narrow first, then check.)
          if (!deps.includes(EVERY_POSITION) || r.seen.includes(EVERY_POSITION)) return;
          const narrow = await this.token(r.seen);
          const narrowRest = await this.restTokenOf(r.seen, refreshKeys);
          if (narrow !== undefined && (await this.token(deps)) === token) {
            entry.deps = r.seen;
            entry.token = narrow;
            entry.restToken = narrowRest;
          }
        },
        () => {
          if (this.entries.get(key) === entry) this.entries.delete(key);
        },
      )
      // Narrowing is an optimisation: when its token reads fail (the storage closed meanwhile),
      // the entry keeps its wider dependencies.
      .catch(() => undefined);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return (await result).value;
  }
}
