/**
 * The deadline engine: one call turns a contract's terms into every date an IT manager must act
 * on — when the contract expires, the last day to decide on an extension or give notice, the next
 * possible termination, when the tender (udbud) for a successor must start — plus the single next
 * deadline for overviews and calendars. KITOS stores the terms and leaves this arithmetic to
 * people; the engine goes beyond it. The term and notice conventions are described in the
 * `terms.rules` and `notice.rules` modules; the engine adds these assumptions:
 *
 * - `terminatedAt` is the day notice was given; the contract then ends on the day the notice
 *   takes effect (all notice rules applied) or on its expiry, whichever comes first. KITOS's own
 *   validity check ignores the "by end of" and irrevocable rules, so a contract can be invalid in
 *   KITOS a little earlier than it ends here.
 * - An extension option is the customer's right to extend. Deciding on it is treated like a
 *   notice: the decision is due on the latest notice day before the current expiry (the expiry
 *   itself when there are no readable notice terms).
 * - A continuous contract, or one without a known expiry, runs until terminated; its rolling
 *   `notice` deadline is the latest day to give notice and still leave at the next possible date.
 * - Forecasts (next possible termination, notice and decision days) need a registered, readable
 *   notice-period option. A termination already given without one takes effect at once (0 months,
 *   as in KITOS); with an unreadable one its end is unknown until the expiry.
 * - The tender must be finished when the successor contract starts, the day after the end; it
 *   starts `tenderLeadMonths` (default 12) before that.
 *
 * **Worked examples** (all with `today` as given):
 *
 * 1. Concluded 2025-01-01 for 1 year, option "2 x 1 år" (none used), 3 months' notice to the end
 *    of a quarter, today 2025-03-15 → expiry 2025-12-31, final expiry 2027-12-31, extension
 *    decision due 2025-09-30, tender start 2025-01-01 (already 73 days overdue), next deadline
 *    `extension-decision` on 2025-09-30 (199 days left).
 * 2. Continuous, 3 months' notice to the end of a quarter, today 2025-02-10 → next possible
 *    termination 2025-06-30, latest notice day 2025-03-31, next deadline `notice` (49 days left).
 * 3. Terminated 2025-01-15 with 3 months' notice "løbende måned" → ends 2025-04-30: on
 *    2025-04-30 the state is `terminated` (last day), on 2025-05-01 it is `ended`.
 * 4. Continuous, irrevocable until 2026-12-31, 6 months' notice to the end of a year, today
 *    2025-03-01 → next possible termination 2026-12-31, latest notice day 2026-06-30.
 *
 * @module
 */
import { CONTRACT_DEADLINE_KINDS, type ContractDeadlineKind } from './deadline-kinds.js';

export { CONTRACT_DEADLINE_KINDS, type ContractDeadlineKind } from './deadline-kinds.js';
import type { IsoDate, RuleResult } from '../shared/index.js';
import { type Ymd, addMonthsWithin, dayNumberOf, isoOf, nextDayWithin, ymdOf } from '../shared/ymd.js';
import {
  addMonthsWithinRange,
  assertContractDate,
  assertContractInteger,
  nextDayWithinRange,
} from './contract-dates.js';
import { earliestEndOn, latestNoticeDayFor } from './notice-days.js';
import { type ContractNoticeTerms, contractNoticeTerms } from './notice.rules.js';
import { expiryOf, extensionsRemainingOf, finalExpiryOf } from './term-days.js';
import {
  type ContractExpirySource,
  type ContractTerms,
  type ContractExtensionOption,
  contractExtensionOption,
} from './terms.rules.js';

/** One dated deadline. `daysLeft` is negative once the day has passed (0 = today). */
export interface ContractDeadline {
  readonly kind: ContractDeadlineKind;
  readonly date: IsoDate;
  readonly daysLeft: number;
}

/** Where a contract stands on `today`. */
export type ContractLifecycleState = 'not-started' | 'running' | 'terminated' | 'ended';

