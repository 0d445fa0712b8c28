/**
 * The model of list fields in the edit forms: a contract's payment streams, a registration's
 * sub-processors and oversight dates, a usage's journal periods, and the single objects edited the
 * same way (a procurement plan, a link). A list is described by its columns; the draft keeps each
 * row as one string (its cells as the inputs hold them), so drafts compare, conflicts name the list
 * and a re-apply keeps what the user typed like any other field. The core's patch schemas check the
 * rows; this module only reads the cells a schema cannot (dates dd-MM-yyyy, amounts in da-DK).
 * Loaded only with the edit modes.
 */
import type { EnumName, IssueCode, ValidationIssue } from '@os2kitos/core';
import { type FieldSpec, fromDanishDate, type ListCodec, toDanishDate } from './record-draft.js';

/** How a cell is edited. */
export type ColumnKind =
  | 'text'
  | 'date'
  | 'amount'
  | 'number'
  | 'enum'
  | 'choice'
  | 'option'
  | 'organization'
  | 'unit'
  | 'bool';

/** One column of a list field. */
export interface ColumnSpec {
  /** The property of the row in the core's shape (`acquisition`, `date`, …). */
  readonly key: string;
  readonly kind: ColumnKind;
  /** For `enum`: the core's enumeration. */
  readonly enumName?: EnumName;
  /** For `option`: the key of the option list in the form's choices. */
  readonly options?: string;
  /** For `choice`: the values offered (whole numbers, as text). */
  readonly values?: readonly string[];
  /** For text: the longest value the core accepts. */
  readonly max?: number;
  /** The cell must be filled (the form says so rather than the schema's "wrong type"). */
  readonly required?: boolean;
  /** The column of the same row whose `Yes` opens this cell (a sub-processor's country). */
  readonly gate?: string;
  /** What a new row holds in the cell (text as in the input). */
  readonly initial?: string;
}

/** A row as the inputs hold it: text by column key (and the row's id, when it has one). */
export type Row = Readonly<Record<string, string>>;

/** A list field's columns and codec; the list editor renders from it. */
export interface ListSpec extends ListCodec {
  readonly columns: readonly ColumnSpec[];
  /** The property that identifies a row (`uuid`), kept but not shown; a new row gets a fresh one. */
  readonly id?: string;
  /** A new, empty row. */
  newRow(): Row;
  /** A row of the draft. */
  parse(row: string): Row;
  /** A row for the draft. */
  format(row: Row): string;
}

const amountFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0, useGrouping: true });

/** `120000` → `120.000` (da-DK, whole kroner). */
export const formatAmount = (n: number): string => amountFormat.format(n).replace('\u2212', '-');

/**
 * `120.000`, `120000`, `-5.000`, `120.000,00` → a whole number of kroner; `undefined` when it is
 * not one (letters, øre, a misplaced thousands point).
 *
 * @example
 * ```ts
 * parseAmount('1.250.000'); // 1250000
 * parseAmount('12,50'); // undefined
 * ```
 */
export function parseAmount(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0]/g, '').replace('\u2212', '-');
  const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,0+)?$/.exec(t);
  if (!m) return undefined;
  const n = Number(`${m[1]}${(m[2] as string).replaceAll('.', '')}`);
  return Number.isSafeInteger(n) ? n : undefined;
}

const issueAt = (path: (string | number)[], code: IssueCode, message: string): ValidationIssue => ({
  path,
  code,
  message,
});

/** The text a cell shows for a stored value. */
function cellText(c: ColumnSpec, value: unknown): string {
  if (value === null || value === undefined) return c.kind === 'bool' ? 'false' : '';
  switch (c.kind) {
    case 'date':
      return typeof value === 'string' ? toDanishDate(value) : '';
    case 'amount':
      return typeof value === 'number' ? formatAmount(value) : '';
    case 'bool':
      return value === true ? 'true' : 'false';
    default:
      return String(value);
  }
}

