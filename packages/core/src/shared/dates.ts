/**
 * Calendar dates without a time of day, as ISO strings `YYYY-MM-DD`.
 *
 * Why strings: KITOS stores contract and usage dates as dates (no time), and every rule compares
 * whole days. A `YYYY-MM-DD` string compares correctly with `<`, survives JSON and SQL unchanged
 * and has no time zone to get wrong. All arithmetic here is on the proleptic Gregorian calendar in
 * UTC, so the result never depends on the machine's time zone.
 *
 * @module
 */

/** A calendar date as `YYYY-MM-DD`. Use {@link isIsoDate} or `IsoDateSchema` to check a string. */
export type IsoDate = string;

import { dayNumber, daysInMonth } from './ymd.js';

export { daysInMonth } from './ymd.js';

/** True when `date` has the shape `DDDD-DD-DD` (digits and two dashes), checked char by char. */
function hasIsoShape(date: string): boolean {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = date.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The number a run of digits spells (the shape was checked). */
function digits(date: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (date.charCodeAt(i) - 48);
  return n;
}

/** The ISO date of a day number (the inverse of {@link dayNumber}). */
function fromDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return format(year, month, day);
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * True when `value` is a real calendar date written `YYYY-MM-DD` (strict: no time part, no
 * `2025-02-30`, years 1000–9999).
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true (leap year)
 * isIsoDate('2025-02-29'); // false
 * isIsoDate('2025-1-5');   // false
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !hasIsoShape(value)) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a valid ISO date into numbers. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  if (typeof date !== 'string' || !hasIsoShape(date))
    throw new RangeError(`[kitos] [core] not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { year: digits(date, 0, 4), month: digits(date, 5, 7), day: digits(date, 8, 10) };
}

/** Builds an ISO date from numbers; the day must exist in that month. */
export function makeDate(year: number, month: number, day: number): IsoDate {
  const s = format(year, month, day);
  const exists =
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!exists) throw new RangeError(`[kitos] [core] no such date: ${s}`);
  return s;
}

/**
 * The calendar date of an instant, in UTC (`'utc'`, the default) or in a named time zone such as
 * `'Europe/Copenhagen'`.
 *
 * @example
 * ```ts
 * toIsoDate(new Date('2025-12-31T23:30:00Z'));                      // '2025-12-31'
 * toIsoDate(new Date('2025-12-31T23:30:00Z'), 'Europe/Copenhagen'); // '2026-01-01'
 * ```
 */
export function toIsoDate(instant: Date, timeZone = 'UTC'): IsoDate {
  if (timeZone === 'UTC' || timeZone === 'utc') return instant.toISOString().slice(0, 10);
  // Building a formatter costs far more than formatting: one per time zone, kept.
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Compares two dates: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * Adds (or with a negative number subtracts) whole days.
 *
 * @example
 * ```ts
 * addDays('2024-02-28', 1); // '2024-02-29'
 * addDays('2025-03-01', -1); // '2025-02-28'
 * ```
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = dateParts(date);
  return fromDayNumber(dayNumber(year, month, day) + days);
}

/**
 * Adds whole months, clamping to the last day of the target month when the day does not exist
 * there (the usual rule in Danish contracts and in `date-fns`).
 *
 * @example
 * ```ts
 * addMonths('2025-01-31', 1);  // '2025-02-28'
 * addMonths('2024-01-31', 1);  // '2024-02-29' (leap year)
 * addMonths('2025-03-31', -1); // '2025-02-28'
 * addMonths('2025-05-15', 12); // '2026-05-15'
 * ```
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`[kitos] [core] months must be a whole number: ${months}`);
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return makeDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Adds whole years; 29 February clamps to 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return makeDate(year, month, daysInMonth(year, month));
}

/** Last day of the date's calendar quarter (31 March, 30 June, 30 September, 31 December). */
export function endOfQuarter(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  const last = Math.ceil(month / 3) * 3;
  return makeDate(year, last, daysInMonth(year, last));
}

/** 31 December of the date's year. */
export function endOfYear(date: IsoDate): IsoDate {
  return makeDate(dateParts(date).year, 12, 31);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  return dayNumber(b.year, b.month, b.day) - dayNumber(a.year, a.month, a.day);
}
