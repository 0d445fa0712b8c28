// `npm run bench [-- --quick]`: builds, runs every bench/*.bench.ts with vitest's benchmark runner
// (tinybench; among them bench/import-kitos.bench.ts, the import from a stand-in KITOS on 127.0.0.1), measures bundle sizes, and writes bench/results/latest.json and docs/benchmarks.md.
// `--quick` shortens every measurement to check the harness in well under a minute; its numbers
// are not to be quoted. After vitest, bench/browser.mjs measures the grid in headless Chromium
// (skipped, with a line saying so, when no Chromium can be found or launched).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { hasResult, rowsFromResult, writeReport } from './report.mjs';
import { measureSizes } from './sizes.mjs';

const quick = process.argv.includes('--quick');
const env = { ...process.env, KITOS_BENCH_QUICK: quick ? '1' : '' };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const started = Date.now();
mkdirSync('bench/results', { recursive: true });
if (!process.argv.includes('--no-build')) run('npm', ['run', 'build', '--silent']);
run('npx', [
  'vitest',
  'bench',
  '--run',
  '--config',
  'bench/vitest.bench.config.ts',
  '--outputJson',
  'bench/results/vitest.json',
]);

// The grid in Chromium. A failure does not lose the vitest results: the report says the browser
// part failed, and the run still exits non-zero.
const BROWSER_JSON = 'bench/results/browser.json';
rmSync(BROWSER_JSON, { force: true });
const browserRun = spawnSync('node', ['bench/browser.mjs', '--out', BROWSER_JSON, ...(quick ? ['--quick'] : [])], {
  stdio: 'inherit',
  env,
});
const browserFailed = browserRun.status !== 0;
if (browserFailed) console.error(`[bench] the browser benchmark failed (exit ${browserRun.status}); see above.`);
const browser =
  !browserFailed && existsSync(BROWSER_JSON)
    ? JSON.parse(readFileSync(BROWSER_JSON, 'utf8'))
    : { skipped: `bench/browser.mjs failed (exit ${browserRun.status})` };

// The demo as a visitor meets it (bench/demo-visit.mjs): first and return visit of `npm start`.
const DEMO_JSON = 'bench/results/demo-visit.json';
rmSync(DEMO_JSON, { force: true });
const demoRun = spawnSync('node', ['bench/demo-visit.mjs', '--out', DEMO_JSON, ...(quick ? ['--quick'] : [])], {
  stdio: 'inherit',
  env,
});
if (demoRun.status !== 0) console.error(`[bench] bench/demo-visit.mjs failed (exit ${demoRun.status}); see above.`);
const demoVisit = demoRun.status === 0 && existsSync(DEMO_JSON) ? JSON.parse(readFileSync(DEMO_JSON, 'utf8')) : {};

// The relation graph of 600 usages laid out and drawn in Chromium (bench/graph-browser.mjs).
const GRAPH_JSON = 'bench/results/graph-browser.json';
rmSync(GRAPH_JSON, { force: true });
const graphRun = spawnSync('node', ['bench/graph-browser.mjs', '--out', GRAPH_JSON, ...(quick ? ['--quick'] : [])], {
  stdio: 'inherit',
  env,
});
if (graphRun.status !== 0)
  console.error(`[bench] the relation graph benchmark failed (exit ${graphRun.status}); see above.`);
const graphRows =
  graphRun.status === 0 && existsSync(GRAPH_JSON) ? (JSON.parse(readFileSync(GRAPH_JSON, 'utf8')).rows ?? []) : [];

// PostgreSQL: the facade's statements and times per patch and overview at 1×/10×/100×, then the
// server under load (autocannon). Both skip, with a line saying so, without KITOS_PG_URL.
const pgRun = (script, out) => {
  rmSync(out, { force: true });
  const r = spawnSync(
    'npx',
    ['tsx', '--conditions', 'development', script, '--out', out, ...(quick ? ['--quick'] : [])],
    { stdio: 'inherit', env },
  );
  if (r.status !== 0) console.error(`[bench] ${script} failed (exit ${r.status}); see above.`);
  return r.status !== 0
    ? { failed: true, skipped: `${script} failed (exit ${r.status})`, rows: [] }
    : existsSync(out)
      ? JSON.parse(readFileSync(out, 'utf8'))
      : { skipped: `${script} wrote no result`, rows: [] };
};
const pgScale = pgRun('bench/postgres-scale.ts', 'bench/results/postgres-scale.json');
const serverLoad = pgRun('bench/server-load.ts', 'bench/results/server-load.json');
// Coordination across municipalities at 100×: memory always, PostgreSQL with KITOS_PG_URL.
const coordination = pgRun('bench/coordination.ts', 'bench/results/coordination.json');

const vitest = JSON.parse(readFileSync('bench/results/vitest.json', 'utf8'));
const result = {
  ...vitest,
  extra: [...(browser.rows ?? []), ...(demoVisit.rows ?? []), ...graphRows],
  domRows: browser.domRows ?? [],
  browser: browser.browser ?? { skipped: browser.skipped },
  postgres: pgScale,
  serverLoad,
  coordination,
  quick,
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  sizes: await measureSizes(),
};
writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2));
const rows = rowsFromResult(result);
const md = writeReport({
  rows,
  sizes: result.sizes,
  quick,
  date: result.date,
  machine: result.machine,
  domRows: result.domRows,
  browser: result.browser,
  postgres: result.postgres,
  serverLoad: result.serverLoad,
  coordination: result.coordination,
});
writeFileSync(quick ? 'bench/results/benchmarks-quick.md' : 'docs/benchmarks.md', md);
console.log(md);
console.log(`[bench] done in ${Math.round((Date.now() - started) / 1000)} s`);
// A benchmark that throws still lets vitest finish (tinybench keeps it without samples); the report
// marks it, and the run fails so that CI notices.
const failed = rows.filter((r) => !hasResult(r));
for (const r of failed) console.error(`[bench] no result, the benchmark threw: ${r.measurement} > ${r.name}`);
if (
  browserFailed ||
  demoRun.status !== 0 ||
  graphRun.status !== 0 ||
  pgScale.failed ||
  serverLoad.failed ||
  coordination.failed ||
  failed.length
)
  process.exit(1);
