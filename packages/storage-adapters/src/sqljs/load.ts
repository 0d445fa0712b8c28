import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { KitosError } from '@os2kitos/core';

/**
 * Where sql.js finds its WebAssembly. One of the two is required: sql.js's own default guesses a
 * path relative to the page or to `__dirname`, which is wrong in bundles and ES modules.
 */
export interface SqlJsWasmSource {
  /** The `.wasm` bytes (Node: read the file; browser: fetch it yourself). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Maps the file name sql.js asks for (`sql-wasm.wasm` or `sql-wasm-browser.wasm`) to a URL. */
  locateFile?: (file: string) => string;
}

let loading: Promise<SqlJsStatic> | undefined;
let loadedWith: SqlJsWasmSource | undefined;

/**
 * Loads sql.js once per page or process, from an explicitly located `.wasm`.
 *
 * sql.js caches its first initialisation (even a failed one) and ignores later options, so this
 * loader does the same deliberately and says so: a second call with different options gets the
 * first instance.
 *
 * @example
 * ```ts
 * // Browser, with the wasm copied next to your bundle:
 * const SQL = await loadSqlJs({ locateFile: (f) => new URL(f, import.meta.url).href });
 * const db = new SQL.Database();
 * ```
 */
export function loadSqlJs(source: SqlJsWasmSource): Promise<SqlJsStatic> {
  if (!source.wasmBinary && !source.locateFile) {
    throw new KitosError(
      'storage',
      'storage',
      'sql.js needs `wasmBinary` or `locateFile`: the .wasm is never guessed',
      {
        adapter: 'sqljs',
      },
    );
  }
  if (!loading) {
    loadedWith = source;
    const config = source.wasmBinary
      ? { wasmBinary: source.wasmBinary as ArrayBuffer }
      : { locateFile: source.locateFile as (file: string) => string };
    loading = initSqlJs(config).catch((cause: unknown) => {
      loading = undefined; // allow a retry with a corrected source
      throw new KitosError(
        'storage',
        'storage',
        'sql.js failed to load its WebAssembly',
        { adapter: 'sqljs' },
        { cause },
      );
    });
  }
  return loading;
}

/** The source the loaded sql.js instance came from, if any (for diagnostics). */
export function sqlJsLoadedFrom(): SqlJsWasmSource | undefined {
  return loadedWith;
}
