/**
 * The sql.js storage adapter: SQLite in WebAssembly, in memory, with optional persistence of the
 * whole database file after each committed transaction.
 *
 * @module
 */
import type { Database } from 'sql.js';
import { KitosError, type StorageAdapter, type StorageSchema, type StorageTransaction } from '@os2kitos/core';
import { readPosition, readPositions, type SqlEngineContext, sqlReader, sqlTransaction } from '../shared-sql/engine.js';
import { LayoutCache, migrateLayout, migrateSchema } from '../shared-sql/migrate.js';
import { SerialQueue } from '../shared-sql/serial.js';
import { sqliteDialect } from '../shared-sql/sqlite-dialect.js';
import { SqlJsDamagedError, SqlJsReadOnlyError } from './errors.js';
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
  /**
   * An existing database file's bytes to open; omit to start with an empty database. They are
   * checked first (see `integrityCheck`): empty or damaged bytes are refused with a
   * {@link SqlJsDamagedError}.
   */
  readonly data?: Uint8Array | ArrayBuffer;
  /**
   * Stores the exported database file. Called after each committed write transaction that
   * changed something (which resolves only once the save is done) and by `save()`; never when
   * nothing changed, and never for a `readOnly` store. Saves run one at a time; transactions that
   * commit while a save is running share the next save. If it throws, the transactions waiting
   * for it are rejected and the database goes back to the last saved state, so a refused change
   * can never be saved later. Omit for a purely in-memory store.
   */
  readonly persist?: (bytes: Uint8Array) => Promise<void>;
  /**
   * `true` (default): save after every committed write transaction. `false`: save only on
   * `save()` and `close()` (faster bulk work; a crash loses what was not saved).
   */
  readonly autosave?: boolean;
  /**
   * Writes throw {@link SqlJsReadOnlyError} with this reason; reads and `migrate()` still work, in
   * memory only: `persist` is never called.
   */
  readonly readOnly?: string;
  /** SQLite page cache in KiB (default 32768 = 32 MiB; the SQLite default is 2 MiB). */
  readonly cacheSizeKiB?: number;
  /**
   * How `data` is checked before it is opened: `'full'` (default) runs SQLite's
   * `integrity_check`, which also compares every index with its table; `'quick'` runs
   * `quick_check` (structure only, for very large files); `'off'` opens damaged bytes anyway, to
   * read out what is still readable.
   */
  readonly integrityCheck?: 'full' | 'quick' | 'off';
  /** Where `data` came from, named in errors about it and added to their context. */
  readonly origin?: SqlJsOrigin;
  /**
   * Test hook, as in the memory adapter: called before each write inside a transaction with the
   * running write count; throw to simulate a failure mid-transaction.
   */
  readonly beforeWrite?: (writeNumber: number) => void;
}

/**
 * Where a database's bytes came from (one of the three), for error messages.
 *
 * @example
 * ```ts
 * const storage = await createSqlJsStorage({ ...wasm, data, origin: { url: 'https://example.org/kitos.sqlite' } });
 * ```
 */
export interface SqlJsOrigin {
  /** A file path. */
  readonly path?: string;
  /** A URL. */
  readonly url?: string;
  /** A name, e.g. the IndexedDB key. */
  readonly name?: string;
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
  /**
   * Saves through `persist` if anything changed since the last save, after any running
   * transaction; otherwise (and without `persist`, or when read-only) does nothing. If the save
   * fails, it rejects and the database is back at its last saved state.
   */
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
 * `data` is checked with SQLite's `integrity_check` first (a {@link SqlJsDamagedError} if it is
 * empty or damaged). Only transactions that changed something are saved, and a transaction
 * resolves once its save is done; if the save fails, it rejects and the database goes back to
 * the last saved state (the last saved bytes are kept in memory for that).
 *
 * @example
 * ```ts
 * import { createSqlJsStorage } from '@os2kitos/storage-adapters/sqljs';
 * const storage = await createSqlJsStorage({
 *   locateFile: (f) => `/node_modules/sql.js/dist/${f}`,
 *   data: await (await fetch('/backups/kitos.sqlite')).arrayBuffer(),
 *   origin: { url: '/backups/kitos.sqlite' },
 * });
 * await storage.migrate(schema);
 * ```
 */
