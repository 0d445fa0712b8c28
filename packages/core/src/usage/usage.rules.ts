/**
 * Rules of the usage itself: responsible and using units, main contract, roles, one usage per
 * organisation and system, and whether a system can be taken into use.
 *
 * @module
 */
import { type AccessModifier, fail, ok, type RuleResult, type RuleViolation } from '../shared/index.js';
import type { ItSystemUsage, UsageOrganizationUsage, UsageRoleAssignment } from './usage.schema.js';

/**
 * Makes `unitUuid` the responsible unit, adding it to the using units when it is not there yet (as
 * KITOS does when responsibility moves to a unit that is not yet relevant). `null` removes the
 * responsibility and keeps the using units.
 *
 * @example
 * ```ts
 * assignResponsibleUnit({ usingUnitUuids: ['a'], responsibleUnitUuid: 'a' }, 'b');
 * // { usingUnitUuids: ['a', 'b'], responsibleUnitUuid: 'b' }
 * ```
 */
export function assignResponsibleUnit(usage: UsageOrganizationUsage, unitUuid: string | null): UsageOrganizationUsage {
  if (unitUuid === null) return { ...usage, responsibleUnitUuid: null };
  const using = usage.usingUnitUuids.includes(unitUuid) ? usage.usingUnitUuids : [...usage.usingUnitUuids, unitUuid];
  return { usingUnitUuids: [...using], responsibleUnitUuid: unitUuid };
}

/**
 * Removes a using unit; when it was the responsible unit, the usage loses its responsible unit
 * too. Removing a unit that is not using the system is refused with `unit-not-using`.
 *
 * @example
 * ```ts
 * removeUsingUnit({ usingUnitUuids: ['a', 'b'], responsibleUnitUuid: 'a' }, 'a');
 * // ok({ usingUnitUuids: ['b'], responsibleUnitUuid: null })
 * ```
 */
export function removeUsingUnit(usage: UsageOrganizationUsage, unitUuid: string): RuleResult<UsageOrganizationUsage> {
  if (!usage.usingUnitUuids.includes(unitUuid)) {
    return fail({
      code: 'unit-not-using',
      message: `unit ${unitUuid} does not use the system`,
      path: ['organizationUsage', 'usingUnitUuids'],
      context: { unitUuid },
    });
  }
  return ok({
    usingUnitUuids: usage.usingUnitUuids.filter((u) => u !== unitUuid),
    responsibleUnitUuid: usage.responsibleUnitUuid === unitUuid ? null : usage.responsibleUnitUuid,
  });
}

/**
 * Checks that every using unit belongs to the usage's organisation (`organizationUnitUuids` are
 * that organisation's units); each foreign unit gives `not-same-organisation`.
 *
 * @example
 * ```ts
 * checkUsageUnitsInOrganization({ usingUnitUuids: ['x'], responsibleUnitUuid: null }, ['a']).ok; // false
 * ```
 */
export function checkUsageUnitsInOrganization(
  usage: UsageOrganizationUsage,
  organizationUnitUuids: readonly string[],
): RuleResult<UsageOrganizationUsage> {
  const own = new Set(organizationUnitUuids);
  const violations: RuleViolation[] = usage.usingUnitUuids.flatMap((unit, index) =>
    own.has(unit)
      ? []
      : [
          {
            code: 'not-same-organisation',
            message: `unit ${unit} belongs to another organisation`,
            path: ['organizationUsage', 'usingUnitUuids', index],
          },
        ],
  );
  return violations.length > 0 ? fail(...violations) : ok(usage);
}

/**
 * Checks that the main contract (if any) is one of the contracts associated with the usage
 * (`main-contract-not-associated` otherwise). Associations live on the contracts, so the caller
 * passes the uuids of the contracts that cover this usage.
 *
 * @example
 * ```ts
 * checkUsageMainContract({ general: { mainContractUuid: 'c1' } }, ['c1', 'c2']).ok; // true
 * ```
 */
export function checkUsageMainContract(
  usage: { readonly general: { readonly mainContractUuid: string | null } },
  associatedContractUuids: readonly string[],
): RuleResult<string | null> {
  const main = usage.general.mainContractUuid;
  if (main === null || associatedContractUuids.includes(main)) return ok(main);
  return fail({
    code: 'main-contract-not-associated',
    message: `contract ${main} is not associated with the usage`,
    path: ['general', 'mainContractUuid'],
    context: { contractUuid: main },
  });
}

/**
 * Sets (or with `null` clears) the main contract of a usage, which must be one of its associated
 * contracts (`main-contract-not-associated`).
 *
 * @example
 * ```ts
 * const r = setUsageMainContract(usage, 'c1', ['c1']);
 * if (r.ok) r.value.general.mainContractUuid; // 'c1'
 * ```
 */
