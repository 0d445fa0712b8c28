// The typical overview query (DESIGN §7): one municipality with 2,000 records among 8,000,
// filter (active and due from a date) + sort by name + page of 50 + total count, through each
// storage adapter. Baseline per engine: a hand-written query over a hand-made table with typed,
// indexed columns on the same engine (plain JavaScript over a Map of arrays for memory).
// PostgreSQL runs on PGlite, and also on the server in KITOS_PG_URL when it is set.
//
// The baseline is a fair one: it returns what the adapter returns, by the same rules — the same
// filter (active, due on or after 2022-01-01, one organisation), the same order (name, then uuid as
// the tie-break; binary/C collation on a plain column where the adapter sorts a Danish sort-key
// column), the same page of 50 with each record's JSON parsed, and the same total from a count(*)
// in a second statement. Its one index is the one a developer would pick for this query
// ((organisation, name) on SQLite, (organisation) on PostgreSQL). What the adapter does beyond
// it: it parses each record's index JSON too, and validates the query. See ADR 0073.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStorage, type Query, type StorageAdapter, type StorageSchema } from '@os2kitos/core';
import { createBetterSqliteStorage } from '@os2kitos/storage-adapters/better-sqlite3';
import { createPostgresStorage, type PgQueryable } from '@os2kitos/storage-adapters/postgres';
import { createSqlJsStorage, loadSqlJs } from '@os2kitos/storage-adapters/sqljs';
import { nodeSqlJsWasm } from '@os2kitos/storage-adapters/sqljs/node';
import Database from 'better-sqlite3';
import { afterAll, bench, describe } from 'vitest';
import { benchOptions } from './options.js';

const KIND = 'usage';
const SCHEMA: StorageSchema = {
  version: 1,
  kinds: [
    {
      kind: KIND,
      fields: [
        { name: 'name', type: 'text' },
        { name: 'supplier', type: 'text' },
        { name: 'due', type: 'date' },
        { name: 'cost', type: 'number' },
        { name: 'active', type: 'boolean' },
        { name: 'tags', type: 'textList' },
      ],
    },
  ],
};
const ORGS = Array.from({ length: 4 }, () => randomUUID());
const ORG = ORGS[0] as string;
const WORDS = ['Økonomi', 'Løn', 'ESDH', 'Borger', 'Ærø', 'Åben', 'Sag', 'Skole', 'Data', 'Portal', 'Byg', 'Miljø'];
let seed = 42;
const rnd = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;

