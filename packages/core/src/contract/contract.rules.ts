/**
 * Contract validity ("gyldig"/"aktiv"): whether a contract counts as active on a given day, and
 * why not. The rules are KITOS's (`ItContract.Validate`), reproduced day for day, because usages
 * and data processing registrations take their own validity from their main contract.
 *
 * @module
 */
import { type EnumValue, type IsoDate, type Uuid, kitosEnum } from '../shared/index.js';
import { addMonthsWithinRange, assertContractDate, assertContractInteger } from './contract-dates.js';
import type { Contract } from './contract.schema.js';

/**
 * Why a contract is not valid (KITOS `ItContractValidationError`, codes 0–3). When several apply
 * they are reported in this order.
 */
export const ContractValidityError = kitosEnum({
  StartDateNotPassed: 0,
  EndDatePassed: 1,
  TerminationPeriodExceeded: 2,
  InvalidParentContract: 3,
});
/** Why a contract is not valid. */
export type ContractValidityError = EnumValue<typeof ContractValidityError>;

/** The parts of a contract its validity depends on (a whole {@link Contract} fits). */
export interface ContractValiditySubject {
  readonly parentContractUuid: Uuid | null;
  readonly general: { readonly validity: Contract['general']['validity'] };
  readonly termination: { readonly terminatedAt: IsoDate | null };
}

/** The facts from outside the contract that its validity depends on. */
export interface ContractValidityOptions {
  /** The day to evaluate (KITOS uses the local date of the server). */
  readonly today: IsoDate;
  /**
   * Notice period in whole months added to `terminatedAt`. `null`/absent means 0, as in KITOS.
   * For KITOS's exact behaviour pass `kitosNoticePeriodMonths(option.name)`.
   */
  readonly noticePeriodMonths?: number | null;
  /** Whether the parent contract is valid today. Only read when a parent is set; absent = not valid. */
  readonly parentActive?: boolean;
}

/** The outcome of {@link contractValidity}. */
export interface ContractValidity {
  /** Active today: `enforcedValid`, or (with `requireValidParent`) the parent's validity, or no errors. */
  readonly valid: boolean;
  /** The "force valid" flag was set: valid whatever the errors say. */
  readonly enforcedValid: boolean;
  /** The contract takes its validity from its parent. */
  readonly requireValidParent: boolean;
  /** What decided `valid`: the enforced flag, the parent, or the contract's own checks. */
  readonly decidedBy: 'enforced' | 'parent' | 'own-checks';
  /** Every problem found, in KITOS order, also when it does not decide `valid`. */
  readonly errors: readonly ContractValidityError[];
  /** The same problems with readable explanations (`code` = the error name), in the same order. */
  readonly reasons: readonly ContractValidityReason[];
}

/** One reason a contract is not valid: the KITOS error name, an explanation and the field it concerns. */
export interface ContractValidityReason {
  readonly code: ContractValidityError;
  readonly message: string;
  readonly path: readonly (string | number)[];
  readonly context?: Readonly<Record<string, unknown>>;
}

/** The date checks (errors 1–3) in KITOS order. */
function dateReasons(subject: ContractValiditySubject, today: IsoDate, months: number): ContractValidityReason[] {
  const { validFrom, validTo } = subject.general.validity;
  const reasons: ContractValidityReason[] = [];
  if (validFrom !== null && today < validFrom) {
    const message = `valid from ${validFrom}, which is after ${today}`;
    reasons.push({ code: 'StartDateNotPassed', message, path: ['general', 'validity', 'validFrom'] });
  }
  if (validTo !== null && today > validTo) {
    const message = `valid to ${validTo}, which has passed on ${today}`;
    reasons.push({ code: 'EndDatePassed', message, path: ['general', 'validity', 'validTo'] });
  }
  const terminatedAt = subject.termination.terminatedAt;
  if (terminatedAt !== null) {
    const lastDay = addMonthsWithinRange(terminatedAt, months);
    if (today > lastDay) {
      reasons.push({
        code: 'TerminationPeriodExceeded',
        message: `terminated on ${terminatedAt}; the notice period of ${months} month(s) ended on ${lastDay}`,
        path: ['termination', 'terminatedAt'],
        context: { terminatedAt, noticePeriodMonths: months, lastDay },
      });
    }
  }
  return reasons;
}

