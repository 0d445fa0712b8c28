/**
 * Checks of the fixed choices callers pass to the import and export functions (kind, language,
 * format). A choice is looked up in a list or a Map, never by indexing an object with it: a value
 * such as `__proto__` or `constructor` would find a member of `Object.prototype` there instead of
 * nothing.
 *
 * @module
 */
import { KitosValidationError, type ValidationIssue } from '../shared/errors.js';

/** A caller's value for a message, whatever it is (it may be no string at all). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null) return 'null';
  return typeof value === 'object' || typeof value === 'function' ? `a ${typeof value}` : String(value);
}

/**
 * The issue for `value` at `path` when it is not one of `allowed`, else `undefined`.
 *
 * @example
 * ```ts
 * choiceIssue('xls', ['xlsx', 'csv'], 'format', 'file format'); // { path: ['format'], code: 'invalid-value', … }
 * ```
 */
export function choiceIssue(
  value: unknown,
  allowed: readonly string[],
  path: string,
  what: string,
): ValidationIssue | undefined {
  if (typeof value === 'string' && allowed.includes(value)) return undefined;
  return invalidChoice(value, allowed, path, what);
}

/**
 * The issue of a value that is not one of `allowed`.
 *
 * @example
 * ```ts
 * throw new KitosValidationError('core', [invalidChoice(kind, IMPORT_KINDS, 'kind', 'import kind')]);
 * ```
 */
export function invalidChoice(value: unknown, allowed: readonly string[], path: string, what: string): ValidationIssue {
  return {
    path: [path],
    code: 'invalid-value',
    message: `unknown ${what} ${describeValue(value)}; allowed: ${allowed.join(', ')}`,
  };
}

/**
 * Throws one {@link KitosValidationError} listing every issue, when there is any.
 *
 * @example
 * ```ts
 * refuseOptions([choiceIssue(options.language ?? 'da', ['da', 'en'], 'language', 'language')]);
 * ```
 */
export function refuseOptions(issues: readonly (ValidationIssue | undefined)[]): void {
  const found = issues.filter((i): i is ValidationIssue => i !== undefined);
  if (found.length > 0) throw new KitosValidationError('core', found);
}
