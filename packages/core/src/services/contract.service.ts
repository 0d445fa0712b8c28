/**
 * The contract service: contracts with their links, hierarchy and economy streams.
 *
 * @module
 */
import { applyContractPatch } from '../contract/contract-patch.rules.js';
import {
  contractLinkViolations,
  type ContractLinkKind,
  contractParentViolation,
} from '../contract/contract-links.rules.js';
import {
  type Contract,
  ContractCreateSchema,
  type ContractFields,
  ContractFieldsSchema,
  ContractPatchSchema,
} from '../contract/contract.schema.js';
import { catalogueNameKey } from '../catalogue/catalogue-name.js';
import type { CallContext } from '../engine/call.js';
import { CONTRACT, DPR, UNIT, USAGE } from './kinds.js';
import { blankFor, mergePatch } from '../engine/defaults.js';
import { writeEntity } from '../engine/repository.js';
import { type CallRunner, createEntityService } from '../engine/service.js';
import { KitosConflictError } from '../shared/errors.js';
import { removeUsageContractAssociation } from '../usage/usage.rules.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { violationError } from './enforce.js';
import { allOf } from './lookup.js';
import { DETACHING_REFERENCES } from './references.js';
import { CONTRACT_LISTS } from './list-fields.js';
import { DPR_CONTRACT_LINK, mirrorLink } from './mirrored-links.js';

const KIND_OF: Record<ContractLinkKind, string> = {
  contract: CONTRACT.kind,
  organizationUnit: UNIT.kind,
  systemUsage: USAGE.kind,
  dataProcessingRegistration: DPR.kind,
};

async function checkLinks(call: CallContext, next: Contract): Promise<void> {
  const orgs = new Map<string, string | undefined>();
  const refs: [ContractLinkKind, string | null][] = [
    ['contract', next.parentContractUuid],
    ['organizationUnit', next.responsible.organizationUnitUuid],
    ...next.systemUsageUuids.map((u) => ['systemUsage', u] as [ContractLinkKind, string]),
    ...next.dataProcessingRegistrationUuids.map((u) => ['dataProcessingRegistration', u] as [ContractLinkKind, string]),
    ...[...next.payments.external, ...next.payments.internal].map(
      (s) => ['organizationUnit', s.organizationUnitUuid] as [ContractLinkKind, string | null],
    ),
  ];
  for (const [kind, uuid] of refs) {
    if (uuid && !orgs.has(`${kind}:${uuid}`))
      orgs.set(`${kind}:${uuid}`, (await call.tx.get(KIND_OF[kind], uuid))?.organizationUuid ?? undefined);
  }
  const violations = contractLinkViolations(next, (kind, uuid) => orgs.get(`${kind}:${uuid}`));
  if (next.parentContractUuid) {
    const all = new Map((await allOf<Contract>(call.tx, CONTRACT.kind, next.organizationUuid)).map((c) => [c.uuid, c]));
    all.set(next.uuid, next);
    const v = contractParentViolation(next, next.parentContractUuid, all);
    if (v) violations.push(v);
  }
  if (violations.length > 0) throw violationError(violations, 'contract');
}

/** Contracts. */
export function contractService(runner: CallRunner) {
  return createEntityService(runner, {
    def: CONTRACT,
    lists: CONTRACT_LISTS,
    fieldsSchema: ContractFieldsSchema,
    createSchema: ContractCreateSchema,
    patchSchema: ContractPatchSchema,
    protect: (_call, c) => ({ kind: 'itContract' as const, uuid: c.uuid, organizationUuid: c.organizationUuid }),
    createOrganization: (i) => i.organizationUuid,
    applyPatch: (_call, current, patch) => applyContractPatch(current, patch),
    prepareCreate: (_call, input) => {
      // Every field empty but the count of extensions used, which starts at 0, then the input.
      const blank = mergePatch(blankFor(ContractFieldsSchema) as ContractFields, {
        agreementPeriod: { extensionOptionsUsed: 0 },
      });
      return { ...mergePatch(blank, input), organizationUuid: input.organizationUuid };
    },
    check: async (call, next) => {
      const same = await allOf<Contract>(call.tx, CONTRACT.kind, next.organizationUuid, {
        op: 'eq',
        field: 'nameKey',
        value: catalogueNameKey(next.name),
      });
      if (same.some((c) => c.uuid !== next.uuid)) {
        throw new KitosConflictError('contract', `a contract named "${next.name}" already exists in the organisation`, {
          code: 'name-taken',
        });
      }
      await checkLinks(call, next as Contract);
    },
    afterWrite: async (call, contract, previous) => {
      await mirrorLink(call, DPR_CONTRACT_LINK.b, DPR_CONTRACT_LINK.a, contract, previous);
      // A usage no longer covered by the contract loses it as main contract.
      const dropped = (previous?.systemUsageUuids ?? []).filter((u) => !contract.systemUsageUuids.includes(u));
      for (const uuid of dropped) {
        const usage = (await call.tx.get<ItSystemUsage>(USAGE.kind, uuid))?.data;
        if (usage)
          await writeEntity(call.tx, USAGE, call.write, removeUsageContractAssociation(usage, contract.uuid), usage);
      }
    },
    detach: DETACHING_REFERENCES,
  });
}
