/**
 * PostgreSQL storage for `@os2kitos/core`, over any {@link PgQueryable} client (`pg.Pool`, PGlite).
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import type { PgQueryable } from '@os2kitos/storage-adapters/postgres';
 * const client: PgQueryable = new pg.Pool({ connectionString: 'postgres://kitos:kitos@127.0.0.1/kitos' });
 * ```
 *
 * @module
 */
export type { PgQueryable } from './client.js';
/** Name of the PostgreSQL adapter, as reported in errors and benchmarks. */
export const POSTGRES_ADAPTER_NAME = 'postgres';
