import type { RoleTransferResult } from '@os2kitos/core';

/** Detail of {@link KitosRolesTransferredEvent}. */
export interface KitosRolesTransferredDetail {
  readonly organizationUuid: string;
  readonly fromUserUuid: string;
  readonly toUserUuid: string;
  /** Roles moved (or dropped where the successor already held them). */
  readonly moved: number;
  /** The records changed, with their new versions (`null` for units). */
  readonly records: RoleTransferResult['records'];
}

/**
 * `kitos-roles-transferred`: `<kitos-roles>` moved a person's roles to another person (one
 * transaction, committed). Bubbles and is composed.
 *
 * @example
 * ```ts
 * document.addEventListener('kitos-roles-transferred', (e) => console.log(e.detail.moved, e.detail.toUserUuid));
 * ```
 */
export type KitosRolesTransferredEvent = CustomEvent<KitosRolesTransferredDetail>;

declare global {
  interface HTMLElementEventMap {
    'kitos-roles-transferred': KitosRolesTransferredEvent;
  }
}
