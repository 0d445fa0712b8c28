/**
 * Loads the {@link CoordinationData} from the store: every organisation's usages, contracts (with
 * their deadlines from the deadline engine) and projects as facts, with the catalogue. One load
 * serves every reader until the store changes (see the coordination service's cache).
 *
 * @module
 */
import type { ItInterface } from '../catalogue/it-interface.schema.js';
import type { ItSystem } from '../catalogue/it-system.schema.js';
import { contractDeadlines } from '../contract/deadlines.rules.js';
import type { Contract } from '../contract/contract.schema.js';
import { contractTermsOf } from '../contract/terms.rules.js';
import { type CoordinationData, indexCoordinationData } from '../coordination/data.js';
import type { Contact, ContractFacts, ProjectFacts, UsageFacts } from '../coordination/sharing.rules.js';
import type { SharingSetting } from '../coordination/sharing.schema.js';
import type { Organization } from '../organisation/organization.schema.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import type { User } from '../organisation/user.schema.js';
import type { Project } from '../project/project.schema.js';
import type { IsoDate } from '../shared/dates.js';
import type { StorageReader } from '../storage/port.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import {
  CONTRACT,
  GLOBAL_OPTION,
  INTERFACE,
  KLE,
  ORGANIZATION,
  PROJECT,
  SHARING,
  type StoredGlobalOption,
  type StoredKleTask,
  SYSTEM,
  UNIT,
  USAGE,
  USER,
} from './kinds.js';
import { allOf } from './lookup.js';

const roleFacts = (roles: readonly { roleUuid: string; userUuid: string }[], users: ReadonlyMap<string, Contact>) =>
  roles.flatMap((r) => {
    const contact = users.get(r.userUuid);
    return contact ? [{ roleUuid: r.roleUuid, contact }] : [];
  });

function contractFacts(
  c: Contract,
  today: IsoDate,
  names: {
    option: (uuid: string | null) => string | null;
    organization: (uuid: string | null) => string | null;
    systemOfUsage: (uuid: string) => string | undefined;
    users: ReadonlyMap<string, Contact>;
  },
): ContractFacts {
  const terms = contractTermsOf(c, {
    noticePeriodOptionName: names.option(c.termination.terms.noticePeriodMonthsUuid),
    extensionOptionName: names.option(c.agreementPeriod.extensionOptionsUuid),
  });
  const d = contractDeadlines(terms, { today });
  return {
    uuid: c.uuid,
    organizationUuid: c.organizationUuid,
    name: c.name,
    systemUuids: [...new Set(c.systemUsageUuids.flatMap((u) => names.systemOfUsage(u) ?? []))],
    supplierUuid: c.supplier.organizationUuid,
    supplierName: names.organization(c.supplier.organizationUuid),
    dates: { expiry: d.expiry, earliestEnd: d.nextPossibleTermination, tenderStart: d.tenderStart },
    procurementStrategy: names.option(c.procurement.procurementStrategyUuid),
    purchaseType: names.option(c.procurement.purchaseTypeUuid),
    roles: roleFacts(c.roles, names.users),
  };
}

/**
 * Reads everything the coordination reads compute from, one kind at a time (inside a unit of work
 * the reads share one connection).
 */
export async function loadCoordinationData(tx: StorageReader, today: IsoDate): Promise<CoordinationData> {
  const organizations = await allOf<Organization>(tx, ORGANIZATION.kind);
  const settings = await allOf<SharingSetting>(tx, SHARING.kind);
  const systems = await allOf<ItSystem>(tx, SYSTEM.kind);
  const interfaces = await allOf<ItInterface>(tx, INTERFACE.kind);
  const kle = await allOf<StoredKleTask>(tx, KLE.kind);
  const options = await allOf<StoredGlobalOption>(tx, GLOBAL_OPTION.kind);
  const usages = await allOf<ItSystemUsage>(tx, USAGE.kind);
  const contracts = await allOf<Contract>(tx, CONTRACT.kind);
  const projects = await allOf<Project>(tx, PROJECT.kind);
  const units = await allOf<OrganizationUnit>(tx, UNIT.kind);
  const users = await allOf<User>(tx, USER.kind);

  const optionNames = new Map(options.map((o) => [o.uuid, o.name]));
  const orgNames = new Map(organizations.map((o) => [o.uuid, o.name]));
  const unitNames = new Map(units.map((u) => [u.uuid, u.name]));
  const contacts = new Map<string, Contact>(
    users.map((u) => [u.uuid, { name: `${u.firstName} ${u.lastName}`.trim(), email: u.email }]),
  );
  const systemOfUsage = new Map(usages.map((u) => [u.uuid, u.systemUuid]));
  const usageFacts: UsageFacts[] = usages.map((u) => ({
    uuid: u.uuid,
    organizationUuid: u.organizationUuid,
    systemUuid: u.systemUuid,
    responsibleUnitName: unitNames.get(u.organizationUsage.responsibleUnitUuid ?? '') ?? null,
    roles: roleFacts(u.roles, contacts),
    lifeCycleStatus: u.general.validity.lifeCycleStatus ?? null,
    interfaceUuids: [...new Set(u.outgoingSystemRelations.flatMap((r) => r.interfaceUuid ?? []))],
  }));
  const names = {
    option: (uuid: string | null) => (uuid ? (optionNames.get(uuid) ?? null) : null),
    organization: (uuid: string | null) => (uuid ? (orgNames.get(uuid) ?? null) : null),
    systemOfUsage: (uuid: string) => systemOfUsage.get(uuid),
    users: contacts,
  };
  const projectFacts: ProjectFacts[] = projects.map((p) => ({
    uuid: p.uuid,
    organizationUuid: p.organizationUuid,
    jointOrganizationUuids: p.jointOrganizationUuids,
    name: p.name,
    systemUuids: [...new Set(p.systemUsageUuids.flatMap((u) => systemOfUsage.get(u) ?? []))],
    phase: { number: p.currentPhase, name: p.phases[p.currentPhase - 1]?.name ?? String(p.currentPhase) },
    timeline: p.phases.map((ph) => ({ name: ph.name, start: ph.startDate, end: ph.endDate })),
  }));
  return indexCoordinationData({
    today,
    organizations: organizations.map((o) => ({
      uuid: o.uuid,
      name: o.name,
      type: o.type,
      accessModifier: o.accessModifier,
    })),
    settings,
    systems: systems.map((s) => ({
      uuid: s.uuid,
      name: s.name,
      organizationUuid: s.organizationUuid,
      accessModifier: s.accessModifier,
      rightsHolderUuid: s.rightsHolderUuid,
      businessTypeUuid: s.businessTypeUuid,
      kleUuids: s.kleUuids,
      deactivated: s.deactivated,
    })),
    interfaces: interfaces.map((i) => ({
      uuid: i.uuid,
      name: i.name,
      organizationUuid: i.organizationUuid,
      accessModifier: i.accessModifier,
      exposedBySystemUuid: i.exposedBySystemUuid,
    })),
    kle: kle.map((k) => ({ uuid: k.uuid, taskKey: k.taskKey, description: k.description })),
    optionNames,
    usages: usageFacts,
    contracts: contracts.map((c) => contractFacts(c, today, names)),
    projects: projectFacts,
  });
}
