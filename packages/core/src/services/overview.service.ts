/**
 * Overview queries: flat rows per portfolio entity with the derived columns people filter on
 * (active status and why, main contract and supplier, next notice deadline, responsible unit path,
 * role holders, relation counts), computed for the query's `today`, then filtered, searched, sorted
 * and paged with {@link applyOverviewQuery}. Also the cross-municipality reads over public data.
 *
 * Rows are built in memory from the organisation's records: one municipality holds a few thousand
 * entities, and date-dependent columns cannot be indexed anyway (they change every night).
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import { canRead } from '../access/policy.js';
import type { ItSystem } from '../catalogue/it-system.schema.js';
import { contractEconomySummary, contractDurationText } from '../contract/contract-overview.rules.js';
import { contractValidities, type ContractValidity } from '../contract/contract.rules.js';
import type { Contract } from '../contract/contract.schema.js';
import { type ContractDeadlineKind, contractDeadlines, type ContractDeadlines } from '../contract/deadlines.rules.js';
import { kitosNoticePeriodMonths } from '../contract/notice-period.rules.js';
import { contractTermsOf } from '../contract/terms.rules.js';
import { dprValidity, latestDprOversightDate } from '../data-processing/dpr.rules.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import { PositionCache } from '../engine/cache.js';
import type { CallContext } from '../engine/call.js';
import {
  CONTRACT,
  DPR,
  GLOBAL_OPTION,
  ORGANIZATION,
  PROJECT,
  type StoredGlobalOption,
  SYSTEM,
  UNIT,
  UNIT_ROLE,
  USAGE,
  USER,
} from '../engine/kinds.js';
import type { CallRunner } from '../engine/service.js';
import type { Organization } from '../organisation/organization.schema.js';
import { unitDescendants, unitPath } from '../organisation/unit-tree.rules.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import type { User } from '../organisation/user.schema.js';
import { projectStatus } from '../project/project-status.rules.js';
import type { Project } from '../project/project.schema.js';
import { KitosForbiddenError, KitosNotFoundError, KitosValidationError } from '../shared/errors.js';
import type { IsoDate } from '../shared/dates.js';
import type { StorageAdapter } from '../storage/port.js';
import { usageValidity } from '../usage/usage-validity.rules.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { OVERVIEW_COLUMNS } from '../overview/columns.js';
import {
  applyOverviewQuery,
  type OverviewKind,
  type OverviewPage,
  type OverviewQuery,
  type OverviewRow,
  parseOverviewQuery,
} from '../overview/query.js';
import { protectSystem } from './catalogue.service.js';
import { allOf } from './lookup.js';

/** The overview and cross-organisation read service. */
export interface OverviewService {
  /** One page of an overview with its total, for the query's `today` (default: today). */
  query(actor: Actor, kind: OverviewKind, query: OverviewQuery): Promise<OverviewPage>;
  /** Contract terms and deadlines of one contract, from the deadline engine. */
  contractDeadlines(actor: Actor, contractUuid: string, today?: IsoDate): Promise<ContractDeadlines>;
  /**
   * Every dated deadline of the organisation's contracts (notice, expiry, tender start, …) from the
   * deadline engine, optionally within a window and for a responsible unit (with its sub-units),
   * sorted by date.
   */
  deadlines(actor: Actor, query: DeadlineListQuery): Promise<DeadlineListItem[]>;
  /** Per unit: how many usages and contracts it is responsible for, and how many role assignments it has. */
  unitResponsibilities(actor: Actor, organizationUuid: string): Promise<Map<string, UnitResponsibility>>;
  /** Organisations that use a catalogue system (public data: names only). */
  whoUses(actor: Actor, systemUuid: string): Promise<{ uuid: string; name: string }[]>;
  /**
   * How many municipalities have a contract covering a usage of the system that ends within the
   * window (an aggregate only: no contract, usage or organisation is revealed).
   */
  contractsEndingAcross(
    actor: Actor,
    systemUuid: string,
    window: { from: IsoDate; to: IsoDate },
  ): Promise<{ organizations: number; contracts: number }>;
}

/** Query of {@link OverviewService.deadlines}. */
export interface DeadlineListQuery {
  readonly organizationUuid: string;
  readonly today?: IsoDate;
  /** First day to include (inclusive). */
  readonly from?: IsoDate;
  /** Last day to include (inclusive). */
  readonly to?: IsoDate;
  readonly responsibleUnitUuid?: string;
  readonly includeSubUnits?: boolean;
}