/** The value a cell gives the core, or the issue when the text cannot be read. */
function cellValue(c: ColumnSpec, row: Row, path: (string | number)[]): { value: unknown; issue?: ValidationIssue } {
  // A cell behind its row's closed gate is cleared, as the core clears it.
  if (c.gate && row[c.gate] !== 'Yes') return { value: null };
  const raw = row[c.key] ?? '';
  const text = raw.trim();
  if (c.kind === 'bool') return { value: text === 'true' };
  if (!text) {
    if (c.required) return { value: null, issue: issueAt(path, 'required', `${c.key} is required`) };
    return { value: c.kind === 'amount' ? 0 : null };
  }
  switch (c.kind) {
    case 'date': {
      const iso = fromDanishDate(text);
      return iso ? { value: iso } : { value: null, issue: issueAt(path, 'invalid-date', `${text} is not dd-MM-yyyy`) };
    }
    case 'amount': {
      const n = parseAmount(text);
      return n === undefined
        ? { value: null, issue: issueAt(path, 'not-a-number', `${text} is not a whole number of kroner`) }
        : { value: n };
    }
    case 'number':
    case 'choice':
      return /^-?\d{1,9}$/.test(text)
        ? { value: Number(text) }
        : { value: null, issue: issueAt(path, 'not-a-number', `${text} is not a whole number`) };
    default:
      return { value: raw };
  }
}

/**
 * A list field: `columns` of rows kept by `id` (a new row gets a fresh uuid). With `single`, the
 * field is one object or `null` (a procurement plan, a link), edited as a list of at most one row.
 *
 * @example
 * ```ts
 * const plan = listSpec([{ key: 'quarter', kind: 'choice', values: ['1', '2', '3', '4'] }, { key: 'year', kind: 'number' }], { single: true });
 * plan.valueOf('procurement.procurementPlan', [plan.format({ quarter: '2', year: '2027' })]).value; // { quarter: 2, year: 2027 }
 * ```
 */
export function listSpec(
  columns: readonly ColumnSpec[],
  options: { readonly id?: string; readonly single?: boolean } = {},
): ListSpec {
  const keys = [...(options.id ? [options.id] : []), ...columns.map((c) => c.key)];
  // One key order for every row, so equal rows are equal strings.
  const format = (row: Row) => JSON.stringify(Object.fromEntries(keys.map((k) => [k, row[k] ?? ''])));
  const parse = (text: string): Row => {
    try {
      const row = JSON.parse(text) as unknown;
      return row && typeof row === 'object' ? (row as Row) : {};
    } catch {
      return {};
    }
  };
  const single = options.single ?? false;
  return {
    columns,
    ...(options.id ? { id: options.id } : {}),
    single,
    parse,
    format,
    newRow: () => ({
      ...(options.id ? { [options.id]: crypto.randomUUID() } : {}),
      ...Object.fromEntries(columns.map((c) => [c.key, c.initial ?? (c.kind === 'bool' ? 'false' : '')])),
    }),
    draftOf(value) {
      const items = single ? (value ? [value] : []) : Array.isArray(value) ? value : [];
      return items.map((item) => {
        const o = (item ?? {}) as Record<string, unknown>;
        return format({
          ...(options.id ? { [options.id]: String(o[options.id] ?? '') } : {}),
          ...Object.fromEntries(columns.map((c) => [c.key, cellText(c, o[c.key])])),
        });
      });
    },
    valueOf(key, rows) {
      const issues: ValidationIssue[] = [];
      const base = key.split('.');
      const items = rows.map((text, index) => {
        const row = parse(text);
        const item: Record<string, unknown> = options.id ? { [options.id]: row[options.id] } : {};
        for (const c of columns) {
          const v = cellValue(c, row, single ? [...base, c.key] : [...base, index, c.key]);
          if (v.issue) issues.push(v.issue);
          item[c.key] = v.value;
        }
        return item;
      });
      return { value: single ? (items[0] ?? null) : items, issues };
    },
  };
}

/** The list spec of a `list` field. */
export const listOf = (f: FieldSpec): ListSpec => f.list as ListSpec;
