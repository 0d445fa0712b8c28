// The facade on the PostgreSQL server (KITOS_PG_URL) at 1×, 10× and 100× the generator's data:
// statements and time per usage patch, and the first overview page after a write (in another
// municipality; of a usage in the overview's own, taken in from the feed; of a unit it shows, whose
// linking rows are computed again: a leaf unit, and the root that is in every unit path), warm
// pages for comparison, and the national "contracts on X ending within 12 months" query.
// Statements are counted at the pg client. Run by `npm run bench` (bench/run.mjs); alone:
//
//   KITOS_PG_URL=postgres://… npx tsx --conditions development bench/postgres-scale.ts [--quick] [--out file.json]
//
// Without KITOS_PG_URL it writes nothing and says so.
import { writeFileSync } from 'node:fs';
import { type Actor, bulkLoad, createKitos, fixedClock, type Kitos } from '@os2kitos/core';
import { createPostgresStorage } from '@os2kitos/storage-adapters/postgres';
import pg from 'pg';
import { generatePortfolio } from './generator/index.js';

const TODAY = '2025-06-15';
const quick = process.argv.includes('--quick');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
const url = process.env.KITOS_PG_URL;
const scalesArg = process.argv.indexOf('--scales');
const SCALES = scalesArg > 0 ? (process.argv[scalesArg + 1] ?? '1').split(',').map(Number) : quick ? [1] : [1, 10, 100];
const ROUNDS = quick ? 3 : 25;

/** One measured subject, as bench/report.mjs reads extra rows. */
export interface ScaleRow {
  measurement: string;
  scale: number;
  name: string;
  isBaseline: boolean;
  median: number;
  p75: number;
  p99: number;
  min: number;
  max: number;
  samples: number;
  statements: number;
  file: string;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] ?? Number.NaN;
};

