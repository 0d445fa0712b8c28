/**
 * Reading the notice period ("opsigelsesfrist") from its option. KITOS has no number field for
 * it: the option's **name** is the number of months (seed names "1" … "12"). An administrator can
 * however create an option named "3 måneder", so there are two readings:
 *
 * - {@link parseNoticePeriodMonths}: strict. Only a whole number of months (surrounding spaces
 *   allowed) is accepted; anything else is reported, never guessed. The deadline engine uses it.
 * - {@link kitosNoticePeriodMonths}: what KITOS does when it decides whether a terminated
 *   contract is still valid: `int.TryParse` on the name, and 0 months when that fails. Use it with
 *   `contractValidity` to get the same answer as KITOS.
 *
 * @module
 */
import { type RuleResult, fail, ok } from '../shared/index.js';
import { readOnce } from './contract-dates.js';

/** Largest notice period the strict reading accepts: 1,200 months (100 years). */
export const NOTICE_PERIOD_MAX_MONTHS = 1200;

/**
 * Strictly reads a notice-period option name as a whole number of months.
 *
 * Accepted: digits only, after trimming surrounding white space (`"3"`, `" 12 "`, `"03"`), up to
 * {@link NOTICE_PERIOD_MAX_MONTHS}. Rejected with a violation code:
 * - `empty`: blank name;
 * - `not-a-number`: anything but digits (`"3 måneder"`, `"3.5"`, `"-1"`, `"+3"`, `"03x"`);
 * - `out-of-range`: more than {@link NOTICE_PERIOD_MAX_MONTHS} months.
 *
 * @example
 * ```ts
 * parseNoticePeriodMonths('3');          // { ok: true, value: 3 }
 * parseNoticePeriodMonths(' 12 ');       // { ok: true, value: 12 }
 * parseNoticePeriodMonths('3 måneder');  // { ok: false, violations: [{ code: 'not-a-number', … }] }
 * ```
 */
export function parseNoticePeriodMonths(optionName: string): RuleResult<number> {
  return readOnce(noticeReadings, optionName, readNoticePeriodMonths);
}

/** Each notice-period option name is read once (names are few, contracts many). */
const noticeReadings = new Map<string, RuleResult<number>>();

function readNoticePeriodMonths(optionName: string): RuleResult<number> {
  const text = optionName.trim();
  const context = { optionName };
  if (text === '') {
    return fail({ code: 'empty', message: 'the notice period option has no name', context });
  }
  if (!/^\d+$/.test(text)) {
    return fail({
      code: 'not-a-number',
      message: `the notice period option "${optionName}" is not a whole number of months`,
      context,
    });
  }
  const months = Number(text);
  if (months > NOTICE_PERIOD_MAX_MONTHS) {
    return fail({
      code: 'out-of-range',
      message: `the notice period option "${optionName}" exceeds ${NOTICE_PERIOD_MAX_MONTHS} months`,
      context,
    });
  }
  return ok(months);
}

/** .NET `int.TryParse` with `NumberStyles.Integer`: ASCII white space, an optional sign, digits. */
const DOTNET_INTEGER = /^[\t\n\v\f\r ]*([+-]?)(\d+)[\t\n\v\f\r ]*$/;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/**
 * The notice period in months exactly as KITOS's contract validity reads it: the option name is
 * parsed like .NET `int.TryParse` (white space around, an optional `+` or `-` sign, digits, within
 * the 32-bit range) and **0 is used when the name is not such a number or no option is set**.
 *
 * Faithful to KITOS also where that is odd: `"-1"` gives -1 (KITOS then subtracts a month from the
 * termination day) and `"3 måneder"` gives 0 (the notice period is silently ignored). Prefer
 * {@link parseNoticePeriodMonths} for anything but reproducing KITOS's validity.
 *
 * @example
 * ```ts
 * kitosNoticePeriodMonths('3');         // 3
 * kitosNoticePeriodMonths(' +6 ');      // 6
 * kitosNoticePeriodMonths('3 måneder'); // 0
 * kitosNoticePeriodMonths(null);        // 0
 * ```
 */
export function kitosNoticePeriodMonths(optionName: string | null | undefined): number {
  if (optionName == null) return 0;
  const match = DOTNET_INTEGER.exec(optionName);
  if (!match) return 0;
  const value = Number(`${match[1]}${match[2]}`);
  // `|| 0` turns "-0" into 0.
  return value < INT32_MIN || value > INT32_MAX ? 0 : value || 0;
}
