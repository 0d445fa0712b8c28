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
import { type IsoDate, type RuleResult, daysBetween, minDate } from '../shared/index.js';
import {
  addMonthsWithinRange,
  assertContractDate,
  assertContractInteger,
  nextDayWithinRange,
} from './contract-dates.js';
import {
  type ContractNoticeTerms,
  contractEarliestEndIfNoticeGivenOn,
  contractLatestNoticeDay,
  contractNoticeTerms,
} from './notice.rules.js';
import {
  type ContractExpirySource,
  type ContractTerms,
  type ContractExtensionOption,
  contractExpiry,
  contractExtensionOption,
  contractExtensionsRemaining,
  contractFinalExpiry,
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

/** The end as things stand: the earlier of the termination's effect and the expiry. */
function currentEnd(terminationEffective: IsoDate | null, expiry: IsoDate | null): IsoDate | null {
  if (terminationEffective !== null && expiry !== null) return minDate(terminationEffective, expiry);
  return terminationEffective ?? expiry;
}

/** The lifecycle state and, once ended, why. */
function lifecycle(
  terms: ContractTerms,
  today: IsoDate,
  endsOn: IsoDate | null,
  terminationEffective: IsoDate | null,
): Pick<ContractDeadlines, 'state' | 'endReason'> {
  if (endsOn !== null && today > endsOn) {
    const byTermination = terminationEffective !== null && terminationEffective === endsOn;
    return { state: 'ended', endReason: byTermination ? 'terminated' : 'expired' };
  }
  if (terms.validFrom !== null && today < terms.validFrom) return { state: 'not-started', endReason: null };
  return { state: terms.terminatedAt !== null ? 'terminated' : 'running', endReason: null };
}

/** Next possible termination and the latest notice day for it, for a contract not yet terminated. */
function noticeOutlook(
  notice: ContractNoticeTerms | null,
  today: IsoDate,
  expiry: IsoDate | null,
): { nextPossibleTermination: IsoDate | null; latestNoticeDay: IsoDate | null } {
  if (notice === null) return { nextPossibleTermination: null, latestNoticeDay: null };
  const byNotice = contractEarliestEndIfNoticeGivenOn(notice, today);
  if (expiry !== null && expiry < byNotice) return { nextPossibleTermination: expiry, latestNoticeDay: null };
  return { nextPossibleTermination: byNotice, latestNoticeDay: contractLatestNoticeDay(notice, byNotice) };
}

/** The dated deadlines that apply, sorted by date and kind. */
function deadlineList(d: Omit<ContractDeadlines, 'deadlines' | 'nextDeadline'>, terms: ContractTerms) {
  if (d.state === 'ended') return [];
  const terminated = terms.terminatedAt !== null;
  const remaining = d.extensionsRemaining ?? 0;
  const noticeOption = terms.noticePeriodOptionName !== null;
  const found: [ContractDeadlineKind, IsoDate | null][] = [
    ['start', d.state === 'not-started' ? d.concluded : null],
    ['tender-start', d.tenderStart],
    ['notice', !terminated && d.expiry === null && noticeOption ? d.latestNoticeDay : null],
    ['extension-decision', !terminated && remaining > 0 ? (d.latestNoticeDayBeforeExpiry ?? d.expiry) : null],
    ['termination-effective', terminated ? d.endsOn : null],
    ['expiry', terminated ? null : d.expiry],
    ['final-expiry', !terminated && remaining > 0 ? d.finalExpiry : null],
  ];
  const order = (kind: ContractDeadlineKind) => CONTRACT_DEADLINE_KINDS.indexOf(kind);
  return found
    .filter((entry): entry is [ContractDeadlineKind, IsoDate] => entry[1] !== null)
    .map(([kind, date]) => ({ kind, date, daysLeft: daysBetween(d.today, date) }))
    .sort((a, b) => (a.date === b.date ? order(a.kind) - order(b.kind) : a.date < b.date ? -1 : 1));
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

/** The facts about how and when the contract ends. */
function endFacts(terms: ContractTerms, today: IsoDate, notice: ContractNoticeTerms | null, expiry: IsoDate | null) {
  const terminationEffective =
    terms.terminatedAt !== null && notice !== null
      ? contractEarliestEndIfNoticeGivenOn(notice, terms.terminatedAt)
      : null;
  const endsOn = currentEnd(terminationEffective, expiry);
  return { terminationEffective, endsOn, ...lifecycle(terms, today, endsOn, terminationEffective) };
}

/** Everything but the deadline list. */
function deadlineFacts(terms: ContractTerms, options: ContractDeadlineOptions) {
  const { today } = options;
  const expiry = contractExpiry(terms);
  const notice = contractNoticeTerms(terms);
  const noticeTerms = notice.ok ? notice.value : null;
  // Forecasts need a registered notice period; only a termination already given falls back to 0 months.
  const forecastTerms = terms.noticePeriodOptionName !== null ? noticeTerms : null;
  const ends = endFacts(terms, today, noticeTerms, expiry.date);
  const terminated = terms.terminatedAt !== null;
  const finalExpiry = contractFinalExpiry(terms);
  const outlook =
    ends.state === 'ended' || terminated
      ? { nextPossibleTermination: ends.state === 'ended' ? null : ends.endsOn, latestNoticeDay: null }
      : noticeOutlook(forecastTerms, today, expiry.date);
  const tenderBasis = terminated ? ends.endsOn : options.tenderBasis === 'finalExpiry' ? finalExpiry : expiry.date;
  return {
    today,
    term: expiry.date !== null ? 'fixed' : expiry.source === 'continuous' ? 'continuous' : 'unknown',
    concluded: terms.validFrom,
    expiry: expiry.date,
    expirySource: expiry.source,
    extensionOption: contractExtensionOption(terms),
    extensionsRemaining: contractExtensionsRemaining(terms),
    finalExpiry,
    notice,
    ...outlook,
    latestNoticeDayBeforeExpiry:
      forecastTerms && expiry.date && !terminated ? contractLatestNoticeDay(forecastTerms, expiry.date) : null,
    terminatedAt: terms.terminatedAt,
    ...ends,
    tenderStart: tenderBasis ? contractTenderStart(tenderBasis, options.tenderLeadMonths ?? 12) : null,
  } satisfies Omit<ContractDeadlines, 'deadlines' | 'nextDeadline'>;
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
  assertContractDate(options.today, 'today');
  assertContractInteger(options.tenderLeadMonths ?? 12, 'tenderLeadMonths', 0, 1200);
  const facts = deadlineFacts(terms, options);
  const deadlines = deadlineList(facts, terms);
  return { ...facts, deadlines, nextDeadline: deadlines.find((d) => d.daysLeft >= 0) ?? null };
}
