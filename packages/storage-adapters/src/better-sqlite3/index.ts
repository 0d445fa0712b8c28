/**
 * better-sqlite3 (native SQLite, Node only): a database file written in place, in WAL mode, for a
 * server or service that keeps its portfolio in one file. Needs the optional peer dependency
 * `better-sqlite3` (12.x).
 *
 * - {@link createBetterSqliteStorage}: open a file (or your own {@link BetterSqliteConnection}) as storage;
 * - {@link BetterSqliteReadOnlyError}: what writes to a read-only open throw.
 *
 * @example
 * ```ts
 * import { createBetterSqliteStorage } from '@os2kitos/storage-adapters/better-sqlite3';
 * const storage = await createBetterSqliteStorage({ path: './data/kitos.sqlite' });
 * ```
 *
 * @module
 */
export type { BetterSqliteConnection, BetterSqliteStatement } from './connection.js';
export { BetterSqliteReadOnlyError } from './errors.js';
export { BETTER_SQLITE_ADAPTER_NAME } from './name.js';
export {
  type BetterSqliteStorage,
  type BetterSqliteStorageOptions,
  createBetterSqliteStorage,
} from './storage.js';
