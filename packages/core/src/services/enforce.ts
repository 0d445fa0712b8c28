/**
 * Turning rule results into the library's typed errors inside services.
 *
 * @module
 */
import { KitosConflictError, type KitosModule, KitosValidationError } from '../shared/errors.js';
import type { RuleResult, RuleViolation } from '../shared/result.js';

/** Violation codes that mean "the data is fine but clashes with what exists": reported as conflicts. */
const CONFLICT_CODES = new Set([
  'duplicate-name',
  'duplicate-name-and-interface-id',
  'usage-exists',
  'name-taken',
  'duplicate-email',
  'duplicate-membership',
  'duplicate-role-assignment',
  'in-use',
  'has-children',
  'has-interface-exhibits',
  'exposed-by-system',
  'root-unit',
]);

/** Throws for a failed rule result (conflict codes → `KitosConflictError`, others → `KitosValidationError`). */
export function enforce<T>(result: RuleResult<T>, module: KitosModule): T {
  if (result.ok) return result.value;
  throw violationError(result.violations, module);
}

/** The typed error for a list of violations. */
export function violationError(violations: readonly RuleViolation[], module: KitosModule): Error {
  const first = violations[0];
  if (first && CONFLICT_CODES.has(first.code)) {
    return new KitosConflictError(module, first.message, { code: first.code, violations, ...(first.context ?? {}) });
  }
  return new KitosValidationError(
    module,
    violations.map((v) => ({ path: v.path ?? [], code: v.code, message: v.message })),
  );
}

/** Fails with `not-same-organisation` for each referenced uuid that is not in `own`. */
export function sameOrganisation(
  refs: readonly { path: (string | number)[]; uuid: string | null | undefined }[],
  own: ReadonlySet<string>,
  module: KitosModule,
): void {
  const violations: RuleViolation[] = refs
    .filter((r): r is { path: (string | number)[]; uuid: string } => !!r.uuid && !own.has(r.uuid))
    .map((r) => ({
      code: 'not-same-organisation',
      message: `${r.uuid} is not part of this organisation`,
      path: r.path,
    }));
  if (violations.length > 0) throw violationError(violations, module);
}
