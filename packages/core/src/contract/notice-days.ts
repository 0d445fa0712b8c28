/**
 * The notice arithmetic of `notice.rules` on packed days ({@link Ymd}), the one implementation the
 * public string functions and the deadline engine share. Internal to the contract module.
 *
 * @module
 */
import type { YearSegment } from '../shared/index.js';
import { type Ymd, addMonthsWithin, dayOf, monthEndOf, monthIndexOf, ymdInMonth, ymdOf } from '../shared/ymd.js';
import { segmentEndOf } from './contract-dates.js';
import type { ContractNoticeTerms } from './notice.rules.js';

/**
 * {@link contractEarliestEndIfNoticeGivenOn} on packed days (the terms are checked by the caller).
 * `irrevocable` is `terms.irrevocableUntil` packed, for a caller that already has it.
 */
export function earliestEndOn(
  terms: ContractNoticeTerms,
  day: Ymd,
  irrevocable: Ymd | null = irrevocableOf(terms),
): Ymd {
  let end = terms.extendsCurrent
    ? monthEndOf(addMonthsWithin(segmentEndOf(day, terms.extendsCurrent), terms.months))
    : addMonthsWithin(day, terms.months);
  if (irrevocable !== null && end < irrevocable) end = irrevocable;
  return terms.byEndOf ? segmentEndOf(end, terms.byEndOf) : end;
}

/** {@link contractLatestNoticeDay} on packed days (the terms are checked by the caller; `irrevocable` as above). */
export function latestNoticeDayFor(
  terms: ContractNoticeTerms,
  target: Ymd,
  irrevocable: Ymd | null = irrevocableOf(terms),
): Ymd | null {
  // The latest day the notice may end on: the target, or with "by the end of" the last end of such
  // a period on or before it (an end that must fall on a period end cannot fall between two).
  const limit = terms.byEndOf ? lastPeriodEndOnOrBefore(target, terms.byEndOf) : target;
  if (irrevocable !== null && irrevocable > limit) return null;
  const limitIndex = monthIndexOf(limit);
  const limitIsMonthEnd = limit === monthEndOf(limit);
  if (terms.extendsCurrent) {
    // Notice counts from the end of the current period, and the end is a month end: the last
    // period end whose month lies `months` whole months before the last whole month of the limit.
    const lastWholeMonth = (limitIsMonthEnd ? limitIndex : limitIndex - 1) - terms.months;
    return ymdInMonth(lastWholeMonth - monthsPastPeriodEnd(lastWholeMonth, terms.extendsCurrent), 31);
  }
  // Plain months (with the month-end clamp of addMonths): the same day `months` months earlier; when
  // the limit is a month end, every later day of that month clamps onto it too.
  return ymdInMonth(limitIndex - terms.months, limitIsMonthEnd ? 31 : dayOf(limit));
}

/** The packed `irrevocableUntil` of notice terms, or `null`. */
export function irrevocableOf(terms: ContractNoticeTerms): Ymd | null {
  return terms.irrevocableUntil === null ? null : ymdOf(terms.irrevocableUntil);
}

/** How many months the month with index `index` lies after the last period end on or before it. */
function monthsPastPeriodEnd(index: number, segment: YearSegment): number {
  const month = (((index % 12) + 12) % 12) + 1;
  if (segment === 'EndOfMonth') return 0;
  return segment === 'EndOfQuarter' ? month % 3 : month % 12;
}

/** The last end of a month, quarter or year on or before `day`. */
function lastPeriodEndOnOrBefore(day: Ymd, segment: YearSegment): Ymd {
  if (segmentEndOf(day, segment) === day) return day;
  const previousMonth = monthIndexOf(day) - 1;
  return ymdInMonth(previousMonth - monthsPastPeriodEnd(previousMonth, segment), 31);
}
