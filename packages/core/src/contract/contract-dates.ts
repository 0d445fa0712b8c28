/**
 * Date helpers private to the contract module (not re-exported): month arithmetic that stays
 * inside the supported calendar range, period ends by {@link YearSegment}, and input guards that
 * turn a bad `today` into a {@link KitosValidationError} instead of a bare RangeError.
 *
 * @module
 */
import {
  type IsoDate,
  KitosValidationError,
  type YearSegment,
  addDays,
  addMonths,
  dateParts,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  isIsoDate,
} from '../shared/index.js';

/** Earliest and latest dates the library can write (`isIsoDate` accepts years 1000–9999). */
const FIRST_DATE = '1000-01-01';
const LAST_DATE = '9999-12-31';

/**
 * `addMonths` (clamping to month end), but a result outside years 1000–9999 is pinned to the
 * first or last representable day instead of throwing. Notice periods come from option names, so
 * absurd values ("999999999") must not crash a whole overview.
 */
export function addMonthsWithinRange(date: IsoDate, months: number): IsoDate {
  const { year, month } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  if (index < 1000 * 12) return FIRST_DATE;
  if (index > 9999 * 12 + 11) return LAST_DATE;
  return addMonths(date, months);
}

/** The next day, staying on the last representable day instead of leaving the calendar. */
export function nextDayWithinRange(date: IsoDate): IsoDate {
  return date >= LAST_DATE ? LAST_DATE : addDays(date, 1);
}

/** Last day of the month, quarter or calendar year that contains `date`. */
export function endOfYearSegment(date: IsoDate, segment: YearSegment): IsoDate {
  switch (segment) {
    case 'EndOfMonth':
      return endOfMonth(date);
    case 'EndOfQuarter':
      return endOfQuarter(date);
    case 'EndOfCalendarYear':
      return endOfYear(date);
  }
}

/** Throws a {@link KitosValidationError} unless `value` is a real `YYYY-MM-DD` date. */
export function assertContractDate(value: unknown, name: string): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new KitosValidationError('contract', [
      { path: [name], code: 'invalid-date', message: `${name} must be a real calendar date written YYYY-MM-DD` },
    ]);
  }
}

/** Throws a {@link KitosValidationError} unless `value` is a whole number within `[min, max]`. */
export function assertContractInteger(value: unknown, name: string, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new KitosValidationError('contract', [
      { path: [name], code: 'invalid-number', message: `${name} must be a whole number from ${min} to ${max}` },
    ]);
  }
}
