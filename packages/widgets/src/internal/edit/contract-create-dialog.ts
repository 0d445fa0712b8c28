/**
 * `<kitos-contract-create-dialog>`: the dialog of `<kitos-contract-create>`, loaded on first use.
 * A new contract needs a name only (everything else is edited on its card afterwards); the name is
 * checked with the core's create schema while the user types, and a name the organisation already
 * uses is refused by the core and said at the field.
 */
import { KitosConflictError, KitosValidationError } from '@os2kitos/core';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KitosContractWriter } from '../../data/client.js';
import type {} from '../../events/kitos-saved.js';
import { type EditStrings, editStrings } from '../../i18n/edit-strings.js';
import { toLang } from '../../i18n/strings.js';
import { emit } from '../emit.js';
import { baseStyles } from '../styles.js';
import { editStyles } from './edit-styles.js';
import { checkContractCreate, issueText } from './usage-validate.js';

/** The create dialog of a contract. Internal: `<kitos-contract-create>` opens it. */
export class KitosContractCreateDialog extends LitElement {
  static override styles = [baseStyles, editStyles];

  @property({ attribute: false }) client: KitosContractWriter | undefined;
  @property({ attribute: 'organization-uuid' }) organizationUuid = '';
  @property() override lang = 'da';
  /** Called when the dialog closes, with the new contract's name and uuid, if one was created. */
  @property({ attribute: false }) onClose: ((created: { name: string; uuid: string } | null) => void) | undefined;

  @state() private name = '';
  @state() private problem = '';
  @state() private busy = false;
  @state() private announcement = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private touched = false;

  private get e(): EditStrings {
    return editStrings(toLang(this.lang));
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
  private check(): string {
    const [first] = checkContractCreate({ organizationUuid: this.organizationUuid, name: this.name });
    return first ? issueText(first, toLang(this.lang)) : '';
  }

  private async create(ev: Event): Promise<void> {
    ev.preventDefault();
    const client = this.client;
    if (!client || this.busy) return;
    this.touched = true;
    this.problem = this.check();
    if (this.problem) {
      this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
      return;
    }
    this.busy = true;
    this.announcement = this.e.creatingContract;
    const name = this.name.trim();
    try {
      const contract = await client.createContract({ organizationUuid: this.organizationUuid, name });
      emit(this, 'kitos-saved', {
        kind: 'contracts',
        uuid: contract.uuid,
        action: 'create',
        version: contract.version,
        fields: [],
      });
      this.close({ name: contract.name, uuid: contract.uuid });
    } catch (error) {
      // The core's answer at the field: a name taken, or the schema's objection.
      const lang = toLang(this.lang);
      if (error instanceof KitosConflictError)
        this.problem = issueText({ path: ['name'], code: 'name-taken', message: error.message }, lang);
      else if (error instanceof KitosValidationError && error.issues[0])
        this.problem = issueText(error.issues[0], lang);
      else this.problem = this.e.createContractFailed;
      this.announcement = '';
      emit(this, 'kitos-error', { operation: 'createContract', error });
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
        <h2 part="dialog-title" id="create-title">${e.newContractTitle}</h2>
        <div part="field">
          <label for="name">${e.contractName}</label>
          <input id="name" type="text" autocomplete="off" maxlength="200" aria-invalid=${invalid}
            aria-describedby=${this.problem ? 'name-hint name-error' : 'name-hint'} .value=${this.name}
            @input=${(ev: Event) => {
              this.name = (ev.target as HTMLInputElement).value;
              this.problem = this.touched ? this.check() : '';
            }} />
          <span part="hint" id="name-hint">${e.contractNameHint}</span>
          ${this.problem ? html`<span part="field-error" id="name-error">${this.problem}</span>` : nothing}
        </div>
        <div part="live" role="status" aria-live="polite">${this.announcement}</div>
        <div part="actions">
          <button type="submit" part="create" ?disabled=${this.busy}>${this.busy ? e.creatingContract : e.createContract}</button>
          <button type="button" part="cancel" @click=${() => this.close(null)}>${e.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }
}

if (!customElements.get('kitos-contract-create-dialog'))
  customElements.define('kitos-contract-create-dialog', KitosContractCreateDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-contract-create-dialog': KitosContractCreateDialog;
  }
}
