/**
 * How each entity kind is stored: its schema with meta, the index fields overviews and lookups use,
 * and its owning organisation. Also the storage schema the core migrates adapters to.
 *
 * @module
 */
import { z } from 'zod';
import { type ItInterface, ItInterfaceSchema } from '../catalogue/it-interface.schema.js';
import { type ItSystem, ItSystemSchema } from '../catalogue/it-system.schema.js';
import { catalogueNameKey } from '../catalogue/catalogue-name.js';
import { type Contract, ContractSchema } from '../contract/contract.schema.js';
import { type DataProcessingRegistration, DataProcessingRegistrationSchema } from '../data-processing/dpr.schema.js';
import { GlobalOptionFieldsSchema, LocalOptionSchema } from '../options/option.schema.js';
import { KleTaskSchema } from '../organisation/kle.schema.js';
import { OrganizationMembershipSchema } from '../organisation/membership.schema.js';
import { type Organization, OrganizationSchema } from '../organisation/organization.schema.js';
import { RoleAssignmentSchema } from '../organisation/role-assignment.schema.js';
import { type OrganizationUnit, OrganizationUnitSchema } from '../organisation/unit.schema.js';
import { type User, UserSchema } from '../organisation/user.schema.js';
import { type Project, ProjectSchema } from '../project/project.schema.js';
import { type SharingSetting, SharingSettingSchema } from '../coordination/sharing.schema.js';
import { type ArchitectureElement, ArchitectureElementSchema } from '../coordination/architecture.schema.js';
import { EntityMetaSchema } from '../shared/schema.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { ItSystemUsageSchema, ItSystemUsageSections } from '../usage/usage.schema.js';
import type { IndexFieldDefinition, StorageSchema, UniqueConstraint } from '../storage/port.js';
import { AUDIT_KIND, type EntityDefinition, type ReferenceField } from '../engine/repository.js';
import type { OptionType } from '../options/option-type.js';
import {
  type Advis,
  AdvisSchema,
  type NotificationRule,
  NotificationRuleSchema,
} from '../notification/notification.schema.js';

/** A membership as stored: one role of one user in one organisation. */
export const StoredMembershipSchema = EntityMetaSchema.extend(OrganizationMembershipSchema.shape);
/** A membership as stored. */
export type StoredMembership = z.infer<typeof StoredMembershipSchema>;
/** A role assignment on an organisation unit, as stored. */
export const StoredUnitRoleSchema = EntityMetaSchema.extend(RoleAssignmentSchema.shape).extend({
  organizationUuid: z.uuid(),
});
/** A role assignment on an organisation unit, as stored. */
export type StoredUnitRole = z.infer<typeof StoredUnitRoleSchema>;
/** A global option as stored. */
export const StoredGlobalOptionSchema = EntityMetaSchema.extend(GlobalOptionFieldsSchema.shape);
/** A global option as stored. */
export type StoredGlobalOption = z.infer<typeof StoredGlobalOptionSchema>;
/** A local option as stored. */
export const StoredLocalOptionSchema = EntityMetaSchema.extend(LocalOptionSchema.shape);
/** A local option as stored. */
export type StoredLocalOption = z.infer<typeof StoredLocalOptionSchema>;
/** A KLE task as stored. */
export const StoredKleTaskSchema = z.strictObject({ ...EntityMetaSchema.shape, ...KleTaskSchema.shape });
/** A KLE task as stored. */
export type StoredKleTask = z.infer<typeof StoredKleTaskSchema>;

const f = (name: string, type: IndexFieldDefinition['type']): IndexFieldDefinition => ({ name, type });
/** Every owned kind indexes its organisation, so read scopes and lists can filter on it. */
const ownerField = f('organizationUuid', 'text');
const unique = (name: string, fields: string[], perOrganization = true): UniqueConstraint => ({
  name,
  fields,
  perOrganization,
});
const roleUsers = (roles: readonly { userUuid: string }[]) => [...new Set(roles.map((r) => r.userUuid))];
/** The distinct non-empty values of a list of optional references. */
const present = (values: readonly (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => typeof v === 'string')),
];

