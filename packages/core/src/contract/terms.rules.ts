/**
 * Contract terms as the deadline engine reads them, and the fixed-term arithmetic: the term's
 * last day, the current expiry and the final expiry when every extension option is used.
 *
 * **Term convention.** A term of N months that starts on day D runs up to and including the day
 * before D's date N months later ("anniversary"). When that date does not exist in the target
 * month (31 January + 1 month), the anniversary is taken as the 1st of the following month, so the
 * term ends on the target month's last day. Worked examples:
 *
 * | start | term | last day |
 * | --- | --- | --- |
 * | 2025-01-01 | 12 months | 2025-12-31 |
 * | 2025-03-01 | 1 month | 2025-03-31 |
 * | 2025-01-31 | 1 month | 2025-02-28 |
 * | 2024-02-29 | 12 months | 2025-02-28 |
 * | 2024-01-31 | 1 month | 2024-02-29 (leap year) |
 *
 * An extension starts the day after the current expiry and follows the same convention.
 *
 * @module
 */
import { z } from 'zod';
import { type IsoDate, IsoDateSchema, type RuleResult, YearSegment, fail, ok } from '../shared/index.js';
import { isoOf, ymdOf } from '../shared/ymd.js';
import { assertContractInteger, readOnce } from './contract-dates.js';
import { expiryOf, extensionsRemainingOf, finalExpiryOf, periodEndOf } from './term-days.js';
import type { Contract } from './contract.schema.js';
import { boundedText, LIMITS } from '../shared/limits.js';

/**
 * Everything the deadline engine reads about one contract. The two options are given by their
 * **names** (the options module resolves uuids to names), because the engine reads the numbers out
 * of the names: the notice period ("3") and the extension option ("2 x 1 år").
 */
export const ContractTermsSchema = z.strictObject({
  /** Concluded / valid from ("indgået"): the first day of the contract. */
  validFrom: IsoDateSchema.nullable(),
  /** Registered expiry ("udløbsdato"/valid to), taken as the current last day, extensions used included. */
  validTo: IsoDateSchema.nullable(),
  durationYears: z.int().min(0).max(999).nullable(),
  durationMonths: z.int().min(0).max(11).nullable(),
  /** Continuous ("løbende"): no fixed end; ends only by notice. */
  isContinuous: z.boolean(),
  /** Name of the extension option, e.g. "2 x 1 år". */
  extensionOptionName: boundedText(LIMITS.shortText).nullable(),
  /** How many of the extensions have been used. */
  extensionOptionsUsed: z.int().min(0).max(999),
  /** Irrevocable until ("uopsigelig til"): the contract cannot end before the end of this day. */
  irrevocableUntil: IsoDateSchema.nullable(),
  /** Name of the notice-period option: a number of months, e.g. "3". */
  noticePeriodOptionName: boundedText(LIMITS.shortText).nullable(),
  /** "Løbende": the notice period starts at the end of the current month/quarter/year. */
  noticePeriodExtendsCurrent: YearSegment.schema.nullable(),
  /** "Inden udgangen af": a termination takes effect only at the end of a month/quarter/year. */
  noticeByEndOf: YearSegment.schema.nullable(),
  /** The day notice of termination was given ("opsagt"). */
  terminatedAt: IsoDateSchema.nullable(),
});
/** Everything the deadline engine reads about one contract. */
export type ContractTerms = z.infer<typeof ContractTermsSchema>;

/**
 * Terms with nothing registered: no dates, no duration, no options, no notice. A starting point to
 * spread the known terms over.
 *
 * @example
 * ```ts
 * const terms = { ...emptyContractTerms(), validTo: '2025-12-31', noticePeriodOptionName: '3' };
 * ```
 */
export function emptyContractTerms(): ContractTerms {
  return {
    validFrom: null,
    validTo: null,
    durationYears: null,
    durationMonths: null,
    isContinuous: false,
    extensionOptionName: null,
    extensionOptionsUsed: 0,
    irrevocableUntil: null,
    noticePeriodOptionName: null,
    noticePeriodExtendsCurrent: null,
    noticeByEndOf: null,
    terminatedAt: null,
  };
}

/**
 * Collects the terms of a stored contract, given the names of its two options.
 *
 * @example
 * ```ts
 * const terms = contractTermsOf(contract, { noticePeriodOptionName: '3', extensionOptionName: '2 x 1 år' });
 * ```
 */
export function contractTermsOf(
  contract: Pick<Contract, 'general' | 'agreementPeriod' | 'termination'>,
  optionNames: { readonly noticePeriodOptionName?: string | null; readonly extensionOptionName?: string | null },
): ContractTerms {
  const { validity } = contract.general;
  const period = contract.agreementPeriod;
  const { terminatedAt, terms } = contract.termination;
  return {
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    durationYears: period.durationYears,
    durationMonths: period.durationMonths,
    isContinuous: period.isContinuous,
    extensionOptionName: optionNames.extensionOptionName ?? null,
    extensionOptionsUsed: period.extensionOptionsUsed,
    irrevocableUntil: period.irrevocableUntil,
    noticePeriodOptionName: optionNames.noticePeriodOptionName ?? null,
    noticePeriodExtendsCurrent: terms.noticePeriodExtendsCurrent,
    noticeByEndOf: terms.noticeByEndOf,
    terminatedAt,
  };
}

/** An extension option read from its name: `count` extensions of `months` months each. */
export interface ContractExtensionOption {
  readonly count: number;
  readonly months: number;
}

