/**
 * Reading the catalogue's main-system / sub-system hierarchy.
 *
 * @module
 */
import { type RuleResult, type Uuid, fail, ok } from '../shared/index.js';
import type { ItSystem } from './it-system.schema.js';

/** Where a system sits in the hierarchy. */
export interface SystemHierarchy<S> {
  /** From the top-most main system down to the system itself (both included). */
  readonly path: readonly S[];
  /** The system's direct sub-systems, in list order. */
  readonly children: readonly S[];
}

/**
 * The path from the top-most main system down to `systemUuid`, and the system's direct
 * sub-systems. Violations: `system-not-found`; `cycle` when stored data has a parent loop (which
 * `itSystemParentChange` prevents, but imported data may carry).
 *
 * @example
 * ```ts
 * const r = systemHierarchy(systems, uuid);
 * if (r.ok) console.log(r.value.path.map((s) => s.name).join(' › '));
 * ```
 */
export function systemHierarchy<S extends Pick<ItSystem, 'uuid' | 'parentUuid'>>(
  systems: readonly S[],
  systemUuid: Uuid,
): RuleResult<SystemHierarchy<S>> {
  const byUuid = new Map(systems.map((s) => [s.uuid, s]));
  const self = byUuid.get(systemUuid);
  if (!self) return fail({ code: 'system-not-found', message: 'the system does not exist', context: { systemUuid } });
  const path: S[] = [];
  const seen = new Set<Uuid>();
  for (let at: S | undefined = self; at; at = at.parentUuid === null ? undefined : byUuid.get(at.parentUuid)) {
    if (seen.has(at.uuid)) {
      return fail({ code: 'cycle', message: 'the system hierarchy has a loop', context: { systemUuid } });
    }
    seen.add(at.uuid);
    path.push(at);
  }
  const children = systems.filter((s) => s.parentUuid === systemUuid);
  return ok({ path: path.reverse(), children });
}
