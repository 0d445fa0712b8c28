// `node bench/graph-browser.mjs [--out bench/results/graph-browser.json] [--quick] [--source]`: the
// relation graph of a municipality's 600 usages laid out (d3-force) and drawn in headless Chromium
// (bench/browser/graph.html; see bench/browser/graph.ts for subject and baseline). Budget ≤ 500 ms.
// Writes { rows } (report.mjs `extra` rows) or { skipped } when no Chromium can be launched.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';
import { startKitosDevServer } from '../scripts/dev-server.mjs';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : 'bench/results/graph-browser.json';
const quick = args.includes('--quick') || !!process.env.KITOS_BENCH_QUICK;
const BUNDLE = 'packages/widgets/dist/kitos-widgets.bundle.js';
const build = args.includes('--source') || !existsSync(BUNDLE) ? 'source' : 'bundle';
const [SAMPLES, WARMUP] = quick ? [3, 1] : [15, 2];
const MEASUREMENT = 'relation graph 600 usages laid out and drawn';

const write = (json) => {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(json, null, 2));
};

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, p75: at(0.75), p99: at(0.99), min: s[0], max: s[s.length - 1], samples: s.length };
}

let browser;
try {
  browser = await chromium.launch({
    executablePath: findChromium({ install: false }),
    headless: true,
    args: CHROMIUM_ARGS,
  });
} catch (error) {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.log(`[bench] relation graph browser benchmark skipped: ${reason}`);
  write({ skipped: reason, rows: [] });
  process.exit(0);
}
const server = await startKitosDevServer();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/bench/browser/graph.html?build=${build}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' || document.body.dataset.error, null, {
    timeout: 120_000,
  });
  const loadError = await page.evaluate(() => document.body.dataset.error);
  if (loadError) throw new Error(`the benchmark page failed to load: ${loadError}`);
  const run = (what) => page.evaluate(([w, s, u]) => window.kitosGraphBench.measure(w, s, u), [what, SAMPLES, WARMUP]);
  const base = await run('baseline');
  const sub = await run('subject');
  if (errors.length) throw new Error(`errors in the benchmark page:\n${errors.join('\n')}`);
  const rows = [
    {
      measurement: MEASUREMENT,
      scale: null,
      name: 'baseline: plain SVG, fixed positions, no layout',
      isBaseline: true,
      ...stats(base.samples),
    },
    {
      measurement: MEASUREMENT,
      scale: null,
      name: `kitos-relation-graph (d3-force layout + SVG + table, ${build})`,
      isBaseline: false,
      ...stats(sub.samples),
    },
  ];
  for (const r of rows)
    console.log(`[bench] ${MEASUREMENT}: ${r.name} ${r.median.toFixed(1)} ms (median of ${r.samples})`);
  write({ rows, chromium: browser.version(), build });
} finally {
  await browser.close();
  await server.stop();
}
