import { html, type TemplateResult } from 'lit';
import { canWriteRegistrations, type KitosClient } from '../../data/client.js';
import type {} from '../../events/kitos-saved.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { KitosNameCreate } from '../../internal/name-create-element.js';
import { registrationCreateStyles } from './registration-create.styles.js';

/**
 * "Ny databehandling": a button that opens a dialog to create a data processing registration in the
 * organisation. The dialog asks for the name (checked with the core's schema while typing; a name
 * the organisation already uses is refused at the field); everything else is edited on the
 * registration's card. The button shows only with a client that writes and when the actor may
 * create registrations there.
 *
 * @summary Create a data processing registration (create dialog).
 * @tagname kitos-registration-create
 * @attr organization-uuid - The organisation the registration is created in (default: the provider's).
 * @fires {KitosSavedEvent} kitos-saved - A registration was created (`kind: 'registrations'`, `action: 'create'`, the new uuid).
 * @fires {KitosErrorEvent} kitos-error - The permission could not be read, or the create failed.
 * @csspart create-button - The button that opens the dialog.
 * @csspart dialog - The dialog.
 * @csspart dialog-title - The dialog's heading.
 * @csspart field - The name field with its label, hint and error.
 * @csspart field-error - Why the name cannot be used.
 * @csspart live - The status line (progress, result), read out by screen readers.
 * @csspart create - The button that creates the registration.
 * @csspart cancel - The button that closes the dialog.
 * @cssprop --kitos-color-border - Borders of the dialog and fields.
 *
 * @example
 * ```html
 * <kitos-registration-create organization-uuid="…"></kitos-registration-create>
 * ```
 */
export class KitosRegistrationCreate extends KitosNameCreate {
  /** Styles of the element. */
  static override styles = registrationCreateStyles;

  protected readonly probe = 'mayCreateRegistration';

  protected mayCreate(client: KitosClient | undefined, organizationUuid: string): Promise<boolean> | undefined {
    return canWriteRegistrations(client) ? client.mayCreateRegistration(organizationUuid) : undefined;
  }

  protected loadDialog(): Promise<unknown> {
    // The dialog is a chunk of its own, loaded on first use.
    return import('../../internal/edit/registration-create-dialog.js');
  }

  protected renderDialog(onClose: (created: { name: string } | null) => void): TemplateResult {
    return html`<kitos-registration-create-dialog exportparts="dialog, dialog-title, field, field-error, create, cancel"
      .client=${this.activeClient} organization-uuid=${this.org} lang=${this.language}
      .onClose=${onClose}></kitos-registration-create-dialog>`;
  }

  protected get buttonText(): string {
    return this.t.newRegistration;
  }

  /** @internal What the live region says once a record is created. */
  protected createdText(t: EditStrings, name: string): string {
    return t.registrationCreated(name);
  }
}
