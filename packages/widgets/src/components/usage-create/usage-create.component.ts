import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canWriteUsages, type KitosUsageWriter } from '../../data/client.js';
import type {} from '../../events/kitos-saved.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { usageCreateStyles } from './usage-create.styles.js';

/**
 * "Tag et IT-system i brug": a button that opens a dialog to search the IT system catalogue and
 * take a system into use in the organisation. Systems the organisation already uses, and systems
 * deactivated in the catalogue, are listed but cannot be picked, with the reason beside them. The
 * button shows only with a client that writes and when the actor may create usages there.
 *
 * @summary Take a catalogue system into use (create dialog).
 * @tagname kitos-usage-create
 * @attr organization-uuid - The organisation that takes the system into use (default: the provider's).
 * @fires {KitosSavedEvent} kitos-saved - A system was taken into use (`action: 'create'`, the new usage's uuid).
 * @fires {KitosErrorEvent} kitos-error - The catalogue could not be searched, or the create failed.
 * @csspart create-button - The button that opens the dialog.
 * @csspart dialog - The dialog.
 * @csspart dialog-title - The dialog's heading.
 * @csspart search - The search field and its label.
 * @csspart systems - The list of systems found.
 * @csspart system - One system (a radio button and its name).
 * @csspart reason - Why a system cannot be picked.
 * @csspart live - The status line (count found, progress, result), read out by screen readers.
 * @csspart create - The button that takes the picked system into use.
 * @csspart cancel - The button that closes the dialog.
 * @cssprop --kitos-color-border - Borders of the dialog and fields.
 *
 * @example
 * ```html
 * <kitos-usage-create organization-uuid="…"></kitos-usage-create>
 * <script type="module">
 *   document.addEventListener('kitos-saved', (e) => {
 *     if (e.detail.action === 'create') location.href = `/usages/${e.detail.uuid}`;
 *   });
 * </script>
 * ```
 */
export class KitosUsageCreate extends KitosElement {
  /** Styles of the element. */
  static override styles = usageCreateStyles;

  /** The organisation that takes the system into use (default: the provider's). */
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
    if (canWriteUsages(client) && org) {
      client.mayCreateUsage(org).then(
        (may) => {
          if (this.checked?.client === client && this.checked.org === org) this.allowed = may;
        },
        (error: unknown) => this.reportError('mayCreateUsage', error),
      );
    }
  }

  /** The organisation in use: the element's own, else the provider's. */
  private get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  private async show(): Promise<void> {
    // The dialog is a chunk of its own, loaded on first use.
    await import('../../internal/edit/usage-create-dialog.js');
    this.announcement = '';
    this.open = true;
  }

  private async closed(created: string | null): Promise<void> {
    this.open = false;
    if (created) {
      const { editStrings } = await import('../../i18n/edit-strings.js');
      this.announcement = editStrings(this.language).created(created);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="create-button"]')?.focus();
  }

  override render() {
    if (!this.allowed) return nothing;
    return html`<button type="button" part="create-button" aria-haspopup="dialog" @click=${() => this.show()}>
        ${this.t.takeIntoUse}
      </button>
      <span part="live" role="status" aria-live="polite">${this.announcement}</span>
      ${
        this.open
          ? html`<kitos-usage-create-dialog exportparts="dialog, dialog-title, search, systems, system, reason, create, cancel"
            .client=${this.activeClient as KitosUsageWriter} organization-uuid=${this.org}
            lang=${this.language} .onClose=${(created: string | null) => this.closed(created)}></kitos-usage-create-dialog>`
          : nothing
      }`;
  }
}
