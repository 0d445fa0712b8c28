/**
 * Who is calling: the facts about an actor that permission checks need, resolved from storage by
 * the services (never taken from the caller, who only says which user it is).
 *
 * @module
 */
import type { OrganizationRole } from '../organisation/membership.schema.js';

/** The caller of a service method: just the user's uuid. The services look up everything else. */
export interface Actor {
  readonly userUuid: string;
}

/** Everything the permission rules know about an actor. Build it with {@link actorContext}. */
export interface ActorContext {
  readonly userUuid: string;
  readonly isGlobalAdmin: boolean;
  /** "Interessentadgang": reads all catalogue systems and interfaces, and public data everywhere. */
  readonly hasStakeHolderAccess: boolean;
  /** May edit the legal ("DBS") properties of catalogue systems. */
  readonly isSystemIntegrator: boolean;
  /** Organisation uuid → the actor's roles there (a plain member has `User`). */
  readonly roles: ReadonlyMap<string, ReadonlySet<OrganizationRole>>;
  /** True when the actor is a member of at least one municipality-category organisation. */
  readonly municipalityMember: boolean;
  /** Objects on which the actor holds a role with write access (unit roles already inherited down the tree). */
  readonly writableObjects: ReadonlySet<string>;
  /**
   * Interest communities (Interessefællesskab) that one of the actor's organisations is a member
   * of: the actor reads the projects such a community owns or takes part in.
   */
  readonly communityUuids?: ReadonlySet<string>;
}

/** Input of {@link actorContext}. */
export interface ActorFacts {
  readonly userUuid: string;
  readonly isGlobalAdmin?: boolean;
  readonly hasStakeHolderAccess?: boolean;
  readonly isSystemIntegrator?: boolean;
  readonly memberships?: readonly { organizationUuid: string; role: OrganizationRole }[];
  /** Organisation uuids of the municipality category (Kommune, Interessefællesskab) among the actor's. */
  readonly municipalityOrganizationUuids?: readonly string[];
  readonly writableObjects?: Iterable<string>;
  /** Interest communities one of the actor's organisations is a member of. */
  readonly communityUuids?: Iterable<string>;
}

/**
 * Builds an {@link ActorContext} from plain facts.
 *
 * @example
 * ```ts
 * const ctx = actorContext({
 *   userUuid: anna,
 *   memberships: [{ organizationUuid: aarhus, role: 'User' }, { organizationUuid: aarhus, role: 'ContractModuleAdmin' }],
 *   municipalityOrganizationUuids: [aarhus],
 * });
 * ```
 */
export function actorContext(facts: ActorFacts): ActorContext {
  const roles = new Map<string, Set<OrganizationRole>>();
  for (const m of facts.memberships ?? []) {
    const set = roles.get(m.organizationUuid) ?? new Set<OrganizationRole>();
    set.add(m.role);
    roles.set(m.organizationUuid, set);
  }
  const municipal = new Set(facts.municipalityOrganizationUuids ?? []);
  return {
    userUuid: facts.userUuid,
    isGlobalAdmin: facts.isGlobalAdmin ?? false,
    hasStakeHolderAccess: facts.hasStakeHolderAccess ?? false,
    isSystemIntegrator: facts.isSystemIntegrator ?? false,
    roles,
    municipalityMember: [...roles.keys()].some((org) => municipal.has(org)),
    writableObjects: new Set(facts.writableObjects ?? []),
    communityUuids: new Set(facts.communityUuids ?? []),
  };
}

/** True when the actor has any role (is a member) in the organisation. */
export function isMemberOf(ctx: ActorContext, organizationUuid: string | null): boolean {
  return organizationUuid !== null && ctx.roles.has(organizationUuid);
}

/**
 * True when one of the actor's organisations is a member of the interest community.
 *
 * @example
 * ```ts
 * inCommunity(actorContext({ userUuid, memberships, communityUuids: [community] }), community); // true
 * ```
 */
export function inCommunity(ctx: ActorContext, communityUuid: string | null): boolean {
  return communityUuid !== null && (ctx.communityUuids?.has(communityUuid) ?? false);
}

/** True when the actor holds `role` in the organisation. */
export function hasRole(ctx: ActorContext, organizationUuid: string | null, role: OrganizationRole): boolean {
  return organizationUuid !== null && (ctx.roles.get(organizationUuid)?.has(role) ?? false);
}

/** Organisations in which the actor holds `role`. */
export function organizationsWithRole(ctx: ActorContext, role: OrganizationRole): string[] {
  return [...ctx.roles].filter(([, set]) => set.has(role)).map(([org]) => org);
}
