/**
 * The KLE service: loading a municipality's KLE feed (KLE is licensed, so the library ships none)
 * and reading the three-level task tree.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import { KLE, type StoredKleTask } from './kinds.js';
import { writeEntity } from '../engine/repository.js';
import type { CallRunner } from '../engine/service.js';
import { kleIsActive, parseKleFeed } from '../organisation/kle.rules.js';
import type { IsoDate } from '../shared/dates.js';
import { KitosForbiddenError } from '../shared/errors.js';
import { allOf } from './lookup.js';

/** The KLE service. */
export interface KleService {
  /**
   * Loads (or updates) KLE tasks from a feed of `{ uuid, taskKey, description, activeFrom?, activeTo? }`
   * rows. Global admins only; all-or-nothing: a bad row loads nothing.
   *
   * @example
   * ```ts
   * await kitos.kle.load(admin, [{ uuid, taskKey: '00', description: 'Kommunens styrelse' }]);
   * ```
   */
  load(actor: Actor, feed: unknown): Promise<{ created: number; updated: number; unchanged: number }>;
  /** Tasks whose key starts with `prefix` (all when omitted), active on `today` unless `includeInactive`. */
  list(
    actor: Actor,
    options?: { prefix?: string; today?: IsoDate; includeInactive?: boolean },
  ): Promise<StoredKleTask[]>;
}

/** KLE. */
export function kleService(runner: CallRunner): KleService {
  return {
    load: (actor, feed) =>
      runner.write(actor, async (call) => {
        if (!call.actor.isGlobalAdmin) throw new KitosForbiddenError('organisation', 'only global admins load KLE');
        const tasks = parseKleFeed(feed);
        const counts = { created: 0, updated: 0, unchanged: 0 };
        for (const task of tasks) {
          const current = (await call.tx.get<StoredKleTask>(KLE.kind, task.uuid))?.data;
          const saved = await writeEntity(call.tx, KLE, call.write, task, current);
          if (!current) counts.created++;
          else if (saved.version !== current.version) counts.updated++;
          else counts.unchanged++;
        }
        return counts;
      }),
    list: (actor, options = {}) =>
      runner.read(actor, async (call) => {
        const filter = options.prefix
          ? { op: 'startsWith' as const, field: 'taskKey', value: options.prefix }
          : undefined;
        const tasks = await allOf<StoredKleTask>(call.tx, KLE.kind, undefined, filter);
        const today = options.today ?? call.today;
        return tasks
          .filter((t) => options.includeInactive || kleIsActive(t, today))
          .sort((a, b) => (a.taskKey < b.taskKey ? -1 : a.taskKey > b.taskKey ? 1 : 0));
      }),
  };
}
