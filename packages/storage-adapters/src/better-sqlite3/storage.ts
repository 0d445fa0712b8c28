/**
 * The better-sqlite3 storage adapter: native SQLite on a database file, in WAL mode, written
 * incrementally (a commit writes the pages it changed, never the whole file), one writer at a time.
 *
 * It shares the SQL with the sql.js adapter (the SQLite dialect, the engine, migrations, Danish
 * sort keys), so both read and write the same file format and answer every query alike.
 *
 * @module
 */
import { realpathSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import {
  KitosError,
  KitosValidationError,
  type StorageAdapter,
  type StorageSchema,
  type StorageTransaction,
} from '@os2kitos/core';
import { readPosition, readPositions, type SqlEngineContext, sqlReader, sqlTransaction } from '../shared-sql/engine.js';
import { LayoutCache, layoutIsCurrent, migrateLayout, migrateSchema, schemaIsApplied } from '../shared-sql/migrate.js';
import { SerialQueue } from '../shared-sql/serial.js';
import { sqliteDialect } from '../shared-sql/sqlite-dialect.js';
import { BetterSqliteReadOnlyError } from './errors.js';
import type { BetterSqliteConnection } from './connection.js';
import { type BetterSqliteExecutor, betterSqliteExecutor, sqliteCode, storageError } from './executor.js';
import { BETTER_SQLITE_ADAPTER_NAME } from './name.js';

/**
 * Options of {@link createBetterSqliteStorage}. Give exactly one of `path` and `database`.
 *
 * @example
 * ```ts
 * const options: BetterSqliteStorageOptions = { path: './data/kitos.sqlite', busyTimeoutMs: 10_000 };
 * ```
 */
export interface BetterSqliteStorageOptions {
  /**
   * The database file; created (with its tables) if it does not exist, unless `readOnly`. The
   * adapter opens it and closes it on `close()`. `':memory:'` gives a private in-memory database.
   */
  readonly path?: string;
  /**
   * A connection you opened yourself (`new Database(file)`), e.g. to pass your own options. The
   * adapter configures it (WAL, `synchronous`, `busy_timeout`, cache size) and uses it for its
   * transactions, but `close()` leaves it open. Do not run your own statements on it while the
   * adapter is in use: a transaction of yours would mix with the adapter's.
   */
  readonly database?: BetterSqliteConnection;
  /**
   * Open read-only (default `false`): reads work, writes throw {@link BetterSqliteReadOnlyError},
   * and the file must exist with this schema already applied (`migrate()` only checks that). A
   * read-only `database` is detected and treated the same.
   */
  readonly readOnly?: boolean;
  /**
   * How long a transaction waits for another process's write to finish before it fails with a
   * `KitosError` (SQLite code `SQLITE_BUSY`), in milliseconds (default 5000). better-sqlite3 is
   * synchronous, so this wait blocks the Node thread; writes are short, so waits usually are too.
   */
  readonly busyTimeoutMs?: number;
  /**
   * SQLite's `synchronous` setting (default `'full'`). `'full'`: a transaction resolves only once
   * the commit is flushed to disk, so it survives a power cut. `'normal'`: flushed at WAL
   * checkpoints only; faster writes, and a power cut (not a process crash) may lose the last
   * transactions, never corrupt the file.
   */
  readonly synchronous?: 'full' | 'normal';
  /** SQLite page cache in KiB (default 32768 = 32 MiB, as in the sql.js adapter; SQLite's default is 2 MiB). */
  readonly cacheSizeKiB?: number;
  /**
   * Test hook, as in the memory adapter: called before each write inside a transaction with the
   * running write count; throw to simulate a failure mid-transaction.
   */
  readonly beforeWrite?: (writeNumber: number) => void;
}

/**
 * The better-sqlite3 storage: a {@link StorageAdapter} plus the file it uses and an online backup.
 *
 * @example
 * ```ts
 * const storage: BetterSqliteStorage = await createBetterSqliteStorage({ path: './kitos.sqlite' });
 * console.log(storage.file, storage.readOnly); // the path, false
 * ```
 */
export interface BetterSqliteStorage extends StorageAdapter {
  /** The database file (`:memory:` for an in-memory database). */
  readonly file: string;
  /** Whether writes are refused. */
  readonly readOnly: boolean;
  /** The change-feed position: the last committed `seq`, also of other processes' commits. */
  position(): Promise<number>;
  /**
   * Copies the database to `destination` while it stays in use, with SQLite's backup API; the copy
   * is one consistent state. Copying the file yourself is not safe: recent commits may still be in
   * the `-wal` file next to it. Runs between this process's transactions.
   */
  backup(destination: string): Promise<void>;
}

/**
 * Opens a SQLite database file with better-sqlite3 as storage. On open it sets WAL mode,
 * `synchronous`, `busy_timeout` and the page cache, and creates the adapter's tables if needed;
 * `migrate()` (called by `createKitos`) then applies the core's storage schema.
 *
 * Several processes may open the same file: SQLite's file locks let one of them write at a time.
 * Every transaction starts with `BEGIN IMMEDIATE`, which takes that write lock before the
 * transaction's first read, so the checks the core makes before writing (uniqueness, versions)
 * see the state its writes will commit on. Within a process, this adapter's transactions and
 * reads run one at a time (also across adapters on the same file); inside a transaction, read
 * through its `tx`: reading through the adapter there would wait for itself. WAL needs the
 * processes on one machine: do not put the file on a network share.
 *
 * @example
 * ```ts
 * import { createKitos } from '@os2kitos/core';
 * import { createBetterSqliteStorage } from '@os2kitos/storage-adapters/better-sqlite3';
 * const storage = await createBetterSqliteStorage({ path: './data/kitos.sqlite' });
 * const kitos = await createKitos({ storage });
 * ```
 */
export async function createBetterSqliteStorage(options: BetterSqliteStorageOptions): Promise<BetterSqliteStorage> {
  const db = await openDatabase(options);
  const owned = options.database === undefined;
  const readOnly = options.readOnly === true || db.readonly;
  let shared: SharedQueue | undefined;
  try {
    configure(db, options, readOnly);
    shared = acquireQueue(db);
    return await storageOver(db, options, readOnly, owned, shared);
  } catch (e) {
    if (shared) releaseQueue(db, shared);
    if (owned) db.close();
    throw e;
  }
}

async function openDatabase(options: BetterSqliteStorageOptions): Promise<BetterSqliteConnection> {
  if ((options.path === undefined) === (options.database === undefined)) {
    throw new KitosValidationError('storage', [
      { path: ['path'], code: 'invalid-options', message: 'give exactly one of `path` and `database`' },
    ]);
  }
  if (options.database) return options.database;
  const path = options.path as string;
  // Loaded only here, so the package's other entry points never need the native module, and
  // callers passing their own `database` need not have it resolvable from this package.
  let Database: typeof BetterSqlite3;
  try {
    Database = (await import('better-sqlite3')).default;
  } catch (cause) {
    throw new KitosError(
      'storage',
      'storage',
      'better-sqlite3 is not installed: add it to your dependencies (npm install better-sqlite3@12)',
      { adapter: BETTER_SQLITE_ADAPTER_NAME },
      { cause },
    );
  }
  try {
    return new Database(path, {
      readonly: options.readOnly === true,
      fileMustExist: options.readOnly === true, // a read-only open of a missing file is a mistake
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    });
  } catch (cause) {
    throw new KitosError(
      'storage',
      'storage',
      `could not open ${path}: ${(cause as Error).message}`,
      { adapter: BETTER_SQLITE_ADAPTER_NAME, path, ...codeOf(cause) },
      { cause },
    );
  }
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const codeOf = (cause: unknown) => {
  const code = sqliteCode(cause);
  return code ? { sqliteCode: code } : {};
};

/** Sets the connection up; also fails fast on a file that is not a SQLite database. */
function configure(db: BetterSqliteConnection, options: BetterSqliteStorageOptions, readOnly: boolean): void {
  const busy = Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));
  const cache = Math.max(1, Math.floor(options.cacheSizeKiB ?? 32768));
  const synchronous = options.synchronous ?? 'full';
  if (synchronous !== 'full' && synchronous !== 'normal') {
    throw new KitosValidationError('storage', [
      { path: ['synchronous'], code: 'invalid-options', message: "synchronous must be 'full' or 'normal'" },
    ]);
  }
  try {
    // First, so that the journal-mode switch below also waits for another process's lock.
    db.pragma(`busy_timeout = ${busy}`);
    db.pragma(`cache_size = -${cache}`);
    db.pragma('schema_version'); // reads the file header: "file is not a database" surfaces here
    if (readOnly || db.memory) return; // WAL is a property of the file; in-memory has no file
    // WAL: readers (other processes included) never wait for the writer, and a commit appends the
    // changed pages to the -wal file instead of rewriting the database. The mode is stored in the
    // file, so every later connection, also another process's, uses it too.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') {
      throw new KitosError('storage', 'storage', `SQLite refused WAL mode for ${db.name} (journal mode ${mode})`, {
        adapter: BETTER_SQLITE_ADAPTER_NAME,
        journalMode: mode,
      });
    }
    db.pragma(`synchronous = ${synchronous}`);
  } catch (cause) {
    if (cause instanceof KitosError) throw cause;
    throw new KitosError(
      'storage',
      'storage',
      `could not open ${db.name} as a SQLite database: ${(cause as Error).message}`,
      { adapter: BETTER_SQLITE_ADAPTER_NAME, path: db.name, ...codeOf(cause) },
      { cause },
    );
  }
}

