/**
 * Typed results for pure rules: a rule never throws for an expected business outcome; it returns
 * `ok(value)` or `fail(violations)`.
 *
 * @module
 */

import type { IssueCode } from './issue-codes.js';

/** A broken business rule: a stable code, a readable message and the path it concerns. */
export interface RuleViolation {
  /** Stable code from {@link ISSUE_CODES}, e.g. `cycle`, `not-same-organisation`, `in-use`. */
  readonly code: IssueCode;
  /** Human-readable explanation (English). */
  readonly message: string;
  /** Field path the violation concerns, if any. */
  readonly path?: readonly (string | number)[];
  /** Extra facts (ids, values). */
  readonly context?: Readonly<Record<string, unknown>>;
}

/** Outcome of a rule: a value, or the list of violations (in the order they were checked). */
export type RuleResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly violations: readonly RuleViolation[] };

/**
 * A successful rule result.
 *
 * @example
 * ```ts
 * const r: RuleResult<number> = ok(3);
 * ```
 */
export function ok<T>(value: T): RuleResult<T> {
  return { ok: true, value };
}

/**
 * A failed rule result with one or more violations.
 *
 * @example
 * ```ts
 * return fail({ code: 'cycle', message: 'a contract cannot be its own parent' });
 * ```
 */
export function fail<T = never>(...violations: RuleViolation[]): RuleResult<T> {
  return { ok: false, violations };
}