/** One contract deadline. */
export interface DeadlineListItem {
  readonly contractUuid: string;
  readonly contractName: string;
  readonly supplier: string | null;
  readonly responsibleUnitUuid: string | null;
  readonly responsibleUnitName: string | null;
  readonly kind: ContractDeadlineKind;
  readonly date: IsoDate;
  readonly daysLeft: number;
}

/** What one unit is responsible for. */
export interface UnitResponsibility {
  readonly usages: number;
  readonly contracts: number;
  readonly roles: number;
}

/** Everything the row builders look up, loaded once per query. */
interface Lookups {
  readonly today: IsoDate;
  readonly units: OrganizationUnit[];
  readonly unitName: (uuid: string | null) => string | null;
  /** 'Root / … / Unit' for a unit uuid. */
  readonly unitPathOf: (uuid: string | null) => string | null;
  readonly optionName: (uuid: string | null | undefined) => string | null;
  readonly orgName: (uuid: string | null | undefined) => string | null;
  readonly userName: (uuid: string) => string;
  readonly system: (uuid: string) => ItSystem | undefined;
  readonly contracts: Contract[];
  readonly contractValidity: Map<string, ContractValidity>;
  readonly deadlines: (c: Contract) => ContractDeadlines;
}

async function loadLookups(call: CallContext, organizationUuid: string, today: IsoDate): Promise<Lookups> {
  const [units, options, orgs, systems, contracts, users] = await Promise.all([
    allOf<OrganizationUnit>(call.tx, UNIT.kind, organizationUuid),
    allOf<StoredGlobalOption>(call.tx, GLOBAL_OPTION.kind),
    allOf<Organization>(call.tx, ORGANIZATION.kind),
    allOf<ItSystem>(call.tx, SYSTEM.kind),
    allOf<Contract>(call.tx, CONTRACT.kind, organizationUuid),
    allOf<User>(call.tx, USER.kind),
  ]);
  const optionByUuid = new Map(options.map((o) => [o.uuid, o.name]));
  const orgByUuid = new Map(orgs.map((o) => [o.uuid, o.name]));
  const unitByUuid = new Map(units.map((u) => [u.uuid, u.name]));
  const systemByUuid = new Map(systems.map((s) => [s.uuid, s]));
  const userByUuid = new Map(users.map((u) => [u.uuid, `${u.firstName} ${u.lastName}`.trim()]));
  const optionName = (uuid: string | null | undefined) => (uuid ? (optionByUuid.get(uuid) ?? null) : null);
  const deadlineCache = new Map<string, ContractDeadlines>();
  const paths = new Map<string, string>();
  return {
    today,
    units,
    unitPathOf: (uuid) => {
      if (!uuid) return null;
      let p = paths.get(uuid);
      if (p === undefined) {
        p = unitPath(units, uuid).join(' / ');
        paths.set(uuid, p);
      }
      return p || null;
    },
    unitName: (uuid) => (uuid ? (unitByUuid.get(uuid) ?? null) : null),
    optionName,
    orgName: (uuid) => (uuid ? (orgByUuid.get(uuid) ?? null) : null),
    userName: (uuid) => userByUuid.get(uuid) ?? uuid,
    system: (uuid) => systemByUuid.get(uuid),
    contracts,
    contractValidity: contractValidities(contracts, {
      today,
      noticePeriodMonthsOf: (c) => kitosNoticePeriodMonths(optionName(c.termination.terms.noticePeriodMonthsUuid)),
    }),
    deadlines: (c) => {
      let d = deadlineCache.get(c.uuid);
      if (!d) {
        const terms = contractTermsOf(c, {
          noticePeriodOptionName: optionName(c.termination.terms.noticePeriodMonthsUuid),
          extensionOptionName: optionName(c.agreementPeriod.extensionOptionsUuid),
        });
        d = contractDeadlines(terms, { today });
        deadlineCache.set(c.uuid, d);
      }
      return d;
    },
  };
}

/**
 * The notice deadline people act on: before the expiry for fixed-term contracts (missing it means
 * the contract runs on, or an extension is used), otherwise the next possible one.
 */
function noticeDeadline(d: ContractDeadlines): IsoDate | null {
  return d.term === 'fixed' && d.latestNoticeDayBeforeExpiry ? d.latestNoticeDayBeforeExpiry : d.latestNoticeDay;
}

