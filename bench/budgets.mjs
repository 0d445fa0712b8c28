// The budgets of DESIGN §7, matched against benchmark group names ("<measurement> @<scale>x").
// A budget applies to the subject's median in milliseconds (or bytes for sizes).
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
  { match: /^grid first render/i, limit: 100, unit: 'ms', label: 'grid 10,000 rows first render ≤ 100 ms' },
  { match: /^grid re-sort/i, limit: 50, unit: 'ms', label: 'grid 10,000 rows re-sort ≤ 50 ms' },
  { match: /^import 5,000/i, limit: 2000, unit: 'ms', label: 'import 5,000 rows ≤ 2 s' },
  { match: /^embed bundle/i, limit: 60 * 1024, unit: 'B', label: 'embed bundle ≤ 60 KB gzip' },
];
