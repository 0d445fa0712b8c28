/**
 * The table layout the SQL adapters share: one table per kind with fixed columns plus typed
 * columns per index field, and how index values become column values.
 *
 * Per kind: `kind_<kind>` with `uuid`, `organization_uuid`, `version`, `seq`, `last_changed`,
 * `index_json` (the index exactly as written), `data` (the record as JSON text), and per field:
 *
 * | field type | columns |
 * | --- | --- |
 * | text | `v_<f>` value, `f_<f>` case-folded value (contains/startsWith), `s_<f>` Danish sort key |
 * | date | `v_<f>` value, `f_<f>` case-folded value |
 * | number | `v_<f>` (REAL / double precision) |
 * | boolean | `v_<f>` (INTEGER 0/1 / boolean) |
 * | textList | `v_<f>` list (JSON array / text[]), NULL when empty; `s_<f>` sort key of the joined list |
 *
 * Text columns hold {@link encodeText} values. Names come only from validated identifiers.
 *
 * @module
 */
import {
  type IndexFieldType,
  type IndexValues,
  type KindDefinition,
  KitosError,
  KitosValidationError,
  type StorageSchema,
  type ValidationIssue,
} from '@os2kitos/core';
import { danishSortKey } from './danish-sort-key.js';
import { encodeText, foldText } from './text-codec.js';

/** Kind and field names: letters, digits and `_`, starting with a letter, at most 48 characters. */
export const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,47}$/;

const FIELD_TYPES: readonly IndexFieldType[] = ['text', 'number', 'date', 'boolean', 'textList'];

/** The columns of one index field. */
export interface FieldLayout {
  readonly name: string;
  readonly type: IndexFieldType;
  /** Column with the typed value. */
  readonly value: string;
  /** Column with the case-folded text (text, date). */
  readonly folded?: string;
  /** Column with the Danish sort key (text, textList). */
  readonly sort?: string;
}

/** The table of one kind. */
export interface KindLayout {
  readonly kind: string;
  /** Unqualified, unquoted table name. */
  readonly table: string;
  readonly fields: ReadonlyMap<string, FieldLayout>;
}

/** Quotes a validated identifier. */
export function quote(identifier: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) {
    throw new KitosError('storage', 'storage', `refusing to use "${identifier}" as an SQL identifier`);
  }
  return `"${identifier}"`;
}

/** The layout of one field. */
export function fieldLayout(name: string, type: IndexFieldType): FieldLayout {
  const value = `v_${name}`;
  if (type === 'text') return { name, type, value, folded: `f_${name}`, sort: `s_${name}` };
  if (type === 'date') return { name, type, value, folded: `f_${name}` };
  if (type === 'textList') return { name, type, value, sort: `s_${name}` };
  return { name, type, value };
}

/** The layout of one kind. */
export function kindLayout(kind: string, fields: readonly { name: string; type: IndexFieldType }[]): KindLayout {
  return { kind, table: `kind_${kind}`, fields: new Map(fields.map((f) => [f.name, fieldLayout(f.name, f.type)])) };
}

/** Every column of a field, in a fixed order. */
export function fieldColumns(f: FieldLayout): string[] {
  return [f.value, ...(f.folded ? [f.folded] : []), ...(f.sort ? [f.sort] : [])];
}

/** Checks names and types; SQLite identifiers ignore case, so names may not differ only by case. */
export function validateSchema(schema: StorageSchema): void {
  const issues: ValidationIssue[] = [];
  const kinds = new Set<string>();
  if (!Number.isInteger(schema.version) || schema.version < 0) {
    issues.push({ path: ['version'], code: 'invalid-version', message: 'version must be a non-negative integer' });
  }
  schema.kinds.forEach((k: KindDefinition, i) => {
    if (!IDENTIFIER.test(k.kind)) issues.push(nameIssue(['kinds', i, 'kind'], k.kind));
    if (kinds.has(k.kind.toLowerCase())) issues.push(duplicate(['kinds', i, 'kind'], k.kind));
    kinds.add(k.kind.toLowerCase());
    const fields = new Set<string>();
    k.fields.forEach((f, j) => {
      if (!IDENTIFIER.test(f.name)) issues.push(nameIssue(['kinds', i, 'fields', j, 'name'], f.name));
      if (fields.has(f.name.toLowerCase())) issues.push(duplicate(['kinds', i, 'fields', j, 'name'], f.name));
      fields.add(f.name.toLowerCase());
      if (!FIELD_TYPES.includes(f.type)) {
        issues.push({
          path: ['kinds', i, 'fields', j, 'type'],
          code: 'invalid-type',
          message: `unknown type ${f.type}`,
        });
      }
    });
  });
  if (issues.length) throw new KitosValidationError('storage', issues, { what: 'storage schema' });
}

