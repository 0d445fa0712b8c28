/**
 * Every link between records of an organisation's portfolio, and what deleting its target does.
 * Deletes of units, usages, contracts, registrations, projects and interfaces read this table (see
 * {@link ../engine/references.ts}); a link missing here would leave a dangling uuid, which the
 * integrity check and the property tests would find.
 *
 * @module
 */
import type { Contract } from '../contract/contract.schema.js';
import type { SharingSetting } from '../coordination/sharing.schema.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import {
  CONTRACT,
  DPR,
  INTERFACE,
  ORGANIZATION,
  PROJECT,
  SHARING,
  UNIT,
  UNIT_ROLE,
  USAGE,
  type StoredUnitRole,
} from './kinds.js';
import type { Reference } from '../engine/references.js';
import { participantsOf } from '../project/project-participation.rules.js';
import type { Project } from '../project/project.schema.js';
import {
  clearRelationsContract,
  clearRelationsInterface,
  dropRelationsToUsage,
} from '../usage/usage-relation.rules.js';
import { removeUsageContractAssociation } from '../usage/usage.rules.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';

const has = (list: readonly (string | null)[], uuid: string) => list.filter((x) => x === uuid).length;
const without = (list: readonly string[], uuid: string) => list.filter((x) => x !== uuid);
const ref = <F extends { uuid: string }>(r: Reference<F & Parameters<Reference['count']>[0]>) =>
  r as unknown as Reference;

/** Links to organisation units: a unit in use cannot be deleted. */
export const UNIT_REFERENCES: readonly Reference[] = [
  ref<ItSystemUsage>({
    from: USAGE,
    target: UNIT.kind,
    field: 'organizationUsage.responsibleUnitUuid',
    index: 'responsibleUnitUuid',
    sameOrganization: true,
    count: (u, x) => has([u.organizationUsage.responsibleUnitUuid], x),
    onDelete: 'block',
  }),
  ref<ItSystemUsage>({
    from: USAGE,
    target: UNIT.kind,
    field: 'organizationUsage.usingUnitUuids',
    index: 'usingUnitUuids',
    sameOrganization: true,
    count: (u, x) => has(u.organizationUsage.usingUnitUuids, x),
    onDelete: 'block',
  }),
  ref<Contract>({
    from: CONTRACT,
    target: UNIT.kind,
    field: 'payments.organizationUnitUuid',
    index: 'paymentUnitUuids',
    sameOrganization: true,
    count: (c, x) =>
      has(
        [...c.payments.external, ...c.payments.internal].map((p) => p.organizationUnitUuid),
        x,
      ),
    onDelete: 'block',
  }),
  ref<Contract>({
    from: CONTRACT,
    target: UNIT.kind,
    field: 'responsible.organizationUnitUuid',
    index: 'responsibleUnitUuid',
    sameOrganization: true,
    count: (c, x) => has([c.responsible.organizationUnitUuid], x),
    onDelete: 'block',
  }),
  ref<StoredUnitRole>({
    from: UNIT_ROLE,
    target: UNIT.kind,
    field: 'objectUuid',
    index: 'objectUuid',
    sameOrganization: true,
    count: (r, x) => has([r.objectUuid], x),
    onDelete: 'block',
  }),
  ref<DataProcessingRegistration>({
    from: DPR,
    target: UNIT.kind,
    field: 'general.responsibleUnitUuid',
    index: 'responsibleUnitUuid',
    sameOrganization: true,
    count: (d, x) => has([d.general.responsibleUnitUuid], x),
    onDelete: 'block',
  }),
  ref<Project>({
    from: PROJECT,
    target: UNIT.kind,
    field: 'responsibleUnitUuid',
    index: 'responsibleUnitUuid',
    sameOrganization: true,
    count: (p, x) => has([p.responsibleUnitUuid], x),
    onDelete: 'block',
  }),
  ref<Project>({
    from: PROJECT,
    target: UNIT.kind,
    field: 'usingUnitUuids',
    index: 'usingUnitUuids',
    sameOrganization: true,
    count: (p, x) => has(p.usingUnitUuids, x),
    onDelete: 'block',
  }),
];

