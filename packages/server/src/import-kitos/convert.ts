/**
 * From a KITOS API v2 response to the request our own API v2 takes for the same resource: each
 * property of the request schema is found in the response (same name; `xUuid` from the pair `x`;
 * `xUuids` from the list `x`, `xs` or `xies`; a few renames), so the import reuses the server's
 * request schemas and their mappings to the core, the one way into the store. What the response
 * holds and the request has no place for, and what the request schema refuses, is reported, never
 * dropped silently.
 *
 * @module
 */
import type { z } from '@hono/zod-openapi';

/** Why a value was not carried over. */
export type ImportIssueCode =
  /** A property our model does not hold (not in the request, or accepted only empty). */
  | 'not-held'
  /** A value the request schema refuses: an unknown enum value, an invalid date, a too long text. */
  | 'invalid-value'
  /** A reference (option, unit, user, organisation, KLE, record) that does not exist here. */
  | 'unknown-reference'
  /** The core refused the record (a rule); it was left out. */
  | 'rejected'
  /** The record was matched to another uuid here (a root unit, a user by e-mail). */
  | 'remapped'
  /** A value that cannot change here (the system of a usage). */
  | 'not-changeable';

/** A value that did not fit, in Danish and English. */
export interface ImportIssue {
  /** The kind of record (`usages`, `contracts`, …). */
  readonly kind: string;
  /** The KITOS uuid of the record. */
  readonly uuid: string;
  /** The record's name in KITOS, when it has one. */
  readonly name: string | null;
  /** The KITOS property, dotted (`gdpr.riskAssessmentConductedDate`, `roles[2].role`). */
  readonly field: string;
  /** The value KITOS holds. */
  readonly value: unknown;
  readonly code: ImportIssueCode;
  readonly message: { readonly da: string; readonly en: string };
}