const option = (path: string, optionType: OptionType): ReferenceField => ({ path, target: 'option', optionType });
const kle = (path: string): ReferenceField => ({ path, target: 'kle' });
const organization = (path: string): ReferenceField => ({ path, target: 'organization' });
/** The owning organisation exists (checked when the record is created; it never changes). */
const owner = organization('organizationUuid');
const member = (path: string): ReferenceField => ({ path, target: 'member' });
/** A role list: each role an option of the object's role type, each holder a member. */
const roles = (roleType: OptionType): ReferenceField[] => [
  option('roles.*.roleUuid', roleType),
  member('roles.*.userUuid'),
];

/** Organisations. */
export const ORGANIZATION: EntityDefinition<Organization> = {
  kind: 'organization',
  module: 'organisation',
  protectedKind: 'organization',
  schema: OrganizationSchema,
  fields: [f('name', 'text'), f('type', 'text'), f('cvr', 'text'), f('accessModifier', 'text'), ownerField],
  referenceFields: [option('foreignCountryCodeUuid', 'country-codes')],
  organizationOf: (o) => o.uuid,
  index: (o) => ({
    name: o.name,
    type: o.type,
    cvr: o.cvr,
    accessModifier: o.accessModifier,
    organizationUuid: o.uuid,
  }),
};

/** Organisation units. */
export const UNIT: EntityDefinition<OrganizationUnit> = {
  kind: 'organizationUnit',
  module: 'organisation',
  protectedKind: 'organizationUnit',
  schema: OrganizationUnitSchema,
  fields: [f('name', 'text'), f('parentUuid', 'text'), ownerField],
  referenceFields: [owner],
  organizationOf: (u) => u.organizationUuid,
  index: (u) => ({ name: u.name, parentUuid: u.parentUuid, organizationUuid: u.organizationUuid }),
};

/** Users (global; not owned by an organisation). */
export const USER: EntityDefinition<User> = {
  kind: 'user',
  module: 'organisation',
  protectedKind: 'user',
  schema: UserSchema,
  fields: [f('name', 'text'), f('email', 'text'), f('uuid', 'text')],
  unique: [unique('email', ['email'], false)],
  organizationOf: () => null,
  index: (u) => ({ name: `${u.firstName} ${u.lastName}`.trim(), email: u.email, uuid: u.uuid }),
};

/** Memberships. */
export const MEMBERSHIP: EntityDefinition<StoredMembership> = {
  kind: 'membership',
  module: 'organisation',
  protectedKind: 'membership',
  schema: StoredMembershipSchema,
  fields: [f('userUuid', 'text'), f('role', 'text'), f('name', 'text'), ownerField],
  unique: [unique('user_role', ['userUuid', 'role'])],
  organizationOf: (m) => m.organizationUuid,
  index: (m) => ({ userUuid: m.userUuid, role: m.role, name: m.role, organizationUuid: m.organizationUuid }),
};

/** Role assignments on organisation units. */
export const UNIT_ROLE: EntityDefinition<StoredUnitRole> = {
  kind: 'unitRole',
  module: 'organisation',
  protectedKind: 'roleAssignment',
  schema: StoredUnitRoleSchema,
  fields: [f('userUuid', 'text'), f('objectUuid', 'text'), f('roleUuid', 'text'), f('name', 'text'), ownerField],
  unique: [unique('assignment', ['objectUuid', 'roleUuid', 'userUuid'])],
  referenceFields: [owner, option('roleUuid', 'organization-unit-role-types'), member('userUuid')],
  organizationOf: (r) => r.organizationUuid,
  index: (r) => ({
    userUuid: r.userUuid,
    objectUuid: r.objectUuid,
    roleUuid: r.roleUuid,
    name: r.roleUuid,
    organizationUuid: r.organizationUuid,
  }),
};

