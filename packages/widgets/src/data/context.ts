/**
 * The context `<kitos-provider>` gives every nested widget: the data client, the actor and the
 * language (through `@lit/context`, so widgets never reach into globals).
 *
 * @module
 */
import { createContext } from '@lit/context';
import type { Lang } from '../i18n/strings.js';
import type { KitosActor, KitosClient } from './client.js';

/** What `<kitos-provider>` provides. */
export interface KitosContextValue {
  /** The data source; `undefined` until the page sets one. */
  readonly client: KitosClient | undefined;
  /** Who is looking; saved views are kept per user. */
  readonly actor: KitosActor | undefined;
  /** Language of the widgets' built-in words. */
  readonly lang: Lang;
  /** Default organisation for widgets that do not name one. */
  readonly organizationUuid: string | undefined;
}

/**
 * The context key. `Symbol.for` keeps it shared when two copies of the widgets load on one page.
 *
 * @example
 * ```ts
 * import { ContextConsumer } from '@lit/context';
 * new ContextConsumer(myElement, { context: kitosContext, subscribe: true, callback: (v) => console.log(v.lang) });
 * ```
 */
export const kitosContext = createContext<KitosContextValue>(Symbol.for('os2kitos.widgets.context'));
