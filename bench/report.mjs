// Turns bench/results/latest.json (vitest bench output plus our extra measurements) into
// docs/benchmarks.md: median, spread, ratio against the baseline of the same group, growth from 1×
// to 10× to 100×, and each budget of DESIGN §7 marked met or not.
//
// Conventions: a group (describe) is named "<measurement> @<scale>x" (scale optional); inside it,
// the bench whose name starts with "baseline:" is the baseline, every other bench is a subject.
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

function budgetFor(row) {
  return BUDGETS.find(
    (b) => b.match.test(`${row.measurement}${row.scale ? ` @${row.scale}x` : ''}`) && !row.isBaseline,
  );
}

/** Writes the markdown report. */
export function writeReport({ rows, sizes = [], quick, date, machine }) {
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
    const budget = budgetFor(r);
    const verdict = budget ? `${r.median <= budget.limit ? '✅ met' : '❌ not met'} (${budget.label})` : '';
    lines.push(
      `| ${r.measurement} | ${r.scale ? `${r.scale}×` : ''} | ${r.isBaseline ? `*${r.name}*` : r.name} | ${fmt(r.median)} | ${fmt(r.p75)} / ${fmt(r.p99)} | ${r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`} | ${verdict} |`,
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
  for (const r of rows.filter((x) => x.scale !== null && !x.isBaseline)) {
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = JSON.parse(readFileSync('bench/results/latest.json', 'utf8'));
  const md = writeReport({
    rows: rowsFromVitest(json),
    sizes: json.sizes ?? [],
    quick: !!json.quick,
    date: json.date ?? new Date().toISOString().slice(0, 10),
    machine: json.machine ?? '',
  });
  writeFileSync('docs/benchmarks.md', md);
  console.log(md);
}
