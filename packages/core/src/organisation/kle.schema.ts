/**
 * KLE tasks (KITOS `TaskRef`) and the feed they are loaded from. KLE is licensed by KL and loaded
 * from a feed; the library ships no copy of it.
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateSchema, UuidSchema, nameSchema } from '../shared/index.js';
import { KleTaskKeySchema, KleTaskTypeSchema, kleKeyLevel, kleParentKey, kleTaskTypeForKey } from './kle-key.js';

/** Adds an issue when `activeFrom` is after `activeTo` (both bounds are inclusive, so equal is fine). */
function checkPeriod(
  row: { activeFrom?: string | null; activeTo?: string | null },
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  if (row.activeFrom && row.activeTo && row.activeFrom > row.activeTo) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'activeTo'],
      message: 'must not be before activeFrom',
      params: { code: 'invalid-period' },
    });
  }
}

/**
 * A KLE task on one of the three levels. Its `type` must match the depth of `taskKey`, a main
 * group has no parent and groups and topics have one, and `activeFrom` ≤ `activeTo`.
 *
 * @example
 * ```ts
 * parse(KleTaskSchema, { uuid, taskKey: '00', description: 'Kommunens styrelse', type: 'KLE-Hovedgruppe',
 *   parentUuid: null, activeFrom: null, activeTo: null }, 'organisation');
 * ```
 */
export const KleTaskSchema = z
  .strictObject({
    uuid: UuidSchema,
    taskKey: KleTaskKeySchema,
    description: nameSchema(150),
    type: KleTaskTypeSchema,
    parentUuid: UuidSchema.nullable(),
    /** First day the task may be used (inclusive); `null` = always has been. */
    activeFrom: IsoDateSchema.nullable(),
    /** Last day the task may be used (inclusive); `null` = no end. */
    activeTo: IsoDateSchema.nullable(),
  })
  .superRefine((task, ctx) => {
    const level = kleKeyLevel(task.taskKey);
    if (level === undefined) return; // the key itself is already reported
    const expected = kleTaskTypeForKey(task.taskKey);
    if (task.type !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `a key with ${level} level(s) must have type ${expected}`,
        params: { code: 'kle-type-mismatch' },
      });
    }
    if (level === 1 && task.parentUuid !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentUuid'],
        message: 'a main group has no parent',
        params: { code: 'kle-unexpected-parent' },
      });
    }
    if (level > 1 && task.parentUuid === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentUuid'],
        message: 'a group or topic must have a parent',
        params: { code: 'kle-parent-missing' },
      });
    }
    checkPeriod(task, ctx, []);
  });
/** A KLE task. */
export type KleTask = z.infer<typeof KleTaskSchema>;

/** One row of a KLE feed: the type and the parent follow from the key, so a row does not carry them. */
export const KleFeedRowSchema = z.strictObject({
  uuid: UuidSchema,
  taskKey: KleTaskKeySchema,
  description: nameSchema(150),
  activeFrom: IsoDateSchema.nullable().optional(),
  activeTo: IsoDateSchema.nullable().optional(),
});
/** One row of a KLE feed. */
export type KleFeedRow = z.infer<typeof KleFeedRowSchema>;

/**
 * A KLE feed: a JSON array of rows, in any order. Keys and uuids are unique, and every group and
 * topic has its parent level in the same feed (a feed is always complete).
 *
 * @example
 * ```ts
 * const rows = parse(KleFeedSchema, JSON.parse(text), 'organisation');
 * ```
 */
export const KleFeedSchema = z
  .array(KleFeedRowSchema)
  .max(50_000)
  .superRefine((rows, ctx) => {
    const keys = new Set(rows.map((r) => r.taskKey));
    const seenKeys = new Set<string>();
    const seenUuids = new Set<string>();
    rows.forEach((row, i) => {
      if (seenKeys.has(row.taskKey)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'taskKey'],
          message: 'duplicate KLE key',
          params: { code: 'duplicate' },
        });
      }
      if (seenUuids.has(row.uuid)) {
        ctx.addIssue({ code: 'custom', path: [i, 'uuid'], message: 'duplicate uuid', params: { code: 'duplicate' } });
      }
      seenKeys.add(row.taskKey);
      seenUuids.add(row.uuid);
      const parentKey = kleParentKey(row.taskKey);
      if (parentKey !== null && !keys.has(parentKey)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'taskKey'],
          message: `the parent level ${parentKey} is not in the feed`,
          params: { code: 'kle-parent-missing' },
        });
      }
      checkPeriod(row, ctx, [i]);
    });
  });
/** A KLE feed. */
export type KleFeed = z.infer<typeof KleFeedSchema>;
