/**
 * Local KLE deviations of a usage: tasks the organisation adds to, or removes from, the KLE of the
 * catalogue system.
 *
 * @module
 */
import { fail, type IssueCode, ok, type RuleResult, type RuleViolation } from '../shared/index.js';
import type { UsageKleDeviations } from './usage.schema.js';

/**
 * The KLE a usage effectively supports: the system's KLE, plus those added locally, minus those
 * removed locally. Order: the system's KLE first, then the additions; no duplicates.
 *
 * @example
 * ```ts
 * effectiveUsageKle(['a', 'b'], { addedKleUuids: ['c'], removedKleUuids: ['a'] }); // ['b', 'c']
 * ```
 */
export function effectiveUsageKle(systemKleUuids: readonly string[], deviations: UsageKleDeviations): string[] {
  const removed = new Set(deviations.removedKleUuids);
  const result = new Set<string>();
  for (const kle of [...systemKleUuids, ...deviations.addedKleUuids]) if (!removed.has(kle)) result.add(kle);
  return [...result];
}

function duplicates(list: readonly string[], field: string): RuleViolation[] {
  return list.flatMap((kle, index) =>
    list.indexOf(kle) === index
      ? []
      : [{ code: 'duplicate', message: `KLE ${kle} is listed twice`, path: ['localKleDeviations', field, index] }],
  );
}

/**
 * Checks the local KLE deviations against the catalogue system's KLE; entries already in
 * `stored` are not checked against the system again (its KLE may have changed since). Violations, in this order:
 * `duplicate` (a KLE listed twice in one list), `kle-added-and-removed`, `kle-already-on-system`
 * (adding a KLE the system already has) and `kle-not-on-system` (removing one it does not have).
 *
 * @example
 * ```ts
 * checkUsageKleDeviations({ addedKleUuids: ['a'], removedKleUuids: [] }, ['a']);
 * // { ok: false, violations: [{ code: 'kle-already-on-system', … }] }
 * ```
 */
export function checkUsageKleDeviations(
  deviations: UsageKleDeviations,
  systemKleUuids: readonly string[],
  stored?: UsageKleDeviations,
): RuleResult<UsageKleDeviations> {
  const { addedKleUuids: added, removedKleUuids: removed } = deviations;
  // Entries already stored were checked when they were made; the system's KLE may have changed since.
  const keptAdded = new Set(stored?.addedKleUuids ?? []);
  const keptRemoved = new Set(stored?.removedKleUuids ?? []);
  const onSystem = new Set(systemKleUuids);
  const at = (field: string, index: number) => ['localKleDeviations', field, index];
  const violation = (code: IssueCode, message: string, field: string, index: number): RuleViolation[] => [
    { code, message, path: at(field, index) },
  ];
  const violations: RuleViolation[] = [
    ...duplicates(added, 'addedKleUuids'),
    ...duplicates(removed, 'removedKleUuids'),
    ...removed.flatMap((kle, i) =>
      added.includes(kle)
        ? violation('kle-added-and-removed', `KLE ${kle} is both added and removed`, 'removedKleUuids', i)
        : [],
    ),
    ...added.flatMap((kle, i) =>
      onSystem.has(kle) && !keptAdded.has(kle)
        ? violation('kle-already-on-system', `the system already has KLE ${kle}`, 'addedKleUuids', i)
        : [],
    ),
    ...removed.flatMap((kle, i) =>
      onSystem.has(kle) || keptRemoved.has(kle)
        ? []
        : violation('kle-not-on-system', `the system does not have KLE ${kle}`, 'removedKleUuids', i),
    ),
  ];
  return violations.length > 0 ? fail(...violations) : ok(deviations);
}