/** Catalogue systems. */
export const SYSTEM: EntityDefinition<ItSystem> = {
  kind: 'itSystem',
  module: 'catalogue',
  protectedKind: 'itSystem',
  schema: ItSystemSchema,
  fields: [
    f('name', 'text'),
    f('nameKey', 'text'),
    f('parentUuid', 'text'),
    f('rightsHolderUuid', 'text'),
    f('deactivated', 'boolean'),
    f('accessModifier', 'text'),
    ownerField,
    f('uuid', 'text'),
  ],
  unique: [unique('name', ['nameKey'])],
  organizationOf: (s) => s.organizationUuid,
  referenceFields: [
    owner,
    option('businessTypeUuid', 'business-types'),
    kle('kleUuids.*'),
    organization('rightsHolderUuid'),
  ],
  index: (s) => ({
    uuid: s.uuid,
    organizationUuid: s.organizationUuid,
    name: s.name,
    nameKey: catalogueNameKey(s.name),
    parentUuid: s.parentUuid,
    rightsHolderUuid: s.rightsHolderUuid,
    deactivated: s.deactivated,
    accessModifier: s.accessModifier,
  }),
};

/** Catalogue interfaces. */
export const INTERFACE: EntityDefinition<ItInterface> = {
  kind: 'itInterface',
  module: 'catalogue',
  protectedKind: 'itInterface',
  schema: ItInterfaceSchema,
  fields: [
    f('name', 'text'),
    f('identityKey', 'text'),
    f('exposedBySystemUuid', 'text'),
    f('deactivated', 'boolean'),
    f('accessModifier', 'text'),
    ownerField,
  ],
  unique: [unique('identity', ['identityKey'])],
  referenceFields: [
    owner,
    option('interfaceTypeUuid', 'it-interface-interface-types'),
    option('dataRows.*.dataTypeUuid', 'it-interface-interface-data-types'),
  ],
  organizationOf: (i) => i.organizationUuid,
  index: (i) => ({
    organizationUuid: i.organizationUuid,
    accessModifier: i.accessModifier,
    name: i.name,
    identityKey: `${catalogueNameKey(i.name)}\u0000${catalogueNameKey(i.interfaceId)}`,
    exposedBySystemUuid: i.exposedBySystemUuid,
    deactivated: i.deactivated,
  }),
};

/** System usages. */
export const USAGE: EntityDefinition<ItSystemUsage> = {
  kind: 'itSystemUsage',
  module: 'usage',
  protectedKind: 'itSystemUsage',
  schema: ItSystemUsageSchema,
  sections: ItSystemUsageSections,
  fields: [
    f('name', 'text'),
    f('systemUuid', 'text'),
    f('responsibleUnitUuid', 'text'),
    f('usingUnitUuids', 'textList'),
    f('roleUserUuids', 'textList'),
    f('relationTargets', 'textList'),
    f('validTo', 'date'),
    f('lifeCycleStatus', 'text'),
    f('mainContractUuid', 'text'),
    f('relationContractUuids', 'textList'),
    f('relationInterfaceUuids', 'textList'),
    ownerField,
    // Look-ups by identity across organisations (a contract's usages, for the coordination reads).
    f('uuid', 'text'),
  ],
  unique: [unique('system', ['systemUuid'])],
  referenceFields: [
    owner,
    option('general.dataClassificationUuid', 'it-system-usage-data-classification-types'),
    ...roles('it-system-usage-role-types'),
    kle('localKleDeviations.addedKleUuids.*'),
    kle('localKleDeviations.removedKleUuids.*'),
    option('gdpr.sensitivePersonDataUuids.*', 'it-system-usage-sensitive-personal-data-types'),
    option('gdpr.registeredDataCategoryUuids.*', 'it-system-usage-registered-data-category-types'),
    option('archiving.typeUuid', 'it-system-usage-archive-types'),
    option('archiving.locationUuid', 'it-system-usage-archive-location-types'),
    option('archiving.testLocationUuid', 'it-system-usage-archive-test-location-types'),
    organization('archiving.supplierOrganizationUuid'),
    option('outgoingSystemRelations.*.frequencyUuid', 'it-system-usage-relation-frequency-types'),
  ],
  organizationOf: (u) => u.organizationUuid,
  index: (u) => ({
    uuid: u.uuid,
    organizationUuid: u.organizationUuid,
    name: u.general.localCallName ?? null,
    systemUuid: u.systemUuid,
    responsibleUnitUuid: u.organizationUsage.responsibleUnitUuid,
    usingUnitUuids: u.organizationUsage.usingUnitUuids,
    roleUserUuids: roleUsers(u.roles),
    relationTargets: [...new Set(u.outgoingSystemRelations.map((r) => r.toUsageUuid))],
    relationContractUuids: present(u.outgoingSystemRelations.map((r) => r.contractUuid)),
    relationInterfaceUuids: present(u.outgoingSystemRelations.map((r) => r.interfaceUuid)),
    validTo: u.general.validity.validTo,
    lifeCycleStatus: u.general.validity.lifeCycleStatus,
    mainContractUuid: u.general.mainContractUuid,
  }),
};