async function main(): Promise<ScaleRow[]> {
  if (!url) {
    console.log('[bench] KITOS_PG_URL is not set: the PostgreSQL scale measurements are SKIPPED.');
    return [];
  }
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  let statements = 0;
  const counting = <T extends { query: (...a: never[]) => unknown }>(c: T): T =>
    new Proxy(c, {
      get(target, prop, receiver) {
        if (prop === 'query')
          return (...args: never[]) => {
            statements++;
            return target.query(...args);
          };
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  const rows: ScaleRow[] = [];
  try {
    for (const scale of SCALES) {
      const schema = `kitos_scale_${scale}_${Math.random().toString(36).slice(2, 8)}`;
      const client = counting(pool);
      const storage = await createPostgresStorage({
        client,
        connect: async () => counting(await pool.connect()),
        schema,
      });
      try {
        const data = generatePortfolio({ seed: 1, scale, today: TODAY });
        const kitos = await createKitos({ storage, clock: fixedClock(`${TODAY}T10:00:00Z`) });
        const loadStart = performance.now();
        await bulkLoad(storage, data, { now: `${TODAY}T08:00:00.000Z`, validate: false });
        await pool.query(`ANALYZE`);
        console.log(`[bench] scale ${scale}: loaded in ${Math.round(performance.now() - loadStart)} ms`);
        const [a, b] = data.info.municipalityUuids as [string, string | undefined];
        const admin = (org: string): Actor => ({
          userUuid: data.memberships.find((m) => m.organizationUuid === org && m.role === 'LocalAdmin')
            ?.userUuid as string,
        });
        const reader: Actor = {
          userUuid: data.memberships.find((m) => m.organizationUuid === a && m.role === 'User')?.userUuid as string,
        };
        const usagesOf = (org: string) => data.usages.filter((u) => u.organizationUuid === org).map((u) => u.uuid);
        const inA = usagesOf(a);
        const other =
          b ?? (data.organizations.find((o) => o.uuid !== a && usagesOf(o.uuid).length > 0)?.uuid as string);
        const inB = other ? usagesOf(other) : [];
        const overview = () =>
          kitos.overviews.query(reader, 'usages', {
            organizationUuid: a,
            filters: [{ column: 'active', op: 'is', value: true }],
            sort: [{ column: 'systemName' }],
            limit: 50,
          });
        const measure = async (
          measurement: string,
          name: string,
          before: (i: number) => Promise<unknown>,
          work: (i: number) => Promise<unknown>,
        ) => {
          const times: number[] = [];
          const counts: number[] = [];
          await before(-1);
          await work(-1); // warm-up: connections, layouts, plans
          for (let i = 0; i < ROUNDS; i++) {
            await before(i);
            statements = 0;
            const t = performance.now();
            await work(i);
            times.push(performance.now() - t);
            counts.push(statements);
          }
          rows.push({
            measurement,
            scale,
            name,
            isBaseline: false,
            median: quantile(times, 0.5),
            p75: quantile(times, 0.75),
            p99: quantile(times, 0.99),
            min: Math.min(...times),
            max: Math.max(...times),
            samples: times.length,
            statements: quantile(counts, 0.5),
            file: 'bench/postgres-scale.ts',
          });
        };
        const patch = (kitos_: Kitos, actor: Actor, uuid: string, i: number) =>
          kitos_.usages.patch(actor, uuid, { general: { localCallName: `lokal ${i + 2}` } } as never);
        const none = async () => undefined;
        await measure('usage patch on PostgreSQL (facade)', 'kitos.usages.patch', none, (i) =>
          patch(kitos, admin(a), inA[(i + 1) % inA.length] as string, i),
        );
        // Writers of different municipalities at once: with one global counter row they queue.
        const municipalities = data.info.municipalityUuids.filter((m) => usagesOf(m).length > 0).slice(0, 8);
        if (municipalities.length > 1)
          await measure(
            'concurrent usage patches on PostgreSQL (facade)',
            `${municipalities.length} writers at once, one per municipality (time until all committed)`,
            none,
            (i) =>
              Promise.all(
                municipalities.map((m) => patch(kitos, admin(m), usagesOf(m)[(i + 3) % 50] as string, i + 3000)),
              ),
          );
        await measure(
          'overview page on PostgreSQL (facade)',
          'warm: nothing written since the last page',
          overview,
          () => overview(),
        );
        if (inB.length > 0)
          await measure(
            'overview page on PostgreSQL (facade)',
            'after a write in another municipality',
            async (i) => {
              await overview();
              await patch(kitos, admin(other as string), inB[(i + 1) % inB.length] as string, i + 1000);
            },
            () => overview(),
          );
        await measure(
          'overview page on PostgreSQL (facade)',
          'after a usage write in its own municipality (changed rows taken in from the feed)',
          async (i) => {
            await overview();
            await patch(kitos, admin(a), inA[(i + 7) % inA.length] as string, i + 2000);
          },
          () => overview(),
        );
        // A unit renamed: the rows linking it, or a unit below it, are computed again from the kept
        // records. The root's name is in every unit path, so renaming it computes every such row.
        const unitsOfA = data.units.filter((u) => u.organizationUuid === a);
        const root = unitsOfA.find((u) => u.parentUuid === null)?.uuid as string;
        const leaf = unitsOfA.find((u) => u.parentUuid !== null && !unitsOfA.some((c) => c.parentUuid === u.uuid))
          ?.uuid as string;
        for (const [unit, name] of [
          [leaf, 'after a unit without sub-units renamed in its own municipality (the rows linking it computed again)'],
          [root, 'after the root unit renamed in its own municipality (every row with a unit path computed again)'],
        ] as const)
          await measure(
            'overview page on PostgreSQL (facade)',
            name,
            async (i) => {
              await overview();
              await kitos.units.patch(admin(a), unit, { name: `Enhed ${i + 4000}` } as never);
            },
            () => overview(),
          );
        // The national query of the coordination side: contracts on one system ending within a year,
        // across every municipality (a GIN index on the contracts' usage lists, a range on the expiry).
        const nationalSystem = data.usages[0]?.systemUuid as string;
        await measure(
          'national contracts on X ending within 12 months on PostgreSQL (facade)',
          'kitos.overviews.contractsEndingAcross',
          none,
          () => kitos.overviews.contractsEndingAcross(reader, nationalSystem, { from: TODAY, to: '2026-06-15' }),
        );
        for (const r of rows.filter((x) => x.scale === scale))
          console.log(
            `[bench] ${r.measurement} @${scale}x: ${r.name}: median ${r.median.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${r.statements} statements`,
          );
      } finally {
        await storage.close();
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
    }
  } finally {
    await pool.end();
  }
  return rows;
}

const rows = await main();
if (out) writeFileSync(out, JSON.stringify({ rows, skipped: url ? undefined : 'KITOS_PG_URL is not set' }, null, 2));
