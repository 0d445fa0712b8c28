/**
 * Turning rule results into the library's typed errors inside services.
 *
 * @module
 */
import { KitosConflictError, type KitosModule, KitosStateError, KitosValidationError } from '../shared/errors.js';
import { ISSUE_CODES, isIssueCode } from '../shared/issue-codes.js';
import type { RuleResult, RuleViolation } from '../shared/result.js';

/**
 * Throws for a failed rule result, as the error class the first violation's code has in the
 * catalogue ({@link ISSUE_CODES}): a conflict with what is stored, a state the record is in, or
 * (for everything else) invalid input.
 */
export function enforce<T>(result: RuleResult<T>, module: KitosModule): T {
  if (result.ok) return result.value;
  throw violationError(result.violations, module);
}

/** The typed error for a list of violations. */
export function violationError(violations: readonly RuleViolation[], module: KitosModule): Error {
  const first = violations[0];
  const kind = first && isIssueCode(first.code) ? ISSUE_CODES[first.code].class : 'validation';
  if (first && kind === 'conflict') {
    return new KitosConflictError(module, first.message, { code: first.code, violations, ...(first.context ?? {}) });
  }
  if (first && kind === 'state') {
    return new KitosStateError(module, first.message, { code: first.code, violations, ...(first.context ?? {}) });
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
