/**
 * The permission model of KITOS (global admin, local admin, module admins, plain members,
 * rights-holder and stakeholder access, per-object write roles) as pure functions.
 *
 * Decisions beyond KITOS: projects (removed from KITOS) are modified by local admins and by system
 * or contract module admins; joint projects are readable by members of every participating
 * organisation, and the projects an interest community owns or takes part in by the people of its
 * member organisations.
 *
 * @module
 */
import type { OrganizationRole } from '../organisation/membership.schema.js';
import type { Filter } from '../storage/port.js';
import { type ActorContext, hasRole, inCommunity, isMemberOf, organizationsWithRole } from './actor.js';

/** Kinds of entity the permission rules know. */
export type ProtectedKind =
  | 'organization'
  | 'organizationUnit'
  | 'user'
  | 'membership'
  | 'roleAssignment'
  | 'itSystem'
  | 'itInterface'
  | 'itSystemUsage'
  | 'itContract'
  | 'dataProcessingRegistration'
  | 'project'
  | 'sharingSetting'
  | 'architectureElement'
  | 'globalOption'
  | 'localOption'
  | 'kle'
  | 'notification';

/** The facts about an entity that decide who may see and change it. */
export interface ProtectedEntity {
  readonly kind: ProtectedKind;
  readonly uuid: string;
  /** Owning (or, for catalogue entries, creating) organisation; `null` for global data. */
  readonly organizationUuid: string | null;
  /** Catalogue entries and organisations only. */
  readonly accessModifier?: 'Local' | 'Public';
  /** Catalogue entries: the rights holder organisation (an interface's is its exposing system's). */
  readonly rightsHolderUuid?: string | null;
  /** Projects: the participating organisations of a joint project. */
  readonly jointOrganizationUuids?: readonly string[];
  /** Users: the organisations the user is a member of. */
  readonly memberOfOrganizationUuids?: readonly string[];
  /** Users: whether the user is a global admin (whose identity only global admins touch). */
  readonly isGlobalAdmin?: boolean;
}

/** What an actor may do with one entity (KITOS's `…/permissions` probe). */
export interface Permissions {
  readonly read: boolean;
  readonly modify: boolean;
  readonly delete: boolean;
}

/** The module-admin roles that grant write access to each kind (besides LocalAdmin). */
const MODULE_ADMINS: Record<ProtectedKind, readonly OrganizationRole[]> = {
  organization: [],
  organizationUnit: ['OrganizationModuleAdmin'],
  user: ['OrganizationModuleAdmin'],
  membership: ['OrganizationModuleAdmin'],
  roleAssignment: ['OrganizationModuleAdmin', 'SystemModuleAdmin', 'ContractModuleAdmin'],
  itSystem: ['SystemModuleAdmin'],
  itInterface: ['SystemModuleAdmin'],
  itSystemUsage: ['SystemModuleAdmin'],
  itContract: ['ContractModuleAdmin'],
  dataProcessingRegistration: ['SystemModuleAdmin', 'ContractModuleAdmin'],
  project: ['SystemModuleAdmin', 'ContractModuleAdmin'],
  // Only the organisation's own administrator decides what it shares.
  sharingSetting: [],
  architectureElement: [],
  globalOption: [],
  localOption: [],
  kle: [],
  // Reminder rules and manual advis: whoever administers the records they remind about.
  notification: ['SystemModuleAdmin', 'ContractModuleAdmin'],
};

// Read by everyone, changed by global admins only.
const GLOBAL_REFERENCE: ReadonlySet<ProtectedKind> = new Set(['globalOption', 'kle', 'architectureElement']);
const CATALOGUE: ReadonlySet<ProtectedKind> = new Set(['itSystem', 'itInterface']);

function isRightsHolder(ctx: ActorContext, e: ProtectedEntity): boolean {
  return CATALOGUE.has(e.kind) && !!e.rightsHolderUuid && hasRole(ctx, e.rightsHolderUuid, 'RightsHolderAccess');
}

/**
 * Whether the actor's organisation roles let them write records of the kind in the organisation:
 * LocalAdmin, or the module admin role that matches the kind.
 *
 * @example
 * ```ts
 * hasModuleWrite(ctx, { kind: 'itContract', uuid: '', organizationUuid: aarhus }); // LocalAdmin or ContractModuleAdmin
 * ```
 */
