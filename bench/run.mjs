// `npm run bench [-- --quick]`: builds, runs every bench/*.bench.ts with vitest's benchmark runner
// (tinybench), measures bundle sizes, and writes bench/results/latest.json and docs/benchmarks.md.
// `--quick` shortens every measurement to check the harness in well under a minute; its numbers
// are not to be quoted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { rowsFromVitest, writeReport } from './report.mjs';
import { measureSizes } from './sizes.mjs';

const quick = process.argv.includes('--quick');
const env = { ...process.env, KITOS_BENCH_QUICK: quick ? '1' : '' };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

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

const vitest = JSON.parse(readFileSync('bench/results/vitest.json', 'utf8'));
const result = {
  ...vitest,
  quick,
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  sizes: measureSizes(),
};
writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2));
const md = writeReport({
  rows: rowsFromVitest(result),
  sizes: result.sizes,
  quick,
  date: result.date,
  machine: result.machine,
});
writeFileSync(quick ? 'bench/results/benchmarks-quick.md' : 'docs/benchmarks.md', md);
console.log(md);
