// What the cross-adapter service tests share: one fresh store per call on memory, sql.js,
// better-sqlite3 (a file in a temporary directory) and PostgreSQL (KITOS_PG_URL, or PGlite without
// it; a schema of its own per store). Everything made is removed after the test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStorage, type StorageAdapter } from '@os2kitos/core';
import { afterAll } from 'vitest';
import { createBetterSqliteStorage } from '../src/better-sqlite3/index.js';
import { createPostgresStorage } from '../src/postgres/index.js';
import { createSqlJsStorage } from '../src/sqljs/index.js';
import { nodeSqlJsWasm } from '../src/sqljs/node.js';
import { openTestPostgres, type TestPostgres } from '../src/testing/index.js';

/** Makers of an empty store per adapter, by name; `name` goes into the temporary paths and schemas. */
export function everyAdapter(name: string): Record<string, () => Promise<StorageAdapter>> {
  const dir = mkdtempSync(join(tmpdir(), `kitos-${name}-`));
  let pg: TestPostgres | undefined;
  const schemas: string[] = [];
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const s of schemas) await pg?.client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await pg?.close();
  });
  return {
    memory: async () => createMemoryStorage(),
    'sql.js': async () => createSqlJsStorage(await nodeSqlJsWasm()),
    'better-sqlite3': async () => createBetterSqliteStorage({ path: join(dir, `${crypto.randomUUID()}.sqlite`) }),
    postgres: async () => {
      pg ??= await openTestPostgres();
      const schema = `kitos_${name.replaceAll('-', '_')}_${Math.random().toString(36).slice(2, 8)}`;
      schemas.push(schema);
      return createPostgresStorage({ client: pg.client, schema });
    },
  };
}
