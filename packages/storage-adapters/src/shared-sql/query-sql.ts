/**
 * The query language of the port (filters, sorts, paging, organisation scope) as SQL, with the
 * reference semantics of `matchesFilter`/`compareRecords` in `@os2kitos/core`:
 *
 * - every predicate is two-valued (never SQL NULL), so `not` negates exactly like JavaScript;
 * - a missing value matches no comparison except `ne`; lists only answer `hasAny`, `isNull`,
 *   `notNull` and `ne` (true only when empty);
 * - text `eq`/`lt`/… compare code units (binary), `contains`/`startsWith` compare Danish
 *   lower case, sorting uses the Danish sort key, nulls last, ties broken by uuid.
 *
 * @module
 */
import { type Filter, type GroupCountQuery, KitosError, type Query, type SortKey } from '@os2kitos/core';
import type { SqlComparison, SqlDialect, SqlParams } from './dialect.js';
import { type FieldLayout, type KindLayout, quote } from './layout.js';
import { encodeText, foldText } from './text-codec.js';

const OPS: Record<string, SqlComparison> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

function field(layout: KindLayout, name: string): FieldLayout {
  const f = layout.fields.get(name);
  if (!f) {
    throw new KitosError('validation', 'storage', `${layout.kind} has no index field "${name}" to filter or sort on`, {
      kind: layout.kind,
      field: name,
    });
  }
  return f;
}

function typeMismatch(f: FieldLayout, op: string, value: unknown): never {
  throw new KitosError(
    'validation',
    'storage',
    `${op} on ${f.type} field "${f.name}" needs a ${f.type} value, got ${typeof value}`,
    { field: f.name, op },
  );
}

function comparison(
  f: FieldLayout,
  op: keyof typeof OPS,
  value: string | number | boolean,
  d: SqlDialect,
  p: SqlParams,
): string {
  const col = `t.${quote(f.value)}`;
  const sqlOp = OPS[op] as SqlComparison;
  if (f.type === 'textList') return op === 'ne' ? `${col} IS NULL` : 'FALSE';
  let bound: unknown;
  if (f.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) typeMismatch(f, op, value);
    bound = value;
  } else if (f.type === 'boolean') {
    if (typeof value !== 'boolean') typeMismatch(f, op, value);
    bound = d.boolean(value);
  } else {
    bound = encodeText(String(value)); // text and date compare as strings, like the reference
  }
  const test = d.compare(f, col, sqlOp, p.add(bound));
  return op === 'ne' ? `(${col} IS NULL OR ${test})` : `(${col} IS NOT NULL AND ${test})`;
}

function inList(f: FieldLayout, values: readonly (string | number)[], d: SqlDialect, p: SqlParams): string {
  const col = `t.${quote(f.value)}`;
  if (f.type === 'text' || f.type === 'date') {
    const strings = values.filter((v): v is string => typeof v === 'string').map(encodeText);
    return strings.length ? `(${col} IS NOT NULL AND ${d.inList(col, strings, 'text', p)})` : 'FALSE';
  }
  if (f.type === 'number') {
    const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return numbers.length ? `(${col} IS NOT NULL AND ${d.inList(col, numbers, 'number', p)})` : 'FALSE';
  }
  return 'FALSE'; // booleans and lists never strictly equal a string or number
}

function textMatch(f: FieldLayout, op: 'contains' | 'startsWith', value: string, d: SqlDialect, p: SqlParams): string {
  if (!f.folded) return 'FALSE'; // only text and date values are strings
  if (typeof value !== 'string') typeMismatch(f, op, value);
  const col = `t.${quote(f.folded)}`;
  const needle = encodeText(foldText(value));
  return `(${col} IS NOT NULL AND ${op === 'contains' ? d.contains(col, needle, p) : d.startsWith(col, needle, p)})`;
}

