/**
 * PostgreSQL storage for `@os2kitos/core`, over any {@link PgQueryable} client (`pg.Pool`,
 * `pg.Client`, PGlite). The path to a shared, national deployment: one server for all
 * municipalities, organisation-scoped indexes, read replicas for overviews.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createPostgresStorage } from '@os2kitos/storage-adapters/postgres';
 * const storage = await createPostgresStorage({ client: new pg.Pool({ connectionString: 'postgres://kitos:kitos@127.0.0.1/kitos' }) });
 * ```
 *
 * @module
 */
export type { PgPoolClient, PgQueryable, PgTransactionRunner } from './client.js';
export {
  createPostgresStorage,
  POSTGRES_ADAPTER_NAME,
  type PostgresStorage,
  type PostgresStorageOptions,
} from './storage.js';
