/**
 * Whether a usage is valid ("active") on a given day, with KITOS's reasons.
 *
 * @module
 */
import { type EnumValue, type IsoDate, KitosError, kitosEnum } from '../shared/index.js';
import type { UsageGeneral } from './usage-general.schema.js';

/**
 * Why a usage is not valid, as KITOS reports it: StartDateNotPassed=0, EndDatePassed=1,
 * NotOperationalAccordingToLifeCycle=2, MainContractNotActive=3 (in checking order).
 */
export const UsageValidityError = kitosEnum({
  StartDateNotPassed: 0,
  EndDatePassed: 1,
  NotOperationalAccordingToLifeCycle: 2,
  MainContractNotActive: 3,
});
/** Accepts exactly the names of {@link UsageValidityError}. */
export const UsageValidityErrorSchema = UsageValidityError.schema;
/** Why a usage is not valid. */
export type UsageValidityError = EnumValue<typeof UsageValidityError>;

/** Outcome of {@link usageValidity}. */
export interface UsageValidityResult {
  /** True when there are no errors. */
  readonly valid: boolean;
  /** False on `StartDateNotPassed` or `EndDatePassed`. */
  readonly validAccordingToValidityPeriod: boolean;
  /** False only when the life cycle is `NotInUse`. */
  readonly validAccordingToLifeCycle: boolean;
  /** False when a main contract is set and it is not active. */
  readonly validAccordingToMainContract: boolean;
  /** Every error that applies, in the order of {@link UsageValidityErrorSchema}. */
  readonly errors: readonly UsageValidityError[];
  /** One readable explanation per error, same order. */
  readonly reasons: readonly string[];
}

/** What {@link usageValidity} reads from a usage (a whole `ItSystemUsage` fits). */
export interface UsageValidityInput {
  readonly general: Pick<UsageGeneral, 'validity' | 'mainContractUuid'>;
}

/** Facts from outside the usage that validity depends on. */
export interface UsageValidityContext {
  /** The day to evaluate (KITOS uses today's date in UTC). */
  readonly today: IsoDate;
  /** Whether the main contract is active today; required when the usage has a main contract. */
  readonly mainContractActive?: boolean;
}

/**
 * Computes whether a usage is valid on `today`, as KITOS does:
 *
 * 1. `StartDateNotPassed` when `today` is before `validFrom`, and 2. `EndDatePassed` when `today`
 *    is after `validTo`; both days are inclusive, and the period is only checked when at least one
 *    date is set;
 * 3. `NotOperationalAccordingToLifeCycle` only when the life cycle is `NotInUse` (unset,
 *    `Undecided`, `PhasingIn`, `Operational` and `PhasingOut` all count as in use);
 * 4. `MainContractNotActive` when a main contract is set and `mainContractActive` is false.
 *
 * The usage is valid when no error applies. A usage with a main contract must be given
 * `mainContractActive`; leaving it out throws a `KitosError` (code `rule`) rather than guessing.
 *
 * @example
 * ```ts
 * usageValidity(
 *   { general: { validity: { validFrom: '2025-01-01', validTo: null, lifeCycleStatus: 'NotInUse' }, mainContractUuid: null } },
 *   { today: '2024-12-31' },
 * ).errors; // ['StartDateNotPassed', 'NotOperationalAccordingToLifeCycle']
 * ```
 */
export function usageValidity(usage: UsageValidityInput, context: UsageValidityContext): UsageValidityResult {
  const { validFrom, validTo, lifeCycleStatus } = usage.general.validity;
  const { today } = context;
  const errors: UsageValidityError[] = [];
  const reasons: string[] = [];
  if (validFrom && today < validFrom) {
    errors.push('StartDateNotPassed');
    reasons.push(`the usage starts on ${validFrom}, after ${today}`);
  }
  if (validTo && today > validTo) {
    errors.push('EndDatePassed');
    reasons.push(`the usage ended on ${validTo}, before ${today}`);
  }
  if (lifeCycleStatus === 'NotInUse') {
    errors.push('NotOperationalAccordingToLifeCycle');
    reasons.push('the life cycle status is NotInUse');
  }
  if (usage.general.mainContractUuid && !mainContractActive(usage.general.mainContractUuid, context)) {
    errors.push('MainContractNotActive');
    reasons.push(`the main contract ${usage.general.mainContractUuid} is not active`);
  }
  return {
    valid: errors.length === 0,
    validAccordingToValidityPeriod: !errors.includes('StartDateNotPassed') && !errors.includes('EndDatePassed'),
    validAccordingToLifeCycle: !errors.includes('NotOperationalAccordingToLifeCycle'),
    validAccordingToMainContract: !errors.includes('MainContractNotActive'),
    errors,
    reasons,
  };
}

function mainContractActive(contractUuid: string, context: UsageValidityContext): boolean {
  if (context.mainContractActive === undefined) {
    throw new KitosError('rule', 'usage', 'mainContractActive is required when the usage has a main contract', {
      mainContractUuid: contractUuid,
    });
  }
  return context.mainContractActive;
}