function usageRows(usages: ItSystemUsage[], all: ItSystemUsage[], l: Lookups): OverviewRow[] {
  const contractByUuid = new Map(l.contracts.map((c) => [c.uuid, c]));
  const covering = new Map<string, Contract[]>();
  for (const c of l.contracts) for (const u of c.systemUsageUuids) covering.set(u, [...(covering.get(u) ?? []), c]);
  const incoming = new Map<string, number>();
  for (const u of all)
    for (const r of u.outgoingSystemRelations) incoming.set(r.toUsageUuid, (incoming.get(r.toUsageUuid) ?? 0) + 1);
  return usages.map((u) => {
    const system = l.system(u.systemUuid);
    const main = u.general.mainContractUuid ? contractByUuid.get(u.general.mainContractUuid) : undefined;
    const mainActive = main ? (l.contractValidity.get(main.uuid)?.valid ?? false) : undefined;
    const v = usageValidity(u, main ? { today: l.today, mainContractActive: mainActive ?? false } : { today: l.today });
    const responsible = u.organizationUsage.responsibleUnitUuid;
    return {
      uuid: u.uuid,
      active: v.valid,
      inactiveReasons: [...v.errors],
      validAccordingToValidityPeriod: v.validAccordingToValidityPeriod,
      validAccordingToLifeCycle: v.validAccordingToLifeCycle,
      validAccordingToMainContract: v.validAccordingToMainContract,
      systemName: system?.name ?? u.systemUuid,
      localCallName: u.general.localCallName ?? null,
      localSystemId: u.general.localSystemId ?? null,
      systemVersion: u.general.systemVersion ?? null,
      parentSystemName: system?.parentUuid ? (l.system(system.parentUuid)?.name ?? null) : null,
      previousName: system?.previousName ?? null,
      businessType: l.optionName(system?.businessTypeUuid),
      rightsHolder: l.orgName(system?.rightsHolderUuid),
      supplier: main ? l.orgName(main.supplier.organizationUuid) : null,
      systemDeactivated: system?.deactivated ?? false,
      validFrom: u.general.validity.validFrom ?? null,
      validTo: u.general.validity.validTo ?? null,
      lifeCycleStatus: u.general.validity.lifeCycleStatus ?? null,
      hostedAt: u.gdpr.hostedAt ?? null,
      notes: u.general.notes ?? null,
      dataClassification: l.optionName(u.general.dataClassificationUuid),
      responsibleUnit: l.unitPathOf(responsible),
      responsibleUnitUuid: responsible,
      usingUnits: u.organizationUsage.usingUnitUuids.map((x) => l.unitName(x) ?? x),
      kle: [],
      dataSensitivity: [...u.gdpr.dataSensitivityLevels],
      purpose: u.gdpr.purpose ?? null,
      riskAssessmentDate: u.gdpr.riskAssessmentConductedDate ?? null,
      plannedRiskAssessmentDate: u.gdpr.plannedRiskAssessmentDate ?? null,
      dpiaConducted: u.gdpr.dpiaConducted ?? null,
      businessCritical: u.gdpr.businessCritical ?? null,
      archiveDuty: u.archiving.archiveDuty ?? null,
      dataProcessingAgreementConcluded: false,
      dataProcessingRegistrations: [],
      outgoingRelationCount: u.outgoingSystemRelations.length,
      incomingRelationCount: incoming.get(u.uuid) ?? 0,
      mainContract: main?.name ?? null,
      mainContractActive: mainActive ?? null,
      contracts: (covering.get(u.uuid) ?? []).map((c) => c.name),
      nextNoticeDeadline: main ? noticeDeadline(l.deadlines(main)) : null,
      roleHolders: u.roles.map((r) => `${l.optionName(r.roleUuid) ?? 'Rolle'}: ${l.userName(r.userUuid)}`),
      lastChanged: u.lastChanged.slice(0, 10),
    };
  });
}