/**
 * Whether a contract is valid on `today`, with the reasons, exactly as KITOS decides it:
 *
 * 1. `StartDateNotPassed` when today is before `validFrom` (the start day itself is valid; no
 *    `validFrom` means no error).
 * 2. `EndDatePassed` when today is after `validTo` (the end day itself is still valid).
 * 3. `TerminationPeriodExceeded` when `terminatedAt` is set and today is after `terminatedAt` plus
 *    the notice months (month arithmetic clamps: 30 Nov + 3 months = 28/29 Feb).
 * 4. `InvalidParentContract` when `requireValidParent` is on and there is no parent or the parent
 *    is not valid.
 *
 * `valid = enforcedValid || (requireValidParent ? parentActive : no errors)`: with
 * `requireValidParent` the contract's own date errors are still reported but do not decide.
 *
 * @example
 * ```ts
 * const v = contractValidity(contract, { today: '2025-06-01', noticePeriodMonths: 3 });
 * if (!v.valid) console.log(v.reasons.map((r) => r.message).join('; '));
 * ```
 */
export function contractValidity(subject: ContractValiditySubject, options: ContractValidityOptions): ContractValidity {
  assertContractDate(options.today, 'today');
  const months = options.noticePeriodMonths ?? 0;
  assertContractInteger(months, 'noticePeriodMonths', -2_147_483_648, 2_147_483_647);
  const { enforcedValid, requireValidParent } = subject.general.validity;
  const reasons = dateReasons(subject, options.today, months);
  const parentActive = subject.parentContractUuid !== null && options.parentActive === true;
  if (requireValidParent && !parentActive) {
    const message =
      subject.parentContractUuid === null
        ? 'the contract requires a valid parent contract but has none'
        : 'the parent contract is not valid';
    reasons.push({ code: 'InvalidParentContract', message, path: ['parentContractUuid'] });
  }
  const decidedBy = enforcedValid ? 'enforced' : requireValidParent ? 'parent' : 'own-checks';
  const ownResult = requireValidParent ? parentActive : reasons.length === 0;
  return {
    valid: enforcedValid || ownResult,
    enforcedValid,
    requireValidParent,
    decidedBy,
    errors: reasons.map((r) => r.code as ContractValidityError),
    reasons,
  };
}

/** A contract as {@link contractValidities} needs it: its validity inputs and its uuid. */
export interface ContractValidityNode extends ContractValiditySubject {
  readonly uuid: Uuid;
}

/**
 * The validity of many contracts at once, resolving `requireValidParent` through the parent chain
 * (a child that requires a valid parent is valid when its parent is, which may in turn depend on
 * the grandparent). A parent missing from `contracts`, or a chain that loops, counts as not valid.
 *
 * @example
 * ```ts
 * const byUuid = contractValidities(contracts, { today: '2025-06-01', noticePeriodMonthsOf: (c) => 3 });
 * byUuid.get(child.uuid)?.valid;
 * ```
 */
export function contractValidities<C extends ContractValidityNode>(
  contracts: Iterable<C>,
  options: { readonly today: IsoDate; readonly noticePeriodMonthsOf?: (contract: C) => number | null },
): Map<Uuid, ContractValidity> {
  const byUuid = new Map<Uuid, C>();
  for (const c of contracts) byUuid.set(c.uuid.toLowerCase(), c);
  const results = new Map<Uuid, ContractValidity>();
  const evaluate = (contract: C, parentActive: boolean): ContractValidity =>
    contractValidity(contract, {
      today: options.today,
      noticePeriodMonths: options.noticePeriodMonthsOf?.(contract) ?? null,
      parentActive,
    });
  for (const start of byUuid.values()) {
    // Walk up to the first contract already known (or a root), then evaluate back down.
    const chain: C[] = [];
    const onChain = new Set<C>();
    let current: C | undefined = start;
    while (current && !results.has(current.uuid.toLowerCase()) && !onChain.has(current)) {
      chain.push(current);
      onChain.add(current);
      current = current.parentContractUuid ? byUuid.get(current.parentContractUuid.toLowerCase()) : undefined;
    }
    let parentActive = current ? (results.get(current.uuid.toLowerCase())?.valid ?? false) : false;
    for (const contract of chain.reverse()) {
      const result = evaluate(contract, parentActive);
      results.set(contract.uuid.toLowerCase(), result);
      parentActive = result.valid;
    }
  }
  return new Map([...byUuid.entries()].map(([key, c]) => [c.uuid, results.get(key) as ContractValidity]));
}
