import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KitosClient } from '../data/client.js';
import { type KitosContextValue, kitosContext } from '../data/context.js';
import { type Lang, type Strings, strings, toLang } from '../i18n/strings.js';
import { type KitosEventDetail, type KitosEventName, emit } from './emit.js';

/**
 * Base class of the data-reading widgets: takes the client and the language from the nearest
 * `<kitos-provider>` unless given directly, and dispatches typed `kitos-*` events.
 */
export class KitosElement extends LitElement {
  /**
   * The data client. Overrides the one from `<kitos-provider>`; set it as a property.
   *
   * @example
   * ```ts
   * document.querySelector('kitos-overview')!.client = createStaticClient({ rows: { usages } });
   * ```
   */
  @property({ attribute: false })
  client: KitosClient | undefined;

  /** Language of the built-in words: `da` or `en`. Default: the provider's language, else Danish. */
  @property()
  override lang = '';

  /** What the nearest `<kitos-provider>` gives. */
  @consume({ context: kitosContext, subscribe: true })
  @state()
  protected kitos: KitosContextValue | undefined;

  /** The client in use: the element's own, else the provider's. */
  protected get activeClient(): KitosClient | undefined {
    return this.client ?? this.kitos?.client;
  }

  /** The language in use. */
  protected get language(): Lang {
    return this.lang ? toLang(this.lang) : (this.kitos?.lang ?? 'da');
  }

  /** The dictionary of the language in use. */
  protected get t(): Strings {
    return strings(this.language);
  }

  /** Dispatches a typed, bubbling, composed `kitos-*` event; `false` when it was cancelled. */
  protected emit<K extends KitosEventName>(
    name: K,
    detail: KitosEventDetail<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return emit(this, name, detail, options);
  }

  /** Reports a failed client call with `kitos-error`; the widget shows its own message. */
  protected reportError(operation: string, error: unknown): void {
    this.emit('kitos-error', { operation, error });
  }
}
