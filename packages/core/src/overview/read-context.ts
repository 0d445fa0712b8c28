/**
 * What the read models of one organisation look things up in: its units, contracts (with their
 * validity and deadlines computed once) and registrations, and the names of the shared records
 * its rows mention (systems, organisations, users, options, KLE tasks). Built from loaded records
 * by {@link readContext}; the overview service loads only what the organisation's records refer to.
 *
 * @module
 */
import type { ItSystem } from '../catalogue/it-system.schema.js';
import { type ContractValidity, contractValidities } from '../contract/contract.rules.js';
import type { Contract } from '../contract/contract.schema.js';
import { type ContractDeadlines, contractDeadlines } from '../contract/deadlines.rules.js';
import { kitosNoticePeriodMonths } from '../contract/notice-period.rules.js';
import { contractTermsOf } from '../contract/terms.rules.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import type { KleTask } from '../organisation/kle.schema.js';
import { unitPath } from '../organisation/unit-tree.rules.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import type { IsoDate } from '../shared/dates.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import type { EntityRef, RoleHolder, UnitRef } from './refs.js';

/** The records a read context is built from. */
export interface ReadRecords {
  readonly today: IsoDate;
  readonly organizationUuid: string;
  readonly units: readonly OrganizationUnit[];
  readonly contracts: readonly Contract[];
  readonly usages: readonly ItSystemUsage[];
  readonly registrations: readonly DataProcessingRegistration[];
  readonly systems: readonly ItSystem[];
  readonly organizations: readonly { uuid: string; name: string }[];
  readonly users: readonly { uuid: string; firstName: string; lastName: string; email: string }[];
  readonly options: readonly { uuid: string; name: string }[];
  readonly kle: readonly Pick<KleTask, 'uuid' | 'taskKey' | 'description'>[];
}

/** Look-ups for the read models of one organisation on one day. */
export interface ReadContext {
  readonly today: IsoDate;
  readonly organizationUuid: string;
  readonly units: readonly OrganizationUnit[];
  readonly contracts: readonly Contract[];
  readonly usages: readonly ItSystemUsage[];
  readonly registrations: readonly DataProcessingRegistration[];
  /** A unit as a reference (its own name, never a path). */
  unit(uuid: string | null | undefined): UnitRef | null;
  /** 'Root / … / Unit' of a unit, for a grid cell. */
  unitPath(uuid: string | null | undefined): string | null;
  optionName(uuid: string | null | undefined): string | null;
  organizationName(uuid: string | null | undefined): string | null;
  system(uuid: string | null | undefined): ItSystem | undefined;
  /** `00.03.01 Description` of a KLE task. */
  kleText(uuid: string): string | null;
  contract(uuid: string | null | undefined): Contract | undefined;
  usageName(uuid: string): EntityRef;
  contractValidity(uuid: string): ContractValidity | undefined;
  deadlines(contract: Contract): ContractDeadlines;
  /** Role holders of an entity's role assignments, with the role's name. */
  roleHolders(roles: readonly { roleUuid: string; userUuid: string }[]): RoleHolder[];
  /** The registrations that cover a usage. */
  registrationsOf(usageUuid: string): readonly DataProcessingRegistration[];
  /** The contracts that cover a usage. */
  contractsOf(usageUuid: string): readonly Contract[];
}

/**
 * Builds the look-ups from loaded records; deadlines and validity are computed once per contract
 * (and taken over from `previous` when it was built from the same contracts, options and day).
 *
 * @example
 * ```ts
 * const ctx = readContext({ today, organizationUuid, units, contracts, usages: [], registrations: [],
 *   systems: [], organizations: [], users: [], options: [], kle: [] });
 * ctx.unit(unitUuid); // { uuid, name }
 * ```
 */
/** What a context computed from its contracts, reused by a context built from the same contracts. */
interface ContractFacts {
  readonly contracts: readonly Contract[];
  readonly options: readonly { uuid: string; name: string }[];
  readonly today: IsoDate;
  readonly validity: ReadonlyMap<string, ContractValidity>;
  readonly deadlines: Map<string, ContractDeadlines>;
}
const contractFacts = new WeakMap<ReadContext, ContractFacts>();

