/**
 * Whole-day arithmetic on numbers, for hot loops such as the deadline engine over a country's
 * contracts. A day is packed as the number `yyyymmdd` ({@link Ymd}: 2025-06-30 is 20250630), which
 * orders like the ISO string it stands for, so comparisons stay `<` and `===`; only the days that
 * leave the engine are formatted as strings. Internal to the core: the public date functions take
 * and return ISO strings.
 *
 * @module
 */

/** A calendar day packed as `yyyymmdd`. */
export type Ymd = number;

/** First and last days the library can write (ISO dates have four-digit years). */
export const FIRST_YMD: Ymd = 10000101;
export const LAST_YMD: Ymd = 99991231;

/** Days in `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`): whole-day
 * arithmetic without `Date` objects or string round trips.
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The packed day of an ISO date. Checks the shape (digits and two dashes) and throws a RangeError
 * otherwise; the calendar validity of the day is the caller's to check (`isIsoDate`).
 */
export function ymdOf(date: string): Ymd {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    throw new RangeError(`[kitos] [core] not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) throw new RangeError(`[kitos] [core] not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
    n = n * 10 + c;
  }
  return n;
}

/**
 * The ISO string of a packed day. The strings of years 1900–2155
 * are kept in a table with one slot per day (year, month and day give the slot, so two days never
 * share one): a country's contracts share a few thousand distinct days, so the engine hands out
 * the same strings instead of making new ones for every contract. Days outside those years are
 * formatted on every call.
 */
export function isoOf(day: Ymd): string {
  const year = (day / 10000) | 0;
  const monthDay = day - year * 10000;
  const month = (monthDay / 100) | 0;
  const dayOfMonth = monthDay - month * 100;
  // ymdOf checks only the shape: a month or day out of range is formatted, never given a slot.
  if (year < ISO_FIRST_YEAR || year > ISO_LAST_YEAR || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31)
    return formatYmd(day);
  const slot = (year - ISO_FIRST_YEAR) * 384 + (month - 1) * 32 + dayOfMonth;
  const known = isoTexts[slot] as string;
  if (known !== '') return known;
  const text = formatYmd(day);
  isoTexts[slot] = text;
  return text;
}
/** The years whose ISO strings {@link isoOf} keeps: 384 slots a year (12 months of 32 days), 98,304 in all. */
const ISO_FIRST_YEAR = 1900;
const ISO_LAST_YEAR = 2155;
/** The formatted day in each slot ('' while not yet formatted). */
const isoTexts: string[] = new Array<string>((ISO_LAST_YEAR - ISO_FIRST_YEAR + 1) * 384).fill('');

/** `yyyymmdd` written `yyyy-mm-dd` (years 1000–9999). */
function formatYmd(day: Ymd): string {
  const s = String(day);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

export const yearOf = (day: Ymd): number => Math.floor(day / 10000);
export const monthOf = (day: Ymd): number => Math.floor(day / 100) % 100;
export const dayOf = (day: Ymd): number => day % 100;

/** `year * 12 + month - 1`: months as one running number. */
export const monthIndexOf = (day: Ymd): number => Math.floor(day / 10000) * 12 + (Math.floor(day / 100) % 100) - 1;

/** The day `day` of the month with running number `index`, clamped to that month's last day. */
export function ymdInMonth(index: number, day: number): Ymd {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = daysInMonth(year, month);
  return year * 10000 + month * 100 + Math.min(day, last);
}

/** Days from 1970-01-01. */
export const dayNumberOf = (day: Ymd): number => dayNumber(yearOf(day), monthOf(day), dayOf(day));

/** The last day of the month of `day`. */
export function monthEndOf(day: Ymd): Ymd {
  const year = yearOf(day);
  const month = monthOf(day);
  return year * 10000 + month * 100 + daysInMonth(year, month);
}

/** The day before (years 1000–9999). */
export function previousDay(day: Ymd): Ymd {
  if (dayOf(day) > 1) return day - 1;
  const year = yearOf(day);
  const month = monthOf(day);
  if (month > 1) return year * 10000 + (month - 1) * 100 + daysInMonth(year, month - 1);
  return (year - 1) * 10000 + 1231;
}

/** The day after, staying on {@link LAST_YMD} instead of leaving the calendar. */
export function nextDayWithin(day: Ymd): Ymd {
  if (day >= LAST_YMD) return LAST_YMD;
  const year = yearOf(day);
  const month = monthOf(day);
  if (dayOf(day) < daysInMonth(year, month)) return day + 1;
  return month < 12 ? year * 10000 + (month + 1) * 100 + 1 : (year + 1) * 10000 + 101;
}

/**
 * Whole months added (or subtracted), clamped to the target month's last day; a result outside
 * years 1000–9999 is pinned to the first or last representable day instead of throwing.
 */
export function addMonthsWithin(day: Ymd, months: number): Ymd {
  const index = monthIndexOf(day) + months;
  if (index < 1000 * 12) return FIRST_YMD;
  if (index > 9999 * 12 + 11) return LAST_YMD;
  return ymdInMonth(index, dayOf(day));
}
