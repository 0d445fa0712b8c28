/**
 * Realistic contract terms: concluded 1–8 years before `today`, fixed terms of 2–6 years with
 * extension options, or continuous; notice of 1–12 months. Expiries are drawn first, so that most
 * fixed-term contracts expire evenly over the next three years, and the start date and term are
 * then found to match; the registered expiry is the core's own `contractExpiry` of those terms.
 *
 * @module
 */
import {
  type Contract,
  type ContractTerms,
  type IsoDate,
  type YearSegment,
  contractExpiry,
  contractFinalExpiry,
  contractTenderStart,
  dateParts,
  minDate,
} from '@os2kitos/core';
import type { GeneratorContext } from './context.js';
import { dayDiff, plusDays, plusMonths } from './dates.js';
import { type Random, weightedPicker } from './random.js';

const EXPIRY_BUCKET = weightedPicker([
  ['next3', 80],
  ['expired', 12],
  ['later', 8],
] as const);
const DURATION_YEARS = weightedPicker([
  [2, 15],
  [3, 25],
  [4, 30],
  [5, 15],
  [6, 15],
] as const);
const EXTENSION = weightedPicker<string | null>([
  [null, 35],
  ['2 x 1 år', 35],
  ['1 x 1 år', 20],
  ['1 x ½ år', 10],
]);
const NOTICE_EXTENDS = weightedPicker<YearSegment | null>([
  [null, 60],
  ['EndOfMonth', 25],
  ['EndOfQuarter', 12],
  ['EndOfCalendarYear', 3],
]);
const NOTICE_BY_END_OF = weightedPicker<YearSegment | null>([
  [null, 40],
  ['EndOfMonth', 25],
  ['EndOfQuarter', 25],
  ['EndOfCalendarYear', 10],
]);
const INITIATED_STARTED = weightedPicker<'Yes' | 'No' | 'Undecided'>([
  ['Yes', 50],
  ['No', 30],
  ['Undecided', 20],
]);
const INITIATED_LATER = weightedPicker<'No' | 'Undecided'>([
  ['No', 30],
  ['Undecided', 70],
]);

/** The date-related groups of a generated contract. */
export interface GeneratedTerms {
  readonly validity: Contract['general']['validity'];
  readonly agreementPeriod: Contract['agreementPeriod'];
  readonly termination: Contract['termination'];
  readonly procurementPlan: Contract['procurement']['procurementPlan'];
  readonly procurementInitiated: Contract['procurement']['procurementInitiated'];
}

const EXTENSIONS: Readonly<Record<string, { count: number; months: number }>> = {
  '2 x 1 år': { count: 2, months: 12 },
  '1 x 1 år': { count: 1, months: 12 },
  '1 x ½ år': { count: 1, months: 6 },
};

const NOTICE_MONTHS: readonly (readonly [string, number])[] = [
  ['1', 3],
  ['2', 2],
  ['3', 30],
  ['4', 3],
  ['5', 1],
  ['6', 30],
  ['7', 1],
  ['8', 1],
  ['9', 5],
  ['10', 1],
  ['11', 1],
  ['12', 20],
];

interface FixedTerm {
  readonly validFrom: IsoDate;
  readonly years: number;
  readonly months: number;
  readonly extension: string | null;
  readonly used: number;
}

/** An expiry target: mostly in the next three years, some already passed, some later. */
function expiryTarget(rng: Random, today: IsoDate): IsoDate {
  const bucket = EXPIRY_BUCKET.pick(rng);
  if (bucket === 'next3') return plusDays(today, rng.int(1, 1095));
  if (bucket === 'expired') return plusDays(today, -rng.int(1, 540));
  return plusDays(today, rng.int(1096, 1825));
}

/** A fixed term ending near `target` that was concluded 1–8 years before `today`. */
function fixedTerm(rng: Random, today: IsoDate, target: IsoDate): FixedTerm {
  for (let attempt = 0; attempt < 20; attempt++) {
    const years = DURATION_YEARS.pick(rng);
    const months = rng.chance(0.1) ? 6 : 0;
    const extension = EXTENSION.pick(rng);
    const option = extension ? EXTENSIONS[extension]! : null;
    const used = option ? rng.int(0, option.count) : 0;
    const total = years * 12 + months + used * (option?.months ?? 0);
    const validFrom = plusDays(plusMonths(target, -total), 1);
    const age = dayDiff(validFrom, today);
    if (age >= 365 && age <= 2920) return { validFrom, years, months, extension, used };
  }
  // Rare: no term fits the target; keep the start rule and let the expiry follow the duration.
  const validFrom = plusDays(today, -rng.int(365, 2920));
  const years = Math.min(6, Math.max(2, Math.round(dayDiff(validFrom, target) / 365.25)));
  return { validFrom, years, months: 0, extension: null, used: 0 };
}

