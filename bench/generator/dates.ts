/**
 * Fast calendar arithmetic on `YYYY-MM-DD` strings for the generator's hot loops. The results are
 * the same as the core's `addDays`/`addMonths`/`daysBetween` (the test compares them), but work on
 * day numbers instead of `Date` objects and regular expressions, which matters at scale 100
 * (millions of calls). Only for valid dates in years 1000–9999.
 *
 * @module
 */
import type { IsoDate } from '@os2kitos/core';

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day number of an ISO date. */
export function dayNumber(date: IsoDate): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The ISO date of a day number (Howard Hinnant's `civil_from_days`). */
export function isoOfDay(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${PAD2[month]}-${PAD2[day]}`;
}

/** `date` plus `days` (negative to go back). */
export function plusDays(date: IsoDate, days: number): IsoDate {
  return isoOfDay(dayNumber(date) + days);
}

/** Whole days from `from` to `to`. */
export function dayDiff(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

function monthLength(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `date` plus whole `months`, clamped to the last day of the target month. */
export function plusMonths(date: IsoDate, months: number): IsoDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), monthLength(year, month));
  return `${year}-${PAD2[month]}-${PAD2[day]}`;
}
