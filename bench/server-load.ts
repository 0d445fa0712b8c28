// The server under load on PostgreSQL (KITOS_PG_URL) at 10× the generator's data: autocannon with
// 50 connections against one municipality's overview page, a usage's card and the usage's API v2
// record (GET /api/v2/it-system-usages/{uuid}), each with 10% writes (PATCH of a usage of the same
// municipality), and against a bare Hono route that returns the same overview JSON from memory in
// the same process (the baseline). The server runs in a child process; everything stays on
// 127.0.0.1 and every run is bounded in time. Run by `npm run bench`; alone:
//
//   KITOS_PG_URL=postgres://… npx tsx --conditions development bench/server-load.ts [--quick] [--out file.json]
//
// --quick: 1× data and three-second runs (a harness check). Without KITOS_PG_URL it says so and skips.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bulkLoad, createKitos, fixedClock } from '@os2kitos/core';
import { issueToken, openStorage } from '@os2kitos/server';
import autocannon from 'autocannon';
import pg from 'pg';
import { SERVER_KINDS } from '../packages/server/src/auth/kinds.js';
import { generatePortfolio } from './generator/index.js';

const quick = process.argv.includes('--quick');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
const url = process.env.KITOS_PG_URL;
const SCALE = quick ? 1 : 10;
const DURATION_S = quick ? 3 : 10;
const CONNECTIONS = 50;
const TODAY = new Date().toISOString().slice(0, 10);

/** One load run, as bench/report.mjs prints it. */
export interface LoadRow {
  subject: string;
  scale: number;
  connections: number;
  writes: string;
  p50: number;
  p99: number;
  requestsPerSecond: number;
  /** Overview (or read) requests per second: the non-write share. */
  readsPerSecond: number;
  errors: number;
  non2xx: number;
  /** Responses other than 2xx by status code, e.g. `409×3`. */
  statusCodes?: string;
  ratioP50?: number;
}

interface Started {
  child: ChildProcess;
  url: string;
  bare: string;
}

