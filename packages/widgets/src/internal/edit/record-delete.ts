/**
 * The delete confirmation of the cards (contract, registration): it asks the core what the delete
 * would take with it (`deleteConsequences`: the record's roles, references and links, and the
 * records that let go of it) and spells that out, then deletes at the version the report was read
 * at: a record someone changed meanwhile is not deleted unseen; the report is read again instead.
 * Each kind subclasses it with its words and its delete method. Loaded only with the edit modes.
 */
import { type DeleteConsequences, KitosConflictError } from '@os2kitos/core';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KitosClient, KitosWritableKind, KitosWriteOptions } from '../../data/client.js';
import type {} from '../../events/kitos-deleted.js';
import { type EditStrings, editStrings } from '../../i18n/edit-strings.js';
import { toLang } from '../../i18n/strings.js';
import { emit } from '../emit.js';
import { baseStyles } from '../styles.js';
import { editStyles } from './edit-styles.js';

/** What a delete dialog says, in the user's language. */
export interface DeleteTexts {
  readonly title: (name: string) => string;
  readonly intro: string;
  readonly consequences: (report: DeleteConsequences) => readonly string[];
  readonly confirm: string;
  readonly failed: string;
  readonly changedMeanwhile: string;
}

/** The delete confirmation of one record. Internal: the cards open a subclass. */
export abstract class KitosRecordDelete extends LitElement {
  static override styles = [baseStyles, editStyles];

  /** A client with `deleteConsequences` and the kind's delete method (the subclass checks which). */
  @property({ attribute: false }) client: KitosClient | undefined;
  @property() uuid = '';
  @property() override lang = 'da';
  /** The record's name, for the title. */
  @property({ attribute: 'record-name' }) recordName = '';
  /** Called when the dialog closes; `true` when the record was deleted. */
  @property({ attribute: false }) onClose: ((deleted: boolean) => void) | undefined;

  @state() private report: DeleteConsequences | undefined;
  @state() private phase: 'loading' | 'ready' | 'deleting' | 'failed' = 'loading';
  @state() private announcement = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  /** The kind, as the events name it and `deleteConsequences` takes it. */
  protected abstract readonly kind: KitosWritableKind;
  /** The `operation` of a `kitos-error` when the delete failed. */
  protected abstract readonly operation: string;
  /** The dialog's words. */
  protected abstract textsOf(t: EditStrings): DeleteTexts;
  /** Deletes the record at the version the report was read at. */
  protected abstract deleteRecord(uuid: string, options: KitosWriteOptions): Promise<void>;

  private get t(): EditStrings {
    return editStrings(toLang(this.lang));
  }

  private get texts(): DeleteTexts {
    return this.textsOf(this.t);
  }

  private report$(): Promise<DeleteConsequences> {
    const client = this.client as KitosClient;
    if (!client.deleteConsequences) throw new Error('the client cannot report delete consequences');
    return client.deleteConsequences(this.kind, this.uuid);
  }

  override async firstUpdated(): Promise<void> {
    // A modal dialog keeps focus inside it and closes on Escape; the card returns focus to its button.
    this.dialog.showModal();
    try {
      this.report = await this.report$();
      this.phase = 'ready';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="cancel"]')?.focus();
    } catch (error) {
      this.phase = 'failed';
      this.announcement = this.texts.failed;
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
      await this.deleteRecord(this.uuid, { expectedVersion: report.version });
      emit(this, 'kitos-deleted', { kind: this.kind, uuid: this.uuid });
      this.close(true);
    } catch (error) {
      this.phase = 'ready';
      if (error instanceof KitosConflictError) {
        // Someone changed it meanwhile: show the consequences as they are now and ask again.
        this.report = await this.report$().catch(() => report);
        this.announcement = this.texts.changedMeanwhile;
      } else {
        this.announcement = this.texts.failed;
      }
      emit(this, 'kitos-error', { operation: this.operation, error });
    }
  }

  override render() {
    const { t, texts } = this;
    const r = this.report;
    return html`<dialog part="dialog" aria-labelledby="delete-title" aria-describedby="delete-body"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close(false);
      }}>
      <h2 part="dialog-title" id="delete-title">${texts.title(this.recordName)}</h2>
      <div id="delete-body">
        ${
          r
            ? html`<p>${texts.intro}</p>
              <ul part="consequences">
                ${texts.consequences(r).map((c) => html`<li>${c}</li>`)}
              </ul>
              <p><strong>${t.deleteIrreversible}</strong></p>`
            : nothing
        }
      </div>
      <div part="live" role="status" aria-live="polite">${this.announcement}</div>
      <div part="actions">
        <button type="button" part="confirm-delete" ?disabled=${this.phase !== 'ready'} @click=${() => this.confirm()}>
          ${this.phase === 'deleting' ? t.deleting : texts.confirm}
        </button>
        <button type="button" part="cancel" @click=${() => this.close(false)}>${t.cancel}</button>
      </div>
    </dialog>`;
  }
}
