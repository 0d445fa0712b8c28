import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  isIsoDate,
  toIsoDate,
} from './dates.js';

describe('isIsoDate', () => {
  it('accepts a leap day in a leap year and rejects it in a common year', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
  it('rejects loose formats, times and non-strings', () => {
    for (const v of ['2025-1-05', '2025-01-05T00:00:00Z', ' 2025-01-05', '05-01-2025', '', 20250105, null]) {
      expect(isIsoDate(v)).toBe(false);
    }
  });
});

describe('addMonths', () => {
  it('clamps 31 January + 1 month to the last day of February', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
  it('goes backwards across a year boundary', () => {
    expect(addMonths('2025-01-15', -2)).toBe('2024-11-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });
  it('rejects fractional months', () => {
    expect(() => addMonths('2025-01-15', 1.5)).toThrow(RangeError);
  });
});

describe('period ends and day arithmetic', () => {
  it('finds month, quarter and year ends', () => {
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfQuarter('2025-05-02')).toBe('2025-06-30');
    expect(endOfQuarter('2025-12-01')).toBe('2025-12-31');
    expect(endOfYear('2025-05-02')).toBe('2025-12-31');
  });
  it('adds days across month ends and counts days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
  it('takes the calendar date in a named time zone', () => {
    const late = new Date('2025-12-31T23:30:00Z');
    expect(toIsoDate(late)).toBe('2025-12-31');
    expect(toIsoDate(late, 'Europe/Copenhagen')).toBe('2026-01-01');
  });
});

describe('IsoDateSchema', () => {
  it('reports an impossible date with the stable code invalid-date', async () => {
    const { safeParse, IsoDateSchema } = await import('./schema.js');
    const r = safeParse(IsoDateSchema, '2025-02-30', 'core');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]?.code).toBe('invalid-date');
  });
});

describe('numeric day arithmetic agrees with the platform calendar', () => {
  // The reference: JavaScript's own proleptic Gregorian calendar in UTC.
  const viaDate = (date: string, days: number) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  };
  const someDay = fc
    .integer({ min: Date.UTC(1600, 0, 1) / 86_400_000, max: Date.UTC(9000, 0, 1) / 86_400_000 })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

  it('addDays and daysBetween, forwards and back, across leap days and centuries', () => {
    fc.assert(
      fc.property(someDay, fc.integer({ min: -200_000, max: 200_000 }), (date, days) => {
        const later = addDays(date, days);
        expect(later).toBe(viaDate(date, days));
        expect(daysBetween(date, later)).toBe(days);
      }),
      { numRuns: 5_000, seed: 20261206 },
    );
  });

  it('isIsoDate knows every month length, 1900 and 2100 not being leap years and 2000 being one', () => {
    for (const [date, ok] of [
      ['1900-02-29', false],
      ['2000-02-29', true],
      ['2100-02-29', false],
      ['2024-04-31', false],
      ['2024-12-31', true],
      ['2024-00-10', false],
      ['0999-01-01', false],
      ['2024-1a-01', false],
    ] as const)
      expect(isIsoDate(date), date).toBe(ok);
  });
});