function contractRows(l: Lookups): OverviewRow[] {
  const byUuid = new Map(l.contracts.map((c) => [c.uuid, c]));
  return l.contracts.map((c) => {
    const v = l.contractValidity.get(c.uuid);
    const d = l.deadlines(c);
    const economy = contractEconomySummary(c.payments);
    const responsible = c.responsible.organizationUnitUuid;
    return {
      uuid: c.uuid,
      active: v?.valid ?? false,
      inactiveReasons: [...(v?.errors ?? [])],
      contractId: c.general.contractId ?? null,
      name: c.name,
      parentContract: c.parentContractUuid ? (byUuid.get(c.parentContractUuid)?.name ?? null) : null,
      validFrom: c.general.validity.validFrom ?? null,
      validTo: c.general.validity.validTo ?? null,
      responsibleUnit: l.unitPathOf(responsible),
      responsibleUnitUuid: responsible,
      supplier: l.orgName(c.supplier.organizationUuid),
      contractType: l.optionName(c.general.contractTypeUuid),
      purchaseType: l.optionName(c.procurement.purchaseTypeUuid),
      procurementPlan: c.procurement.procurementPlan
        ? `Q${c.procurement.procurementPlan.quarter} ${c.procurement.procurementPlan.year}`
        : null,
      systemUsages: c.systemUsageUuids,
      dataProcessingRegistrations: c.dataProcessingRegistrationUuids,
      acquisition: economy.acquisition,
      operation: economy.operation,
      other: economy.other,
      duration: contractDurationText(c.agreementPeriod),
      noticePeriodMonths: kitosNoticePeriodMonths(l.optionName(c.termination.terms.noticePeriodMonthsUuid)),
      irrevocableUntil: c.agreementPeriod.irrevocableUntil ?? null,
      terminatedAt: c.termination.terminatedAt ?? null,
      expiry: d.expiry,
      latestNoticeDay: noticeDeadline(d),
      earliestEnd: d.nextPossibleTermination,
      tenderStart: d.tenderStart,
      nextDeadline: d.nextDeadline?.date ?? null,
      nextDeadlineKind: d.nextDeadline?.kind ?? null,
      roleHolders: [],
      lastChanged: c.lastChanged.slice(0, 10),
    };
  });
}

function dprRows(dprs: DataProcessingRegistration[], l: Lookups): OverviewRow[] {
  const contractByUuid = new Map(l.contracts.map((c) => [c.uuid, c]));
  return dprs.map((d) => {
    const main = d.general.mainContractUuid ? contractByUuid.get(d.general.mainContractUuid) : undefined;
    const v = dprValidity(d, main ? { mainContractActive: l.contractValidity.get(main.uuid)?.valid ?? false } : {});
    return {
      uuid: d.uuid,
      active: v.valid,
      name: d.name,
      agreementConcluded: d.general.isAgreementConcluded ?? null,
      agreementConcludedAt: d.general.agreementConcludedAt ?? null,
      dataProcessors: d.general.dataProcessorUuids.map((o) => l.orgName(o) ?? o),
      subDataProcessors: d.general.subDataProcessors.map((s) => l.orgName(s.organizationUuid) ?? s.organizationUuid),
      transferToInsecureThirdCountries: d.general.transferToInsecureThirdCountries ?? null,
      systemUsages: d.systemUsageUuids,
      mainContract: main?.name ?? null,
      responsibleUnit: l.unitPathOf(d.general.responsibleUnitUuid),
      responsibleUnitUuid: d.general.responsibleUnitUuid ?? null,
      latestOversightDate: latestDprOversightDate(d),
      scheduledInspectionDate: d.oversight.scheduledInspectionDate ?? null,
      lastChanged: d.lastChanged.slice(0, 10),
    };
  });
}

function projectRows(projects: Project[], l: Lookups): OverviewRow[] {
  return projects.map((p) => {
    const status = projectStatus(p, l.today);
    const sum = (amounts: Record<string, unknown>) =>
      Object.values(amounts).reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0);
    const budget = p.economyYears.reduce((n, y) => n + sum(y.budget), 0);
    const actual = p.economyYears.reduce((n, y) => n + sum(y.actual), 0);
    const next =
      p.milestones
        .filter((m) => !m.done && m.date && m.date >= l.today)
        .map((m) => m.date as string)
        .sort()[0] ?? null;
    return {
      uuid: p.uuid,
      name: p.name,
      status: status.trafficLight,
      phase: p.phases[p.currentPhase - 1]?.name ?? String(p.currentPhase),
      responsibleUnit: l.unitPathOf(p.responsibleUnitUuid),
      responsibleUnitUuid: p.responsibleUnitUuid,
      joint: p.jointOrganizationUuids.length > 0,
      budget,
      actual,
      nextMilestone: next,
      lastChanged: p.lastChanged.slice(0, 10),
    };
  });
}

