/**
 * Runs the shared engine's statements on a better-sqlite3 connection.
 *
 * better-sqlite3 is synchronous: every call below finishes its SQLite work before it returns. The
 * shared engine's {@link SqlExecutor} is asynchronous (PostgreSQL needs that), so `all` simply
 * returns a resolved promise; no other work can run on the connection halfway through a statement.
 *
 * @module
 */
import { KitosError } from '@os2kitos/core';
import type { SqlExecutor, SqlRow } from '../shared-sql/engine.js';
import { duplicateError } from '../shared-sql/errors.js';
import type { BetterSqliteConnection, BetterSqliteStatement } from './connection.js';

/** Prepared statements kept per connection; the SQL text depends only on a query's shape. */
const CACHE_SIZE = 200;

/** A statement runner over one better-sqlite3 connection. */
export interface BetterSqliteExecutor extends SqlExecutor {
  /** Runs parameterless SQL synchronously (BEGIN, COMMIT, ROLLBACK). */
  run(sql: string): void;
}

/** The SQLite error code (`SQLITE_BUSY`, `SQLITE_READONLY`, …) of a better-sqlite3 error. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Wraps a driver error so callers see a `KitosError` with the SQLite code in its context. */
export function storageError(adapter: string, cause: unknown): KitosError {
  const code = sqliteCode(cause);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return duplicateError(adapter, cause);
  return new KitosError(
    'storage',
    'storage',
    `SQLite failed: ${(cause as Error).message}`,
    { adapter, ...(code ? { sqliteCode: code } : {}) },
    { cause },
  );
}

/**
 * The shared SQL numbers its parameters (`?1`, `?2`, and `?1` again where a value is used twice).
 * better-sqlite3 binds an array only to anonymous `?` parameters; numbered ones it binds by name
 * from an object, where the name of `?3` is `3`.
 */
function numbered(params: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  params.forEach((value, i) => {
    // sql.js binds booleans as 0/1 and `undefined` as NULL; better-sqlite3 refuses both.
    out[String(i + 1)] = value === undefined ? null : typeof value === 'boolean' ? Number(value) : value;
  });
  return out;
}

/** Creates the runner; `adapter` names the adapter in errors. */
export function betterSqliteExecutor(db: BetterSqliteConnection, adapter: string): BetterSqliteExecutor {
  const cache = new Map<string, BetterSqliteStatement>();
  const prepared = (sql: string) => {
    const hit = cache.get(sql);
    if (hit) {
      cache.delete(sql); // move to the end: least recently used first out
      cache.set(sql, hit);
      return hit;
    }
    const stmt = db.prepare(sql);
    cache.set(sql, stmt);
    // Evicted statements need no explicit release: better-sqlite3 finalises them when collected.
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return stmt;
  };
  const allSync = (sql: string, params: readonly unknown[] = []): SqlRow[] => {
    try {
      const stmt = prepared(sql);
      const args = params.length > 0 ? [numbered(params)] : [];
      // `reader` is true for statements that return rows, `INSERT … RETURNING` included;
      // better-sqlite3 refuses `all()` on the others.
      if (stmt.reader) return stmt.all(...args) as SqlRow[];
      stmt.run(...args);
      return [];
    } catch (cause) {
      throw storageError(adapter, cause);
    }
  };
  return {
    all: async (sql, params) => allSync(sql, params),
    run(sql) {
      try {
        db.exec(sql);
      } catch (cause) {
        throw storageError(adapter, cause);
      }
    },
  };
}
