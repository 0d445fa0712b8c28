import { describe, expect, it } from 'vitest';
import {
  type ContractLinkKind,
  type ContractLinkSubject,
  type ContractTreeNode,
  contractLinkViolations,
  contractParentViolation,
} from './contract-links.rules.js';

const ORG = '0a000000-0000-4000-8000-000000000001';
const OTHER_ORG = '0a000000-0000-4000-8000-000000000002';
const [A, B, C, D, X] = ['a', 'b', 'c', 'd', 'e'].map(
  (ch) => `${ch.repeat(8)}-${ch.repeat(4)}-4${ch.repeat(3)}-8${ch.repeat(3)}-${ch.repeat(12)}`,
) as [string, string, string, string, string];

// A ← B ← C (C's parent is B, B's parent is A); D stands alone; X lives in another organisation.
const tree = new Map<string, ContractTreeNode>([
  [A, { organizationUuid: ORG, parentContractUuid: null }],
  [B, { organizationUuid: ORG, parentContractUuid: A }],
  [C, { organizationUuid: ORG, parentContractUuid: B }],
  [D, { organizationUuid: ORG, parentContractUuid: null }],
  [X, { organizationUuid: OTHER_ORG, parentContractUuid: null }],
]);
const contract = (uuid: string) => ({ uuid, organizationUuid: ORG });

describe('contractParentViolation', () => {
  it('allows clearing the parent and choosing an unrelated contract of the same organisation', () => {
    expect(contractParentViolation(contract(A), null, tree)).toBeNull();
    expect(contractParentViolation(contract(C), D, tree)).toBeNull();
    expect(contractParentViolation(contract(D), C, tree)).toBeNull();
  });
  it('refuses the contract itself as parent', () => {
    expect(contractParentViolation(contract(A), A.toUpperCase(), tree)).toMatchObject({
      code: 'cycle',
      context: { reason: 'self' },
    });
  });
  it('refuses a child and a grandchild as parent', () => {
    for (const descendant of [B, C]) {
      expect(contractParentViolation(contract(A), descendant, tree)).toMatchObject({
        code: 'cycle',
        context: { reason: 'descendant' },
      });
    }
  });
  it('allows moving a contract under its own ancestor', () => {
    expect(contractParentViolation(contract(C), A, tree)).toBeNull();
  });
  it('refuses an unknown parent and a parent in another organisation', () => {
    const unknown = '99999999-9999-4999-8999-999999999999';
    expect(contractParentViolation(contract(A), unknown, tree)?.code).toBe('not-found');
    expect(contractParentViolation(contract(A), X, tree)?.code).toBe('not-same-organisation');
  });
  it('accepts a look-up function and stops on a loop already in the data', () => {
    const loop = new Map<string, ContractTreeNode>([
      [B, { organizationUuid: ORG, parentContractUuid: C }],
      [C, { organizationUuid: ORG, parentContractUuid: B }],
    ]);
    expect(contractParentViolation(contract(A), B, (uuid) => loop.get(uuid))).toBeNull();
  });
  it('checks for a cycle before existence, as KITOS does', () => {
    expect(contractParentViolation({ uuid: X, organizationUuid: ORG }, X, new Map())?.code).toBe('cycle');
  });
});

describe('contractLinkViolations', () => {
  const UNIT = '0b000000-0000-4000-8000-000000000001';
  const FOREIGN_UNIT = '0b000000-0000-4000-8000-000000000002';
  const USAGE = '0c000000-0000-4000-8000-000000000001';
  const DPR = '0d000000-0000-4000-8000-000000000001';
  const MISSING = '0e000000-0000-4000-8000-000000000001';
  const owners = new Map<string, string>([
    [A, ORG],
    [X, OTHER_ORG],
    [UNIT, ORG],
    [FOREIGN_UNIT, OTHER_ORG],
    [USAGE, ORG],
    [DPR, OTHER_ORG],
  ]);
  const seen: ContractLinkKind[] = [];
  const organizationOf = (kind: ContractLinkKind, uuid: string) => {
    seen.push(kind);
    return owners.get(uuid);
  };
  const base: ContractLinkSubject = {
    organizationUuid: ORG,
    parentContractUuid: A,
    responsible: { organizationUnitUuid: UNIT },
    systemUsageUuids: [USAGE],
    dataProcessingRegistrationUuids: [],
    payments: { external: [{ organizationUnitUuid: UNIT }, { organizationUnitUuid: null }], internal: [] },
  };

  it('finds nothing wrong when every link stays in the organisation', () => {
    expect(contractLinkViolations(base, organizationOf)).toEqual([]);
  });
  it('reports every foreign or missing link in field order with its path', () => {
    const bad: ContractLinkSubject = {
      ...base,
      parentContractUuid: X,
      responsible: { organizationUnitUuid: FOREIGN_UNIT },
      systemUsageUuids: [USAGE, MISSING],
      dataProcessingRegistrationUuids: [DPR],
      payments: { external: [{ organizationUnitUuid: FOREIGN_UNIT }], internal: [{ organizationUnitUuid: MISSING }] },
    };
    expect(contractLinkViolations(bad, organizationOf).map((v) => [v.path?.join('.'), v.code])).toEqual([
      ['parentContractUuid', 'not-same-organisation'],
      ['responsible.organizationUnitUuid', 'not-same-organisation'],
      ['systemUsageUuids.1', 'not-found'],
      ['dataProcessingRegistrationUuids.0', 'not-same-organisation'],
      ['payments.external.0.organizationUnitUuid', 'not-same-organisation'],
      ['payments.internal.0.organizationUnitUuid', 'not-found'],
    ]);
  });
  it('asks for each link with its kind and never for the supplier', () => {
    seen.length = 0;
    contractLinkViolations(base, organizationOf);
    expect(seen).toEqual(['contract', 'organizationUnit', 'systemUsage', 'organizationUnit']);
  });
});
