import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, endOfMonth, isIsoDate } from './dates.js';
import {
  FIRST_YMD,
  LAST_YMD,
  addMonthsWithin,
  dayNumberOf,
  isoOf,
  monthEndOf,
  nextDayWithin,
  previousDay,
  ymdOf,
} from './ymd.js';

/** Any real calendar day of years 1011–9988 (so ten years either way stay in range). */
const anyDay = fc
  .record({
    year: fc.integer({ min: 1011, max: 9988 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
  .filter(isIsoDate);

describe('packed days agree with the ISO string functions', () => {
  it('round-trips and orders like the string', () => {
    fc.assert(
      fc.property(anyDay, anyDay, (a, b) => {
        expect(isoOf(ymdOf(a))).toBe(a);
        expect(Math.sign(ymdOf(a) - ymdOf(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
  it('adds months with the month-end clamp, steps days and finds month ends like addMonths/addDays/endOfMonth', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -120, max: 120 }), (day, months) => {
        const p = ymdOf(day);
        expect(isoOf(addMonthsWithin(p, months))).toBe(addMonths(day, months));
        expect(isoOf(nextDayWithin(p))).toBe(addDays(day, 1));
        expect(isoOf(previousDay(p))).toBe(addDays(day, -1));
        expect(isoOf(monthEndOf(p))).toBe(endOfMonth(day));
        expect(dayNumberOf(p) - dayNumberOf(ymdOf('1970-01-01'))).toBe(daysBetween('1970-01-01', day));
      }),
    );
  });
  it('pins month arithmetic and the next day to the representable range', () => {
    expect(addMonthsWithin(ymdOf('1000-03-15'), -3)).toBe(FIRST_YMD);
    expect(addMonthsWithin(ymdOf('9999-10-31'), 3)).toBe(LAST_YMD);
    expect(nextDayWithin(LAST_YMD)).toBe(LAST_YMD);
    expect(isoOf(addMonthsWithin(ymdOf('2024-01-31'), 1))).toBe('2024-02-29');
  });
  it('refuses a string that is not shaped like an ISO date', () => {
    for (const bad of ['2025-1-05', '2025/01/05', '20250105xx', '2025-0a-05', ''])
      expect(() => ymdOf(bad)).toThrow(RangeError);
  });
});
