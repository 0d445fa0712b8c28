/**
 * The sql.js storage adapter: SQLite in WebAssembly, in memory, with optional persistence of the
 * whole database file after each committed transaction.
 *
 * @module
 */
import type { Database } from 'sql.js';
import { KitosError, type StorageAdapter, type StorageSchema, type StorageTransaction } from '@os2kitos/core';
import { readPosition, type SqlEngineContext, sqlReader, sqlTransaction } from '../shared-sql/engine.js';
import { LayoutCache, migrateLayout, migrateSchema } from '../shared-sql/migrate.js';
import { SerialQueue } from '../shared-sql/serial.js';
import { sqliteDialect } from '../shared-sql/sqlite-dialect.js';
import { SqlJsReadOnlyError } from './errors.js';
import { type SqlJsExecutor, sqlJsExecutor } from './executor.js';
import { loadSqlJs, type SqlJsWasmSource } from './load.js';
import { SaveScheduler } from './save.js';

/**
 * Name of the sql.js adapter, as reported in errors and benchmarks.
 *
 * @example
 * ```ts
 * if (storage.name === SQLJS_ADAPTER_NAME) await (storage as SqlJsStorage).save();
 * ```
 */
export const SQLJS_ADAPTER_NAME = 'sqljs';

/**
 * Options of {@link createSqlJsStorage}. Locating the `.wasm` is required (`wasmBinary` or
 * `locateFile`): sql.js's own guess is wrong in bundles and ES modules.
 *
 * @example
 * ```ts
 * const options: SqlJsStorageOptions = {
 *   locateFile: (file) => new URL(file, import.meta.url).href,
 *   persist: async (bytes) => { await myBackend.upload(bytes); },
 * };
 * ```
 */
export interface SqlJsStorageOptions extends SqlJsWasmSource {
  /** An existing database file's bytes to open; omit to start with an empty database. */
  readonly data?: Uint8Array | ArrayBuffer;
  /**
   * Stores the exported database file. Called after each committed write transaction (which
   * resolves only once the save is done) and by `save()`. Saves run one at a time; transactions
   * that commit while a save is running share the next save. Omit for a purely in-memory store.
   */
  readonly persist?: (bytes: Uint8Array) => Promise<void>;
  /**
   * `true` (default): save after every committed write transaction. `false`: save only on
   * `save()` and `close()` (faster bulk work; a crash loses what was not saved).
   */
  readonly autosave?: boolean;
  /** Writes throw {@link SqlJsReadOnlyError} with this reason (reads and `migrate()` still work, in memory). */
  readonly readOnly?: string;
  /** SQLite page cache in KiB (default 32768 = 32 MiB; the SQLite default is 2 MiB). */
  readonly cacheSizeKiB?: number;
  /**
   * Test hook, as in the memory adapter: called before each write inside a transaction with the
   * running write count; throw to simulate a failure mid-transaction.
   */
  readonly beforeWrite?: (writeNumber: number) => void;
}

/**
 * The sql.js storage: a {@link StorageAdapter} plus saving and exporting the database file.
 *
 * @example
 * ```ts
 * const storage = await createSqlJsStorage({ locateFile: (f) => `/assets/${f}` });
 * const file = await storage.export(); // a standard SQLite file, e.g. to download
 * ```
 */
export interface SqlJsStorage extends StorageAdapter {
  /** Saves now through `persist` (no-op without it), after any running transaction. */
  save(): Promise<void>;
  /** The database as SQLite file bytes, taken between transactions. */
  export(): Promise<Uint8Array>;
}

/**
 * Opens a sql.js database as storage: empty, or from `data`; saved through `persist` if given.
 * For files and IndexedDB use `openSqlJsFile` (`/sqljs/node`) or {@link openSqlJsIndexedDb}.
 *
 * Transactions run one at a time (`BEGIN`/`COMMIT`/`ROLLBACK` on the one connection); reads
 * outside a transaction wait for a running one, so they never see uncommitted writes. Inside a
 * transaction, read through its `tx`: reading through the adapter there would wait for itself.
 *
 * @example
 * ```ts
 * import { createSqlJsStorage } from '@os2kitos/storage-adapters/sqljs';
 * const storage = await createSqlJsStorage({ locateFile: (f) => `/node_modules/sql.js/dist/${f}` });
 * await storage.migrate(schema);
 * ```
 */
