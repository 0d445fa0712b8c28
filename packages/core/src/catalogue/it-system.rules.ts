/**
 * Pure rules for catalogue systems: unique names, the parent/child hierarchy without cycles,
 * delete conflicts and the archive duty comment gate.
 *
 * @module
 */
import { type RuleResult, type RuleViolation, type Uuid, fail, ok } from '../shared/index.js';
import { catalogueNameKey } from './catalogue-name.js';
import type { ItInterface } from './it-interface.schema.js';
import { type ArchiveDutyRecommendation, type ItSystem, isRealArchiveDutyRecommendation } from './it-system.schema.js';

/**
 * Checks that no other system created in the same organisation has the same name, compared as
 * {@link catalogueNameKey} does (case-insensitive, trimmed). The same name in another
 * organisation is fine. Pass the candidate's `uuid` when renaming so it does not clash with
 * itself. Violation: `duplicate-name`.
 *
 * @example
 * ```ts
 * itSystemNameIsUnique({ organizationUuid: org, name: 'sbsys' }, systems); // fails if 'SBSYS' exists in org
 * ```
 */
export function itSystemNameIsUnique(
  candidate: { uuid?: Uuid | undefined; organizationUuid: Uuid; name: string },
  existing: readonly Pick<ItSystem, 'uuid' | 'organizationUuid' | 'name'>[],
): RuleResult<void> {
  const key = catalogueNameKey(candidate.name);
  const clash = existing.find(
    (s) =>
      s.uuid !== candidate.uuid &&
      s.organizationUuid === candidate.organizationUuid &&
      catalogueNameKey(s.name) === key,
  );
  if (!clash) return ok(undefined);
  return fail({
    code: 'duplicate-name',
    message: 'a system with this name already exists in the organisation',
    path: ['name'],
    context: { name: candidate.name, conflictingUuid: clash.uuid },
  });
}

/**
 * Checks a new parent ("main system") for a system. `null` detaches it. KITOS has no cycle check
 * here; the library adds one, since a system that is its own ancestor breaks every hierarchy view.
 * Violations: `parent-not-found`, `cycle` (the parent is the system itself or one of its
 * sub-systems). Returns the new parent uuid.
 *
 * @example
 * ```ts
 * itSystemParentChange(systems, childUuid, grandchildUuid); // fails with 'cycle'
 * ```
 */
export function itSystemParentChange(
  systems: readonly Pick<ItSystem, 'uuid' | 'parentUuid'>[],
  systemUuid: Uuid,
  parentUuid: Uuid | null,
): RuleResult<Uuid | null> {
  if (parentUuid === null) return ok(null);
  const parentOf = new Map(systems.map((s) => [s.uuid, s.parentUuid]));
  if (!parentOf.has(parentUuid)) {
    return fail({ code: 'parent-not-found', message: 'the parent system does not exist', path: ['parentUuid'] });
  }
  // Walk up from the new parent; meeting the system itself means it would become its own ancestor.
  const seen = new Set<Uuid>();
  for (let at: Uuid | null | undefined = parentUuid; at != null && !seen.has(at); at = parentOf.get(at)) {
    if (at === systemUuid) {
      return fail({
        code: 'cycle',
        message: 'a system cannot be placed under itself or one of its own sub-systems',
        path: ['parentUuid'],
        context: { systemUuid, parentUuid },
      });
    }
    seen.add(at);
  }
  return ok(parentUuid);
}

/** What refers to a system, for {@link itSystemDeletion}. */
export interface ItSystemDeletionFacts {
  /** Uuids of the usages of the system, in any organisation. */
  readonly usageUuids: readonly Uuid[];
  /** Catalogue systems (at least those that may be its children). */
  readonly systems: readonly Pick<ItSystem, 'uuid' | 'parentUuid'>[];
  /** Interfaces (at least those that may be exposed by it). */
  readonly interfaces: readonly Pick<ItInterface, 'uuid' | 'exposedBySystemUuid'>[];
}

/**
 * Checks whether a system can be deleted. Every conflict that applies is reported, in KITOS's
 * order: `in-use` (it has usages), `has-children` (sub-systems point at it),
 * `has-interface-exhibits` (it exposes interfaces).
 *
 * @example
 * ```ts
 * const r = itSystemDeletion(uuid, { usageUuids: [], systems, interfaces });
 * if (!r.ok) console.log(r.violations.map((v) => v.code)); // e.g. ['has-children']
 * ```
 */
export function itSystemDeletion(systemUuid: Uuid, facts: ItSystemDeletionFacts): RuleResult<void> {
  const violations: RuleViolation[] = [];
  if (facts.usageUuids.length > 0) {
    violations.push({
      code: 'in-use',
      message: 'the system is in use by one or more organisations',
      context: { systemUuid, usageUuids: [...facts.usageUuids] },
    });
  }
  const children = facts.systems.filter((s) => s.parentUuid === systemUuid).map((s) => s.uuid);
  if (children.length > 0) {
    violations.push({ code: 'has-children', message: 'the system has sub-systems', context: { systemUuid, children } });
  }
  const exposed = facts.interfaces.filter((i) => i.exposedBySystemUuid === systemUuid).map((i) => i.uuid);
  if (exposed.length > 0) {
    violations.push({
      code: 'has-interface-exhibits',
      message: 'the system exposes interfaces',
      context: { systemUuid, interfaceUuids: exposed },
    });
  }
  return violations.length ? fail(...violations) : ok(undefined);
}

/** The archive duty recommendation and its comment. */
export interface ArchiveDutyState {
  readonly archiveDuty: ArchiveDutyRecommendation | null;
  readonly archiveDutyComment: string | null;
}

/**
 * Applies a change to the archive duty recommendation and comment. A comment is kept only beside a
 * real recommendation: clearing the recommendation (or setting it to `Undecided`) clears the
 * comment, and explicitly sending a comment without a real recommendation is refused
 * (`archive-duty-comment-without-recommendation`). Fields absent from `change` keep their value.
 *
 * @example
 * ```ts
 * itSystemArchiveDutyUpdate({ archiveDuty: 'B', archiveDutyComment: 'Se bekendtgørelse' }, { archiveDuty: null });
 * // ok({ archiveDuty: null, archiveDutyComment: null })
 * ```
 */
export function itSystemArchiveDutyUpdate(
  current: ArchiveDutyState,
  change: { archiveDuty?: ArchiveDutyRecommendation | null; archiveDutyComment?: string | null },
): RuleResult<ArchiveDutyState> {
  const archiveDuty = change.archiveDuty !== undefined ? change.archiveDuty : current.archiveDuty;
  const comment = change.archiveDutyComment !== undefined ? change.archiveDutyComment : current.archiveDutyComment;
  if (isRealArchiveDutyRecommendation(archiveDuty)) return ok({ archiveDuty, archiveDutyComment: comment });
  if (change.archiveDutyComment != null && change.archiveDutyComment.trim() !== '') {
    return fail({
      code: 'archive-duty-comment-without-recommendation',
      message: 'a comment is only allowed with a real archive duty recommendation (not empty or Undecided)',
      path: ['archiveDutyComment'],
    });
  }
  return ok({ archiveDuty, archiveDutyComment: null });
}
