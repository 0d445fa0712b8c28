/**
 * Changing an organisation's unit tree: where a new unit goes, moving a unit (with or without its
 * sub-units), deleting a unit and replacing the root. Each rule returns the units whose parent
 * changes (as new objects), never mutating its input, so a service can write exactly those.
 *
 * @module
 */
import { type RuleResult, type RuleViolation, type Uuid, fail, ok } from '../shared/index.js';
import { unitIndex, unitIsAncestor, unitRoot } from './unit-tree.rules.js';
import type { UnitNode } from './unit.schema.js';

function notFound(unitUuid: Uuid): RuleViolation {
  return { code: 'unit-not-found', message: 'the unit does not exist', context: { unitUuid } };
}

/** Checks that `parentUuid` names a unit of `organizationUuid`. */
function parentCheck(
  byUuid: ReadonlyMap<Uuid, UnitNode>,
  organizationUuid: Uuid,
  parentUuid: Uuid,
): RuleViolation | undefined {
  const parent = byUuid.get(parentUuid);
  if (!parent) {
    return { code: 'parent-not-found', message: 'the parent unit does not exist', path: ['parentUuid'] };
  }
  if (parent.organizationUuid !== organizationUuid) {
    return {
      code: 'not-same-organisation',
      message: 'the parent unit belongs to another organisation',
      path: ['parentUuid'],
      context: { parentUuid, organizationUuid },
    };
  }
  return undefined;
}

/**
 * The parent a new unit gets: the given parent when it is a unit of the same organisation,
 * otherwise the organisation's root when no parent is given. An organisation without any unit
 * yet gets its first unit as the root (`null`). Violations: `parent-not-found`,
 * `not-same-organisation`, or `multiple-roots` for a broken tree.
 *
 * @example
 * ```ts
 * const r = unitParentForCreate(units, { organizationUuid: orgUuid });
 * if (r.ok) newUnit.parentUuid = r.value; // the root's uuid
 * ```
 */
export function unitParentForCreate(
  units: readonly UnitNode[],
  input: { organizationUuid: Uuid; parentUuid?: Uuid | null | undefined },
): RuleResult<Uuid | null> {
  if (input.parentUuid != null) {
    const problem = parentCheck(unitIndex(units).byUuid, input.organizationUuid, input.parentUuid);
    return problem ? fail(problem) : ok(input.parentUuid);
  }
  if (!units.some((u) => u.organizationUuid === input.organizationUuid)) return ok(null);
  const root = unitRoot(units, input.organizationUuid);
  return root.ok ? ok(root.value.uuid) : root;
}

/**
 * Moves a unit under a new parent in the same organisation.
 *
 * - With `withSubtree: true` the unit keeps its sub-units; moving it under itself or one of its
 *   own descendants is a `cycle`.
 * - With `withSubtree: false` only the unit moves: its children are first re-parented to the
 *   unit's old parent, so it may even be moved under a former child.
 * - The root cannot be moved (`root-unit`). Moving to the current parent changes nothing.
 *
 * Violations, in order: `unit-not-found`, `root-unit`, `parent-not-found`, `not-same-organisation`, `cycle`.
 *
 * @example
 * ```ts
 * const r = unitMove(units, schoolUuid, newParentUuid, { withSubtree: true });
 * if (r.ok) await save(r.value); // the units whose parent changed
 * ```
 */
export function unitMove<U extends UnitNode>(
  units: readonly U[],
  unitUuid: Uuid,
  newParentUuid: Uuid,
  options: { withSubtree: boolean },
): RuleResult<U[]> {
  const { byUuid, children } = unitIndex(units);
  const unit = byUuid.get(unitUuid);
  if (!unit) return fail(notFound(unitUuid));
  if (unit.parentUuid === null) {
    return fail({ code: 'root-unit', message: 'the root unit cannot be moved', context: { unitUuid } });
  }
  const problem = parentCheck(byUuid, unit.organizationUuid, newParentUuid);
  if (problem) return fail(problem);
  if (newParentUuid === unitUuid || (options.withSubtree && unitIsAncestor(units, unitUuid, newParentUuid))) {
    return fail({
      code: 'cycle',
      message: 'a unit cannot be moved under itself or one of its own sub-units',
      path: ['parentUuid'],
      context: { unitUuid, newParentUuid },
    });
  }
  if (unit.parentUuid === newParentUuid) return ok([]);
  const oldParentUuid = unit.parentUuid;
  const movedChildren = options.withSubtree
    ? []
    : (children.get(unitUuid) ?? []).map((c) => ({ ...c, parentUuid: oldParentUuid }));
  return ok([...movedChildren, { ...unit, parentUuid: newParentUuid }]);
}

