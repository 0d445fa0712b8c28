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
  it('formats every day the same whether or not its string is kept (years 1900–2155 are kept)', () => {
    for (const [from, to] of [
      ['1899-12-01', '1900-02-01'],
      ['2024-01-01', '2025-12-31'],
      ['2155-11-01', '2156-02-01'],
    ] as const) {
      for (let day: string = from; day <= to; day = addDays(day, 1)) {
        expect(isoOf(ymdOf(day))).toBe(day);
        expect(isoOf(ymdOf(day))).toBe(day);
      }
    }
    // A shape-only reading of a day that does not exist keeps its text and takes no real day's slot.
    expect(isoOf(ymdOf('2025-13-45'))).toBe('2025-13-45');
    expect(isoOf(ymdOf('2026-02-13'))).toBe('2026-02-13');
    expect(isoOf(ymdOf('2025-00-00'))).toBe('2025-00-00');
  });
  it('refuses a string that is not shaped like an ISO date', () => {
    for (const bad of ['2025-1-05', '2025/01/05', '20250105xx', '2025-0a-05', ''])
      expect(() => ymdOf(bad)).toThrow(RangeError);
  });
});
