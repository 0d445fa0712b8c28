// Every shape the core accepts from outside is bounded and closed: each string has a maximum
// length, each list a maximum number of items, and each object refuses keys it does not know.
// The test walks every exported zod schema, so a new field without a limit fails here.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as core from '../../src/index.js';

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
  valueType?: z.ZodType;
  keyType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
  format?: string;
};

/** String formats whose syntax bounds their length. */
const BOUNDED_FORMATS = new Set(['uuid', 'guid', 'datetime', 'date', 'time']);

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def; bag?: { maximum?: number } } })._zod;

function hasMax(s: z.ZodType): boolean {
  const zod = defOf(s);
  if (typeof zod.bag?.maximum === 'number') return true;
  return (zod.def.checks ?? []).some((c) => c._zod.def.check === 'max_length' || c._zod.def.check === 'length_equals');
}

/** Problems found below `path`, as 'path: what'. Formats with a fixed shape (uuid, email, dates) count as bounded. */
function walk(schema: z.ZodType, path: string, out: string[], seen: Set<z.ZodType>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const { def } = defOf(schema);
  switch (def.type) {
    case 'string':
      if (!hasMax(schema) && !BOUNDED_FORMATS.has(def.format ?? ''))
        out.push(`${path}: string without a maximum length`);
      return;
    case 'array':
      if (!hasMax(schema)) out.push(`${path}: list without a maximum length`);
      if (def.element) walk(def.element, `${path}[]`, out, seen);
      return;
    case 'object':
      if (defOf(schema).def.catchall === undefined || defOf(def.catchall as z.ZodType).def.type !== 'never')
        out.push(`${path}: object that accepts unknown keys`);
      for (const [k, v] of Object.entries((schema as unknown as { shape: Record<string, z.ZodType> }).shape))
        walk(v, `${path}.${k}`, out, seen);
      return;
    case 'record':
      if (def.valueType) walk(def.valueType, `${path}{}`, out, seen);
      return;
    case 'union':
      for (const [i, o] of (def.options ?? []).entries()) walk(o, `${path}|${i}`, out, seen);
      return;
    case 'intersection':
      if (def.left) walk(def.left, path, out, seen);
      if (def.right) walk(def.right, path, out, seen);
      return;
    case 'pipe':
      if (def.in) walk(def.in, path, out, seen);
      return;
    case 'tuple':
      for (const [i, o] of (def.items ?? []).entries()) walk(o, `${path}[${i}]`, out, seen);
      if (def.rest) walk(def.rest, `${path}[…]`, out, seen);
      return;
    case 'lazy':
      if (def.getter) walk(def.getter(), path, out, seen);
      return;
    default:
      if (def.innerType) walk(def.innerType, path, out, seen);
  }
}

const schemas = Object.entries(core).filter(
  ([name, value]) =>
    name.endsWith('Schema') && typeof value === 'object' && value !== null && '_zod' in (value as object),
) as [string, z.ZodType][];

describe('security: every input shape is bounded and closed', () => {
  it('finds the exported schemas', () => {
    expect(schemas.length).toBeGreaterThan(40);
  });
  it.each(schemas.map(([name, s]) => [name, s] as const))('%s', (name, schema) => {
    const problems: string[] = [];
    walk(schema, name, problems, new Set());
    expect(problems).toEqual([]);
  });
});
