// The budgets of DESIGN §7, matched against benchmark group names ("<measurement> @<scale>x").
// A budget applies to the subject's median in milliseconds (or bytes for sizes, or row elements in
// the DOM for the grid: bench/browser.mjs, scale 1× = 1,000 rows, so 10,000 rows is @10x).
export const BUDGETS = [
  { match: /^overview query .*memory.* @1x$/i, limit: 1, unit: 'ms', label: 'overview, 2,000 usages, memory ≤ 1 ms' },
  { match: /^overview query .*sql\.?js.* @1x$/i, limit: 5, unit: 'ms', label: 'overview, 2,000 usages, sql.js ≤ 5 ms' },
  {
    match: /^overview query .*postgres.* @1x$/i,
    limit: 15,
    unit: 'ms',
    label: 'overview, 2,000 usages, PostgreSQL ≤ 15 ms',
  },
  { match: /^national .* @100x$/i, limit: 50, unit: 'ms', label: 'national query, 150k usages ≤ 50 ms' },
  { match: /^grid first render.* @10x$/i, limit: 100, unit: 'ms', label: 'grid 10,000 rows first render ≤ 100 ms' },
  { match: /^grid re-sort.* @10x$/i, limit: 50, unit: 'ms', label: 'grid 10,000 rows re-sort ≤ 50 ms' },
  { match: /^grid DOM rows @10x$/i, limit: 100, unit: 'rows', label: 'grid 10,000 rows ≤ 100 row elements' },
  // The server on PostgreSQL at 10× data, overview page, 50 connections, 10% writes (bench/server-load.ts).
  { match: /^server overview$/, limit: 50, unit: 'p99 ms', label: 'server, 10× data, 50 connections, 10% writes' },
  { match: /^server overview$/, limit: 1000, unit: 'req/s', label: 'on 2 cores' },
  // The first overview page after a write in its own municipality, 100× data (bench/postgres-scale.ts).
  { match: /^cold overview @100x$/, limit: 15, unit: 'cold ms', label: 'cold overview, 100× data, PostgreSQL ≤ 15 ms' },
  {
    match: /^relation graph 600 usages laid out and drawn$/,
    limit: 500,
    unit: 'ms',
    label: 'relation graph, 600 usages, laid out and drawn ≤ 500 ms',
  },
  { match: /^bulk transfer of 200 roles/i, limit: 1000, unit: 'ms', label: 'bulk transfer of 200 roles ≤ 1 s' },
  { match: /^import 5,000/i, limit: 2000, unit: 'ms', label: 'import 5,000 rows ≤ 2 s' },
  // Moving in from a running KITOS (bench/import-kitos.bench.ts, a stand-in KITOS on 127.0.0.1).
  {
    match: /^import from KITOS, one municipality .* @1x$/i,
    limit: 10_000,
    unit: 'ms',
    label: 'import of one municipality from KITOS ≤ 10 s',
  },
  {
    match: /^incremental import from KITOS, 10 changes @1x$/i,
    limit: 1000,
    unit: 'ms',
    label: 'incremental, 10 changes ≤ 1 s',
  },
  // Issue 18: the GDPR register of a municipality's 600 usages (bench/registers.bench.ts).
  {
    match: /^gdpr register compute.* @1x$/i,
    limit: 100,
    unit: 'ms',
    label: 'GDPR register, 600 usages ≤ 100 ms',
  },
  { match: /^embed bundle/i, limit: 60 * 1024, unit: 'B', label: 'embed bundle ≤ 60 KB gzip' },
  // DESIGN: "one widget + Lit + core (gzip, without the sql.js wasm) ≤ 60 KB", for a page an app
  // builds from the npm packages with one widget subpath (bench/consumer.mjs).
  {
    match: /^app bundle from npm, one widget /i,
    limit: 60 * 1024,
    unit: 'B',
    label: 'one widget + Lit + core ≤ 60 KB gzip',
  },
];
