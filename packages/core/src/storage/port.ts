/**
 * The StorageAdapter port: what the core needs from any backend. Adapters store versioned records
 * per kind, answer the query language below, run transactions, keep a change feed with deletions
 * and apply the core's schema (the kinds and their indexed fields).
 *
 * Records carry their full data as JSON plus an `index` object: the typed values overviews filter
 * and sort on (names, dates, uuids). SQL adapters keep those as typed, indexed columns; the memory
 * adapter reads them from the object. Filters and sorts may only name index fields, so every
 * adapter can answer every query.
 *
 * @module
 */
/** A value an index field can hold. */
export type IndexValue = string | number | boolean | null;
/** Values of a record's index fields, by field name. Array-valued fields hold lists of strings. */
export type IndexValues = Record<string, IndexValue | readonly string[]>;

/** Type of an index field; decides comparison, SQL column type and collation. */
export type IndexFieldType = 'text' | 'number' | 'date' | 'boolean' | 'textList';

/** One indexed field of a kind. */
export interface IndexFieldDefinition {
  readonly name: string;
  readonly type: IndexFieldType;
}

/**
 * Values that at most one record of a kind may share: the named index fields (text, number, date
 * or boolean), within one organisation when `perOrganization` is set. A record with a `null` in
 * any of the fields is not constrained (as in SQL). A write that would break it is a
 * `KitosConflictError` with code `duplicate` and nothing is written.
 */
export interface UniqueConstraint {
  /** Stable name (letters, digits, `_`), used for the database index. */
  readonly name: string;
  readonly fields: readonly string[];
  readonly perOrganization: boolean;
}

/** A record kind and its indexed fields (the unit of schema migration). */
export interface KindDefinition {
  readonly kind: string;
  readonly fields: readonly IndexFieldDefinition[];
  /** Uniqueness the storage itself guarantees, even against concurrent writers in other processes. */
  readonly unique?: readonly UniqueConstraint[];
}

/** The storage schema the core asks adapters to apply: a version and the kinds. */
export interface StorageSchema {
  /** Increases whenever kinds or index fields change. */
  readonly version: number;
  readonly kinds: readonly KindDefinition[];
}

/** A stored record. */
export interface StoredRecord<T = unknown> {
  readonly kind: string;
  readonly uuid: string;
  /** Owning organisation, or `null` for global data (catalogue entries carry their creating org). */
  readonly organizationUuid: string | null;
  /** Optimistic concurrency version: 1 after create, +1 per write. */
  readonly version: number;
  /** Position in the change feed of the write that produced this version. */
  readonly seq: number;
  /** UTC timestamp of the last write. */
  readonly lastChanged: string;
  readonly index: IndexValues;
  readonly data: T;
}

/** A write: create when `expectedVersion` is 0, otherwise replace exactly that version. */
export interface PutRecord<T = unknown> {
  readonly kind: string;
  readonly uuid: string;
  readonly organizationUuid: string | null;
  /** 0 to create (fails if the uuid exists), else the version the caller read. */
  readonly expectedVersion: number;
  readonly lastChanged: string;
  readonly index: IndexValues;
  readonly data: T;
}

/** Comparison operators on one index field. */
export type ComparisonOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

/**
 * The filter language. Text comparisons (`contains`, `startsWith`, `eq` with `ignoreCase`) are
 * case-insensitive where stated; `lt`/`gt` on dates compare `YYYY-MM-DD` strings (inclusive with
 * `lte`/`gte`: "on or before" is `lte`).
 */
export type Filter =
  | { readonly op: 'and' | 'or'; readonly filters: readonly Filter[] }
  | { readonly op: 'not'; readonly filter: Filter }
  | { readonly op: ComparisonOp; readonly field: string; readonly value: string | number | boolean }
  | { readonly op: 'in'; readonly field: string; readonly values: readonly (string | number)[] }
  | { readonly op: 'contains' | 'startsWith'; readonly field: string; readonly value: string }
  | { readonly op: 'isNull' | 'notNull'; readonly field: string }
  /** For `textList` fields: the list holds at least one of the values. */
  | { readonly op: 'hasAny'; readonly field: string; readonly values: readonly string[] };

