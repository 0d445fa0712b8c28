/**
 * The create dialog of records that start from a name (a contract, a registration): everything
 * else is edited on the record's card afterwards. The name is checked with the core's create schema
 * while the user types, and a name the organisation already uses is refused by the core and said at
 * the field. Each kind subclasses it with its words, its check and its create method. Loaded on
 * first use.
 */
import { KitosConflictError, KitosValidationError, type ValidationIssue } from '@os2kitos/core';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KitosClient } from '../../data/client.js';
import type { KitosRecordKind } from '../../events/kitos-saved.js';
import { type EditStrings, editStrings } from '../../i18n/edit-strings.js';
import { toLang } from '../../i18n/strings.js';
import { emit } from '../emit.js';
import { baseStyles } from '../styles.js';
import { editStyles } from './edit-styles.js';
import { issueText } from './usage-validate.js';

/** What a create dialog says, in the user's language. */
export interface CreateTexts {
  readonly title: string;
  readonly name: string;
  readonly hint: string;
  readonly create: string;
  readonly creating: string;
  readonly failed: string;
}

/** The created record, as the dialog reports it. */
export interface CreatedRecord {
  readonly uuid: string;
  readonly name: string;
  readonly version: number;
}

/** The create dialog of one kind. Internal: the create elements open a subclass. */
export abstract class KitosNameCreateDialog extends LitElement {
  static override styles = [baseStyles, editStyles];

  /** A client with the kind's create method (the subclass checks which). */
  @property({ attribute: false }) client: KitosClient | undefined;
  @property({ attribute: 'organization-uuid' }) organizationUuid = '';
  @property() override lang = 'da';
  /** Called when the dialog closes, with the new record's name and uuid, if one was created. */
  @property({ attribute: false }) onClose: ((created: { name: string; uuid: string } | null) => void) | undefined;

  @state() private name = '';
  @state() private problem = '';
  @state() private busy = false;
  @state() private announcement = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private touched = false;

  /** The kind, as `kitos-saved` names it. */
  protected abstract readonly kind: KitosRecordKind;
  /** The `operation` of a `kitos-error` when the create failed. */
  protected abstract readonly operation: string;
  /** The dialog's words. */
  protected abstract textsOf(t: EditStrings): CreateTexts;
  /** The core's create schema over the input. */
  protected abstract check(input: { organizationUuid: string; name: string }): ValidationIssue[];
  /** Creates the record. */
  protected abstract createRecord(input: { organizationUuid: string; name: string }): Promise<CreatedRecord>;

  private get e(): CreateTexts {
    return this.textsOf(editStrings(toLang(this.lang)));
  }

  private get cancelText(): string {
    return editStrings(toLang(this.lang)).cancel;
  }

  override firstUpdated(): void {
    // A modal dialog keeps focus inside and closes on Escape; focus starts in the name field.
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
  }

  private close(created: { name: string; uuid: string } | null): void {
    if (this.dialog.open) this.dialog.close();
    this.onClose?.(created);
  }

  /** The core's first objection to the name, in words, or ''. */
  private problemOf(): string {
    const [first] = this.check({ organizationUuid: this.organizationUuid, name: this.name });
    return first ? issueText(first, toLang(this.lang)) : '';
  }

  private async create(ev: Event): Promise<void> {
    ev.preventDefault();
    const client = this.client;
    if (!client || this.busy) return;
    this.touched = true;
    this.problem = this.problemOf();
    if (this.problem) {
      this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
      return;
    }
    this.busy = true;
    this.announcement = this.e.creating;
    const name = this.name.trim();
    try {
      const created = await this.createRecord({ organizationUuid: this.organizationUuid, name });
      emit(this, 'kitos-saved', {
        kind: this.kind,
        uuid: created.uuid,
        action: 'create',
        version: created.version,
        fields: [],
      });
      this.close({ name: created.name, uuid: created.uuid });
    } catch (error) {
      // The core's answer at the field: a name taken, or the schema's objection.
      const lang = toLang(this.lang);
      if (error instanceof KitosConflictError)
        this.problem = issueText({ path: ['name'], code: 'name-taken', message: error.message }, lang);
      else if (error instanceof KitosValidationError && error.issues[0])
        this.problem = issueText(error.issues[0], lang);
      else this.problem = this.e.failed;
      this.announcement = '';
      emit(this, 'kitos-error', { operation: this.operation, error });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { e } = this;
    const invalid = this.problem ? 'true' : 'false';
    return html`<dialog part="dialog" aria-labelledby="create-title" @cancel=${(ev: Event) => {
      ev.preventDefault();
      this.close(null);
    }}>
      <form part="edit-form" @submit=${(ev: Event) => this.create(ev)} novalidate>
        <h2 part="dialog-title" id="create-title">${e.title}</h2>
        <div part="field">
          <label for="name">${e.name}</label>
          <input id="name" type="text" autocomplete="off" maxlength="200" aria-invalid=${invalid}
            aria-describedby=${this.problem ? 'name-hint name-error' : 'name-hint'} .value=${this.name}
            @input=${(ev: Event) => {
              this.name = (ev.target as HTMLInputElement).value;
              this.problem = this.touched ? this.problemOf() : '';
            }} />
          <span part="hint" id="name-hint">${e.hint}</span>
          ${this.problem ? html`<span part="field-error" id="name-error">${this.problem}</span>` : nothing}
        </div>
        <div part="live" role="status" aria-live="polite">${this.announcement}</div>
        <div part="actions">
          <button type="submit" part="create" ?disabled=${this.busy}>${this.busy ? e.creating : e.create}</button>
          <button type="button" part="cancel" @click=${() => this.close(null)}>${this.cancelText}</button>
        </div>
      </form>
    </dialog>`;
  }
}
