/**
 * sql.js (SQLite in WebAssembly): the embedded default storage, in Node and in the browser.
 *
 * @example
 * ```ts
 * import { loadSqlJs } from '@os2kitos/storage-adapters/sqljs';
 * const SQL = await loadSqlJs({ locateFile: (f) => `/assets/${f}` });
 * ```
 *
 * @module
 */
export { loadSqlJs, sqlJsLoadedFrom, type SqlJsWasmSource } from './load.js';
/** Name of the sql.js adapter, as reported in errors and benchmarks. */
export const SQLJS_ADAPTER_NAME = 'sqljs';
