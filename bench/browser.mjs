// `node bench/browser.mjs [--out bench/results/browser.json] [--quick] [--source]`: the grid
// benchmark in headless Chromium (Playwright). bench/browser/grid.html is served by the shared dev
// server; by default the page loads the production embed bundle
// (packages/widgets/dist/kitos-widgets.bundle.js, built by `npm run build`), `--source` (or a
// missing bundle) loads the widgets from source with Lit's development build instead.
//
// Measured inside the page (performance.now()), per scale (1× = 1,000 usage rows):
// - "grid first render @Nx": a fresh <kitos-overview kind="usages"> over a static client, from
//   element creation to its rows shown; baseline: a plain <table> with every row;
// - "grid re-sort @Nx": a header click to the re-ordered rows shown; baseline: sort the rows and
//   rebuild the table's tbody;
// - the same two for AG Grid Community (ag-grid-community, client-side row model, its own sort API,
//   a Danish comparator on every column so both keep the same order), for a side-by-side ratio;
// - the same two for a minimal Lit element with @lit-labs/virtualizer (same rows and columns, the
//   array sorted with the same Danish collator): what virtual rows alone cost;
// - the most row elements the grid put in the DOM (budget ≤ 100).
// Writes { rows, domRows, browser } (rows as report.mjs's `extra` rows), or { skipped } when no
// Chromium can be found or launched (then exits 0 with a line saying so).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';
import { startKitosDevServer } from '../scripts/dev-server.mjs';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : 'bench/results/browser.json';
const quick = args.includes('--quick') || !!process.env.KITOS_BENCH_QUICK;
const BUNDLE = 'packages/widgets/dist/kitos-widgets.bundle.js';
const build = args.includes('--source') || !existsSync(BUNDLE) ? 'source' : 'bundle';

/**
 * Rows per 1×, and per scale [samples, discarded warm-up runs] of the grid and of the plain table.
 * The plain table lays out every row — seconds per sample at 10,000 rows on a small machine — so
 * it gets fewer samples, and none at 100× (where it would take minutes per sample; the grid is
 * still measured there, for its growth). Quick mode is a harness check: its numbers are not to be
 * quoted, and it skips the plain table at 10×.
 */
const ROWS_PER_SCALE = 1000;
const PLAN = quick
  ? [
      { scale: 1, grid: [3, 1], table: [2, 0] },
      { scale: 10, grid: [3, 1], table: null },
    ]
  : [
      { scale: 1, grid: [30, 3], table: [10, 1] },
      { scale: 10, grid: [30, 3], table: [5, 1] },
      { scale: 100, grid: [10, 1], table: null },
    ];
const DOM_ROW_LIMIT = 100;

const SUBJECT_FIRST = 'kitos-overview (virtualised, static client)';
const BASELINE_FIRST = 'baseline: plain DOM table, every row rendered';
const SUBJECT_SORT = 'kitos-overview (header click → re-ordered rows shown)';
const BASELINE_SORT = 'baseline: plain DOM table, sort + rebuild tbody';
const AG_FIRST = 'AG Grid Community 34 (same rows and columns, Danish comparator)';
const AG_SORT = 'AG Grid Community 34 (applyColumnState → re-ordered rows shown)';
const LIT_FIRST = 'minimal Lit + @lit-labs/virtualizer (same rows and columns)';
const LIT_SORT = 'minimal Lit + @lit-labs/virtualizer (Danish sort of the array → re-ordered rows shown)';

const write = (json) => {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(json, null, 2));
};

function skip(reason) {
  console.log(`[bench] browser benchmark skipped: ${reason}`);
  write({ skipped: reason });
  process.exit(0);
}

/** Median, p75, p99, min, max of raw samples (nearest-rank percentiles). */
function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, p75: at(0.75), p99: at(0.99), min: s[0], max: s[s.length - 1], samples: s.length };
}

let executablePath;
try {
  executablePath = findChromium({ install: false });
} catch (error) {
  skip(error instanceof Error ? error.message : String(error));
}

