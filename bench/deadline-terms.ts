// The contract terms of the deadline-engine bench and of its output check (`deadlines-check.ts`):
// ContractTerms built with a seeded PRNG (fixed and continuous terms, durations, extension options,
// notice periods with "løbende" and "by end of" rules, irrevocable periods, some already terminated,
// some with unreadable options), the same contracts on every run.
import type { ContractTerms, IsoDate } from '@os2kitos/core';

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

let random = prng(20250615);
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

/** `count` contracts' terms, the same on every call. */
export function deadlineBenchTerms(count: number): ContractTerms[] {
  random = prng(20250615);
  return Array.from({ length: count }, terms);
}
