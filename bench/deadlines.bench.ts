// The deadline engine over a whole country's contracts: 100,000 ContractTerms built with a seeded
// PRNG (fixed and continuous terms, durations, extension options, notice periods with "løbende" and
// "by end of" rules, irrevocable periods, some already terminated, some with unreadable options).
// Subject: `contractDeadlines(terms, { today })` for every contract (state, expiry, extensions,
// notice and decision days, next possible termination, tender start, next deadline).
// Baseline: what a spreadsheet does — the expiry minus the notice months with plain `addMonths`.
// Both loops go over the same 100,000 contracts (the baseline reads each one's expiry and notice
// months, taken from those terms once before timing), with the same options, and each adds its
// count to a module-level sink, so neither loop's work can be optimised away. The modules
// are loaded natively, not through Vite's module runner (see vitest.bench.config.ts).
import { addMonths, type ContractTerms, contractDeadlines } from '@os2kitos/core';
import { bench, describe } from 'vitest';
import { deadlineBenchTerms } from './deadline-terms.js';
import { benchOptions } from './options.js';

const TODAY = '2025-06-15';
const COUNT = 100_000;
// One pass of the engine over 100,000 contracts takes seconds, so this bench caps its repetitions
// (tinybench's defaults would add 5 warm-up passes and the full run's 20 samples ≈ minutes).
const options = process.env.KITOS_BENCH_QUICK
  ? { ...benchOptions, iterations: 1, warmupTime: 0, warmupIterations: 0 }
  : { ...benchOptions, iterations: 5, warmupIterations: 1 };

const contracts: ContractTerms[] = deadlineBenchTerms(COUNT);
/** What the spreadsheet knows: an expiry and a notice period in months. */
const sheet = contracts.map((t) => ({
  expiry: t.validTo,
  months: /^\d+$/.test(t.noticePeriodOptionName ?? '') ? Number(t.noticePeriodOptionName) : 0,
}));
/** What each loop found, summed over its runs (a sink: the loops' results stay observable). */
const sink = { baseline: 0, engine: 0 };

describe('deadline engine, 100,000 contracts', () => {
  bench(
    'baseline: spreadsheet arithmetic (expiry minus notice months, addMonths)',
    () => {
      let n = 0;
      for (const s of sheet) if (s.expiry !== null && addMonths(s.expiry, -s.months) >= TODAY) n++;
      sink.baseline += n;
    },
    options,
  );
  bench(
    'core contractDeadlines (every deadline and the next one)',
    () => {
      let n = 0;
      for (const t of contracts) if (contractDeadlines(t, { today: TODAY }).nextDeadline) n++;
      sink.engine += n;
    },
    options,
  );
});
