/**
 * Derived columns of the contract overview, computed as KITOS's contract grid computes them: the
 * economy summary of the external payments and the duration text.
 *
 * @module
 */
import type { IsoDate, TrafficLight } from '../shared/index.js';
import type { ContractAgreementPeriod } from './contract.schema.js';
import type { EconomyStream } from './economy.schema.js';

/** Totals of a contract's external payments, as shown in the contract overview. */
export interface ContractEconomySummary {
  /** Sum of `acquisition` over the external payment lines. */
  readonly acquisition: number;
  /** Sum of `operation` over the external payment lines. */
  readonly operation: number;
  /** Sum of `other` over the external payment lines. */
  readonly other: number;
  /** Latest `auditDate` of the external lines, or `null` when none has one. */
  readonly latestAuditDate: IsoDate | null;
  /** Number of external lines per audit traffic-light colour. */
  readonly auditStatusCounts: Readonly<Record<TrafficLight, number>>;
  /** Number of external lines. */
  readonly lineCount: number;
}

/**
 * Sums a contract's **external** payments the way KITOS's overview does: internal lines are not
 * counted, amounts are added per kind, the latest audit date wins, and lines are counted per
 * traffic-light colour (all zero when there are no lines).
 *
 * @example
 * ```ts
 * const s = contractEconomySummary(contract.payments);
 * `${s.operation} kr./år, ${s.auditStatusCounts.Red} røde`;
 * ```
 */
export function contractEconomySummary(payments: {
  readonly external: readonly EconomyStream[];
}): ContractEconomySummary {
  const counts: Record<TrafficLight, number> = { White: 0, Red: 0, Yellow: 0, Green: 0 };
  let acquisition = 0;
  let operation = 0;
  let other = 0;
  let latestAuditDate: IsoDate | null = null;
  for (const line of payments.external) {
    acquisition += line.acquisition;
    operation += line.operation;
    other += line.other;
    counts[line.auditStatus] += 1;
    if (line.auditDate !== null && (latestAuditDate === null || line.auditDate > latestAuditDate)) {
      latestAuditDate = line.auditDate;
    }
  }
  return {
    acquisition,
    operation,
    other,
    latestAuditDate,
    auditStatusCounts: counts,
    lineCount: payments.external.length,
  };
}

/** Languages the duration text is available in. */
export type ContractTextLanguage = 'da' | 'en';

const DURATION_WORDS = {
  da: { ongoing: 'Løbende', year: 'år', years: 'år', month: 'måned', months: 'måneder', and: 'og' },
  en: { ongoing: 'Ongoing', year: 'year', years: 'years', month: 'month', months: 'months', and: 'and' },
} as const;

/**
 * The agreement period as text, like KITOS's contract overview: "Løbende" for a continuous
 * period, otherwise "N år og M måned(er)", leaving out a part that is zero or empty, and an empty
 * string when neither is set. English: "Ongoing", "2 years and 1 month".
 *
 * @example
 * ```ts
 * contractDurationText({ isContinuous: false, durationYears: 2, durationMonths: 3 });       // '2 år og 3 måneder'
 * contractDurationText({ isContinuous: false, durationYears: null, durationMonths: 1 });    // '1 måned'
 * contractDurationText({ isContinuous: true, durationYears: null, durationMonths: null }, 'en'); // 'Ongoing'
 * ```
 */
export function contractDurationText(
  period: Pick<ContractAgreementPeriod, 'isContinuous' | 'durationYears' | 'durationMonths'>,
  language: ContractTextLanguage = 'da',
): string {
  const words = DURATION_WORDS[language];
  if (period.isContinuous) return words.ongoing;
  const years = period.durationYears ?? 0;
  const months = period.durationMonths ?? 0;
  const parts: string[] = [];
  if (years > 0) parts.push(`${years} ${years === 1 ? words.year : words.years}`);
  if (months > 0) parts.push(`${months} ${months === 1 ? words.month : words.months}`);
  return parts.join(` ${words.and} `);
}
