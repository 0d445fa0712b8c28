/**
 * The PostgreSQL storage adapter over a minimal client (`pg.Pool`, `pg.Client`, PGlite).
 *
 * @module
 */
import {
  KitosConflictError,
  KitosError,
  KitosValidationError,
  type GroupCountQuery,
  type StorageAdapter,
  type StorageSchema,
  type StorageTransaction,
} from '@os2kitos/core';
import type { SqlDialect } from '../shared-sql/dialect.js';
import {
  readPosition,
  readPositions,
  type SqlEngineContext,
  type SqlExecutor,
  sqlGroupCount,
  sqlReader,
  sqlTransaction,
} from '../shared-sql/engine.js';
import { shortHash } from '../shared-sql/layout.js';
import { LayoutCache, migrateLayout, migrateSchema } from '../shared-sql/migrate.js';
import { SerialQueue } from '../shared-sql/serial.js';
import type { PgPoolClient, PgQueryable, PgTransactionRunner } from './client.js';
import { postgresDialect } from './dialect.js';

/**
 * Name of the PostgreSQL adapter, as reported in errors and benchmarks.
 *
 * @example
 * ```ts
 * console.log(storage.name === POSTGRES_ADAPTER_NAME ? 'on PostgreSQL' : 'elsewhere');
 * ```
 */
export const POSTGRES_ADAPTER_NAME = 'postgres';

/** PostgreSQL schema names the adapter accepts (it creates its tables there). */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Options of {@link createPostgresStorage}.
 *
 * How a transaction gets ONE connection (all its statements must run on the same one):
 *
 * - `connect` given, or `client` is a `pg.Pool` (detected): each transaction checks out a
 *   connection, runs `BEGIN … COMMIT` on it and releases it; transactions run in parallel and
 *   reads use the pool.
 * - `transaction` given, or `client` has a `transaction(fn)` method (PGlite, detected): the driver
 *   runs the transaction.
 * - otherwise `client` is one connection (`pg.Client`, a wrapper): transactions and reads run on
 *   it one at a time.
 *
 * @example
 * ```ts
 * const pool = new pg.Pool({ connectionString: 'postgres://kitos:kitos@db/kitos' });
 * const options: PostgresStorageOptions = { client: pool, schema: 'kitos' }; // pool detected
 * ```
 */
export interface PostgresStorageOptions {
  /** Runs statements outside transactions (and, for a single connection, inside them too). */
  readonly client: PgQueryable;
  /** PostgreSQL schema of the adapter's tables (default `kitos`); lower-case letters, digits, `_`. */
  readonly schema?: string;
  /** Checks out a dedicated connection per transaction, e.g. `() => pool.connect()`. */
  readonly connect?: () => Promise<PgPoolClient>;
  /** Runs a transaction through the driver, e.g. `(work) => pglite.transaction(work)`. */
  readonly transaction?: PgTransactionRunner;
  /**
   * Try `CREATE EXTENSION IF NOT EXISTS pg_trgm` and index `contains`/`startsWith` with trigram
   * GIN indexes (default `true`). Without the extension (or the right to create it) the adapter
   * works the same, with sequential scans for those filters.
   */
  readonly trigram?: boolean;
  /** Test hook, as in the memory adapter: called before each write with the running count. */
  readonly beforeWrite?: (writeNumber: number) => void;
}

/**
 * The PostgreSQL storage.
 *
 * @example
 * ```ts
 * const storage: PostgresStorage = await createPostgresStorage({ client: pool });
 * console.log(storage.schema, storage.trigram); // 'kitos', true
 * ```
 */
export interface PostgresStorage extends StorageAdapter {
  /** The PostgreSQL schema holding the tables. */
  readonly schema: string;
  /** Whether `pg_trgm` indexes serve `contains`/`startsWith`. */
  readonly trigram: boolean;
}

/**
 * SQLSTATEs that mean "another transaction got in the way; the same work may succeed if tried
 * again": deadlock detected, serialization failure, unique violation (a concurrent writer in
 * another process took the same unique value first).
 */
const CONFLICT_STATES: Readonly<Record<string, string>> = {
  '40P01': 'deadlock',
  '40001': 'serialization',
  '23505': 'duplicate',
};

