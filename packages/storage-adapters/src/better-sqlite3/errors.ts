import { KitosError } from '@os2kitos/core';
import { BETTER_SQLITE_ADAPTER_NAME } from './name.js';

/**
 * A write, or a `migrate()` that would change the database, was attempted on a better-sqlite3
 * database opened read-only (`readOnly: true`, or a read-only `database`). Nothing was changed.
 *
 * @example
 * ```ts
 * try {
 *   await storage.transaction((tx) => tx.put(record));
 * } catch (e) {
 *   if (e instanceof BetterSqliteReadOnlyError) console.warn('opened read-only:', e.message);
 * }
 * ```
 */
export class BetterSqliteReadOnlyError extends KitosError {
  constructor(file: string, reason = 'opened read-only') {
    super('storage', 'storage', `the database ${file} is read-only (${reason})`, {
      adapter: BETTER_SQLITE_ADAPTER_NAME,
      readOnly: true,
      file,
    });
    this.name = 'BetterSqliteReadOnlyError';
  }
}
