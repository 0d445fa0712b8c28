import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IsoDate, KitosValidationError, YearSegment, addDays, addMonths, daysBetween } from '../shared/index.js';
import {
  type ContractNoticeTerms,
  contractEarliestEndIfNoticeGivenOn,
  contractLatestNoticeDay,
  contractNoticeTerms,
} from './notice.rules.js';
import { type ContractTerms, emptyContractTerms } from './terms.rules.js';

const terms = (over: Partial<ContractNoticeTerms>): ContractNoticeTerms => ({
  months: 0,
  extendsCurrent: null,
  byEndOf: null,
  irrevocableUntil: null,
  ...over,
});
const end = (over: Partial<ContractNoticeTerms>, day: IsoDate) => contractEarliestEndIfNoticeGivenOn(terms(over), day);

describe('contractEarliestEndIfNoticeGivenOn', () => {
  it('3 months to the end of a quarter, given 2025-02-10, ends 2025-06-30', () => {
    expect(end({ months: 3, byEndOf: 'EndOfQuarter' }, '2025-02-10')).toBe('2025-06-30');
  });
  it('adds plain months and clamps 31 January to the end of February', () => {
    expect(end({ months: 3 }, '2025-02-10')).toBe('2025-05-10');
    expect(end({ months: 1 }, '2025-01-31')).toBe('2025-02-28');
    expect(end({ months: 1 }, '2024-01-31')).toBe('2024-02-29');
    expect(end({ months: 12 }, '2024-02-29')).toBe('2025-02-28');
  });
  it('ends on the notice day itself with 0 months', () => {
    expect(end({}, '2025-02-10')).toBe('2025-02-10');
  });
  it('counts "løbende" from the end of the current month, quarter or year', () => {
    expect(end({ months: 3, extendsCurrent: 'EndOfMonth' }, '2025-02-10')).toBe('2025-05-31');
    expect(end({ months: 3, extendsCurrent: 'EndOfMonth' }, '2025-02-28')).toBe('2025-05-31');
    expect(end({ months: 3, extendsCurrent: 'EndOfQuarter' }, '2025-08-01')).toBe('2025-12-31');
    expect(end({ months: 1, extendsCurrent: 'EndOfMonth' }, '2024-01-15')).toBe('2024-02-29');
    expect(end({ months: 6, extendsCurrent: 'EndOfCalendarYear' }, '2025-03-01')).toBe('2026-06-30');
  });
  it('moves the end to the end of the year, and keeps an end already on a period end', () => {
    expect(end({ months: 6, byEndOf: 'EndOfCalendarYear' }, '2025-03-01')).toBe('2025-12-31');
    expect(end({ months: 3, byEndOf: 'EndOfQuarter' }, '2025-03-31')).toBe('2025-06-30');
    expect(end({ months: 1, byEndOf: 'EndOfMonth' }, '2025-04-01')).toBe('2025-05-31');
  });
  it('waits for an irrevocable date later than the notice end, then applies the period end', () => {
    const irrevocable = { months: 6, byEndOf: 'EndOfCalendarYear', irrevocableUntil: '2026-12-31' } as const;
    expect(end(irrevocable, '2025-03-01')).toBe('2026-12-31');
    expect(end({ months: 3, byEndOf: 'EndOfQuarter', irrevocableUntil: '2026-01-15' }, '2025-02-10')).toBe(
      '2026-03-31',
    );
    expect(end({ months: 3, irrevocableUntil: '2026-01-15' }, '2025-02-10')).toBe('2026-01-15');
  });
  it('ignores an irrevocable date that has passed by the notice end', () => {
    expect(end({ months: 3, irrevocableUntil: '2025-04-30' }, '2025-02-10')).toBe('2025-05-10');
  });
  it('rejects a notice day that is not a date', () => {
    expect(() => end({ months: 3 }, '10-02-2025')).toThrow(KitosValidationError);
  });
});

describe('contractLatestNoticeDay', () => {
  it('gives 2025-03-31 to be out by 2025-06-30 with 3 months to the end of a quarter', () => {
    const t = terms({ months: 3, byEndOf: 'EndOfQuarter' });
    expect(contractLatestNoticeDay(t, '2025-06-30')).toBe('2025-03-31');
    expect(contractEarliestEndIfNoticeGivenOn(t, '2025-04-01')).toBe('2025-09-30');
  });
  it('gives 31 January to be out by 28 February with 1 month (month-end clamping)', () => {
    expect(contractLatestNoticeDay(terms({ months: 1 }), '2025-02-28')).toBe('2025-01-31');
    expect(contractLatestNoticeDay(terms({ months: 1 }), '2024-02-29')).toBe('2024-01-31');
    expect(contractLatestNoticeDay(terms({ months: 1 }), '2024-02-28')).toBe('2024-01-28');
  });
  it('gives the target itself with 0 months and no period rule', () => {
    expect(contractLatestNoticeDay(terms({}), '2025-06-15')).toBe('2025-06-15');
  });
  it('returns null when the contract is irrevocable until after the target', () => {
    const t = terms({ months: 3, irrevocableUntil: '2026-12-31' });
    expect(contractLatestNoticeDay(t, '2026-06-30')).toBeNull();
    expect(contractLatestNoticeDay(t, '2026-12-31')).toBe('2026-09-30');
  });
  it('handles "løbende måned" and a target that is not a possible end', () => {
    const t = terms({ months: 3, extendsCurrent: 'EndOfMonth' });
    expect(contractLatestNoticeDay(t, '2025-05-31')).toBe('2025-02-28');
    expect(contractLatestNoticeDay(t, '2025-06-15')).toBe('2025-02-28');
  });
});