function nameIssue(path: (string | number)[], name: string): ValidationIssue {
  return { path, code: 'invalid-name', message: `"${name}" is not a valid name (letters, digits, _; max 48)` };
}

function duplicate(path: (string | number)[], name: string): ValidationIssue {
  return { path, code: 'duplicate', message: `"${name}" is declared twice (names are compared ignoring case)` };
}

/** How a dialect wants booleans and lists bound. */
export interface ValueEncoding {
  boolean(value: boolean): unknown;
  list(items: readonly string[]): unknown;
}

/** The column values of one field (see {@link fieldColumns}), or what the value should have been. */
export function fieldValues(f: FieldLayout, raw: unknown, enc: ValueEncoding): unknown[] | string {
  const v = raw === undefined ? null : raw;
  switch (f.type) {
    case 'text':
      if (v === null) return [null, null, null];
      if (typeof v !== 'string') return 'a string or null';
      return [encodeText(v), encodeText(foldText(v)), danishSortKey(v)];
    case 'date':
      if (v === null) return [null, null];
      if (typeof v !== 'string') return 'a date string (YYYY-MM-DD) or null';
      return [encodeText(v), encodeText(foldText(v))];
    case 'number':
      if (v === null) return [null];
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'a finite number or null';
      return [v];
    case 'boolean':
      if (v === null) return [null];
      if (typeof v !== 'boolean') return 'a boolean or null';
      return [enc.boolean(v)];
    default: {
      const list = v ?? [];
      if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) return 'a list of strings';
      if (list.length === 0) return [null, null];
      return [enc.list(list.map(encodeText)), danishSortKey(list.join(', '))];
    }
  }
}

/**
 * The column names and values for a record's index. Values must fit the declared types (the
 * memory adapter stores anything; typed columns cannot), else a `KitosValidationError`.
 */
export function indexColumns(
  layout: KindLayout,
  index: IndexValues,
  enc: ValueEncoding,
): { columns: string[]; values: unknown[] } {
  const columns: string[] = [];
  const values: unknown[] = [];
  const issues: ValidationIssue[] = [];
  for (const f of layout.fields.values()) {
    const out = fieldValues(f, (index as Record<string, unknown>)[f.name], enc);
    if (typeof out === 'string') {
      issues.push({ path: ['index', f.name], code: 'invalid-type', message: `${f.type} field needs ${out}` });
      continue;
    }
    columns.push(...fieldColumns(f));
    values.push(...out);
  }
  if (issues.length) throw new KitosValidationError('storage', issues, { kind: layout.kind });
  return { columns, values };
}

/** Record data and index as JSON text (JSON escapes NUL and lone surrogates, so any engine stores it). */
export function toJson(value: unknown, what: string): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (cause) {
    throw new KitosError('validation', 'storage', `the record's ${what} is not JSON-serialisable`, {}, { cause });
  }
}

/** A short stable hash for identifiers that would get too long (PostgreSQL truncates at 63 bytes). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** An index name, unique per kind, field and purpose, at most 63 characters. */
export function indexName(kind: string, field: string, purpose: string): string {
  const name = `ix_${kind}_${field}_${purpose}`;
  return name.length <= 63 ? name : `ix_${kind.slice(0, 20)}_${field.slice(0, 20)}_${shortHash(name)}`;
}
