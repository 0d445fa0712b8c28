/**
 * The names of the widgets' events, from their `HTMLElementEventMap` declarations.
 *
 * @example
 * ```ts
 * const name: KitosEventName = 'kitos-select';
 * ```
 */
export type KitosEventName = Extract<keyof HTMLElementEventMap, `kitos-${string}`>;

/**
 * The `detail` type of a `kitos-*` event.
 *
 * @example
 * ```ts
 * const detail: KitosEventDetail<'kitos-select'> = { kind: 'usages', uuid };
 * ```
 */
export type KitosEventDetail<K extends KitosEventName> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a typed `kitos-*` event from `host`: bubbling and composed (it crosses shadow roots),
 * cancelable only when asked. Returns `false` when a listener called `preventDefault()`.
 */
export function emit<K extends KitosEventName>(
  host: HTMLElement,
  name: K,
  detail: KitosEventDetail<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return host.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
