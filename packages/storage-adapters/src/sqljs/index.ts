/**
 * sql.js (SQLite in WebAssembly): the embedded default storage, in Node and in the browser.
 *
 * - {@link createSqlJsStorage}: in memory, optionally saved through your own `persist` function;
 * - {@link openSqlJsIndexedDb}: saved in the browser's IndexedDB;
 * - {@link openSqlJsFromUrl}: a published snapshot, read-only;
 * - `openSqlJsFile` in `@os2kitos/storage-adapters/sqljs/node`: a database file, saved atomically,
 *   with one writer at a time.
 *
 * @example
 * ```ts
 * import { openSqlJsIndexedDb } from '@os2kitos/storage-adapters/sqljs';
 * const storage = await openSqlJsIndexedDb('portfolio', { locateFile: (f) => new URL(f, import.meta.url).href });
 * ```
 *
 * @module
 */
export { SqlJsDamagedError, SqlJsReadOnlyError } from './errors.js';
export { deleteSqlJsIndexedDb, openSqlJsIndexedDb, type SqlJsIndexedDbOptions } from './indexeddb.js';
export { loadSqlJs, type SqlJsWasmSource, sqlJsLoadedFrom } from './load.js';
export {
  createSqlJsStorage,
  SQLJS_ADAPTER_NAME,
  type SqlJsOrigin,
  type SqlJsStorage,
  type SqlJsStorageOptions,
} from './storage.js';
export { openSqlJsFromUrl, type SqlJsUrlOptions } from './url.js';
