/**
 * The IT-system usage service: one organisation's use of one catalogue system, with its GDPR gate
 * rules, units, relations and main contract.
 *
 * @module
 */
import type { ItInterface } from '../catalogue/it-interface.schema.js';
import type { ItSystem } from '../catalogue/it-system.schema.js';
import { canRead } from '../access/policy.js';
import type { Contract } from '../contract/contract.schema.js';
import type { CallContext } from '../engine/call.js';
import { CONTRACT, INTERFACE, SYSTEM, UNIT, USAGE } from './kinds.js';
import { blankFor, mergePatch } from '../engine/defaults.js';
import { type CallRunner, createEntityService, type FieldsOf } from '../engine/service.js';
import { systemLock } from './catalogue.service.js';
import { DETACHING_REFERENCES } from './references.js';
import { KitosValidationError } from '../shared/errors.js';
import { applyUsagePatchOver } from '../usage/usage-patch.apply.js';
import { checkUsageKleDeviations } from '../usage/usage-kle.rules.js';
import { checkSystemRelation } from '../usage/usage-relation.rules.js';
import {
  canCreateUsage,
  checkUsageMainContract,
  checkUsageUnique,
  checkUsageUnitsInOrganization,
} from '../usage/usage.rules.js';
import {
  type ItSystemUsage,
  ItSystemUsageCreateSchema,
  ItSystemUsageFieldsSchema,
  ItSystemUsagePatchSchema,
} from '../usage/usage.schema.js';
import { protectSystem } from './catalogue.service.js';
import { enforce, violationError } from './enforce.js';
import { allOf, uuidsInOrganizationAmong } from './lookup.js';
import { USAGE_LISTS } from './list-fields.js';

/** Contracts of the organisation that cover the usage. */
export async function contractsCovering(
  call: CallContext,
  usage: Pick<ItSystemUsage, 'uuid' | 'organizationUuid'>,
): Promise<Contract[]> {
  return allOf<Contract>(call.tx, CONTRACT.kind, usage.organizationUuid, {
    op: 'hasAny',
    field: 'systemUsageUuids',
    values: [usage.uuid],
  });
}

async function checkRelations(call: CallContext, usage: ItSystemUsage & { uuid: string }): Promise<void> {
  for (const [index, relation] of usage.outgoingSystemRelations.entries()) {
    const target = (await call.tx.get<ItSystemUsage>(USAGE.kind, relation.toUsageUuid))?.data;
    if (!target) {
      throw new KitosValidationError('usage', [
        { path: ['outgoingSystemRelations', index, 'toUsageUuid'], code: 'not-found', message: 'no such usage' },
      ]);
    }
    const exposed = await allOf<ItInterface>(call.tx, INTERFACE.kind, undefined, {
      op: 'eq',
      field: 'exposedBySystemUuid',
      value: target.systemUuid,
    });
    const contract = relation.contractUuid
      ? (await call.tx.get<Contract>(CONTRACT.kind, relation.contractUuid))?.data
      : undefined;
    const r = checkSystemRelation(relation, {
      fromUsageUuid: usage.uuid,
      organizationUuid: usage.organizationUuid,
      targetOrganizationUuid: target.organizationUuid,
      targetExposedInterfaceUuids: exposed.map((i) => i.uuid),
      contractOrganizationUuid: relation.contractUuid ? (contract?.organizationUuid ?? '') : undefined,
    });
    if (!r.ok)
      throw violationError(
        r.violations.map((v) => ({ ...v, path: ['outgoingSystemRelations', index, ...(v.path ?? [])] })),
        'usage',
      );
  }
}

/** System usages. */
export function usageService(runner: CallRunner) {
  return createEntityService(runner, {
    def: USAGE,
    lists: USAGE_LISTS,
    fieldsSchema: ItSystemUsageFieldsSchema,
    createSchema: ItSystemUsageCreateSchema,
    patchSchema: ItSystemUsagePatchSchema,
    protect: (_call, u) => ({ kind: 'itSystemUsage' as const, uuid: u.uuid, organizationUuid: u.organizationUuid }),
    createOrganization: (i) => i.organizationUuid,
    immutable: ['systemUuid'],
    // Taking a system into use and deleting that system must not interleave.
    extraLocks: ({ input, current }) => {
      const system = current?.systemUuid ?? (input as { systemUuid?: unknown } | undefined)?.systemUuid;
      return typeof system === 'string' ? [systemLock(system)] : [];
    },
    prepareCreate: async (call, input) => {
      const system = (await call.tx.get<ItSystem>(SYSTEM.kind, input.systemUuid))?.data;
      if (!system || !canRead(call.actor, protectSystem(call, system))) {
        throw new KitosValidationError('usage', [
          { path: ['systemUuid'], code: 'not-found', message: 'no such catalogue system' },
        ]);
      }
      enforce(canCreateUsage(system, input.organizationUuid), 'usage');
      return mergePatch(blankFor(ItSystemUsageFieldsSchema) as FieldsOf<ItSystemUsage>, input);
    },
    applyPatch: (_call, current, patch, currentValid) =>
      enforce(applyUsagePatchOver(current, patch, currentValid), 'usage'),
    check: async (call, next, current) => {
      if (!current) {
        const existing = await allOf<ItSystemUsage>(call.tx, USAGE.kind, next.organizationUuid, {
          op: 'eq',
          field: 'systemUuid',
          value: next.systemUuid,
        });
        enforce(checkUsageUnique(existing, next), 'usage');
      }
      // Only the units the usage names are looked up: the rule asks about those alone.
      const units = next.organizationUsage.usingUnitUuids;
      enforce(
        checkUsageUnitsInOrganization(next.organizationUsage, [
          ...(await uuidsInOrganizationAmong(call.tx, UNIT.kind, next.organizationUuid, units)),
        ]),
        'usage',
      );
      const main = next.general.mainContractUuid;
      if (main) {
        const contract = await call.tx.get<Contract>(CONTRACT.kind, main);
        enforce(
          checkUsageMainContract(next, {
            contractOrganizationUuid: contract?.data.organizationUuid,
            coveringContractUuids: (await contractsCovering(call, next)).map((c) => c.uuid),
          }),
          'usage',
        );
      }
      // Local KLE deviations are checked against the system's KLE (new entries only: a task the
      // system has since gained or lost does not block unrelated changes).
      const system = (await call.tx.get<ItSystem>(SYSTEM.kind, next.systemUuid))?.data;
      enforce(
        checkUsageKleDeviations(next.localKleDeviations, system?.kleUuids ?? [], current?.localKleDeviations),
        'usage',
      );
      await checkRelations(call, next as ItSystemUsage);
    },
    detach: DETACHING_REFERENCES,
  });
}
