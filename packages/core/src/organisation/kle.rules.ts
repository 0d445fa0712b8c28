/**
 * Pure rules over KLE: whether a loaded task tree is consistent, whether a task is active on a
 * given day, and loading a feed into tasks.
 *
 * @module
 */
import {
  type IsoDate,
  type IssueCode,
  type RuleResult,
  type RuleViolation,
  type Uuid,
  fail,
  ok,
  parse,
} from '../shared/index.js';
import { kleParentKey, kleTaskTypeForKey } from './kle-key.js';
import { KleFeedSchema, type KleTask } from './kle.schema.js';

function kleViolation(code: IssueCode, message: string, task: KleTask): RuleViolation {
  return { code, message, context: { uuid: task.uuid, taskKey: task.taskKey } };
}

/** The structural problem of one task relative to its parent, if any. */
function kleParentProblem(task: KleTask, byUuid: ReadonlyMap<Uuid, KleTask>): RuleViolation | undefined {
  if (kleTaskTypeForKey(task.taskKey) !== task.type) {
    return kleViolation('kle-type-mismatch', `type ${task.type} does not match the depth of the key`, task);
  }
  const parentKey = kleParentKey(task.taskKey);
  if (parentKey === null) {
    return task.parentUuid === null
      ? undefined
      : kleViolation('kle-unexpected-parent', 'a main group has no parent', task);
  }
  if (task.parentUuid === null) return kleViolation('kle-parent-missing', 'a group or topic needs a parent', task);
  const parent = byUuid.get(task.parentUuid);
  if (!parent) return kleViolation('parent-not-found', 'the parent task does not exist', task);
  if (parent.taskKey !== parentKey) {
    return kleViolation('kle-parent-key-mismatch', `the parent must be ${parentKey}, not ${parent.taskKey}`, task);
  }
  return undefined;
}

/**
 * Checks a loaded set of KLE tasks: uuids and keys are unique (`duplicate-uuid`,
 * `kle-duplicate-task-key`), each type matches its key's depth (`kle-type-mismatch`), main groups
 * have no parent (`kle-unexpected-parent`), and every group or topic points at an existing task
 * (`kle-parent-missing`, `parent-not-found`) whose key is its own key minus the last level
 * (`kle-parent-key-mismatch`: `00.03.01` must hang under `00.03`). Violations come in list order.
 *
 * @example
 * ```ts
 * const r = kleTreeConsistency(tasks);
 * if (!r.ok) console.log(r.violations.map((v) => `${v.context?.taskKey}: ${v.code}`));
 * ```
 */
export function kleTreeConsistency(tasks: readonly KleTask[]): RuleResult<void> {
  const byUuid = new Map(tasks.map((t) => [t.uuid, t]));
  const seenUuids = new Set<Uuid>();
  const seenKeys = new Set<string>();
  const violations: RuleViolation[] = [];
  for (const task of tasks) {
    if (seenUuids.has(task.uuid)) violations.push(kleViolation('duplicate-uuid', 'the uuid appears twice', task));
    if (seenKeys.has(task.taskKey))
      violations.push(kleViolation('kle-duplicate-task-key', 'the key appears twice', task));
    seenUuids.add(task.uuid);
    seenKeys.add(task.taskKey);
    const problem = kleParentProblem(task, byUuid);
    if (problem) violations.push(problem);
  }
  return violations.length ? fail(...violations) : ok(undefined);
}

/**
 * True when the task may be used on `today`: `activeFrom` ≤ today ≤ `activeTo`, both bounds
 * inclusive, a missing bound meaning open-ended.
 *
 * @example
 * ```ts
 * kleIsActive({ activeFrom: null, activeTo: '2025-12-31' }, '2025-12-31'); // true (last day)
 * kleIsActive({ activeFrom: null, activeTo: '2025-12-31' }, '2026-01-01'); // false
 * ```
 */
export function kleIsActive(task: Pick<KleTask, 'activeFrom' | 'activeTo'>, today: IsoDate): boolean {
  if (task.activeFrom !== null && today < task.activeFrom) return false;
  if (task.activeTo !== null && today > task.activeTo) return false;
  return true;
}

/**
 * Loads a KLE feed (a JSON array of `KleFeedRow`s, in any order) into tasks sorted by key, with
 * `type` and `parentUuid` derived from the keys. Bad input (a malformed key or date, duplicates,
 * a group or topic whose parent level is missing) throws a `KitosValidationError` listing every
 * problem with its row index.
 *
 * @example
 * ```ts
 * const tasks = parseKleFeed([
 *   { uuid: 'b1f0c8f2-4c1e-4c43-9c55-0d2a1c3e7a01', taskKey: '00', description: 'Kommunens styrelse' },
 * ]);
 * tasks[0]?.type; // 'KLE-Hovedgruppe'
 * ```
 */
export function parseKleFeed(input: unknown): KleTask[] {
  const rows = parse(KleFeedSchema, input, 'organisation');
  const uuidByKey = new Map(rows.map((r) => [r.taskKey, r.uuid]));
  return [...rows]
    .sort((a, b) => (a.taskKey < b.taskKey ? -1 : a.taskKey > b.taskKey ? 1 : 0))
    .map((r) => {
      const parentKey = kleParentKey(r.taskKey);
      return {
        uuid: r.uuid,
        taskKey: r.taskKey,
        description: r.description,
        // The feed schema has checked every key, so the type is always defined.
        type: kleTaskTypeForKey(r.taskKey)!,
        parentUuid: parentKey === null ? null : (uuidByKey.get(parentKey) ?? null),
        activeFrom: r.activeFrom ?? null,
        activeTo: r.activeTo ?? null,
      };
    });
}
