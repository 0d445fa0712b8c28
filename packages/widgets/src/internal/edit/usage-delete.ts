/**
 * `<kitos-usage-delete>`: the confirmation of "Fjern anvendelse", loaded by `<kitos-usage-card>` on
 * first use. It reads the usage first, so the consequences it spells out (roles, unit links,
 * relations, references) are the ones the delete will take, and deletes at that version: a usage
 * someone changed meanwhile is not deleted unseen.
 */
import { type ItSystemUsage, KitosConflictError } from '@os2kitos/core';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KitosUsageWriter } from '../../data/client.js';
import type {} from '../../events/kitos-deleted.js';
import { type EditStrings, editStrings } from '../../i18n/edit-strings.js';
import { toLang } from '../../i18n/strings.js';
import { emit } from '../emit.js';
import { baseStyles } from '../styles.js';
import { editStyles } from './edit-styles.js';

/** The delete confirmation of one usage. Internal: `<kitos-usage-card>` opens it. */
export class KitosUsageDelete extends LitElement {
  static override styles = [baseStyles, editStyles];

  @property({ attribute: false }) client: KitosUsageWriter | undefined;
  @property() uuid = '';
  @property() override lang = 'da';
  @property({ attribute: 'system-name' }) systemName = '';
  /** Data processing registrations the usage is linked to (from the card). */
  @property({ type: Number }) registrations = 0;
  /** Called when the dialog closes; `true` when the usage was deleted. */
  @property({ attribute: false }) onClose: ((deleted: boolean) => void) | undefined;

  @state() private record: ItSystemUsage | undefined;
  @state() private phase: 'loading' | 'ready' | 'deleting' | 'failed' = 'loading';
  @state() private announcement = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  private get t(): EditStrings {
    return editStrings(toLang(this.lang));
  }

  override async firstUpdated(): Promise<void> {
    // A modal dialog keeps focus inside it and closes on Escape; the card returns focus to its button.
    this.dialog.showModal();
    try {
      this.record = await (this.client as KitosUsageWriter).usageRecord(this.uuid);
      this.phase = 'ready';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="cancel"]')?.focus();
    } catch (error) {
      this.phase = 'failed';
      this.announcement = this.t.deleteFailed;
      emit(this, 'kitos-error', { operation: 'usageRecord', error });
    }
  }

  private close(deleted: boolean): void {
    if (this.dialog.open) this.dialog.close();
    this.onClose?.(deleted);
  }

  private async confirm(): Promise<void> {
    const record = this.record;
    if (!record || this.phase === 'deleting') return;
    this.phase = 'deleting';
    this.announcement = this.t.deleting;
    try {
      await (this.client as KitosUsageWriter).deleteUsage(this.uuid, { expectedVersion: record.version });
      emit(this, 'kitos-deleted', { kind: 'usages', uuid: this.uuid });
      this.close(true);
    } catch (error) {
      this.phase = 'ready';
      if (error instanceof KitosConflictError) {
        // Someone changed it meanwhile: show the consequences as they are now and ask again.
        this.record = await (this.client as KitosUsageWriter).usageRecord(this.uuid).catch(() => record);
      }
      this.announcement = this.t.deleteFailed;
      emit(this, 'kitos-error', { operation: 'deleteUsage', error });
    }
  }

  override render() {
    const { t } = this;
    const r = this.record;
    const counts = r && {
      roles: r.roles.length,
      units: r.organizationUsage.usingUnitUuids.length,
      outgoingRelations: r.outgoingSystemRelations.length,
      references: r.externalReferences.length,
      registrations: this.registrations,
    };
    return html`<dialog part="dialog" aria-labelledby="delete-title" aria-describedby="delete-body"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close(false);
      }}>
      <h2 part="dialog-title" id="delete-title">${t.deleteTitle(this.systemName)}</h2>
      <div id="delete-body">
        ${
          counts
            ? html`<p>${t.deleteIntro}</p>
              <ul part="consequences">
                ${t.deleteConsequences(counts).map((c) => html`<li>${c}</li>`)}
              </ul>
              <p><strong>${t.deleteIrreversible}</strong></p>`
            : nothing
        }
      </div>
      <div part="live" role="status" aria-live="polite">${this.announcement}</div>
      <div part="actions">
        <button type="button" part="confirm-delete" ?disabled=${this.phase !== 'ready'} @click=${() => this.confirm()}>
          ${this.phase === 'deleting' ? t.deleting : t.deleteConfirm}
        </button>
        <button type="button" part="cancel" @click=${() => this.close(false)}>${t.cancel}</button>
      </div>
    </dialog>`;
  }
}

if (!customElements.get('kitos-usage-delete')) customElements.define('kitos-usage-delete', KitosUsageDelete);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-usage-delete': KitosUsageDelete;
  }
}
