// `npm run bench [-- --quick]`: runs every bench/*.bench.ts with vitest's benchmark runner (tinybench)
// and writes bench/results/latest.json. `--quick` shortens each measurement (a harness check, not a
// measurement to quote).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const quick = process.argv.includes('--quick');
mkdirSync('bench/results', { recursive: true });
const r = spawnSync(
  'npx',
  ['vitest', 'bench', '--run', '--config', 'bench/vitest.bench.config.ts', '--outputJson', 'bench/results/latest.json'],
  { stdio: 'inherit', env: { ...process.env, KITOS_BENCH_QUICK: quick ? '1' : '' } },
);
process.exit(r.status ?? 1);
