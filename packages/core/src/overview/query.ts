/**
 * Overview queries: the typed filters, quick search, sort and paging of the portfolio grids
 * (usages, contracts, data processing registrations, projects, catalogue), and their reference
 * evaluation over flat rows.
 *
 * Rows are flat records keyed by column id, so one grid widget can show any overview. Date-dependent
 * columns (active, next deadline) are computed for the query's `today`.
 *
 * @module
 */
import { z } from 'zod';
import type { IsoDate } from '../shared/dates.js';
import { KitosValidationError, type ValidationIssue } from '../shared/errors.js';
import { IsoDateSchema, parse, UuidSchema } from '../shared/schema.js';
import { danishCollator } from '../storage/evaluate.js';
import { ENUMS, type EnumName } from '../vocabulary/enums.js';
import type { Label } from '../vocabulary/label.js';

/** The overviews. */
export type OverviewKind = 'usages' | 'contracts' | 'dataProcessing' | 'projects' | 'catalogue';

/** A cell value: scalars, or a list shown joined. Dates are `YYYY-MM-DD` strings. */
export type CellValue = string | number | boolean | null | readonly string[];

/**
 * The shape every overview row has: its uuid and one cell per column. Each overview has its own
 * row schema (`UsageRowSchema`, `ContractRowSchema`, …) with exact types; this is what code that
 * handles any overview (the grid, CSV export) may rely on.
 */
export interface OverviewRow {
  readonly uuid: string;
}

/** How a column's values are typed, filtered and shown. */
export type ColumnType = 'text' | 'number' | 'amount' | 'date' | 'boolean' | 'enum' | 'unit' | 'list';

/** The sections of the column chooser (KITOS groups columns by tab). */
export type ColumnGroup =
  | 'status'
  | 'system'
  | 'organisation'
  | 'kle'
  | 'gdpr'
  | 'archiving'
  | 'dataProcessing'
  | 'relations'
  | 'contracts'
  | 'roles'
  | 'audit'
  | 'core'
  | 'links'
  | 'economy'
  | 'deadlines'
  | 'oversight'
  | 'quality';

/** A column of an overview's column catalogue; `Id` is a key of the overview's row. */
export interface OverviewColumn<Id extends string = string> {
  /** Column id, the key in each row. */
  readonly id: Id;
  readonly type: ColumnType;
  /** Section the column belongs to in the column chooser. */
  readonly group: ColumnGroup;
  /** Header text in Danish and English. */
  readonly label: Label;
  /** Shown before the user chooses columns. */
  readonly defaultVisible: boolean;
  /**
   * For `enum` columns (one value or a list of values): the enumeration whose labels the cells
   * show (see `ENUM_LABELS`); cells and filters hold the names.
   */
  readonly enum?: EnumName;
  /** For `enum` columns: the possible values, in the enumeration's order. */
  readonly values?: readonly string[];
  /** For `unit` columns: the column holding the unit uuid (filters match it and its sub-units). */
  readonly unitUuidColumn?: Id;
}

/** How a read model declares one column: everything but the id, which is the row key. */
export interface ColumnSpec<Id extends string> {
  readonly type: ColumnType;
  readonly group: ColumnGroup;
  readonly label: Label;
  /** Shown before the user chooses columns (default false). */
  readonly visible?: boolean;
  readonly enum?: EnumName;
  readonly unitUuidColumn?: Id;
}

/** The column ids of a row type: every key but the uuid. */
export type ColumnIdOf<Row> = Exclude<keyof Row & string, 'uuid'>;

/**
 * Declares the columns of a row type: one spec per row key (except `uuid`), in display order. A
 * row field without a column, or a column without a row field, does not compile.
 *
 * @example
 * ```ts
 * type Row = { uuid: string; name: string; validTo: string | null };
 * const columns = defineColumns<Row>({
 *   name: { type: 'text', group: 'core', label: { da: 'Navn', en: 'Name' }, visible: true },
 *   validTo: { type: 'date', group: 'core', label: { da: 'Gyldig til', en: 'Valid to' } },
 * });
 * ```
 */
