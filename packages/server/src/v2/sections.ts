/**
 * PATCH by presence, shared by the mappings: a section sent as `null` resets every field in it
 * (KITOS), which is the same as sending each field as `null`.
 *
 * @module
 */
import type { z } from '@hono/zod-openapi';

/** A section's properties, with a `null` section turned into every property `null`. */
export function sectionOf<T extends Record<string, unknown>>(
  value: T | null | undefined,
  // biome-ignore lint/suspicious/noExplicitAny: any object schema
  schema: z.ZodObject<any>,
): Partial<T> | undefined {
  if (value === undefined) return undefined;
  if (value === null) return Object.fromEntries(Object.keys(schema.shape).map((k) => [k, null])) as Partial<T>;
  return value;
}

/** True when the key is present in the body (even as `null`). */
export function has<T extends object>(body: T | undefined, key: keyof T): boolean {
  return body !== undefined && Object.hasOwn(body, key);
}