function executor(client: PgQueryable): SqlExecutor {
  return {
    async all(sql, params) {
      try {
        return (await client.query(sql, params ? [...params] : [])).rows;
      } catch (cause) {
        const code = (cause as { code?: unknown }).code;
        const conflict = typeof code === 'string' ? CONFLICT_STATES[code] : undefined;
        if (conflict) {
          throw new KitosConflictError(
            'storage',
            conflict === 'duplicate'
              ? `a concurrent write already stored the same unique value (${(cause as Error).message})`
              : `concurrent transactions got in each other's way (${conflict}); nothing was changed, try again`,
            { code: conflict, adapter: POSTGRES_ADAPTER_NAME, sqlState: code },
          );
        }
        throw new KitosError(
          'storage',
          'storage',
          `PostgreSQL failed: ${(cause as Error).message}`,
          { adapter: POSTGRES_ADAPTER_NAME, ...(typeof code === 'string' ? { sqlState: code } : {}) },
          { cause },
        );
      }
    },
  };
}

/**
 * One statement at a time on a transaction's connection: the driver would refuse (or, in older
 * versions, silently queue) overlapping queries, and the order of a transaction's statements must
 * be the order the code wrote them in.
 */
function serialised(exec: SqlExecutor): SqlExecutor {
  const queue = new SerialQueue();
  return { all: (sql, params) => queue.run(() => exec.all(sql, params)) };
}

/** Two 32-bit halves of a 64-bit advisory lock id for a key (FNV-1a with two offsets). */
function lockIds(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a | 0, b | 0];
}

/**
 * Transaction-level advisory locks for {@link StorageTransaction.lock}, taken in one global order
 * (sorted ids) so two transactions locking overlapping sets cannot deadlock on them. They are
 * released by COMMIT or ROLLBACK; a key is namespaced by the adapter's schema.
 */
async function advisoryLocks(schema: string, exec: SqlExecutor, keys: readonly string[]): Promise<void> {
  const ids = [...new Set(keys)].map((k) => lockIds(`${schema}:${k}`));
  ids.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  if (ids.length === 1) {
    const [a, b] = ids[0] as [number, number];
    await exec.all('SELECT pg_advisory_xact_lock($1::int4, $2::int4)', [a, b]);
    return;
  }
  // Several keys in one round trip, still one at a time in that order: the sorted subquery feeds
  // the aggregate row by row, so each lock is taken (and waited for) before the next.
  if (ids.length > 1)
    await exec.all(
      'SELECT count(pg_advisory_xact_lock(l.a, l.b)) AS n FROM (SELECT a, b FROM unnest($1::int4[], $2::int4[]) ' +
        'WITH ORDINALITY AS u(a, b, i) ORDER BY u.i) AS l',
      [ids.map((x) => x[0]), ids.map((x) => x[1])],
    );
}

type Runner = <R>(work: (exec: SqlExecutor) => Promise<R>) => Promise<R>;

function isPool(client: PgQueryable): client is PgQueryable & { connect(): Promise<PgPoolClient> } {
  const c = client as unknown as Record<string, unknown>;
  return typeof c.connect === 'function' && typeof c.totalCount === 'number' && typeof c.idleCount === 'number';
}

function hasTransaction(client: PgQueryable): client is PgQueryable & { transaction: PgTransactionRunner } {
  return typeof (client as unknown as Record<string, unknown>).transaction === 'function';
}