export function defineColumns<Row>(
  specs: {
    readonly [K in ColumnIdOf<Row>]: ColumnSpec<ColumnIdOf<Row>>;
  },
): readonly OverviewColumn<ColumnIdOf<Row>>[] {
  return (Object.entries(specs) as [ColumnIdOf<Row>, ColumnSpec<ColumnIdOf<Row>>][]).map(([id, spec]) => ({
    id,
    type: spec.type,
    group: spec.group,
    label: spec.label,
    defaultVisible: spec.visible ?? false,
    ...(spec.enum ? { enum: spec.enum, values: ENUMS[spec.enum].values } : {}),
    ...(spec.unitUuidColumn ? { unitUuidColumn: spec.unitUuidColumn } : {}),
  }));
}

/** A typed filter on one column. Dates compare as whole days, inclusive ("on or before"). */
export type ColumnFilter =
  | { readonly column: string; readonly op: 'contains' | 'equals'; readonly value: string }
  | { readonly column: string; readonly op: 'between'; readonly min?: number | null; readonly max?: number | null }
  | { readonly column: string; readonly op: 'onOrAfter' | 'onOrBefore'; readonly date: IsoDate }
  | { readonly column: string; readonly op: 'in'; readonly values: readonly string[] }
  | { readonly column: string; readonly op: 'is'; readonly value: boolean }
  | { readonly column: string; readonly op: 'has' | 'hasNot' }
  /** Unit columns: the row's unit is this unit, or (with `includeSubUnits`) one below it. */
  | { readonly column: string; readonly op: 'unit'; readonly unitUuid: string; readonly includeSubUnits: boolean };

/** Sort on one column. */
export interface OverviewSort {
  readonly column: string;
  readonly direction?: 'asc' | 'desc';
}

/** An overview query. */
export interface OverviewQuery {
  /** The organisation whose portfolio is shown (catalogue: the organisation reading it). */
  readonly organizationUuid: string;
  /** The date the date-dependent columns are computed for; default: today. */
  readonly today?: IsoDate;
  /** All filters must hold. */
  readonly filters?: readonly ColumnFilter[];
  /** Quick search: every word must occur (ignoring case) in one of the searchable text columns. */
  readonly search?: string;
  readonly sort?: readonly OverviewSort[];
  readonly offset?: number;
  /** Page size; omit for all rows. */
  readonly limit?: number;
}

/** A page of an overview. */
export interface OverviewPage<R extends OverviewRow = OverviewRow> {
  readonly rows: readonly R[];
  /** Rows matching the filters and search, before paging. */
  readonly total: number;
  /** The date the derived columns were computed for. */
  readonly today: IsoDate;
}

/**
 * A row's cell by column id. Rows are typed per overview; the generic query code only knows the
 * id is one of the row's keys, so it reads through this one accessor.
 */
export function cellOf(row: OverviewRow, column: string): CellValue | undefined {
  return (row as unknown as Readonly<Record<string, CellValue>>)[column];
}

/** Resolves "this unit and everything below it" for unit filters. */
export type SubUnitResolver = (unitUuid: string) => ReadonlySet<string>;

const fold = (s: string) => s.toLocaleLowerCase('da');

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function asText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function matchFilter(
  row: OverviewRow,
  f: ColumnFilter,
  columns: ReadonlyMap<string, OverviewColumn>,
  subUnits?: SubUnitResolver,
): boolean {
  const v = cellOf(row, f.column);
  switch (f.op) {
    case 'contains':
      return fold(asText(v)).includes(fold(f.value));
    case 'equals':
      return Array.isArray(v) ? v.some((x) => fold(x) === fold(f.value)) : fold(asText(v)) === fold(f.value);
    case 'between':
      return typeof v === 'number' && (f.min == null || v >= f.min) && (f.max == null || v <= f.max);
    case 'onOrAfter':
      return typeof v === 'string' && v !== '' && v >= f.date;
    case 'onOrBefore':
      return typeof v === 'string' && v !== '' && v <= f.date;
    case 'in':
      return Array.isArray(v) ? v.some((x) => f.values.includes(x)) : f.values.includes(asText(v));
    case 'is':
      return v === f.value;
    case 'has':
      return !isEmpty(v);
    case 'hasNot':
      return isEmpty(v);
    case 'unit': {
      const idColumn = columns.get(f.column)?.unitUuidColumn ?? f.column;
      const unit = cellOf(row, idColumn);
      if (typeof unit !== 'string') return false;
      return f.includeSubUnits && subUnits ? subUnits(f.unitUuid).has(unit) : unit === f.unitUuid;
    }
  }
}