/** The record an issue is about. */
export interface IssueSubject {
  readonly kind: string;
  readonly uuid: string;
  readonly name: string | null;
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** The message of an issue, in both languages. */
export function issueMessage(
  code: ImportIssueCode,
  field: string,
  value: unknown,
  detail = '',
): ImportIssue['message'] {
  const v = show(value);
  switch (code) {
    case 'not-held':
      return {
        da: `Feltet ${field} (${v}) findes ikke i denne model og er ikke overført.`,
        en: `The field ${field} (${v}) is not held by this model and was not imported.`,
      };
    case 'invalid-value':
      return {
        da: `Værdien ${v} i ${field} er ugyldig her${detail ? ` (${detail})` : ''} og er ikke overført.`,
        en: `The value ${v} of ${field} is not valid here${detail ? ` (${detail})` : ''} and was not imported.`,
      };
    case 'unknown-reference':
      return {
        da: `${field} henviser til ${v}, som ikke findes her${detail ? ` (${detail})` : ''}; henvisningen er ikke overført.`,
        en: `${field} refers to ${v}, which does not exist here${detail ? ` (${detail})` : ''}; the reference was not imported.`,
      };
    case 'rejected':
      return {
        da: `Registreringen blev afvist og er ikke overført: ${detail}`,
        en: `The record was refused and not imported: ${detail}`,
      };
    case 'remapped':
      return {
        da: `${field} ${v} er knyttet til ${detail} her.`,
        en: `${field} ${v} is matched to ${detail} here.`,
      };
    case 'not-changeable':
      return {
        da: `${field} kan ikke ændres her (${v}); ændringen er ikke overført.`,
        en: `${field} cannot change here (${v}); the change was not imported.`,
      };
  }
}

// biome-ignore lint/suspicious/noExplicitAny: zod internals are walked generically
type AnySchema = any;
type Json = Record<string, unknown>;

/** The schema inside optional/nullable/default/pipe wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 10 && s; i++) {
    const def = s._zod?.def ?? s.def;
    if (!def) return s;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault')
      s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else return s;
  }
  return s;
}

const typeOf = (schema: AnySchema): string => unwrap(schema)?._zod?.def?.type ?? 'unknown';
const shapeOf = (schema: AnySchema): Record<string, AnySchema> => unwrap(schema)._zod.def.shape;
const elementOf = (schema: AnySchema): AnySchema => unwrap(schema)._zod.def.element;

/** Request property → response property where the name rules do not find it. */
const RENAMES: Record<string, string> = {
  supplierOrganizationUuid: 'supplier',
  parentUuid: 'parentSystem',
  previousName: 'formerName',
  kleUuids: 'kle',
  note: 'notes',
};

type Source = { key: string; form: 'same' | 'uuid' | 'uuids' };

function sourceOf(key: string, response: Json): Source | undefined {
  const present = (k: string) => Object.hasOwn(response, k);
  const renamed = RENAMES[key];
  if (renamed && present(renamed))
    return { key: renamed, form: key.endsWith('Uuids') ? 'uuids' : key.endsWith('Uuid') ? 'uuid' : 'same' };
  if (present(key)) return { key, form: 'same' };
  const lower = key.toLowerCase();
  const caseless = Object.keys(response).find((k) => k.toLowerCase() === lower);
  if (caseless) return { key: caseless, form: 'same' };
  if (key.endsWith('Uuids')) {
    const base = key.slice(0, -5);
    for (const k of [base, `${base}s`, base.replace(/y$/, 'ies')]) if (present(k)) return { key: k, form: 'uuids' };
  }
  if (key.endsWith('Uuid')) {
    const base = key.slice(0, -4);
    if (present(base)) return { key: base, form: 'uuid' };
  }
  return undefined;
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === false || v === '' || (Array.isArray(v) && v.length === 0);

const uuidOf = (v: unknown): unknown =>
  v && typeof v === 'object' && 'uuid' in v ? (v as { uuid: unknown }).uuid : (v ?? null);

/**
 * The request body for a response: every request property the response holds. Response properties
 * with no place in the request are reported through `notHeld` unless empty or listed in `readOnly`
 * (dotted paths, `[]` for list items: computed or meta values such as `general.validity.valid`).
 */
export function requestFromResponse(
  schema: AnySchema,
  response: Json,
  readOnly: ReadonlySet<string>,
  notHeld: (field: string, value: unknown) => void,
  path = '',
): Json {
  const shape = shapeOf(schema);
  const out: Json = {};
  const used = new Set<string>();
  for (const key of Object.keys(shape)) {
    const source = sourceOf(key, response);
    if (!source) continue;
    used.add(source.key);
    const value = response[source.key];
    const at = path ? `${path}.${source.key}` : source.key;
    if (source.form === 'uuid') out[key] = uuidOf(value);
    else if (source.form === 'uuids') out[key] = Array.isArray(value) ? value.map(uuidOf) : [];
    else if (value && typeof value === 'object' && !Array.isArray(value) && typeOf(shape[key]) === 'object')
      out[key] = requestFromResponse(shape[key], value as Json, readOnly, notHeld, at);
    else if (Array.isArray(value) && typeOf(shape[key]) === 'array' && typeOf(elementOf(shape[key])) === 'object')
      out[key] = value.map((item) =>
        item && typeof item === 'object'
          ? requestFromResponse(elementOf(shape[key]), item as Json, readOnly, notHeld, `${at}[]`)
          : item,
      );
    else out[key] = value;
  }
  for (const [key, value] of Object.entries(response)) {
    if (used.has(key)) continue;
    reportUnused(path ? `${path}.${key}` : key, value, readOnly, notHeld);
  }
  return out;
}

/** Reports the non-empty leaves of a value the request has no place for (unless read-only). */
function reportUnused(
  at: string,
  value: unknown,
  readOnly: ReadonlySet<string>,
  notHeld: (field: string, value: unknown) => void,
): void {
  if (readOnly.has(at) || isEmpty(value)) return;
  if (value && typeof value === 'object' && !Array.isArray(value) && !('uuid' in value)) {
    for (const [k, v] of Object.entries(value)) reportUnused(`${at}.${k}`, v, readOnly, notHeld);
    return;
  }
  notHeld(at, value);
}

/** A path of zod issue segments as KITOS's dotted form. */
export function dotted(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    '',
  );
}

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = obj;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** Removes the value at a path: a property is deleted, a list item spliced out. */
function removeAt(obj: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(obj, path.slice(0, -1));
  const last = path[path.length - 1] as PropertyKey;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (last >= parent.length) return false;
    parent.splice(last, 1);
    return true;
  }
  if (parent && typeof parent === 'object' && Object.hasOwn(parent, last)) {
    delete (parent as Record<PropertyKey, unknown>)[last];
    return true;
  }
  return false;
}

/**
 * The request parsed by its schema, with every refused value reported and removed (a property is
 * left out, so a patch leaves it as it is; a list item that cannot stand without it goes too).
 * Names in reports use the response's property names where the request renamed them.
 */
export function cleanRequest(
  schema: z.ZodType,
  body: Json,
  report: (field: string, value: unknown, detail: string) => void,
): Json {
  for (let round = 0; round < 50; round++) {
    const r = schema.safeParse(body);
    if (r.success) return r.data as Json;
    let removed = false;
    for (const issue of r.error.issues) {
      let path = issue.path as PropertyKey[];
      // A required value that is missing: remove what holds it (the list item or section).
      if (valueAt(body, path) === undefined && path.length > 0) path = path.slice(0, -1);
      const value = valueAt(body, path);
      if (removeAt(body, path)) {
        report(dotted(path), value, issue.message);
        removed = true;
        break; // paths of later issues may have shifted
      }
    }
    if (!removed) {
      const issue = r.error.issues[0];
      report(dotted(issue?.path as PropertyKey[]), body, issue?.message ?? 'invalid');
      return {};
    }
  }
  return {};
}
