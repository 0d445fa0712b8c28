import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KitosClient } from '../data/client.js';
import type { EditStrings } from '../i18n/edit-strings.js';
import { KitosElement } from './kitos-element.js';

/**
 * Base class of the create buttons of records that start from a name (`<kitos-contract-create>`,
 * `<kitos-registration-create>`): the button shows only with a client that writes and when the
 * actor may create the kind in the organisation; it loads its dialog (a chunk of its own) on first
 * use, says what was created, and takes focus back.
 */
export abstract class KitosNameCreate extends KitosElement {
  /** The organisation the record is created in (default: the provider's). */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  @state() private allowed = false;
  @state() private open = false;
  @state() private announcement = '';
  private checked: { client: unknown; org: string } | undefined;

  /** The client's permission probe for the kind, or `undefined` when the client cannot create it. */
  protected abstract mayCreate(client: KitosClient | undefined, organizationUuid: string): Promise<boolean> | undefined;
  /** The `operation` of a `kitos-error` when the probe failed. */
  protected abstract readonly probe: string;
  /** Loads the dialog's code. */
  protected abstract loadDialog(): Promise<unknown>;
  /** The dialog element, with `onClose`. */
  protected abstract renderDialog(onClose: (created: { name: string } | null) => void): TemplateResult;
  /** The button's text. */
  protected abstract get buttonText(): string;
  /** @internal What the element says after a create. */
  protected abstract createdText(t: EditStrings, name: string): string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.activeClient;
    const org = this.org;
    const seen = this.checked;
    if (seen && seen.client === client && seen.org === org) return;
    this.checked = { client, org };
    this.allowed = false;
    const probe = org ? this.mayCreate(client, org) : undefined;
    probe?.then(
      (may) => {
        const now = this.checked;
        if (now && now.client === client && now.org === org) this.allowed = may;
      },
      (error: unknown) => this.reportError(this.probe, error),
    );
  }

  /** The organisation in use: the element's own, else the provider's. */
  protected get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  private async show(): Promise<void> {
    await this.loadDialog();
    this.announcement = '';
    this.open = true;
  }

  private async closed(created: { name: string } | null): Promise<void> {
    this.open = false;
    if (created) {
      const { editStrings } = await import('../i18n/edit-strings.js');
      this.announcement = this.createdText(editStrings(this.language), created.name);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="create-button"]')?.focus();
  }

  override render() {
    if (!this.allowed) return nothing;
    return html`<button type="button" part="create-button" aria-haspopup="dialog" @click=${() => this.show()}>
        ${this.buttonText}
      </button>
      <span part="live" role="status" aria-live="polite">${this.announcement}</span>
      ${this.open ? this.renderDialog((created) => this.closed(created)) : nothing}`;
  }
}
