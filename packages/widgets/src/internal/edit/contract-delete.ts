/**
 * `<kitos-contract-delete>`: the confirmation of "Slet kontrakt", loaded by `<kitos-contract-card>`
 * on first use. It asks the core what the delete would take with it (`deleteConsequences`: the
 * contract's roles, references and links, the usages, sub-contracts, registrations and projects
 * that let go of it) and spells that out, then deletes at the version the report was read at: a
 * contract someone changed meanwhile is not deleted unseen; the report is read again instead.
 */
import { type DeleteConsequences, KitosConflictError } from '@os2kitos/core';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KitosContractWriter } from '../../data/client.js';
import type {} from '../../events/kitos-deleted.js';
import { type EditStrings, editStrings } from '../../i18n/edit-strings.js';
import { toLang } from '../../i18n/strings.js';
import { emit } from '../emit.js';
import { baseStyles } from '../styles.js';
import { editStyles } from './edit-styles.js';

/** The delete confirmation of one contract. Internal: `<kitos-contract-card>` opens it. */
export class KitosContractDelete extends LitElement {
  static override styles = [baseStyles, editStyles];

  @property({ attribute: false }) client: KitosContractWriter | undefined;
  @property() uuid = '';
  @property() override lang = 'da';
  /** The contract's name, for the title. */
  @property({ attribute: 'record-name' }) recordName = '';
  /** Called when the dialog closes; `true` when the contract was deleted. */
  @property({ attribute: false }) onClose: ((deleted: boolean) => void) | undefined;

  @state() private report: DeleteConsequences | undefined;
  @state() private phase: 'loading' | 'ready' | 'deleting' | 'failed' = 'loading';
  @state() private announcement = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  private get t(): EditStrings {
    return editStrings(toLang(this.lang));
  }

  private get writer(): KitosContractWriter {
    return this.client as KitosContractWriter;
  }

  override async firstUpdated(): Promise<void> {
    // A modal dialog keeps focus inside it and closes on Escape; the card returns focus to its button.
    this.dialog.showModal();
    try {
      this.report = await this.writer.deleteConsequences('contracts', this.uuid);
      this.phase = 'ready';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="cancel"]')?.focus();
    } catch (error) {
      this.phase = 'failed';
      this.announcement = this.t.contractDeleteFailed;
      emit(this, 'kitos-error', { operation: 'deleteConsequences', error });
    }
  }

  private close(deleted: boolean): void {
    if (this.dialog.open) this.dialog.close();
    this.onClose?.(deleted);
  }

  private async confirm(): Promise<void> {
    const report = this.report;
    if (!report || this.phase === 'deleting') return;
    this.phase = 'deleting';
    this.announcement = this.t.deleting;
    try {
      await this.writer.deleteContract(this.uuid, { expectedVersion: report.version });
      emit(this, 'kitos-deleted', { kind: 'contracts', uuid: this.uuid });
      this.close(true);
    } catch (error) {
      this.phase = 'ready';
      if (error instanceof KitosConflictError) {
        // Someone changed it meanwhile: show the consequences as they are now and ask again.
        this.report = await this.writer.deleteConsequences('contracts', this.uuid).catch(() => report);
        this.announcement = this.t.contractChangedMeanwhile;
      } else {
        this.announcement = this.t.contractDeleteFailed;
      }
      emit(this, 'kitos-error', { operation: 'deleteContract', error });
    }
  }

  override render() {
    const { t } = this;
    const r = this.report;
    return html`<dialog part="dialog" aria-labelledby="delete-title" aria-describedby="delete-body"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close(false);
      }}>
      <h2 part="dialog-title" id="delete-title">${t.contractDeleteTitle(this.recordName)}</h2>
      <div id="delete-body">
        ${
          r
            ? html`<p>${t.contractDeleteIntro}</p>
              <ul part="consequences">
                ${t.contractDeleteConsequences(r).map((c) => html`<li>${c}</li>`)}
              </ul>
              <p><strong>${t.deleteIrreversible}</strong></p>`
            : nothing
        }
      </div>
      <div part="live" role="status" aria-live="polite">${this.announcement}</div>
      <div part="actions">
        <button type="button" part="confirm-delete" ?disabled=${this.phase !== 'ready'} @click=${() => this.confirm()}>
          ${this.phase === 'deleting' ? t.deleting : t.contractDeleteConfirm}
        </button>
        <button type="button" part="cancel" @click=${() => this.close(false)}>${t.cancel}</button>
      </div>
    </dialog>`;
  }
}

if (!customElements.get('kitos-contract-delete')) customElements.define('kitos-contract-delete', KitosContractDelete);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-contract-delete': KitosContractDelete;
  }
}
