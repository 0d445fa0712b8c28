/**
 * Notice arithmetic: when a termination given on a certain day takes effect, and the latest day
 * notice can be given to be out of a contract by a target day. KITOS stores these terms but
 * leaves the arithmetic to people; this module does it.
 *
 * **Conventions** (each is an assumption about how Danish IT contracts are usually read):
 *
 * 1. Dates are inclusive days. "Ends on X" means the contract still runs on X and is over from
 *    the next day — the same reading KITOS uses for `terminatedAt` + notice months.
 * 2. N months' notice given on day D ends on D + N months, clamped to the month's end (shared
 *    `addMonths`: 31 January + 1 month = 28/29 February). 0 months ends on D itself.
 * 3. "Løbende" (`extendsCurrent`): the notice period starts counting at the end of the current
 *    month/quarter/year containing D, and then ends at the end of a month.
 * 4. "Inden udgangen af" (`byEndOf`): the end moves forward to the end of its month/quarter/year.
 * 5. Irrevocable until ("uopsigelig til") X: the contract cannot end before X, so an earlier end
 *    moves to X (and then to the `byEndOf` segment end). Notice may still be given before X.
 * 6. A missing notice-period option means 0 months, as in KITOS; a name that is not a whole number
 *    makes the notice terms unknown (violation from `parseNoticePeriodMonths`), never a guess.
 *
 * **Worked examples**
 *
 * | terms | notice given | ends |
 * | --- | --- | --- |
 * | 3 months, by end of quarter | 2025-02-10 | 2025-06-30 (2025-05-10 → quarter end) |
 * | 1 month | 2025-01-31 | 2025-02-28 (clamped; 2024-01-31 → 2024-02-29) |
 * | 3 months, løbende måned | 2025-02-10 | 2025-05-31 (counted from 2025-02-28) |
 * | 6 months, by end of year, irrevocable until 2026-12-31 | 2025-03-01 | 2026-12-31 |
 * | 3 months, by end of quarter | 2025-04-01 | 2025-09-30 (one day too late for 2025-06-30) |
 *
 * The end date never decreases when the notice day moves later (each step — adding months with
 * clamping, taking a period end, raising to the irrevocable date — is non-decreasing), so the
 * latest notice day is one day, which {@link contractLatestNoticeDay} computes in closed form: each
 * step is undone on month numbers (a property test checks it against a binary search of that end
 * date over every day of nine years and 128 combinations of terms).
 *
 * @module
 */
import { type IsoDate, type RuleResult, type YearSegment, ok } from '../shared/index.js';
import { isoOf, ymdOf } from '../shared/ymd.js';
import { assertContractDate, assertContractInteger } from './contract-dates.js';
import { earliestEndOn, latestNoticeDayFor } from './notice-days.js';
import { NOTICE_PERIOD_MAX_MONTHS, parseNoticePeriodMonths } from './notice-period.rules.js';
import type { ContractTerms } from './terms.rules.js';

/** The notice terms of a contract, with the notice period already read as months. */
export interface ContractNoticeTerms {
  /** Notice period in whole months (≥ 0). */
  readonly months: number;
  /** "Løbende": count from the end of the current month/quarter/year. */
  readonly extendsCurrent: YearSegment | null;
  /** The termination takes effect only at the end of a month/quarter/year. */
  readonly byEndOf: YearSegment | null;
  /** The contract cannot end before the end of this day. */
  readonly irrevocableUntil: IsoDate | null;
}

/**
 * The notice terms of a contract: a missing notice-period option counts as 0 months (KITOS does
 * the same); an option name that is not a whole number is reported (`not-a-number`, `empty`,
 * `out-of-range`), because guessing a notice period could make someone miss a deadline.
 *
 * @example
 * ```ts
 * const notice = contractNoticeTerms(terms);
 * if (notice.ok) contractEarliestEndIfNoticeGivenOn(notice.value, '2025-02-10');
 * ```
 */
export function contractNoticeTerms(terms: ContractTerms): RuleResult<ContractNoticeTerms> {
  const months = terms.noticePeriodOptionName === null ? ok(0) : parseNoticePeriodMonths(terms.noticePeriodOptionName);
  if (!months.ok) return months;
  return ok({
    months: months.value,
    extendsCurrent: terms.noticePeriodExtendsCurrent,
    byEndOf: terms.noticeByEndOf,
    irrevocableUntil: terms.irrevocableUntil,
  });
}

/**
 * The last day of the contract if notice is given on `day` (see the module conventions).
 *
 * @example
 * ```ts
 * const terms = { months: 3, extendsCurrent: null, byEndOf: 'EndOfQuarter', irrevocableUntil: null } as const;
 * contractEarliestEndIfNoticeGivenOn(terms, '2025-02-10'); // '2025-06-30'
 * ```
 */
export function contractEarliestEndIfNoticeGivenOn(terms: ContractNoticeTerms, day: IsoDate): IsoDate {
  assertContractDate(day, 'day');
  assertContractInteger(terms.months, 'months', 0, NOTICE_PERIOD_MAX_MONTHS);
  return isoOf(earliestEndOn(terms, ymdOf(day)));
}

/**
 * The latest day notice can be given so the contract ends on or before `target`, or `null` when
 * no notice day reaches it (e.g. the contract is irrevocable until after `target`).
 *
 * Computed in closed form on month numbers: the end date is non-decreasing in the notice day
 * (module description), so the days that reach `target` form one unbroken run ending at the
 * answer, and each step of {@link contractEarliestEndIfNoticeGivenOn} is undone in turn. A property
 * test checks it against a binary search over days.
 *
 * @example
 * ```ts
 * const terms = { months: 3, extendsCurrent: null, byEndOf: 'EndOfQuarter', irrevocableUntil: null } as const;
 * contractLatestNoticeDay(terms, '2025-06-30'); // '2025-03-31'
 * ```
 */
export function contractLatestNoticeDay(terms: ContractNoticeTerms, target: IsoDate): IsoDate | null {
  assertContractDate(target, 'target');
  assertContractInteger(terms.months, 'months', 0, NOTICE_PERIOD_MAX_MONTHS);
  const day = latestNoticeDayFor(terms, ymdOf(target));
  return day === null ? null : isoOf(day);
}