/** Links that follow a deleted record away (KITOS's cascades, extended to projects). */
export const DETACHING_REFERENCES: readonly Reference[] = [
  // An organisation: it stops taking part in other organisations' joint projects (its participant
  // entry goes, and with it the derived joint organisation).
  ref<Project>({
    from: PROJECT,
    target: ORGANIZATION.kind,
    field: 'participants',
    index: 'jointOrganizationUuids',
    sameOrganization: false,
    count: (p, x) => has(p.jointOrganizationUuids, x),
    onDelete: (p, x) => ({
      ...p,
      participants: participantsOf(p).filter((q) => q.organizationUuid !== x),
      jointOrganizationUuids: without(p.jointOrganizationUuids, x),
    }),
  }),
  // An organisation: interest communities stop listing it as a member (else the community's
  // setting could not be saved again: every member must exist).
  ref<SharingSetting>({
    from: SHARING,
    target: ORGANIZATION.kind,
    field: 'communityMembers',
    index: 'communityMembers',
    sameOrganization: false,
    count: (s, x) => has(s.communityMembers, x),
    onDelete: (s, x) => ({ ...s, communityMembers: without(s.communityMembers, x) }),
  }),
  // A usage: contracts, registrations and projects stop covering it; relations to it go.
  ref<Contract>({
    from: CONTRACT,
    target: USAGE.kind,
    field: 'systemUsageUuids',
    index: 'systemUsageUuids',
    sameOrganization: true,
    count: (c, x) => has(c.systemUsageUuids, x),
    onDelete: (c, x) => ({ ...c, systemUsageUuids: without(c.systemUsageUuids, x) }),
  }),
  ref<DataProcessingRegistration>({
    from: DPR,
    target: USAGE.kind,
    field: 'systemUsageUuids',
    index: 'systemUsageUuids',
    sameOrganization: true,
    count: (d, x) => has(d.systemUsageUuids, x),
    onDelete: (d, x) => ({ ...d, systemUsageUuids: without(d.systemUsageUuids, x) }),
  }),
  ref<Project>({
    from: PROJECT,
    target: USAGE.kind,
    field: 'systemUsageUuids',
    index: 'systemUsageUuids',
    sameOrganization: true,
    count: (p, x) => has(p.systemUsageUuids, x),
    onDelete: (p, x) => ({ ...p, systemUsageUuids: without(p.systemUsageUuids, x) }),
  }),
  ref<ItSystemUsage>({
    from: USAGE,
    target: USAGE.kind,
    field: 'outgoingSystemRelations.toUsageUuid',
    index: 'relationTargets',
    sameOrganization: true,
    count: (u, x) =>
      has(
        u.outgoingSystemRelations.map((r) => r.toUsageUuid),
        x,
      ),
    onDelete: (u, x) => ({ ...u, outgoingSystemRelations: dropRelationsToUsage(u.outgoingSystemRelations, x) }),
  }),
  // A contract: usages lose it as main contract and on relations; registrations, children and
  // projects let go of it.
  ref<ItSystemUsage>({
    from: USAGE,
    target: CONTRACT.kind,
    field: 'general.mainContractUuid',
    index: 'mainContractUuid',
    sameOrganization: true,
    count: (u, x) => has([u.general.mainContractUuid], x),
    onDelete: (u, x) => removeUsageContractAssociation(u, x),
  }),
  ref<ItSystemUsage>({
    from: USAGE,
    target: CONTRACT.kind,
    field: 'outgoingSystemRelations.contractUuid',
    index: 'relationContractUuids',
    sameOrganization: true,
    count: (u, x) =>
      has(
        u.outgoingSystemRelations.map((r) => r.contractUuid),
        x,
      ),
    onDelete: (u, x) => ({ ...u, outgoingSystemRelations: clearRelationsContract(u.outgoingSystemRelations, x) }),
  }),
  ref<DataProcessingRegistration>({
    from: DPR,
    target: CONTRACT.kind,
    field: 'contractUuids',
    index: 'contractUuids',
    sameOrganization: true,
    count: (d, x) => has([...d.contractUuids, d.general.mainContractUuid], x),
    onDelete: (d, x) => ({
      ...d,
      contractUuids: without(d.contractUuids, x),
      general: d.general.mainContractUuid === x ? { ...d.general, mainContractUuid: null } : d.general,
    }),
  }),
  ref<Contract>({
    from: CONTRACT,
    target: CONTRACT.kind,
    field: 'parentContractUuid',
    index: 'parentUuid',
    sameOrganization: true,
    count: (c, x) => has([c.parentContractUuid], x),
    // Children are kept (KITOS) and become top-level; "require a valid parent" goes with the parent.
    onDelete: (c) => ({
      ...c,
      parentContractUuid: null,
      general: { ...c.general, validity: { ...c.general.validity, requireValidParent: false } },
    }),
  }),
  ref<Project>({
    from: PROJECT,
    target: CONTRACT.kind,
    field: 'contractUuids',
    index: 'contractUuids',
    sameOrganization: true,
    count: (p, x) => has(p.contractUuids, x),
    onDelete: (p, x) => ({ ...p, contractUuids: without(p.contractUuids, x) }),
  }),
  // A registration: contracts stop listing it.
  ref<Contract>({
    from: CONTRACT,
    target: DPR.kind,
    field: 'dataProcessingRegistrationUuids',
    index: 'dprUuids',
    sameOrganization: true,
    count: (c, x) => has(c.dataProcessingRegistrationUuids, x),
    onDelete: (c, x) => ({ ...c, dataProcessingRegistrationUuids: without(c.dataProcessingRegistrationUuids, x) }),
  }),
  // A project: its sub-projects become top-level.
  ref<Project>({
    from: PROJECT,
    target: PROJECT.kind,
    field: 'parentProjectUuid',
    index: 'parentProjectUuid',
    sameOrganization: true,
    count: (p, x) => has([p.parentProjectUuid], x),
    onDelete: (p) => ({ ...p, parentProjectUuid: null }),
  }),
  // An interface (shared catalogue): relations in every organisation lose it.
  ref<ItSystemUsage>({
    from: USAGE,
    target: INTERFACE.kind,
    field: 'outgoingSystemRelations.interfaceUuid',
    index: 'relationInterfaceUuids',
    sameOrganization: false,
    count: (u, x) =>
      has(
        u.outgoingSystemRelations.map((r) => r.interfaceUuid),
        x,
      ),
    onDelete: (u, x) => ({ ...u, outgoingSystemRelations: clearRelationsInterface(u.outgoingSystemRelations, x) }),
  }),
];