export async function createSqlJsStorage(options: SqlJsStorageOptions): Promise<SqlJsStorage> {
  const SQL = await loadSqlJs(options);
  let db: Database;
  try {
    db = new SQL.Database(options.data ? new Uint8Array(options.data) : undefined);
  } catch (cause) {
    throw new KitosError('storage', 'storage', 'the data is not a SQLite database', { adapter: 'sqljs' }, { cause });
  }
  const exec = sqlJsExecutor(db);
  const cacheSize = options.cacheSizeKiB ?? 32768;
  // sql.js's export() used to reset connection settings; 1.16 keeps them, but re-applying is cheap.
  const pragmas = () =>
    exec.run(`PRAGMA cache_size = -${cacheSize}; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY`);
  try {
    pragmas();
    exec.run('PRAGMA schema_version'); // fails fast on bytes that are not a database
  } catch (e) {
    db.close();
    throw e;
  }
  const layouts = new LayoutCache(sqliteDialect, false);
  const ctx: SqlEngineContext = {
    dialect: sqliteDialect,
    layouts,
    adapter: SQLJS_ADAPTER_NAME,
    beforeWrite: options.beforeWrite,
    assertWritable: options.readOnly !== undefined ? () => readOnly(options.readOnly as string) : undefined,
  };
  const queue = new SerialQueue();
  let closed = false;
  const exportNow = () => {
    const bytes = db.export();
    pragmas();
    return bytes;
  };
  const saver = new SaveScheduler(() => queue.run(exportNow), options.persist);

  /** Runs `work` in BEGIN … COMMIT; returns the result and whether anything was written. */
  const inTransaction = <R>(work: (tx: StorageTransaction) => Promise<R>) =>
    queue.run(async () => {
      if (closed) throw new KitosError('storage', 'storage', 'the sql.js storage is closed');
      exec.run('BEGIN');
      const tx = sqlTransaction(ctx, exec);
      try {
        const result = await work(tx);
        await tx.finish();
        exec.run('COMMIT');
        return { result, wrote: tx.wrote() };
      } catch (e) {
        rollback(exec);
        throw e;
      } finally {
        tx.close();
      }
    });

  const afterCommit = async (wrote: boolean) => {
    if (wrote && options.autosave !== false) await saver.saveAfterCommit();
    else if (wrote) saver.markDirty();
  };

  const reader = sqlReader(ctx, exec);
  const open = () => {
    if (closed) throw new KitosError('storage', 'storage', 'the sql.js storage is closed');
    return reader;
  };
  try {
    await inTransaction(async () => {
      if (await migrateLayout(sqliteDialect, exec, new Date().toISOString())) saver.markDirty();
    });
  } catch (e) {
    exec.free();
    db.close();
    throw e;
  }

  const storage: SqlJsStorage = {
    name: SQLJS_ADAPTER_NAME,
    capabilities: { collation: 'da', persistent: options.persist !== undefined },
    get: (kind, uuid) => queue.run(() => open().get(kind, uuid)),
    query: (q) => queue.run(() => open().query(q)),
    changesSince: (since, opts) => queue.run(() => open().changesSince(since, opts)),
    position: () =>
      queue.run(() => {
        open();
        return readPosition(ctx, exec);
      }),
    async migrate(schema: StorageSchema) {
      try {
        await inTransaction(() => migrateSchema(sqliteDialect, exec, schema, new Date().toISOString()));
      } finally {
        layouts.invalidate();
      }
      await afterCommit(true);
    },
    async transaction(work) {
      const { result, wrote } = await inTransaction(work);
      await afterCommit(wrote);
      return result;
    },
    save: () => saver.saveNow(),
    export: () => queue.run(exportNow),
    async close() {
      if (closed) return;
      let failure: unknown;
      try {
        await queue.run(() => undefined);
        if (options.persist) await saver.saveIfDirty();
      } catch (e) {
        failure = e; // still release the database; the caller learns the last save failed
      }
      await queue.run(() => {
        closed = true;
        exec.free();
        db.close();
      });
      if (failure) throw failure;
    },
  };
  return storage;
}

function readOnly(reason: string): never {
  throw new SqlJsReadOnlyError(reason);
}

function rollback(exec: SqlJsExecutor): void {
  try {
    exec.run('ROLLBACK');
  } catch {
    // SQLite already rolled back (it does so itself on some errors); the original error matters.
  }
}
