// Coordination across municipalities at 100× (100 municipalities, about 60,000 usages and 30,000
// contracts over one catalogue): a national catalogue page with usage counts, the procurement
// radar for the most used system and for a supplier, and similar landscapes for one municipality,
// through the facade on the memory adapter and, when KITOS_PG_URL is set, on PostgreSQL. Every
// municipality shares its contracts (supplier and end quarter) so the radar has work to do.
//
// Baselines on the same engine, in the same run: on memory a hand-written loop over the records
// (Maps and Sets, the deadline engine for the radar); on PostgreSQL a hand-written SQL aggregate
// (GROUP BY for the counts, one join for the radar's contracts, the pairs for the landscapes) with
// the same work in JavaScript afterwards. "cold" means after a usage write somewhere, so cached
// counts are recomputed; "warm" means nothing was written since the last read.
//
//   npx tsx --conditions development bench/coordination.ts [--quick] [--scale N] [--out file.json]
//   KITOS_PG_URL=postgres://… npx tsx --conditions development bench/coordination.ts
import { writeFileSync } from 'node:fs';
import {
  type Actor,
  bulkLoad,
  type Contract,
  contractDeadlines,
  contractTermsOf,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  quarterOf,
  type StorageAdapter,
} from '@os2kitos/core';
import { createPostgresStorage } from '@os2kitos/storage-adapters/postgres';
import pg from 'pg';
import { generatePortfolio, type SampleData } from './generator/index.js';

const TODAY = '2025-06-15';
const quick = process.argv.includes('--quick');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SCALE = Number(arg('--scale') ?? (quick ? 10 : 100));
const ROUNDS = quick ? 5 : 20;
/** Cold reads recompute cached counts after a write: fewer rounds, each is slow on purpose. */
const COLD_ROUNDS = quick ? 3 : 8;
const out = arg('--out');
const url = process.env.KITOS_PG_URL;

/** One measured subject (bench/report.mjs reads these rows). */
interface Row {
  engine: 'memory' | 'postgres';
  measurement: string;
  scale: number;
  name: string;
  isBaseline: boolean;
  median: number;
  p99: number;
  samples: number;
  budget?: number;
}

const rows: Row[] = [];
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] ?? Number.NaN;
};

