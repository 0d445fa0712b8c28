/**
 * Shared zod building blocks and the one parsing entry point that turns zod's issues into a
 * {@link KitosValidationError}.
 *
 * @module
 */
import { z } from 'zod';
import { type KitosModule, KitosValidationError, type ValidationIssue } from './errors.js';
import { isIsoDate } from './dates.js';
import { catalogueCode, kebabCode } from './issue-codes.js';

/** A UUID (any version; KITOS uses v4, imports may carry others). Lower- or upper-case hex. */
export const UuidSchema = z.uuid({ version: undefined }).describe('UUID');
/** A UUID string. */
export type Uuid = z.infer<typeof UuidSchema>;

/** A calendar date `YYYY-MM-DD` that really exists (strict: `2025-02-30` and `2025-1-5` are rejected). */
export const IsoDateSchema = z
  .string()
  .max(10, { message: 'must be a real calendar date written YYYY-MM-DD' })
  .refine(isIsoDate, { message: 'must be a real calendar date written YYYY-MM-DD', params: { code: 'invalid-date' } })
  .describe('Calendar date (YYYY-MM-DD)');

/** An instant as an ISO 8601 UTC timestamp, e.g. `2025-03-01T12:00:00.000Z`. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: false }).describe('UTC timestamp');

/** A reference to another entity by UUID with its display name (KITOS's `IdentityNamePair`). */
export const IdentityNamePairSchema = z.strictObject({ uuid: UuidSchema, name: z.string().max(200) });
/** A reference to another entity by UUID with its display name. */
export type IdentityNamePair = z.infer<typeof IdentityNamePairSchema>;

/** A non-blank, trimmed name with a maximum length. */
export function nameSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1, { message: 'must not be blank' })
    .max(max, { message: `must be at most ${max} characters` });
}

/** A link with an optional display name (KITOS's `SimpleLink`: documentation URLs in GDPR fields). */
export const LinkSchema = z.strictObject({
  name: z.string().max(200).nullable().default(null),
  url: z.string().max(2000),
});
/** A link with an optional display name. */
export type Link = z.infer<typeof LinkSchema>;

/**
 * Metadata every stored root entity carries. The services fill these; callers never send them.
 */
export const EntityMetaSchema = z.strictObject({
  uuid: UuidSchema,
  /** Optimistic concurrency version, starting at 1 and bumped by every write. */
  version: z.number().int().min(1),
  createdAt: IsoDateTimeSchema,
  createdBy: UuidSchema.nullable(),
  lastChanged: IsoDateTimeSchema,
  lastChangedBy: UuidSchema.nullable(),
});
/** Metadata every stored root entity carries. */
export type EntityMeta = z.infer<typeof EntityMetaSchema>;

/** Objects a successful parse produced, with the schema that produced them (see {@link safeParseNoted}). */
const parsedOutputs = new WeakMap<object, z.ZodType>();

/**
 * `schema.safeParse(input)` that also notes which schema produced the output object, so a later
 * step of the same write can tell that object's fields have passed that schema (see
 * {@link wasParsedBy}) instead of parsing them again.
 *
 * @internal
 */
export function safeParseNoted<T>(schema: z.ZodType<T>, input: unknown): z.ZodSafeParseResult<T> {
  const result = schema.safeParse(input);
  if (result.success && typeof result.data === 'object' && result.data !== null) parsedOutputs.set(result.data, schema);
  return result;
}

/**
 * Whether `value` is an object a successful {@link safeParseNoted} with `schema` returned.
 *
 * @internal
 */
export function wasParsedBy(value: unknown, schema: z.ZodType): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && parsedOutputs.get(value) === schema;
}

/**
 * An object schema taken apart: the schema of each top-level field and the check over the whole
 * object (its `superRefine`). Parsing every field with its schema and then running the check is
 * parsing the object.
 *
 * @internal
 */
export interface ObjectSections {
  readonly shape: Readonly<Record<string, z.ZodType>>;
  // biome-ignore lint/suspicious/noExplicitAny: the object's type is the schema's, checked where the sections are built
  readonly refine?: (value: any, ctx: Pick<z.RefinementCtx, 'addIssue'>) => void;
}

/**
 * Parses `candidate` by `sections`, taking the fields it shares with `validated` (the same value, the
 * very same object, or a plain object with the same keys holding the very same values) as they are: `validated` must be an object those sections' schema passed
 * (its output, or data known equal to one), so those fields have passed their schemas already. The
 * other fields are parsed, then the whole-object check runs on the result. `undefined` unless all
 * of it passes cleanly (an unknown field, a failing field or check): the caller then parses the
 * whole candidate, so the errors it reports are exactly the schema's.
 *
 * @internal
 */
export function parseChangedFields(
  sections: ObjectSections,
  candidate: Readonly<Record<string, unknown>>,
  validated: Readonly<Record<string, unknown>>,
): Record<string, unknown> | undefined {
  for (const key of Object.keys(candidate)) if (!Object.hasOwn(sections.shape, key)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(sections.shape)) {
    const value = candidate[key];
    if (Object.hasOwn(validated, key) && Object.hasOwn(candidate, key) && sameShallow(value, validated[key])) {
      out[key] = value;
      continue;
    }
    const r = schema.safeParse(value);
    if (!r.success) return undefined;
    if (r.data !== undefined || Object.hasOwn(candidate, key)) out[key] = r.data;
  }
  let clean = true;
  sections.refine?.(out, {
    addIssue: () => {
      clean = false;
    },
  });
  return clean ? out : undefined;
}

/**
 * The same value, or plain objects with the same keys holding the very same values.
 *
 * @internal
 */
export function sameShallow(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || (a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key])
      return false;
  }
  return true;
}

/**
 * Marks `value` as an output of `schema` (see {@link wasParsedBy}).
 *
 * @internal
 */
export function noteParsed(schema: z.ZodType, value: object): void {
  parsedOutputs.set(value, schema);
}

/** Converts zod issues to the library's `{ path, code, message }` form. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => {
    // Custom refinements may name their own stable code through `params.code` (e.g. `gate-closed`).
    const custom = i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : undefined;
    return {
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      // One casing for every code (zod's `invalid_type` becomes `invalid-type`, like ours).
      code: catalogueCode(kebabCode(typeof custom === 'string' ? custom : i.code)),
      message: i.message,
    };
  });
}

/** Result of {@link safeParse}. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: KitosValidationError };

/**
 * Parses `input` with `schema`; returns the value or a {@link KitosValidationError} listing every
 * problem. Never throws for bad input.
 *
 * @example
 * ```ts
 * const r = safeParse(IsoDateSchema, '2025-02-30', 'contract');
 * if (!r.ok) console.log(r.error.issues[0]?.message); // 'must be a real calendar date written YYYY-MM-DD'
 * ```
 */
export function safeParse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  module: KitosModule,
): ParseResult<z.output<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: new KitosValidationError(module, toValidationIssues(r.error)) };
}

/**
 * Parses `input` with `schema`, throwing a {@link KitosValidationError} that lists every problem.
 *
 * @example
 * ```ts
 * const date = parse(IsoDateSchema, '2025-01-31', 'contract'); // '2025-01-31'
 * parse(IsoDateSchema, 'tomorrow', 'contract');                 // throws KitosValidationError
 * ```
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown, module: KitosModule): z.output<S> {
  const r = safeParse(schema, input, module);
  if (!r.ok) throw r.error;
  return r.value;
}