export function readContext(r: ReadRecords, previous?: ReadContext): ReadContext {
  const byUuid = <T extends { uuid: string }>(list: readonly T[]) => new Map(list.map((x) => [x.uuid, x]));
  const units = byUuid(r.units);
  const options = new Map(r.options.map((o) => [o.uuid, o.name]));
  const orgs = new Map(r.organizations.map((o) => [o.uuid, o.name]));
  const users = byUuid(r.users);
  const systems = byUuid(r.systems);
  const kle = byUuid(r.kle);
  const contracts = byUuid(r.contracts);
  const usages = byUuid(r.usages);
  const optionName = (uuid: string | null | undefined) => (uuid ? (options.get(uuid) ?? null) : null);
  // Validity and deadlines depend on the contracts, the option names and the day only: a context
  // rebuilt after other records changed (an overview brought up to date) keeps them.
  const before = previous ? contractFacts.get(previous) : undefined;
  const same = before?.contracts === r.contracts && before.options === r.options && before.today === r.today;
  const validity =
    same && before
      ? before.validity
      : contractValidities(r.contracts, {
          today: r.today,
          noticePeriodMonthsOf: (c) => kitosNoticePeriodMonths(optionName(c.termination.terms.noticePeriodMonthsUuid)),
        });
  const deadlines = same && before ? before.deadlines : new Map<string, ContractDeadlines>();
  const paths = new Map<string, string>();
  const covering = new Map<string, Contract[]>();
  for (const c of r.contracts) for (const u of c.systemUsageUuids) covering.set(u, [...(covering.get(u) ?? []), c]);
  const registered = new Map<string, DataProcessingRegistration[]>();
  for (const d of r.registrations)
    for (const u of d.systemUsageUuids) registered.set(u, [...(registered.get(u) ?? []), d]);
  const ctx: ReadContext = {
    today: r.today,
    organizationUuid: r.organizationUuid,
    units: r.units,
    contracts: r.contracts,
    usages: r.usages,
    registrations: r.registrations,
    unit: (uuid) => {
      const u = uuid ? units.get(uuid) : undefined;
      return u ? { uuid: u.uuid, name: u.name } : null;
    },
    unitPath: (uuid) => {
      if (!uuid || !units.has(uuid)) return null;
      let p = paths.get(uuid);
      if (p === undefined) {
        p = unitPath(r.units, uuid).join(' / ');
        paths.set(uuid, p);
      }
      return p;
    },
    optionName,
    organizationName: (uuid) => (uuid ? (orgs.get(uuid) ?? null) : null),
    system: (uuid) => (uuid ? systems.get(uuid) : undefined),
    kleText: (uuid) => {
      const t = kle.get(uuid);
      return t ? `${t.taskKey} ${t.description}` : null;
    },
    contract: (uuid) => (uuid ? contracts.get(uuid) : undefined),
    usageName: (uuid) => {
      const u = usages.get(uuid);
      const system = u ? systems.get(u.systemUuid) : undefined;
      return { uuid, name: u?.general.localCallName ?? system?.name ?? uuid };
    },
    contractValidity: (uuid) => validity.get(uuid),
    deadlines: (c) => {
      let d = deadlines.get(c.uuid);
      if (!d) {
        const terms = contractTermsOf(c, {
          noticePeriodOptionName: optionName(c.termination.terms.noticePeriodMonthsUuid),
          extensionOptionName: optionName(c.agreementPeriod.extensionOptionsUuid),
        });
        d = contractDeadlines(terms, { today: r.today });
        deadlines.set(c.uuid, d);
      }
      return d;
    },
    roleHolders: (roles) =>
      roles.map((x) => {
        const user = users.get(x.userUuid);
        return {
          roleUuid: x.roleUuid,
          role: optionName(x.roleUuid) ?? x.roleUuid,
          userUuid: x.userUuid,
          user: user ? `${user.firstName} ${user.lastName}`.trim() : x.userUuid,
          email: user?.email ?? null,
        };
      }),
    registrationsOf: (uuid) => registered.get(uuid) ?? [],
    contractsOf: (uuid) => covering.get(uuid) ?? [],
  };
  contractFacts.set(ctx, { contracts: r.contracts, options: r.options, today: r.today, validity, deadlines });
  return ctx;
}
