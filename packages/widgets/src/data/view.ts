/**
 * Overview views: what `<kitos-overview>` shows (columns, filters, sort, quick search), as plain
 * data that fits in a URL (`#view=<base64url JSON>`) and in localStorage. Decoding checks every
 * field, because a URL can hold anything.
 *
 * @module
 */
import type { ColumnFilter, OverviewSort } from '@os2kitos/core';

/** What an overview shows. */
export interface OverviewView {
  /** Name of a saved view, when the view is one. */
  readonly name?: string;
  /** Visible column ids, in display order. */
  readonly columns: readonly string[];
  readonly filters: readonly ColumnFilter[];
  readonly sort: readonly OverviewSort[];
  readonly search: string;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Encodes a view as base64url JSON (UTF-8, so æ, ø and å survive), for `#view=…`.
 *
 * @example
 * ```ts
 * location.hash = `view=${encodeView({ columns: ['systemName'], filters: [], sort: [], search: 'esdh' })}`;
 * ```
 */
export function encodeView(view: OverviewView): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(view)));
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isDate = (v: unknown): v is string => isString(v) && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isNumberOrNull = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v));

function checkFilter(f: unknown): ColumnFilter | null {
  if (typeof f !== 'object' || f === null) return null;
  const r = f as Record<string, unknown>;
  if (!isString(r.column)) return null;
  const column = r.column;
  switch (r.op) {
    case 'contains':
    case 'equals':
      return isString(r.value) ? { column, op: r.op, value: r.value } : null;
    case 'between':
      return isNumberOrNull(r.min) && isNumberOrNull(r.max)
        ? { column, op: 'between', min: (r.min as number | null) ?? null, max: (r.max as number | null) ?? null }
        : null;
    case 'onOrAfter':
    case 'onOrBefore':
      return isDate(r.date) ? { column, op: r.op, date: r.date } : null;
    case 'in':
      return Array.isArray(r.values) && r.values.every(isString) ? { column, op: 'in', values: r.values } : null;
    case 'is':
      return typeof r.value === 'boolean' ? { column, op: 'is', value: r.value } : null;
    case 'has':
    case 'hasNot':
      return { column, op: r.op };
    case 'unit':
      return isString(r.unitUuid) && typeof r.includeSubUnits === 'boolean'
        ? { column, op: 'unit', unitUuid: r.unitUuid, includeSubUnits: r.includeSubUnits }
        : null;
    default:
      return null;
  }
}

function checkSort(s: unknown): OverviewSort | null {
  if (typeof s !== 'object' || s === null) return null;
  const r = s as Record<string, unknown>;
  if (!isString(r.column)) return null;
  if (r.direction !== undefined && r.direction !== 'asc' && r.direction !== 'desc') return null;
  return r.direction ? { column: r.column, direction: r.direction } : { column: r.column };
}

/**
 * Checks an untrusted value (parsed JSON) and returns it as a view, or `null` when any part is
 * not a valid view.
 *
 * @example
 * ```ts
 * parseView(JSON.parse(localStorage.getItem('my-view') ?? 'null')); // OverviewView | null
 * ```
 */
export function parseView(value: unknown): OverviewView | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (!Array.isArray(r.columns) || !r.columns.every(isString)) return null;
  if (!Array.isArray(r.filters) || !Array.isArray(r.sort)) return null;
  if (r.search !== undefined && !isString(r.search)) return null;
  if (r.name !== undefined && !isString(r.name)) return null;
  const filters = r.filters.map(checkFilter);
  const sort = r.sort.map(checkSort);
  if (filters.some((f) => f === null) || sort.some((s) => s === null)) return null;
  return {
    ...(r.name !== undefined ? { name: r.name as string } : {}),
    columns: r.columns,
    filters: filters as ColumnFilter[],
    sort: sort as OverviewSort[],
    search: (r.search as string | undefined) ?? '',
  };
}

/**
 * Decodes a view from {@link encodeView}'s text; `null` for anything that is not a valid view.
 *
 * @example
 * ```ts
 * const view = decodeView(new URLSearchParams(location.hash.slice(1)).get('view') ?? '');
 * ```
 */
export function decodeView(text: string): OverviewView | null {
  if (!text || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    return parseView(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(text))));
  } catch {
    // Not base64, not UTF-8 or not JSON: the URL does not hold a view.
    return null;
  }
}
