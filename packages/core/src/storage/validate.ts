/**
 * Checks of the port's inputs, in one place for every adapter: a malformed query, an unknown
 * operator or field, a value of the wrong type, a negative page or a feed position that is not a
 * number is a {@link KitosValidationError} naming the part of the input at fault — the same error
 * on the memory adapter as on SQL, never a driver error, a `TypeError` or a silent empty result.
 *
 * @module
 */
import { KitosValidationError, type ValidationIssue } from '../shared/errors.js';
import type { IssueCode } from '../shared/issue-codes.js';
import type { ChangesOptions, IndexFieldType, Query, UniqueConstraint } from './port.js';

/** Index field types of one kind, by field name (what `migrate` declared). */
export type KindFieldTypes = Readonly<Record<string, IndexFieldType>>;

const COMPARISONS = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);
const OPERATORS = new Set([...COMPARISONS, 'in', 'contains', 'startsWith', 'isNull', 'notNull', 'hasAny']);

/** Deepest filter nesting accepted (a generated query never needs more; a hostile one may try). */
export const MAX_FILTER_DEPTH = 32;
/** Most values in one `in`/`hasAny` list. */
export const MAX_FILTER_VALUES = 100_000;

type Path = (string | number)[];

function issue(path: Path, code: IssueCode, message: string): ValidationIssue {
  return { path, code, message };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNonNegativeInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function valueFits(type: IndexFieldType, value: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return typeof value === 'string'; // text, date, and the elements of a textList
  }
}

function checkField(filter: Record<string, unknown>, path: Path, types: KindFieldTypes, out: ValidationIssue[]) {
  const field = filter.field;
  if (typeof field !== 'string') {
    out.push(issue([...path, 'field'], 'invalid-type', 'field must be the name of an index field'));
    return undefined;
  }
  const type = Object.hasOwn(types, field) ? types[field] : undefined;
  if (!type) out.push(issue([...path, 'field'], 'unknown-field', `"${field}" is not an index field of this kind`));
  return type;
}

function checkFilter(f: unknown, path: Path, types: KindFieldTypes, depth: number, out: ValidationIssue[]): void {
  if (depth > MAX_FILTER_DEPTH) {
    out.push(issue(path, 'too-deep', `filters may nest at most ${MAX_FILTER_DEPTH} levels`));
    return;
  }
  if (!isRecord(f)) {
    out.push(issue(path, 'invalid-type', 'a filter must be an object with an op'));
    return;
  }
  const op = f.op;
  if (op === 'and' || op === 'or') {
    if (!Array.isArray(f.filters)) {
      out.push(issue([...path, 'filters'], 'required', `${op} needs a list of filters`));
      return;
    }
    for (const [i, x] of f.filters.entries()) checkFilter(x, [...path, 'filters', i], types, depth + 1, out);
    return;
  }
  if (op === 'not') {
    checkFilter(f.filter, [...path, 'filter'], types, depth + 1, out);
    return;
  }
  if (typeof op !== 'string' || !OPERATORS.has(op)) {
    out.push(issue([...path, 'op'], 'unknown-operator', `unknown filter operator ${JSON.stringify(op)}`));
    return;
  }
  const type = checkField(f, path, types, out);
  if (op === 'isNull' || op === 'notNull') return;
  if (op === 'in' || op === 'hasAny') {
    if (!Array.isArray(f.values)) {
      out.push(issue([...path, 'values'], 'required', `${op} needs a list of values`));
      return;
    }
    if (f.values.length > MAX_FILTER_VALUES)
      out.push(issue([...path, 'values'], 'too-big', `at most ${MAX_FILTER_VALUES} values`));
    if (op === 'hasAny' && type && type !== 'textList')
      out.push(issue([...path, 'op'], 'invalid-operator', `hasAny needs a textList field, "${f.field}" is ${type}`));
    const elementType: IndexFieldType | undefined = type === 'textList' || op === 'hasAny' ? 'text' : type;
    f.values.forEach((v, i) => {
      if (elementType && !valueFits(elementType, v))
        out.push(issue([...path, 'values', i], 'invalid-type', `needs a ${elementType} value`));
    });
    return;
  }
  if (op === 'contains' || op === 'startsWith') {
    if (typeof f.value !== 'string') out.push(issue([...path, 'value'], 'invalid-type', `${op} needs a string value`));
    return;
  }
  // Comparisons: on a list only `ne` means something (true when the list is empty); the value is
  // still checked so a typo'd number never silently compares as text.
  const valueType: IndexFieldType | undefined = type === 'textList' ? 'text' : type;
  if (!('value' in f)) out.push(issue([...path, 'value'], 'required', `${op} needs a value`));
  else if (valueType && !valueFits(valueType, f.value))
    out.push(issue([...path, 'value'], 'invalid-type', `${op} on a ${type} field needs a ${valueType} value`));
}

/**
 * Throws a {@link KitosValidationError} when a query is malformed for the kind's declared fields.
 * A kind the store does not know is not an error here (it simply has no records).
 *
 * @example
 * ```ts
 * assertValidQuery({ kind: 'itContract', filter: { op: 'eq', field: 'name', value: 'ESDH' } }, { name: 'text' });
 * assertValidQuery({ kind: 'itContract', limit: -1 }, {}); // throws: limit must be a non-negative integer
 * ```
 */