export function setUsageMainContract(
  usage: ItSystemUsage,
  contractUuid: string | null,
  associatedContractUuids: readonly string[],
): RuleResult<ItSystemUsage> {
  const next = { ...usage, general: { ...usage.general, mainContractUuid: contractUuid } };
  const check = checkUsageMainContract(next, associatedContractUuids);
  return check.ok ? ok(next) : check;
}

/**
 * What happens to a usage when a contract stops covering it: if that contract was the main
 * contract, the usage no longer has one.
 *
 * @example
 * ```ts
 * removeUsageContractAssociation(usage, usage.general.mainContractUuid!).general.mainContractUuid; // null
 * ```
 */
export function removeUsageContractAssociation(usage: ItSystemUsage, contractUuid: string): ItSystemUsage {
  if (usage.general.mainContractUuid !== contractUuid) return usage;
  return { ...usage, general: { ...usage.general, mainContractUuid: null } };
}

/**
 * Adds a role assignment; the same (role, user) pair twice is refused with `duplicate-role-assignment`.
 *
 * @example
 * ```ts
 * addUsageRole([], { roleUuid: r, userUuid: u }); // ok([{ roleUuid: r, userUuid: u }])
 * ```
 */
export function addUsageRole(
  roles: readonly UsageRoleAssignment[],
  assignment: UsageRoleAssignment,
): RuleResult<UsageRoleAssignment[]> {
  if (roles.some((r) => r.roleUuid === assignment.roleUuid && r.userUuid === assignment.userUuid)) {
    return fail({
      code: 'duplicate-role-assignment',
      message: 'the user already has this role on the usage',
      path: ['roles'],
    });
  }
  return ok([...roles, assignment]);
}

/**
 * Removes a role assignment; removing a pair that is not assigned is refused with `role-assignment-not-found`.
 *
 * @example
 * ```ts
 * removeUsageRole([{ roleUuid: r, userUuid: u }], { roleUuid: r, userUuid: u }); // ok([])
 * ```
 */
export function removeUsageRole(
  roles: readonly UsageRoleAssignment[],
  assignment: UsageRoleAssignment,
): RuleResult<UsageRoleAssignment[]> {
  const rest = roles.filter((r) => !(r.roleUuid === assignment.roleUuid && r.userUuid === assignment.userUuid));
  if (rest.length === roles.length) {
    return fail({
      code: 'role-assignment-not-found',
      message: 'the user does not have this role on the usage',
      path: ['roles'],
    });
  }
  return ok(rest);
}

/** Identifies a usage by its organisation and catalogue system (plus its own uuid when stored). */
export interface UsageKey {
  readonly uuid?: string;
  readonly organizationUuid: string;
  readonly systemUuid: string;
}

/**
 * One usage per (organisation, system): fails with `usage-exists` when another usage among
 * `existing` has the same pair. A usage with the same uuid as the candidate is the candidate
 * itself and does not count (so the check also fits moving a usage to another system).
 *
 * @example
 * ```ts
 * checkUsageUnique([{ organizationUuid: o, systemUuid: s }], { organizationUuid: o, systemUuid: s }).ok; // false
 * ```
 */
export function checkUsageUnique(existing: readonly UsageKey[], candidate: UsageKey): RuleResult<UsageKey> {
  const clash = existing.find(
    (u) =>
      u.organizationUuid === candidate.organizationUuid &&
      u.systemUuid === candidate.systemUuid &&
      (u.uuid === undefined || u.uuid !== candidate.uuid),
  );
  if (!clash) return ok(candidate);
  return fail({
    code: 'usage-exists',
    message: 'the organisation already uses this system',
    path: ['systemUuid'],
    context: { existingUsageUuid: clash.uuid ?? null },
  });
}

/** What {@link canCreateUsage} needs to know about the catalogue system. */
export interface UsageSystemFacts {
  readonly uuid: string;
  /** The organisation the system was created in. */
  readonly organizationUuid: string;
  readonly accessModifier: AccessModifier;
  readonly deactivated: boolean;
}

/**
 * Whether `organizationUuid` may take `system` into use. Violations, in this order:
 * `system-deactivated` (deactivated systems cannot get new usages) and `system-not-visible` (a
 * Local system can only be used by the organisation that created it).
 *
 * @example
 * ```ts
 * canCreateUsage({ uuid: s, organizationUuid: other, accessModifier: 'Local', deactivated: false }, mine).ok; // false
 * ```
 */
export function canCreateUsage(system: UsageSystemFacts, organizationUuid: string): RuleResult<UsageSystemFacts> {
  const violations: RuleViolation[] = [];
  if (system.deactivated) {
    violations.push({ code: 'system-deactivated', message: 'the system is deactivated', path: ['systemUuid'] });
  }
  if (system.accessModifier !== 'Public' && system.organizationUuid !== organizationUuid) {
    violations.push({
      code: 'system-not-visible',
      message: 'the system is local to another organisation',
      path: ['systemUuid'],
    });
  }
  return violations.length > 0 ? fail(...violations) : ok(system);
}
