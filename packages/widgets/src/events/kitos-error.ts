/** Detail of {@link KitosErrorEvent}. */
export interface KitosErrorDetail {
  /** What the widget was doing, e.g. `overview`, `usageCard`, `unitTree`. */
  readonly operation: string;
  /** The error the client rejected with. */
  readonly error: unknown;
}

/**
 * `kitos-error`: a client call failed. The widget shows a message in place; this event lets the
 * page log it or react. Bubbles and is composed.
 *
 * @example
 * ```ts
 * document.addEventListener('kitos-error', (e) => console.error(e.detail.operation, e.detail.error));
 * ```
 */
export type KitosErrorEvent = CustomEvent<KitosErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'kitos-error': KitosErrorEvent;
  }
}
