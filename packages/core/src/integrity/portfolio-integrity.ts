/**
 * A whole-store check of the invariants the services keep: every link inside an organisation's
 * portfolio points at an existing record of the same organisation, trees are trees, and what must
 * be unique is. The services never let a write break these; this function proves it after the
 * fact — for operators (a nightly check, after a restore or a migration from KITOS) and for the
 * tests that throw generated, hostile and concurrent writes at the services.
 *
 * It reads every record, so run it offline or on a replica, not per request.
 *
 * @module
 */
import type { ItInterface } from '../catalogue/it-interface.schema.js';
import type { ItSystem } from '../catalogue/it-system.schema.js';
import type { Contract } from '../contract/contract.schema.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import {
  CONTRACT,
  DPR,
  INTERFACE,
  KLE,
  LOCAL_OPTION,
  MEMBERSHIP,
  ORGANIZATION,
  PROJECT,
  type StoredLocalOption,
  type StoredMembership,
  type StoredUnitRole,
  SYSTEM,
  UNIT,
  UNIT_ROLE,
  USAGE,
  USER,
} from '../services/kinds.js';
import { kleTreeConsistency } from '../organisation/kle.rules.js';
import type { KleTask } from '../organisation/kle.schema.js';
import type { Organization } from '../organisation/organization.schema.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import type { User } from '../organisation/user.schema.js';
import type { Project } from '../project/project.schema.js';
import type { IssueCode } from '../shared/issue-codes.js';
import type { StorageReader } from '../storage/port.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';

/** One broken invariant: which record, which field, what is wrong. */
export interface IntegrityViolation {
  readonly kind: string;
  readonly uuid: string;
  /** Field path inside the record, e.g. `general.mainContractUuid`. */
  readonly field: string;
  /**
   * Stable code from {@link ISSUE_CODES}: `reference-not-found`, `not-same-organisation`, `cycle`,
   * `duplicate`, `no-root`, `multiple-roots`, `main-contract-not-associated`, `link-not-mirrored`, or a KLE tree code.
   */
  readonly code: IssueCode;
  readonly message: string;
}

const PAGE = 5_000;

async function everything<T>(reader: StorageReader, kind: string): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const r = await reader.query<T>({ kind, offset, limit: PAGE, sort: [] });
    out.push(...r.records.map((x) => x.data));
    if (r.records.length < PAGE) return out;
  }
}

/** Walks `parentOf` upwards from each node and reports nodes in or under a cycle. */
function cyclic(nodes: readonly { uuid: string }[], parentOf: (uuid: string) => string | null | undefined): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const seen = new Set<string>();
    for (let at: string | null | undefined = n.uuid; at; at = parentOf(at)) {
      if (seen.has(at)) {
        out.push(n.uuid);
        break;
      }
      seen.add(at);
    }
  }
  return out;
}

/**
 * Checks the whole store and returns every violation found (an empty list when all is well).
 *
 * @example
 * ```ts
 * const problems = await checkPortfolioIntegrity(kitos.storage);
 * for (const p of problems) console.log(p.kind, p.uuid, p.field, p.code, p.message);
 * ```
 */
