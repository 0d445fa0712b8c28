/**
 * Links from a contract to other entities: the parent contract (a tree without cycles, inside one
 * organisation) and every other internal link (responsible unit, covered usages, data processing
 * registrations, units on payment lines), which KITOS keeps inside the contract's organisation.
 * The supplier is the exception: it may be any organisation.
 *
 * Both rules are pure: the caller passes what it knows about the other entities.
 *
 * @module
 */
import type { RuleViolation, Uuid } from '../shared/index.js';
import type { Contract } from './contract.schema.js';

/** What the parent rule needs to know about each contract. */
export interface ContractTreeNode {
  readonly organizationUuid: Uuid;
  readonly parentContractUuid: Uuid | null;
}

/** Contracts by uuid, as a map or a look-up function. */
export type ContractTreeLookup =
  | ReadonlyMap<Uuid, ContractTreeNode>
  | ((contractUuid: Uuid) => ContractTreeNode | undefined);

function lookUp(contracts: ContractTreeLookup, uuid: Uuid): ContractTreeNode | undefined {
  return typeof contracts === 'function' ? contracts(uuid) : contracts.get(uuid);
}

const sameUuid = (a: Uuid, b: Uuid) => a.toLowerCase() === b.toLowerCase();

/**
 * Checks a new parent for a contract, in KITOS's order, and returns the first violation or `null`
 * when the parent may be set (clearing the parent, `newParentUuid = null`, is always allowed):
 *
 * 1. `cycle` (`context.reason = 'self'`): the parent is the contract itself;
 * 2. `cycle` (`context.reason = 'descendant'`): the parent is a child, grandchild, … of the contract;
 * 3. `not-found`: no contract with that uuid in `contracts`;
 * 4. `not-same-organisation`: the parent belongs to another organisation.
 *
 * Descendants are found by walking up from the new parent through `parentContractUuid`, so only
 * parent pointers are needed. An existing loop in the data stops the walk instead of hanging.
 *
 * @example
 * ```ts
 * const contracts = new Map([[a, { organizationUuid: org, parentContractUuid: null }],
 *                            [b, { organizationUuid: org, parentContractUuid: a }]]);
 * contractParentViolation({ uuid: a, organizationUuid: org }, b, contracts)?.code; // 'cycle'
 * ```
 */
export function contractParentViolation(
  contract: { readonly uuid: Uuid; readonly organizationUuid: Uuid },
  newParentUuid: Uuid | null,
  contracts: ContractTreeLookup,
): RuleViolation | null {
  if (newParentUuid === null) return null;
  const context = { contractUuid: contract.uuid, parentContractUuid: newParentUuid };
  const path = ['parentContractUuid'];
  if (sameUuid(newParentUuid, contract.uuid)) {
    return {
      code: 'cycle',
      message: 'a contract cannot be its own parent',
      path,
      context: { ...context, reason: 'self' },
    };
  }
  const seen = new Set<string>();
  for (let at: Uuid | null = newParentUuid; at !== null && !seen.has(at.toLowerCase()); ) {
    if (sameUuid(at, contract.uuid)) {
      const message = 'the new parent is a descendant of the contract, which would make a cycle';
      return { code: 'cycle', message, path, context: { ...context, reason: 'descendant' } };
    }
    seen.add(at.toLowerCase());
    at = lookUp(contracts, at)?.parentContractUuid ?? null;
  }
  const parent = lookUp(contracts, newParentUuid);
  if (!parent) return { code: 'not-found', message: `no contract ${newParentUuid}`, path, context };
  if (!sameUuid(parent.organizationUuid, contract.organizationUuid)) {
    const message = 'parent and child contracts must belong to the same organisation';
    return { code: 'not-same-organisation', message, path, context };
  }
  return null;
}

/** Kinds of entity a contract links to inside its organisation. */
export type ContractLinkKind = 'contract' | 'organizationUnit' | 'systemUsage' | 'dataProcessingRegistration';

/** The parts of a contract {@link contractLinkViolations} reads (a whole {@link Contract} fits). */
export interface ContractLinkSubject {
  readonly organizationUuid: Uuid;
  readonly parentContractUuid: Uuid | null;
  readonly responsible: Pick<Contract['responsible'], 'organizationUnitUuid'>;
  readonly systemUsageUuids: readonly Uuid[];
  readonly dataProcessingRegistrationUuids: readonly Uuid[];
  readonly payments: {
    readonly external: readonly { readonly organizationUnitUuid: Uuid | null }[];
    readonly internal: readonly { readonly organizationUnitUuid: Uuid | null }[];
  };
}

/** Every internal link of a contract as `[kind, uuid, path]`, in the order they are reported. */
function internalLinks(c: ContractLinkSubject): [ContractLinkKind, Uuid, (string | number)[]][] {
  const links: [ContractLinkKind, Uuid, (string | number)[]][] = [];
  if (c.parentContractUuid) links.push(['contract', c.parentContractUuid, ['parentContractUuid']]);
  const unit = c.responsible.organizationUnitUuid;
  if (unit) links.push(['organizationUnit', unit, ['responsible', 'organizationUnitUuid']]);
  for (const [i, u] of c.systemUsageUuids.entries()) links.push(['systemUsage', u, ['systemUsageUuids', i]]);
  for (const [i, u] of c.dataProcessingRegistrationUuids.entries()) {
    links.push(['dataProcessingRegistration', u, ['dataProcessingRegistrationUuids', i]]);
  }
  for (const list of ['external', 'internal'] as const) {
    c.payments[list].forEach((s, i) => {
      if (s.organizationUnitUuid) {
        links.push(['organizationUnit', s.organizationUnitUuid, ['payments', list, i, 'organizationUnitUuid']]);
      }
    });
  }
  return links;
}

/**
 * Every internal link of a contract that leaves its organisation (`not-same-organisation`) or
 * points at nothing (`not-found`), in field order: parent, responsible unit, usages, data
 * processing registrations, external then internal payment units. Empty when all is well. The
 * supplier is not checked: it may be any organisation.
 *
 * @param organizationOf - the organisation owning the entity of that kind and uuid, or `undefined`
 *   when it does not exist.
 *
 * @example
 * ```ts
 * const problems = contractLinkViolations(contract, (kind, uuid) => owners.get(uuid));
 * for (const p of problems) console.log(p.path?.join('.'), p.code);
 * ```
 */
export function contractLinkViolations(
  contract: ContractLinkSubject,
  organizationOf: (kind: ContractLinkKind, uuid: Uuid) => Uuid | undefined,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const [kind, uuid, path] of internalLinks(contract)) {
    const owner = organizationOf(kind, uuid);
    const context = { kind, uuid, organizationUuid: owner ?? null, expected: contract.organizationUuid };
    if (owner === undefined) {
      violations.push({ code: 'not-found', message: `no ${kind} ${uuid}`, path, context });
    } else if (!sameUuid(owner, contract.organizationUuid)) {
      const message = `${kind} ${uuid} belongs to another organisation than the contract`;
      violations.push({ code: 'not-same-organisation', message, path, context });
    }
  }
  return violations;
}
