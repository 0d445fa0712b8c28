import { provide } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KitosActor, KitosClient } from '../../data/client.js';
import { type KitosContextValue, kitosContext } from '../../data/context.js';
import { toLang } from '../../i18n/strings.js';
import { providerStyles } from './provider.styles.js';

/**
 * Gives every `<kitos-*>` widget inside it the data client, the actor and the language, through
 * `@lit/context`. Set `client` (and `actor`) as properties; `lang` and `organization-uuid` as
 * attributes. It renders its children unchanged and takes no space of its own.
 *
 * @summary Provides the client, actor and language to nested widgets.
 * @tagname kitos-provider
 * @slot - The widgets (and any other content).
 *
 * @example
 * ```html
 * <kitos-provider lang="da" organization-uuid="…">
 *   <kitos-overview kind="contracts" link-template="/contracts/{uuid}"></kitos-overview>
 * </kitos-provider>
 * <script type="module">
 *   document.querySelector('kitos-provider').client = myClient;
 * </script>
 * ```
 */
export class KitosProvider extends LitElement {
  /** Styles of the element. */
  static override styles = providerStyles;

  /** The data client every nested widget reads through. */
  @property({ attribute: false })
  client: KitosClient | undefined;

  /** Who is looking; nested widgets keep saved views per user. */
  @property({ attribute: false })
  actor: KitosActor | undefined;

  /** Language of the widgets' built-in words: `da` (default) or `en`. */
  @property()
  override lang = 'da';

  /** Organisation for widgets that do not name one themselves. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** The value given to the widgets; a new object on every change so they update. */
  @provide({ context: kitosContext })
  @state()
  protected value: KitosContextValue = { client: undefined, actor: undefined, lang: 'da', organizationUuid: undefined };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('actor') || changed.has('lang') || changed.has('organizationUuid')) {
      this.value = {
        client: this.client,
        actor: this.actor,
        lang: toLang(this.lang),
        organizationUuid: this.organizationUuid || undefined,
      };
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