/** Contracts. */
export const CONTRACT: EntityDefinition<Contract> = {
  kind: 'itContract',
  module: 'contract',
  protectedKind: 'itContract',
  schema: ContractSchema,
  fields: [
    f('name', 'text'),
    f('nameKey', 'text'),
    f('supplierUuid', 'text'),
    f('responsibleUnitUuid', 'text'),
    f('parentUuid', 'text'),
    f('systemUsageUuids', 'textList'),
    f('dprUuids', 'textList'),
    f('validTo', 'date'),
    f('paymentUnitUuids', 'textList'),
    f('roleUserUuids', 'textList'),
    ownerField,
  ],
  unique: [unique('name', ['nameKey'])],
  organizationOf: (c) => c.organizationUuid,
  referenceFields: [
    owner,
    option('general.contractTypeUuid', 'it-contract-contract-types'),
    option('general.contractTemplateUuid', 'it-contract-contract-template-types'),
    option('general.agreementElementUuids.*', 'it-contract-agreement-element-types'),
    option('general.criticalityUuid', 'it-contract-criticality-types'),
    option('procurement.purchaseTypeUuid', 'it-contract-purchase-types'),
    option('procurement.procurementStrategyUuid', 'it-contract-procurement-strategy-types'),
    organization('supplier.organizationUuid'),
    option('paymentModel.paymentFrequencyUuid', 'it-contract-payment-frequency-types'),
    option('paymentModel.paymentModelUuid', 'it-contract-payment-model-types'),
    option('paymentModel.priceRegulationUuid', 'it-contract-price-regulation-types'),
    option('agreementPeriod.extensionOptionsUuid', 'it-contract-agreement-extension-option-types'),
    option('termination.terms.noticePeriodMonthsUuid', 'it-contract-notice-period-month-types'),
    ...roles('it-contract-role-types'),
  ],
  index: (c) => ({
    organizationUuid: c.organizationUuid,
    name: c.name,
    nameKey: catalogueNameKey(c.name),
    supplierUuid: c.supplier.organizationUuid,
    responsibleUnitUuid: c.responsible.organizationUnitUuid,
    parentUuid: c.parentContractUuid,
    systemUsageUuids: c.systemUsageUuids,
    dprUuids: c.dataProcessingRegistrationUuids,
    validTo: c.general.validity.validTo,
    paymentUnitUuids: present([...c.payments.external, ...c.payments.internal].map((p) => p.organizationUnitUuid)),
    roleUserUuids: roleUsers(c.roles),
  }),
};

