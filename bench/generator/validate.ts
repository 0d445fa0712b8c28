/**
 * Checks a generated data set the way the library would: every record against its stored schema,
 * then the rules a schema cannot see (unique uuids, one root unit per organisation, one usage per
 * organisation and system, links inside one organisation, relations through interfaces the target
 * exposes, main contracts among the associated ones, KLE deviations, role users being members).
 *
 * @module
 */
import {
  ContractSchema,
  DataProcessingRegistrationSchema,
  GlobalOptionSchema,
  ItInterfaceSchema,
  ItSystemSchema,
  ItSystemUsageSchema,
  KleTaskSchema,
  LocalOptionSchema,
  type OptionType,
  OrganizationMembershipSchema,
  OrganizationSchema,
  OrganizationUnitSchema,
  ProjectSchema,
  RoleAssignmentSchema,
  type RuleResult,
  type RuleViolation,
  UserSchema,
  checkSystemRelation,
  checkUsageKleDeviations,
  checkUsageMainContract,
  contractLinkViolations,
  projectLinksValidity,
  projectParentValidity,
  unitTreeValidity,
} from '@os2kitos/core';
import type { z } from 'zod';
import type { SampleData } from './generate.js';

/** One problem found in a data set. */
export interface SampleDataProblem {
  /** Which array the record is in, e.g. `usages`. */
  readonly entity: keyof SampleData;
  /** The record's uuid (or another identifying key). */
  readonly id: string;
  /** Field path, dot-separated (empty for the whole record). */
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

type Report = (entity: keyof SampleData, id: string, path: string, code: string, message: string) => void;

function schemaProblems<T>(
  report: Report,
  entity: keyof SampleData,
  schema: z.ZodType,
  records: readonly T[],
  id: (r: T) => string,
): void {
  for (const record of records) {
    const r = schema.safeParse(record);
    if (r.success) continue;
    for (const issue of r.error.issues) {
      const custom = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
      report(entity, id(record), issue.path.map(String).join('.'), custom ?? issue.code, issue.message);
    }
  }
}

function ruleProblems(report: Report, entity: keyof SampleData, id: string, result: RuleResult<unknown>): void {
  if (result.ok) return;
  for (const v of result.violations) violation(report, entity, id, v);
}

function violation(report: Report, entity: keyof SampleData, id: string, v: RuleViolation): void {
  report(entity, id, (v.path ?? []).map(String).join('.'), v.code, v.message);
}

/** Every record parsed with its core schema. */
function checkSchemas(data: SampleData, report: Report): void {
  const byUuid = (r: { uuid: string }) => r.uuid;
  schemaProblems(report, 'organizations', OrganizationSchema, data.organizations, byUuid);
  schemaProblems(report, 'units', OrganizationUnitSchema, data.units, byUuid);
  schemaProblems(report, 'users', UserSchema, data.users, byUuid);
  schemaProblems(report, 'memberships', OrganizationMembershipSchema, data.memberships, (m) => m.userUuid);
  schemaProblems(report, 'roleAssignments', RoleAssignmentSchema, data.roleAssignments, (r) => r.objectUuid);
  schemaProblems(report, 'options', GlobalOptionSchema, data.options, byUuid);
  schemaProblems(report, 'localOptions', LocalOptionSchema, data.localOptions, (o) => o.optionUuid);
  schemaProblems(report, 'kleTasks', KleTaskSchema, data.kleTasks, byUuid);
  schemaProblems(report, 'itSystems', ItSystemSchema, data.itSystems, byUuid);
  schemaProblems(report, 'itInterfaces', ItInterfaceSchema, data.itInterfaces, byUuid);
  schemaProblems(report, 'usages', ItSystemUsageSchema, data.usages, byUuid);
  schemaProblems(report, 'contracts', ContractSchema, data.contracts, byUuid);
  schemaProblems(
    report,
    'dataProcessingRegistrations',
    DataProcessingRegistrationSchema,
    data.dataProcessingRegistrations,
    byUuid,
  );
  schemaProblems(report, 'projects', ProjectSchema, data.projects, byUuid);
}

/** Uuids are unique across every kind of record. */
function checkUniqueUuids(data: SampleData, report: Report): void {
  const seen = new Set<string>();
  const kinds = [
    'organizations',
    'units',
    'users',
    'options',
    'kleTasks',
    'itSystems',
    'itInterfaces',
    'usages',
    'contracts',
    'dataProcessingRegistrations',
    'projects',
  ] as const;
  for (const kind of kinds) {
    for (const r of data[kind] as readonly { uuid: string }[]) {
      const key = r.uuid.toLowerCase();
      if (seen.has(key)) report(kind, r.uuid, 'uuid', 'duplicate-uuid', 'the uuid is used by another record');
      seen.add(key);
    }
  }
}

/** Lookup tables the cross-record checks share. */
interface Index {
  readonly orgOf: Map<string, string>;
  readonly orgs: Set<string>;
  readonly optionType: Map<string, OptionType>;
  readonly members: Set<string>;
  readonly systems: Map<string, SampleData['itSystems'][number]>;
  readonly exposed: Map<string, string[]>;
  readonly contractsOfUsage: Map<string, string[]>;
  readonly usageSystem: Map<string, string>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(data: SampleData): Index {
  const orgOf = new Map<string, string>();
  for (const list of [data.units, data.usages, data.contracts, data.dataProcessingRegistrations, data.projects]) {
    for (const r of list) orgOf.set(r.uuid, r.organizationUuid);
  }
  const exposed = new Map<string, string[]>();
  for (const i of data.itInterfaces) {
    if (!i.exposedBySystemUuid || i.deactivated) continue;
    push(exposed, i.exposedBySystemUuid, i.uuid);
  }
  const contractsOfUsage = new Map<string, string[]>();
  for (const c of data.contracts) {
    for (const u of c.systemUsageUuids) push(contractsOfUsage, u, c.uuid);
  }
  return {
    orgOf,
    orgs: new Set(data.organizations.map((o) => o.uuid)),
    optionType: new Map(data.options.map((o) => [o.uuid, o.type])),
    members: new Set(data.memberships.map((m) => `${m.organizationUuid}/${m.userUuid}`)),
    systems: new Map(data.itSystems.map((s) => [s.uuid, s])),
    exposed,
    contractsOfUsage,
    usageSystem: new Map(data.usages.map((u) => [u.uuid, u.systemUuid])),
  };
}

function checkOrganisation(data: SampleData, idx: Index, report: Report): void {
  const unitsByOrg = new Map<string, SampleData['units']>();
  for (const u of data.units) push(unitsByOrg, u.organizationUuid, u);
  for (const uuid of data.info.municipalityUuids) {
    ruleProblems(report, 'units', uuid, unitTreeValidity(unitsByOrg.get(uuid) ?? [], uuid));
  }
  const users = new Set(data.users.map((u) => u.uuid));
  for (const m of data.memberships) {
    if (!users.has(m.userUuid) || !idx.orgs.has(m.organizationUuid)) {
      report('memberships', m.userUuid, '', 'not-found', 'membership of an unknown user or organisation');
    }
  }
  for (const r of data.roleAssignments) {
    const org = idx.orgOf.get(r.objectUuid);
    if (!org) report('roleAssignments', r.objectUuid, 'objectUuid', 'not-found', 'unknown object');
    else if (!idx.members.has(`${org}/${r.userUuid}`)) {
      report(
        'roleAssignments',
        r.objectUuid,
        'userUuid',
        'not-member',
        "the user is not a member of the object's organisation",
      );
    }
  }
}

function checkCatalogue(data: SampleData, idx: Index, report: Report): void {
  for (const s of data.itSystems) {
    if (!idx.orgs.has(s.organizationUuid))
      report('itSystems', s.uuid, 'organizationUuid', 'not-found', 'unknown organisation');
    if (s.rightsHolderUuid && !idx.orgs.has(s.rightsHolderUuid)) {
      report('itSystems', s.uuid, 'rightsHolderUuid', 'not-found', 'unknown rights holder');
    }
    if (s.parentUuid && (!idx.systems.has(s.parentUuid) || s.parentUuid === s.uuid)) {
      report('itSystems', s.uuid, 'parentUuid', 'not-found', 'unknown parent system');
    }
    if (s.businessTypeUuid && idx.optionType.get(s.businessTypeUuid) !== 'business-types') {
      report('itSystems', s.uuid, 'businessTypeUuid', 'wrong-option', 'not a business type option');
    }
  }
  for (const i of data.itInterfaces) {
    if (i.exposedBySystemUuid && !idx.systems.has(i.exposedBySystemUuid)) {
      report('itInterfaces', i.uuid, 'exposedBySystemUuid', 'not-found', 'unknown exposing system');
    }
  }
}

function checkUsages(data: SampleData, idx: Index, report: Report): void {
  const pairs = new Set<string>();
  for (const u of data.usages) {
    const pair = `${u.organizationUuid}/${u.systemUuid}`;
    if (pairs.has(pair)) report('usages', u.uuid, 'systemUuid', 'usage-exists', 'a second usage of the same system');
    pairs.add(pair);
    const system = idx.systems.get(u.systemUuid);
    if (!system) report('usages', u.uuid, 'systemUuid', 'not-found', 'unknown system');
    else if (system.accessModifier === 'Local' && system.organizationUuid !== u.organizationUuid) {
      report('usages', u.uuid, 'systemUuid', 'system-not-visible', 'the system is local to another organisation');
    }
    const units = [...u.organizationUsage.usingUnitUuids, u.organizationUsage.responsibleUnitUuid];
    for (const unit of units) {
      if (unit && idx.orgOf.get(unit) !== u.organizationUuid) {
        report(
          'usages',
          u.uuid,
          'organizationUsage',
          'not-same-organisation',
          `unit ${unit} is not in the organisation`,
        );
      }
    }
    ruleProblems(
      report,
      'usages',
      u.uuid,
      checkUsageMainContract(u, {
        contractOrganizationUuid: u.general.mainContractUuid ? idx.orgOf.get(u.general.mainContractUuid) : undefined,
        coveringContractUuids: idx.contractsOfUsage.get(u.uuid) ?? [],
      }),
    );
    ruleProblems(report, 'usages', u.uuid, checkUsageKleDeviations(u.localKleDeviations, system?.kleUuids ?? []));
    for (const r of u.outgoingSystemRelations) {
      const target = idx.orgOf.get(r.toUsageUuid);
      const targetSystem = idx.usageSystem.get(r.toUsageUuid);
      ruleProblems(
        report,
        'usages',
        u.uuid,
        checkSystemRelation(r, {
          fromUsageUuid: u.uuid,
          organizationUuid: u.organizationUuid,
          targetOrganizationUuid: target ?? '(unknown)',
          targetExposedInterfaceUuids: idx.exposed.get(targetSystem ?? '') ?? [],
          contractOrganizationUuid: r.contractUuid ? (idx.orgOf.get(r.contractUuid) ?? '(unknown)') : undefined,
        }),
      );
    }
    for (const role of u.roles) {
      if (!idx.members.has(`${u.organizationUuid}/${role.userUuid}`)) {
        report('usages', u.uuid, 'roles', 'not-member', 'a role holder is not a member of the organisation');
      }
    }
  }
}

function checkContracts(data: SampleData, idx: Index, report: Report): void {
  const kindOf = new Map<string, string>();
  for (const [kind, list] of [
    ['contract', data.contracts],
    ['organizationUnit', data.units],
    ['systemUsage', data.usages],
    ['dataProcessingRegistration', data.dataProcessingRegistrations],
  ] as const) {
    for (const r of list) kindOf.set(r.uuid, kind);
  }
  for (const c of data.contracts) {
    for (const v of contractLinkViolations(c, (kind, uuid) =>
      kindOf.get(uuid) === kind ? idx.orgOf.get(uuid) : undefined,
    )) {
      violation(report, 'contracts', c.uuid, v);
    }
    if (c.supplier.organizationUuid && !idx.orgs.has(c.supplier.organizationUuid)) {
      report('contracts', c.uuid, 'supplier.organizationUuid', 'not-found', 'unknown supplier');
    }
  }
}

function checkDprs(data: SampleData, idx: Index, report: Report): void {
  const contractDprs = new Set(
    data.contracts.flatMap((c) => c.dataProcessingRegistrationUuids.map((d) => `${c.uuid}/${d}`)),
  );
  for (const d of data.dataProcessingRegistrations) {
    const links = [...d.systemUsageUuids, ...d.contractUuids, d.general.responsibleUnitUuid];
    for (const link of links) {
      if (link && idx.orgOf.get(link) !== d.organizationUuid) {
        report(
          'dataProcessingRegistrations',
          d.uuid,
          '',
          'not-same-organisation',
          `${link} is not in the organisation`,
        );
      }
    }
    for (const c of d.contractUuids) {
      if (!contractDprs.has(`${c}/${d.uuid}`)) {
        report(
          'dataProcessingRegistrations',
          d.uuid,
          'contractUuids',
          'not-mirrored',
          `contract ${c} does not list it`,
        );
      }
    }
    for (const p of [...d.general.dataProcessorUuids, ...d.general.subDataProcessors.map((s) => s.organizationUuid)]) {
      if (!idx.orgs.has(p)) report('dataProcessingRegistrations', d.uuid, 'general', 'not-found', 'unknown processor');
    }
  }
}

function checkProjects(data: SampleData, idx: Index, report: Report): void {
  const byOrg = new Map<string, SampleData['projects']>();
  for (const p of data.projects) push(byOrg, p.organizationUuid, p);
  for (const p of data.projects) {
    ruleProblems(report, 'projects', p.uuid, projectLinksValidity(p, idx.orgOf));
    ruleProblems(
      report,
      'projects',
      p.uuid,
      projectParentValidity(p, p.parentProjectUuid, byOrg.get(p.organizationUuid) ?? []),
    );
    for (const o of p.jointOrganizationUuids) {
      if (!idx.orgs.has(o) || o === p.organizationUuid) {
        report('projects', p.uuid, 'jointOrganizationUuids', 'invalid-partner', `${o} is not another organisation`);
      }
    }
  }
}

/**
 * Parses every record with its core schema and checks the cross-record rules; returns every
 * problem found (an empty list for a sound data set).
 *
 * @example
 * ```ts
 * const problems = validateSampleData(generatePortfolio({ today: '2025-06-01' }));
 * problems.length; // 0
 * ```
 */
export function validateSampleData(data: SampleData): SampleDataProblem[] {
  const problems: SampleDataProblem[] = [];
  const report: Report = (entity, id, path, code, message) => problems.push({ entity, id, path, code, message });
  const idx = buildIndex(data);
  checkSchemas(data, report);
  checkUniqueUuids(data, report);
  checkOrganisation(data, idx, report);
  checkCatalogue(data, idx, report);
  checkUsages(data, idx, report);
  checkContracts(data, idx, report);
  checkDprs(data, idx, report);
  checkProjects(data, idx, report);
  return problems;
}
