import type { KitosRecordKind } from './kitos-saved.js';
/** Detail of {@link KitosDeletedEvent}. */
export interface KitosDeletedDetail {
  /** The kind of record deleted. */
  readonly kind: KitosRecordKind;
  readonly uuid: string;
}

/**
 * `kitos-deleted`: the user deleted a record from a widget (the usage card's "Fjern anvendelse"),
 * after confirming the consequences. The card then shows that it is gone. Bubbles and is composed.
 *
 * @example
 * ```ts
 * card.addEventListener('kitos-deleted', (e) => router.go('/usages'));
 * ```
 */
export type KitosDeletedEvent = CustomEvent<KitosDeletedDetail>;

declare global {
  interface HTMLElementEventMap {
    'kitos-deleted': KitosDeletedEvent;
  }
}
