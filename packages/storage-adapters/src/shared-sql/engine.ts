/**
 * The storage port over SQL, shared by the sql.js, better-sqlite3 and PostgreSQL adapters: reads,
 * versioned writes, the change feed and the writer's seq counter. The adapters add connections,
 * transactions (BEGIN/COMMIT/ROLLBACK) and persistence around it.
 *
 * Positions: on SQLite (one writer) a write takes the `seq` counter row for its transaction. On
 * PostgreSQL no writer waits for another's position: a write's `seq` is its transaction's id
 * times 2^20 plus its number in the transaction, and the change feed reads only below the
 * horizon of transactions that may still commit (see `SqlDialect.feedHorizon`), so a reader never
 * skips a position that commits later. Each commit also counts, per organisation (and per kind for
 * records of no organisation), in the `positions` table: caches of one municipality stay valid
 * while another municipality writes. Only writers of the same organisation wait for each other,
 * on that row, at the very end of their transactions. Version checks are the `WHERE version = $n` of the `UPDATE` (and `ON CONFLICT DO NOTHING`
 * of the `INSERT`): zero rows means someone else wrote first, a `KitosConflictError`.
 *
 * @module
 */
import {
  assertValidChanges,
  assertValidGet,
  assertValidGroupBy,
  assertValidLockKeys,
  assertValidQuery,
  type ChangeSet,
  type ChangesOptions,
  type GroupCount,
  type GroupCountQuery,
  type KindFieldTypes,
  KitosError,
  type PutRecord,
  positionKeyOf,
  type Query,
  type QueryResult,
  type StorageReader,
  type StorageTransaction,
  type StoredRecord,
  type Tombstone,
} from '@os2kitos/core';
import { type SqlDialect, SqlParams } from './dialect.js';
import type { KindLayout } from './layout.js';
import { groupCountSql, querySql, RECORD_COLUMNS, scopeSql } from './query-sql.js';
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

/**
 * A grouped count in SQL over one connection (the PostgreSQL adapter's
 * {@link StorageReader.groupCount}); validated like a query. An unknown kind has no groups.
 */
export async function sqlGroupCount(
  ctx: SqlEngineContext,
  exec: SqlExecutor,
  q: GroupCountQuery,
): Promise<GroupCount[]> {
  const layout = typeof q?.kind === 'string' ? await ctx.layouts.get(q.kind, exec) : undefined;
  assertValidGroupBy(q);
  assertValidQuery({ kind: q.kind, organizationUuids: q.organizationUuids, filter: q.filter }, fieldTypesOf(layout));
  if (!layout) return [];
  const { sql, params: values } = groupCountSql(layout, q, ctx.dialect, params(ctx.dialect));
  const rows = await exec.all(sql, values);
  return rows.map((r) => ({
    values: q.groupBy.map((_, i) => decodeText(String(r[`g${i}`]))),
    records: Number(r.records),
    organizations: Number(r.organizations),
  }));
}

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
  // Below the horizon only: a transaction that commits later never writes there. Readers that
  // include unsettled changes get everything committed, and a `next` below the horizon.
  const below = d.feedHorizon ? await horizon(ctx, exec) : undefined;
  const unsettled = below !== undefined && options.includeUnsettled === true;
  const bounded = below !== undefined && !unsettled ? `WHERE seq < ${p.add(below)}` : '';
  const rows = await exec.all(
    `SELECT * FROM (${branches.join(' UNION ALL ')}) AS c ${bounded} ORDER BY seq ${limit}`,
    p.values,
  );
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
  if (unsettled) {
    // Everything below the horizon has settled; past it (or past a limit's cut) may still fill in.
    const cut = options.limit !== undefined && rows.length >= options.limit ? next : Number.POSITIVE_INFINITY;
    next = Math.max(since, Math.min(below - 1, cut));
  }
  return { changed, deleted, next };
}

/** The feed horizon (exclusive) where the dialect has one. */
async function horizon(ctx: SqlEngineContext, exec: SqlExecutor): Promise<number> {
  const rows = await exec.all(ctx.dialect.feedHorizon?.() ?? 'SELECT 0 AS h');
  return Number(rows[0]?.h ?? 0);
}

/**
 * The current change-feed position: the last committed `seq` (0 before the first write) that the
 * feed can already deliver. SQLite: one indexed row. PostgreSQL: the largest `seq` below the
 * horizon, one index probe per kind table.
 */
