/**
 * The sharing rules, in one place: from everything known about a usage, contract or project and
 * its owner's {@link SharingSettingFields}, the view another organisation gets. Every
 * cross-municipality read (catalogue, who uses what, radar, landscapes) builds its records with
 * these functions only, so a detail the owner did not share can never reach another organisation;
 * a property test feeds them marked values and checks that no unshared mark comes out.
 *
 * @module
 */
import type { ActorContext } from '../access/actor.js';
import { canRead } from '../access/policy.js';
import type { IsoDate } from '../shared/dates.js';
import type { AccessModifier } from '../shared/enums.js';
import type { RuleViolation } from '../shared/result.js';
import type {
  ContractSharedField,
  ProjectSharedField,
  SharingSettingFields,
  UsageSharedField,
} from './sharing.schema.js';

/** A person to contact: a holder of the owner's chosen contact role. */
export interface Contact {
  readonly name: string;
  readonly email: string | null;
}

/** Everything the coordination reads know about one usage (never returned as such). */
export interface UsageFacts {
  readonly uuid: string;
  readonly organizationUuid: string;
  readonly systemUuid: string;
  readonly responsibleUnitName: string | null;
  /** Role holders: role option uuid with the person. */
  readonly roles: readonly { readonly roleUuid: string; readonly contact: Contact }[];
  readonly lifeCycleStatus: string | null;
  /** Interfaces the usage's outgoing relations use. */
  readonly interfaceUuids: readonly string[];
}

/** What another organisation sees of a usage: always who uses which system, the rest as shared. */
export interface SharedUsage {
  readonly organizationUuid: string;
  readonly systemUuid: string;
  /** Which details are present (the rest are absent, not empty). */
  readonly shared: readonly UsageSharedField[];
  readonly responsibleUnit?: string | null;
  readonly contacts?: readonly Contact[];
  readonly lifeCycleStatus?: string | null;
  readonly interfaceUuids?: readonly string[];
}

/** The deadline dates of a contract the radar looks at, from the deadline engine. */
export interface ContractEndDates {
  readonly expiry: IsoDate | null;
  /** Earliest last day if notice were given now (`nextPossibleTermination`). */
  readonly earliestEnd: IsoDate | null;
  readonly tenderStart: IsoDate | null;
}

/** Everything the coordination reads know about one contract (never returned as such). */
export interface ContractFacts {
  readonly uuid: string;
  readonly organizationUuid: string;
  readonly name: string;
  /** Catalogue systems of the usages the contract covers. */
  readonly systemUuids: readonly string[];
  readonly supplierUuid: string | null;
  readonly supplierName: string | null;
  readonly dates: ContractEndDates;
  readonly procurementStrategy: string | null;
  readonly purchaseType: string | null;
  readonly roles: readonly { readonly roleUuid: string; readonly contact: Contact }[];
}

/** A deadline as shared: its kind and the quarter it falls in, never the day. */
export interface SharedDeadline {
  readonly kind: keyof ContractEndDates;
  /** `YYYY-Qn`. */
  readonly quarter: string;
}

/** What another organisation sees of a contract it may see at all. */
export interface SharedContract {
  readonly uuid: string;
  readonly organizationUuid: string;
  readonly systemUuids: readonly string[];
  readonly shared: readonly ContractSharedField[];
  /** Only to the owner's own members. */
  readonly name?: string;
  readonly supplier?: { readonly uuid: string; readonly name: string } | null;
  readonly deadlines?: readonly SharedDeadline[];
  readonly procurementForm?: { readonly strategy: string | null; readonly purchaseType: string | null };
  readonly contacts?: readonly Contact[];
}

/** An organisation taking part in a project, with its role (see `project-participation.rules`). */
export interface ProjectParticipantFacts {
  readonly organizationUuid: string;
  readonly role: 'lead' | 'partner' | 'observer';
}

/** Everything the coordination reads know about one project. */
export interface ProjectFacts {
  readonly uuid: string;
  readonly organizationUuid: string;
  readonly jointOrganizationUuids: readonly string[];
  /** The organisations taking part besides the owner, with their roles. */
  readonly participants: readonly ProjectParticipantFacts[];
  readonly name: string;
  readonly systemUuids: readonly string[];
  readonly phase: { readonly number: number; readonly name: string } | null;
  readonly timeline: readonly { readonly name: string; readonly start: IsoDate | null; readonly end: IsoDate | null }[];
}

