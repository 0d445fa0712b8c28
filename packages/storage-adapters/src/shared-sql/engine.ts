/**
 * The storage port over SQL, shared by the sql.js, better-sqlite3 and PostgreSQL adapters: reads,
 * versioned writes, the change feed and the writer's seq counter. The adapters add connections,
 * transactions (BEGIN/COMMIT/ROLLBACK) and persistence around it.
 *
 * Writes take the `seq` counter row first (PostgreSQL: `SELECT … FOR UPDATE`), so writing
 * transactions commit in seq order and a change-feed reader never skips a position that commits
 * later. Version checks are the `WHERE version = $n` of the `UPDATE` (and `ON CONFLICT DO NOTHING`
 * of the `INSERT`): zero rows means someone else wrote first, a `KitosConflictError`.
 *
 * @module
 */
import {
  assertValidChanges,
  assertValidGet,
  assertValidLockKeys,
  assertValidQuery,
  type ChangeSet,
  type ChangesOptions,
  type KindFieldTypes,
  KitosError,
  type PutRecord,
  type Query,
  type QueryResult,
  type StorageReader,
  type StorageTransaction,
  type StoredRecord,
  type Tombstone,
} from '@os2kitos/core';
import { type SqlDialect, SqlParams } from './dialect.js';
import type { KindLayout } from './layout.js';
import { querySql, RECORD_COLUMNS, scopeSql } from './query-sql.js';
import { decodeText, encodeText } from './text-codec.js';
import { deleteRecord, writeRecord } from './writes.js';

/** A row as the drivers return it. */
export type SqlRow = Record<string, unknown>;

/** Runs one parameterised statement and returns its rows. */
export interface SqlExecutor {
  all(sql: string, params?: readonly unknown[]): Promise<SqlRow[]>;
}

/** The kind tables as the database has them; reloaded when a kind is unknown. */
export interface LayoutSource {
  get(kind: string, exec: SqlExecutor): Promise<KindLayout | undefined>;
  all(exec: SqlExecutor): Promise<readonly KindLayout[]>;
}

/** Everything the engine needs besides a connection. */
export interface SqlEngineContext {
  readonly dialect: SqlDialect;
  readonly layouts: LayoutSource;
  /** Adapter name for error context. */
  readonly adapter: string;
  /** Test hook, as in the memory adapter: called before each write with the running count. */
  readonly beforeWrite?: (writeNumber: number) => void;
  /** Throws when the store may not be written (a read-only snapshot). */
  readonly assertWritable?: () => void;
  /**
   * Takes the transaction-level locks of {@link StorageTransaction.lock} (PostgreSQL: advisory
   * locks). Absent where transactions already run one at a time (SQLite).
   */
  readonly lock?: (exec: SqlExecutor, keys: readonly string[]) => Promise<void>;
}

/** The declared field types of a kind's layout, for the port's input checks. */
function fieldTypesOf(layout: KindLayout | undefined): KindFieldTypes | undefined {
  return layout ? Object.fromEntries([...layout.fields.values()].map((f) => [f.name, f.type])) : undefined;
}

/** Turns a stored row into a record. */
export function toRecord<T>(kind: string, row: SqlRow): StoredRecord<T> {
  return {
    kind,
    uuid: decodeText(row.uuid as string),
    organizationUuid: decodeNullable(row.organization_uuid),
    version: Number(row.version),
    seq: Number(row.seq),
    lastChanged: decodeText(row.last_changed as string),
    index: JSON.parse(row.index_json as string),
    data: JSON.parse(row.data as string) as T,
  };
}

const params = (d: SqlDialect) => new SqlParams((n) => d.placeholder(n));
const decodeNullable = (v: unknown) => (v === null || v === undefined ? null : decodeText(String(v)));

/** Reads over one connection (inside or outside a transaction). */
export function sqlReader(ctx: SqlEngineContext, exec: SqlExecutor): StorageReader {
  const d = ctx.dialect;
  return {
    async get<T>(kind: string, uuid: string) {
      assertValidGet(kind, uuid);
      const layout = await ctx.layouts.get(kind, exec);
      if (!layout) return undefined;
      const p = params(d);
      const rows = await exec.all(
        `SELECT ${RECORD_COLUMNS} FROM ${d.table(layout.table)} AS t WHERE t.uuid = ${p.add(encodeText(uuid))}`,
        p.values,
      );
      return rows[0] ? toRecord<T>(kind, rows[0]) : undefined;
    },
    async query<T>(q: Query): Promise<QueryResult<T>> {
      const layout = typeof q?.kind === 'string' ? await ctx.layouts.get(q.kind, exec) : undefined;
      assertValidQuery(q, fieldTypesOf(layout));
      if (!layout) return q.count ? { records: [], total: 0 } : { records: [] };
      const { page, count } = querySql(layout, q, d, () => params(d));
      const rows = await exec.all(page.sql, page.params);
      const records = rows.map((r) => toRecord<T>(q.kind, r));
      if (!count) return { records };
      // A windowed count, or a page that ends before the limit, already tells the total.
      if (d.windowCount && rows[0]) return { records, total: Number(rows[0].total) };
      const offset = q.offset ?? 0;
      const reachedEnd = q.limit === undefined || rows.length < q.limit;
      if (reachedEnd && (rows.length > 0 || offset === 0)) return { records, total: offset + rows.length };
      const total = Number((await exec.all(count.sql, count.params))[0]?.n ?? 0);
      return { records, total };
    },
    changesSince: async (since, options) => {
      assertValidChanges(since, options);
      return changesSince(ctx, exec, since, options);
    },
  };
}