/** Settings of {@link contractDeadlines}. */
export interface ContractDeadlineOptions {
  /** The day to compute for. */
  readonly today: IsoDate;
  /** Months a tender takes before the successor must start (default 12). */
  readonly tenderLeadMonths?: number;
  /** Tender for the current expiry (default, the cautious choice) or for the final expiry. */
  readonly tenderBasis?: 'expiry' | 'finalExpiry';
}

/** Everything {@link contractDeadlines} computes. Dates are inclusive last days unless named otherwise. */
export interface ContractDeadlines {
  readonly today: IsoDate;
  readonly state: ContractLifecycleState;
  /** Why an `ended` contract ended. */
  readonly endReason: 'expired' | 'terminated' | null;
  /** `fixed` with a known expiry, `continuous` ("løbende"), or `unknown`. */
  readonly term: 'fixed' | 'continuous' | 'unknown';
  readonly concluded: IsoDate | null;
  readonly expiry: IsoDate | null;
  readonly expirySource: ContractExpirySource;
  /** The extension option read from its name; `null` when none is registered. */
  readonly extensionOption: RuleResult<ContractExtensionOption> | null;
  /** Extensions not used yet; `null` when the option cannot be read. */
  readonly extensionsRemaining: number | null;
  /** Last day if every remaining extension is used. */
  readonly finalExpiry: IsoDate | null;
  /** The notice terms; a violation when the notice-period option name is not a whole number. */
  readonly notice: RuleResult<ContractNoticeTerms>;
  /**
   * Earliest last day if notice were given today (capped by the expiry), or the end day once
   * terminated; `null` without a readable notice-period option.
   */
  readonly nextPossibleTermination: IsoDate | null;
  /** Latest day to give notice and still end on `nextPossibleTermination` (not after termination). */
  readonly latestNoticeDay: IsoDate | null;
  /** Latest day to give notice so the contract ends no later than its expiry (may be past). */
  readonly latestNoticeDayBeforeExpiry: IsoDate | null;
  readonly terminatedAt: IsoDate | null;
  /** Last day under the notice given on `terminatedAt`, all notice rules applied. */
  readonly terminationEffective: IsoDate | null;
  /** Last day of the contract as things stand (termination or expiry); `null` when open-ended. */
  readonly endsOn: IsoDate | null;
  /** First day of the tender for the successor. */
  readonly tenderStart: IsoDate | null;
  /** Every deadline, past ones included, by date. Empty once the contract has ended. */
  readonly deadlines: readonly ContractDeadline[];
  /** The first deadline on or after `today`, for overviews; `null` when none is left. */
  readonly nextDeadline: ContractDeadline | null;
}

/**
 * The first day of the tender for a successor contract: `leadMonths` before the day after
 * `lastDay` (when the successor must be in place), months clamped to the month's end.
 *
 * @example
 * ```ts
 * contractTenderStart('2025-12-31');    // '2025-01-01'
 * contractTenderStart('2026-06-30', 9); // '2025-10-01'
 * ```
 */
export function contractTenderStart(lastDay: IsoDate, leadMonths = 12): IsoDate {
  assertContractDate(lastDay, 'lastDay');
  assertContractInteger(leadMonths, 'tenderLeadMonths', 0, 1200);
  return addMonthsWithinRange(nextDayWithinRange(lastDay), -leadMonths);
}

/**
 * Every deadline of a contract for `today` (see the module description for the assumptions and
 * worked examples).
 *
 * @example
 * ```ts
 * const d = contractDeadlines(contractTermsOf(contract, names), { today: '2025-03-15' });
 * d.nextDeadline; // { kind: 'extension-decision', date: '2025-09-30', daysLeft: 199 }
 * ```
 */
