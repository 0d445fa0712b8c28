/** Detail of {@link KitosToggleEvent}. */
export interface KitosToggleDetail {
  /** The unit opened or closed. */
  readonly uuid: string;
  readonly expanded: boolean;
}

/**
 * `kitos-toggle`: a unit in `<kitos-org-tree>` was unfolded or folded. Bubbles and is composed.
 *
 * @example
 * ```ts
 * tree.addEventListener('kitos-toggle', (e) => console.log(e.detail.uuid, e.detail.expanded));
 * ```
 */
export type KitosToggleEvent = CustomEvent<KitosToggleDetail>;

declare global {
  interface HTMLElementEventMap {
    'kitos-toggle': KitosToggleEvent;
  }
}
