import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canWriteContracts, type KitosContractWriter } from '../../data/client.js';
import type {} from '../../events/kitos-saved.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { contractCreateStyles } from './contract-create.styles.js';

/**
 * "Ny kontrakt": a button that opens a dialog to create a contract in the organisation. The dialog
 * asks for the name (checked with the core's schema while typing; a name the organisation already
 * uses is refused at the field); everything else is edited on the contract's card. The button shows
 * only with a client that writes and when the actor may create contracts there.
 *
 * @summary Create a contract (create dialog).
 * @tagname kitos-contract-create
 * @attr organization-uuid - The organisation the contract is created in (default: the provider's).
 * @fires {KitosSavedEvent} kitos-saved - A contract was created (`kind: 'contracts'`, `action: 'create'`, the new contract's uuid).
 * @fires {KitosErrorEvent} kitos-error - The permission could not be read, or the create failed.
 * @csspart create-button - The button that opens the dialog.
 * @csspart dialog - The dialog.
 * @csspart dialog-title - The dialog's heading.
 * @csspart field - The name field with its label, hint and error.
 * @csspart field-error - Why the name cannot be used.
 * @csspart live - The status line (progress, result), read out by screen readers.
 * @csspart create - The button that creates the contract.
 * @csspart cancel - The button that closes the dialog.
 * @cssprop --kitos-color-border - Borders of the dialog and fields.
 *
 * @example
 * ```html
 * <kitos-contract-create organization-uuid="…"></kitos-contract-create>
 * <script type="module">
 *   document.addEventListener('kitos-saved', (e) => {
 *     if (e.detail.kind === 'contracts' && e.detail.action === 'create') location.href = `/contracts/${e.detail.uuid}`;
 *   });
 * </script>
 * ```
 */
export class KitosContractCreate extends KitosElement {
  /** Styles of the element. */
  static override styles = contractCreateStyles;

  /** The organisation the contract is created in (default: the provider's). */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  @state() private allowed = false;
  @state() private open = false;
  @state() private announcement = '';
  private checked: { client: unknown; org: string } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.activeClient;
    const org = this.org;
    const seen = this.checked;
    if (seen && seen.client === client && seen.org === org) return;
    this.checked = { client, org };
    this.allowed = false;
    if (canWriteContracts(client) && org) {
      client.mayCreateContract(org).then(
        (may) => {
          if (this.checked?.client === client && this.checked.org === org) this.allowed = may;
        },
        (error: unknown) => this.reportError('mayCreateContract', error),
      );
    }
  }

  /** The organisation in use: the element's own, else the provider's. */
  private get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  private async show(): Promise<void> {
    // The dialog is a chunk of its own, loaded on first use.
    await import('../../internal/edit/contract-create-dialog.js');
    this.announcement = '';
    this.open = true;
  }

  private async closed(created: { name: string } | null): Promise<void> {
    this.open = false;
    if (created) {
      const { editStrings } = await import('../../i18n/edit-strings.js');
      this.announcement = editStrings(this.language).contractCreated(created.name);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="create-button"]')?.focus();
  }

  override render() {
    if (!this.allowed) return nothing;
    return html`<button type="button" part="create-button" aria-haspopup="dialog" @click=${() => this.show()}>
        ${this.t.newContract}
      </button>
      <span part="live" role="status" aria-live="polite">${this.announcement}</span>
      ${
        this.open
          ? html`<kitos-contract-create-dialog exportparts="dialog, dialog-title, field, field-error, create, cancel"
            .client=${this.activeClient as KitosContractWriter} organization-uuid=${this.org}
            lang=${this.language} .onClose=${(created: { name: string } | null) => this.closed(created)}></kitos-contract-create-dialog>`
          : nothing
      }`;
  }
}