/** Picks how transactions and reads run; see {@link PostgresStorageOptions}. */
function connectionModel(options: PostgresStorageOptions): { transaction: Runner; read: Runner } {
  const direct = executor(options.client);
  const connect = options.connect ?? (isPool(options.client) ? () => (options.client as PgPool).connect() : undefined);
  if (connect) {
    return {
      read: (work) => work(direct),
      async transaction(work) {
        const connection = await connect();
        let broken: unknown;
        try {
          const exec = serialised(executor(connection));
          await exec.all('BEGIN');
          const result = await work(exec);
          await exec.all('COMMIT');
          return result;
        } catch (e) {
          await connection.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError; // the connection is unusable: destroy it instead of reusing it
          });
          throw e;
        } finally {
          connection.release(broken instanceof Error ? broken : Boolean(broken));
        }
      },
    };
  }
  const runner =
    options.transaction ??
    (hasTransaction(options.client) ? options.client.transaction.bind(options.client) : undefined);
  if (runner)
    return { read: (work) => work(direct), transaction: (work) => runner((tx) => work(serialised(executor(tx)))) };
  // One connection carries one transaction at a time, whichever adapter runs it.
  const queue = queues.get(options.client) ?? new SerialQueue();
  queues.set(options.client, queue);
  return {
    read: (work) => queue.run(() => work(direct)),
    transaction: (work) =>
      queue.run(async () => {
        await direct.all('BEGIN');
        try {
          const result = await work(direct);
          await direct.all('COMMIT');
          return result;
        } catch (e) {
          await options.client.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
  };
}

type PgPool = PgQueryable & { connect(): Promise<PgPoolClient> };

/** Queues of single-connection clients, shared by every adapter over the same client. */
const queues = new WeakMap<PgQueryable, SerialQueue>();

/** Serialises migrations of one schema across processes (PostgreSQL advisory lock). */
async function lockSchema(exec: SqlExecutor, schema: string): Promise<void> {
  const key = Number.parseInt(shortHash(`os2kitos:${schema}`), 36) | 0;
  await exec.all('SELECT pg_advisory_xact_lock($1)', [key]);
}

async function setUpTrigram(client: PgQueryable, wanted: boolean): Promise<string | undefined> {
  if (!wanted) return undefined;
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch {
    // Not installed, or no right to create extensions: contains/startsWith scan instead.
  }
  try {
    const { rows } = await client.query<{ schema: string }>(
      "SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'",
    );
    return rows[0]?.schema;
  } catch {
    return undefined;
  }
}

/**
 * Opens PostgreSQL storage: creates the schema and the adapter's tables if needed (versioned,
 * recorded in `<schema>.migrations`); `migrate()` then applies the core's storage schema. All SQL
 * is parameterised and sent as unnamed statements; names come only from validated identifiers.
 *
 * Writes use row versions (`UPDATE … WHERE version = $n`; zero rows is a `KitosConflictError`),
 * so concurrent writers of one record end in one success and one conflict, never a lost update.
 * No writer waits for a global counter: a write's feed position comes from its transaction's id,
 * the feed reads below the horizon of unfinished transactions, and commits are counted per
 * organisation (see `shared-sql/engine.ts` and docs/decisions/0026). `close()` does not end your pool or client.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createPostgresStorage } from '@os2kitos/storage-adapters/postgres';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const storage = await createPostgresStorage({ client: pool });
 * const kitos = await createKitos({ storage });
 * ```
 */
export async function createPostgresStorage(options: PostgresStorageOptions): Promise<PostgresStorage> {
  const schema = options.schema ?? 'kitos';
  if (!SCHEMA_NAME.test(schema)) {
    const message = `"${schema}" is not a valid PostgreSQL schema name (a-z, 0-9, _; max 63)`;
    throw new KitosValidationError('storage', [{ path: ['schema'], code: 'invalid-name', message }]);
  }
  const trigramSchema = await setUpTrigram(options.client, options.trigram !== false);
  const dialect: SqlDialect = postgresDialect(schema, trigramSchema);
  const model = connectionModel(options);
  const layouts = new LayoutCache(dialect, true);
  const ctx: SqlEngineContext = {
    dialect,
    layouts,
    adapter: POSTGRES_ADAPTER_NAME,
    beforeWrite: options.beforeWrite,
    lock: (exec, keys) => advisoryLocks(schema, exec, keys),
  };
  let closed = false;
  const open = () => {
    if (closed) throw new KitosError('storage', 'storage', 'the PostgreSQL storage is closed');
  };
  await model.transaction(async (exec) => {
    await lockSchema(exec, schema);
    await migrateLayout(dialect, exec, new Date().toISOString());
  });
  const reading = <R>(work: (r: ReturnType<typeof sqlReader>) => Promise<R>) => {
    open();
    return model.read((exec) => work(sqlReader(ctx, exec)));
  };
  return {
    name: POSTGRES_ADAPTER_NAME,
    capabilities: { collation: 'da', persistent: true },
    schema,
    trigram: trigramSchema !== undefined,
    get: (kind, uuid) => reading((r) => r.get(kind, uuid)),
    query: (q) => reading((r) => r.query(q)),
    changesSince: (since, opts) => reading((r) => r.changesSince(since, opts)),
    // Grouped counts run as one GROUP BY (the coordination reads' usage counts and portfolios).
    groupCount: (q) => {
      open();
      return model.read((exec) => sqlGroupCount(ctx, exec, q));
    },
    position: () => {
      open();
      return model.read((exec) => readPosition(ctx, exec));
    },
    positionsOf: (keys) => {
      open();
      return model.read((exec) => readPositions(ctx, exec, keys));
    },
    async migrate(s: StorageSchema) {
      open();
      try {
        await model.transaction(async (exec) => {
          await lockSchema(exec, schema);
          await migrateSchema(dialect, exec, s, new Date().toISOString());
        });
      } finally {
        layouts.invalidate();
      }
    },
    async transaction<R>(work: (tx: StorageTransaction) => Promise<R>): Promise<R> {
      open();
      return model.transaction(async (exec) => {
        const tx = sqlTransaction(ctx, exec);
        try {
          const result = await work(
            Object.assign(tx, { groupCount: (q: GroupCountQuery) => sqlGroupCount(ctx, exec, q) }),
          );
          await tx.finish();
          return result;
        } finally {
          tx.close();
        }
      });
    },
    async close() {
      closed = true;
    },
  };
}