interface Row {
  uuid: string;
  org: string;
  index: { name: string; supplier: string; due: string; cost: number; active: boolean; tags: string[] };
  data: Record<string, unknown>;
}
const rows: Row[] = ORGS.flatMap((org) =>
  Array.from({ length: 2000 }, (_, i) => {
    const index = {
      name: `${pick(WORDS)} ${pick(WORDS).toLowerCase()} ${i}`,
      supplier: `${pick(WORDS)} A/S`,
      due: `202${Math.floor(rnd() * 6)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
      cost: Math.round(rnd() * 1e6) / 100,
      active: rnd() < 0.7,
      tags: rnd() < 0.5 ? ['drift'] : ['drift', 'licens'],
    };
    // The stored entity is larger than its index, as real usages are.
    const data = { ...index, description: 'Beskrivelse af systemet og dets anvendelse. '.repeat(20), notes: [] };
    return { uuid: randomUUID(), org, index, data };
  }),
);

const QUERY: Query = {
  kind: KIND,
  organizationUuids: [ORG],
  filter: {
    op: 'and',
    filters: [
      { op: 'eq', field: 'active', value: true },
      { op: 'gte', field: 'due', value: '2022-01-01' },
    ],
  },
  sort: [{ field: 'name' }],
  limit: 50,
  count: true,
};

async function fill(storage: StorageAdapter): Promise<StorageAdapter> {
  await storage.migrate(SCHEMA);
  await storage.transaction(async (tx) => {
    for (const r of rows) {
      await tx.put({
        kind: KIND,
        uuid: r.uuid,
        organizationUuid: r.org,
        expectedVersion: 0,
        lastChanged: '2025-01-01T00:00:00.000Z',
        index: r.index,
        data: r.data,
      });
    }
  });
  return storage;
}

// Hand-made table for the SQL baselines: typed columns, an index on (org), the record as JSON.
const BASELINE_TABLE =
  'CREATE TABLE b (uuid TEXT PRIMARY KEY, org TEXT, name TEXT, due TEXT, active BOOLEAN, data TEXT)';
const BASELINE_PAGE = 'SELECT uuid, data FROM b WHERE org = $1 AND active AND due >= $2 ORDER BY name, uuid LIMIT 50';
const BASELINE_COUNT = 'SELECT count(*) AS n FROM b WHERE org = $1 AND active AND due >= $2';

/** Keeps results alive so the engines cannot skip work. */
const sink: { value?: unknown } = {};

// --- memory -------------------------------------------------------------------------------
const memory = await fill(createMemoryStorage());
const byOrg = new Map<string, Row[]>();
for (const r of rows) byOrg.set(r.org, [...(byOrg.get(r.org) ?? []), r]);
const collator = new Intl.Collator('da');

describe('overview query, 2,000 of 8,000 records: memory', () => {
  bench(
    'baseline: plain JavaScript over a Map by organisation',
    () => {
      const hits = (byOrg.get(ORG) ?? []).filter((r) => r.index.active && r.index.due >= '2022-01-01');
      hits.sort((a, b) => collator.compare(a.index.name, b.index.name) || (a.uuid < b.uuid ? -1 : 1));
      sink.value = { page: hits.slice(0, 50).map((r) => r.data), total: hits.length };
    },
    benchOptions,
  );
  bench('memory adapter query', () => memory.query(QUERY).then(() => undefined), benchOptions);
});

// --- sql.js -------------------------------------------------------------------------------
const SQL = await loadSqlJs(await nodeSqlJsWasm());
const sqljs = await fill(await createSqlJsStorage(await nodeSqlJsWasm()));
const rawDb = new SQL.Database();
rawDb.run('PRAGMA cache_size = -32768; PRAGMA journal_mode = MEMORY');
rawDb.run(BASELINE_TABLE.replace('BOOLEAN', 'INTEGER'));
rawDb.run('CREATE INDEX b_org ON b (org, name)');
rawDb.run('BEGIN');
const insert = rawDb.prepare('INSERT INTO b VALUES (?, ?, ?, ?, ?, ?)');
for (const r of rows)
  insert.run([r.uuid, r.org, r.index.name, r.index.due, r.index.active ? 1 : 0, JSON.stringify(r.data)]);
insert.free();
rawDb.run('COMMIT');
const sqlitePage = rawDb.prepare(BASELINE_PAGE.replace(/\$(\d)/g, '?$1').replace('AND active', 'AND active = 1'));
const sqliteCount = rawDb.prepare(BASELINE_COUNT.replace(/\$(\d)/g, '?$1').replace('AND active', 'AND active = 1'));

describe('overview query, 2,000 of 8,000 records: sql.js', () => {
  bench(
    'baseline: hand-written SQL over typed, indexed columns (binary collation)',
    () => {
      sqlitePage.bind([ORG, '2022-01-01']);
      const page: unknown[] = [];
      while (sqlitePage.step()) page.push(JSON.parse(sqlitePage.get()[1] as string));
      sqlitePage.reset();
      sqliteCount.bind([ORG, '2022-01-01']);
      sqliteCount.step();
      const total = sqliteCount.get()[0];
      sqliteCount.reset();
      sink.value = { page, total };
    },
    benchOptions,
  );
  bench('sqljs adapter query', () => sqljs.query(QUERY).then(() => undefined), benchOptions);
});

// --- better-sqlite3 (a WAL database file) ----------------------------------------------------
const nativeDir = mkdtempSync(join(tmpdir(), 'kitos-bench-'));
const native = await fill(await createBetterSqliteStorage({ path: join(nativeDir, 'adapter.sqlite') }));
const nativeDb = new Database(join(nativeDir, 'baseline.sqlite'));
nativeDb.pragma('journal_mode = WAL');
nativeDb.pragma('cache_size = -32768');
nativeDb.exec(BASELINE_TABLE.replace('BOOLEAN', 'INTEGER'));
nativeDb.exec('CREATE INDEX b_org ON b (org, name)');
const nativeInsert = nativeDb.prepare('INSERT INTO b VALUES (?, ?, ?, ?, ?, ?)');
nativeDb.transaction(() => {
  for (const r of rows)
    nativeInsert.run(r.uuid, r.org, r.index.name, r.index.due, r.index.active ? 1 : 0, JSON.stringify(r.data));
})();
const nativePage = nativeDb.prepare(BASELINE_PAGE.replace(/\$(\d)/g, '?').replace('AND active', 'AND active = 1'));
const nativeCount = nativeDb.prepare(BASELINE_COUNT.replace(/\$(\d)/g, '?').replace('AND active', 'AND active = 1'));

describe('overview query, 2,000 of 8,000 records: better-sqlite3', () => {
  bench(
    'baseline: hand-written SQL over typed, indexed columns (binary collation)',
    () => {
      const page = (nativePage.all(ORG, '2022-01-01') as { data: string }[]).map((r) => JSON.parse(r.data));
      sink.value = { page, total: (nativeCount.get(ORG, '2022-01-01') as { n: number }).n };
    },
    benchOptions,
  );
  bench('better-sqlite3 adapter query', () => native.query(QUERY).then(() => undefined), benchOptions);
});

// --- PostgreSQL -----------------------------------------------------------------------------
async function postgresTarget(client: PgQueryable) {
  const schema = `kitos_bench_${Math.random().toString(36).slice(2, 8)}`;
  const storage = await fill(await createPostgresStorage({ client, schema }));
  await client.query(`CREATE TABLE ${schema}.${BASELINE_TABLE.slice('CREATE TABLE '.length)}`);
  await client.query(`CREATE INDEX ON ${schema}.b (org)`);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map(
      (_, j) => `($${j * 6 + 1}, $${j * 6 + 2}, $${j * 6 + 3}, $${j * 6 + 4}, $${j * 6 + 5}, $${j * 6 + 6})`,
    );
    await client.query(
      `INSERT INTO ${schema}.b VALUES ${values.join(', ')}`,
      chunk.flatMap((r) => [r.uuid, r.org, r.index.name, r.index.due, r.index.active, JSON.stringify(r.data)]),
    );
  }
  await client.query(`ANALYZE ${schema}.b`);
  await client.query(`ANALYZE ${schema}.kind_usage`);
  const baseline = async () => {
    const page = await client.query(BASELINE_PAGE.replaceAll(' b ', ` ${schema}.b `), [ORG, '2022-01-01']);
    const count = await client.query(BASELINE_COUNT.replaceAll(' b ', ` ${schema}.b `), [ORG, '2022-01-01']);
    sink.value = { page: page.rows.map((r) => JSON.parse((r as { data: string }).data)), count: count.rows };
  };
  return { storage, baseline, drop: () => client.query(`DROP SCHEMA ${schema} CASCADE`) };
}

const { PGlite } = await import('@electric-sql/pglite');
const pglite = await PGlite.create();
// Data in memory: the planner cost ADR 0077 recommends (the server's database in CI sets the same).
await pglite.exec('SET random_page_cost = 1.1');
const onPglite = await postgresTarget(pglite);
describe('overview query, 2,000 of 8,000 records: PostgreSQL (PGlite)', () => {
  bench('baseline: hand-written SQL over typed, indexed columns (C collation)', onPglite.baseline, benchOptions);
  bench('postgres adapter query', () => onPglite.storage.query(QUERY).then(() => undefined), benchOptions);
});

const url = process.env.KITOS_PG_URL;
const { default: pg } = await import('pg');
const pool = url ? new pg.Pool({ connectionString: url, max: 4 }) : undefined;
const onServer = pool ? await postgresTarget(pool) : undefined;
describe.skipIf(!onServer)('overview query, 2,000 of 8,000 records: PostgreSQL server (KITOS_PG_URL)', () => {
  bench(
    'baseline: hand-written SQL over typed, indexed columns (C collation)',
    () => onServer?.baseline(),
    benchOptions,
  );
  bench('postgres adapter query', () => onServer?.storage.query(QUERY).then(() => undefined), benchOptions);
});

afterAll(async () => {
  await native.close();
  nativeDb.close();
  rmSync(nativeDir, { recursive: true, force: true });
  await onServer?.drop();
  await pool?.end();
  await pglite.close();
});
