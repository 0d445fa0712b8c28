// The PostgreSQL adapter on PGlite with pg_trgm, handing PGlite itself to the adapter (its
// `transaction()` runs the transactions). This file always runs on PGlite, so a run with
// KITOS_PG_URL (CI) covers both the server (postgres.test.ts) and PGlite.
import type { PGlite } from '@electric-sql/pglite';
import * as vitest from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStorageConformance } from '../testing/conformance/suite.js';
import { createPostgresStorage } from './storage.js';

let db: PGlite;
let schemas = 0;
beforeAll(async () => {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  db = await PGlite.create({ extensions: { pg_trgm } });
}, 60_000);
afterAll(() => db?.close());

runStorageConformance({
  create: () => createPostgresStorage({ client: db, schema: `kitos_pglite_${++schemas}` }),
  test: vitest,
  label: 'postgres (PGlite with pg_trgm, driver transactions)',
});

describe('PostgreSQL adapter on PGlite', () => {
  it('creates pg_trgm and serves contains filters from a trigram index', async () => {
    const storage = await createPostgresStorage({ client: db, schema: 'kitos_pglite_trgm' });
    expect(storage.trigram).toBe(true);
    await storage.migrate({ version: 1, kinds: [{ kind: 'doc', fields: [{ name: 'title', type: 'text' }] }] });
    await storage.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) {
        const title = i === 7 ? 'Økonomisystem' : `Dokument ${i}`;
        await tx.put({
          kind: 'doc',
          uuid: `u${i}`,
          organizationUuid: null,
          expectedVersion: 0,
          lastChanged: 'x',
          index: { title },
          data: { title },
        });
      }
    });
    await db.query('SET enable_seqscan = off'); // 300 rows: force the index the planner would use on real sizes
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      "EXPLAIN SELECT uuid FROM kitos_pglite_trgm.kind_doc WHERE f_title LIKE '%konomisys%'",
    );
    await db.query('RESET enable_seqscan');
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('ix_doc_title_trgm');
    const hits = await storage.query<{ title: string }>({
      kind: 'doc',
      filter: { op: 'contains', field: 'title', value: 'ØKONOMISYS' },
    });
    expect(hits.records.map((r) => r.data.title)).toEqual(['Økonomisystem']);
  });
});
