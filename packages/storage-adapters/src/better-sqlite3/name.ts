// The adapter's name on its own, so the package's root entry can list it without loading the
// adapter (which imports `node:fs`, and must stay out of browser bundles of the root entry).

/**
 * Name of the better-sqlite3 adapter, as reported in errors and benchmarks.
 *
 * @example
 * ```ts
 * if (storage.name === BETTER_SQLITE_ADAPTER_NAME) await (storage as BetterSqliteStorage).backup('./kitos.bak');
 * ```
 */
export const BETTER_SQLITE_ADAPTER_NAME = 'better-sqlite3';
