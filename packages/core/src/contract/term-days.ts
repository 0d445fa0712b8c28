/**
 * The term arithmetic of `terms.rules` on packed days ({@link Ymd}), the one implementation the
 * public string functions and the deadline engine share. Internal to the contract module.
 *
 * @module
 */
import type { RuleResult } from '../shared/index.js';
import { type Ymd, addMonthsWithin, dayOf, nextDayWithin, previousDay, ymdOf } from '../shared/ymd.js';
import type { ContractExpirySource, ContractExtensionOption, ContractTerms } from './terms.rules.js';

/** The last day of a term of `months` months from `start` (the anniversary convention of `terms.rules`). */
export function periodEndOf(start: Ymd, months: number): Ymd {
  const anniversary = addMonthsWithin(start, months);
  // A clamped anniversary (day smaller than the start day) is already the month's last day.
  return dayOf(anniversary) < dayOf(start) ? anniversary : previousDay(anniversary);
}

/** The current expiry as a packed day and where it came from (see `contractExpiry`). */
export function expiryOf(
  terms: ContractTerms,
  option: RuleResult<ContractExtensionOption> | null,
): { readonly day: Ymd | null; readonly source: ContractExpirySource } {
  if (terms.validTo !== null) return { day: ymdOf(terms.validTo), source: 'validTo' };
  if (terms.isContinuous) return { day: null, source: 'continuous' };
  const baseMonths = (terms.durationYears ?? 0) * 12 + (terms.durationMonths ?? 0);
  if (terms.validFrom === null || baseMonths === 0) return { day: null, source: 'unknown' };
  const baseEnd = periodEndOf(ymdOf(terms.validFrom), baseMonths);
  if (terms.extensionOptionsUsed === 0) return { day: baseEnd, source: 'duration' };
  if (option === null || !option.ok) return { day: null, source: 'unknown' };
  return {
    day: periodEndOf(nextDayWithin(baseEnd), terms.extensionOptionsUsed * option.value.months),
    source: 'duration',
  };
}

/** Extensions not used yet (see `contractExtensionsRemaining`). */
export function extensionsRemainingOf(
  terms: ContractTerms,
  option: RuleResult<ContractExtensionOption> | null,
): number | null {
  if (option === null) return 0;
  if (!option.ok) return null;
  return Math.max(0, option.value.count - terms.extensionOptionsUsed);
}

/** The last day if every remaining extension is used (see `contractFinalExpiry`). */
export function finalExpiryOf(
  expiry: Ymd | null,
  remaining: number | null,
  option: RuleResult<ContractExtensionOption> | null,
): Ymd | null {
  if (expiry === null || remaining === null) return null;
  if (remaining === 0) return expiry;
  const months = option?.ok ? option.value.months : 0;
  return periodEndOf(nextDayWithin(expiry), remaining * months);
}