/** Data processing registrations. */
export const DPR: EntityDefinition<DataProcessingRegistration> = {
  kind: 'dataProcessingRegistration',
  module: 'data-processing',
  protectedKind: 'dataProcessingRegistration',
  schema: DataProcessingRegistrationSchema,
  fields: [
    f('name', 'text'),
    f('nameKey', 'text'),
    f('systemUsageUuids', 'textList'),
    f('contractUuids', 'textList'),
    f('mainContractUuid', 'text'),
    f('roleUserUuids', 'textList'),
    f('responsibleUnitUuid', 'text'),
    ownerField,
  ],
  unique: [unique('name', ['nameKey'])],
  organizationOf: (d) => d.organizationUuid,
  referenceFields: [
    owner,
    option('general.dataResponsibleUuid', 'data-processing-registration-data-responsible-types'),
    option('general.basisForTransferUuid', 'data-processing-registration-basis-for-transfer-types'),
    option('general.insecureCountryUuids.*', 'data-processing-registration-country-types'),
    organization('general.dataProcessorUuids.*'),
    organization('general.subDataProcessors.*.organizationUuid'),
    option('general.subDataProcessors.*.basisForTransferUuid', 'data-processing-registration-basis-for-transfer-types'),
    option('general.subDataProcessors.*.insecureCountryUuid', 'data-processing-registration-country-types'),
    option('oversight.oversightOptionUuids.*', 'data-processing-registration-oversight-types'),
    ...roles('data-processing-registration-role-types'),
  ],
  index: (d) => ({
    organizationUuid: d.organizationUuid,
    name: d.name,
    nameKey: catalogueNameKey(d.name),
    systemUsageUuids: d.systemUsageUuids,
    contractUuids: d.contractUuids,
    mainContractUuid: d.general.mainContractUuid,
    roleUserUuids: roleUsers(d.roles),
    responsibleUnitUuid: d.general.responsibleUnitUuid,
  }),
};

/** Projects. */
export const PROJECT: EntityDefinition<Project> = {
  kind: 'project',
  module: 'project',
  protectedKind: 'project',
  schema: ProjectSchema,
  fields: [
    f('name', 'text'),
    f('responsibleUnitUuid', 'text'),
    f('jointOrganizationUuids', 'textList'),
    f('usingUnitUuids', 'textList'),
    f('systemUsageUuids', 'textList'),
    f('contractUuids', 'textList'),
    f('parentProjectUuid', 'text'),
    ownerField,
  ],
  organizationOf: (p) => p.organizationUuid,
  referenceFields: [
    owner,
    option('type', 'it-project-types'),
    kle('kleUuids.*'),
    // The joint organisations are derived from the participants (checked here).
    organization('participants.*.organizationUuid'),
    member('risks.*.responsibleUserUuid'),
  ],
  index: (p) => ({
    organizationUuid: p.organizationUuid,
    name: p.name,
    responsibleUnitUuid: p.responsibleUnitUuid,
    jointOrganizationUuids: p.jointOrganizationUuids,
    usingUnitUuids: p.usingUnitUuids,
    systemUsageUuids: p.systemUsageUuids,
    contractUuids: p.contractUuids,
    parentProjectUuid: p.parentProjectUuid,
  }),
};

/**
 * Sharing settings: one per organisation, what other municipalities see of its usages, contracts
 * and projects.
 */
export const SHARING: EntityDefinition<SharingSetting> = {
  kind: 'sharingSetting',
  module: 'coordination',
  protectedKind: 'sharingSetting',
  schema: SharingSettingSchema,
  fields: [ownerField, f('communityMembers', 'textList')],
  unique: [unique('organisation', ['organizationUuid'])],
  organizationOf: (s) => s.organizationUuid,
  referenceFields: [
    owner,
    option('usages.contactRoleUuid', 'it-system-usage-role-types'),
    option('contracts.contactRoleUuid', 'it-contract-role-types'),
  ],
  index: (s) => ({ organizationUuid: s.organizationUuid, communityMembers: s.communityMembers }),
};

/** Elements of the joint reference architecture (global; kept by global admins). */
export const ARCHITECTURE: EntityDefinition<ArchitectureElement> = {
  kind: 'architectureElement',
  module: 'coordination',
  protectedKind: 'architectureElement',
  schema: ArchitectureElementSchema,
  fields: [f('name', 'text'), f('uuid', 'text')],
  organizationOf: () => null,
  index: (e) => ({ name: e.name, uuid: e.uuid }),
};

