/**
 * Opening a published database snapshot (a `.sqlite` file on a web server) read-only.
 *
 * @module
 */
import { KitosError } from '@os2kitos/core';
import { createSqlJsStorage, type SqlJsStorage, type SqlJsStorageOptions } from './storage.js';

/**
 * Options of {@link openSqlJsFromUrl}: the `.wasm` location and cache size of
 * {@link createSqlJsStorage}, plus how to fetch.
 *
 * @example
 * ```ts
 * const options: SqlJsUrlOptions = { locateFile: (f) => `/assets/${f}`, fetchInit: { credentials: 'include' } };
 * ```
 */
export interface SqlJsUrlOptions
  extends Omit<SqlJsStorageOptions, 'data' | 'persist' | 'readOnly' | 'autosave' | 'origin'> {
  /** Passed to `fetch` (headers, credentials, an `AbortSignal`). */
  readonly fetchInit?: RequestInit;
}

/**
 * Downloads a database file and opens it read-only: queries work as usual, every write throws a
 * `SqlJsReadOnlyError`, nothing is saved. `migrate()` still adapts the in-memory copy, so a
 * snapshot written by an older version opens with a newer schema.
 *
 * @example
 * ```ts
 * import { openSqlJsFromUrl } from '@os2kitos/storage-adapters/sqljs';
 * const snapshot = await openSqlJsFromUrl('/data/portfolio-2025-06.sqlite', { locateFile: (f) => `/assets/${f}` });
 * const { records } = await snapshot.query({ kind: 'itSystemUsage', limit: 50 });
 * ```
 */
export async function openSqlJsFromUrl(url: string | URL, options: SqlJsUrlOptions): Promise<SqlJsStorage> {
  let response: Response;
  try {
    response = await fetch(url, options.fetchInit);
  } catch (cause) {
    throw new KitosError('storage', 'storage', `could not fetch ${String(url)}`, { adapter: 'sqljs' }, { cause });
  }
  if (!response.ok) {
    throw new KitosError('storage', 'storage', `could not fetch ${String(url)}: HTTP ${response.status}`, {
      adapter: 'sqljs',
      status: response.status,
    });
  }
  const data = new Uint8Array(await response.arrayBuffer());
  return createSqlJsStorage({ ...options, data, readOnly: `opened from ${String(url)}`, origin: { url: String(url) } });
}
