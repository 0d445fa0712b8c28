/**
 * Opens the PostgreSQL that tests run against: the real server in `KITOS_PG_URL` when set (CI
 * starts one), otherwise an in-memory PGlite, so PostgreSQL tests never skip.
 *
 * @example
 * ```ts
 * const pg = await openTestPostgres();
 * await pg.client.query('select 1');
 * await pg.close();
 * ```
 */
import type { PgQueryable } from '../postgres/client.js';

/** A PostgreSQL connection for tests and benchmarks. */
export interface TestPostgres {
  /** `server` when `KITOS_PG_URL` was used, `pglite` otherwise. */
  readonly kind: 'server' | 'pglite';
  readonly client: PgQueryable;
  close(): Promise<void>;
}

/** Connects to `KITOS_PG_URL`, or starts PGlite when it is not set. */
export async function openTestPostgres(url = process.env.KITOS_PG_URL): Promise<TestPostgres> {
  if (url) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    return { kind: 'server', client: pool, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  return {
    kind: 'pglite',
    client: { query: async (text, params) => ({ rows: (await db.query(text, params)).rows as never[] }) },
    close: () => db.close(),
  };
}