function compareCells(a: CellValue | undefined, b: CellValue | undefined, type: ColumnType | undefined): number {
  const ea = isEmpty(a);
  const eb = isEmpty(b);
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(b) - Number(a);
  if (type === 'date') return asText(a) < asText(b) ? -1 : asText(a) > asText(b) ? 1 : 0;
  return danishCollator.compare(asText(a), asText(b));
}

/**
 * Filters, searches, sorts and pages rows — the reference semantics every overview follows.
 * Empty values sort last in both directions; ties are broken by uuid so paging is stable (or by
 * the input order, see {@link OverviewQueryOptions}).
 *
 * @example
 * ```ts
 * const page = applyOverviewQuery(rows, USAGE_COLUMNS, {
 *   organizationUuid,
 *   filters: [{ column: 'validTo', op: 'onOrBefore', date: '2025-12-31' }],
 *   search: 'esdh',
 *   sort: [{ column: 'systemName' }],
 *   limit: 50,
 * });
 * ```
 */
export function applyOverviewQuery<R extends OverviewRow>(
  rows: readonly R[],
  columns: readonly OverviewColumn[],
  query: Omit<OverviewQuery, 'organizationUuid' | 'today'>,
  subUnits?: SubUnitResolver,
  options: OverviewQueryOptions = {},
): { rows: R[]; total: number } {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const searchable = columns
    .filter((c) => c.type === 'text' || c.type === 'list' || c.type === 'unit')
    .map((c) => c.id);
  const words = fold(query.search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const filters = query.filters ?? [];
  // The order is total (ties by uuid), so filtering the sorted rows gives the sorted matches. For a
  // list that never changes (cached rows) the sorted rows are kept per sort: its queries sort once.
  const matches = sortedRows(rows, query.sort ?? [], byId, options).filter(
    (row) =>
      filters.every((f) => matchFilter(row, f, byId, subUnits)) &&
      words.every((w) => searchable.some((c) => fold(asText(cellOf(row, c))).includes(w))),
  );
  const offset = query.offset ?? 0;
  const page = query.limit === undefined ? matches.slice(offset) : matches.slice(offset, offset + query.limit);
  return { rows: page, total: matches.length };
}

/** Options of {@link applyOverviewQuery}. */
export interface OverviewQueryOptions {
  /**
   * The caller never changes the rows list nor its rows: the sorted order is kept for the next
   * query of the same list.
   */
  readonly unchanging?: boolean;
  /**
   * How rows equal in every sort column are ordered: by `uuid` (default: stable pages over stored
   * records) or in the order of the `input` (rows handed over as a list keep their order unsorted).
   */
  readonly ties?: 'uuid' | 'input';
}

/** Marks a kept order whose ties follow the input order. */
const INPUT_TIES = '#input';

/** Sorted copies of row lists, per list and sort, and each column's ranks (a list never changes). */
const sortedCache = new WeakMap<readonly OverviewRow[], Map<string, readonly OverviewRow[]>>();
const rankCache = new WeakMap<readonly OverviewRow[], Map<string, Map<OverviewRow, number>>>();

/**
 * Each row's rank in one column: its value's place among the column's distinct values in
 * {@link compareCells} order (empty: `Infinity`). The collator then compares each distinct value a
 * few times only, and sorting rows compares numbers.
 */
function ranksOf(
  rows: readonly OverviewRow[],
  column: string,
  type: ColumnType | undefined,
  keep: boolean,
): Map<OverviewRow, number> {
  const kept = keep ? rankCache.get(rows)?.get(column) : undefined;
  if (kept) return kept;
  const byValue = new Map<string, { value: CellValue | undefined; rows: OverviewRow[] }>();
  const ranks = new Map<OverviewRow, number>();
  for (const row of rows) {
    const value = cellOf(row, column);
    if (isEmpty(value)) {
      ranks.set(row, Number.POSITIVE_INFINITY);
      continue;
    }
    const key = typeof value === 'string' ? `s${value}` : `j${JSON.stringify(value)}`;
    let entry = byValue.get(key);
    if (!entry) {
      entry = { value, rows: [] };
      byValue.set(key, entry);
    }
    entry.rows.push(row);
  }
  const distinct = [...byValue.values()].sort((a, b) => compareCells(a.value, b.value, type));
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    const d = distinct[i] as (typeof distinct)[number];
    // Values the order cannot tell apart share a rank (ties then fall to the next sort key).
    if (i > 0 && compareCells((distinct[i - 1] as typeof d).value, d.value, type) !== 0) rank = i;
    for (const row of d.rows) ranks.set(row, rank);
  }
  if (keep) {
    let forRows = rankCache.get(rows);
    if (!forRows) {
      forRows = new Map();
      rankCache.set(rows, forRows);
    }
    forRows.set(column, ranks);
  }
  return ranks;
}

