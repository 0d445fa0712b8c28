/**
 * KITOS's permission probes: `…/{uuid}/permissions` asks the core's service; the collection probe
 * `…/permissions?organizationUuid=` asks the core's `organizations.mayCreate`.
 *
 * @module
 */
import type { Actor, Kitos, ProtectedKind } from '@os2kitos/core';

/**
 * May the actor create records of a kind in an organisation? The core's `organizations.mayCreate`:
 * the organisation must be visible (else the core's not-found error), and the caller's roles are
 * the stored ones, never taken from the request.
 */
export function canCreateIn(
  kitos: Kitos,
  actor: Actor,
  kind: ProtectedKind,
  organizationUuid: string,
): Promise<boolean> {
  return kitos.organizations.mayCreate(actor, organizationUuid, kind);
}
