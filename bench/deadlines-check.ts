// The deadline engine's output over a million computations, as one SHA-256: the bench's 100,000
// contracts for five days, each with both tender bases. Run it before and after a change to the
// engine; the hash must not move. Also times a plain loop over the bench's contracts outside vitest.
//   npx tsx --conditions development bench/deadlines-check.ts
import { createHash } from 'node:crypto';
import { contractDeadlines } from '@os2kitos/core';
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

const times: number[] = [];
for (let round = 0; round < 15; round++) {
  const start = performance.now();
  let n = 0;
  for (const t of contracts) if (contractDeadlines(t, { today: '2025-06-15' }).nextDeadline) n++;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`100,000 contracts, plain loop: median ${times[7]?.toFixed(1)} ms, min ${times[0]?.toFixed(1)} ms`);