/** Sort key; text sorts use the adapter's declared collation (Danish where supported). */
export interface SortKey {
  readonly field: string;
  readonly direction?: 'asc' | 'desc';
}

/** A query over one kind. Results are always ordered totally (ties broken by uuid) so paging is stable. */
export interface Query {
  readonly kind: string;
  /** Only records of these organisations (`null` in the list matches global records). Omit for all. */
  readonly organizationUuids?: readonly (string | null)[];
  readonly filter?: Filter;
  readonly sort?: readonly SortKey[];
  readonly offset?: number;
  readonly limit?: number;
  /** Also return the total number of matches, ignoring offset/limit. */
  readonly count?: boolean;
}

/** Result of a {@link Query}. */
export interface QueryResult<T = unknown> {
  readonly records: readonly StoredRecord<T>[];
  /** Present when the query asked for `count`. */
  readonly total?: number;
}

/**
 * A grouped count (see {@link StorageReader.groupCount}): the records of a kind matching the
 * filter, grouped by the values of one or two `text` index fields (records with an empty group
 * field are left out).
 */
export interface GroupCountQuery {
  readonly kind: string;
  /** One or two `text` index fields, e.g. `['systemUuid']` or `['organizationUuid', 'systemUuid']`. */
  readonly groupBy: readonly string[];
  readonly organizationUuids?: readonly (string | null)[];
  readonly filter?: Filter;
}

/** One group of a {@link GroupCountQuery}. */
export interface GroupCount {
  /** The group's values, in the order of `groupBy`. */
  readonly values: readonly string[];
  /** How many records. */
  readonly records: number;
  /** How many distinct owning organisations (records of no organisation count none). */
  readonly organizations: number;
}

/** A deletion in the change feed. */
export interface Tombstone {
  readonly kind: string;
  readonly uuid: string;
  readonly organizationUuid: string | null;
  readonly seq: number;
  readonly deletedAt: string;
}

/** What changed after a feed position. */
export interface ChangeSet {
  readonly changed: readonly StoredRecord[];
  readonly deleted: readonly Tombstone[];
  /** The position to ask from next time (the largest seq seen, or the input when nothing changed). */
  readonly next: number;
}

/** Options for {@link StorageReader.changesSince}. */
export interface ChangesOptions {
  readonly kinds?: readonly string[];
  readonly organizationUuids?: readonly (string | null)[];
  readonly limit?: number;
  /**
   * Also return changes that committed while a transaction with a smaller position is still
   * running (a feed with a horizon, such as PostgreSQL's, holds those back until it ends). `next`
   * is then a position below which nothing can still commit, so asking again from `next` misses
   * nothing but may return some changes a second time. For readers that apply changes by identity
   * (caches); a feed that must list each change once, in order, leaves it off. Adapters that commit
   * in position order answer as without it.
   */
  readonly includeUnsettled?: boolean;
}

/** Reads available both inside and outside a transaction. */
export interface StorageReader {
  get<T = unknown>(kind: string, uuid: string): Promise<StoredRecord<T> | undefined>;
  query<T = unknown>(query: Query): Promise<QueryResult<T>>;
  /** Changed records (latest version) and deletions with `seq > since`, in seq order. */
  changesSince(since: number, options?: ChangesOptions): Promise<ChangeSet>;
  /**
   * Optional capability: a grouped count computed by the store (PostgreSQL: one `GROUP BY` over
   * the typed index columns, no record data read). Adapters without it are served by the core's
   * `groupCount`, which counts the records of a query; both give the same groups, sorted by values.
   */
  groupCount?(query: GroupCountQuery): Promise<readonly GroupCount[]>;
}

