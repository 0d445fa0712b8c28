import type { OverviewKind } from '@os2kitos/core';

/**
 * What was selected: an overview's entity kind, an organisation unit, or a catalogue system (whose
 * detail `<kitos-catalogue>` opened).
 */
export type KitosSelectKind = OverviewKind | 'unit' | 'itSystem';

/** Detail of {@link KitosSelectEvent}. */
export interface KitosSelectDetail {
  /** The kind of entity (`usages`, `contracts`, …, `unit` or `itSystem`). */
  readonly kind: KitosSelectKind;
  readonly uuid: string;
  /** The link the user followed, when the selection came from a link. */
  readonly href?: string;
}

/**
 * `kitos-select`: the user picked an entity (a row link, a contract in the deadline list, a unit in
 * the tree). Bubbles and is composed. For links it is cancelable: `preventDefault()` keeps the
 * browser from following the link, so a single-page app can route itself.
 *
 * @example
 * ```ts
 * document.addEventListener('kitos-select', (e) => {
 *   e.preventDefault();
 *   router.go(`/${e.detail.kind}/${e.detail.uuid}`);
 * });
 * ```
 */
export type KitosSelectEvent = CustomEvent<KitosSelectDetail>;

declare global {
  interface HTMLElementEventMap {
    'kitos-select': KitosSelectEvent;
  }
}
