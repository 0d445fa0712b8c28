/**
 * The smallest PostgreSQL client the adapter needs. `pg.Pool`, `pg.Client` and PGlite all have
 * this shape already, so none of them is wrapped or imported here: the adapter stays driver-free
 * and a browser bundle never pulls in `pg`.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const client: PgQueryable = new pg.Pool({ connectionString: process.env.KITOS_PG_URL });
 * const { rows } = await client.query<{ one: number }>('select 1 as one');
 * ```
 */
export interface PgQueryable {
  /** Runs one parameterised statement (`$1`, `$2`, …) and returns its rows. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * A connection checked out of a pool (`pg.PoolClient` fits): a transaction runs all its statements
 * on it, then releases it.
 *
 * @example
 * ```ts
 * const connection: PgPoolClient = await pool.connect();
 * try { await connection.query('select 1'); } finally { connection.release(); }
 * ```
 */
export interface PgPoolClient extends PgQueryable {
  /** Returns the connection to the pool; a truthy argument destroys it instead (after an error). */
  release(destroy?: Error | boolean): void;
}

/**
 * Runs `work` in one database transaction and hands it a client bound to that transaction: BEGIN
 * before, COMMIT after, ROLLBACK (and re-throw) when `work` throws. PGlite's `db.transaction` fits.
 *
 * @example
 * ```ts
 * const runner: PgTransactionRunner = (work) => pglite.transaction(work);
 * ```
 */
export type PgTransactionRunner = <R>(work: (tx: PgQueryable) => Promise<R>) => Promise<R>;