/** What another organisation sees of a project it may see at all. */
export interface SharedProject {
  readonly uuid: string;
  readonly organizationUuid: string;
  readonly name: string;
  readonly systemUuids: readonly string[];
  readonly shared: readonly ProjectSharedField[];
  readonly phase?: { readonly number: number; readonly name: string } | null;
  readonly timeline?: ProjectFacts['timeline'];
  /** The organisations taking part besides the owner, with their roles. */
  readonly participants?: readonly ProjectParticipantFacts[];
}

/**
 * The scope of one record: its exception if the owner made one, else its kind's scope.
 *
 * @example
 * ```ts
 * recordScope(setting, 'contracts', contractUuid); // 'Local' unless shared
 * ```
 */
export function recordScope(
  setting: SharingSettingFields,
  kind: 'usages' | 'contracts' | 'projects',
  uuid: string,
): AccessModifier {
  return setting.exceptions.find((e) => e.uuid === uuid)?.scope ?? setting[kind].scope;
}

/**
 * Whether the viewer reads the organisation's private records anyway (its members, global
 * admins): the permission model's answer for a contract of that organisation.
 */
export function readsPrivately(viewer: ActorContext, organizationUuid: string): boolean {
  return canRead(viewer, { kind: 'itContract', uuid: '', organizationUuid });
}

/**
 * Whether the viewer reads an organisation's records whole: its members and global admins, and
 * the people of the member organisations of an interest community (the community's setting lists
 * them).
 *
 * @example
 * ```ts
 * privilegedFor(viewer, community, communitySetting); // true for people of its member municipalities
 * ```
 */
export function privilegedFor(
  viewer: ActorContext,
  organizationUuid: string,
  setting: Pick<SharingSettingFields, 'communityMembers'>,
): boolean {
  return readsPrivately(viewer, organizationUuid) || setting.communityMembers.some((m) => viewer.roles.has(m));
}

/**
 * Who may use the coordination reads at all: global admins, stakeholders and members of a
 * municipality-category organisation (KITOS's rule for reading other organisations' public data).
 */
export function mayCoordinate(viewer: ActorContext): boolean {
  return viewer.isGlobalAdmin || viewer.hasStakeHolderAccess || viewer.municipalityMember;
}

const contactsOf = (roles: UsageFacts['roles'], roleUuid: string | null): Contact[] =>
  roleUuid === null ? [] : roles.filter((r) => r.roleUuid === roleUuid).map((r) => ({ ...r.contact }));

const ALL_USAGE_FIELDS: readonly UsageSharedField[] = ['responsibleUnit', 'contact', 'lifeCycleStatus', 'interfaces'];
const NO_FIELDS: readonly never[] = [];

/**
 * Which details of a usage the viewer may see: all of them when privileged, else the setting's
 * fields when the usage's scope (its exception, or the setting's) is `Public`, else none.
 *
 * @example
 * ```ts
 * usageSharedFields(facts, setting, false).includes('interfaces'); // may the reader see what it consumes?
 * ```
 */
export function usageSharedFields(
  facts: Pick<UsageFacts, 'uuid'>,
  setting: SharingSettingFields,
  privileged: boolean,
): readonly UsageSharedField[] {
  if (privileged) return ALL_USAGE_FIELDS;
  return recordScope(setting, 'usages', facts.uuid) === 'Public' ? setting.usages.fields : NO_FIELDS;
}

/**
 * A usage as the viewer may see it.
 *
 * @example
 * ```ts
 * shareUsage(facts, defaultSharing(owner), false); // { organizationUuid, systemUuid, shared: [] }
 * ```
 */
export function shareUsage(facts: UsageFacts, setting: SharingSettingFields, privileged: boolean): SharedUsage {
  const { organizationUuid, systemUuid } = facts;
  const fields = usageSharedFields(facts, setting, privileged);
  const has = (f: UsageSharedField) => fields.includes(f);
  return {
    organizationUuid,
    systemUuid,
    shared: [...fields],
    ...(has('responsibleUnit') && { responsibleUnit: facts.responsibleUnitName }),
    ...(has('contact') && { contacts: contactsOf(facts.roles, setting.usages.contactRoleUuid) }),
    ...(has('lifeCycleStatus') && { lifeCycleStatus: facts.lifeCycleStatus }),
    ...(has('interfaces') && { interfaceUuids: [...facts.interfaceUuids] }),
  };
}

/**
 * The calendar quarter of a day, `YYYY-Qn`.
 *
 * @example
 * ```ts
 * quarterOf('2026-08-31'); // '2026-Q3'
 * ```
 */