/**
 * Transactions of one process on one file must run one at a time even across adapters: a second
 * connection's `BEGIN IMMEDIATE` would otherwise wait, blocking the thread, for a lock that only
 * this same thread can release, and fail after the busy timeout. So adapters on the same file (by
 * real path) or the same connection share one queue.
 */
interface SharedQueue {
  readonly queue: SerialQueue;
  users: number;
}

const fileQueues = new Map<string, SharedQueue>();
const connectionQueues = new WeakMap<BetterSqliteConnection, SharedQueue>();

function fileKey(db: BetterSqliteConnection): string | undefined {
  if (db.memory) return undefined; // in-memory databases are private to their connection
  try {
    return realpathSync(db.name);
  } catch {
    return undefined; // e.g. a relative path opened before a chdir: fall back to the connection
  }
}

function acquireQueue(db: BetterSqliteConnection): SharedQueue {
  const key = fileKey(db);
  const existing = key ? fileQueues.get(key) : connectionQueues.get(db);
  const shared = existing ?? { queue: new SerialQueue(), users: 0 };
  shared.users++;
  if (key) fileQueues.set(key, shared);
  else connectionQueues.set(db, shared);
  return shared;
}

function releaseQueue(db: BetterSqliteConnection, shared: SharedQueue): void {
  shared.users--;
  if (shared.users > 0) return;
  const key = fileKey(db);
  if (key && fileQueues.get(key) === shared) fileQueues.delete(key);
  else if (connectionQueues.get(db) === shared) connectionQueues.delete(db);
}

