/**
 * Applying a change to the GDPR section of a usage while keeping the gates (see
 * {@link UsageGdprGates}): details are accepted only behind an open gate, and a closed gate wipes
 * what it hides.
 *
 * @module
 */
import { fail, ok, type RuleResult, type RuleViolation } from '../shared/index.js';
import {
  describeUsageGdprBreach,
  findUsageGdprGateBreaches,
  type UsageGdpr,
  UsageGdprGates,
  type UsageGdprPatch,
  usageGdprClearedValue,
  usageGdprGateOpen,
} from './usage-gdpr.schema.js';

/** Copies the patch fields that are present (`undefined` means "leave unchanged"). */
function mergeDefined<T extends object>(current: T, patch: Partial<T>): T {
  const merged = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** Sets every detail behind a closed gate to its cleared value. */
function clearClosedGates(gdpr: UsageGdpr): UsageGdpr {
  const cleared: Record<string, unknown> = { ...gdpr };
  for (const { answer, details } of UsageGdprGates) {
    if (usageGdprGateOpen(gdpr, answer)) continue;
    for (const field of details) cleared[field] = usageGdprClearedValue(field);
  }
  if (!usageGdprGateOpen(gdpr, 'dataSensitivityLevels')) cleared.specificPersonalData = [];
  return cleared as UsageGdpr;
}

/**
 * Applies `patch` to the GDPR section `current`, the way KITOS does:
 *
 * - a detail field (e.g. `riskAssessmentResult`) given with a value while its question will not be
 *   `Yes` after the patch (No, DontKnow, Undecided or unanswered) is refused with the code
 *   `gate-closed` and the path `['gdpr', field]`; every refused detail is listed, in
 *   {@link UsageGdprGates} order, with `specificPersonalData` (needs the `PersonalData` level) last;
 * - otherwise the patch is merged, and every detail behind a closed gate is cleared (`null`, `[]`,
 *   and 0 for the retention frequency), so answering anything but `Yes` wipes the details, and
 *   removing the `PersonalData` level wipes the specific personal data.
 *
 * Sending a detail as empty (`null`, `[]`, `''`, 0) behind a closed gate is not an error.
 *
 * @example
 * ```ts
 * const r = applyUsageGdprPatch(gdpr, { riskAssessmentConducted: 'No' });
 * if (r.ok) r.value.riskAssessmentResult; // null: the details went with the Yes
 *
 * applyUsageGdprPatch(gdpr, { dpiaConducted: 'DontKnow', dpiaDate: '2025-03-01' });
 * // { ok: false, violations: [{ code: 'gate-closed', path: ['gdpr', 'dpiaDate'], … }] }
 * ```
 */
export function applyUsageGdprPatch(current: UsageGdpr, patch: UsageGdprPatch): RuleResult<UsageGdpr> {
  const merged = mergeDefined(current, patch as Partial<UsageGdpr>);
  // Judge only what the patch itself sets: stale details already stored behind a closed gate are
  // cleared below, not blamed on the caller.
  const patchedDetails: Partial<UsageGdpr> = {};
  for (const { answer, details } of UsageGdprGates) {
    for (const field of details) (patchedDetails as Record<string, unknown>)[field] = patch[field];
    (patchedDetails as Record<string, unknown>)[answer] = merged[answer];
  }
  patchedDetails.specificPersonalData = patch.specificPersonalData ?? [];
  patchedDetails.dataSensitivityLevels = merged.dataSensitivityLevels;

  const violations: RuleViolation[] = findUsageGdprGateBreaches(patchedDetails).map((breach) => ({
    code: 'gate-closed',
    message: describeUsageGdprBreach(breach, merged),
    path: ['gdpr', breach.field],
    context: { gate: breach.gate, value: merged[breach.gate] },
  }));
  if (violations.length > 0) return fail(...violations);
  return ok(clearClosedGates(merged));
}
