import { html, type TemplateResult } from 'lit';
import { canWriteProjects, type KitosClient } from '../../data/client.js';
import type {} from '../../events/kitos-saved.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { KitosNameCreate } from '../../internal/name-create-element.js';
import { projectCreateStyles } from './project-create.styles.js';

/**
 * "Nyt projekt": a button that opens a dialog to create an IT project in the organisation. The
 * dialog asks for the name (checked with the core's schema while typing); the project starts with
 * the core's defaults (five undated phases, phase 1, status white), and everything else is edited on
 * the project's card. The button shows only with a client that writes and when the actor may create
 * projects there.
 *
 * @summary Create an IT project (create dialog).
 * @tagname kitos-project-create
 * @attr organization-uuid - The organisation the project is created in (default: the provider's).
 * @fires {KitosSavedEvent} kitos-saved - A project was created (`kind: 'projects'`, `action: 'create'`, the new uuid).
 * @fires {KitosErrorEvent} kitos-error - The permission could not be read, or the create failed.
 * @csspart create-button - The button that opens the dialog.
 * @csspart dialog - The dialog.
 * @csspart dialog-title - The dialog's heading.
 * @csspart field - The name field with its label, hint and error.
 * @csspart field-error - Why the name cannot be used.
 * @csspart live - The status line (progress, result), read out by screen readers.
 * @csspart create - The button that creates the project.
 * @csspart cancel - The button that closes the dialog.
 * @cssprop --kitos-color-border - Borders of the dialog and fields.
 *
 * @example
 * ```html
 * <kitos-project-create organization-uuid="…"></kitos-project-create>
 * ```
 */
export class KitosProjectCreate extends KitosNameCreate {
  /** Styles of the element. */
  static override styles = projectCreateStyles;

  protected readonly probe = 'mayCreateProject';

  protected mayCreate(client: KitosClient | undefined, organizationUuid: string): Promise<boolean> | undefined {
    return canWriteProjects(client) ? client.mayCreateProject(organizationUuid) : undefined;
  }

  protected loadDialog(): Promise<unknown> {
    // The dialog is a chunk of its own, loaded on first use.
    return import('../../internal/edit/project-create-dialog.js');
  }

  protected renderDialog(onClose: (created: { name: string } | null) => void): TemplateResult {
    return html`<kitos-project-create-dialog exportparts="dialog, dialog-title, field, field-error, create, cancel"
      .client=${this.activeClient} organization-uuid=${this.org} lang=${this.language}
      .onClose=${onClose}></kitos-project-create-dialog>`;
  }

  protected get buttonText(): string {
    return this.t.newProject;
  }

  /** @internal What the live region says once a record is created. */
  protected createdText(t: EditStrings, name: string): string {
    return t.projectCreated(name);
  }
}
