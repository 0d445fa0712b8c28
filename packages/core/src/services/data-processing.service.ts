/**
 * The data processing registration (GDPR) service.
 *
 * @module
 */
import { applyDprPatch } from '../data-processing/dpr-patch.rules.js';
import { checkDprNameUnique } from '../data-processing/dpr.rules.js';
import {
  type DataProcessingRegistration,
  DataProcessingRegistrationCreateSchema,
  DataProcessingRegistrationFieldsSchema,
  DataProcessingRegistrationPatchSchema,
} from '../data-processing/dpr.schema.js';
import { CONTRACT, DPR, UNIT, USAGE } from './kinds.js';
import { type CallRunner, createEntityService } from '../engine/service.js';
import { enforce, sameOrganisation } from './enforce.js';
import { allOf, uuidsInOrganization } from './lookup.js';
import { DETACHING_REFERENCES } from './references.js';
import { DPR_LISTS } from './list-fields.js';
import { DPR_CONTRACT_LINK, mirrorLink } from './mirrored-links.js';

/** Data processing registrations. */
export function dataProcessingService(runner: CallRunner) {
  return createEntityService(runner, {
    def: DPR,
    lists: DPR_LISTS,
    fieldsSchema: DataProcessingRegistrationFieldsSchema,
    createSchema: DataProcessingRegistrationCreateSchema,
    patchSchema: DataProcessingRegistrationPatchSchema,
    protect: (_call, d) => ({
      kind: 'dataProcessingRegistration' as const,
      uuid: d.uuid,
      organizationUuid: d.organizationUuid,
    }),
    createOrganization: (i) => i.organizationUuid,
    applyPatch: (_call, current, patch) => enforce(applyDprPatch(current, patch), 'data-processing'),
    detach: DETACHING_REFERENCES,
    afterWrite: (call, dpr, previous) => mirrorLink(call, DPR_CONTRACT_LINK.a, DPR_CONTRACT_LINK.b, dpr, previous),
    check: async (call, next) => {
      const same = await allOf<DataProcessingRegistration>(call.tx, DPR.kind, next.organizationUuid);
      enforce(checkDprNameUnique(same, next), 'data-processing');
      const org = next.organizationUuid;
      // One after another: a transaction's statements share one connection.
      const units = await uuidsInOrganization(call.tx, UNIT.kind, org);
      const usages = await uuidsInOrganization(call.tx, USAGE.kind, org);
      const contracts = await uuidsInOrganization(call.tx, CONTRACT.kind, org);
      sameOrganisation(
        [{ path: ['general', 'responsibleUnitUuid'], uuid: next.general.responsibleUnitUuid }],
        units,
        'data-processing',
      );
      sameOrganisation(
        next.systemUsageUuids.map((uuid, i) => ({ path: ['systemUsageUuids', i], uuid })),
        usages,
        'data-processing',
      );
      sameOrganisation(
        next.contractUuids.map((uuid, i) => ({ path: ['contractUuids', i], uuid })),
        contracts,
        'data-processing',
      );
    },
  });
}
