/**
 * Blank values for a create: every nullable field `null`, every boolean `false`, every list empty,
 * nested objects filled the same way. A create then only needs the fields the caller cares about,
 * while the stored entity is always complete (no "missing vs null" ambiguity in storage or diffs).
 *
 * @module
 */
import type { z } from 'zod';

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType> };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/**
 * The blank value of a schema, or `undefined` where the caller must supply one (required strings,
 * enums, numbers) or the schema has its own default.
 *
 * @example
 * ```ts
 * blankFor(z.object({ name: z.string(), note: z.string().nullable(), tags: z.array(z.string()) }));
 * // { note: null, tags: [] }
 * ```
 */
export function blankFor(schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'nullable':
      return null;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      const out: Record<string, unknown> = {};
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      for (const [k, s] of Object.entries(shape)) {
        const v = blankFor(s);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'pipe':
      return def.in ? blankFor(def.in) : undefined;
    default:
      // 'default', 'prefault', 'optional' and scalars: zod or the caller decides.
      return undefined;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merges a patch into a value: keys present in the patch replace (objects are merged key by key,
 * arrays and scalars replaced whole); absent keys keep their value. `undefined` counts as absent,
 * `null` clears.
 *
 * @example
 * ```ts
 * mergePatch({ general: { notes: 'a', id: '1' } }, { general: { notes: null } }); // { general: { notes: null, id: '1' } }
 * ```
 */
export function mergePatch<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? mergePatch(out[k], v) : v;
  }
  return out as T;
}
