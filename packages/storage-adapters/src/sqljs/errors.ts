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

/**
 * The bytes given to open are not a sound SQLite database: empty where a database was expected,
 * cut short, overwritten in places, or something else entirely. SQLite's own `integrity_check`
 * (or `quick_check`) found the `problems`; nothing was opened and nothing was written.
 *
 * @example
 * ```ts
 * try {
 *   await openSqlJsFile('./kitos.sqlite');
 * } catch (e) {
 *   if (e instanceof SqlJsDamagedError) console.error(e.context.path, e.problems);
 * }
 * ```
 */
export class SqlJsDamagedError extends KitosError {
  /** What SQLite reported, one line per problem (at most 20). */
  readonly problems: readonly string[];

  constructor(what: string, problems: readonly string[], context: Record<string, unknown> = {}, cause?: unknown) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    super(
      'storage',
      'storage',
      `${what} is damaged or not a SQLite database: ${shown}${more}`,
      { adapter: 'sqljs', ...context, problems },
      { cause },
    );
    this.name = 'SqlJsDamagedError';
    this.problems = problems;
  }
}
