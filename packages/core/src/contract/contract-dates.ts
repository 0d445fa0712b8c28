/**
 * Date helpers private to the contract module (not re-exported): month arithmetic that stays
 * inside the supported calendar range, period ends by {@link YearSegment}, and input guards that
 * turn a bad `today` into a {@link KitosValidationError} instead of a bare RangeError.
 *
 * @module
 */
import { type IsoDate, KitosValidationError, type RuleResult, type YearSegment, isIsoDate } from '../shared/index.js';
import {
  type Ymd,
  addMonthsWithin,
  daysInMonth,
  isoOf,
  monthEndOf,
  monthOf,
  nextDayWithin,
  yearOf,
  ymdOf,
} from '../shared/ymd.js';

/**
 * `addMonths` (clamping to month end), but a result outside years 1000–9999 is pinned to the
 * first or last representable day instead of throwing. Notice periods come from option names, so
 * absurd values ("999999999") must not crash a whole overview.
 */
export function addMonthsWithinRange(date: IsoDate, months: number): IsoDate {
  return isoOf(addMonthsWithin(ymdOf(date), months));
}

/** The next day, staying on the last representable day instead of leaving the calendar. */
export function nextDayWithinRange(date: IsoDate): IsoDate {
  return isoOf(nextDayWithin(ymdOf(date)));
}

/** Last day of the month, quarter or calendar year that contains `date`. */
export function endOfYearSegment(date: IsoDate, segment: YearSegment): IsoDate {
  return isoOf(segmentEndOf(ymdOf(date), segment));
}

/** Last day of the month, quarter or calendar year that contains the packed day. */
export function segmentEndOf(day: Ymd, segment: YearSegment): Ymd {
  if (segment === 'EndOfMonth') return monthEndOf(day);
  const year = yearOf(day);
  if (segment === 'EndOfCalendarYear') return year * 10000 + 1231;
  const last = Math.ceil(monthOf(day) / 3) * 3;
  return year * 10000 + last * 100 + daysInMonth(year, last);
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

/** How many option-name readings {@link readOnce} keeps before it starts over. */
const READINGS_KEPT = 1024;

/**
 * The reading of an option name, computed once per name and kept frozen (a caller that tried to
 * change a shared reading would get a TypeError instead of corrupting the next contract's).
 * Bounded: a long tail of unusual names starts the map over rather than growing it.
 */
export function readOnce<T>(readings: Map<string, RuleResult<T>>, name: string, read: (name: string) => RuleResult<T>) {
  let reading = readings.get(name);
  if (reading === undefined) {
    reading = deepFreeze(read(name));
    if (readings.size >= READINGS_KEPT) readings.clear();
    readings.set(name, reading);
  }
  return reading;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