/** The writable view inside a transaction. */
export interface StorageTransaction extends StorageReader {
  /**
   * Serialises this transaction with every other transaction that locks one of the same keys,
   * until it commits or rolls back. The core locks the organisation (and a few global keys such as
   * an e-mail address) before it checks uniqueness and tree rules, so the checks see every write
   * that committed before and no other writer can slip in between check and write. Adapters that
   * run one transaction at a time may resolve at once; adapters with concurrent transactions must
   * block (PostgreSQL: transaction-level advisory locks). Call it before the reads it protects.
   */
  lock(keys: readonly string[]): Promise<void>;
  /** Creates or replaces a record; throws `KitosConflictError` on a version mismatch. */
  put<T = unknown>(record: PutRecord<T>): Promise<StoredRecord<T>>;
  /** Deletes a record at the expected version and writes a tombstone; conflict on mismatch. */
  delete(kind: string, uuid: string, expectedVersion: number, deletedAt: string): Promise<void>;
}

/** Where the adapter's text sorting and comparison differ from the reference (memory) adapter. */
export interface StorageCapabilities {
  /** `da`: æ, ø, å sort after z, case-insensitively; `binary`: code-point order. */
  readonly collation: 'da' | 'binary';
  /** Whether data survives closing and reopening. */
  readonly persistent: boolean;
}

/**
 * A storage backend.
 *
 * @example
 * ```ts
 * const storage = createMemoryStorage();
 * await storage.migrate(CORE_STORAGE_SCHEMA);
 * await storage.transaction(async (tx) => {
 *   await tx.put({ kind: 'note', uuid, organizationUuid: null, expectedVersion: 0,
 *     lastChanged: new Date().toISOString(), index: { name: 'Ærø' }, data: { name: 'Ærø' } });
 * });
 * ```
 */
export interface StorageAdapter extends StorageReader {
  /** Adapter name, e.g. `memory`, `sqljs`, `postgres`. */
  readonly name: string;
  readonly capabilities: StorageCapabilities;
  /** Creates or upgrades tables/indexes for the schema; safe to call on every open. */
  migrate(schema: StorageSchema): Promise<void>;
  /**
   * Runs `work` atomically: all its writes become visible together when it resolves, and none of
   * them when it throws (the error is re-thrown). Transactions run one at a time.
   */
  transaction<R>(work: (tx: StorageTransaction) => Promise<R>): Promise<R>;
  /** Releases resources (connections, file handles). */
  close(): Promise<void>;
  /**
   * The current change-feed position (the largest `seq` written), if the adapter can tell cheaply.
   * The services use it to reuse computed overviews and actor facts until something changes.
   */
  position?(): Promise<number>;
  /**
   * A token that changes whenever a transaction that wrote under one of `keys` commits, and stays
   * the same otherwise, if the adapter can tell cheaply. Keys: {@link positionKeyOf} (records of one
   * kind in one organisation, or of no organisation), {@link kindPositionKey} (records of one kind
   * anywhere) and {@link EVERY_POSITION} (every write). Caches use it to stay valid while other
   * organisations write.
   */
  positionsOf?(keys: readonly string[]): Promise<string>;
}

/**
 * The key {@link StorageAdapter.positionsOf} counts a record's writes under: its kind and its
 * organisation (none for global records).
 *
 * @example
 * ```ts
 * positionKeyOf('itSystemUsage', orgUuid); // 'kind:itSystemUsage@…'
 * positionKeyOf('globalOption', null);     // 'kind:globalOption@'
 * ```
 */
export function positionKeyOf(kind: string, organizationUuid: string | null): string {
  return `kind:${kind}@${organizationUuid ?? ''}`;
}

/**
 * The key of {@link StorageAdapter.positionsOf} for every record of a kind, in any organisation.
 *
 * @example
 * ```ts
 * kindPositionKey('membership'); // 'kind:membership'
 * ```
 */
export function kindPositionKey(kind: string): string {
  return `kind:${kind}`;
}

/** The key of {@link StorageAdapter.positionsOf} that stands for every write. */
export const EVERY_POSITION = '*';