async function measure(
  engine: Row['engine'],
  measurement: string,
  name: string,
  work: () => Promise<unknown> | unknown,
  options: { baseline?: boolean; before?: () => Promise<unknown>; budget?: number } = {},
): Promise<void> {
  const times: number[] = [];
  await options.before?.();
  await work(); // warm-up: plans, layouts, JIT
  for (let i = 0; i < (options.before ? COLD_ROUNDS : ROUNDS); i++) {
    await options.before?.();
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  const row: Row = {
    engine,
    measurement,
    scale: SCALE,
    name,
    isBaseline: !!options.baseline,
    median: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    samples: times.length,
    ...(options.budget !== undefined && { budget: options.budget }),
  };
  rows.push(row);
  console.log(
    `[bench] ${engine} ${measurement} @${SCALE}x: ${name}: median ${row.median.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms`,
  );
}

/** The systems and supplier the reads ask about: the most used system, the busiest supplier. */
function subjects(data: SampleData) {
  const users = new Map<string, number>();
  for (const u of data.usages) users.set(u.systemUuid, (users.get(u.systemUuid) ?? 0) + 1);
  const system = [...users].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
  const suppliers = new Map<string, number>();
  for (const c of data.contracts)
    if (c.supplier.organizationUuid)
      suppliers.set(c.supplier.organizationUuid, (suppliers.get(c.supplier.organizationUuid) ?? 0) + 1);
  const supplier = [...suppliers].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
  return { system, supplier };
}

async function world(storage: StorageAdapter, data: SampleData) {
  await bulkLoad(storage, data, { now: `${TODAY}T08:00:00.000Z`, validate: false });
  const kitos = await createKitos({ storage, clock: fixedClock(`${TODAY}T10:00:00Z`) });
  const admin: Actor = { userUuid: data.info.globalAdminUuid };
  for (const org of data.info.municipalityUuids)
    await kitos.coordination.updateSharing(admin, org, {
      usages: { scope: 'Public', fields: ['lifeCycleStatus', 'interfaces'] },
      contracts: { scope: 'Public', fields: ['supplier', 'endQuarter'] },
    });
  const org = data.info.municipalityUuids[0] as string;
  const reader: Actor = {
    userUuid: data.memberships.find((m) => m.organizationUuid === org && m.role === 'User')?.userUuid as string,
  };
  const writer: Actor = {
    userUuid: data.memberships.find((m) => m.organizationUuid === org && m.role === 'LocalAdmin')?.userUuid as string,
  };
  const ownUsages = data.usages.filter((u) => u.organizationUuid === org).map((u) => u.uuid);
  let n = 0;
  const write = () =>
    kitos.usages.patch(
      writer,
      ownUsages[n++ % ownUsages.length] as string,
      {
        general: { localCallName: `b${n}` },
      } as never,
    );
  return { kitos, reader, org, write };
}

/** The facade's reads with their budgets. */
async function facadeReads(
  engine: Row['engine'],
  kitos: Kitos,
  w: Awaited<ReturnType<typeof world>>,
  data: SampleData,
) {
  const { system, supplier } = subjects(data);
  const catalogue = () => kitos.coordination.catalogue(w.reader, { organizationUuid: w.org, limit: 50 });
  await measure(engine, 'catalogue page (50, counts)', 'kitos.coordination.catalogue, warm', catalogue, {
    budget: 20,
  });
  await measure(
    engine,
    'catalogue page (50, counts)',
    'kitos.coordination.catalogue, cold (after a write)',
    catalogue,
    {
      before: w.write,
    },
  );
  const radar = () => kitos.coordination.radar(w.reader, { systemUuid: system, months: 24 });
  await measure(engine, 'radar for a system (24 months)', 'kitos.coordination.radar', radar, { budget: 20 });
  const bySupplier = () => kitos.coordination.radar(w.reader, { supplierUuid: supplier, months: 24 });
  await measure(engine, 'radar for a supplier (24 months)', 'kitos.coordination.radar', bySupplier, { budget: 20 });
  const similar = () => kitos.coordination.similarLandscapes(w.reader, { organizationUuid: w.org, limit: 10 });
  await measure(
    engine,
    'similar landscapes (one municipality)',
    'kitos.coordination.similarLandscapes, warm',
    similar,
    {
      budget: 50,
    },
  );
  await measure(
    engine,
    'similar landscapes (one municipality)',
    'kitos.coordination.similarLandscapes, cold (after a write)',
    similar,
    { before: w.write },
  );
}

/** The deadline engine and quarters of a contract, as the radar's baseline computes them. */
function quartersOf(c: Contract, optionName: Map<string, string>): string[] {
  const d = contractDeadlines(
    contractTermsOf(c, {
      noticePeriodOptionName: optionName.get(c.termination.terms.noticePeriodMonthsUuid ?? '') ?? null,
      extensionOptionName: optionName.get(c.agreementPeriod.extensionOptionsUuid ?? '') ?? null,
    }),
    { today: TODAY },
  );
  return [d.expiry, d.nextPossibleTermination, d.tenderStart].flatMap((x) => (x ? [quarterOf(x)] : []));
}

/** Cosine of IDF-weighted portfolios against one organisation, top 10. */
function similarLoop(portfolios: Map<string, Set<string>>, org: string): [string, number][] {
  const df = new Map<string, number>();
  for (const p of portfolios.values()) for (const s of p) df.set(s, (df.get(s) ?? 0) + 1);
  const w = new Map([...df].map(([s, n]) => [s, Math.log(1 + portfolios.size / n)]));
  const norm = (p: Set<string>) => Math.sqrt([...p].reduce((a, s) => a + (w.get(s) ?? 0) ** 2, 0));
  const mine = portfolios.get(org) ?? new Set<string>();
  const nm = norm(mine);
  const scores: [string, number][] = [];
  for (const [o, p] of portfolios) {
    if (o === org) continue;
    let dot = 0;
    for (const s of mine) if (p.has(s)) dot += (w.get(s) ?? 0) ** 2;
    scores.push([o, dot / (nm * norm(p))]);
  }
  return scores.sort((a, b) => b[1] - a[1]).slice(0, 10);
}

async function onMemory(data: SampleData): Promise<void> {
  const storage = createMemoryStorage();
  const w = await world(storage, data);
  const optionName = new Map(data.options.map((o) => [o.uuid, o.name]));
  const { system, supplier } = subjects(data);
  const collator = new Intl.Collator('da');
  // The hand-written loops work on the records as plain arrays already in memory (no query layer).
  const usages = data.usages;
  const contracts = data.contracts;
  await measure(
    'memory',
    'catalogue page (50, counts)',
    'baseline: hand-written loop over the usages, sort, page',
    () => {
      const users = new Map<string, Set<string>>();
      for (const u of usages) users.set(u.systemUuid, (users.get(u.systemUuid) ?? new Set()).add(u.organizationUuid));
      return [...data.itSystems]
        .sort(
          (a, b) => (users.get(b.uuid)?.size ?? 0) - (users.get(a.uuid)?.size ?? 0) || collator.compare(a.name, b.name),
        )
        .slice(0, 50);
    },
    { baseline: true },
  );
  const usagesOf = new Map<string, string[]>();
  for (const u of usages) usagesOf.set(u.systemUuid, [...(usagesOf.get(u.systemUuid) ?? []), u.uuid]);
  const radarLoop = (match: (c: Contract) => boolean) => {
    const byQuarter = new Map<string, string[]>();
    for (const c of contracts)
      if (match(c)) for (const q of quartersOf(c, optionName)) byQuarter.set(q, [...(byQuarter.get(q) ?? []), c.uuid]);
    return byQuarter;
  };
  await measure(
    'memory',
    'radar for a system (24 months)',
    'baseline: hand-written loop over the contracts with the deadline engine',
    () => {
      const ids = new Set(usagesOf.get(system));
      return radarLoop((c) => c.systemUsageUuids.some((u) => ids.has(u)));
    },
    { baseline: true },
  );
  await measure(
    'memory',
    'radar for a supplier (24 months)',
    'baseline: hand-written loop over the contracts with the deadline engine',
    () => radarLoop((c) => c.supplier.organizationUuid === supplier),
    { baseline: true },
  );
  await measure(
    'memory',
    'similar landscapes (one municipality)',
    'baseline: hand-written loop (portfolios from the usages, IDF cosine)',
    () => {
      const portfolios = new Map<string, Set<string>>();
      for (const u of usages)
        portfolios.set(u.organizationUuid, (portfolios.get(u.organizationUuid) ?? new Set()).add(u.systemUuid));
      return similarLoop(portfolios, w.org);
    },
    { baseline: true },
  );
  await facadeReads('memory', w.kitos, w, data);
}

async function onPostgres(data: SampleData): Promise<void> {
  if (!url) {
    console.log('[bench] KITOS_PG_URL is not set: the PostgreSQL coordination measurements are SKIPPED.');
    return;
  }
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const schema = `kitos_coord_bench_${Math.random().toString(36).slice(2, 8)}`;
  const storage = await createPostgresStorage({ client: pool, connect: () => pool.connect(), schema });
  try {
    const t = performance.now();
    const w = await world(storage, data);
    await pool.query('ANALYZE');
    console.log(`[bench] postgres: loaded ${SCALE}x in ${Math.round(performance.now() - t)} ms`);
    const optionName = new Map(data.options.map((o) => [o.uuid, o.name]));
    const { system, supplier } = subjects(data);
    const usage = `"${schema}"."kind_itSystemUsage"`;
    const contract = `"${schema}"."kind_itContract"`;
    const systemTable = `"${schema}"."kind_itSystem"`;
    await measure(
      'postgres',
      'catalogue page (50, counts)',
      'baseline: hand-written SQL (GROUP BY, join, sort, page)',
      () =>
        pool.query(
          `SELECT s.uuid, s."v_name", coalesce(c.n, 0) AS n FROM ${systemTable} s LEFT JOIN (SELECT "v_systemUuid" AS sys, count(DISTINCT organization_uuid) AS n FROM ${usage} GROUP BY 1) c ON c.sys = s.uuid ORDER BY n DESC, s."s_name", s.uuid LIMIT 50`,
        ),
      { baseline: true },
    );
    const radarSql = async (where: string, params: unknown[]) => {
      const { rows: found } = await pool.query<{ data: string }>(
        `SELECT data FROM ${contract} c WHERE ${where}`,
        params,
      );
      const byQuarter = new Map<string, number>();
      // The adapter keeps each record as JSON text.
      for (const r of found)
        for (const q of quartersOf(JSON.parse(r.data) as Contract, optionName))
          byQuarter.set(q, (byQuarter.get(q) ?? 0) + 1);
      return byQuarter;
    };
    await measure(
      'postgres',
      'radar for a system (24 months)',
      'baseline: hand-written SQL (contracts on the system’s usages) + deadline engine',
      () =>
        radarSql(`c."v_systemUsageUuids" && (SELECT array_agg(uuid) FROM ${usage} WHERE "v_systemUuid" = $1)`, [
          system,
        ]),
      { baseline: true },
    );
    await measure(
      'postgres',
      'radar for a supplier (24 months)',
      'baseline: hand-written SQL (the supplier’s contracts) + deadline engine',
      () => radarSql(`c."v_supplierUuid" = $1`, [supplier]),
      { baseline: true },
    );
    await measure(
      'postgres',
      'similar landscapes (one municipality)',
      'baseline: hand-written SQL (distinct pairs) + IDF cosine loop',
      async () => {
        const { rows: pairs } = await pool.query<{ o: string; s: string }>(
          `SELECT DISTINCT organization_uuid AS o, "v_systemUuid" AS s FROM ${usage}`,
        );
        const portfolios = new Map<string, Set<string>>();
        for (const p of pairs) portfolios.set(p.o, (portfolios.get(p.o) ?? new Set()).add(p.s));
        return similarLoop(portfolios, w.org);
      },
      { baseline: true },
    );
    await facadeReads('postgres', w.kitos, w, data);
  } finally {
    await storage.close();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
}

const started = performance.now();
const data = generatePortfolio({ seed: 1, scale: SCALE, today: TODAY });
console.log(`[bench] generated ${SCALE}x (${data.usages.length} usages, ${data.contracts.length} contracts)`);
await onMemory(data);
await onPostgres(data);
// Ratios against the baseline of the same measurement and engine.
const withRatios = rows.map((r) => {
  const base = rows.find((b) => b.isBaseline && b.engine === r.engine && b.measurement === r.measurement);
  return { ...r, ratio: base && !r.isBaseline ? r.median / base.median : undefined };
});
for (const r of withRatios.filter((x) => !x.isBaseline))
  console.log(
    `[bench] ${r.engine} ${r.measurement}: ${r.name}: ${r.median.toFixed(2)} ms${r.ratio ? ` (${r.ratio.toFixed(2)}× baseline)` : ''}${r.budget ? ` budget ${r.budget} ms: ${r.median <= r.budget ? 'met' : 'NOT met'}` : ''}`,
  );
console.log(`[bench] done in ${Math.round((performance.now() - started) / 1000)} s`);
if (out)
  writeFileSync(
    out,
    JSON.stringify(
      { rows: withRatios, quick, skipped: url ? undefined : 'KITOS_PG_URL is not set (memory only)' },
      null,
      2,
    ),
  );
