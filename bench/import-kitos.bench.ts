// Moving in from a running KITOS (DESIGN §7 style budgets from issue 20): one generated municipality
// (600 usages, 300 contracts, 100 registrations) imported from a stand-in KITOS on 127.0.0.1
// (bench/kitos-source.ts) ≤ 10 s, and an incremental run with 10 changes ≤ 1 s. Baselines in the
// same run: reading the same pages from the same server without writing anything.
// Both imports are measured as dry runs: all the work of a real run (read, plan, every write
// through the services in one unit of work) rolled back at the end, so each iteration starts equal.
import { type Actor, bulkLoad, createKitos, createMemoryStorage, type Kitos } from '@os2kitos/core';
import { afterAll, bench, describe } from 'vitest';
import { importFromKitos, KitosSource, memoryImportStateStore } from '../packages/server/src/index.js';
import { buildKitosFixture, type FakeKitosControl, type KitosFixture, startFakeKitos } from './kitos-source.js';

// Each iteration takes seconds: a few samples, not tinybench's default second of them.
const heavy = process.env.KITOS_BENCH_QUICK
  ? { time: 0, iterations: 1, warmupIterations: 0 }
  : { time: 0, iterations: 5, warmupIterations: 1 };
const light = process.env.KITOS_BENCH_QUICK
  ? { time: 0, iterations: 3, warmupIterations: 0 }
  : { time: 0, iterations: 20, warmupIterations: 2 };

const fixture: KitosFixture = await buildKitosFixture(1);
const kitos: FakeKitosControl = await startFakeKitos(fixture);
const org = fixture.organizationUuid;
afterAll(() => kitos.close());

/** A target store with the organisations, options, KLE and the catalogue (but not the municipality's records). */
async function target(): Promise<{ k: Kitos; admin: Actor }> {
  const storage = createMemoryStorage();
  const k = await createKitos({ storage });
  const admin = await k.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'ada@kommune.example' });
  const seeded = new Set((await storage.query({ kind: 'globalOption', limit: 100_000 })).records.map((r) => r.uuid));
  const d = fixture.data;
  await bulkLoad(
    storage,
    {
      organizations: d.organizations,
      options: d.options.filter((o) => !seeded.has(o.uuid)),
      kleTasks: d.kleTasks,
      // Systems KITOS deactivated after the usages were made are created by the import (see the guide).
      itSystems: d.itSystems.filter((s) => !s.deactivated),
      itInterfaces: d.itInterfaces,
    },
    { validate: false },
  );
  return { k, admin };
}

const options = (k: Kitos, admin: Actor) => ({
  baseUrl: kitos.url,
  token: kitos.token,
  organizationUuid: org,
  kitos: k,
  actor: admin,
});

const empty = await target();
const full = await importFromKitos(options(empty.k, empty.admin));
if (full.counts.usages.created !== 600 || full.counts.contracts.created !== 300)
  throw new Error(`the import planned ${JSON.stringify(full.counts)}`);

/** What the import reads, without writing: the same lists, pages and catalogue records. */
async function readOnly(since?: Record<string, string>) {
  const s = new KitosSource({ baseUrl: kitos.url, token: kitos.token });
  await s.all(`api/v2/organizations/${org}/organization-units`, {});
  await s.all(`api/v2/organizations/${org}/users`, {});
  for (const path of fixture.options.keys()) await s.all(`api/v2/${path}`, { organizationUuid: org });
  await s.all('api/v2/it-system-usages', { organizationUuid: org, changedSinceGtEq: since?.usages });
  await s.all('api/v2/data-processing-registrations', {
    organizationUuid: org,
    changedSinceGtEq: since?.dataProcessingRegistrations,
  });
  await s.all('api/v2/it-contracts', { organizationUuid: org, changedSinceGtEq: since?.contracts });
}

describe('import from KITOS, one municipality (600 usages, 300 contracts, 100 registrations) @1x', () => {
  bench('baseline: read the same pages from the local KITOS', () => readOnly(), heavy);
  bench(
    'importFromKitos into an empty store (read + plan + service writes, rolled back)',
    async () => {
      const r = await importFromKitos(options(empty.k, empty.admin));
      if (r.counts.usages.created !== 600) throw new Error('the import changed');
    },
    heavy,
  );
});

// Incremental: a store holding the first run; then 10 records change in KITOS.
const applied = await target();
const state = memoryImportStateStore();
await importFromKitos({ ...options(applied.k, applied.admin), state, apply: true });
const later = '2099-01-01T10:00:00Z';
for (const u of fixture.usages.slice(0, 6))
  kitos.touch(u, later, (r) => {
    (r.general as Record<string, unknown>).notes = 'Ændret i KITOS';
  });
for (const c of fixture.contracts.slice(0, 3))
  kitos.touch(c, later, (r) => {
    (r.general as Record<string, unknown>).notes = 'Ny note';
  });
kitos.touch(fixture.dataProcessingRegistrations[0] as Record<string, unknown>, later, (r) => {
  (r.general as Record<string, unknown>).dataResponsibleRemark = 'Ændret';
});
const since = (await state.load([...state.states.keys()][0] as string))?.changedSince;
const check = await importFromKitos({ ...options(applied.k, applied.admin), state });
const changed = Object.values(check.counts).reduce((n, c) => n + c.changed, 0);
if (changed !== 10) throw new Error(`expected 10 changes, got ${JSON.stringify(check.counts)}`);

describe('incremental import from KITOS, 10 changes @1x', () => {
  bench('baseline: read the changed pages from the local KITOS', () => readOnly(since), light);
  bench(
    'importFromKitos since the last run (10 changes, rolled back)',
    () => importFromKitos({ ...options(applied.k, applied.admin), state }).then(() => {}),
    light,
  );
});