async function storageOver(
  db: BetterSqliteConnection,
  options: BetterSqliteStorageOptions,
  readOnly: boolean,
  owned: boolean,
  shared: SharedQueue,
): Promise<BetterSqliteStorage> {
  const { queue } = shared;
  const exec = betterSqliteExecutor(db, BETTER_SQLITE_ADAPTER_NAME);
  // Reload the layouts when a kind is unknown: another process may have migrated the file.
  const layouts = new LayoutCache(sqliteDialect, true);
  const ctx: SqlEngineContext = {
    dialect: sqliteDialect,
    layouts,
    adapter: BETTER_SQLITE_ADAPTER_NAME,
    beforeWrite: options.beforeWrite,
    assertWritable: readOnly
      ? () => {
          throw new BetterSqliteReadOnlyError(db.name);
        }
      : undefined,
  };
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new KitosError('storage', 'storage', 'the better-sqlite3 storage is closed');
  };
  // IMMEDIATE takes the write lock at BEGIN instead of at the first write. With a plain (deferred)
  // BEGIN, another process could commit between this transaction's checks and its first write; in
  // WAL mode SQLite then refuses the write (SQLITE_BUSY_SNAPSHOT) and no busy timeout helps. A
  // read-only connection never writes and needs no lock: a deferred BEGIN gives it one snapshot.
  const begin = readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE';
  const busyTimeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;

  /** Runs `work` between BEGIN and COMMIT, rolling back on any error. */
  const inTransaction = <R>(work: (exec: BetterSqliteExecutor) => Promise<R>) =>
    queue.run(async () => {
      assertOpen();
      try {
        exec.run(begin);
      } catch (e) {
        throw busyError(e, busyTimeout) ?? e;
      }
      try {
        const result = await work(exec);
        exec.run('COMMIT');
        return result;
      } catch (e) {
        rollback(db);
        throw e;
      }
    });

  const reader = sqlReader(ctx, exec);
  const reading = <R>(read: () => Promise<R>) =>
    queue.run(() => {
      assertOpen();
      return read();
    });

  if (readOnly) {
    const current = await reading(() => layoutIsCurrent(sqliteDialect, exec));
    if (!current) {
      throw new BetterSqliteReadOnlyError(db.name, 'its tables were never created: open it writable once');
    }
  } else {
    await inTransaction((tx) => migrateLayout(sqliteDialect, tx, new Date().toISOString()));
  }

  return {
    name: BETTER_SQLITE_ADAPTER_NAME,
    capabilities: { collation: 'da', persistent: !db.memory },
    file: db.name,
    readOnly,
    get: (kind, uuid) => reading(() => reader.get(kind, uuid)),
    query: (q) => reading(() => reader.query(q)),
    changesSince: (since, opts) => reading(() => reader.changesSince(since, opts)),
    position: () => reading(() => readPosition(ctx, exec)),
    positionsOf: (keys) => reading(() => readPositions(ctx, exec, keys)),
    async migrate(schema: StorageSchema) {
      try {
        await inTransaction(async (tx) => {
          if (!readOnly) return migrateSchema(sqliteDialect, tx, schema, new Date().toISOString());
          if (!(await schemaIsApplied(sqliteDialect, tx, schema))) {
            throw new BetterSqliteReadOnlyError(db.name, `storage schema ${schema.version} is not applied`);
          }
        });
      } finally {
        layouts.invalidate();
      }
    },
    transaction<R>(work: (tx: StorageTransaction) => Promise<R>): Promise<R> {
      return inTransaction(async (conn) => {
        const tx = sqlTransaction(ctx, conn);
        try {
          const result = await work(tx);
          await tx.finish(); // stores the change-feed counter, before COMMIT
          return result;
        } finally {
          tx.close();
        }
      });
    },
    backup: (destination) =>
      queue.run(async () => {
        assertOpen();
        try {
          await db.backup(destination);
        } catch (cause) {
          throw storageError(BETTER_SQLITE_ADAPTER_NAME, cause);
        }
      }),
    async close() {
      if (closed) return;
      // Queued behind every running and waiting call, so they finish first; later calls see `closed`.
      await queue.run(() => {
        if (closed) return;
        closed = true;
        releaseQueue(db, shared);
        // Closing checkpoints the WAL into the database file and removes the -wal file (when no
        // other connection has the file open).
        if (owned) db.close();
      });
    },
  };
}

/** A clearer error when BEGIN IMMEDIATE gave up waiting for another writer; undefined otherwise. */
function busyError(cause: unknown, busyTimeoutMs: number): KitosError | undefined {
  const code = (cause as KitosError).context?.sqliteCode;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) return undefined;
  return new KitosError(
    'storage',
    'storage',
    `the database is locked by another writer; gave up after ${busyTimeoutMs} ms`,
    { adapter: BETTER_SQLITE_ADAPTER_NAME, sqliteCode: code, busyTimeoutMs },
    { cause },
  );
}

function rollback(db: BetterSqliteConnection): void {
  // SQLite rolls back by itself on some errors (a full disk, for one); then there is nothing to undo.
  if (!db.inTransaction) return;
  try {
    db.exec('ROLLBACK');
  } catch {
    // The original error matters more than a failed rollback (the connection ends it on close).
  }
}
