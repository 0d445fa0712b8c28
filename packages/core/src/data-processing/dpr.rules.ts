/**
 * Rules of the data processing registration: validity through the main contract, the main
 * contract among the associated contracts, the latest oversight and unique names.
 *
 * @module
 */
import { fail, type IsoDate, KitosError, ok, type RuleResult } from '../shared/index.js';

/** Outcome of {@link dprValidity}. */
export interface DprValidityResult {
  /** True unless the main contract exists and is inactive. */
  readonly valid: boolean;
  /** Same as `valid`: the main contract is the only source of invalidity. */
  readonly validAccordingToMainContract: boolean;
  /** `['MainContractNotActive']` or empty. */
  readonly errors: readonly 'MainContractNotActive'[];
  /** One readable explanation per error. */
  readonly reasons: readonly string[];
}

/**
 * Whether a registration is valid ("active"): it is, unless it has a main contract and that
 * contract is not active. A registration with a main contract must be given `mainContractActive`;
 * leaving it out throws a `KitosError` (code `rule`) rather than guessing.
 *
 * @example
 * ```ts
 * dprValidity({ general: { mainContractUuid: null } }, {}).valid; // true
 * dprValidity({ general: { mainContractUuid: c } }, { mainContractActive: false }).errors; // ['MainContractNotActive']
 * ```
 */
export function dprValidity(
  dpr: { readonly general: { readonly mainContractUuid: string | null } },
  context: { readonly mainContractActive?: boolean },
): DprValidityResult {
  const main = dpr.general.mainContractUuid;
  if (main && context.mainContractActive === undefined) {
    throw new KitosError('rule', 'data-processing', 'mainContractActive is required when there is a main contract', {
      mainContractUuid: main,
    });
  }
  const valid = !main || context.mainContractActive === true;
  return {
    valid,
    validAccordingToMainContract: valid,
    errors: valid ? [] : ['MainContractNotActive'],
    reasons: valid ? [] : [`the main contract ${main} is not active`],
  };
}

/**
 * The date of the latest completed oversight, or `null` when there is none.
 *
 * @example
 * ```ts
 * latestDprOversightDate({ oversight: { oversightDates: [{ date: '2024-05-01' }, { date: '2025-02-01' }] } });
 * // '2025-02-01'
 * ```
 */
export function latestDprOversightDate(dpr: {
  readonly oversight: { readonly oversightDates: readonly { readonly date: IsoDate }[] };
}): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const { date } of dpr.oversight.oversightDates) if (latest === null || date > latest) latest = date;
  return latest;
}

/** Identifies a registration by name within its organisation. */
export interface DprNameKey {
  readonly uuid?: string;
  readonly name: string;
}

/**
 * Registration names are unique within an organisation: fails with `name-taken` when another
 * registration among `existing` (those of the same organisation) has the same name, ignoring
 * surrounding spaces and letter case. A registration with the candidate's uuid is the candidate
 * itself and does not count (renaming to the same name is fine).
 *
 * @example
 * ```ts
 * checkDprNameUnique([{ uuid: 'a', name: 'Løn' }], { name: ' løn ' }).ok; // false
 * ```
 */
export function checkDprNameUnique(existing: readonly DprNameKey[], candidate: DprNameKey): RuleResult<DprNameKey> {
  const key = (name: string) => name.trim().toLocaleLowerCase('da');
  const clash = existing.find(
    (d) => key(d.name) === key(candidate.name) && (d.uuid === undefined || d.uuid !== candidate.uuid),
  );
  if (!clash) return ok(candidate);
  return fail({
    code: 'name-taken',
    message: `a registration named "${clash.name}" already exists in the organisation`,
    path: ['name'],
    context: { existingUuid: clash.uuid ?? null },
  });
}
