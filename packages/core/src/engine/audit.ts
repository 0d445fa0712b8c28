/**
 * The append-only audit history: who changed what, when, field by field.
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../shared/schema.js';
import { boundedText, LIMITS } from '../shared/limits.js';

/** One changed field: a dotted path with its value before and after (`null` when absent). */
export const AuditChangeSchema = z.strictObject({
  path: boundedText(LIMITS.shortText),
  before: z.unknown(),
  after: z.unknown(),
});
/** One changed field. */
export type AuditChange = z.infer<typeof AuditChangeSchema>;

/** An audit entry; written in the same transaction as the change it describes, never updated. */
export const AuditEntrySchema = z.strictObject({
  uuid: UuidSchema,
  at: IsoDateTimeSchema,
  actorUuid: UuidSchema.nullable(),
  action: z.enum(['create', 'update', 'delete']),
  entityKind: boundedText(LIMITS.code),
  entityUuid: UuidSchema,
  organizationUuid: UuidSchema.nullable(),
  /** The entity version after the change (the deleted version for deletes). */
  version: z.number().int(),
  changes: z.array(AuditChangeSchema).max(10_000),
});
/** An audit entry. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const META = new Set(['version', 'lastChanged', 'lastChangedBy', 'createdAt', 'createdBy']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Field-level differences between two versions of an entity. Objects are walked into; arrays and
 * scalars are compared whole. Bookkeeping fields (version, timestamps) are left out.
 *
 * @example
 * ```ts
 * auditDiff({ name: 'A', general: { notes: 'x' } }, { name: 'B', general: { notes: 'x' } });
 * // [{ path: 'name', before: 'A', after: 'B' }]
 * ```
 */
export function auditDiff(before: unknown, after: unknown, prefix = ''): AuditChange[] {
  const changes: AuditChange[] = [];
  diffInto(changes, before, after, prefix);
  return changes;
}

/**
 * {@link auditDiff} into `changes`. A value compared with itself has no changes (a section a patch
 * did not touch is skipped without being walked), and two strings differ exactly when their JSON
 * does, so only other leaves are compared through JSON.
 */
function diffInto(changes: AuditChange[], before: unknown, after: unknown, prefix: string): void {
  if (before === after) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) {
      if (prefix === '' && META.has(k)) continue;
      diffInto(changes, before[k], after[k], prefix ? `${prefix}.${k}` : k);
    }
    return;
  }
  const b = before ?? null;
  const a = after ?? null;
  if (typeof b === 'string' && typeof a === 'string' ? b === a : JSON.stringify(b) === JSON.stringify(a)) return;
  changes.push({ path: prefix, before: b, after: a });
}
