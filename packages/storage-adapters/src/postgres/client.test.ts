import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPostgres, type TestPostgres } from '../testing/postgres.js';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await openTestPostgres();
  console.log(`[kitos] PostgreSQL client test runs on ${pg.kind}`);
});
afterAll(() => pg?.close());

describe('PgQueryable over pg or PGlite', () => {
  it('round-trips a hostile string through a parameter without changing the statement', async () => {
    const hostile = `'; DROP TABLE x; -- æøå 😀 "quoted"`;
    const { rows } = await pg.client.query<{ v: string }>('select $1::text as v', [hostile]);
    expect(rows).toEqual([{ v: hostile }]);
  });
  it('runs in the environment CI asks for', () => {
    expect(pg.kind).toBe(process.env.KITOS_PG_URL ? 'server' : 'pglite');
  });
});