export function contractDeadlines(terms: ContractTerms, options: ContractDeadlineOptions): ContractDeadlines {
  // A country's contracts are computed for one day: that day is checked once, not per contract.
  if (options.today !== lastToday.text) {
    assertContractDate(options.today, 'today');
    const day = ymdOf(options.today);
    lastToday = { text: options.today, day, number: dayNumberOf(day) };
  }
  const { day: today, number: todayNumber } = lastToday;
  const leadMonths = options.tenderLeadMonths ?? 12;
  // Likewise the lead time: a number that passed the check once passes it again.
  if (leadMonths !== lastCheckedLeadMonths) {
    assertContractInteger(leadMonths, 'tenderLeadMonths', 0, 1200);
    lastCheckedLeadMonths = leadMonths;
  }
  // Day arithmetic on packed numbers; only the days that leave are formatted (see `shared/ymd`).
  const option = contractExtensionOption(terms);
  const expiry = expiryOf(terms, option);
  const expiryDay = expiry.day;
  const notice = contractNoticeTerms(terms);
  const noticeTerms = notice.ok ? notice.value : null;
  // Read once per contract: the notice arithmetic below needs it up to three times.
  const irrevocable = terms.irrevocableUntil === null ? null : ymdOf(terms.irrevocableUntil);
  // Forecasts need a registered notice period; only a termination already given falls back to 0 months.
  const forecastTerms = terms.noticePeriodOptionName !== null ? noticeTerms : null;
  const terminated = terms.terminatedAt !== null;

  // How and when it ends: the earlier of the termination's effect and the expiry.
  const terminationEffective =
    terms.terminatedAt !== null && noticeTerms !== null
      ? earliestEndOn(noticeTerms, ymdOf(terms.terminatedAt), irrevocable)
      : null;
  const endsOn =
    terminationEffective !== null && expiryDay !== null
      ? Math.min(terminationEffective, expiryDay)
      : (terminationEffective ?? expiryDay);
  let state: ContractLifecycleState = terminated ? 'terminated' : 'running';
  let endReason: ContractDeadlines['endReason'] = null;
  if (endsOn !== null && today > endsOn) {
    state = 'ended';
    endReason = terminationEffective !== null && terminationEffective === endsOn ? 'terminated' : 'expired';
  } else if (terms.validFrom !== null && options.today < terms.validFrom) {
    state = 'not-started';
  }

  // The outlook of a contract not yet terminated: next possible termination and its notice day.
  let nextPossibleTermination: Ymd | null = null;
  let latestNoticeDay: Ymd | null = null;
  if (state === 'ended' || terminated) {
    nextPossibleTermination = state === 'ended' ? null : endsOn;
  } else if (forecastTerms !== null) {
    const byNotice = earliestEndOn(forecastTerms, today, irrevocable);
    if (expiryDay !== null && expiryDay < byNotice) nextPossibleTermination = expiryDay;
    else {
      nextPossibleTermination = byNotice;
      latestNoticeDay = latestNoticeDayFor(forecastTerms, byNotice, irrevocable);
    }
  }
  const latestNoticeDayBeforeExpiry =
    forecastTerms !== null && expiryDay !== null && !terminated
      ? latestNoticeDayFor(forecastTerms, expiryDay, irrevocable)
      : null;
  const extensionsRemaining = extensionsRemainingOf(terms, option);
  const finalExpiry = finalExpiryOf(expiryDay, extensionsRemaining, option);
  const tenderBasis = terminated ? endsOn : options.tenderBasis === 'finalExpiry' ? finalExpiry : expiryDay;
  const tenderStart = tenderBasis !== null ? addMonthsWithin(nextDayWithin(tenderBasis), -leadMonths) : null;

  // Each day that leaves is formatted once: a field on the same day as one already formatted
  // (the end is usually the expiry, the final expiry too when no extension remains) shares its
  // string, and the deadlines share the fields' strings.
  const expiryText = iso(expiryDay);
  const finalExpiryText = finalExpiry === expiryDay ? expiryText : iso(finalExpiry);
  const latestNoticeDayText = iso(latestNoticeDay);
  const latestNoticeDayBeforeExpiryText =
    latestNoticeDayBeforeExpiry === latestNoticeDay ? latestNoticeDayText : iso(latestNoticeDayBeforeExpiry);
  const terminationEffectiveText = iso(terminationEffective);
  const endsOnText =
    endsOn === expiryDay ? expiryText : endsOn === terminationEffective ? terminationEffectiveText : iso(endsOn);
  const nextPossibleTerminationText =
    nextPossibleTermination === endsOn
      ? endsOnText
      : nextPossibleTermination === expiryDay
        ? expiryText
        : iso(nextPossibleTermination);
  const tenderStartText = iso(tenderStart);

  // The deadlines that apply, in kind order, each placed by date in a reused scratch list (ties
  // keep the kind order); the result gets an array of exactly their number.
  let count = 0;
  if (state !== 'ended') {
    const remaining = extensionsRemaining ?? 0;
    if (state === 'not-started' && terms.validFrom !== null)
      count = place(count, 'start', ymdOf(terms.validFrom), terms.validFrom, todayNumber);
    if (tenderStart !== null) count = place(count, 'tender-start', tenderStart, tenderStartText, todayNumber);
    if (!terminated && expiryDay === null && terms.noticePeriodOptionName !== null && latestNoticeDay !== null)
      count = place(count, 'notice', latestNoticeDay, latestNoticeDayText, todayNumber);
    if (!terminated && remaining > 0) {
      if (latestNoticeDayBeforeExpiry !== null)
        count = place(
          count,
          'extension-decision',
          latestNoticeDayBeforeExpiry,
          latestNoticeDayBeforeExpiryText,
          todayNumber,
        );
      else if (expiryDay !== null) count = place(count, 'extension-decision', expiryDay, expiryText, todayNumber);
    }
    if (terminated) {
      if (endsOn !== null) count = place(count, 'termination-effective', endsOn, endsOnText, todayNumber);
    } else if (expiryDay !== null) count = place(count, 'expiry', expiryDay, expiryText, todayNumber);
    if (!terminated && remaining > 0 && finalExpiry !== null)
      count = place(count, 'final-expiry', finalExpiry, finalExpiryText, todayNumber);
  }
  const deadlines = count === 0 ? [] : scratch.slice(0, count);
  let nextDeadline: ContractDeadline | null = null;
  for (let i = 0; i < count; i++) {
    const deadline = scratch[i] as ContractDeadline;
    if (deadline.daysLeft >= 0) {
      nextDeadline = deadline;
      break;
    }
  }
  return {
    today: options.today,
    term: expiryDay !== null ? 'fixed' : expiry.source === 'continuous' ? 'continuous' : 'unknown',
    concluded: terms.validFrom,
    expiry: expiryText,
    expirySource: expiry.source,
    extensionOption: option,
    extensionsRemaining,
    finalExpiry: finalExpiryText,
    notice,
    nextPossibleTermination: nextPossibleTerminationText,
    latestNoticeDay: latestNoticeDayText,
    latestNoticeDayBeforeExpiry: latestNoticeDayBeforeExpiryText,
    terminatedAt: terms.terminatedAt,
    terminationEffective: terminationEffectiveText,
    endsOn: endsOnText,
    state,
    endReason,
    tenderStart: tenderStartText,
    deadlines,
    nextDeadline,
  };
}