/** `rows` in the order of `sort`, then by uuid (or input order). */
function sortedRows<R extends OverviewRow>(
  rows: readonly R[],
  sort: readonly OverviewSort[],
  byId: ReadonlyMap<string, OverviewColumn>,
  options: OverviewQueryOptions,
): readonly R[] {
  const keep = options.unchanging === true;
  // Orders with ties in input order are kept apart (and never carried, see carrySortedRows).
  const key = JSON.stringify(sort) + (options.ties === 'input' ? INPUT_TIES : '');
  let forRows = keep ? sortedCache.get(rows) : undefined;
  const hit = forRows?.get(key);
  if (hit) return hit as readonly R[];
  const position = options.ties === 'input' ? new Map(rows.map((r, i) => [r, i])) : undefined;
  const keys = sort.map((s) => ({
    ranks: ranksOf(rows, s.column, byId.get(s.column)?.type, keep),
    desc: s.direction === 'desc',
  }));
  const sorted = [...rows].sort((a, b) => {
    for (const k of keys) {
      const ra = k.ranks.get(a) as number;
      const rb = k.ranks.get(b) as number;
      if (ra === rb) continue;
      // Empty values (Infinity) last in both directions.
      if (ra === Number.POSITIVE_INFINITY) return 1;
      if (rb === Number.POSITIVE_INFINITY) return -1;
      return k.desc ? rb - ra : ra - rb;
    }
    if (position) return (position.get(a) ?? 0) - (position.get(b) ?? 0);
    return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
  });
  if (!keep) return sorted;
  if (!forRows) {
    forRows = new Map();
    sortedCache.set(rows, forRows);
  }
  if (forRows.size >= 16) forRows.clear(); // a few sorts per list are in use at a time
  forRows.set(key, sorted);
  return sorted;
}

/**
 * Carries the sorted orders kept for `before` (see {@link OverviewQueryOptions.unchanging}) over to
 * `after`, a list of the same rows except those whose uuid is in `changed` (computed again, added
 * or removed): each kept order loses those rows and gets their new versions put in place by binary
 * search, so an overview brought up to date after a write sorts a few rows instead of all of them.
 * Both lists must be lists that never change, sorted with ties by uuid.
 *
 * @example
 * ```ts
 * carrySortedRows(oldRows, newRows, new Set([changedUuid]), USAGE_COLUMNS);
 * applyOverviewQuery(newRows, USAGE_COLUMNS, query, undefined, { unchanging: true }); // no full sort
 * ```
 */
export function carrySortedRows(
  before: readonly OverviewRow[],
  after: readonly OverviewRow[],
  changed: ReadonlySet<string>,
  columns: readonly OverviewColumn[],
): void {
  const kept = sortedCache.get(before);
  if (!kept || kept.size === 0 || before === after) return;
  const byId = new Map(columns.map((c) => [c.id, c]));
  const fresh = after.filter((r) => changed.has(r.uuid));
  const carried = new Map<string, readonly OverviewRow[]>();
  for (const [key, sorted] of kept) {
    if (key.endsWith(INPUT_TIES)) continue;
    const sort = JSON.parse(key) as OverviewSort[];
    const compare = rowComparator(sort, byId);
    const list = sorted.filter((r) => !changed.has(r.uuid));
    for (const row of fresh) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(list[mid] as OverviewRow, row) < 0) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, row);
    }
    carried.set(key, list);
  }
  sortedCache.set(after, carried);
}

/** The order of {@link sortedRows} (ties by uuid) as a comparator of two rows. */
function rowComparator(
  sort: readonly OverviewSort[],
  byId: ReadonlyMap<string, OverviewColumn>,
): (a: OverviewRow, b: OverviewRow) => number {
  const keys = sort.map((s) => ({ column: s.column, type: byId.get(s.column)?.type, desc: s.direction === 'desc' }));
  return (a, b) => {
    for (const k of keys) {
      const va = cellOf(a, k.column);
      const vb = cellOf(b, k.column);
      const ea = isEmpty(va);
      const eb = isEmpty(vb);
      if (ea && eb) continue;
      // Empty values last in both directions.
      if (ea || eb) return ea ? 1 : -1;
      const c = compareCells(va, vb, k.type);
      if (c !== 0) return k.desc ? -c : c;
    }
    return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
  };
}

