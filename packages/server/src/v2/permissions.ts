/**
 * KITOS's permission probes: `…/{uuid}/permissions` asks the core's service; the collection probe
 * `…/permissions?organizationUuid=` applies the core's `canCreate` rule to the caller's facts.
 *
 * @module
 */
import {
  type Actor,
  actorContext,
  canCreate,
  type Kitos,
  type OrganizationRole,
  type ProtectedKind,
} from '@os2kitos/core';

/**
 * May the actor create records of a kind in an organisation? The organisation must be visible
 * (else the core's not-found error), and the caller's roles are read from the store, never taken
 * from the request.
 */
export async function canCreateIn(
  kitos: Kitos,
  actor: Actor,
  kind: ProtectedKind,
  organizationUuid: string,
): Promise<boolean> {
  await kitos.organizations.get(actor, organizationUuid);
  const user = await kitos.users.get(actor, actor.userUuid);
  const memberships = await kitos.storage.query<{ organizationUuid: string; role: OrganizationRole }>({
    kind: 'membership',
    filter: { op: 'eq', field: 'userUuid', value: actor.userUuid },
  });
  const ctx = actorContext({
    userUuid: actor.userUuid,
    isGlobalAdmin: user.isGlobalAdmin,
    memberships: memberships.records.map((r) => ({ organizationUuid: r.data.organizationUuid, role: r.data.role })),
  });
  return canCreate(ctx, kind, organizationUuid);
}