/** Global options. */
export const GLOBAL_OPTION: EntityDefinition<StoredGlobalOption> = {
  kind: 'globalOption',
  module: 'options',
  protectedKind: 'globalOption',
  schema: StoredGlobalOptionSchema,
  fields: [f('name', 'text'), f('type', 'text'), f('priority', 'number'), f('uuid', 'text')],
  organizationOf: () => null,
  index: (o) => ({ name: o.name, type: o.type, priority: o.priority, uuid: o.uuid }),
};

/** Local options. */
export const LOCAL_OPTION: EntityDefinition<StoredLocalOption> = {
  kind: 'localOption',
  module: 'options',
  protectedKind: 'localOption',
  schema: StoredLocalOptionSchema,
  fields: [f('optionUuid', 'text'), f('name', 'text'), ownerField],
  unique: [unique('option', ['optionUuid'])],
  organizationOf: (o) => o.organizationUuid,
  index: (o) => ({ optionUuid: o.optionUuid, name: o.optionUuid, organizationUuid: o.organizationUuid }),
};

/** KLE tasks. */
export const KLE: EntityDefinition<StoredKleTask> = {
  kind: 'kle',
  module: 'organisation',
  protectedKind: 'kle',
  schema: StoredKleTaskSchema,
  fields: [f('name', 'text'), f('taskKey', 'text'), f('parentUuid', 'text'), f('uuid', 'text')],
  organizationOf: () => null,
  index: (k) => ({ name: k.description, taskKey: k.taskKey, parentUuid: k.parentUuid, uuid: k.uuid }),
};

/** Notification rules: which deadlines give reminders, when and to whom (one organisation's). */
export const NOTIFICATION_RULE: EntityDefinition<NotificationRule> = {
  kind: 'notificationRule',
  module: 'notification',
  protectedKind: 'notification',
  schema: NotificationRuleSchema,
  fields: [f('name', 'text'), f('entityKind', 'text'), ownerField],
  referenceFields: [owner],
  organizationOf: (r) => r.organizationUuid,
  index: (r) => ({ name: r.name, entityKind: r.entityKind, organizationUuid: r.organizationUuid }),
};

/** Manual advis: one-off or repeating e-mails on one record. */
export const ADVIS: EntityDefinition<Advis> = {
  kind: 'advis',
  module: 'notification',
  protectedKind: 'notification',
  schema: AdvisSchema,
  fields: [f('name', 'text'), f('entityUuid', 'text'), f('alarmDate', 'text'), ownerField],
  referenceFields: [owner],
  organizationOf: (a) => a.organizationUuid,
  index: (a) => ({
    name: a.subject,
    entityUuid: a.entityUuid,
    alarmDate: a.alarmDate,
    organizationUuid: a.organizationUuid,
  }),
};

/** Every entity definition, by kind. */
export const ENTITY_DEFINITIONS = [
  ORGANIZATION,
  UNIT,
  USER,
  MEMBERSHIP,
  UNIT_ROLE,
  SYSTEM,
  INTERFACE,
  USAGE,
  CONTRACT,
  DPR,
  PROJECT,
  SHARING,
  ARCHITECTURE,
  GLOBAL_OPTION,
  LOCAL_OPTION,
  KLE,
  NOTIFICATION_RULE,
  ADVIS,
] as const;

/** The storage schema of the core: every kind with its index fields, plus the audit log. */
export const CORE_STORAGE_SCHEMA: StorageSchema = {
  version: 6,
  kinds: [
    ...ENTITY_DEFINITIONS.map((d) => ({ kind: d.kind, fields: d.fields, unique: d.unique })),
    {
      kind: AUDIT_KIND,
      fields: [f('entityKind', 'text'), f('entityUuid', 'text'), f('at', 'text'), f('actorUuid', 'text')],
    },
  ],
};
