/**
 * Applying a whole {@link ItSystemUsagePatch} to a stored usage: merge section by section, keep
 * the GDPR gates and the responsible unit among the using units, then re-check everything.
 *
 * @module
 */
import type { RuleResult } from '../shared/index.js';
import type { applyUsageGdprPatch } from './usage-gdpr.rules.js';
import { applyUsagePatchOver } from './usage-patch.apply.js';
import type { ItSystemUsage, ItSystemUsagePatch, ItSystemUsageSchema } from './usage.schema.js';

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
  return applyUsagePatchOver(current, patch, false);
}
