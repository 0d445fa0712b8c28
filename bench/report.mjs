// Turns bench/results/latest.json (vitest bench output plus our extra measurements) into
// docs/benchmarks.md: median, spread, ratio against the baseline of the same group, growth from 1×
// to 10× to 100×, and each budget of DESIGN §7 marked met or not.
//
// Conventions: a group (describe) is named "<measurement> @<scale>x" (scale optional); inside it,
// the bench whose name starts with "baseline:" is the baseline, every other bench is a subject.
// Measurements made outside vitest (the browser benchmark, bench/browser.mjs) come as `extra` rows
// { measurement, scale, name, isBaseline, median, p75, p99, min, max, samples } and are merged with
// the vitest rows, their ratios computed the same way within a group (same measurement and scale).
import { readFileSync, writeFileSync } from 'node:fs';
import { BUDGETS } from './budgets.mjs';

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const bytes = (b) => (b >= 1024 ? `${(b / 1024).toFixed(1)} KB` : `${b} B`);

/** Flattens vitest bench JSON into rows. */
export function rowsFromVitest(json) {
  const rows = [];
  for (const file of json.files ?? []) {
    for (const group of file.groups ?? []) {
      const title = group.fullName.split(' > ').slice(1).join(' > ') || group.fullName;
      const m = /^(.*?)(?:\s+@(\d+)x)?$/.exec(title);
      const measurement = m[1].trim();
      const scale = m[2] ? Number(m[2]) : null;
      const baseline = group.benchmarks.find((b) => b.name.startsWith('baseline:'));
      for (const b of group.benchmarks) {
        rows.push({
          file: file.filepath.replace(/^.*?bench\//, 'bench/'),
          measurement,
          scale,
          name: b.name,
          isBaseline: b === baseline,
          median: b.median,
          p75: b.p75,
          p99: b.p99,
          min: b.min,
          max: b.max,
          samples: b.sampleCount,
          ratio: baseline && b !== baseline ? b.median / baseline.median : null,
        });
      }
    }
  }
  return rows;
}

/** Rows measured outside vitest (`result.extra`), with the ratio against their group's baseline. */
export function rowsFromExtra(extra = []) {
  const groupOf = (r) => `${r.measurement}\u0000${r.scale ?? ''}`;
  const baselines = new Map();
  for (const r of extra) if (r.isBaseline && !baselines.has(groupOf(r))) baselines.set(groupOf(r), r);
  return extra.map((r) => {
    const baseline = baselines.get(groupOf(r));
    return {
      file: r.file ?? 'bench/browser.mjs',
      measurement: r.measurement,
      scale: r.scale ?? null,
      name: r.name,
      isBaseline: r === baseline,
      median: r.median,
      p75: r.p75,
      p99: r.p99,
      min: r.min,
      max: r.max,
      samples: r.samples,
      ratio: baseline && r !== baseline ? r.median / baseline.median : null,
    };
  });
}

/** Every row of a result: the vitest benchmarks, then the extra (browser) measurements. */
export function rowsFromResult(json) {
  return [...rowsFromVitest(json), ...rowsFromExtra(json.extra ?? [])];
}

/** Whether a row has timings; tinybench records a benchmark that throws with no samples at all. */
export const hasResult = (row) => typeof row.median === 'number';

function budgetFor(row) {
  return BUDGETS.find(
    (b) =>
      b.unit === 'ms' && b.match.test(`${row.measurement}${row.scale ? ` @${row.scale}x` : ''}`) && !row.isBaseline,
  );
}

/** The browser section: which build and browser, and the grid's row elements in the DOM. */
function browserLines(browser, domRows) {
  if (!browser && !domRows.length) return [];
  const lines = ['', '## Browser (grid)', ''];
  if (browser?.skipped) return [...lines, `Not measured in this run: ${browser.skipped}`];
  if (browser) {
    lines.push(
      `Measured in headless Chromium ${browser.chromium} with the ${browser.build}; 1× = ${(browser.rowsPerScale ?? 1000).toLocaleString('en')} usage rows.`,
      'A time runs from creating the element (or clicking a column header) to the rows in the DOM and laid out,',
      'timed in the page; paint is not included. The plain table has every row in its tbody.',
      ...(browser.note ? [browser.note] : []),
    );
  }
  if (domRows.length) {
    lines.push(
      '',
      '| scale | rows | kitos-overview row elements in the DOM | plain table row elements | budget |',
      '| --- | ---: | ---: | ---: | --- |',
    );
    for (const d of domRows) {
      const budget = BUDGETS.find((b) => b.unit === 'rows' && b.match.test(`grid DOM rows @${d.scale}x`));
      const verdict = budget ? `${d.gridRowElements <= budget.limit ? '✅ met' : '❌ not met'} (${budget.label})` : '';
      lines.push(
        `| ${d.scale}× | ${d.rows.toLocaleString('en')} | ${d.gridRowElements} | ${d.tableRowElements?.toLocaleString('en') ?? ''} | ${verdict} |`,
      );
    }
  }
  return lines;
}

/** The PostgreSQL section: the facade per patch and overview, and the server under load. */
export function serverLines(postgres, serverLoad) {
  if (!postgres && !serverLoad) return [];
  const lines = ['', '## PostgreSQL server and the HTTP server under load', ''];
  lines.push(
    'On the PostgreSQL server in `KITOS_PG_URL`, with the generator\u2019s data (N× = N municipalities over one',
    'catalogue). Reproduce alone: `KITOS_PG_URL=postgres://… npx tsx --conditions development bench/postgres-scale.ts`',
    'and `… bench/server-load.ts` (add `--quick` for a harness check). Statements are counted at the pg client.',
    '',
  );
  if (postgres?.skipped) lines.push(`Facade on PostgreSQL: not measured in this run: ${postgres.skipped}.`, '');
  else if (postgres?.rows?.length) {
    lines.push(
      '| measurement | scale | subject | median ms | p75 / p99 ms | statements | budget |',
      '| --- | --- | --- | ---: | ---: | ---: | --- |',
    );
    const cold = BUDGETS.find((b) => b.unit === 'cold ms');
    for (const r of postgres.rows) {
      const judged = cold && r.scale === 100 && r.name.includes('own municipality');
      const verdict = judged ? `${r.median <= cold.limit ? '✅ met' : '❌ not met'} (${cold.label})` : '';
      lines.push(
        `| ${r.measurement} | ${r.scale}× | ${r.name} | ${fmt(r.median)} | ${fmt(r.p75)} / ${fmt(r.p99)} | ${r.statements} | ${verdict} |`,
      );
    }
    lines.push('');
  }
  if (serverLoad?.skipped) lines.push(`Server under load: not measured in this run: ${serverLoad.skipped}.`);
  else if (serverLoad?.rows?.length) {
    const p99Budget = BUDGETS.find((b) => b.unit === 'p99 ms');
    const rpsBudget = BUDGETS.find((b) => b.unit === 'req/s');
    lines.push(
      `autocannon, ${serverLoad.rows[0].connections} connections, ${serverLoad.rows[0].scale}× data, ${serverLoad.note ?? ''}.`,
      'Writes are 1 in 10 requests on every connection (PATCH of a usage of the same municipality); the baseline',
      'is a bare Hono route in the same server process returning the same overview JSON from memory.',
      '',
      '| subject | writes | p50 ms | p99 ms | requests/s | reads/s | errors / non-2xx | p50 vs baseline | budget |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const r of serverLoad.rows) {
      const isOverview = r.subject.startsWith('overview');
      const verdict =
        isOverview && p99Budget && rpsBudget
          ? `${r.p99 <= p99Budget.limit ? '✅' : '❌'} p99 ≤ ${p99Budget.limit} ms, ${r.readsPerSecond >= rpsBudget.limit ? '✅' : '❌'} ≥ ${rpsBudget.limit.toLocaleString('en')} overview requests/s (${rpsBudget.label})`
          : '';
      lines.push(
        `| ${r.subject} | ${r.writes} | ${r.p50} | ${r.p99} | ${Math.round(r.requestsPerSecond).toLocaleString('en')} | ${Math.round(r.readsPerSecond).toLocaleString('en')} | ${r.errors} / ${r.non2xx}${r.statusCodes ? ` (${r.statusCodes})` : ''} | ${r.ratioP50 ? `${r.ratioP50.toFixed(1)}×` : ''} | ${verdict} |`,
      );
    }
  }
  return lines;
}

/** The coordination section: catalogue, radar and landscapes on memory and PostgreSQL at 100×. */
export function coordinationLines(coordination) {
  if (!coordination) return [];
  const lines = ['', '## Across municipalities (coordination)', ''];
  lines.push(
    'The facade\u2019s coordination reads against a hand-written loop (memory) or hand-written SQL (PostgreSQL)',
    'on the same engine. Reproduce alone: `npx tsx --conditions development bench/coordination.ts` (memory; with',
    '`KITOS_PG_URL` also PostgreSQL). "cold": after a usage write, so cached counts are recomputed.',
    '',
  );
  if (coordination.failed) return [...lines, `Not measured: ${coordination.skipped}.`];
  if (coordination.skipped) lines.push(`Note: ${coordination.skipped}.`, '');
  lines.push(
    '| engine | measurement | scale | subject | median ms | p99 ms | ratio vs baseline | budget |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | --- |',
  );
  for (const r of coordination.rows ?? []) {
    const verdict = r.budget ? `${r.median <= r.budget ? '✅ met' : '❌ not met'} (≤ ${r.budget} ms)` : '';
    lines.push(
      `| ${r.engine} | ${r.measurement} | ${r.scale}× | ${r.isBaseline ? `*${r.name}*` : r.name} | ${fmt(r.median)} | ${fmt(r.p99)} | ${r.ratio ? `${r.ratio.toFixed(2)}×` : ''} | ${verdict} |`,
    );
  }
  return lines;
}

/** Writes the markdown report. */
export function writeReport({
  rows,
  sizes = [],
  quick,
  date,
  machine,
  domRows = [],
  browser = null,
  postgres = null,
  serverLoad = null,
  coordination = null,
}) {
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\`${quick ? ' (**quick mode**: short runs, a harness check only)' : ''} on ${date}, ${machine}.`,
    'Each time is the median of the samples; the spread is p75 and p99; the ratio is the subject’s median over',
    'the baseline measured in the same group and run. Budgets are those of the design (§7).',
    '',
    '## Times',
    '',
    '| measurement | scale | subject | median ms | p75 / p99 ms | ratio vs baseline | budget |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    if (!hasResult(r)) {
      lines.push(
        `| ${r.measurement} | ${r.scale ? `${r.scale}×` : ''} | ${r.name} | no result: the benchmark threw (see the run's log) | | | |`,
      );
      continue;
    }
    const budget = budgetFor(r);
    const verdict = budget ? `${r.median <= budget.limit ? '✅ met' : '❌ not met'} (${budget.label})` : '';
    lines.push(
      `| ${r.measurement} | ${r.scale ? `${r.scale}×` : ''} | ${r.isBaseline ? `*${r.name}*` : r.name} | ${fmt(r.median)} | ${fmt(r.p75)} / ${fmt(r.p99)} | ${Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : ''} | ${verdict} |`,
    );
  }
  const growth = growthRows(rows);
  if (growth.length) {
    lines.push(
      '',
      '## Growth with data',
      '',
      'Median time of each subject at 10× and 100× the data, relative to 1×.',
      '',
    );
    lines.push('| measurement | subject | 1× ms | 10× | 100× |', '| --- | --- | ---: | ---: | ---: |');
    for (const g of growth)
      lines.push(`| ${g.measurement} | ${g.name} | ${fmt(g.base)} | ${g.x10 ?? ''} | ${g.x100 ?? ''} |`);
  }
  lines.push(...browserLines(browser, domRows));
  lines.push(...serverLines(postgres, serverLoad));
  lines.push(...coordinationLines(coordination));
  if (sizes.length) {
    lines.push('', '## Sizes (gzip -9)', '', '| artefact | raw | gzip | budget |', '| --- | ---: | ---: | --- |');
    for (const s of sizes) {
      const budget = BUDGETS.find((b) => b.unit === 'B' && b.match.test(s.name));
      const verdict = budget ? `${s.gzip <= budget.limit ? '✅ met' : '❌ not met'} (${budget.label})` : '';
      lines.push(`| ${s.name} | ${bytes(s.raw)} | ${bytes(s.gzip)} | ${verdict} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function growthRows(rows) {
  const out = [];
  const key = (r) => `${r.measurement}\u0000${r.name}`;
  const byKey = new Map();
  for (const r of rows.filter((x) => x.scale !== null && !x.isBaseline && hasResult(x))) {
    const list = byKey.get(key(r)) ?? [];
    list.push(r);
    byKey.set(key(r), list);
  }
  for (const list of byKey.values()) {
    const at = (s) => list.find((r) => r.scale === s);
    const base = at(1);
    if (!base || list.length < 2) continue;
    const rel = (s) => (at(s) ? `${(at(s).median / base.median).toFixed(1)}×` : null);
    out.push({ measurement: base.measurement, name: base.name, base: base.median, x10: rel(10), x100: rel(100) });
  }
  return out;
}

/**
 * `node bench/report.mjs --server <postgres-scale.json> <server-load.json>`: replaces (or appends)
 * only the PostgreSQL and load section of docs/benchmarks.md with the given results, for a run of
 * those two measurements alone.
 */
function replaceServerSection(scaleFile, loadFile) {
  const md = readFileSync('docs/benchmarks.md', 'utf8');
  const heading = '\n## PostgreSQL server and the HTTP server under load\n';
  const start = md.indexOf(heading);
  const rest = start < 0 ? '' : md.slice(start + heading.length);
  const next = rest.search(/\n## /);
  const before = start < 0 ? md.replace(/\n*$/, '\n\n') : md.slice(0, start + 1);
  const after = start < 0 || next < 0 ? '' : rest.slice(next + 1);
  const section = serverLines(JSON.parse(readFileSync(scaleFile, 'utf8')), JSON.parse(readFileSync(loadFile, 'utf8')))
    .join('\n')
    .replace(/^\n/, '');
  writeFileSync('docs/benchmarks.md', `${before}${section}\n${after ? `\n${after}` : ''}`);
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--server') {
  replaceServerSection(process.argv[3], process.argv[4]);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const json = JSON.parse(readFileSync('bench/results/latest.json', 'utf8'));
  const md = writeReport({
    rows: rowsFromResult(json),
    sizes: json.sizes ?? [],
    domRows: json.domRows ?? [],
    browser: json.browser ?? null,
    postgres: json.postgres ?? null,
    serverLoad: json.serverLoad ?? null,
    quick: !!json.quick,
    date: json.date ?? new Date().toISOString().slice(0, 10),
    machine: json.machine ?? '',
  });
  writeFileSync('docs/benchmarks.md', md);
  console.log(md);
}
