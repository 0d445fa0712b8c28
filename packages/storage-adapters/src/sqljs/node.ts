/**
 * Node-only helpers for the sql.js adapter (kept in their own subpath so `node:*` never reaches a
 * browser bundle).
 *
 * @example
 * ```ts
 * import { loadSqlJs } from '@os2kitos/storage-adapters/sqljs';
 * import { nodeSqlJsWasm } from '@os2kitos/storage-adapters/sqljs/node';
 * const SQL = await loadSqlJs(await nodeSqlJsWasm());
 * ```
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SqlJsWasmSource } from './load.js';

/** Reads the `.wasm` that ships with the installed sql.js package. */
export async function nodeSqlJsWasm(): Promise<SqlJsWasmSource> {
  const require = createRequire(import.meta.url);
  return { wasmBinary: new Uint8Array(await readFile(require.resolve('sql.js/dist/sql-wasm.wasm'))) };
}