async function startChild(schema: string): Promise<Started> {
  const script = fileURLToPath(new URL('./server-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', script], {
    env: { ...process.env, KITOS_BENCH_SCHEMA: schema },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the server process exited early (code ${code})`);
  });
  const first = (async () => {
    for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream }))
      return JSON.parse(line) as { url: string; bare: string };
    throw new Error('no address from the server process');
  })();
  const info = await Promise.race([first, exited]);
  exited.catch(() => undefined);
  return { child, ...info };
}

type Request = { method: 'GET' | 'POST' | 'PATCH'; path: string; body?: string; headers?: Record<string, string> };

async function load(base: string, requests: Request[]): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: requests.map((r) => ({ ...r })),
  });
}

async function main(): Promise<{ rows: LoadRow[]; skipped?: string; note?: string }> {
  if (!url) {
    const skipped = 'KITOS_PG_URL is not set: the server load measurement is SKIPPED';
    console.log(`[bench] ${skipped}.`);
    return { rows: [], skipped };
  }
  const schema = `kitos_load_${Math.random().toString(36).slice(2, 8)}`;
  const loadBefore = os.loadavg()[0]?.toFixed(1);
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  let started: Started | undefined;
  try {
    // Data: the generator's portfolio at 10×, and an API token of a local admin of municipality A.
    const storage = await openStorage(url, { poolSize: 4, schema });
    const data = generatePortfolio({ seed: 1, scale: SCALE, today: TODAY });
    const org = data.info.municipalityUuids[0] as string;
    let token = '';
    try {
      const kitos = await createKitos({ storage, extraKinds: SERVER_KINDS, clock: fixedClock(`${TODAY}T08:00:00Z`) });
      const t = performance.now();
      await bulkLoad(storage, data, { now: `${TODAY}T08:00:00.000Z`, validate: false });
      console.log(`[bench] server load: ${SCALE}× data loaded in ${Math.round(performance.now() - t)} ms`);
      const root = data.users.find((u) => u.isGlobalAdmin)?.uuid as string;
      const localAdmin = data.memberships.find((m) => m.organizationUuid === org && m.role === 'LocalAdmin')
        ?.userUuid as string;
      await kitos.users.patch({ userUuid: root }, localAdmin, { hasApiAccess: true });
      token = (await issueToken(kitos, { userUuid: localAdmin, purpose: 'api', ttlSeconds: 3600 })).secret;
    } finally {
      await storage.close();
    }
    await admin.query('ANALYZE');
    started = await startChild(schema);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const overviewBody = JSON.stringify({
      organizationUuid: org,
      filters: [{ column: 'active', op: 'is', value: true }],
      sort: [{ column: 'systemName' }],
      limit: 50,
    });
    const overviewPath = '/api/v2/x-os2kitos/overviews/usages';
    const first = await fetch(`${started.url}${overviewPath}`, { method: 'POST', headers, body: overviewBody });
    const payload = await first.text();
    if (first.status !== 200) throw new Error(`the overview answered ${first.status}: ${payload.slice(0, 300)}`);
    await fetch(`${started.bare}/payload`, { method: 'PUT', body: payload });
    // The usages the load writes: those of municipality A that take a patch (some generated records
    // predate rules that every save now checks, and are refused with a validation problem).
    const usages: string[] = [];
    for (const u of data.usages.filter((x) => x.organizationUuid === org).slice(0, 80)) {
      const r = await fetch(`${started.url}/api/v2/it-system-usages/${u.uuid}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ general: { localCallName: 'lokal 000000' } }),
      });
      await r.text();
      if (r.status === 200) usages.push(u.uuid);
    }
    if (usages.length < 10) throw new Error(`only ${usages.length} usages of the municipality take a patch`);
    // Nine reads, then one write: 10% writes on every connection, each write a usage of the municipality.
    // A fixed sequence per connection: nine reads, then a PATCH; five usages, each written twice with
    // two values of one length, so every PATCH changes the record (a PATCH that changes nothing writes
    // nothing). Every request has its own headers object: autocannon writes the content-length into it.
    const writesOf = usages.slice(0, 5);
    const patchTo = (uuid: string, value: string): Request => ({
      method: 'PATCH',
      path: `/api/v2/it-system-usages/${uuid}`,
      headers: { ...headers },
      body: JSON.stringify({ general: { localCallName: value } }),
    });
    let firstProblem: string | undefined;
    const onResponse = (status: number, body: string) => {
      if (status >= 300 && firstProblem === undefined) firstProblem = `${status} ${String(body).slice(0, 400)}`;
    };
    const mixed = (read: Request) =>
      ['lokal A', 'lokal B']
        .flatMap((value) =>
          writesOf.flatMap((uuid) => [
            ...Array.from({ length: 9 }, () => ({ ...read, headers: { ...read.headers } })),
            patchTo(uuid, value),
          ]),
        )
        .map((r) => ({ ...r, onResponse }));

    const rows: LoadRow[] = [];
    const row = (subject: string, writes: string, r: autocannon.Result, readShare: number): LoadRow => ({
      subject,
      scale: SCALE,
      connections: CONNECTIONS,
      writes,
      p50: r.latency.p50,
      p99: r.latency.p99,
      requestsPerSecond: r.requests.average,
      readsPerSecond: r.requests.average * readShare,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      statusCodes: Object.entries(
        (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {},
      )
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, v]) => `${code}×${v.count}`)
        .join(', '),
    });
    const bare = await load(started.bare, [{ method: 'POST', path: '/overview', body: overviewBody }]);
    rows.push(row('baseline: bare Hono route, the same overview JSON from memory', 'none', bare, 1));
    const overview = await load(
      started.url,
      mixed({ method: 'POST', path: overviewPath, body: overviewBody, headers }) as never,
    );
    rows.push(row('overview page (POST …/x-os2kitos/overviews/usages, page of 50)', '10% usage PATCH', overview, 0.9));
    const card = await load(
      started.url,
      mixed({ method: 'GET', path: `/api/v2/x-os2kitos/it-system-usages/${usages[0]}/card`, headers }) as never,
    );
    rows.push(row('usage card (GET …/x-os2kitos/it-system-usages/{uuid}/card)', '10% usage PATCH', card, 0.9));
    const record = await load(
      started.url,
      mixed({ method: 'GET', path: `/api/v2/it-system-usages/${usages[0]}`, headers }) as never,
    );
    rows.push(row('usage record (GET /api/v2/it-system-usages/{uuid})', '10% usage PATCH', record, 0.9));
    for (const r of rows.slice(1)) r.ratioP50 = r.p50 / Math.max(rows[0]?.p50 ?? 1, 0.001);
    if (firstProblem) console.log(`[bench] first response that was not 2xx: ${firstProblem}`);
    for (const r of rows)
      console.log(
        `[bench] ${r.subject}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${Math.round(r.requestsPerSecond)} req/s, errors ${r.errors}, non-2xx ${r.non2xx}`,
      );
    const loadAfter = os.loadavg()[0]?.toFixed(1);
    return {
      rows,
      note: `${os.cpus().length} cores (load average ${loadBefore} before, ${loadAfter} after); server in one child process, autocannon in the parent`,
    };
  } finally {
    if (started) {
      const exited = once(started.child, 'exit');
      started.child.stdin?.end();
      await exited;
    }
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

const result = await main();
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
