/**
 * KLE task keys. KLE (KL's Emnesystematik) numbers municipal tasks on three levels: a main group
 * `NN` ("KLE-Hovedgruppe"), a group `NN.NN` ("KLE-Gruppe") and a topic `NN.NN.NN` ("KLE-Emne").
 * The level, the type and the parent's key all follow from the key itself.
 *
 * @module
 */
import { z } from 'zod';

/** The shape of a KLE key on any of the three levels. */
const KLE_KEY = /^\d{2}(?:\.\d{2}){0,2}$/;

/** A KLE key: `NN`, `NN.NN` or `NN.NN.NN` (two digits per level, dot-separated). */
export const KleTaskKeySchema = z
  .string()
  .max(8, { message: "must be a KLE key: 'NN', 'NN.NN' or 'NN.NN.NN'" })
  .regex(KLE_KEY, { message: "must be a KLE key: 'NN', 'NN.NN' or 'NN.NN.NN'" })
  .describe('KLE key');

/** The three KLE levels, named as in KITOS's `TaskRef.Type`. */
export const KleTaskTypeSchema = z.enum(['KLE-Hovedgruppe', 'KLE-Gruppe', 'KLE-Emne']);
/** A KLE level: main group, group or topic. */
export type KleTaskType = z.infer<typeof KleTaskTypeSchema>;

const TYPE_BY_LEVEL: Readonly<Record<1 | 2 | 3, KleTaskType>> = {
  1: 'KLE-Hovedgruppe',
  2: 'KLE-Gruppe',
  3: 'KLE-Emne',
};

/**
 * The level of a KLE key (1 main group, 2 group, 3 topic), or `undefined` when the key is not
 * shaped like a KLE key.
 *
 * @example
 * ```ts
 * kleKeyLevel('00');       // 1
 * kleKeyLevel('00.03.01'); // 3
 * kleKeyLevel('0.3');      // undefined
 * ```
 */
export function kleKeyLevel(taskKey: string): 1 | 2 | 3 | undefined {
  if (!KLE_KEY.test(taskKey)) return undefined;
  return taskKey.split('.').length as 1 | 2 | 3;
}

/**
 * The KLE type a key must have, or `undefined` for a malformed key.
 *
 * @example
 * ```ts
 * kleTaskTypeForKey('00.03'); // 'KLE-Gruppe'
 * ```
 */
export function kleTaskTypeForKey(taskKey: string): KleTaskType | undefined {
  const level = kleKeyLevel(taskKey);
  return level === undefined ? undefined : TYPE_BY_LEVEL[level];
}

/**
 * The key of the parent level: `'00.03'` for `'00.03.01'`, `'00'` for `'00.03'`, and `null` for a
 * main group (or a malformed key).
 *
 * @example
 * ```ts
 * kleParentKey('00.03.01'); // '00.03'
 * kleParentKey('00');       // null
 * ```
 */
export function kleParentKey(taskKey: string): string | null {
  const level = kleKeyLevel(taskKey);
  if (level === undefined || level === 1) return null;
  return taskKey.slice(0, taskKey.lastIndexOf('.'));
}
