/**
 * Applying a change to a data processing registration while keeping its gates and its main
 * contract among the associated contracts.
 *
 * @module
 */
import { fail, ok, type RuleResult, type RuleViolation, toValidationIssues } from '../shared/index.js';
import {
  type DprGateBreach,
  findDprGeneralGateBreaches,
  findDprOversightGateBreaches,
  findSubDataProcessorGateBreach,
} from './dpr-gates.js';
import {
  type DataProcessingRegistration,
  type DataProcessingRegistrationPatch,
  DataProcessingRegistrationSchema,
  type DprGeneral,
  type DprGeneralPatch,
  type DprOversight,
} from './dpr.schema.js';

/** Copies the patch fields that are present (`undefined` means "leave unchanged"). */
function merge<T extends object>(current: T, patch: object | undefined): T {
  const merged = { ...current };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

const gateViolation = (b: DprGateBreach, prefix: (string | number)[]): RuleViolation => ({
  code: 'gate-closed',
  message: b.message,
  path: [...prefix, ...b.path],
  context: { gate: b.gate },
});

/** Gate breaches of the details the patch itself sets, judged against the answers after the patch. */
function generalViolations(general: DprGeneral, patch: DprGeneralPatch): RuleViolation[] {
  const view = {
    transferToInsecureThirdCountries: general.transferToInsecureThirdCountries,
    insecureCountryUuids: patch.insecureCountryUuids,
    hasSubDataProcessors: general.hasSubDataProcessors,
    subDataProcessors: patch.subDataProcessors,
  };
  const subs = (patch.subDataProcessors ?? []).flatMap((sub, i) => {
    const b = findSubDataProcessorGateBreach(sub);
    return b ? [gateViolation(b, ['general', 'subDataProcessors', i])] : [];
  });
  return [...findDprGeneralGateBreaches(view).map((b) => gateViolation(b, ['general'])), ...subs];
}

/**
 * Whether the patch takes the agreement away from Yes without giving a date itself: then the
 * stored conclusion date goes. A patch that leaves the answer alone never touches the date.
 */
function clearsConclusionDate(current: DprGeneral, patch: DprGeneralPatch): boolean {
  const answer = patch.isAgreementConcluded;
  return (
    current.isAgreementConcluded === 'Yes' &&
    answer !== undefined &&
    answer !== 'Yes' &&
    patch.agreementConcludedAt === undefined
  );
}

/** Clears every detail behind a closed gate, and a main contract that is no longer associated. */
function closeGeneral(general: DprGeneral, contractUuids: readonly string[], clearDate: boolean): DprGeneral {
  const yesSubs = general.hasSubDataProcessors === 'Yes';
  return {
    ...general,
    agreementConcludedAt: clearDate ? null : general.agreementConcludedAt,
    insecureCountryUuids: general.transferToInsecureThirdCountries === 'Yes' ? general.insecureCountryUuids : [],
    subDataProcessors: yesSubs
      ? general.subDataProcessors.map((s) =>
          findSubDataProcessorGateBreach(s) ? { ...s, insecureCountryUuid: null } : s,
        )
      : [],
    mainContractUuid:
      general.mainContractUuid && contractUuids.includes(general.mainContractUuid) ? general.mainContractUuid : null,
  };
}

function closeOversight(oversight: DprOversight): DprOversight {
  return oversight.isOversightCompleted === 'Yes' ? oversight : { ...oversight, oversightDates: [] };
}

/**
 * Applies `patch` to `current` as KITOS does, returning the new registration or every violation:
 *
 * 1. `gate-closed` for a detail the patch sets behind a gate that is closed after the patch:
 *    `general.insecureCountryUuids` (transfer = Yes),
 *    `general.subDataProcessors` (`hasSubDataProcessors` = Yes), each sub-processor's
 *    `insecureCountryUuid` (its transfer = Yes), then `oversight.oversightDates` (completed = Yes);
 * 2. `main-contract-not-associated` when the patch names a main contract that is not among the
 *    registration's contracts after the patch;
 * 3. every problem of the result against {@link DataProcessingRegistrationSchema} (e.g. a blank name).
 *
 * Otherwise the patch is merged (sections field by field, lists replaced whole) and closed gates
 * are wiped: answering anything but Yes empties the countries, removes every sub-processor or every
 * oversight date; removing the main contract from `contractUuids` resets the main contract. The
 * agreement's conclusion date is not gated (it may be written whatever the answer, as in KITOS);
 * changing the answer from Yes to anything else clears it unless the same patch gives a date, and
 * a patch that leaves the answer alone keeps it.
 *
 * @example
 * ```ts
 * const r = applyDprPatch(dpr, { general: { hasSubDataProcessors: 'No' } });
 * if (r.ok) r.value.general.subDataProcessors; // []
 * ```
 */
export function applyDprPatch(
  current: DataProcessingRegistration,
  patch: DataProcessingRegistrationPatch,
): RuleResult<DataProcessingRegistration> {
  const general = merge(current.general, patch.general);
  const oversight = merge(current.oversight, patch.oversight);
  const contractUuids = patch.contractUuids ?? current.contractUuids;
  const violations = generalViolations(general, patch.general ?? {});
  const main = patch.general?.mainContractUuid;
  if (main && !contractUuids.includes(main)) {
    violations.push({
      code: 'main-contract-not-associated',
      message: `contract ${main} is not associated with the registration`,
      path: ['general', 'mainContractUuid'],
    });
  }
  const dates = {
    isOversightCompleted: oversight.isOversightCompleted,
    oversightDates: patch.oversight?.oversightDates,
  };
  violations.push(...findDprOversightGateBreaches(dates).map((b) => gateViolation(b, ['oversight'])));
  if (violations.length > 0) return fail(...violations);

  const next = {
    ...merge(current, { ...patch, general: undefined, oversight: undefined }),
    general: closeGeneral(general, contractUuids, clearsConclusionDate(current.general, patch.general ?? {})),
    oversight: closeOversight(oversight),
  };
  const parsed = DataProcessingRegistrationSchema.safeParse(next);
  return parsed.success ? ok(parsed.data) : fail(...toValidationIssues(parsed.error));
}
