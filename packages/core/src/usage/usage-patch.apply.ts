/**
 * The work of `applyUsagePatch`, with what the services know besides: whether the stored usage is
 * known to pass {@link ItSystemUsageSchema} (then only the sections the patch changes are parsed).
 * Internal to the core (not exported from the package).
 *
 * @module
 */
import {
  fail,
  noteParsed,
  ok,
  parseChangedFields,
  type RuleResult,
  type RuleViolation,
  safeParseNoted,
  toValidationIssues,
} from '../shared/index.js';
import { applyUsageGdprPatch } from './usage-gdpr.rules.js';
import { assignResponsibleUnit } from './usage.rules.js';
import {
  type ItSystemUsage,
  type ItSystemUsagePatch,
  ItSystemUsageSchema,
  ItSystemUsageSections,
  type UsageOrganizationUsage,
} from './usage.schema.js';

/** Copies the patch fields that are present (`undefined` means "leave unchanged"). */
function merge<T extends object>(current: T, patch: object | undefined): T {
  // An untouched section stays the stored object, so it is neither parsed nor diffed again.
  if (patch === undefined || Object.values(patch).every((value) => value === undefined)) return current;
  const merged = { ...current };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

function mergeGeneral(current: ItSystemUsage['general'], patch: ItSystemUsagePatch['general']) {
  if (patch === undefined) return current;
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
  if (patch === undefined && base.responsibleUnitUuid === current.responsibleUnitUuid) return current;
  return responsible === undefined ? base : assignResponsibleUnit(base, responsible);
}

/**
 * `applyUsagePatch`; with `currentValid` (the services know `current` passes
 * {@link ItSystemUsageSchema}) only the sections the merge changed are parsed, then the schema's
 * whole-record check, and anything short of a clean pass parses the whole merged usage as before.
 */
export function applyUsagePatchOver(
  current: ItSystemUsage,
  patch: ItSystemUsagePatch,
  currentValid: boolean,
): RuleResult<ItSystemUsage> {
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
  if (currentValid && violations.length === 0) {
    const parsed = parseChangedFields(ItSystemUsageSections, merged, current);
    if (parsed !== undefined) {
      noteParsed(ItSystemUsageSchema, parsed);
      return ok(parsed as ItSystemUsage);
    }
  }
  const parsed = safeParseNoted(ItSystemUsageSchema, merged);
  if (!parsed.success) violations.push(...toValidationIssues(parsed.error));
  return violations.length > 0 || !parsed.success ? fail(...violations) : ok(parsed.data);
}