export async function readPosition(ctx: SqlEngineContext, exec: SqlExecutor): Promise<number> {
  const d = ctx.dialect;
  const counter = Number(
    (await exec.all(`SELECT value FROM ${d.table('counters')} WHERE name = 'seq'`, []))[0]?.value ?? 0,
  );
  if (!d.feedHorizon) return counter;
  const p = params(d);
  const below = p.add(await horizon(ctx, exec));
  const tables = [...(await ctx.layouts.all(exec)).map((l) => l.table), 'tombstones'];
  const maxima = tables.map((t) => `(SELECT max(seq) FROM ${d.table(t)} WHERE seq < ${below})`);
  const rows = await exec.all(`SELECT greatest(${[String(counter), ...maxima].join(', ')}) AS m`, p.values);
  return Number(rows[0]?.m ?? counter);
}

/**
 * A token that changes whenever a transaction that wrote under one of `keys` commits (see
 * `StorageAdapter.positionsOf`): exact keys are rows of the `positions` table, a kind's key sums
 * that kind's rows (a range of the primary key) and `*` sums them all. Without position counters
 * (SQLite, one writer) the token is the global position.
 */
export async function readPositions(
  ctx: SqlEngineContext,
  exec: SqlExecutor,
  keys: readonly string[],
): Promise<string> {
  const d = ctx.dialect;
  if (!d.positionCounters) return readPositionsBySeq(ctx, exec, keys);
  const unique = [...new Set(keys)].sort();
  const exact = unique.filter((k) => k.includes('@'));
  const p = params(d);
  const table = d.table('positions');
  const parts = [
    `SELECT key, value FROM ${table} WHERE ${exact.length ? d.inList('key', exact.map(encodeText), 'text', p) : 'FALSE'}`,
  ];
  for (const k of unique) {
    if (k === '*') parts.push(`SELECT '*' AS key, coalesce(sum(value), 0) AS value FROM ${table}`);
    else if (!k.includes('@')) {
      // Every `kind:<kind>@…` row: from `kind:<kind>@` up to (not including) `kind:<kind>A`.
      const [from, to] = [p.add(encodeText(`${k}@`)), p.add(encodeText(`${k}A`))];
      parts.push(
        `SELECT ${p.add(k)} AS key, coalesce(sum(value), 0) AS value FROM ${table} WHERE key >= ${from} AND key < ${to}`,
      );
    }
  }
  const rows = await exec.all(parts.join(' UNION ALL '), p.values);
  const values = new Map(
    rows.map((r) => [String(r.key).includes('@') ? decodeText(String(r.key)) : String(r.key), String(r.value)]),
  );
  return unique.map((k) => `${k}=${values.get(k) ?? 0}`).join(',');
}

/**
 * Position tokens without counters (SQLite: one writer, `seq` from one counter): the largest `seq`
 * among the records and tombstones under the keys. Every write under a key raises it (a write gives
 * its record a new `seq`, larger than any before; a deletion leaves a tombstone with one), and a
 * write under no key leaves it, so a cache of one municipality stays valid while another writes and
 * the overview rows take a write of their own kind in from the feed instead of computing every row
 * again (ADR 0074). `*` is the global position.
 *
 * A key set's maximum is kept per kind with the kind's latest `seq` (one probe of its `seq` index)
 * and the latest tombstone: after a write only the kinds it wrote are read again under their
 * organisations (a usage write leaves the catalogue's keys of every owning organisation alone).
 */
async function readPositionsBySeq(ctx: SqlEngineContext, exec: SqlExecutor, keys: readonly string[]): Promise<string> {
  const d = ctx.dialect;
  if (keys.length === 0) return '';
  const position = await readPosition(ctx, exec);
  if (keys.includes('*')) return String(position);
  // Nothing written since these keys were last read (one indexed row): the same token, at once.
  const memo = seqTokens.get(ctx) ?? new Map<string, SeqToken>();
  seqTokens.set(ctx, memo);
  const id = [...new Set(keys)].sort().join('\n');
  const known = memo.get(id);
  if (known?.position === position) return known.token;
  const scopes = known?.scopes ?? keyScopes(keys);
  const layouts: [string, KindLayout, KeyScope][] = [];
  for (const [kind, scope] of scopes) {
    const layout = await ctx.layouts.get(kind, exec);
    if (layout) layouts.push([kind, layout, scope]);
  }
  // The latest write of each kind, and the latest deletion of any kind.
  const latest = await exec.all(
    `SELECT (SELECT max(seq) FROM ${d.table('tombstones')}) AS t${layouts
      .map(([, layout], i) => `, (SELECT max(seq) FROM ${d.table(layout.table)}) AS k${i}`)
      .join('')}`,
  );
  const row = latest[0] ?? {};
  const tombstone = Number(row.t ?? 0);
  const kinds = new Map<string, { latest: number; max: number }>();
  const p = params(d);
  const maxima: string[] = [];
  const again: string[] = [];
  for (const [i, [kind, layout, scope]] of layouts.entries()) {
    const newest = Number(row[`k${i}`] ?? 0);
    const before = known?.tombstone === tombstone ? known.kinds.get(kind) : undefined;
    if (before?.latest === newest) {
      kinds.set(kind, before);
      continue;
    }
    const where = (column: string) => {
      if (scope.all) return 'TRUE';
      const parts = [
        ...(scope.orgs.size ? [d.inList(column, [...scope.orgs], 'text', p)] : []),
        ...(scope.none ? [`${column} IS NULL`] : []),
      ];
      return `(${parts.join(' OR ')})`;
    };
    maxima.push(
      `max(coalesce((SELECT max(seq) FROM ${d.table(layout.table)} WHERE ${where('organization_uuid')}), 0), ` +
        `coalesce((SELECT max(seq) FROM ${d.table('tombstones')} WHERE kind = ${p.add(kind)} AND ${where('organization_uuid')}), 0)) AS m${again.length}`,
    );
    again.push(kind);
    kinds.set(kind, { latest: newest, max: 0 });
  }
  if (maxima.length) {
    const read = (await exec.all(`SELECT ${maxima.join(', ')}`, p.values))[0] ?? {};
    for (const [i, kind] of again.entries())
      kinds.set(kind, { latest: kinds.get(kind)?.latest ?? 0, max: Number(read[`m${i}`] ?? 0) });
  }
  const token = `seq=${Math.max(0, ...[...kinds.values()].map((k) => k.max))}`;
  if (memo.size >= 256) memo.clear(); // the key sets in use at a time are few
  memo.set(id, { position, token, scopes, tombstone, kinds });
  return token;
}