export function assertValidQuery(query: Query, types: KindFieldTypes | undefined): void {
  const out: ValidationIssue[] = [];
  if (!isRecord(query)) throw new KitosValidationError('storage', [issue([], 'invalid-type', 'a query is an object')]);
  if (typeof query.kind !== 'string') out.push(issue(['kind'], 'invalid-type', 'kind must be a string'));
  if (query.offset !== undefined && !isNonNegativeInteger(query.offset))
    out.push(issue(['offset'], 'invalid-number', 'offset must be a non-negative integer'));
  if (query.limit !== undefined && !isNonNegativeInteger(query.limit))
    out.push(issue(['limit'], 'invalid-number', 'limit must be a non-negative integer'));
  if (query.count !== undefined && typeof query.count !== 'boolean')
    out.push(issue(['count'], 'invalid-type', 'count must be a boolean'));
  checkOrganizations(query.organizationUuids, ['organizationUuids'], out);
  const fieldTypes = types ?? {};
  if (query.filter !== undefined) {
    // Unknown kinds have no fields: their filters cannot be checked and match nothing anyway.
    if (types) checkFilter(query.filter, ['filter'], fieldTypes, 0, out);
    else if (!isRecord(query.filter)) out.push(issue(['filter'], 'invalid-type', 'a filter must be an object'));
  }
  if (query.sort !== undefined) {
    if (!Array.isArray(query.sort)) out.push(issue(['sort'], 'invalid-type', 'sort must be a list'));
    else
      query.sort.forEach((s: unknown, i: number) => {
        if (!isRecord(s) || typeof s.field !== 'string') {
          out.push(issue(['sort', i], 'invalid-type', 'a sort key is { field, direction? }'));
          return;
        }
        if (types && !Object.hasOwn(fieldTypes, s.field))
          out.push(issue(['sort', i, 'field'], 'unknown-field', `"${s.field}" is not an index field of this kind`));
        if (s.direction !== undefined && s.direction !== 'asc' && s.direction !== 'desc')
          out.push(issue(['sort', i, 'direction'], 'invalid-enum-value', 'direction is asc or desc'));
      });
  }
  if (out.length) throw new KitosValidationError('storage', out, { kind: query.kind });
}

function checkOrganizations(orgs: unknown, path: Path, out: ValidationIssue[]) {
  if (orgs === undefined) return;
  if (!Array.isArray(orgs)) {
    out.push(issue(path, 'invalid-type', 'organisations must be a list of uuids (or null for global data)'));
    return;
  }
  orgs.forEach((o, i) => {
    if (o !== null && typeof o !== 'string')
      out.push(issue([...path, i], 'invalid-type', 'an organisation is a uuid string or null'));
  });
}

/**
 * Throws a {@link KitosValidationError} for a malformed `get` (kind and uuid must be strings).
 *
 * @example
 * ```ts
 * assertValidGet('itContract', 42 as never); // throws: uuid must be a string
 * ```
 */
export function assertValidGet(kind: unknown, uuid: unknown): void {
  const out: ValidationIssue[] = [];
  if (typeof kind !== 'string') out.push(issue(['kind'], 'invalid-type', 'kind must be a string'));
  if (typeof uuid !== 'string') out.push(issue(['uuid'], 'invalid-type', 'uuid must be a string'));
  if (out.length) throw new KitosValidationError('storage', out);
}

/**
 * Throws a {@link KitosValidationError} for a malformed change-feed request: the position must
 * be a non-negative integer, a limit a positive integer.
 *
 * @example
 * ```ts
 * assertValidChanges(Number.NaN); // throws: since must be a non-negative integer
 * ```
 */
export function assertValidChanges(since: unknown, options: ChangesOptions | undefined): void {
  const out: ValidationIssue[] = [];
  if (!isNonNegativeInteger(since))
    out.push(issue(['since'], 'invalid-number', 'since must be a non-negative integer'));
  if (options !== undefined) {
    if (!isRecord(options)) out.push(issue(['options'], 'invalid-type', 'options must be an object'));
    else {
      if (options.limit !== undefined && !(isNonNegativeInteger(options.limit) && options.limit > 0))
        out.push(issue(['limit'], 'invalid-number', 'limit must be a positive integer'));
      if (
        options.kinds !== undefined &&
        !(Array.isArray(options.kinds) && options.kinds.every((k) => typeof k === 'string'))
      )
        out.push(issue(['kinds'], 'invalid-type', 'kinds must be a list of strings'));
      if (options.includeUnsettled !== undefined && typeof options.includeUnsettled !== 'boolean')
        out.push(issue(['includeUnsettled'], 'invalid-type', 'includeUnsettled must be true or false'));
      checkOrganizations(options.organizationUuids, ['organizationUuids'], out);
    }
  }
  if (out.length) throw new KitosValidationError('storage', out);
}

/**
 * Throws a {@link KitosValidationError} for lock keys that are not a list of non-empty strings.
 *
 * @example
 * ```ts
 * assertValidLockKeys(['org:42']);
 * ```
 */
export function assertValidLockKeys(keys: unknown): asserts keys is readonly string[] {
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string' && k.length > 0))
    throw new KitosValidationError('storage', [issue(['keys'], 'invalid-type', 'lock keys are non-empty strings')]);
}

/**
 * The key of a record under a unique constraint, or `undefined` when a value is null (nulls never
 * collide, as in SQL). Used by the memory adapter; SQL adapters let a unique index decide.
 *
 * @example
 * ```ts
 * uniqueKey({ name: 'email', fields: ['email'], perOrganization: false }, null, { email: 'a@b.dk' }); // '["a@b.dk"]'
 * ```
 */
export function uniqueKey(
  constraint: UniqueConstraint,
  organizationUuid: string | null,
  index: Readonly<Record<string, unknown>>,
): string | undefined {
  const values: unknown[] = [];
  for (const f of constraint.fields) {
    const v = index[f];
    if (v === null || v === undefined) return undefined;
    values.push(v);
  }
  return JSON.stringify(constraint.perOrganization ? [organizationUuid, ...values] : values);
}
