/**
 * Pure rules for an owner's list of external references.
 *
 * @module
 */
import { type RuleResult, type RuleViolation, type Uuid, fail, ok } from '../shared/index.js';
import type { ExternalReference } from './external-reference.schema.js';

/**
 * Checks an owner's references: uuids are unique (`duplicate-uuid`) and at most one is the master
 * reference (`multiple-master-references`).
 *
 * @example
 * ```ts
 * externalReferencesValidity(system.externalReferences).ok; // true
 * ```
 */
export function externalReferencesValidity(references: readonly ExternalReference[]): RuleResult<void> {
  const violations: RuleViolation[] = [];
  const seen = new Set<Uuid>();
  references.forEach((r, i) => {
    if (seen.has(r.uuid)) {
      violations.push({ code: 'duplicate-uuid', message: 'the reference appears twice', path: [i, 'uuid'] });
    }
    seen.add(r.uuid);
  });
  const masters = references.filter((r) => r.masterReference);
  if (masters.length > 1) {
    violations.push({
      code: 'multiple-master-references',
      message: 'only one reference can be the master reference',
      context: { uuids: masters.map((m) => m.uuid) },
    });
  }
  return violations.length ? fail(...violations) : ok(undefined);
}

/**
 * Makes `uuid` the one master reference and clears the flag on all others. Fails with
 * `reference-not-found` when the owner has no such reference.
 *
 * @example
 * ```ts
 * const r = externalReferencesSetMaster(refs, contractPdf.uuid);
 * if (r.ok) owner.externalReferences = r.value;
 * ```
 */
export function externalReferencesSetMaster(
  references: readonly ExternalReference[],
  uuid: Uuid,
): RuleResult<ExternalReference[]> {
  if (!references.some((r) => r.uuid === uuid)) {
    return fail({ code: 'reference-not-found', message: 'the owner has no such reference', context: { uuid } });
  }
  return ok(references.map((r) => ({ ...r, masterReference: r.uuid === uuid })));
}