export function hasModuleWrite(ctx: ActorContext, e: ProtectedEntity): boolean {
  if (hasRole(ctx, e.organizationUuid, 'LocalAdmin')) return true;
  return MODULE_ADMINS[e.kind].some((role) => hasRole(ctx, e.organizationUuid, role));
}

/**
 * May the actor read the entity?
 *
 * @example
 * ```ts
 * canRead(ctx, { kind: 'itContract', uuid, organizationUuid: aarhus }); // only members of Aarhus (or global admins)
 * ```
 */
export function canRead(ctx: ActorContext, e: ProtectedEntity): boolean {
  if (ctx.isGlobalAdmin || GLOBAL_REFERENCE.has(e.kind)) return true;
  if (isMemberOf(ctx, e.organizationUuid)) return true;
  switch (e.kind) {
    case 'itSystem':
    case 'itInterface':
      if (ctx.hasStakeHolderAccess || isRightsHolder(ctx, e)) return true;
      return e.accessModifier === 'Public' && ctx.municipalityMember;
    case 'organization':
      if (e.uuid && isMemberOf(ctx, e.uuid)) return true;
      return e.accessModifier === 'Public' && (ctx.municipalityMember || ctx.hasStakeHolderAccess);
    case 'user':
      return e.uuid === ctx.userUuid || (e.memberOfOrganizationUuids ?? []).some((o) => isMemberOf(ctx, o));
    case 'project':
      return (
        inCommunity(ctx, e.organizationUuid) ||
        (e.jointOrganizationUuids ?? []).some((o) => isMemberOf(ctx, o) || inCommunity(ctx, o))
      );
    default:
      return false; // usages, contracts, registrations, units, roles and economy never leave their organisation
  }
}

/**
 * May the actor change the entity? (Field-level limits such as the registration scope are checked
 * by {@link canSetAccessModifier}.)
 */
export function canModify(ctx: ActorContext, e: ProtectedEntity): boolean {
  if (ctx.isGlobalAdmin) return true;
  if (GLOBAL_REFERENCE.has(e.kind)) return false;
  if (e.kind === 'user' && e.uuid === ctx.userUuid) return true;
  if (isRightsHolder(ctx, e)) return true;
  if (e.kind === 'organization') return hasRole(ctx, e.uuid, 'LocalAdmin');
  if (e.kind === 'user') {
    // A user's identity (name, e-mail) is their login everywhere. An organisation's admins may
    // edit it only when every organisation the user belongs to is one they administer, so a
    // membership granted to someone from elsewhere gives no power over that person's account.
    const orgs = e.memberOfOrganizationUuids ?? [];
    return (
      !e.isGlobalAdmin &&
      orgs.length > 0 &&
      orgs.every((o) => hasRole(ctx, o, 'LocalAdmin') || hasRole(ctx, o, 'OrganizationModuleAdmin'))
    );
  }
  if (!isMemberOf(ctx, e.organizationUuid)) return false;
  if (e.kind === 'localOption') return hasRole(ctx, e.organizationUuid, 'LocalAdmin');
  return hasModuleWrite(ctx, e) || ctx.writableObjects.has(e.uuid);
}

/** May the actor delete the entity? Requires modify, and some kinds only by global or local admins. */
export function canDelete(ctx: ActorContext, e: ProtectedEntity): boolean {
  if (ctx.isGlobalAdmin) return !(e.kind === 'user' && e.uuid === ctx.userUuid);
  if (!canModify(ctx, e)) return false;
  switch (e.kind) {
    case 'organization':
    case 'user':
      return false; // only global admins delete organisations and users (local admins remove memberships)
    case 'itSystem':
    case 'itInterface':
    case 'organizationUnit':
      return hasRole(ctx, e.organizationUuid, 'LocalAdmin');
    default:
      return true;
  }
}

/** The {@link Permissions} of the actor on the entity. */
export function permissionsFor(ctx: ActorContext, e: ProtectedEntity): Permissions {
  const read = canRead(ctx, e);
  return { read, modify: read && canModify(ctx, e), delete: read && canDelete(ctx, e) };
}

