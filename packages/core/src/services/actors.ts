/**
 * Who is calling: the facts about an actor the permission rules need, read from storage on every
 * call (never taken from the caller, who only says which user it is). The runtime calls
 * {@link resolveActor} once per call.
 *
 * The reads are bounded by what the actor holds: their user record, their memberships, the
 * categories of their organisations, the interest communities (and their sharing settings, which
 * list their members), and — only in organisations where their roles do not already
 * let them edit a kind — the records on which they hold a role, and the role options of those
 * roles. No global list is read in full.
 *
 * @module
 */
import { type Actor, type ActorContext, actorContext } from '../access/actor.js';
import { hasModuleWrite, type ProtectedKind } from '../access/policy.js';
import type { OrganizationRole } from '../organisation/membership.schema.js';
import { organizationCategory, type OrganizationType } from '../organisation/organization.schema.js';
import { unitDescendants } from '../organisation/unit-tree.rules.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import { KitosForbiddenError, KitosValidationError } from '../shared/errors.js';
import type { StorageReader } from '../storage/port.js';
import {
  CONTRACT,
  DPR,
  GLOBAL_OPTION,
  MEMBERSHIP,
  ORGANIZATION,
  SHARING,
  UNIT,
  UNIT_ROLE,
  USAGE,
  USER,
} from './kinds.js';

/** The kinds whose records carry role assignments that may grant write access to that record. */
const ROLE_HOLDING_KINDS = [USAGE, CONTRACT, DPR] as const;

type Held = { objectUuid: string; roleUuid: string; organizationUuid: string; unit: boolean };

/**
 * Records on which the user holds a role with write access; a unit role reaches every unit below
 * it. Only organisations where the user's organisation roles do not already give write access to
 * the kind are searched: a local admin's own roles add nothing there.
 */
async function writableObjects(
  tx: StorageReader,
  userUuid: string,
  roles: ReadonlyMap<string, ReadonlySet<OrganizationRole>>,
): Promise<Set<string>> {
  const facts = actorContext({
    userUuid,
    memberships: [...roles].flatMap(([organizationUuid, set]) => [...set].map((role) => ({ organizationUuid, role }))),
  });
  const lacking = (kind: ProtectedKind) =>
    [...roles.keys()].filter((org) => !hasModuleWrite(facts, { kind, uuid: '', organizationUuid: org }));
  const held: Held[] = [];
  for (const def of ROLE_HOLDING_KINDS) {
    const orgs = lacking(def.protectedKind);
    if (orgs.length === 0) continue;
    const r = await tx.query<{
      uuid: string;
      organizationUuid: string;
      roles: { roleUuid: string; userUuid: string }[];
    }>({
      kind: def.kind,
      organizationUuids: orgs,
      filter: { op: 'hasAny', field: 'roleUserUuids', values: [userUuid] },
    });
    for (const rec of r.records)
      for (const role of rec.data.roles)
        if (role.userUuid === userUuid)
          held.push({
            objectUuid: rec.uuid,
            roleUuid: role.roleUuid,
            organizationUuid: rec.data.organizationUuid,
            unit: false,
          });
  }
  const unitOrgs = lacking('organizationUnit');
  if (unitOrgs.length > 0) {
    const unitRoles = await tx.query<{ objectUuid: string; roleUuid: string; organizationUuid: string }>({
      kind: UNIT_ROLE.kind,
      organizationUuids: unitOrgs,
      filter: { op: 'eq', field: 'userUuid', value: userUuid },
    });
    for (const r of unitRoles.records) held.push({ ...r.data, unit: true });
  }
  const out = new Set<string>();
  if (held.length === 0) return out;
  // Only the role options the user holds, to see which of them give write access.
  const options = await tx.query<{ uuid: string; hasWriteAccess?: boolean }>({
    kind: GLOBAL_OPTION.kind,
    filter: { op: 'in', field: 'uuid', values: [...new Set(held.map((h) => h.roleUuid))] },
  });
  const writing = new Set(options.records.filter((o) => o.data.hasWriteAccess).map((o) => o.uuid));
  const unitTrees = new Map<string, OrganizationUnit[]>();
  for (const h of held) {
    if (!writing.has(h.roleUuid)) continue;
    if (!h.unit) {
      out.add(h.objectUuid);
      continue;
    }
    let units = unitTrees.get(h.organizationUuid);
    if (!units) {
      units = (
        await tx.query<OrganizationUnit>({ kind: UNIT.kind, organizationUuids: [h.organizationUuid] })
      ).records.map((r) => r.data);
      unitTrees.set(h.organizationUuid, units);
    }
    for (const u of unitDescendants(units, h.objectUuid, { includeSelf: true })) out.add(u.uuid);
  }
  return out;
}

