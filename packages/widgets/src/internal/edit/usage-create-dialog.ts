/**
 * `<kitos-usage-create-dialog>`: the dialog of `<kitos-usage-create>`, loaded on first use so the
 * button costs a page next to nothing. Searches the catalogue through the client's catalogue
 * overview, refuses systems already in use or deactivated with the reason beside them, and takes
 * the picked system into use.
 */
import { type CatalogueRow, KitosConflictError } from '@os2kitos/core';
import { css, html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KitosUsageWriter } from '../../data/client.js';
import type {} from '../../events/kitos-saved.js';
import { type EditStrings, editStrings } from '../../i18n/edit-strings.js';
import { toLang } from '../../i18n/strings.js';
import { emit } from '../emit.js';
import { baseStyles } from '../styles.js';
import { editStyles } from './edit-styles.js';

/** How many catalogue systems the dialog lists at a time; more means typing more of the name. */
const SHOWN = 50;

/** The create dialog. Internal: `<kitos-usage-create>` opens it. */
export class KitosUsageCreateDialog extends LitElement {
  static override styles = [
    baseStyles,
    editStyles,
    css`
      dialog {
        width: min(36rem, calc(100vw - 2rem));
      }
      [part~='search'] {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        margin-block-end: 0.5rem;
      }
      [part~='systems'] {
        max-height: 18rem;
        overflow: auto;
        margin-block-end: 0.75rem;
      }
      [part~='system'] {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 0.5rem;
        align-items: start;
        padding-block: 0.2rem;
        overflow-wrap: anywhere;
      }
      [part~='reason'] {
        grid-column: 2;
        color: var(--kitos-color-text-muted, #444);
        font-size: 0.85em;
      }
    `,
  ];

  @property({ attribute: false }) client: KitosUsageWriter | undefined;
  @property({ attribute: 'organization-uuid' }) organizationUuid = '';
  @property() override lang = 'da';
  /** Called when the dialog closes, with the name of the system taken into use, if any. */
  @property({ attribute: false }) onClose: ((created: string | null) => void) | undefined;

  @state() private search = '';
  @state() private rows: readonly CatalogueRow[] = [];
  @state() private picked = '';
  @state() private busy = false;
  @state() private announcement = '';
  @state() private problem = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private request = 0;

  private get e(): EditStrings {
    return editStrings(toLang(this.lang));
  }

  override async firstUpdated(): Promise<void> {
    // A modal dialog keeps focus inside and closes on Escape; focus starts in the search field.
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
    await this.find('');
  }

  private close(created: string | null): void {
    if (this.dialog.open) this.dialog.close();
    this.onClose?.(created);
  }

  /** Searches the catalogue; a late answer to an earlier search is dropped. */
  private async find(search: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.search = search;
    const request = ++this.request;
    try {
      const page = await client.overview('catalogue', {
        organizationUuid: this.organizationUuid,
        search: search.trim() || undefined,
        sort: [{ column: 'name', direction: 'asc' }],
        limit: SHOWN,
      });
      if (request !== this.request) return;
      this.rows = page.rows;
      if (!page.rows.some((r) => r.uuid === this.picked)) this.picked = '';
      this.announcement = this.e.systemsFound(page.total);
    } catch (error) {
      if (request !== this.request) return;
      emit(this, 'kitos-error', { operation: 'overview', error });
    }
  }

  private reason(row: CatalogueRow): string | null {
    if (row.usedHere) return this.e.alreadyInUse;
    if (row.deactivated) return this.e.deactivated;
    return null;
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.client;
    if (!client || this.busy) return;
    const row = this.rows.find((r) => r.uuid === this.picked);
    if (!row || this.reason(row)) {
      this.problem = this.e.pickSystem;
      this.renderRoot.querySelector<HTMLElement>('[part~="systems"] input:not([disabled])')?.focus();
      return;
    }
    this.busy = true;
    this.problem = '';
    this.announcement = this.e.creating;
    try {
      const usage = await client.createUsage({ organizationUuid: this.organizationUuid, systemUuid: row.uuid });
      emit(this, 'kitos-saved', {
        kind: 'usages',
        uuid: usage.uuid,
        action: 'create',
        version: usage.version,
        fields: [],
      });
      this.close(row.name);
    } catch (error) {
      // Someone took it into use meanwhile: say so, and show the list as it is now.
      this.problem = error instanceof KitosConflictError ? this.e.alreadyInUse : this.e.createFailed;
      emit(this, 'kitos-error', { operation: 'createUsage', error });
      await this.find(this.search);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const { e } = this;
    return html`<dialog part="dialog" aria-labelledby="create-title" @cancel=${(ev: Event) => {
      ev.preventDefault();
      this.close(null);
    }}>
      <form @submit=${(ev: Event) => this.create(ev)} novalidate>
        <h2 part="dialog-title" id="create-title">${e.createTitle}</h2>
        <div part="search">
          <label for="search">${e.searchSystems}</label>
          <input id="search" type="search" autocomplete="off" aria-describedby="search-hint" .value=${this.search}
            @input=${(ev: Event) => this.find((ev.target as HTMLInputElement).value)} />
          <span part="hint" id="search-hint">${e.searchSystemsHint}</span>
        </div>
        <div part="live" role="status" aria-live="polite">${this.announcement}</div>
        <fieldset part="systems" aria-describedby=${this.problem ? 'create-problem' : nothing}>
          <legend class="visually-hidden">${e.searchSystems}</legend>
          ${this.rows.map((row) => {
            const reason = this.reason(row);
            const id = `s-${row.uuid}`;
            return html`<div part="system">
              <input type="radio" name="system" id=${id} value=${row.uuid} ?disabled=${!!reason}
                .checked=${this.picked === row.uuid} aria-describedby=${reason ? `${id}-reason` : nothing}
                @change=${() => {
                  this.picked = row.uuid;
                  this.problem = '';
                }} />
              <label for=${id}>${row.name}</label>
              ${reason ? html`<span part="reason" id=${`${id}-reason`}>${reason}</span>` : nothing}
            </div>`;
          })}
        </fieldset>
        ${this.problem ? html`<p part="error" id="create-problem" role="alert">${this.problem}</p>` : nothing}
        <div part="actions">
          <button type="submit" part="create" ?disabled=${this.busy}>${this.busy ? e.creating : e.create}</button>
          <button type="button" part="cancel" @click=${() => this.close(null)}>${e.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }
}

if (!customElements.get('kitos-usage-create-dialog'))
  customElements.define('kitos-usage-create-dialog', KitosUsageCreateDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-usage-create-dialog': KitosUsageCreateDialog;
  }
}