/** Rows of one overview with what the unit filter needs, as cached per store position. */
interface ComputedRows {
  readonly rows: OverviewRow[];
  readonly units: OrganizationUnit[];
}

async function computeRows(call: CallContext, kind: OverviewKind, org: string, today: IsoDate): Promise<ComputedRows> {
  const l = await loadLookups(call, org, today);
  if (kind === 'catalogue') {
    const systems = (await allOf<ItSystem>(call.tx, SYSTEM.kind)).filter((s) =>
      canRead(call.actor, protectSystem(call, s)),
    );
    const usages = await allOf<ItSystemUsage>(call.tx, USAGE.kind);
    const users = new Map<string, Set<string>>();
    for (const u of usages) users.set(u.systemUuid, (users.get(u.systemUuid) ?? new Set()).add(u.organizationUuid));
    const rows = systems.map((s) => ({
      uuid: s.uuid,
      name: s.name,
      previousName: s.previousName,
      parentSystemName: s.parentUuid ? (l.system(s.parentUuid)?.name ?? null) : null,
      rightsHolder: l.orgName(s.rightsHolderUuid),
      businessType: l.optionName(s.businessTypeUuid),
      scope: s.accessModifier,
      deactivated: s.deactivated,
      usedHere: users.get(s.uuid)?.has(org) ?? false,
      usingOrganizationCount: users.get(s.uuid)?.size ?? 0,
      kle: [],
      lastChanged: s.lastChanged.slice(0, 10),
    }));
    return { rows, units: l.units };
  }
  if (kind === 'usages') {
    const usages = await allOf<ItSystemUsage>(call.tx, USAGE.kind, org);
    return { rows: usageRows(usages, usages, l), units: l.units };
  }
  if (kind === 'contracts') return { rows: contractRows(l), units: l.units };
  if (kind === 'dataProcessing')
    return { rows: dprRows(await allOf<DataProcessingRegistration>(call.tx, DPR.kind, org), l), units: l.units };
  return { rows: projectRows(await allOf<Project>(call.tx, PROJECT.kind, org), l), units: l.units };
}