export function quarterOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The contract's end dates as quarters. */
function deadlineQuarters(dates: ContractEndDates): SharedDeadline[] {
  const out: SharedDeadline[] = [];
  for (const kind of ['expiry', 'earliestEnd', 'tenderStart'] as const) {
    const d = dates[kind];
    if (d) out.push({ kind, quarter: quarterOf(d) });
  }
  return out;
}

/**
 * A contract as the viewer may see it, or `null` when it is `Local` to someone outside its owner.
 *
 * @example
 * ```ts
 * shareContract(facts, { ...setting, contracts: { scope: 'Public', fields: ['supplier'], contactRoleUuid: null } }, false);
 * // { uuid, organizationUuid, systemUuids, shared: ['supplier'], supplier: { uuid, name } }
 * ```
 */
export function shareContract(
  facts: ContractFacts,
  setting: SharingSettingFields,
  privileged: boolean,
): SharedContract | null {
  if (!privileged && recordScope(setting, 'contracts', facts.uuid) !== 'Public') return null;
  const fields: readonly ContractSharedField[] = privileged
    ? ['supplier', 'endQuarter', 'procurementForm', 'contact']
    : setting.contracts.fields;
  const has = (f: ContractSharedField) => fields.includes(f);
  const supplier =
    facts.supplierUuid === null ? null : { uuid: facts.supplierUuid, name: facts.supplierName ?? facts.supplierUuid };
  return {
    uuid: facts.uuid,
    organizationUuid: facts.organizationUuid,
    systemUuids: [...facts.systemUuids],
    shared: [...fields],
    ...(privileged && { name: facts.name }),
    ...(has('supplier') && { supplier }),
    ...(has('endQuarter') && { deadlines: deadlineQuarters(facts.dates) }),
    ...(has('procurementForm') && {
      procurementForm: { strategy: facts.procurementStrategy, purchaseType: facts.purchaseType },
    }),
    ...(has('contact') && { contacts: contactsOf(facts.roles, setting.contracts.contactRoleUuid) }),
  };
}

/**
 * A project as the viewer may see it, or `null` when it is `Local` to someone outside its owner
 * and its partners. A partner of a joint project (and a community member) sees it whole.
 */
export function shareProject(
  facts: ProjectFacts,
  setting: SharingSettingFields,
  viewer: ActorContext,
): SharedProject | null {
  const privileged =
    privilegedFor(viewer, facts.organizationUuid, setting) ||
    canRead(viewer, {
      kind: 'project',
      uuid: facts.uuid,
      organizationUuid: facts.organizationUuid,
      jointOrganizationUuids: facts.jointOrganizationUuids,
    });
  if (!privileged && recordScope(setting, 'projects', facts.uuid) !== 'Public') return null;
  const fields: readonly ProjectSharedField[] = privileged
    ? ['phase', 'timeline', 'participants']
    : setting.projects.fields;
  return {
    uuid: facts.uuid,
    organizationUuid: facts.organizationUuid,
    name: facts.name,
    systemUuids: [...facts.systemUuids],
    shared: [...fields],
    ...(fields.includes('phase') && { phase: facts.phase }),
    ...(fields.includes('timeline') && { timeline: facts.timeline.map((t) => ({ ...t })) }),
    ...(fields.includes('participants') && { participants: facts.participants.map((x) => ({ ...x })) }),
  };
}

/**
 * Problems with a sharing setting beyond its shape: contacts are shared only with a contact role.
 *
 * @example
 * ```ts
 * sharingIssues({ ...defaultSharing(org), usages: { scope: 'Public', fields: ['contact'], contactRoleUuid: null } });
 * // [{ code: 'contact-role-missing', path: ['usages', 'contactRoleUuid'], … }]
 * ```
 */
export function sharingIssues(setting: SharingSettingFields): RuleViolation[] {
  const issues: RuleViolation[] = [];
  for (const kind of ['usages', 'contracts'] as const) {
    const part = setting[kind];
    if ((part.fields as readonly string[]).includes('contact') && part.contactRoleUuid === null)
      issues.push({
        code: 'contact-role-missing',
        path: [kind, 'contactRoleUuid'],
        message: `${kind}: choose the contact role before sharing contacts`,
      });
  }
  const seen = new Set<string>();
  setting.exceptions.forEach((e, i) => {
    if (seen.has(e.uuid))
      issues.push({ code: 'duplicate', path: ['exceptions', i, 'uuid'], message: `${e.uuid} is listed twice` });
    seen.add(e.uuid);
  });
  return issues;
}