export async function createSqlJsStorage(options: SqlJsStorageOptions): Promise<SqlJsStorage> {
  const SQL = await loadSqlJs(options);
  const what = describeOrigin(options.origin);
  const data = options.data ? new Uint8Array(options.data) : undefined;
  if (data?.length === 0) throw new SqlJsDamagedError(what, ['it is empty (0 bytes)'], { ...options.origin });
  let db: Database;
  try {
    db = new SQL.Database(data);
  } catch (cause) {
    throw new SqlJsDamagedError(what, [(cause as Error).message], { ...options.origin }, cause);
  }
  let exec = sqlJsExecutor(db);
  const cacheSize = options.cacheSizeKiB ?? 32768;
  // sql.js's export() used to reset connection settings; 1.16 keeps them, but re-applying is cheap.
  const pragmas = () =>
    exec.run(`PRAGMA cache_size = -${cacheSize}; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY`);
  try {
    if (data) checkIntegrity(db, options.integrityCheck ?? 'full', what, { ...options.origin });
    pragmas();
  } catch (e) {
    exec.free();
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
  // A read-only store is never saved, whatever it is given: not migrations, not save(), not close().
  const persist = options.readOnly === undefined ? options.persist : undefined;
  const queue = new SerialQueue();
  let closed: KitosError | undefined;
  const assertOpen = () => {
    if (closed) throw closed;
  };
  const exportNow = () => {
    const bytes = db.export();
    pragmas();
    return bytes;
  };
  let reader = sqlReader(ctx, exec);

  /**
   * Runs `work` in BEGIN … COMMIT (inside the queue); returns its result and whether the database
   * changed. Why not ask the transaction whether it wrote: migrations and the open-time layout
   * change the database without record writes, and a migration that finds everything in place
   * changes nothing, so saving it would rewrite an unchanged file. SQLite counts both kinds of
   * change itself: `total_changes()` (rows) and the schema version (tables and indexes).
   */
  const runTransaction = async <R>(work: (tx: StorageTransaction) => Promise<R>) => {
    assertOpen();
    const before = await changeMark(exec);
    exec.run('BEGIN');
    const tx = sqlTransaction(ctx, exec);
    let result: R;
    try {
      result = await work(tx);
      await tx.finish();
      exec.run('COMMIT');
    } catch (e) {
      rollback(exec);
      throw e;
    } finally {
      tx.close();
    }
    return { result, changed: (await changeMark(exec)) !== before };
  };

  let openedChanged: boolean;
  try {
    ({ changed: openedChanged } = await runTransaction(() =>
      migrateLayout(sqliteDialect, exec, new Date().toISOString()),
    ));
  } catch (e) {
    exec.free();
    db.close();
    throw e;
  }

  const saver = new SaveScheduler(
    {
      queue,
      persist,
      exportBytes: exportNow,
      restore(bytes) {
        // Back to the last saved bytes: a fresh sql.js database (it has no way to load bytes into
        // an open one), with a fresh statement cache and the connection settings re-applied.
        try {
          const next = new SQL.Database(bytes);
          exec.free();
          db.close();
          db = next;
          exec = sqlJsExecutor(db);
          pragmas();
          reader = sqlReader(ctx, exec);
        } catch (cause) {
          try {
            exec.free();
            db.close();
          } catch {
            // already unusable; what matters is that nothing reads the unsaved state any more
          }
          closed = new KitosError(
            'storage',
            'storage',
            'a save failed and the database could not be put back to its last saved state; open it again',
            { adapter: SQLJS_ADAPTER_NAME, ...options.origin },
            { cause },
          );
        } finally {
          layouts.invalidate();
        }
      },
    },
    // What memory goes back to if the first save fails: the bytes opened, or (for a new database,
    // or one whose adapter tables were just updated) the state right after opening.
    persist ? (openedChanged || !data ? exportNow() : data) : undefined,
  );
  if (openedChanged) saver.commit(false);

  /** Runs a transaction in the queue; when it changed something, registers its save right there. */
  const inTransaction = <R>(work: (tx: StorageTransaction) => Promise<R>) =>
    queue.run(async () => {
      const { result, changed } = await runTransaction(work);
      return { result, saved: changed ? saver.commit(options.autosave !== false) : Promise.resolve() };
    });

  const open = () => {
    assertOpen();
    return reader;
  };

  const storage: SqlJsStorage = {
    name: SQLJS_ADAPTER_NAME,
    capabilities: { collation: 'da', persistent: options.persist !== undefined },
    get: (kind, uuid) => queue.run(() => open().get(kind, uuid)),
    query: (q) => queue.run(() => open().query(q)),
    changesSince: (since, opts) => queue.run(() => open().changesSince(since, opts)),
    position: () =>
      queue.run(() => {
        assertOpen();
        return readPosition(ctx, exec);
      }),
    positionsOf: (keys) =>
      queue.run(() => {
        assertOpen();
        return readPositions(ctx, exec, keys);
      }),
    async migrate(schema: StorageSchema) {
      let saved: Promise<void>;
      try {
        ({ saved } = await inTransaction(() => migrateSchema(sqliteDialect, exec, schema, new Date().toISOString())));
      } finally {
        layouts.invalidate();
      }
      await saved;
    },
    async transaction(work) {
      const { result, saved } = await inTransaction(work);
      await saved;
      return result;
    },
    save: () => saver.saveIfDirty(),
    export: () =>
      queue.run(() => {
        assertOpen();
        return exportNow();
      }),
    async close() {
      if (closed) return;
      let failure: unknown;
      try {
        await queue.run(() => undefined);
        await saver.saveIfDirty();
      } catch (e) {
        failure = e; // still release the database; the caller learns the last save failed
      }
      await queue.run(() => {
        if (!closed) {
          exec.free();
          db.close();
        }
        closed = new KitosError('storage', 'storage', 'the sql.js storage is closed', { adapter: SQLJS_ADAPTER_NAME });
      });
      if (failure) throw failure;
    },
  };
  return storage;
}

/** A value that changes whenever a transaction changed rows or the schema (see runTransaction). */
async function changeMark(exec: SqlJsExecutor): Promise<string> {
  const [row] = await exec.all('SELECT total_changes() AS c, (SELECT schema_version FROM pragma_schema_version) AS v');
  return `${row?.c}:${row?.v}`;
}

/**
 * Refuses bytes SQLite finds damaged. Why on every open: SQLite reads pages lazily, so a damaged
 * file would otherwise open fine and fail (or silently return wrong rows) much later, and the
 * next save would write the damage back as if it were data.
 */
function checkIntegrity(
  db: Database,
  level: 'full' | 'quick' | 'off',
  what: string,
  context: Record<string, unknown>,
): void {
  let problems: string[];
  try {
    if (level === 'off') {
      db.exec('PRAGMA schema_version'); // still fails fast on bytes that are not a database at all
      return;
    }
    const rows = db.exec(`PRAGMA ${level === 'quick' ? 'quick_check' : 'integrity_check'}(20)`);
    problems = (rows[0]?.values ?? []).map(([v]) => String(v));
  } catch (cause) {
    throw new SqlJsDamagedError(what, [(cause as Error).message], context, cause);
  }
  if (problems.length !== 1 || problems[0] !== 'ok') throw new SqlJsDamagedError(what, problems, context);
}

function describeOrigin(origin: SqlJsOrigin | undefined): string {
  if (origin?.path !== undefined) return `the file ${origin.path}`;
  if (origin?.url !== undefined) return `the database at ${origin.url}`;
  if (origin?.name !== undefined) return `the database "${origin.name}"`;
  return 'the data';
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