/** The last `tenderLeadMonths` {@link contractDeadlines} found to be a whole number in range. */
let lastCheckedLeadMonths: number | undefined;

/**
 * The last `today` {@link contractDeadlines} found to be a real date, with its packed day and day
 * number: a country's contracts are computed for one day.
 */
let lastToday: { readonly text: string | undefined; readonly day: Ymd; readonly number: number } = {
  text: undefined,
  day: 0,
  number: 0,
};

/** The ISO string of a packed day, or `null`. */
function iso(day: Ymd | null): IsoDate | null {
  return day === null ? null : isoOf(day);
}

/** The deadlines of the contract being computed, placed by date (at most one per kind). */
const scratch: ContractDeadline[] = [];

/**
 * Places a deadline among the first `count` of {@link scratch}, which are sorted by date, after
 * those on the same day (callers add in kind order, so a day's deadlines keep the order of
 * {@link CONTRACT_DEADLINE_KINDS}); returns the new count.
 */
function place(count: number, kind: ContractDeadlineKind, day: Ymd, date: IsoDate | null, todayNumber: number): number {
  const daysLeft = dayNumberOf(day) - todayNumber;
  const deadline: ContractDeadline = { kind, date: date as IsoDate, daysLeft };
  let at = count;
  while (at > 0 && (scratch[at - 1] as ContractDeadline).daysLeft > daysLeft) {
    scratch[at] = scratch[at - 1] as ContractDeadline;
    at--;
  }
  scratch[at] = deadline;
  return count + 1;
}
