// `node bench/demo-visit.mjs [--out file.json] [--quick]`: the demo as a visitor meets it. Starts
// the demo server (`npm start`: the server on its embedded file store) on 127.0.0.1, port 0, with
// a fresh data directory, then in headless Chromium (1440 × 1000) measures from navigation to the
// first overview rows shown:
// - first visit: a new browser profile (no session: the page signs in);
// - return visit: a reload in the same profile (the page goes on with its session);
// baseline: fetching the page's own files (HTML, CSS, script) in the same browser, what any
// intranet page costs. Also the server's first start (seeding three municipalities), one sample.
// Writes { rows } as extra rows for bench/report.mjs, or { skipped } without Chromium.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : 'bench/results/demo-visit.json';
const quick = args.includes('--quick') || !!process.env.KITOS_BENCH_QUICK;
const SAMPLES = quick ? 2 : 7;
const FILE = 'bench/demo-visit.mjs';
const write = (json) => {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(json, null, 2));
};

let executablePath;
try {
  executablePath = findChromium({ install: false });
} catch (error) {
  console.log(`[bench] demo visit skipped: ${error instanceof Error ? error.message : error}`);
  write({ skipped: String(error) });
  process.exit(0);
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, p75: at(0.75), p99: at(0.99), min: s[0], max: s[s.length - 1], samples: s.length };
}

/** Starts the demo server on a free port; resolves with its URL once it listens and has warmed up. */
function startDemo(dir) {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, KITOS_DEMO_DIR: dir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    let url;
    let ready = 0;
    child.stdout.on('data', (chunk) => {
      text += chunk;
      url ??= /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(text)?.[1];
      ready ||= url ? performance.now() - started : 0;
      if (url && /Read models of \d+ municipalities ready/.test(text)) resolve({ child, url, ms: ready });
    });
    child.on('exit', (code) => reject(new Error(`the demo server stopped (exit ${code}):\n${text}`)));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'kitos-demo-bench-'));
const demo = await startDemo(dir);
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
try {
  const rowsShown = (page) =>
    page.waitForFunction(
      () => !!document.querySelector('#overview')?.shadowRoot?.querySelector('[part~="row"] [part~="link"]'),
      null,
      { timeout: 120_000, polling: 20 },
    );
  const files = [];
  const first = [];
  const again = [];
  for (let i = 0; i < SAMPLES + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${demo.url}/demo/users.json`);
    let t = performance.now();
    await page.evaluate(
      (paths) => Promise.all(paths.map((p) => fetch(p, { cache: 'no-store' }).then((r) => r.arrayBuffer()))),
      ['/', '/demo/demo.css', '/demo/live.css', '/demo/live.js'],
    );
    const baseline = performance.now() - t;
    t = performance.now();
    await page.goto(`${demo.url}/`);
    await rowsShown(page);
    const firstVisit = performance.now() - t;
    t = performance.now();
    await page.reload();
    await rowsShown(page);
    const returnVisit = performance.now() - t;
    await context.close();
    if (i === 0) continue; // warm-up: the browser's own first start
    files.push(baseline);
    first.push(firstVisit);
    again.push(returnVisit);
  }
  const row = (measurement, name, isBaseline, samples) => ({
    measurement,
    scale: 1,
    name,
    isBaseline,
    ...stats(samples),
    file: FILE,
  });
  const M = 'demo page (npm start, 3 municipalities): navigation to the first rows shown';
  const rows = [
    row(M, "baseline: the page's own files (HTML, CSS, script) fetched", true, files),
    row(M, 'first visit (new browser profile: signs in)', false, first),
    row(M, 'return visit (reload: goes on with its session)', false, again),
    row(
      'demo server first start (seeds 3 municipalities, then listens)',
      'npm start on an empty data directory',
      false,
      [demo.ms],
    ),
  ];
  for (const r of rows) console.log(`[bench] ${r.measurement}: ${r.name}: median ${r.median.toFixed(0)} ms`);
  write({ rows });
} finally {
  await browser.close();
  demo.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