async function changesSince(
  ctx: SqlEngineContext,
  exec: SqlExecutor,
  since: number,
  options: ChangesOptions = {},
): Promise<ChangeSet> {
  const d = ctx.dialect;
  const all = await ctx.layouts.all(exec);
  const layouts = options.kinds ? all.filter((l) => options.kinds?.includes(l.kind)) : all;
  const p = params(d);
  const sinceRef = p.add(since);
  const branches = layouts.map(
    (l) =>
      `SELECT '${l.kind}' AS kind, ${RECORD_COLUMNS}, 0 AS deleted FROM ${d.table(l.table)} AS t ` +
      `WHERE t.seq > ${sinceRef} AND ${scopeSql('t.organization_uuid', options.organizationUuids, d, p)}`,
  );
  const kinds = options.kinds ? d.inList('t.kind', options.kinds, 'text', p) : 'TRUE';
  branches.push(
    `SELECT t.kind, t.uuid, t.organization_uuid, NULL AS version, t.seq, t.deleted_at AS last_changed, ` +
      `NULL AS index_json, NULL AS data, 1 AS deleted FROM ${d.table('tombstones')} AS t ` +
      `WHERE t.seq > ${sinceRef} AND ${kinds} AND ${scopeSql('t.organization_uuid', options.organizationUuids, d, p)}`,
  );
  const limit = options.limit === undefined ? '' : `LIMIT ${p.add(Math.max(0, Math.floor(options.limit)))}`;
  const rows = await exec.all(`SELECT * FROM (${branches.join(' UNION ALL ')}) AS c ORDER BY seq ${limit}`, p.values);
  const changed: StoredRecord[] = [];
  const deleted: Tombstone[] = [];
  let next = since;
  for (const r of rows) {
    const seq = Number(r.seq);
    next = Math.max(next, seq);
    if (Number(r.deleted) === 1) {
      deleted.push({
        kind: r.kind as string,
        uuid: decodeText(r.uuid as string),
        organizationUuid: decodeNullable(r.organization_uuid),
        seq,
        deletedAt: decodeText(r.last_changed as string),
      });
    } else changed.push(toRecord(r.kind as string, r));
  }
  return { changed, deleted, next };
}

/**
 * The current change-feed position: the last committed `seq` (0 before the first write). One
 * indexed row, so the services can ask it on every read to reuse cached results.
 */
export async function readPosition(ctx: SqlEngineContext, exec: SqlExecutor): Promise<number> {
  const rows = await exec.all(`SELECT value FROM ${ctx.dialect.table('counters')} WHERE name = 'seq'`, []);
  return Number(rows[0]?.value ?? 0);
}

/** The writable view of one transaction; `finish()` stores the counter before COMMIT. */
export interface SqlTransaction extends StorageTransaction {
  finish(): Promise<void>;
  /** Whether any write succeeded. */
  wrote(): boolean;
  /** Marks the view as unusable (after COMMIT or ROLLBACK). */
  close(): void;
}

/** A transaction's reads and writes over its connection. */
export function sqlTransaction(ctx: SqlEngineContext, exec: SqlExecutor): SqlTransaction {
  const d = ctx.dialect;
  let closed = false;
  let writes = 0;
  let seq: number | undefined;
  let dirty = false;
  let succeeded = 0;
  const guarded: SqlExecutor = {
    all(sql, values) {
      if (closed) {
        return Promise.reject(new KitosError('storage', 'storage', 'this transaction has already ended'));
      }
      return exec.all(sql, values);
    },
  };
  const reader = sqlReader(ctx, guarded);
  const nextSeq = async () => {
    if (seq === undefined) {
      const rows = await guarded.all(`SELECT value FROM ${d.table('counters')} WHERE name = 'seq'${d.lockSuffix}`);
      seq = Number(rows[0]?.value ?? 0);
    }
    return seq + 1;
  };
  const layoutOf = async (kind: string) => {
    const layout = await ctx.layouts.get(kind, guarded);
    if (!layout) {
      throw new KitosError('storage', 'storage', `kind "${kind}" is not in the storage schema: migrate first`, {
        kind,
        adapter: ctx.adapter,
      });
    }
    return layout;
  };
  const beforeWrite = () => {
    ctx.assertWritable?.();
    ctx.beforeWrite?.(++writes);
  };
  return {
    ...reader,
    async lock(keys) {
      assertValidLockKeys(keys);
      if (ctx.lock && keys.length > 0) await ctx.lock(guarded, keys);
    },
    async put<T>(r: PutRecord<T>): Promise<StoredRecord<T>> {
      beforeWrite();
      const layout = await layoutOf(r.kind);
      const s = await nextSeq();
      const stored = await writeRecord(d, guarded, layout, r, s);
      seq = s;
      dirty = true;
      succeeded++;
      return stored;
    },
    async delete(kind, uuid, expectedVersion, deletedAt) {
      beforeWrite();
      const layout = await layoutOf(kind);
      const s = await nextSeq();
      await deleteRecord(d, guarded, layout, { uuid, expectedVersion, deletedAt, seq: s });
      seq = s;
      dirty = true;
      succeeded++;
    },
    async finish() {
      if (!dirty) return;
      const p = params(d);
      await guarded.all(`UPDATE ${d.table('counters')} SET value = ${p.add(seq)} WHERE name = 'seq'`, p.values);
      dirty = false;
    },
    wrote: () => succeeded > 0,
    close() {
      closed = true;
    },
  };
}