function noticeTerms(rng: Random, ctx: GeneratorContext, p: number): Contract['termination']['terms'] {
  return {
    noticePeriodMonthsUuid: rng.chance(p)
      ? ctx.options.uuid('it-contract-notice-period-month-types', rng.weighted(NOTICE_MONTHS))
      : null,
    noticePeriodExtendsCurrent: NOTICE_EXTENDS.pick(rng),
    noticeByEndOf: NOTICE_BY_END_OF.pick(rng),
  };
}

function procurement(rng: Random, today: IsoDate, tenderBasis: IsoDate | null) {
  const tender = tenderBasis && rng.chance(0.6) ? contractTenderStart(tenderBasis) : null;
  const plan = tender ? { quarter: Math.ceil(dateParts(tender).month / 3), year: dateParts(tender).year } : null;
  const started = tender !== null && tender <= today;
  const procurementInitiated = started ? INITIATED_STARTED.pick(rng) : INITIATED_LATER.pick(rng);
  return { procurementPlan: plan, procurementInitiated };
}

/** Terms of a contract with its own period: 75% fixed-term, 25% continuous; about 5% terminated. */
export function generateTerms(ctx: GeneratorContext, rng: Random): GeneratedTerms {
  const { today } = ctx;
  const continuous = rng.chance(0.25);
  const fixed = continuous ? null : fixedTerm(rng, today, expiryTarget(rng, today));
  const validFrom = fixed?.validFrom ?? plusDays(today, -rng.int(365, 2920));
  const extensionName = fixed?.extension ?? null;
  const agreementPeriod: Contract['agreementPeriod'] = {
    durationYears: fixed?.years ?? null,
    durationMonths: fixed ? fixed.months : null,
    isContinuous: continuous,
    extensionOptionsUuid: extensionName
      ? ctx.options.uuid('it-contract-agreement-extension-option-types', extensionName)
      : null,
    extensionOptionsUsed: fixed?.used ?? 0,
    irrevocableUntil: null,
  };
  const terms: ContractTerms = {
    validFrom,
    validTo: null,
    durationYears: agreementPeriod.durationYears,
    durationMonths: agreementPeriod.durationMonths,
    isContinuous: continuous,
    extensionOptionName: extensionName,
    extensionOptionsUsed: agreementPeriod.extensionOptionsUsed,
    irrevocableUntil: null,
    noticePeriodOptionName: null,
    noticePeriodExtendsCurrent: null,
    noticeByEndOf: null,
    terminatedAt: null,
  };
  const expiry = contractExpiry(terms).date;
  const irrevocable = rng.chance(0.25) ? plusDays(plusMonths(validFrom, 12 * rng.int(1, 3)), -1) : null;
  const ended = expiry !== null && expiry < today;
  const terminatedAt =
    !ended && rng.chance(0.05) ? plusDays(today, -rng.int(1, Math.min(365, dayDiff(validFrom, today)))) : null;
  return {
    validity: {
      enforcedValid: rng.chance(0.02),
      validFrom,
      validTo: expiry !== null && rng.chance(0.9) ? expiry : null,
      requireValidParent: false,
    },
    agreementPeriod: {
      ...agreementPeriod,
      irrevocableUntil: irrevocable && expiry ? minDate(irrevocable, expiry) : irrevocable,
    },
    termination: { terminatedAt, terms: noticeTerms(rng, ctx, continuous ? 0.97 : 0.92) },
    ...procurement(rng, today, contractFinalExpiry(terms) ?? expiry),
  };
}

/** Terms of a child contract that takes its validity from its parent (`requireValidParent`). */
export function parentBoundTerms(ctx: GeneratorContext, rng: Random, parentFrom: IsoDate | null): GeneratedTerms {
  const latest = plusDays(ctx.today, -1);
  const from = parentFrom ? minDate(plusDays(parentFrom, rng.int(30, 700)), latest) : null;
  return {
    validity: { enforcedValid: false, validFrom: from, validTo: null, requireValidParent: true },
    agreementPeriod: {
      durationYears: null,
      durationMonths: null,
      isContinuous: false,
      extensionOptionsUuid: null,
      extensionOptionsUsed: 0,
      irrevocableUntil: null,
    },
    termination: {
      terminatedAt: null,
      terms: { noticePeriodMonthsUuid: null, noticePeriodExtendsCurrent: null, noticeByEndOf: null },
    },
    procurementPlan: null,
    procurementInitiated: 'Undecided',
  };
}
