/**
 * Reading an organisation's unit tree: its root, a unit's sub-units, its path from the root, and
 * whether the tree as a whole is sound. Overview filters such as "responsible unit, including
 * sub-units" are built on {@link unitDescendants}.
 *
 * Every function takes the units as a flat list (as stored) and never mutates it. Lists may hold
 * units of several organisations; functions that need one organisation take its uuid.
 *
 * @module
 */
import { type IssueCode, type RuleResult, type RuleViolation, type Uuid, fail, ok } from '../shared/index.js';
import type { UnitNode } from './unit.schema.js';

/** Units by uuid and children by parent uuid, built once per call. */
export interface UnitIndex<U extends UnitNode> {
  /** Units by uuid. */
  readonly byUuid: ReadonlyMap<Uuid, U>;
  /** Direct children by parent uuid, in list order. */
  readonly children: ReadonlyMap<Uuid, readonly U[]>;
}

/**
 * Indexes a flat unit list for repeated lookups.
 *
 * @example
 * ```ts
 * const index = unitIndex(units);
 * index.children.get(rootUuid)?.map((u) => u.name);
 * ```
 */
export function unitIndex<U extends UnitNode>(units: readonly U[]): UnitIndex<U> {
  const byUuid = new Map<Uuid, U>();
  const children = new Map<Uuid, U[]>();
  for (const u of units) {
    byUuid.set(u.uuid, u);
    if (u.parentUuid === null) continue;
    const list = children.get(u.parentUuid);
    if (list) list.push(u);
    else children.set(u.parentUuid, [u]);
  }
  return { byUuid, children };
}

/**
 * The root unit of an organisation. Fails with `no-root` when the organisation has no unit without
 * a parent, and `multiple-roots` when it has more than one.
 *
 * @example
 * ```ts
 * const r = unitRoot(units, orgUuid);
 * if (r.ok) console.log(r.value.name);
 * ```
 */
export function unitRoot<U extends UnitNode>(units: readonly U[], organizationUuid: Uuid): RuleResult<U> {
  const roots = units.filter((u) => u.organizationUuid === organizationUuid && u.parentUuid === null);
  if (roots.length === 1) return ok(roots[0] as U);
  if (roots.length === 0) {
    return fail({ code: 'no-root', message: 'the organisation has no root unit', context: { organizationUuid } });
  }
  return fail({
    code: 'multiple-roots',
    message: 'the organisation has more than one root unit',
    context: { organizationUuid, rootUuids: roots.map((r) => r.uuid) },
  });
}

/**
 * All units below `unitUuid` (children, grandchildren, …) in breadth-first order; with
 * `includeSelf` the unit itself comes first. An unknown uuid gives an empty list.
 *
 * @example
 * ```ts
 * // Filter "responsible unit including sub-units":
 * const scope = new Set(unitDescendants(units, unitUuid, { includeSelf: true }).map((u) => u.uuid));
 * usages.filter((u) => u.responsibleUnitUuid !== null && scope.has(u.responsibleUnitUuid));
 * ```
 */
export function unitDescendants<U extends UnitNode>(
  units: readonly U[],
  unitUuid: Uuid,
  options: { includeSelf?: boolean } = {},
): U[] {
  const { byUuid, children } = unitIndex(units);
  const start = byUuid.get(unitUuid);
  if (!start) return [];
  const result: U[] = options.includeSelf ? [start] : [];
  const seen = new Set<Uuid>([unitUuid]);
  const queue: U[] = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get((queue[i] as U).uuid) ?? []) {
      // The guard keeps a corrupt (cyclic) tree from looping forever.
      if (seen.has(child.uuid)) continue;
      seen.add(child.uuid);
      result.push(child);
      queue.push(child);
    }
  }
  return result;
}

/** How walking up from a unit ended: at a root, in a cycle, or at a parent that is missing. */
type ChainEnd = 'root' | 'cycle' | 'missing';

/** The chain of units from the top down to `unitUuid` (both included), and how the walk up ended. */
function unitAncestry<U extends UnitNode>(byUuid: ReadonlyMap<Uuid, U>, unitUuid: Uuid): { chain: U[]; end: ChainEnd } {
  const chain: U[] = [];
  const seen = new Set<Uuid>();
  let current = byUuid.get(unitUuid);
  let end: ChainEnd = 'missing';
  while (current) {
    if (seen.has(current.uuid)) {
      end = 'cycle';
      break;
    }
    seen.add(current.uuid);
    chain.push(current);
    if (current.parentUuid === null) {
      end = 'root';
      break;
    }
    current = byUuid.get(current.parentUuid);
  }
  return { chain: chain.reverse(), end };
}

/**
 * The names of the units from the root down to `unitUuid`, e.g. for a breadcrumb or a
 * "Kommune › Forvaltning › Afdeling" column. Empty when the unit is unknown.
 *
 * @example
 * ```ts
 * unitPath(units, schoolUuid); // ['Aarhus Kommune', 'Børn og Unge', 'Skoler']
 * ```
 */
export function unitPath(units: readonly UnitNode[], unitUuid: Uuid): string[] {
  return unitAncestry(unitIndex(units).byUuid, unitUuid).chain.map((u) => u.name);
}

/**
 * True when `ancestorUuid` is a strict ancestor of `unitUuid` (parent, grandparent, …). A unit is
 * not its own ancestor.
 *
 * @example
 * ```ts
 * unitIsAncestor(units, rootUuid, schoolUuid); // true
 * unitIsAncestor(units, schoolUuid, schoolUuid); // false
 * ```
 */
export function unitIsAncestor(units: readonly UnitNode[], ancestorUuid: Uuid, unitUuid: Uuid): boolean {
  const { chain } = unitAncestry(unitIndex(units).byUuid, unitUuid);
  return chain.slice(0, -1).some((u) => u.uuid === ancestorUuid);
}

/**
 * Checks that the units of one organisation form one sound tree. Violations, in this order:
 * `duplicate-uuid`, `not-same-organisation` (a unit of another organisation in the list),
 * `parent-not-found`, `cycle`, then `no-root` / `multiple-roots`. Use it after imports.
 *
 * @example
 * ```ts
 * const r = unitTreeValidity(importedUnits, orgUuid);
 * if (!r.ok) r.violations.forEach((v) => console.log(v.code, v.context));
 * ```
 */
export function unitTreeValidity(units: readonly UnitNode[], organizationUuid: Uuid): RuleResult<void> {
  const violations: RuleViolation[] = [];
  const { byUuid } = unitIndex(units);
  const seen = new Set<Uuid>();
  for (const u of units) {
    if (seen.has(u.uuid)) violations.push(unitViolation('duplicate-uuid', 'the unit appears more than once', u));
    seen.add(u.uuid);
  }
  for (const u of units) {
    if (u.organizationUuid !== organizationUuid) {
      violations.push(unitViolation('not-same-organisation', 'the unit belongs to another organisation', u));
    } else if (u.parentUuid !== null && !byUuid.has(u.parentUuid)) {
      violations.push(unitViolation('parent-not-found', 'the parent unit does not exist', u));
    } else if (unitAncestry(byUuid, u.uuid).end === 'cycle') {
      violations.push(unitViolation('cycle', 'the unit is in or below a cycle of parents', u));
    }
  }
  const root = unitRoot(units, organizationUuid);
  if (!root.ok) violations.push(...root.violations);
  return violations.length ? fail(...violations) : ok(undefined);
}

function unitViolation(code: IssueCode, message: string, unit: UnitNode): RuleViolation {
  return { code, message, context: { unitUuid: unit.uuid, name: unit.name } };
}