/**
 * What a unit is used for, counted by the caller from storage. A unit in use cannot be deleted.
 */
export interface UnitUses {
  /** System usages the unit is responsible for or relevant to. */
  readonly systemUsages: number;
  /** Contract economy streams (payments) booked on the unit. */
  readonly economyStreams: number;
  /** Contracts the unit is responsible for. */
  readonly responsibleForContracts: number;
  /** Role assignments on the unit. */
  readonly roleAssignments: number;
  /** Data processing registrations the unit is responsible for (beyond KITOS, which does not check). */
  readonly dataProcessingRegistrations?: number;
  /** Projects the unit is responsible for or takes part in (the project module is ours). */
  readonly projects?: number;
}

/** The uses in the order a refusal names them (KITOS's four first). */
const UNIT_USE_ORDER = [
  'systemUsages',
  'economyStreams',
  'responsibleForContracts',
  'roleAssignments',
  'dataProcessingRegistrations',
  'projects',
] as const;

/**
 * Deletes a unit: refused for the root (`root-unit`) and for a unit in use (`in-use`, whose
 * context lists the uses in the order system usages, economy streams, contracts, role
 * assignments). On success its children move up to its parent.
 *
 * @example
 * ```ts
 * const r = unitDelete(units, unitUuid, { systemUsages: 0, economyStreams: 0, responsibleForContracts: 1, roleAssignments: 0 });
 * // r.ok === false, r.violations[0].context.uses → ['responsibleForContracts']
 * ```
 */
export function unitDelete<U extends UnitNode>(
  units: readonly U[],
  unitUuid: Uuid,
  uses: UnitUses,
): RuleResult<{ removedUuid: Uuid; changed: U[] }> {
  const { byUuid, children } = unitIndex(units);
  const unit = byUuid.get(unitUuid);
  if (!unit) return fail(notFound(unitUuid));
  if (unit.parentUuid === null) {
    return fail({ code: 'root-unit', message: 'the root unit cannot be deleted', context: { unitUuid } });
  }
  const inUse = UNIT_USE_ORDER.filter((k) => (uses[k] ?? 0) > 0);
  if (inUse.length > 0) {
    return fail({
      code: 'in-use',
      message: `the unit is in use (${inUse.join(', ')}) and cannot be deleted`,
      context: { unitUuid, uses: inUse, counts: { ...uses } },
    });
  }
  const parentUuid = unit.parentUuid;
  const changed = (children.get(unitUuid) ?? []).map((c) => ({ ...c, parentUuid }));
  return ok({ removedUuid: unitUuid, changed });
}

/** The fields of a unit that only its source may change when it comes from FK Organisation. */
const DIRECTORY_OWNED = ['name', 'parentUuid'] as const;

/**
 * Who may change what on a unit that comes from the national organisation directory (origin other
 * than `Kitos`): its name and place in the tree are kept by the directory, so only a global
 * administrator (the synchronisation) may change them, and only a global administrator may delete
 * it (`unit-from-directory`). Its local id and EAN number stay editable by local administrators,
 * as do all fields of a local unit. A unit gets a directory origin only from a global administrator.
 *
 * @example
 * ```ts
 * unitDirectoryEdit({ ...unit, origin: 'STS_Organisation' }, { ...unit, name: 'Ny' }, false).ok; // false
 * unitDirectoryEdit({ ...unit, origin: 'STS_Organisation' }, { ...unit, ean: '5798000000001' }, false).ok; // true
 * ```
 */
export function unitDirectoryEdit(
  current: (UnitNode & { readonly origin: string }) | undefined,
  next: (UnitNode & { readonly origin: string }) | null,
  isGlobalAdmin: boolean,
): RuleResult<void> {
  if (isGlobalAdmin) return ok(undefined);
  if (current === undefined) {
    if (next && next.origin !== 'Kitos')
      return fail({
        code: 'unit-from-directory',
        message: 'only the directory synchronisation creates units from FK Organisation',
        path: ['origin'],
      });
    return ok(undefined);
  }
  if (current.origin === 'Kitos') return ok(undefined);
  const changed = next === null ? ['delete'] : DIRECTORY_OWNED.filter((f) => next[f] !== current[f]);
  if (changed.length === 0) return ok(undefined);
  return fail({
    code: 'unit-from-directory',
    message:
      next === null
        ? 'the unit comes from FK Organisation and is deleted there'
        : `the unit comes from FK Organisation; its ${changed.join(' and ')} are changed there`,
    path: next === null ? [] : [changed[0] as string],
    context: { unitUuid: current.uuid, origin: current.origin },
  });
}
