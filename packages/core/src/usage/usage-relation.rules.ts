/**
 * Rules of system relations: same organisation, never to itself, only through an interface the
 * target exposes, and what happens to relations when their target, contract or interface goes.
 *
 * @module
 */
import { fail, type IssueCode, KitosError, ok, type RuleResult, type RuleViolation } from '../shared/index.js';
import type { SystemRelationFields } from './usage-relation.schema.js';

/** Facts about the two ends of a relation (and its contract) that the relation rules need. */
export interface SystemRelationContext {
  /** The usage that owns the relation. */
  readonly fromUsageUuid: string;
  /** Organisation of the owning usage. */
  readonly organizationUuid: string;
  /** Organisation of the target usage. */
  readonly targetOrganizationUuid: string;
  /** Interfaces exposed by the target usage's catalogue system. */
  readonly targetExposedInterfaceUuids: readonly string[];
  /** Organisation of the relation's contract; required when the relation has a contract. */
  readonly contractOrganizationUuid?: string;
}

function contractOrganization(relation: SystemRelationFields, context: SystemRelationContext): string {
  if (context.contractOrganizationUuid === undefined) {
    throw new KitosError('rule', 'usage', 'contractOrganizationUuid is required when the relation has a contract', {
      contractUuid: relation.contractUuid,
    });
  }
  return context.contractOrganizationUuid;
}

/**
 * Checks a relation against its context. Violations, in this order: `relation-to-self`,
 * `not-same-organisation` (target usage of another organisation), `interface-not-exposed` (the
 * interface is not exposed by the target usage's system) and `not-same-organisation` (contract of
 * another organisation). Throws a `KitosError` (code `rule`) when the relation has a contract and
 * `contractOrganizationUuid` is missing.
 *
 * @example
 * ```ts
 * checkSystemRelation(relation, {
 *   fromUsageUuid: a, organizationUuid: org, targetOrganizationUuid: org, targetExposedInterfaceUuids: [i],
 * });
 * ```
 */
export function checkSystemRelation<T extends SystemRelationFields>(
  relation: T,
  context: SystemRelationContext,
): RuleResult<T> {
  const violations: RuleViolation[] = [];
  const add = (code: IssueCode, field: keyof SystemRelationFields, message: string) =>
    violations.push({ code, message, path: [field] });
  if (relation.toUsageUuid === context.fromUsageUuid)
    add('relation-to-self', 'toUsageUuid', 'a usage cannot relate to itself');
  if (context.targetOrganizationUuid !== context.organizationUuid) {
    add('not-same-organisation', 'toUsageUuid', 'the target usage belongs to another organisation');
  }
  if (relation.interfaceUuid && !context.targetExposedInterfaceUuids.includes(relation.interfaceUuid)) {
    add('interface-not-exposed', 'interfaceUuid', "the interface is not exposed by the target usage's system");
  }
  if (relation.contractUuid && contractOrganization(relation, context) !== context.organizationUuid) {
    add('not-same-organisation', 'contractUuid', 'the contract belongs to another organisation');
  }
  return violations.length > 0 ? fail(...violations) : ok(relation);
}

/**
 * The relations left when the usage `usageUuid` is deleted: relations pointing at it are deleted
 * with it.
 *
 * @example
 * ```ts
 * dropRelationsToUsage(usage.outgoingSystemRelations, deletedUsageUuid);
 * ```
 */
export function dropRelationsToUsage<T extends SystemRelationFields>(relations: readonly T[], usageUuid: string): T[] {
  return relations.filter((r) => r.toUsageUuid !== usageUuid);
}

/**
 * The relations after the contract `contractUuid` is deleted: they keep existing without a contract.
 *
 * @example
 * ```ts
 * clearRelationsContract(usage.outgoingSystemRelations, deletedContractUuid);
 * ```
 */
export function clearRelationsContract<T extends SystemRelationFields>(
  relations: readonly T[],
  contractUuid: string,
): T[] {
  return relations.map((r) => (r.contractUuid === contractUuid ? { ...r, contractUuid: null } : r));
}

/**
 * The relations after the interface `interfaceUuid` is deleted or stops being exposed by the
 * target's system: they keep existing without the interface.
 *
 * @example
 * ```ts
 * clearRelationsInterface(usage.outgoingSystemRelations, interfaceUuid);
 * ```
 */
export function clearRelationsInterface<T extends SystemRelationFields>(
  relations: readonly T[],
  interfaceUuid: string,
): T[] {
  return relations.map((r) => (r.interfaceUuid === interfaceUuid ? { ...r, interfaceUuid: null } : r));
}
