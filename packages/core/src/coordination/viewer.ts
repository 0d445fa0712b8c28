/**
 * One reader's view of the {@link CoordinationData}: which organisations and catalogue entries
 * the reader may name, and each record through the sharing rules. The coordination reads take
 * records only from here.
 *
 * @module
 */
import type { ActorContext } from '../access/actor.js';
import { canRead } from '../access/policy.js';
import type { CoordinationData, InterfaceFacts, OrganizationFacts, SystemFacts } from './data.js';
import {
  type ContractFacts,
  type ProjectFacts,
  privilegedFor,
  type SharedContract,
  type SharedProject,
  type SharedUsage,
  shareContract,
  shareProject,
  shareUsage,
  type UsageFacts,
  usageSharedFields,
} from './sharing.rules.js';
import { defaultSharing, type SharingSettingFields, type UsageSharedField } from './sharing.schema.js';

/** A named reference to an organisation or a catalogue entry. */
export interface NamedRef {
  readonly uuid: string;
  readonly name: string;
}

/** The reader's view. */
export interface Viewer {
  readonly actor: ActorContext;
  readonly data: CoordinationData;
  setting(organizationUuid: string): SharingSettingFields;
  /** The organisation, if the reader may see it (its own, or a `Public` one). */
  organization(uuid: string): NamedRef | undefined;
  /** The catalogue system, if the reader may see it. */
  system(uuid: string): SystemFacts | undefined;
  /** The catalogue system as a named reference, if the reader may see it (one object per read). */
  systemRef(uuid: string): NamedRef | undefined;
  /** The catalogue interface, if the reader may see it. */
  catalogueInterface(i: InterfaceFacts): boolean;
  /** Whether the reader reads the organisation's records whole ({@link privilegedFor}). */
  privileged(organizationUuid: string): boolean;
  usage(u: UsageFacts): SharedUsage;
  /** Whether the reader may see this detail of the usage (what {@link Viewer.usage} would show). */
  usageShares(u: UsageFacts, field: UsageSharedField): boolean;
  contract(c: ContractFacts): SharedContract | null;
  project(p: ProjectFacts): SharedProject | null;
}

const orgFacts = (o: OrganizationFacts) => ({
  kind: 'organization' as const,
  uuid: o.uuid,
  organizationUuid: o.uuid,
  accessModifier: o.accessModifier,
});

/** Each contract's view for readers outside its owner, while its owner's setting is the same. */
const publicViews = new WeakMap<ContractFacts, { setting: SharingSettingFields; view: SharedContract | null }>();

/** Freezes a view and everything in it (it is handed to every reader outside the owner). */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * A contract as every reader outside its owner (and not privileged for it) sees it: the same for
 * all of them, so it is made once per contract facts and setting and shared, frozen, between reads
 * (a radar over a busy supplier shows thousands; making them per read is most of its work).
 */
function publicView(c: ContractFacts, setting: SharingSettingFields): SharedContract | null {
  const known = publicViews.get(c);
  if (known?.setting === setting) return known.view;
  const view = frozen(shareContract(c, setting, false));
  publicViews.set(c, { setting, view });
  return view;
}

/**
 * The view of one reader.
 *
 * @example
 * ```ts
 * const v = viewerOf(actorContext, data);
 * v.contract(facts); // null unless shared with the reader (or the reader's own)
 * ```
 */
export function viewerOf(actor: ActorContext, data: CoordinationData): Viewer {
  const privileged = new Map<string, boolean>();
  const setting = (org: string) => data.settings.get(org) ?? defaultSharing(org);
  const contracts = new Map<ContractFacts, SharedContract | null>();
  const organizations = new Map<string, NamedRef | undefined>();
  const systems = new Map<string, SystemFacts | undefined>();
  const systemRefs = new Map<string, NamedRef | null>();
  const isPrivileged = (org: string) => {
    let p = privileged.get(org);
    if (p === undefined) {
      p = privilegedFor(actor, org, setting(org));
      privileged.set(org, p);
    }
    return p;
  };
  const system = (uuid: string): SystemFacts | undefined => {
    if (systems.has(uuid)) return systems.get(uuid);
    const s = data.systems.get(uuid);
    const seen =
      s &&
      canRead(actor, {
        kind: 'itSystem',
        uuid: s.uuid,
        organizationUuid: s.organizationUuid,
        accessModifier: s.accessModifier,
        rightsHolderUuid: s.rightsHolderUuid,
      })
        ? s
        : undefined;
    systems.set(uuid, seen);
    return seen;
  };
  return {
    actor,
    data,
    setting,
    organization: (uuid) => {
      // Judged once per read: a radar or a catalogue page asks about the same few many times.
      if (organizations.has(uuid)) return organizations.get(uuid);
      const o = data.organizations.get(uuid);
      const ref = o && canRead(actor, orgFacts(o)) ? { uuid: o.uuid, name: o.name } : undefined;
      organizations.set(uuid, ref);
      return ref;
    },
    system,
    systemRef: (uuid) => {
      let ref = systemRefs.get(uuid);
      if (ref === undefined) {
        const s = system(uuid);
        ref = s ? { uuid: s.uuid, name: s.name } : null;
        systemRefs.set(uuid, ref);
      }
      return ref ?? undefined;
    },
    catalogueInterface: (i) =>
      canRead(actor, {
        kind: 'itInterface',
        uuid: i.uuid,
        organizationUuid: i.organizationUuid,
        accessModifier: i.accessModifier,
        rightsHolderUuid: i.exposedBySystemUuid
          ? (data.systems.get(i.exposedBySystemUuid)?.rightsHolderUuid ?? null)
          : null,
      }),
    privileged: isPrivileged,
    usage: (u) => shareUsage(u, setting(u.organizationUuid), isPrivileged(u.organizationUuid)),
    usageShares: (u, field) =>
      usageSharedFields(u, setting(u.organizationUuid), isPrivileged(u.organizationUuid)).includes(field),
    contract: (c) => {
      // A read asks for the same contract's view more than once (filter, then show): judge it once.
      if (contracts.has(c)) return contracts.get(c) ?? null;
      const s = setting(c.organizationUuid);
      const view = isPrivileged(c.organizationUuid) ? shareContract(c, s, true) : publicView(c, s);
      contracts.set(c, view);
      return view;
    },
    project: (p) => shareProject(p, setting(p.organizationUuid), actor),
  };
}
