import type { OverviewKind } from '@os2kitos/core';
import type { OverviewView } from '../data/view.js';

/** Detail of {@link KitosViewChangeEvent}. */
export interface KitosViewChangeDetail {
  readonly kind: OverviewKind;
  /** The view now shown: columns, filters, sort and search. */
  readonly view: OverviewView;
  /** The view encoded for a URL (`#view=<this>`), see `encodeView`. */
  readonly encoded: string;
}

/**
 * `kitos-view-change`: the user changed what `<kitos-overview>` shows (columns, filters, sort,
 * search, or picked a saved view). Bubbles and is composed.
 *
 * @example
 * ```ts
 * overview.addEventListener('kitos-view-change', (e) => console.log(e.detail.view.filters));
 * ```
 */
export type KitosViewChangeEvent = CustomEvent<KitosViewChangeDetail>;

declare global {
  interface HTMLElementEventMap {
    'kitos-view-change': KitosViewChangeEvent;
  }
}
