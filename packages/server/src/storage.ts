/**
 * Opening the store a `database` setting names: `memory`, `file:<path>` (better-sqlite3, the
 * embedded default) or `postgres://…` (a pg.Pool; `schema` picks the PostgreSQL schema, default
 * `kitos`). Drivers load only when used.
 *
 * @module
 */
import type { StorageAdapter } from '@os2kitos/core';

/**
 * Opens the store for a `database` setting.
 *
 * @example
 * ```ts
 * const storage = await openStorage('file:./kitos.db');
 * const pg = await openStorage('postgres://kitos:secret@db.kommune.dk/kitos', { poolSize: 20 });
 * ```
 */
export async function openStorage(
  database: string,
  options: { poolSize?: number; schema?: string } = {},
): Promise<StorageAdapter> {
  if (database === 'memory') {
    const { createMemoryStorage } = await import('@os2kitos/core');
    return createMemoryStorage();
  }
  if (database.startsWith('postgres://') || database.startsWith('postgresql://')) {
    const { default: pg } = await import('pg');
    const { createPostgresStorage } = await import('@os2kitos/storage-adapters/postgres');
    const pool = new pg.Pool({ connectionString: database, max: options.poolSize ?? 10 });
    // A transaction needs its own connection from the pool; closing the store ends the pool too.
    const storage = await createPostgresStorage({
      client: pool,
      connect: () => pool.connect(),
      schema: options.schema,
    });
    return Object.assign(Object.create(storage) as StorageAdapter, {
      close: async () => {
        await storage.close();
        await pool.end();
      },
    });
  }
  if (database.startsWith('file:')) {
    const { createBetterSqliteStorage } = await import('@os2kitos/storage-adapters/better-sqlite3');
    return createBetterSqliteStorage({ path: database.slice('file:'.length) });
  }
  throw new Error(
    `[kitos] [server] database must be memory, file:<path> or postgres://…, not ${JSON.stringify(database)}`,
  );
}
