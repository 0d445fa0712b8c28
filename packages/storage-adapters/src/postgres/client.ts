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