let browser;
try {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
} catch (error) {
  skip(
    `Chromium at ${executablePath} could not be launched: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
  );
}

const server = await startKitosDevServer();
const started = performance.now();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.url}/bench/browser/grid.html?build=${build}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' || document.body.dataset.error, null, {
    timeout: 120_000,
  });
  const loadError = await page.evaluate(() => document.body.dataset.error);
  if (loadError) throw new Error(`the benchmark page failed to load: ${loadError}`);
  const version = browser.version();
  console.log(
    `[bench] browser: Chromium ${version}, widgets from ${build === 'bundle' ? `${BUNDLE} (production)` : 'source (Lit development build)'}${quick ? ', quick mode' : ''}`,
  );

  const rows = [];
  const domRows = [];
  for (const { scale, grid, table } of PLAN) {
    const count = scale * ROWS_PER_SCALE;
    await page.evaluate((n) => window.kitosBench.prepare(n), count);
    const run = (what, [samples, warmup]) =>
      page.evaluate(([w, s, u]) => window.kitosBench.measure(w, s, u), [what, samples, warmup]);
    // Each side's re-sorts right after its first renders, while its element is still shown.
    const tableFirst = table && (await run('tableFirstRender', table));
    const tableSort = table && (await run('tableResort', table));
    const gridFirst = await run('gridFirstRender', grid);
    const gridSort = await run('gridResort', grid);
    // AG Grid Community over the same rows and columns, in the same run (same samples as the grid).
    const agFirst = await run('agFirstRender', grid);
    const agSort = await run('agResort', grid);
    // A minimal Lit + virtualizer page over the same rows (same samples as the grid).
    const litFirst = await run('litFirstRender', grid);
    const litSort = await run('litResort', grid);
    const groups = [
      [
        'grid first render',
        BASELINE_FIRST,
        tableFirst,
        SUBJECT_FIRST,
        gridFirst,
        AG_FIRST,
        agFirst,
        LIT_FIRST,
        litFirst,
      ],
      ['grid re-sort', BASELINE_SORT, tableSort, SUBJECT_SORT, gridSort, AG_SORT, agSort, LIT_SORT, litSort],
    ];
    for (const [measurement, baselineName, b, subjectName, g, agName, a, litName, l] of groups) {
      const base = b && { measurement, scale, name: baselineName, isBaseline: true, ...stats(b.samples) };
      const sub = { measurement, scale, name: subjectName, isBaseline: false, ...stats(g.samples) };
      const other = { measurement, scale, name: agName, isBaseline: false, ...stats(a.samples) };
      const minimal = { measurement, scale, name: litName, isBaseline: false, ...stats(l.samples) };
      rows.push(...(base ? [base, sub, other, minimal] : [sub, other, minimal]));
      console.log(
        `[bench] ${measurement} @${scale}x (${count.toLocaleString('en')} rows): kitos-overview ${sub.median.toFixed(1)} ms (median of ${sub.samples}), AG Grid ${other.median.toFixed(1)} ms (${(sub.median / other.median).toFixed(2)}×), minimal Lit ${minimal.median.toFixed(1)} ms (${(sub.median / minimal.median).toFixed(2)}×)${base ? `, plain table ${base.median.toFixed(1)} ms (median of ${base.samples})` : ''}`,
      );
    }
    const gridRows = Math.max(gridFirst.maxDomRows, gridSort.maxDomRows);
    const tableRows = table ? Math.max(tableFirst.maxDomRows, tableSort.maxDomRows) : null;
    domRows.push({ scale, rows: count, gridRowElements: gridRows, tableRowElements: tableRows, limit: DOM_ROW_LIMIT });
    console.log(`[bench] DOM rows @${scale}x: kitos-overview ${gridRows}${table ? `, plain table ${tableRows}` : ''}`);
  }
  if (errors.length) throw new Error(`errors in the benchmark page:\n${errors.join('\n')}`);
  write({
    rows,
    domRows,
    browser: {
      chromium: version,
      build: build === 'bundle' ? `production embed bundle (${BUNDLE})` : 'widgets from source (Lit development build)',
      rowsPerScale: ROWS_PER_SCALE,
      note: `The plain table is measured at ${PLAN.filter((p) => p.table)
        .map((p) => `${p.scale}×`)
        .join(' and ')} only (it lays out every row: seconds per sample at 10,000 rows).`,
      seconds: Math.round((performance.now() - started) / 1000),
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