export async function checkPortfolioIntegrity(reader: StorageReader): Promise<IntegrityViolation[]> {
  const out: IntegrityViolation[] = [];
  const add = (kind: string, uuid: string, field: string, code: IssueCode, message: string) =>
    out.push({ kind, uuid, field, code, message });

  const organizations = await everything<Organization>(reader, ORGANIZATION.kind);
  const users = await everything<User>(reader, USER.kind);
  const memberships = await everything<StoredMembership>(reader, MEMBERSHIP.kind);
  const units = await everything<OrganizationUnit>(reader, UNIT.kind);
  const unitRoles = await everything<StoredUnitRole>(reader, UNIT_ROLE.kind);
  const systems = await everything<ItSystem>(reader, SYSTEM.kind);
  const interfaces = await everything<ItInterface>(reader, INTERFACE.kind);
  const usages = await everything<ItSystemUsage>(reader, USAGE.kind);
  const contracts = await everything<Contract>(reader, CONTRACT.kind);
  const dprs = await everything<DataProcessingRegistration>(reader, DPR.kind);
  const projects = await everything<Project>(reader, PROJECT.kind);
  const localOptions = await everything<StoredLocalOption>(reader, LOCAL_OPTION.kind);

  const orgOf = new Map<string, Map<string, string>>();
  const register = (kind: string, list: readonly { uuid: string; organizationUuid: string }[]) =>
    orgOf.set(kind, new Map(list.map((x) => [x.uuid, x.organizationUuid])));
  register(UNIT.kind, units);
  register(USAGE.kind, usages);
  register(CONTRACT.kind, contracts);
  register(DPR.kind, dprs);
  register(PROJECT.kind, projects);
  const orgUuids = new Set(organizations.map((o) => o.uuid));
  const userUuids = new Set(users.map((u) => u.uuid));
  const systemByUuid = new Map(systems.map((s) => [s.uuid, s]));

  /** A link from an owned record to a record of `target` kind in the same organisation. */
  const link = (kind: string, owner: { uuid: string; organizationUuid: string }, field: string, target: string) => {
    return (ref: string | null | undefined) => {
      if (!ref) return;
      const org = orgOf.get(target)?.get(ref);
      if (org === undefined)
        add(kind, owner.uuid, field, 'reference-not-found', `${field} points at a ${target} that does not exist`);
      else if (org !== owner.organizationUuid)
        add(kind, owner.uuid, field, 'not-same-organisation', `${field} points at a ${target} of another organisation`);
    };
  };
  const duplicates = <T>(
    kind: string,
    list: readonly T[],
    keyOf: (x: T) => string | null,
    uuidOf: (x: T) => string,
  ) => {
    const seen = new Map<string, string>();
    for (const x of list) {
      const key = keyOf(x);
      if (key === null) continue;
      const first = seen.get(key);
      if (first) add(kind, uuidOf(x), '', 'duplicate', `duplicates ${first}`);
      else seen.set(key, uuidOf(x));
    }
  };

  // Owning organisations exist.
  for (const [kind, list] of [
    [UNIT.kind, units],
    [USAGE.kind, usages],
    [CONTRACT.kind, contracts],
    [DPR.kind, dprs],
    [PROJECT.kind, projects],
    [MEMBERSHIP.kind, memberships],
    [UNIT_ROLE.kind, unitRoles],
    [LOCAL_OPTION.kind, localOptions],
  ] as const) {
    for (const x of list as readonly { uuid: string; organizationUuid: string }[])
      if (!orgUuids.has(x.organizationUuid))
        add(kind, x.uuid, 'organizationUuid', 'reference-not-found', 'the owning organisation does not exist');
  }

  // Unit trees: one root per organisation, parents in the organisation, no cycles.
  const unitByUuid = new Map(units.map((u) => [u.uuid, u]));
  for (const u of units) link(UNIT.kind, u, 'parentUuid', UNIT.kind)(u.parentUuid);
  for (const uuid of cyclic(units, (x) => unitByUuid.get(x)?.parentUuid))
    add(UNIT.kind, uuid, 'parentUuid', 'cycle', 'the unit is in or under a cycle of parents');
  const roots = new Map<string, number>();
  for (const u of units) if (!u.parentUuid) roots.set(u.organizationUuid, (roots.get(u.organizationUuid) ?? 0) + 1);
  for (const org of new Set(units.map((u) => u.organizationUuid)))
    if ((roots.get(org) ?? 0) !== 1)
      add(
        ORGANIZATION.kind,
        org,
        'units',
        (roots.get(org) ?? 0) === 0 ? 'no-root' : 'multiple-roots',
        `the organisation's units have ${roots.get(org) ?? 0} roots, not 1`,
      );

  // Users, memberships and unit roles.
  duplicates(
    USER.kind,
    users,
    (u) => u.email.toLowerCase(),
    (u) => u.uuid,
  );
  for (const m of memberships)
    if (!userUuids.has(m.userUuid))
      add(MEMBERSHIP.kind, m.uuid, 'userUuid', 'reference-not-found', 'the user does not exist');
  duplicates(
    MEMBERSHIP.kind,
    memberships,
    (m) => `${m.organizationUuid}|${m.userUuid}|${m.role}`,
    (m) => m.uuid,
  );
  const members = new Set(memberships.map((m) => `${m.organizationUuid}|${m.userUuid}`));
  for (const r of unitRoles) {
    link(UNIT_ROLE.kind, r, 'objectUuid', UNIT.kind)(r.objectUuid);
    if (!members.has(`${r.organizationUuid}|${r.userUuid}`))
      add(
        UNIT_ROLE.kind,
        r.uuid,
        'userUuid',
        'not-same-organisation',
        'the role holder is not a member of the organisation',
      );
  }
  duplicates(
    UNIT_ROLE.kind,
    unitRoles,
    (r) => `${r.objectUuid}|${r.roleUuid}|${r.userUuid}`,
    (r) => r.uuid,
  );
  duplicates(
    LOCAL_OPTION.kind,
    localOptions,
    (o) => `${o.organizationUuid}|${o.optionUuid}`,
    (o) => o.uuid,
  );

  // Catalogue: parents exist and form no cycles, exposing systems exist, names unique per creator.
  for (const s of systems)
    if (s.parentUuid && !systemByUuid.has(s.parentUuid))
      add(SYSTEM.kind, s.uuid, 'parentUuid', 'reference-not-found', 'the parent system does not exist');
  for (const uuid of cyclic(systems, (x) => systemByUuid.get(x)?.parentUuid))
    add(SYSTEM.kind, uuid, 'parentUuid', 'cycle', 'the system is in or under a cycle of parents');
  duplicates(
    SYSTEM.kind,
    systems,
    (s) => `${s.organizationUuid}|${s.name.toLocaleLowerCase('da')}`,
    (s) => s.uuid,
  );
  for (const i of interfaces)
    if (i.exposedBySystemUuid && !systemByUuid.has(i.exposedBySystemUuid))
      add(INTERFACE.kind, i.uuid, 'exposedBySystemUuid', 'reference-not-found', 'the exposing system does not exist');

  // Usages.
  const interfaceByUuid = new Map(interfaces.map((i) => [i.uuid, i]));
  const usageByUuid = new Map(usages.map((u) => [u.uuid, u]));
  const covering = new Map<string, Set<string>>();
  for (const c of contracts)
    for (const u of c.systemUsageUuids) covering.set(u, (covering.get(u) ?? new Set()).add(c.uuid));
  duplicates(
    USAGE.kind,
    usages,
    (u) => `${u.organizationUuid}|${u.systemUuid}`,
    (u) => u.uuid,
  );
  for (const u of usages) {
    if (!systemByUuid.has(u.systemUuid))
      add(USAGE.kind, u.uuid, 'systemUuid', 'reference-not-found', 'the system does not exist');
    link(USAGE.kind, u, 'organizationUsage.responsibleUnitUuid', UNIT.kind)(u.organizationUsage.responsibleUnitUuid);
    for (const x of u.organizationUsage.usingUnitUuids)
      link(USAGE.kind, u, 'organizationUsage.usingUnitUuids', UNIT.kind)(x);
    const main = u.general.mainContractUuid;
    link(USAGE.kind, u, 'general.mainContractUuid', CONTRACT.kind)(main);
    if (main && !covering.get(u.uuid)?.has(main))
      add(
        USAGE.kind,
        u.uuid,
        'general.mainContractUuid',
        'main-contract-not-associated',
        'the main contract does not cover the usage',
      );
    for (const r of u.outgoingSystemRelations) {
      link(USAGE.kind, u, 'outgoingSystemRelations.toUsageUuid', USAGE.kind)(r.toUsageUuid);
      link(USAGE.kind, u, 'outgoingSystemRelations.contractUuid', CONTRACT.kind)(r.contractUuid);
      const target = usageByUuid.get(r.toUsageUuid);
      const iface = r.interfaceUuid ? interfaceByUuid.get(r.interfaceUuid) : undefined;
      if (r.interfaceUuid && (!iface || !target || iface.exposedBySystemUuid !== target.systemUuid))
        add(
          USAGE.kind,
          u.uuid,
          'outgoingSystemRelations.interfaceUuid',
          'reference-not-found',
          'the interface is not exposed by the target system',
        );
    }
  }

  // Contracts.
  const contractByUuid = new Map(contracts.map((c) => [c.uuid, c]));
  duplicates(
    CONTRACT.kind,
    contracts,
    (c) => `${c.organizationUuid}|${c.name.toLocaleLowerCase('da')}`,
    (c) => c.uuid,
  );
  for (const c of contracts) {
    link(CONTRACT.kind, c, 'parentContractUuid', CONTRACT.kind)(c.parentContractUuid);
    link(CONTRACT.kind, c, 'responsible.organizationUnitUuid', UNIT.kind)(c.responsible.organizationUnitUuid);
    for (const x of c.systemUsageUuids) link(CONTRACT.kind, c, 'systemUsageUuids', USAGE.kind)(x);
    for (const x of c.dataProcessingRegistrationUuids)
      link(CONTRACT.kind, c, 'dataProcessingRegistrationUuids', DPR.kind)(x);
    for (const s of [...c.payments.external, ...c.payments.internal])
      link(CONTRACT.kind, c, 'payments.organizationUnitUuid', UNIT.kind)(s.organizationUnitUuid);
  }
  for (const uuid of cyclic(contracts, (x) => contractByUuid.get(x)?.parentContractUuid))
    add(CONTRACT.kind, uuid, 'parentContractUuid', 'cycle', 'the contract is in or under a cycle of parents');

  // Data processing registrations.
  duplicates(
    DPR.kind,
    dprs,
    (d) => `${d.organizationUuid}|${d.name.toLocaleLowerCase('da')}`,
    (d) => d.uuid,
  );
  for (const d of dprs) {
    link(DPR.kind, d, 'general.responsibleUnitUuid', UNIT.kind)(d.general.responsibleUnitUuid);
    for (const x of d.systemUsageUuids) link(DPR.kind, d, 'systemUsageUuids', USAGE.kind)(x);
    for (const x of d.contractUuids) link(DPR.kind, d, 'contractUuids', CONTRACT.kind)(x);
    const main = d.general.mainContractUuid;
    if (main && !d.contractUuids.includes(main))
      add(
        DPR.kind,
        d.uuid,
        'general.mainContractUuid',
        'main-contract-not-associated',
        'the main contract is not one of its contracts',
      );
  }

  // Two-sided links: listed on both ends.
  const dprByUuid = new Map(dprs.map((d) => [d.uuid, d]));
  for (const d of dprs)
    for (const x of d.contractUuids) {
      const c = contractByUuid.get(x);
      if (c && !c.dataProcessingRegistrationUuids.includes(d.uuid))
        add(DPR.kind, d.uuid, 'contractUuids', 'link-not-mirrored', `contract ${x} does not list the registration`);
    }
  for (const c of contracts)
    for (const x of c.dataProcessingRegistrationUuids) {
      const d = dprByUuid.get(x);
      if (d && !d.contractUuids.includes(c.uuid))
        add(
          CONTRACT.kind,
          c.uuid,
          'dataProcessingRegistrationUuids',
          'link-not-mirrored',
          `registration ${x} does not list the contract`,
        );
    }

  // Projects.
  const projectByUuid = new Map(projects.map((p) => [p.uuid, p]));
  for (const p of projects) {
    link(PROJECT.kind, p, 'parentProjectUuid', PROJECT.kind)(p.parentProjectUuid);
    link(PROJECT.kind, p, 'responsibleUnitUuid', UNIT.kind)(p.responsibleUnitUuid);
    for (const x of p.usingUnitUuids) link(PROJECT.kind, p, 'usingUnitUuids', UNIT.kind)(x);
    for (const x of p.systemUsageUuids) link(PROJECT.kind, p, 'systemUsageUuids', USAGE.kind)(x);
    for (const x of p.contractUuids) link(PROJECT.kind, p, 'contractUuids', CONTRACT.kind)(x);
  }
  for (const uuid of cyclic(projects, (x) => projectByUuid.get(x)?.parentProjectUuid))
    add(PROJECT.kind, uuid, 'parentProjectUuid', 'cycle', 'the project is in or under a cycle of parents');

  // The KLE tree: unique keys, types that match the keys, parents one level up.
  const kle = kleTreeConsistency(await everything<KleTask>(reader, KLE.kind));
  if (!kle.ok)
    for (const v of kle.violations)
      add(KLE.kind, String(v.context?.uuid ?? ''), v.path?.join('.') ?? 'taskKey', v.code, v.message);
  return out;
}