/**
 * The interest communities that list one of the organisations as a member (in the community's
 * sharing setting, which its admin keeps): the communities' records, then their settings.
 */
export async function communitiesOf(tx: StorageReader, organizationUuids: readonly string[]): Promise<string[]> {
  if (organizationUuids.length === 0) return [];
  const communities = await tx.query<{ type: OrganizationType }>({
    kind: ORGANIZATION.kind,
    filter: { op: 'eq', field: 'type', value: 'Interessefællesskab' },
  });
  if (communities.records.length === 0) return [];
  const settings = await tx.query<{ organizationUuid: string; communityMembers: readonly string[] }>({
    kind: SHARING.kind,
    organizationUuids: communities.records.map((c) => c.uuid),
  });
  const mine = new Set(organizationUuids);
  return settings.records
    .filter((s) => s.data.communityMembers.some((m) => mine.has(m)))
    .map((s) => s.data.organizationUuid);
}

/**
 * Resolves an actor from storage; unknown users are refused.
 *
 * @example
 * ```ts
 * const ctx = await resolveActor(storage, { userUuid });
 * ctx.roles.get(organizationUuid); // Set { 'User', 'LocalAdmin' }
 * ```
 */
export async function resolveActor(tx: StorageReader, actor: Actor): Promise<ActorContext> {
  if (!actor || typeof actor.userUuid !== 'string') {
    throw new KitosValidationError('access', [
      { path: ['actor', 'userUuid'], code: 'required', message: 'an actor with a userUuid is required' },
    ]);
  }
  const user = await tx.get<{ isGlobalAdmin: boolean; hasStakeHolderAccess: boolean; isSystemIntegrator: boolean }>(
    USER.kind,
    actor.userUuid,
  );
  if (!user) throw new KitosForbiddenError('access', 'unknown user', { userUuid: actor.userUuid });
  const memberships = await tx.query<{ organizationUuid: string; role: OrganizationRole }>({
    kind: MEMBERSHIP.kind,
    filter: { op: 'eq', field: 'userUuid', value: actor.userUuid },
  });
  const orgUuids = [...new Set(memberships.records.map((m) => m.data.organizationUuid))];
  const orgs = orgUuids.length
    ? await tx.query<{ type: OrganizationType }>({
        kind: ORGANIZATION.kind,
        filter: { op: 'in', field: 'organizationUuid', values: orgUuids },
      })
    : { records: [] };
  const municipal = orgs.records.filter((o) => organizationCategory(o.data.type) === 'Municipality').map((o) => o.uuid);
  const base = actorContext({
    userUuid: actor.userUuid,
    isGlobalAdmin: user.data.isGlobalAdmin,
    hasStakeHolderAccess: user.data.hasStakeHolderAccess,
    isSystemIntegrator: user.data.isSystemIntegrator,
    memberships: memberships.records.map((m) => m.data),
    municipalityOrganizationUuids: municipal,
    communityUuids: user.data.isGlobalAdmin ? [] : await communitiesOf(tx, orgUuids),
  });
  // Global admins may write everything; their per-object roles add nothing.
  if (base.isGlobalAdmin) return base;
  return { ...base, writableObjects: await writableObjects(tx, actor.userUuid, base.roles) };
}