describe('notice arithmetic properties (checked day by day)', () => {
  const segments = [null, ...YearSegment.values];
  const configs: ContractNoticeTerms[] = [];
  for (const months of [0, 1, 3, 12]) {
    for (const extendsCurrent of segments) {
      for (const byEndOf of segments) {
        for (const irrevocableUntil of [null, '2026-07-15'])
          configs.push({ months, extendsCurrent, byEndOf, irrevocableUntil });
      }
    }
  }
  const first = '2020-01-01';
  const days = Array.from({ length: daysBetween(first, '2028-12-31') + 1 }, (_, i) => addDays(first, i));

  // One assertion per property (not per day) keeps the exhaustive check fast.
  it('never ends before the notice day, and a later notice day never ends earlier', () => {
    const failures: string[] = [];
    for (const t of configs) {
      let previous = '';
      for (const day of days) {
        const e = contractEarliestEndIfNoticeGivenOn(t, day);
        if (e < day || e < previous) failures.push(`${JSON.stringify(t)} on ${day} → ${e}`);
        previous = e;
      }
    }
    expect(failures).toEqual([]);
  });
  it('agrees with a brute-force search for the latest notice day', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const t of configs) {
      const ends = days.map((day) => contractEarliestEndIfNoticeGivenOn(t, day));
      for (let i = daysBetween(first, '2024-01-01'); i < days.length - 700; i += 23) {
        const target = days[i] as IsoDate;
        let expected: IsoDate | null = null;
        ends.forEach((e, j) => {
          if (e <= target) expected = days[j] as IsoDate;
        });
        const actual = contractLatestNoticeDay(t, target);
        if (actual !== expected) failures.push(`${JSON.stringify(t)} → ${target}: ${actual} ≠ ${expected}`);
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });
});

describe('contractNoticeTerms', () => {
  const NO_TERMS: ContractTerms = emptyContractTerms();
  it('reads the option name strictly and counts a missing option as 0 months', () => {
    const withName = (name: string | null) => contractNoticeTerms({ ...NO_TERMS, noticePeriodOptionName: name });
    expect(withName('3')).toMatchObject({ ok: true, value: { months: 3 } });
    expect(withName(null)).toMatchObject({ ok: true, value: { months: 0 } });
    expect(withName('3 måneder')).toMatchObject({ ok: false, violations: [{ code: 'not-a-number' }] });
  });
});

describe('contractLatestNoticeDay in closed form agrees with a search of the end date', () => {
  /** The reference: the latest day whose notice ends by `target`, found by binary search. */
  function searched(t: ContractNoticeTerms, target: string): string | null {
    const endsInTime = (day: string) => contractEarliestEndIfNoticeGivenOn(t, day) <= target;
    const first = addMonths(target, -(t.months + 26));
    if (!endsInTime(first)) return null;
    let low = 0;
    let high = daysBetween(first, target);
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (endsInTime(addDays(first, mid))) low = mid;
      else high = mid - 1;
    }
    return addDays(first, low);
  }
  const SEGMENTS = [null, 'EndOfMonth', 'EndOfQuarter', 'EndOfCalendarYear'] as const;
  const MONTHS = [0, 1, 2, 3, 6, 12, 24, 36];
  const combos = MONTHS.flatMap((months) =>
    SEGMENTS.flatMap((extendsCurrent) => SEGMENTS.map((byEndOf) => ({ months, extendsCurrent, byEndOf }))),
  );
  const days = Array.from({ length: 3_300 }, (_, i) => addDays('2016-01-01', i));

  it('on every one of 3,300 days for 128 combinations of terms', () => {
    expect(combos).toHaveLength(128);
    let checked = 0;
    for (const c of combos) {
      const t: ContractNoticeTerms = { ...c, irrevocableUntil: null };
      for (const day of days) {
        const closed = contractLatestNoticeDay(t, day);
        if (closed !== searched(t, day))
          expect({ terms: t, target: day, closed }).toEqual({ terms: t, target: day, closed: searched(t, day) });
        checked++;
      }
    }
    expect(checked).toBe(422_400);
  });

  it('with irrevocable dates before, on and after the target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...combos),
        fc.integer({ min: 0, max: 3_299 }),
        fc.integer({ min: -800, max: 800 }),
        (c, i, offset) => {
          const target = days[i] as string;
          const t: ContractNoticeTerms = { ...c, irrevocableUntil: addDays(target, offset) };
          expect(contractLatestNoticeDay(t, target)).toBe(searched(t, target));
        },
      ),
      { numRuns: 20_000, seed: 20261206 },
    );
  });
});
