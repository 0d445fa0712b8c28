/**
 * Browser persistence of a sql.js database in IndexedDB: the exported file bytes under one key,
 * written in one IndexedDB transaction per save.
 *
 * @module
 */
import { KitosConflictError, KitosError } from '@os2kitos/core';
import { createSqlJsStorage, type SqlJsStorage, type SqlJsStorageOptions } from './storage.js';

/**
 * Options of {@link openSqlJsIndexedDb}: those of {@link createSqlJsStorage} (the `.wasm`
 * location, autosave, cache size) except `data` and `persist`, which IndexedDB provides.
 *
 * @example
 * ```ts
 * const options: SqlJsIndexedDbOptions = { locateFile: (f) => `/assets/${f}`, indexedDbName: 'my-app' };
 * ```
 */
export interface SqlJsIndexedDbOptions extends Omit<SqlJsStorageOptions, 'data' | 'persist' | 'origin'> {
  /** The IndexedDB database holding the saved files (default `os2kitos-sqljs`). */
  readonly indexedDbName?: string;
}

const DEFAULT_DB = 'os2kitos-sqljs';
const STORE = 'databases';

/** What one key holds. */
interface SavedDatabase {
  readonly bytes: Uint8Array;
  /** Increases with every save; a tab that saves checks it has seen the previous one. */
  readonly generation: number;
  readonly savedAt: string;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error);
  });
}

function openIdb(name: string): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(
      new KitosError('storage', 'storage', 'IndexedDB is not available here', { adapter: 'sqljs' }),
    );
  }
  const r = indexedDB.open(name, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

/**
 * Opens (or creates) a sql.js database persisted in IndexedDB under `name`. Each committed write
 * transaction that changed something saves the whole file in one IndexedDB transaction (strict
 * durability) before it resolves. If another tab saved the same database in the meantime, the
 * save fails with a `KitosConflictError` instead of overwriting that tab's work, and the refused
 * change is undone in this tab (reload to continue).
 *
 * @example
 * ```ts
 * import { openSqlJsIndexedDb } from '@os2kitos/storage-adapters/sqljs';
 * const storage = await openSqlJsIndexedDb('portfolio', { locateFile: (f) => `/assets/${f}` });
 * const kitos = await createKitos({ storage });
 * ```
 */
export async function openSqlJsIndexedDb(name: string, options: SqlJsIndexedDbOptions): Promise<SqlJsStorage> {
  const idb = await openIdb(options.indexedDbName ?? DEFAULT_DB);
  const read = idb.transaction(STORE, 'readonly');
  const saved = (await request(read.objectStore(STORE).get(name))) as SavedDatabase | undefined;
  let generation = saved?.generation ?? 0;
  const persist = async (bytes: Uint8Array) => {
    const tx = idb.transaction(STORE, 'readwrite', { durability: 'strict' });
    const store = tx.objectStore(STORE);
    const completed = done(tx);
    const current = (await request(store.get(name))) as SavedDatabase | undefined;
    if ((current?.generation ?? 0) !== generation) {
      tx.abort();
      await completed.catch(() => undefined);
      throw new KitosConflictError('storage', `the database "${name}" was saved by another tab or window; reload`, {
        name,
        expectedGeneration: generation,
        actualGeneration: current?.generation,
      });
    }
    const next: SavedDatabase = { bytes, generation: generation + 1, savedAt: new Date().toISOString() };
    store.put(next, name);
    await completed;
    generation = next.generation;
  };
  try {
    const storage = await createSqlJsStorage({ ...options, data: saved?.bytes, persist, origin: { name } });
    return { ...storage, close: () => storage.close().finally(() => idb.close()) };
  } catch (e) {
    idb.close();
    throw e;
  }
}

/**
 * Deletes a database saved by {@link openSqlJsIndexedDb} (close the storage first).
 *
 * @example
 * ```ts
 * await deleteSqlJsIndexedDb('portfolio');
 * ```
 */
export async function deleteSqlJsIndexedDb(name: string, indexedDbName = DEFAULT_DB): Promise<void> {
  const idb = await openIdb(indexedDbName);
  try {
    const tx = idb.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete(name);
    await done(tx);
  } finally {
    idb.close();
  }
}