/** Most rows one overview page returns (an organisation's whole portfolio fits; exports page beyond). */
export const MAX_OVERVIEW_LIMIT = 10_000;

/** Filter operators each column type accepts. */
const OPS_BY_TYPE: Readonly<Record<ColumnType, readonly ColumnFilter['op'][]>> = {
  text: ['contains', 'equals', 'in', 'has', 'hasNot'],
  enum: ['equals', 'in', 'has', 'hasNot'],
  list: ['contains', 'equals', 'in', 'has', 'hasNot'],
  number: ['between', 'has', 'hasNot'],
  amount: ['between', 'has', 'hasNot'],
  date: ['onOrAfter', 'onOrBefore', 'has', 'hasNot'],
  boolean: ['is', 'has', 'hasNot'],
  unit: ['unit', 'contains', 'equals', 'has', 'hasNot'],
};

const text = (max: number) => z.string().max(max);
const FilterSchema = z.discriminatedUnion('op', [
  z.strictObject({ column: text(100), op: z.enum(['contains', 'equals']), value: text(1_000) }),
  z.strictObject({
    column: text(100),
    op: z.literal('between'),
    min: z.number().finite().nullable().optional(),
    max: z.number().finite().nullable().optional(),
  }),
  z.strictObject({ column: text(100), op: z.enum(['onOrAfter', 'onOrBefore']), date: IsoDateSchema }),
  z.strictObject({ column: text(100), op: z.literal('in'), values: z.array(text(1_000)).max(1_000) }),
  z.strictObject({ column: text(100), op: z.literal('is'), value: z.boolean() }),
  z.strictObject({ column: text(100), op: z.enum(['has', 'hasNot']) }),
  z.strictObject({ column: text(100), op: z.literal('unit'), unitUuid: UuidSchema, includeSubUnits: z.boolean() }),
]);
const OverviewQueryShape = z.strictObject({
  organizationUuid: UuidSchema,
  today: IsoDateSchema.optional(),
  filters: z.array(FilterSchema).max(100).optional(),
  search: text(1_000).optional(),
  sort: z
    .array(z.strictObject({ column: text(100), direction: z.enum(['asc', 'desc']).optional() }))
    .max(10)
    .optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(0).max(MAX_OVERVIEW_LIMIT).optional(),
});

/**
 * Parses an overview query against the overview's columns: a malformed query, an unknown column
 * or an operator the column's type does not have is a {@link KitosValidationError} naming the
 * part at fault — never a silently empty result.
 *
 * @example
 * ```ts
 * parseOverviewQuery({ organizationUuid, filters: [{ column: 'nope', op: 'has' }] }, USAGE_COLUMNS); // throws
 * ```
 */
export function parseOverviewQuery(query: unknown, columns: readonly OverviewColumn[]): OverviewQuery {
  const parsed = parse(OverviewQueryShape, query, 'core') as OverviewQuery;
  // Every row has its uuid: filtering on it finds one row, sorting on it is the tie-break order.
  const byId = new Map<string, Pick<OverviewColumn, 'type'>>([
    ['uuid', { type: 'text' }],
    ...columns.map((c) => [c.id, c] as const),
  ]);
  const issues: ValidationIssue[] = [];
  (parsed.filters ?? []).forEach((f, i) => {
    const column = byId.get(f.column);
    if (!column)
      issues.push({ path: ['filters', i, 'column'], code: 'unknown-column', message: `no column "${f.column}"` });
    else if (!OPS_BY_TYPE[column.type].includes(f.op))
      issues.push({
        path: ['filters', i, 'op'],
        code: 'invalid-operator',
        message: `a ${column.type} column does not take "${f.op}" (it takes ${OPS_BY_TYPE[column.type].join(', ')})`,
      });
  });
  (parsed.sort ?? []).forEach((s, i) => {
    if (!byId.has(s.column))
      issues.push({ path: ['sort', i, 'column'], code: 'unknown-column', message: `no column "${s.column}"` });
  });
  if (issues.length) throw new KitosValidationError('core', issues);
  return parsed;
}
