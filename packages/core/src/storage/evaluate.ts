/**
 * The reference semantics of the query language, in plain JavaScript. The memory adapter uses it
 * directly; the services use it for derived (date-dependent) columns; SQL adapters must return the
 * same results, which the conformance suite checks.
 *
 * @module
 */
import type { Filter, IndexFieldType, IndexValue, IndexValues, SortKey, StoredRecord } from './port.js';

/**
 * Danish collation: æ, ø, å after z; case differences only break ties. (Danish collation also
 * reads a double "aa" as "å", as Danish dictionaries and phone books do.)
 */
export const danishCollator = new Intl.Collator('da', { usage: 'sort' });

type Value = IndexValue | readonly string[] | undefined;

// `in` and `hasAny` may carry thousands of values (e.g. every usage of a system, nationally): look
// them up in a Set built once per filter object instead of scanning the list for every record.
const valueSets = new WeakMap<readonly unknown[], ReadonlySet<unknown>>();
function setOf(values: readonly unknown[]): ReadonlySet<unknown> {
  let set = valueSets.get(values);
  if (!set) {
    set = new Set(values);
    valueSets.set(values, set);
  }
  return set;
}

function isNullish(v: Value): v is null | undefined {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

function compareScalar(a: IndexValue, b: IndexValue, type: IndexFieldType | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (type === 'text') return danishCollator.compare(String(a), String(b));
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function foldCase(s: string): string {
  return s.toLocaleLowerCase('da');
}

function matchComparison(v: Value, op: string, value: string | number | boolean, type?: IndexFieldType): boolean {
  // A missing value is "not equal" to anything and matches no other comparison.
  if (isNullish(v) || Array.isArray(v)) return op === 'ne' && isNullish(v);
  // Equality and ranges on text compare code points (exact), not the sorting collation.
  const c = compareScalar(v as IndexValue, value, type === 'text' ? 'date' : type);
  switch (op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'lt':
      return c < 0;
    case 'lte':
      return c <= 0;
    case 'gt':
      return c > 0;
    default:
      return c >= 0;
  }
}

/**
 * True when a record's index values satisfy the filter. Null and missing values never match a
 * comparison, except `ne` (a missing value is "not equal" to anything).
 *
 * @example
 * ```ts
 * matchesFilter({ name: 'Ærø' }, { op: 'contains', field: 'name', value: 'ÆR' }); // true
 * ```
 */
export function matchesFilter(index: IndexValues, filter: Filter, types: Record<string, IndexFieldType> = {}): boolean {
  switch (filter.op) {
    case 'and':
      return filter.filters.every((f) => matchesFilter(index, f, types));
    case 'or':
      return filter.filters.some((f) => matchesFilter(index, f, types));
    case 'not':
      return !matchesFilter(index, filter.filter, types);
    case 'isNull':
      return isNullish(index[filter.field]);
    case 'notNull':
      return !isNullish(index[filter.field]);
    case 'in': {
      const v = index[filter.field];
      return !isNullish(v) && !Array.isArray(v) && setOf(filter.values).has(v);
    }
    case 'hasAny': {
      const v = index[filter.field];
      if (!Array.isArray(v)) return false;
      const wanted = setOf(filter.values);
      return v.some((x) => wanted.has(x));
    }
    case 'contains':
    case 'startsWith': {
      const v = index[filter.field];
      if (typeof v !== 'string') return false;
      const hay = foldCase(v);
      const needle = foldCase(filter.value);
      return filter.op === 'contains' ? hay.includes(needle) : hay.startsWith(needle);
    }
    default:
      return matchComparison(index[filter.field], filter.op, filter.value, types[filter.field]);
  }
}

/** Compares two records by sort keys, nulls last, ties broken by uuid so the order is total. */
export function compareRecords(
  a: StoredRecord,
  b: StoredRecord,
  sort: readonly SortKey[],
  types: Record<string, IndexFieldType> = {},
): number {
  for (const key of sort) {
    const va = a.index[key.field];
    const vb = b.index[key.field];
    const na = isNullish(va);
    const nb = isNullish(vb);
    let c = 0;
    if (na || nb)
      c = na === nb ? 0 : na ? 1 : -1; // nulls last in both directions
    else {
      const sa = Array.isArray(va) ? va.join(', ') : (va as IndexValue);
      const sb = Array.isArray(vb) ? vb.join(', ') : (vb as IndexValue);
      c = compareScalar(sa, sb, Array.isArray(va) ? 'text' : types[key.field]);
      if (key.direction === 'desc') c = -c;
    }
    if (c !== 0) return c;
  }
  return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
}
