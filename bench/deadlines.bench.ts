// The deadline engine over a whole country's contracts: 100,000 ContractTerms built with a seeded
// PRNG (fixed and continuous terms, durations, extension options, notice periods with "løbende" and
// "by end of" rules, irrevocable periods, some already terminated, some with unreadable options).
// Subject: `contractDeadlines(terms, { today })` for every contract (state, expiry, extensions,
// notice and decision days, next possible termination, tender start, next deadline).
// Baseline: what a spreadsheet does — the expiry minus the notice months with plain `addMonths`.
import { addMonths, type ContractTerms, contractDeadlines, type IsoDate } from '@os2kitos/core';
import { bench, describe } from 'vitest';
import { benchOptions } from './options.js';

const TODAY = '2025-06-15';
const COUNT = 100_000;
// One pass of the engine over 100,000 contracts takes seconds, so this bench caps its repetitions
// (tinybench's defaults would add 5 warm-up passes and the full run's 20 samples ≈ minutes).
const options = process.env.KITOS_BENCH_QUICK
  ? { ...benchOptions, iterations: 1, warmupTime: 0, warmupIterations: 0 }
  : { ...benchOptions, iterations: 5, warmupIterations: 1 };

/** mulberry32: a small seeded PRNG, so every run measures the same contracts. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20250615);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const chance = (p: number) => random() < p;
const pad = (n: number) => String(n).padStart(2, '0');
/** A day between 2015 and 2030 (days 1–28 plus month ends, so clamping is exercised). */
const day = (fromYear = 2015, years = 16): IsoDate => {
  const y = fromYear + Math.floor(random() * years);
  const m = 1 + Math.floor(random() * 12);
  const d = chance(0.15) ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 1 + Math.floor(random() * 28);
  return `${y}-${pad(m)}-${pad(d)}`;
};
const SEGMENTS = ['EndOfCalendarYear', 'EndOfQuarter', 'EndOfMonth'] as const;
const NOTICE_NAMES = ['0', '1', '3', '3', '6', '6', '12', '24', '3 måneder'];
const EXTENSION_NAMES = ['2 x 1 år', '1 x ½ år', '1 x 6 mdr', '3 x 12 måneder', 'Efter aftale'];

function terms(): ContractTerms {
  const isContinuous = chance(0.3);
  const validFrom = chance(0.95) ? day(2012, 14) : null;
  const durationYears = !isContinuous && chance(0.5) ? 1 + Math.floor(random() * 6) : null;
  const durationMonths = durationYears !== null && chance(0.2) ? Math.floor(random() * 12) : null;
  const validTo = !isContinuous && durationYears === null && chance(0.85) ? day() : null;
  const extensionOptionName = !isContinuous && chance(0.4) ? pick(EXTENSION_NAMES) : null;
  return {
    validFrom,
    validTo,
    durationYears,
    durationMonths,
    isContinuous,
    extensionOptionName,
    extensionOptionsUsed: extensionOptionName && chance(0.3) ? 1 : 0,
    irrevocableUntil: chance(0.15) ? day(2020, 10) : null,
    noticePeriodOptionName: chance(0.9) ? pick(NOTICE_NAMES) : null,
    noticePeriodExtendsCurrent: chance(0.3) ? pick(SEGMENTS) : null,
    noticeByEndOf: chance(0.4) ? pick(SEGMENTS) : null,
    terminatedAt: chance(0.05) ? day(2022, 4) : null,
  };
}

const contracts: ContractTerms[] = Array.from({ length: COUNT }, terms);
/** What the spreadsheet knows: an expiry and a notice period in months. */
const sheet = contracts.map((t) => ({
  expiry: t.validTo,
  months: /^\d+$/.test(t.noticePeriodOptionName ?? '') ? Number(t.noticePeriodOptionName) : 0,
}));

describe('deadline engine, 100,000 contracts', () => {
  bench(
    'baseline: spreadsheet arithmetic (expiry minus notice months, addMonths)',
    () => {
      let n = 0;
      for (const s of sheet) if (s.expiry !== null && addMonths(s.expiry, -s.months) >= TODAY) n++;
      return void n;
    },
    options,
  );
  bench(
    'core contractDeadlines (every deadline and the next one)',
    () => {
      let n = 0;
      for (const t of contracts) if (contractDeadlines(t, { today: TODAY }).nextDeadline) n++;
      return void n;
    },
    options,
  );
});
