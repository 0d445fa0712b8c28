/**
 * The part of a better-sqlite3 `Database` the adapter uses, so the package's public types do not
 * depend on `@types/better-sqlite3` (as `PgQueryable` keeps them free of `@types/pg`).
 *
 * @module
 */

/**
 * A better-sqlite3 connection (`new Database(file)` of better-sqlite3 12): the members the adapter
 * calls. Any better-sqlite3 `Database` fits.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * const connection: BetterSqliteConnection = new Database('./data/kitos.sqlite', { timeout: 10_000 });
 * ```
 */
export interface BetterSqliteConnection {
  /** The file name the connection was opened with (`:memory:` for an in-memory database). */
  readonly name: string;
  /** Whether the database lives in memory only. */
  readonly memory: boolean;
  /** Whether the connection was opened read-only. */
  readonly readonly: boolean;
  /** Whether a transaction is open on the connection. */
  readonly inTransaction: boolean;
  /** Compiles one SQL statement. */
  prepare(source: string): BetterSqliteStatement;
  /** Runs SQL without parameters or results. */
  exec(source: string): unknown;
  /** Runs a `PRAGMA`; `simple` returns the first column of the first row. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  /** Copies the database to a file with SQLite's online backup API. */
  backup(destinationFile: string): Promise<unknown>;
  /** Closes the connection. */
  close(): unknown;
}

/**
 * A prepared statement of a {@link BetterSqliteConnection}.
 *
 * @example
 * ```ts
 * const stmt: BetterSqliteStatement = connection.prepare('SELECT count(*) AS n FROM kitos_kinds');
 * console.log(stmt.reader ? stmt.all() : stmt.run());
 * ```
 */
export interface BetterSqliteStatement {
  /** Whether the statement returns rows (`SELECT`, `… RETURNING`). */
  readonly reader: boolean;
  /** Runs a statement that returns rows and returns them all. */
  all(...params: unknown[]): unknown[];
  /** Runs a statement that returns no rows. */
  run(...params: unknown[]): unknown;
}