/** Overviews and cross-organisation reads. */
export function overviewService(runner: CallRunner, storage?: Pick<StorageAdapter, 'position'>): OverviewService {
  // Rows depend only on the organisation's data and the date (catalogue rows also on the reader),
  // so they are reused until the store changes; filtering, sorting and paging run per query.
  const cache = new PositionCache<ComputedRows>(storage ?? {}, 64);
  const mustReadOrganisation = (call: CallContext, organizationUuid: string) => {
    if (!call.actor.isGlobalAdmin && !call.actor.roles.has(organizationUuid)) {
      throw new KitosForbiddenError('access', 'you may only see the portfolio of organisations you are a member of', {
        organizationUuid,
      });
    }
  };
  return {
    query: (actor, kind, input) =>
      runner.read(actor, async (call) => {
        if (!Object.hasOwn(OVERVIEW_COLUMNS, kind))
          throw new KitosValidationError('core', [
            { path: ['kind'], code: 'invalid_enum_value', message: `no overview "${String(kind)}"` },
          ]);
        const query = parseOverviewQuery(input, OVERVIEW_COLUMNS[kind]);
        const today = query.today ?? call.today;
        const org = query.organizationUuid;
        // The catalogue overview shows whether the organisation uses each system: that is the
        // organisation's own data, so every overview needs read access to it.
        mustReadOrganisation(call, org);
        const key = `${kind}|${org}|${today}${kind === 'catalogue' ? `|${call.actor.userUuid}` : ''}`;
        const computed = await cache.get(key, () => computeRows(call, kind, org, today));
        const page = applyOverviewQuery(
          computed.rows,
          OVERVIEW_COLUMNS[kind],
          query,
          (unit) => new Set(unitDescendants(computed.units, unit, { includeSelf: true }).map((u) => u.uuid)),
        );
        return { ...page, today };
      }),
    contractDeadlines: (actor, contractUuid, today) =>
      runner.read(actor, async (call) => {
        const contract = (await call.tx.get<Contract>(CONTRACT.kind, contractUuid))?.data;
        if (
          !contract ||
          !canRead(call.actor, { kind: 'itContract', uuid: contract.uuid, organizationUuid: contract.organizationUuid })
        ) {
          throw new KitosNotFoundError(
            'contract',
            `itContract ${contractUuid} does not exist or is not visible to you`,
            {
              kind: 'itContract',
              uuid: contractUuid,
            },
          );
        }
        const l = await loadLookups(call, contract.organizationUuid, today ?? call.today);
        return l.deadlines(contract);
      }),
    deadlines: (actor, query) =>
      runner.read(actor, async (call) => {
        mustReadOrganisation(call, query.organizationUuid);
        const l = await loadLookups(call, query.organizationUuid, query.today ?? call.today);
        const units = query.responsibleUnitUuid
          ? new Set(
              query.includeSubUnits
                ? unitDescendants(l.units, query.responsibleUnitUuid, { includeSelf: true }).map((u) => u.uuid)
                : [query.responsibleUnitUuid],
            )
          : undefined;
        const items: DeadlineListItem[] = [];
        for (const c of l.contracts) {
          const unit = c.responsible.organizationUnitUuid;
          if (units && (!unit || !units.has(unit))) continue;
          for (const d of l.deadlines(c).deadlines) {
            if ((query.from && d.date < query.from) || (query.to && d.date > query.to)) continue;
            items.push({
              contractUuid: c.uuid,
              contractName: c.name,
              supplier: l.orgName(c.supplier.organizationUuid),
              responsibleUnitUuid: unit,
              responsibleUnitName: l.unitName(unit),
              kind: d.kind,
              date: d.date,
              daysLeft: d.daysLeft,
            });
          }
        }
        return items.sort((a, b) =>
          a.date < b.date ? -1 : a.date > b.date ? 1 : a.contractName.localeCompare(b.contractName, 'da'),
        );
      }),
    unitResponsibilities: (actor, organizationUuid) =>
      runner.read(actor, async (call) => {
        mustReadOrganisation(call, organizationUuid);
        const out = new Map<string, UnitResponsibility>();
        const bump = (unit: string | null, field: keyof UnitResponsibility) => {
          if (!unit) return;
          const c = out.get(unit) ?? { usages: 0, contracts: 0, roles: 0 };
          out.set(unit, { ...c, [field]: c[field] + 1 });
        };
        for (const u of await allOf<ItSystemUsage>(call.tx, USAGE.kind, organizationUuid))
          bump(u.organizationUsage.responsibleUnitUuid, 'usages');
        for (const c of await allOf<Contract>(call.tx, CONTRACT.kind, organizationUuid))
          bump(c.responsible.organizationUnitUuid, 'contracts');
        for (const r of await allOf<{ objectUuid: string }>(call.tx, UNIT_ROLE.kind, organizationUuid))
          bump(r.objectUuid, 'roles');
        return out;
      }),
    whoUses: (actor, systemUuid) =>
      runner.read(actor, async (call) => {
        const system = (await call.tx.get<ItSystem>(SYSTEM.kind, systemUuid))?.data;
        if (!system || !canRead(call.actor, protectSystem(call, system))) return [];
        const usages = await allOf<ItSystemUsage>(call.tx, USAGE.kind, undefined, {
          op: 'eq',
          field: 'systemUuid',
          value: systemUuid,
        });
        const orgs = new Set(usages.map((u) => u.organizationUuid));
        const out: { uuid: string; name: string }[] = [];
        for (const uuid of orgs) {
          const o = (await call.tx.get<Organization>(ORGANIZATION.kind, uuid))?.data;
          if (o) out.push({ uuid, name: o.name });
        }
        return out.sort((a, b) => a.name.localeCompare(b.name, 'da'));
      }),
    contractsEndingAcross: (actor, systemUuid, window) =>
      runner.read(actor, async (call) => {
        const system = (await call.tx.get<ItSystem>(SYSTEM.kind, systemUuid))?.data;
        if (!system || !canRead(call.actor, protectSystem(call, system))) return { organizations: 0, contracts: 0 };
        const usages = await allOf<ItSystemUsage>(call.tx, USAGE.kind, undefined, {
          op: 'eq',
          field: 'systemUuid',
          value: systemUuid,
        });
        const contracts = await allOf<Contract>(call.tx, CONTRACT.kind, undefined, {
          op: 'hasAny',
          field: 'systemUsageUuids',
          values: usages.map((u) => u.uuid),
        });
        const ending = contracts.filter((c) => {
          const to = c.general.validity.validTo;
          return !!to && to >= window.from && to <= window.to;
        });
        return { organizations: new Set(ending.map((c) => c.organizationUuid)).size, contracts: ending.length };
      }),
  };
}
