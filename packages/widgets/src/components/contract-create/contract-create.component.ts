import { html, type TemplateResult } from 'lit';
import { canWriteContracts, type KitosClient } from '../../data/client.js';
import type {} from '../../events/kitos-saved.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { KitosNameCreate } from '../../internal/name-create-element.js';
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
export class KitosContractCreate extends KitosNameCreate {
  /** Styles of the element. */
  static override styles = contractCreateStyles;

  protected readonly probe = 'mayCreateContract';

  protected mayCreate(client: KitosClient | undefined, organizationUuid: string): Promise<boolean> | undefined {
    return canWriteContracts(client) ? client.mayCreateContract(organizationUuid) : undefined;
  }

  protected loadDialog(): Promise<unknown> {
    // The dialog is a chunk of its own, loaded on first use.
    return import('../../internal/edit/contract-create-dialog.js');
  }

  protected renderDialog(onClose: (created: { name: string } | null) => void): TemplateResult {
    return html`<kitos-contract-create-dialog exportparts="dialog, dialog-title, field, field-error, create, cancel"
      .client=${this.activeClient} organization-uuid=${this.org} lang=${this.language}
      .onClose=${onClose}></kitos-contract-create-dialog>`;
  }

  protected get buttonText(): string {
    return this.t.newContract;
  }

  /** @internal What the live region says once a record is created. */
  protected createdText(t: EditStrings, name: string): string {
    return t.contractCreated(name);
  }
}
