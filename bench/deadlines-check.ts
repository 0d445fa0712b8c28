// The deadline engine's output over a million computations, as one SHA-256: the bench's 100,000
// contracts for five days, each with both tender bases. Run it before and after a change to the
// engine; the hash must not move. Also times the bench's two loops outside vitest.
//   npx tsx --conditions development bench/deadlines-check.ts
import { createHash } from 'node:crypto';
import { addMonths, contractDeadlines } from '@os2kitos/core';
import { deadlineBenchTerms } from './deadline-terms.js';

const contracts = deadlineBenchTerms(100_000);
const DAYS = ['2025-06-15', '2020-02-29', '2026-12-31', '2031-01-01', '2024-03-31'] as const;
const hash = createHash('sha256');
let computations = 0;
for (const today of DAYS) {
  for (const tenderBasis of ['expiry', 'finalExpiry'] as const) {
    for (const terms of contracts) {
      hash.update(JSON.stringify(contractDeadlines(terms, { today, tenderBasis })));
      hash.update('\n');
      computations++;
    }
  }
}
console.log(`${computations.toLocaleString('en')} computations, sha256 ${hash.digest('hex')}`);

// CPU time (user + system) of the bench's two loops, alternated in one process: on a shared, loaded
// machine the wall-clock time mostly measures waiting, the CPU time much less so.
const TODAY = '2025-06-15';
const sheet = contracts.map((t) => ({
  expiry: t.validTo,
  months: /^\d+$/.test(t.noticePeriodOptionName ?? '') ? Number(t.noticePeriodOptionName) : 0,
}));
const cpuMs = (run: () => number): [number, number] => {
  const start = process.cpuUsage();
  const n = run();
  const used = process.cpuUsage(start);
  return [(used.user + used.system) / 1000, n];
};
const baseline: number[] = [];
const engine: number[] = [];
let found = 0;
for (let round = 0; round < 31; round++) {
  baseline.push(
    cpuMs(() => {
      let n = 0;
      for (const s of sheet) if (s.expiry !== null && addMonths(s.expiry, -s.months) >= TODAY) n++;
      return n;
    })[0],
  );
  const [ms, n] = cpuMs(() => {
    let next = 0;
    for (const t of contracts) if (contractDeadlines(t, { today: TODAY }).nextDeadline) next++;
    return next;
  });
  engine.push(ms);
  found = n;
}
const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] as number;
console.log(
  `100,000 contracts (${found.toLocaleString('en')} with a next deadline), median CPU time of 31 rounds: ` +
    `engine ${median(engine).toFixed(1)} ms, spreadsheet baseline ${median(baseline).toFixed(1)} ms, ` +
    `${(median(engine) / median(baseline)).toFixed(1)}x`,
);
