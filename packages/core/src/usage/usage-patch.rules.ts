/**
 * Applying a whole {@link ItSystemUsagePatch} to a stored usage: merge section by section, keep
 * the GDPR gates and the responsible unit among the using units, then re-check everything.
 *
 * @module
 */
import { fail, ok, type RuleResult, type RuleViolation, toValidationIssues } from '../shared/index.js';
import { applyUsageGdprPatch } from './usage-gdpr.rules.js';
import { assignResponsibleUnit } from './usage.rules.js';
import {
  type ItSystemUsage,
  type ItSystemUsagePatch,
  ItSystemUsageSchema,
  type UsageOrganizationUsage,
} from './usage.schema.js';

/** Copies the patch fields that are present (`undefined` means "leave unchanged"). */
function merge<T extends object>(current: T, patch: object | undefined): T {
  const merged = { ...current };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

function mergeGeneral(current: ItSystemUsage['general'], patch: ItSystemUsagePatch['general']) {
  const { validity, webAccessibility, ...rest } = patch ?? {};
  return {
    ...merge(current, rest),
    validity: merge(current.validity, validity),
    webAccessibility: merge(current.webAccessibility, webAccessibility),
  };
}

function mergeOrganizationUsage(
  current: UsageOrganizationUsage,
  patch: ItSystemUsagePatch['organizationUsage'],
): UsageOrganizationUsage {
  const using = patch?.usingUnitUuids ?? current.usingUnitUuids;
  const kept = current.responsibleUnitUuid && using.includes(current.responsibleUnitUuid);
  const base = { usingUnitUuids: using, responsibleUnitUuid: kept ? current.responsibleUnitUuid : null };
  const responsible = patch?.responsibleUnitUuid;
  return responsible === undefined ? base : assignResponsibleUnit(base, responsible);
}

/**
 * Applies `patch` to `current` and returns the new usage, or every violation found:
 *
 * 1. the GDPR gate violations of {@link applyUsageGdprPatch} (`gate-closed`);
 * 2. every problem of the merged usage against {@link ItSystemUsageSchema} (e.g. `date-order`
 *    for validFrom after validTo, `kle-added-and-removed`, `relation-to-self`), with its path.
 *
 * Links to other records (main contract, units, KLE, options) are checked when the usage is
 * saved, whichever way it changed.
 *
 * Merging: sections are merged field by field (`general.validity` and
 * `general.webAccessibility` too), lists are replaced whole. Naming a responsible unit that is not
 * using the system adds it to the using units; removing the responsible unit from the using units
 * clears the responsibility. Closed GDPR gates wipe their details.
 *
 * @example
 * ```ts
 * const r = applyUsagePatch(usage, { general: { validity: { lifeCycleStatus: 'NotInUse' } } });
 * if (r.ok) r.value.general.validity.validFrom; // unchanged
 * ```
 */
export function applyUsagePatch(current: ItSystemUsage, patch: ItSystemUsagePatch): RuleResult<ItSystemUsage> {
  const violations: RuleViolation[] = [];
  const gdpr = applyUsageGdprPatch(current.gdpr, patch.gdpr ?? {});
  if (!gdpr.ok) violations.push(...gdpr.violations);
  const merged = {
    ...merge(current, { ...patch, general: undefined, gdpr: undefined }),
    general: mergeGeneral(current.general, patch.general),
    organizationUsage: mergeOrganizationUsage(current.organizationUsage, patch.organizationUsage),
    localKleDeviations: merge(current.localKleDeviations, patch.localKleDeviations),
    gdpr: gdpr.ok ? gdpr.value : current.gdpr,
    archiving: merge(current.archiving, patch.archiving),
  };
  const parsed = ItSystemUsageSchema.safeParse(merged);
  if (!parsed.success) violations.push(...toValidationIssues(parsed.error));
  return violations.length > 0 || !parsed.success ? fail(...violations) : ok(parsed.data);
}