/**
 * May the actor create an entity of this kind in the organisation? For catalogue systems the
 * organisation is the creating organisation, and rights-holder access there suffices.
 *
 * @example
 * ```ts
 * canCreate(ctx, 'itContract', aarhus); // LocalAdmin or ContractModuleAdmin in Aarhus
 * ```
 */
export function canCreate(ctx: ActorContext, kind: ProtectedKind, organizationUuid: string | null): boolean {
  if (ctx.isGlobalAdmin) return true;
  switch (kind) {
    case 'organization':
      return organizationsWithRole(ctx, 'LocalAdmin').length > 0; // limited to some types by organisation rules
    case 'globalOption':
    case 'kle':
    case 'architectureElement':
      return false;
    case 'itSystem':
      return hasRole(ctx, organizationUuid, 'RightsHolderAccess');
    case 'itInterface':
      return (
        hasRole(ctx, organizationUuid, 'RightsHolderAccess') ||
        hasRole(ctx, organizationUuid, 'LocalAdmin') ||
        hasRole(ctx, organizationUuid, 'SystemModuleAdmin')
      );
    case 'localOption':
      return hasRole(ctx, organizationUuid, 'LocalAdmin');
    default:
      return hasModuleWrite(ctx, { kind, uuid: '', organizationUuid });
  }
}

/**
 * May the actor set the registration scope (Local/Public)? Catalogue systems and interfaces: global
 * admins only; organisations: global admins and that organisation's local admins.
 */
export function canSetAccessModifier(ctx: ActorContext, e: ProtectedEntity): boolean {
  if (ctx.isGlobalAdmin) return true;
  return e.kind === 'organization' && hasRole(ctx, e.uuid, 'LocalAdmin');
}

/** May the actor edit the legal ("DBS") properties of a catalogue system? */
export function canEditLegalProperties(ctx: ActorContext): boolean {
  return ctx.isGlobalAdmin || ctx.isSystemIntegrator;
}

/**
 * What an actor may read of a kind, as a storage filter over the kind's index fields: `all`,
 * `none`, or a filter. Every kind's definition indexes `organizationUuid` (the owning or creating
 * organisation; an organisation's own uuid), catalogue entries and organisations their
 * `accessModifier`, systems their `rightsHolderUuid` and projects their `jointOrganizationUuids`,
 * so this filter and {@link canRead} agree record by record (a property test checks it).
 * Interfaces whose rights holder is the actor's (through the exposing system) and users are
 * resolved by their services, which know those joins.
 *
 * @example
 * ```ts
 * readFilter(ctx, 'itContract'); // { op: 'in', field: 'organizationUuid', values: [...the actor's organisations] }
 * ```
 */
export function readFilter(ctx: ActorContext, kind: ProtectedKind): ReadScope {
  if (ctx.isGlobalAdmin || GLOBAL_REFERENCE.has(kind)) return 'all';
  const mine = [...ctx.roles.keys()];
  const own: Filter = { op: 'in', field: 'organizationUuid', values: mine };
  const anyOf = (...filters: (Filter | false)[]): Filter => ({
    op: 'or',
    filters: filters.filter((f): f is Filter => f !== false),
  });
  const isPublic: Filter = { op: 'eq', field: 'accessModifier', value: 'Public' };
  switch (kind) {
    case 'itSystem':
      if (ctx.hasStakeHolderAccess) return 'all';
      return anyOf(
        own,
        { op: 'in', field: 'rightsHolderUuid', values: organizationsWithRole(ctx, 'RightsHolderAccess') },
        ctx.municipalityMember && isPublic,
      );
    case 'itInterface':
      if (ctx.hasStakeHolderAccess) return 'all';
      return anyOf(own, ctx.municipalityMember && isPublic);
    case 'organization':
      return anyOf(own, (ctx.municipalityMember || ctx.hasStakeHolderAccess) && isPublic);
    case 'project': {
      const communities = [...(ctx.communityUuids ?? [])];
      return anyOf(own, communities.length > 0 && { op: 'in', field: 'organizationUuid', values: communities }, {
        op: 'hasAny',
        field: 'jointOrganizationUuids',
        values: [...mine, ...communities],
      });
    }
    case 'user':
      return 'none'; // users are listed through memberships (see the user service)
    default:
      return mine.length === 0 ? 'none' : own;
  }
}

/** The result of {@link readFilter}. */
export type ReadScope = 'all' | 'none' | Filter;
