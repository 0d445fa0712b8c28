/**
 * Small zod helpers the usage schemas share: derived patch schemas and duplicate-free lists.
 *
 * @module
 */
import { z } from 'zod';

/** A schema with its stored default (`.default()` / `.prefault()`) taken off. */
/** A zod schema type with its default stripped (so patch variants never invent values). */
export type WithoutDefault<T> =
  T extends z.ZodDefault<infer I extends z.core.SomeType>
    ? I
    : T extends z.ZodPrefault<infer J extends z.core.SomeType>
      ? J
      : T;

/** The shape of a patch: every field optional and without its stored default. */
export type UsagePatchShape<S extends z.core.$ZodShape> = {
  -readonly [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>>;
};

/**
 * Derives a strict patch schema from a section schema: every field becomes optional and loses its
 * default. Why: zod applies defaults even inside `.partial()`, so a plain `.partial()` would turn an
 * empty patch into "clear every field". Refinements of the section are not carried over, because a
 * patch is only complete once merged with the current value (the apply rules check it then).
 *
 * @example
 * ```ts
 * const Patch = usagePatchOf(z.strictObject({ notes: z.string().nullable().default(null) }));
 * Patch.parse({}); // {} (not { notes: null })
 * ```
 */
export function usagePatchOf<S extends z.core.$ZodShape>(
  schema: z.ZodObject<S>,
): z.ZodObject<UsagePatchShape<S>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault || field instanceof z.ZodPrefault ? field.unwrap() : field;
    shape[key] = (inner as z.ZodType).optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<UsagePatchShape<S>, z.core.$strict>;
}
