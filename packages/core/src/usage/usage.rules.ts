/**
 * Rules of the usage itself: responsible and using units, main contract, roles, one usage per
 * organisation and system, and whether a system can be taken into use.
 *
 * @module
 */
import { type AccessModifier, fail, ok, type RuleResult, type RuleViolation } from '../shared/index.js';
import type { ItSystemUsage, UsageOrganizationUsage } from './usage.schema.js';

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

/** What the main contract check needs to know about the chosen contract. */
export interface UsageMainContractFacts {
  /** The organisation of the chosen contract; `undefined` when no such contract exists. */
  readonly contractOrganizationUuid: string | undefined;
  /** Uuids of the contracts that cover the usage (associations live on the contracts). */
  readonly coveringContractUuids: readonly string[];
}

/**
 * Checks the main contract of a usage, in KITOS's order: the contract exists
 * (`reference-not-found`), belongs to the usage's organisation (`not-same-organisation`) and
 * covers the usage (`main-contract-not-associated`). No main contract is always fine.
 *
 * @example
 * ```ts
 * checkUsageMainContract(usage, { contractOrganizationUuid: usage.organizationUuid, coveringContractUuids: ['c1'] });
 * ```
 */
export function checkUsageMainContract(
  usage: { readonly organizationUuid: string; readonly general: { readonly mainContractUuid: string | null } },
  facts: UsageMainContractFacts,
): RuleResult<string | null> {
  const main = usage.general.mainContractUuid;
  if (main === null) return ok(null);
  const at = { path: ['general', 'mainContractUuid'], context: { contractUuid: main } };
  if (facts.contractOrganizationUuid === undefined)
    return fail({ code: 'reference-not-found', message: `no contract ${main}`, ...at });
  if (facts.contractOrganizationUuid !== usage.organizationUuid)
    return fail({ code: 'not-same-organisation', message: `contract ${main} belongs to another organisation`, ...at });
  if (!facts.coveringContractUuids.includes(main))
    return fail({ code: 'main-contract-not-associated', message: `contract ${main} does not cover the usage`, ...at });
  return ok(main);
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
