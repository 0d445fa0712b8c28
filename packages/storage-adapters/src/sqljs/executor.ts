/**
 * Runs statements on a sql.js database with a small cache of prepared statements (the SQL text of a
 * query depends only on its shape, so the cache stays small and hits often).
 *
 * @module
 */
import type { Database, SqlValue, Statement } from 'sql.js';
import { KitosError } from '@os2kitos/core';
import { duplicateError } from '../shared-sql/errors.js';
import type { SqlExecutor, SqlRow } from '../shared-sql/engine.js';

const CACHE_SIZE = 200;

/** A statement runner over one sql.js database; `free()` releases the cached statements. */
export interface SqlJsExecutor extends SqlExecutor {
  /** Runs without async overhead (used for BEGIN/COMMIT/ROLLBACK and pragmas). */
  run(sql: string): void;
  free(): void;
}

/**
 * A driver error as the library's error: a broken unique index is a conflict (another write took
 * the value first), everything else a storage error with the cause attached.
 */
export function sqliteError(cause: unknown): KitosError {
  const message = (cause as Error)?.message ?? String(cause);
  if (/UNIQUE constraint failed/.test(message)) return duplicateError('sqljs', cause);
  return new KitosError('storage', 'storage', `SQLite failed: ${message}`, { adapter: 'sqljs' }, { cause });
}

/** Creates the runner. */
export function sqlJsExecutor(db: Database): SqlJsExecutor {
  const cache = new Map<string, { stmt: Statement; columns: string[] }>();
  const prepared = (sql: string) => {
    const hit = cache.get(sql);
    if (hit) {
      cache.delete(sql); // move to the end: least recently used first out
      cache.set(sql, hit);
      return hit;
    }
    const stmt = db.prepare(sql);
    const entry = { stmt, columns: stmt.getColumnNames() };
    cache.set(sql, entry);
    if (cache.size > CACHE_SIZE) {
      const [oldest, value] = cache.entries().next().value as [string, { stmt: Statement }];
      value.stmt.free();
      cache.delete(oldest);
    }
    return entry;
  };
  const allSync = (sql: string, params: readonly unknown[] = []): SqlRow[] => {
    let entry: { stmt: Statement; columns: string[] } | undefined;
    try {
      entry = prepared(sql);
      entry.stmt.bind(params as SqlValue[]);
      const rows: SqlRow[] = [];
      while (entry.stmt.step()) {
        const values = entry.stmt.get();
        const row: SqlRow = {};
        entry.columns.forEach((c, i) => {
          row[c] = values[i];
        });
        rows.push(row);
      }
      return rows;
    } catch (cause) {
      throw sqliteError(cause);
    } finally {
      entry?.stmt.reset();
    }
  };
  return {
    all: async (sql, params) => allSync(sql, params),
    run(sql) {
      try {
        db.run(sql);
      } catch (cause) {
        throw new KitosError(
          'storage',
          'storage',
          `SQLite failed: ${(cause as Error).message}`,
          { adapter: 'sqljs' },
          { cause },
        );
      }
    },
    free() {
      for (const { stmt } of cache.values()) stmt.free();
      cache.clear();
    },
  };
}