/** A filter as a two-valued SQL predicate over the kind table aliased `t`. */
export function filterSql(layout: KindLayout, filter: Filter, d: SqlDialect, p: SqlParams): string {
  switch (filter.op) {
    case 'and':
    case 'or': {
      if (filter.filters.length === 0) return filter.op === 'and' ? 'TRUE' : 'FALSE';
      const parts = filter.filters.map((f) => filterSql(layout, f, d, p));
      return `(${parts.join(filter.op === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not':
      return `(NOT ${filterSql(layout, filter.filter, d, p)})`;
    case 'isNull':
      return `(t.${quote(field(layout, filter.field).value)} IS NULL)`;
    case 'notNull':
      return `(t.${quote(field(layout, filter.field).value)} IS NOT NULL)`;
    case 'in':
      return inList(field(layout, filter.field), filter.values, d, p);
    case 'hasAny': {
      const f = field(layout, filter.field);
      if (f.type !== 'textList' || filter.values.length === 0) return 'FALSE';
      return d.hasAny(`t.${quote(f.value)}`, filter.values.map(encodeText), p);
    }
    case 'contains':
    case 'startsWith':
      return textMatch(field(layout, filter.field), filter.op, filter.value, d, p);
    default:
      return comparison(field(layout, filter.field), filter.op, filter.value, d, p);
  }
}

/**
 * The sort keys of a query as SQL expressions over the table aliased `t`, with their directions,
 * ending with the uuid tie-break. Where the dialect indexes a prefix of sort keys
 * ({@link SqlDialect.sortPrefix}), a sort-key column sorts by its prefix first, then by itself:
 * the same order, which the prefix index can give.
 */
function sortColumns(
  layout: KindLayout,
  sort: readonly SortKey[] = [],
  d: SqlDialect,
): { ref: string; desc: boolean }[] {
  const keys = sort.flatMap((k) => {
    const f = field(layout, k.field);
    const desc = k.direction === 'desc';
    const ref = `t.${quote(f.sort ?? f.value)}`;
    return f.sort && d.sortPrefix
      ? [
          { ref: `left(${ref}, ${d.sortPrefix})`, desc },
          { ref, desc },
        ]
      : [{ ref, desc }];
  });
  return [...keys, { ref: `t.${quote('uuid')}`, desc: false }];
}

const orderBy = (cols: { ref: string; desc: boolean }[]) =>
  `ORDER BY ${cols.map((c) => `${c.ref} ${c.desc ? 'DESC' : 'ASC'} NULLS LAST`).join(', ')}`;

/**
 * SQLite's own order puts NULL first ascending and last descending: an ascending key gets
 * `ref IS NULL, ` before it so nulls come last either way (as `NULLS LAST` does).
 */
const nullsLastSqlite = (ref: string, desc: boolean) => (desc || ref.endsWith('"uuid"') ? '' : `${ref} IS NULL, `);

/** The organisation scope of a query or change feed (`null` in the list = global records). */
export function scopeSql(
  column: string,
  organizationUuids: readonly (string | null)[] | undefined,
  d: SqlDialect,
  p: SqlParams,
): string {
  if (!organizationUuids) return 'TRUE';
  const orgs = organizationUuids.filter((o): o is string => o !== null).map(encodeText);
  const withNull = orgs.length < organizationUuids.length;
  const parts: string[] = [];
  if (orgs.length === 1) parts.push(`${column} = ${p.add(orgs[0])}`);
  else if (orgs.length > 1) parts.push(d.inList(column, orgs, 'text', p));
  if (withNull) parts.push(`${column} IS NULL`);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

function checkPaging(q: Query): void {
  const ok = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
  if (!ok(q.offset) || !ok(q.limit)) {
    throw new KitosError('validation', 'storage', 'offset and limit must be non-negative integers', {
      offset: q.offset,
      limit: q.limit,
    });
  }
}

/** The row columns every read selects. */
export const RECORD_COLUMNS = 't.uuid, t.organization_uuid, t.version, t.seq, t.last_changed, t.index_json, t.data';

/** SQL for a query: the page and (when asked) the total count, sharing one `WHERE`. */
export function querySql(
  layout: KindLayout,
  q: Query,
  d: SqlDialect,
  newParams: () => SqlParams,
): { page: { sql: string; params: unknown[] }; count?: { sql: string; params: unknown[] } } {
  checkPaging(q);
  const where = (p: SqlParams) => {
    const scope = scopeSql('t.organization_uuid', q.organizationUuids, d, p);
    return q.filter ? `${scope} AND ${filterSql(layout, q.filter, d, p)}` : scope;
  };
  const from = `FROM ${d.table(layout.table)} AS t`;
  const pp = newParams();
  // Sort and page only the keys, then fetch the page's records: the sort never carries record data.
  const sort = sortColumns(layout, q.sort, d);
  const keys = sort.map((c, i) => `${c.ref} AS k${i}`).join(', ');
  const windowed = q.count && d.windowCount;
  const outer = (inner: string, nullsLast: (ref: string) => string) =>
    `SELECT ${RECORD_COLUMNS}${windowed ? ', p.total' : ''} FROM (${inner}) AS p JOIN ${d.table(layout.table)} AS t ON t.${d.rowKey} = p.rk ` +
    `ORDER BY ${sort.map((c, i) => `${nullsLast(`p.k${i}`)}p.k${i} ${c.desc ? 'DESC' : 'ASC'}`).join(', ')}`;
  const first = sort[0] as { ref: string; desc: boolean };
  if (d.engine === 'sqlite' && q.limit !== undefined && sort.length > 1 && !first.desc) {
    // SQLite puts NULL first in ascending order, so `ASC NULLS LAST` cannot walk the
    // (organisation, sort key) index and every match is sorted. Instead the page is read in index
    // order from the rows with a key, then from those without (each at most offset + limit rows),
    // and the filter's columns are kept off the index (`+col`) so the planner walks the sort
    // index and stops after the page instead of sorting every match.
    const w = where(pp).replace(/(?<![+\w])t\."([vf]_)/g, '+t."$1');
    const k = first.ref;
    const n = `${pp.add(q.limit)} + ${pp.add(q.offset ?? 0)}`;
    const rest = sort.slice(1);
    const restOrder = rest.map((c) => `${nullsLastSqlite(c.ref, c.desc)}${c.ref} ${c.desc ? 'DESC' : 'ASC'}`);
    const branch = (present: boolean) =>
      `SELECT * FROM (SELECT t.${d.rowKey} AS rk, ${keys} ${from} WHERE ${w} AND ${k} IS ${present ? 'NOT ' : ''}NULL ` +
      `ORDER BY ${[...(present ? [`${k} ASC`] : []), ...restOrder].join(', ')} LIMIT ${n})`;
    const inner =
      `SELECT * FROM (${branch(true)} UNION ALL ${branch(false)}) AS u ` +
      `ORDER BY ${sort.map((c, i) => `${nullsLastSqlite(`u.k${i}`, c.desc)}u.k${i} ${c.desc ? 'DESC' : 'ASC'}`).join(', ')} ` +
      d.limit(q.limit, q.offset ?? 0, pp);
    const page = { sql: outer(inner, (ref) => `${ref} IS NULL, `), params: pp.values };
    if (!q.count) return { page };
    const cp = newParams();
    return { page, count: { sql: `SELECT count(*) AS n ${from} WHERE ${where(cp)}`, params: cp.values } };
  }
  const inner =
    `SELECT t.${d.rowKey} AS rk, ${keys}${windowed ? ', count(*) OVER () AS total' : ''} ${from} WHERE ${where(pp)} ` +
    `${orderBy(sort)} ${d.limit(q.limit, q.offset ?? 0, pp)}`;
  const pageSql =
    `SELECT ${RECORD_COLUMNS}${windowed ? ', p.total' : ''} FROM (${inner}) AS p JOIN ${d.table(layout.table)} AS t ON t.${d.rowKey} = p.rk ` +
    orderBy(sort.map((c, i) => ({ ref: `p.k${i}`, desc: c.desc })));
  const page = { sql: pageSql, params: pp.values };
  if (!q.count) return { page };
  const cp = newParams();
  return { page, count: { sql: `SELECT count(*) AS n ${from} WHERE ${where(cp)}`, params: cp.values } };
}

/**
 * SQL for a grouped count ({@link GroupCountQuery}): one `GROUP BY` over the typed columns of one
 * or two `text` index fields, counting rows and distinct owners; no record data is read.
 */
export function groupCountSql(
  layout: KindLayout,
  q: GroupCountQuery,
  d: SqlDialect,
  p: SqlParams,
): { sql: string; params: unknown[] } {
  const cols = q.groupBy.map((name) => {
    const f = field(layout, name);
    if (f.type !== 'text')
      throw new KitosError('validation', 'storage', `group only by text fields; "${name}" is ${f.type}`, {
        kind: layout.kind,
        field: name,
      });
    return `t.${quote(f.value)}`;
  });
  const scope = scopeSql('t.organization_uuid', q.organizationUuids, d, p);
  const filter = q.filter ? ` AND ${filterSql(layout, q.filter, d, p)}` : '';
  const present = cols.map((c) => ` AND ${c} IS NOT NULL`).join('');
  const select = cols.map((c, i) => `${c} AS g${i}`).join(', ');
  return {
    sql:
      `SELECT ${select}, count(*) AS records, count(DISTINCT t.organization_uuid) AS organizations ` +
      `FROM ${d.table(layout.table)} AS t WHERE ${scope}${filter}${present} GROUP BY ${cols.join(', ')}`,
    params: p.values,
  };
}