const EXTENSION_OPTION =
  /^(\d{1,2}) ?[x×*] ?(\d{1,3}(?:[.,]5)?|\d{0,3}½) ?(år|aar|years?|mdr\.?|md\.?|måned|måneder|months?)$/iu;

/**
 * Strictly reads an extension option name as "count x length unit". Accepted: a count (1–99), `x`
 * (or `×`, `*`), a length (whole number, `½`, `1½`, `1,5`, `1.5`) and a unit (`år`, `mdr`, `md`,
 * `måned(er)`, `year(s)`, `month(s)`), any case and spacing. A month length must be whole.
 * Anything else is the violation `unparseable`, never a guess.
 *
 * @example
 * ```ts
 * parseExtensionOption('2 x 1 år');  // { ok: true, value: { count: 2, months: 12 } }
 * parseExtensionOption('1 x ½ år');  // { ok: true, value: { count: 1, months: 6 } }
 * parseExtensionOption('1 x 6 mdr'); // { ok: true, value: { count: 1, months: 6 } }
 * parseExtensionOption('Efter aftale'); // { ok: false, violations: [{ code: 'unparseable', … }] }
 * ```
 */
export function parseExtensionOption(optionName: string): RuleResult<ContractExtensionOption> {
  return readOnce(extensionReadings, optionName, readExtensionOption);
}

/**
 * Option names are few (an organisation's option list) while contracts are many, so each name is
 * read once and the frozen reading reused: the deadline engine reads every contract's option.
 */
const extensionReadings = new Map<string, RuleResult<ContractExtensionOption>>();

function readExtensionOption(optionName: string): RuleResult<ContractExtensionOption> {
  const unparseable = () =>
    fail<ContractExtensionOption>({
      code: 'unparseable',
      message: `the extension option "${optionName}" is not of the form "2 x 1 år" or "1 x 6 mdr"`,
      context: { optionName },
    });
  const match = EXTENSION_OPTION.exec(optionName.trim().replace(/\s+/gu, ' '));
  if (!match) return unparseable();
  const [, countText = '', lengthText = '', unit = ''] = match;
  const length = lengthText.endsWith('½')
    ? Number(lengthText.slice(0, -1) || '0') + 0.5
    : Number(lengthText.replace(',', '.'));
  const isYears = /^(år|aar|years?)$/iu.test(unit);
  const months = isYears ? length * 12 : length;
  const count = Number(countText);
  if (count < 1 || months < 1 || !Number.isInteger(months)) return unparseable();
  return ok({ count, months });
}

/**
 * The last day of a term of `months` months starting on `start`, by the convention in the module
 * description (the day before the anniversary; the month's last day when the anniversary date
 * does not exist).
 *
 * @example
 * ```ts
 * contractPeriodEnd('2025-01-01', 12); // '2025-12-31'
 * contractPeriodEnd('2025-01-31', 1);  // '2025-02-28'
 * contractPeriodEnd('2024-02-29', 12); // '2025-02-28'
 * ```
 */
export function contractPeriodEnd(start: IsoDate, months: number): IsoDate {
  assertContractInteger(months, 'months', 1, 12 * 9999);
  return isoOf(periodEndOf(ymdOf(start), months));
}

/** Where {@link contractExpiry} took the expiry from. */
export type ContractExpirySource = 'validTo' | 'duration' | 'continuous' | 'unknown';

/** The current expiry of a contract and where it came from. */
export interface ContractExpiry {
  /** Last day of the current term, or `null` for a continuous or unknown term. */
  readonly date: IsoDate | null;
  readonly source: ContractExpirySource;
}

/** The extension option of the terms: `null` when none is registered. */
export function contractExtensionOption(terms: ContractTerms): RuleResult<ContractExtensionOption> | null {
  return terms.extensionOptionName === null ? null : parseExtensionOption(terms.extensionOptionName);
}

/**
 * The current expiry (last day) of a contract:
 *
 * 1. `validTo` when registered (`source: 'validTo'`), taken to include extensions already used;
 * 2. none for a continuous contract (`'continuous'`);
 * 3. from `validFrom` and the duration (`'duration'`), followed by the extensions already used,
 *    each starting the day after the previous term (a used extension whose option cannot be read
 *    makes the expiry unknown);
 * 4. otherwise unknown (`'unknown'`).
 *
 * @example
 * ```ts
 * // validFrom 2025-01-01, 1 year, option "2 x 1 år" with 1 used:
 * contractExpiry(terms); // { date: '2026-12-31', source: 'duration' }
 * ```
 */
export function contractExpiry(terms: ContractTerms): ContractExpiry {
  const expiry = expiryOf(terms, contractExtensionOption(terms));
  return { date: expiry.day === null ? null : isoOf(expiry.day), source: expiry.source };
}

/** Extensions not used yet: `count − used`, never below 0; `null` when the option cannot be read. */
export function contractExtensionsRemaining(terms: ContractTerms): number | null {
  return extensionsRemainingOf(terms, contractExtensionOption(terms));
}

/**
 * The last possible day of the contract if every remaining extension is used: the expiry extended
 * by `remaining × months`, starting the day after the expiry. Equals the expiry when no extension
 * remains; `null` when the expiry is unknown/continuous or the option name cannot be read.
 *
 * @example
 * ```ts
 * // expiry 2025-12-31, option "2 x 1 år", none used:
 * contractFinalExpiry(terms); // '2027-12-31'
 * ```
 */
export function contractFinalExpiry(terms: ContractTerms): IsoDate | null {
  const option = contractExtensionOption(terms);
  const day = finalExpiryOf(expiryOf(terms, option).day, extensionsRemainingOf(terms, option), option);
  return day === null ? null : isoOf(day);
}
