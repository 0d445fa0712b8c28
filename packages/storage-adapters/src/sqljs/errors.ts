import { KitosError } from '@os2kitos/core';

/**
 * A write was attempted on a sql.js database opened read-only (for example a snapshot opened with
 * `openSqlJsFromUrl`). Nothing was changed.
 *
 * @example
 * ```ts
 * try {
 *   await storage.transaction((tx) => tx.put(record));
 * } catch (e) {
 *   if (e instanceof SqlJsReadOnlyError) showNotice('This is a read-only snapshot.');
 * }
 * ```
 */
export class SqlJsReadOnlyError extends KitosError {
  constructor(reason: string) {
    super('storage', 'storage', `this sql.js database is read-only (${reason})`, { adapter: 'sqljs', readOnly: true });
    this.name = 'SqlJsReadOnlyError';
  }
}