/** The organisations a key set names per kind (`kind:<kind>`, `kind:<kind>@<org>`, `kind:<kind>@`). */
interface KeyScope {
  all: boolean;
  orgs: Set<string>;
  none: boolean;
}

function keyScopes(keys: readonly string[]): Map<string, KeyScope> {
  const byKind = new Map<string, KeyScope>();
  for (const key of keys) {
    const m = /^kind:([^@]*)(?:@(.*))?$/.exec(key);
    if (!m) continue; // not a key any write counts under
    const entry = byKind.get(m[1] as string) ?? { all: false, orgs: new Set<string>(), none: false };
    if (m[2] === undefined) entry.all = true;
    else if (m[2] === '') entry.none = true;
    else entry.orgs.add(encodeText(m[2]));
    byKind.set(m[1] as string, entry);
  }
  return byKind;
}

/** A key set's last token: the global position it was read at, and per kind its latest `seq` and maximum under the keys. */
interface SeqToken {
  position: number;
  token: string;
  scopes: Map<string, KeyScope>;
  tombstone: number;
  kinds: Map<string, { latest: number; max: number }>;
}

/** The last token of each key set per store. */
const seqTokens = new WeakMap<SqlEngineContext, Map<string, SeqToken>>();

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
  /** Position keys this transaction wrote under (see {@link positionKey}). */
  const touched = new Set<string>();
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
    if (d.transactionSeq) {
      // The write's number in this transaction; the SQL adds the transaction's id.
      const n = (seq ?? 0) + 1;
      if (n > d.transactionSeq.maxWrites)
        throw new KitosError(
          'storage',
          'storage',
          `a transaction may write at most ${d.transactionSeq.maxWrites} records`,
          {
            adapter: ctx.adapter,
          },
        );
      return n;
    }
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
      touched.add(positionKeyOf(r.kind, r.organizationUuid));
      succeeded++;
      return stored;
    },
    async delete(kind, uuid, expectedVersion, deletedAt) {
      beforeWrite();
      const layout = await layoutOf(kind);
      const s = await nextSeq();
      const organization = await deleteRecord(d, guarded, layout, { uuid, expectedVersion, deletedAt, seq: s });
      seq = s;
      dirty = true;
      touched.add(positionKeyOf(kind, organization));
      succeeded++;
    },
    async finish() {
      if (!dirty) return;
      dirty = false;
      if (d.positionCounters) {
        // One counter per organisation written: in sorted order, so two transactions touching the
        // same organisations take the rows in the same order and cannot deadlock on them.
        const p = params(d);
        const rows = [...touched].sort().map((k) => `(${p.add(encodeText(k))}, 1)`);
        await guarded.all(
          `INSERT INTO ${d.table('positions')} AS pos (key, value) VALUES ${rows.join(', ')} ` +
            'ON CONFLICT (key) DO UPDATE SET value = pos.value + 1',
          p.values,
        );
      }
      if (d.transactionSeq) return;
      const p = params(d);
      await guarded.all(`UPDATE ${d.table('counters')} SET value = ${p.add(seq)} WHERE name = 'seq'`, p.values);
    },
    wrote: () => succeeded > 0,
    close() {
      closed = true;
    },
  };
}
