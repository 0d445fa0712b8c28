/**
 * The list fields of each kind that have add-one and remove-one operations beside the
 * whole-list patch, as KITOS's API offers them: `addItem` with a value already present is a
 * conflict, `removeItem` of an absent value is not-found. Each operation is a patch of the whole
 * list underneath, so gates, reference checks and the kind's rules run exactly as for a patch.
 *
 * @example
 * ```ts
 * await kitos.usages.addItem(actor, usage.uuid, 'sensitivityLevels', 'PersonalData');
 * await kitos.dataProcessing.removeItem(actor, dpr.uuid, 'subDataProcessors', processorOrgUuid);
 * ```
 *
 * @module
 */
import type { ListFieldSpec } from '../engine/service.js';

const field = (...path: string[]): ListFieldSpec => ({ path });
const byUuid = (...path: string[]): ListFieldSpec => ({ path, key: (item) => (item as { uuid: string }).uuid });
const roles: ListFieldSpec = {
  path: ['roles'],
  key: (item) => {
    const r = item as { roleUuid: string; userUuid: string };
    return `${r.roleUuid}/${r.userUuid}`;
  },
  conflictCode: 'duplicate-role-assignment',
};

/** The role key `removeItem(…, 'roles', key)` takes: `roleUuid/userUuid`. */
export function roleItemKey(roleUuid: string, userUuid: string): string {
  return `${roleUuid}/${userUuid}`;
}

/** List fields of a system usage. */
export const USAGE_LISTS = {
  usingUnits: field('organizationUsage', 'usingUnitUuids'),
  kleAdditions: field('localKleDeviations', 'addedKleUuids'),
  kleRemovals: field('localKleDeviations', 'removedKleUuids'),
  sensitivityLevels: field('gdpr', 'dataSensitivityLevels'),
  specificPersonalData: field('gdpr', 'specificPersonalData'),
  sensitivePersonalData: field('gdpr', 'sensitivePersonDataUuids'),
  registeredDataCategories: field('gdpr', 'registeredDataCategoryUuids'),
  roles,
  externalReferences: byUuid('externalReferences'),
} as const satisfies Record<string, ListFieldSpec>;
/** Names of a usage's list fields. */
export type UsageListName = keyof typeof USAGE_LISTS;

/** List fields of a data processing registration. */
export const DPR_LISTS = {
  dataProcessors: field('general', 'dataProcessorUuids'),
  subDataProcessors: {
    path: ['general', 'subDataProcessors'],
    key: (item) => (item as { organizationUuid: string }).organizationUuid,
  },
  insecureCountries: field('general', 'insecureCountryUuids'),
  systemUsages: field('systemUsageUuids'),
  oversightOptions: field('oversight', 'oversightOptionUuids'),
  roles,
  externalReferences: byUuid('externalReferences'),
} as const satisfies Record<string, ListFieldSpec>;
/** Names of a registration's list fields. */
export type DprListName = keyof typeof DPR_LISTS;

/** List fields of a contract. */
export const CONTRACT_LISTS = {
  systemUsages: field('systemUsageUuids'),
  agreementElements: field('general', 'agreementElementUuids'),
  roles,
  externalReferences: byUuid('externalReferences'),
} as const satisfies Record<string, ListFieldSpec>;
/** Names of a contract's list fields. */
export type ContractListName = keyof typeof CONTRACT_LISTS;

/** List fields of a catalogue system. */
export const SYSTEM_LISTS = {
  kle: field('kleUuids'),
  externalReferences: byUuid('externalReferences'),
} as const satisfies Record<string, ListFieldSpec>;
/** Names of a catalogue system's list fields. */
export type SystemListName = keyof typeof SYSTEM_LISTS;
