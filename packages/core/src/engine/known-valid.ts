/**
 * Records known to pass their kind's schema, so a patch can parse only what it changes: after a
 * write the engine keeps a private copy of what it stored (plain JSON data, frozen, never handed
 * out), and a record read later whose data is the same as that copy — the same keys, plain objects
 * and arrays, identical strings, numbers, booleans and nulls — passes the schema too, whoever
 * stored it. The comparison is by content, so a copy that is out of date (rolled back, written over
 * by another process) only fails to match. A write that kept fields of a record found equal to its
 * copy reuses those fields' copies and copies only the rest. Bounded: the oldest copies go first.
 *
 * @module
 */

import { sameShallow } from '../shared/schema.js';

/** How many records' copies are kept. */
const KEPT = 2048;

type Copy = Readonly<Record<string, unknown>>;

/** `kind/uuid` → the stored data as plain JSON data, frozen. */
const copies = new Map<string, Copy>();
/** Records found equal to their copy (see {@link isKnownValid}), with that copy. */
const matched = new WeakMap<object, Copy>();

/**
 * Keeps a copy of `entity`, which has just passed its kind's schema and been written over
 * `previous`. Data that does not survive JSON unchanged (an `undefined` field, a non-plain object)
 * is not kept.
 */
export function rememberValid(
  kind: string,
  entity: Readonly<Record<string, unknown>> & { readonly uuid: string },
  previous?: object,
): void {
  const key = `${kind}/${entity.uuid}`;
  copies.delete(key);
  const before = previous === undefined ? undefined : matched.get(previous);
  const copy: Record<string, unknown> = {};
  for (const field of Object.keys(entity)) {
    const value = entity[field];
    if (before !== undefined && Object.hasOwn(before, field) && sameShallow(value, (previous as Copy)[field])) {
      copy[field] = before[field];
      continue;
    }
    if (value === undefined) return;
    let copied: unknown;
    try {
      copied = JSON.parse(JSON.stringify(value));
    } catch {
      return;
    }
    if (!sameData(value, copied)) return;
    copy[field] = deepFreeze(copied);
  }
  copies.set(key, Object.freeze(copy));
  if (copies.size > KEPT) copies.delete(copies.keys().next().value as string);
}

/** Whether `record` is the same data as the copy kept of its kind and uuid (see the module). */
export function isKnownValid(kind: string, record: { readonly uuid: string }): boolean {
  const copy = copies.get(`${kind}/${record.uuid}`);
  if (copy === undefined || !sameData(record, copy)) return false;
  matched.set(record, copy);
  return true;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Plain JSON data equal key for key and element for element; anything else is not the same. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Number.isFinite(a);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!(i in a) || !sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key)) return false;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
