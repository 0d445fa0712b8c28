// The facade-level overview (kitos.overviews.query) on the SQLite adapters, sql.js and
// better-sqlite3, at 1× (one municipality), 10× and 100× (the whole country over one catalogue),
// with the same query as bench/overview.bench.ts on memory: usages with every derived column,
// filter + sort + page of 50 + total. Baseline: the same hand-written filter/sort/page over the
// organisation's records in plain JavaScript. Also a usage write followed by the overview (the
// changed rows taken in from the change feed), against the write alone.
//
// The portfolio is bulk-loaded once per scale into a better-sqlite3 file; sql.js opens a copy of
// that file's bytes (the two adapters share one file format), so the slow part is loaded once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkLoad, createKitos, fixedClock, type Kitos, type StorageAdapter } from '@os2kitos/core';
import { createBetterSqliteStorage } from '@os2kitos/storage-adapters/better-sqlite3';
import { createSqlJsStorage } from '@os2kitos/storage-adapters/sqljs';
import { nodeSqlJsWasm } from '@os2kitos/storage-adapters/sqljs/node';
import { afterAll, bench, describe } from 'vitest';
import { generatePortfolio } from './generator/index.js';
import { benchOptions } from './options.js';

const TODAY = '2025-06-15';
const quick = !!process.env.KITOS_BENCH_QUICK;
// KITOS_BENCH_SCALES=1,10 runs some scales only (the 100× load takes minutes).
const SCALES = process.env.KITOS_BENCH_SCALES?.split(',').map(Number) ?? (quick ? [1] : [1, 10, 100]);
const dir = mkdtempSync(join(tmpdir(), 'kitos-bench-overview-sql-'));
const opened: StorageAdapter[] = [];
/** Keeps the baseline's result alive so the engine cannot skip the work. */
const sink: { value?: unknown } = {};

for (const scale of SCALES) {
  const data = generatePortfolio({ seed: 1, scale, today: TODAY });
  const file = join(dir, `portfolio-${scale}.sqlite`);
  const native = await createBetterSqliteStorage({ path: file });
  await bulkLoad(native, data, { now: `${TODAY}T08:00:00.000Z`, validate: false });
  await native.close();
  const engines: [string, () => Promise<StorageAdapter>][] = [
    ['sql.js', async () => createSqlJsStorage({ ...(await nodeSqlJsWasm()), data: readFileSync(file) })],
    ['better-sqlite3', () => createBetterSqliteStorage({ path: file })],
  ];
  const org = data.info.municipalityUuids[0] as string;
  const member = data.memberships.find((m) => m.organizationUuid === org && m.role === 'User');
  const actor = { userUuid: member?.userUuid ?? '' };
  const admin = { userUuid: data.info.globalAdminUuid };
  const usages = data.usages.filter((u) => u.organizationUuid === org);
  const target = usages[0]?.uuid ?? '';
  const systemName = new Map(data.itSystems.map((s) => [s.uuid, s.name]));
  const collator = new Intl.Collator('da');
  const baseline = () => {
    const rows = usages.filter((u) => (u.general.validity.validTo ?? '9999') >= TODAY);
    rows.sort((a, b) => collator.compare(systemName.get(a.systemUuid) ?? '', systemName.get(b.systemUuid) ?? ''));
    sink.value = { rows: rows.slice(0, 50), total: rows.length };
  };
  for (const [engine, open] of engines) {
    const storage = await open();
    opened.push(storage);
    const kitos: Kitos = await createKitos({ storage, clock: fixedClock(`${TODAY}T10:00:00Z`) });
    const overview = (sort: string) =>
      kitos.overviews.query(actor, 'usages', {
        organizationUuid: org,
        filters: [{ column: 'active', op: 'is', value: true }],
        sort: [{ column: sort }],
        limit: 50,
      });
    let n = 0;
    describe(`overview query usages, ${engine} @${scale}x`, () => {
      bench('baseline: hand-written filter + sort + page over the records', baseline, benchOptions);
      bench(
        'kitos.overviews.query (derived columns, filter, sort, page 50, total)',
        () => overview('systemName').then(() => undefined),
        benchOptions,
      );
    });
    describe(`write usage then query the overview (changed rows), ${engine} @${scale}x`, () => {
      bench(
        'baseline: kitos.usages.patch alone',
        async () => {
          await kitos.usages.patch(admin, target, { general: { notes: `note ${++n}` } });
        },
        benchOptions,
      );
      bench(
        'kitos.usages.patch + kitos.overviews.query',
        async () => {
          await kitos.usages.patch(admin, target, { general: { notes: `note ${++n}` } });
          await overview('systemName');
        },
        benchOptions,
      );
    });
  }
}

afterAll(async () => {
  for (const s of opened) await s.close();
  rmSync(dir, { recursive: true, force: true });
});
