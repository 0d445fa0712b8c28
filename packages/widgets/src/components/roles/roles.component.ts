import type { RoleObjectKind, RoleRow, RolesOverview, RoleTransferPreview } from '@os2kitos/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { canTransferRoles, type KitosClient, type UserChoice } from '../../data/client.js';
import { type RolesStrings, rolesStrings } from '../../i18n/roles-strings.js';
import { csvCell, csvDocument } from '../../internal/csv.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { coalesced, LiveUpdates, touches } from '../../internal/live.js';
import { rolesStyles } from './roles.styles.js';

/** Kinds of record whose changes alter who holds which role. */
const LIVE_KINDS: ReadonlySet<string> = new Set([
  'itSystemUsage',
  'itContract',
  'dataProcessingRegistration',
  'organizationUnit',
  'unitRole',
  'user',
]);

const KINDS: readonly RoleObjectKind[] = [
  'itSystemUsage',
  'itContract',
  'dataProcessingRegistration',
  'organizationUnit',
];

const keyOf = (r: Pick<RoleRow, 'objectKind' | 'objectUuid' | 'roleUuid'>) =>
  `${r.objectKind}/${r.objectUuid}/${r.roleUuid}`;

/**
 * Who holds which role on the organisation's IT-system usages, contracts, data processing
 * registrations and units, and a person's roles in one place. When a person leaves, choose them,
 * tick the roles to move (those you may change are ticked), choose who takes over, and confirm the
 * preview: every role moves in one transaction, through the same checks as a single role change,
 * or nothing moves and the widget says why. Export writes what is shown as CSV for Danish Excel, and
 * as an XLSX workbook when the client can (`rolesWorkbook`).
 *
 * @summary Roles across the organisation, a person's roles, bulk transfer with preview, CSV and XLSX export.
 * @tagname kitos-roles
 * @fires {KitosRolesTransferredEvent} kitos-roles-transferred - Roles were moved to another person.
 * @fires {KitosErrorEvent} kitos-error - The roles could not be loaded, or a transfer was refused.
 * @csspart title - The heading.
 * @csspart toolbar - The person and type filters and the export buttons.
 * @csspart export - The CSV export button.
 * @csspart export-xlsx - The XLSX export button (a client that writes workbooks).
 * @csspart count - How many roles are shown (a live region).
 * @csspart table - The table of roles.
 * @csspart transfer - The transfer form (a person chosen, a client that can write).
 * @csspart dialog - The preview dialog.
 * @csspart status - The result of the last transfer (a live region).
 * @csspart message - Loading, empty and not-available messages.
 * @csspart error - The error message.
 * @cssprop --kitos-color-border - Table rules.
 * @cssprop --kitos-color-text-muted - Secondary text.
 * @cssprop --kitos-color-danger - Refusals in the preview.
 *
 * @example
 * ```html
 * <kitos-roles organization-uuid="…" user-uuid="…"></kitos-roles>
 * <script type="module">
 *   document.querySelector('kitos-roles').addEventListener('kitos-roles-transferred', (e) => console.log(e.detail.moved));
 * </script>
 * ```
 */
export class KitosRoles extends KitosElement {
  /** Styles of the element. */
  static override styles = rolesStyles;

  /** The organisation; default: the provider's. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** The person whose roles are shown (reflected; empty: everyone's). */
  @property({ attribute: 'user-uuid', reflect: true })
  userUuid = '';

  /** Heading level of the title (2–6, default 2); `0` hides the title. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  @state() private data: RolesOverview | null = null;
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' | 'unavailable' = 'idle';
  @state() private kind: RoleObjectKind | '' = '';
  @state() private selected = new Set<string>();
  @state() private members: readonly UserChoice[] = [];
  @state() private toUserUuid = '';
  @state() private preview: RoleTransferPreview | null = null;
  @state() private busy = false;
  @state() private status = '';
  @state() private failure = '';
  @state() private exporting: 'idle' | 'busy' | 'failed' = 'idle';
  @query('dialog') private dialog!: HTMLDialogElement | null;
  private source: { client: KitosClient | undefined; org: string } | null = null;
  private request = 0;
  private selectedFor = '';
  private readonly reload = coalesced(async () => {
    const client = this.activeClient;
    if (client && this.org) await this.load(client, this.org, true);
  });
  private readonly live = new LiveUpdates((change) => {
    if (this.phase === 'ready' && !this.busy && touches(change, new Set(), LIVE_KINDS)) this.reload();
  });

  private get rs(): RolesStrings {
    return rolesStrings(this.language);
  }

  private get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.live.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.activeClient;
    if (this.isConnected) this.live.sync(client, this.org);
    if (changed.has('userUuid')) this.resetSelection();
    const source = this.source;
    if (source && source.client === client && source.org === this.org) return;
    this.source = { client, org: this.org };
    if (client && this.org) void this.load(client, this.org);
  }

  private async load(client: KitosClient, org: string, quiet = false): Promise<void> {
    const request = ++this.request;
    if (!client.roles) {
      this.phase = 'unavailable';
      return;
    }
    if (!quiet) this.phase = 'loading';
    try {
      const [data, choices] = await Promise.all([
        client.roles({ organizationUuid: org }),
        canTransferRoles(client) && client.usageEditChoices ? client.usageEditChoices(org) : undefined,
      ]);
      if (request !== this.request) return;
      this.data = data;
      this.members = choices?.users ?? [];
      this.phase = 'ready';
      this.resetSelection(quiet);
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('roles', error);
    }
  }

  /** The rows shown: the person's (or everyone's), of the chosen kind. */
  private rows(): RoleRow[] {
    return (this.data?.rows ?? []).filter(
      (r) => (!this.userUuid || r.userUuid === this.userUuid) && (!this.kind || r.objectKind === this.kind),
    );
  }

  /** A newly chosen person starts with every role the reader may change ticked. */
  private resetSelection(keep = false): void {
    if (keep && this.selectedFor === this.userUuid) {
      const present = new Set(this.rows().map(keyOf));
      this.selected = new Set([...this.selected].filter((k) => present.has(k)));
      return;
    }
    this.selectedFor = this.userUuid;
    this.selected = new Set(
      this.userUuid
        ? (this.data?.rows ?? []).filter((r) => r.userUuid === this.userUuid && r.mayChange).map(keyOf)
        : [],
    );
    this.toUserUuid = '';
    this.status = '';
    this.failure = '';
  }

  private get transferable(): boolean {
    return !!this.userUuid && canTransferRoles(this.activeClient);
  }

  private chosen(): RoleRow[] {
    return this.rows().filter((r) => this.selected.has(keyOf(r)));
  }

  private toggle(row: RoleRow, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(keyOf(row));
    else next.delete(keyOf(row));
    this.selected = next;
  }

  private toggleAll(on: boolean): void {
    const next = new Set(this.selected);
    for (const r of this.rows().filter((x) => x.mayChange)) {
      if (on) next.add(keyOf(r));
      else next.delete(keyOf(r));
    }
    this.selected = next;
  }

  private transferInput() {
    return {
      organizationUuid: this.org,
      fromUserUuid: this.userUuid,
      toUserUuid: this.toUserUuid,
      items: this.chosen().map((r) => ({
        objectKind: r.objectKind,
        objectUuid: r.objectUuid,
        roleUuid: r.roleUuid,
        ...(r.objectVersion === null ? {} : { expectedVersion: r.objectVersion }),
      })),
    };
  }

  private async openPreview(): Promise<void> {
    const client = this.activeClient;
    if (!canTransferRoles(client) || !this.toUserUuid || this.chosen().length === 0) return;
    this.failure = '';
    this.status = '';
    try {
      this.preview = await client.previewRoleTransfer(this.transferInput());
      await this.updateComplete;
      this.dialog?.showModal();
      // Focus starts on the action the preview allows, else on cancel.
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="dialog"] button:not([disabled])')?.focus();
    } catch (error) {
      this.failure = this.rs.failed(error instanceof Error ? error.message : String(error));
      this.reportError('previewRoleTransfer', error);
    }
  }

  private closePreview(): void {
    if (this.dialog?.open) this.dialog.close();
    this.preview = null;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="preview-button"]')?.focus(),
    );
  }

  private async confirm(): Promise<void> {
    const client = this.activeClient;
    if (!canTransferRoles(client) || !this.preview?.allowed) return;
    const input = this.transferInput();
    const to = this.preview.to.user;
    this.busy = true;
    try {
      const result = await client.transferRoles(input);
      this.closePreview();
      this.status = this.rs.moved(result.moved, to);
      this.emit('kitos-roles-transferred', {
        organizationUuid: input.organizationUuid,
        fromUserUuid: input.fromUserUuid,
        toUserUuid: input.toUserUuid,
        moved: result.moved,
        records: result.records,
      });
      if (this.org) await this.load(client, this.org, true);
    } catch (error) {
      this.closePreview();
      this.failure = this.rs.failed(error instanceof Error ? error.message : String(error));
      this.reportError('transferRoles', error);
    } finally {
      this.busy = false;
    }
  }

  /** Writes the rows shown as CSV (BOM, `;`, CRLF: Danish Excel) and offers the file. */
  private exportCsv(): void {
    const rs = this.rs;
    const text = csvDocument(
      [rs.name, rs.email, rs.role, rs.kind, rs.record],
      this.rows().map((r) =>
        [r.user, r.email ?? '', r.role, rs.kinds[r.objectKind], r.objectName].map((v) => csvCell(v)),
      ),
    );
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = this.language === 'da' ? 'roller.csv' : 'roles.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  /**
   * Downloads the roles shown (the same person and kind) as an XLSX workbook, in the widget's
   * language. Rejects with `KitosWidgetError` when the client cannot write workbooks.
   *
   * @example
   * ```ts
   * await document.querySelector('kitos-roles')!.exportXlsx();
   * ```
   */
  async exportXlsx(): Promise<void> {
    const client = this.activeClient;
    if (!client?.rolesWorkbook) {
      const { KitosWidgetError } = await import('../../data/errors.js');
      throw new KitosWidgetError('no-client', 'the client cannot write workbooks');
    }
    this.exporting = 'busy';
    try {
      const file = await client.rolesWorkbook(
        {
          organizationUuid: this.org,
          ...(this.userUuid ? { userUuid: this.userUuid } : {}),
          ...(this.kind ? { objectKinds: [this.kind] } : {}),
        },
        this.language,
      );
      const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.mediaType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      this.exporting = 'idle';
    } catch (error) {
      this.exporting = 'failed';
      this.reportError('rolesWorkbook', error);
    }
  }

  private renderToolbar(rows: readonly RoleRow[]) {
    const rs = this.rs;
    return html`<div part="toolbar">
      <label>
        <span>${rs.person}</span>
        <select
          id="person"
          @change=${(e: Event) => {
            this.userUuid = (e.target as HTMLSelectElement).value;
          }}
        >
          <option value="" ?selected=${!this.userUuid}>${rs.everyone}</option>
          ${(this.data?.holders ?? []).map(
            (h) =>
              html`<option value=${h.userUuid} ?selected=${h.userUuid === this.userUuid}>
                ${rs.holder(h.user, h.roles)}
              </option>`,
          )}
        </select>
      </label>
      <label>
        <span>${rs.kind}</span>
        <select
          id="kind"
          @change=${(e: Event) => {
            this.kind = (e.target as HTMLSelectElement).value as RoleObjectKind | '';
          }}
        >
          <option value="" ?selected=${!this.kind}>${rs.allKinds}</option>
          ${KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${rs.kinds[k]}</option>`)}
        </select>
      </label>
      <button type="button" part="export" ?disabled=${rows.length === 0} @click=${() => this.exportCsv()}>
        ${rs.exportCsv}
      </button>
      ${
        typeof this.activeClient?.rolesWorkbook === 'function'
          ? html`<button
              type="button"
              part="export-xlsx"
              ?disabled=${rows.length === 0 || this.exporting === 'busy'}
              @click=${() => void this.exportXlsx()}
            >
              ${this.exporting === 'busy' ? rs.exporting : rs.exportXlsx}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderTable(rows: readonly RoleRow[]) {
    const rs = this.rs;
    const pick = this.transferable;
    const changeable = rows.filter((r) => r.mayChange);
    const all = changeable.length > 0 && changeable.every((r) => this.selected.has(keyOf(r)));
    if (rows.length === 0) return html`<p part="message">${rs.none}</p>`;
    return html`<div part="scroller">
      <table part="table">
        <caption class="visually-hidden">${rs.title}</caption>
        <thead>
          <tr>
            ${
              pick
                ? html`<th scope="col">
                    <input
                      type="checkbox"
                      aria-label=${rs.selectAll}
                      .checked=${all}
                      ?disabled=${changeable.length === 0}
                      @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)}
                    />
                  </th>`
                : nothing
            }
            ${this.userUuid ? nothing : html`<th scope="col">${rs.person}</th>`}
            <th scope="col">${rs.role}</th>
            <th scope="col">${rs.kind}</th>
            <th scope="col">${rs.record}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr data-key=${keyOf(r)}>
              ${
                pick
                  ? html`<td>
                      <input
                        type="checkbox"
                        aria-label=${rs.selectRole(r.role, r.objectName)}
                        .checked=${this.selected.has(keyOf(r))}
                        ?disabled=${!r.mayChange}
                        @change=${(e: Event) => this.toggle(r, (e.target as HTMLInputElement).checked)}
                      />
                    </td>`
                  : nothing
              }
              ${
                // One person's roles: the person is named in the filter, not on every row.
                this.userUuid
                  ? nothing
                  : html`<td>${r.user}${r.email ? html`<span part="email">${emailParts(r.email)}</span>` : nothing}</td>`
              }
              <td>${r.role}</td>
              <td>${rs.kinds[r.objectKind]}</td>
              <td>${r.objectName}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderTransfer() {
    const rs = this.rs;
    const n = this.chosen().length;
    const others = this.members.filter((m) => m.uuid !== this.userUuid);
    return html`<section part="transfer" aria-labelledby="transfer-title">
      <h3 id="transfer-title">${rs.transfer}</h3>
      <label>
        <span>${rs.transferTo}</span>
        <select
          id="to"
          @change=${(e: Event) => {
            this.toUserUuid = (e.target as HTMLSelectElement).value;
          }}
        >
          <option value="" ?selected=${!this.toUserUuid}>${rs.choose}</option>
          ${others.map(
            (m) =>
              html`<option value=${m.uuid} ?selected=${m.uuid === this.toUserUuid}>${m.name} (${m.email})</option>`,
          )}
        </select>
      </label>
      <button
        type="button"
        part="preview-button"
        ?disabled=${n === 0 || !this.toUserUuid}
        @click=${() => void this.openPreview()}
      >
        ${rs.preview(n)}
      </button>
    </section>`;
  }

  private renderDialog() {
    const rs = this.rs;
    const p = this.preview;
    return html`<dialog
      part="dialog"
      aria-labelledby="dialog-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        if (!this.busy) this.closePreview();
      }}
    >
      ${
        p
          ? html`<h3 id="dialog-title">${rs.previewTitle(p.from.user, p.to.user)}</h3>
              <ul part="plan">
                ${p.items.map(
                  (i) => html`<li>
                    ${rs.kinds[i.objectKind]}: ${i.objectName} — ${i.role}
                    ${i.alreadyHeld ? html`<em>(${p.to.user} ${rs.alreadyHeld})</em>` : nothing}
                    ${i.mayChange ? nothing : html`<strong part="refusal">(${rs.notAllowed})</strong>`}
                  </li>`,
                )}
              </ul>
              ${p.toIsMember ? nothing : html`<p part="refusal">${rs.notMember}</p>`}
              ${p.refused > 0 ? html`<p part="refusal">${rs.refused(p.refused)}</p>` : nothing}
              <div part="actions">
                <button type="button" ?disabled=${!p.allowed || this.busy} @click=${() => void this.confirm()}>
                  ${this.busy ? rs.moving : rs.confirm(p.items.length)}
                </button>
                <button type="button" ?disabled=${this.busy} @click=${() => this.closePreview()}>${rs.cancel}</button>
              </div>`
          : nothing
      }
    </dialog>`;
  }

  override render() {
    const { t } = this;
    const rs = this.rs;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    if (this.phase === 'unavailable') return html`<p part="message">${rs.notAvailable}</p>`;
    if (this.phase === 'error') return html`<p part="error" role="alert">${t.loadFailed}</p>`;
    if (this.phase !== 'ready') return html`<p part="message" aria-busy="true">${t.loading}</p>`;
    const level = Math.min(6, Math.max(0, this.headingLevel));
    const rows = this.rows();
    return html`${level ? html`<div role="heading" aria-level=${level} part="title">${rs.title}</div>` : nothing}
      ${this.renderToolbar(rows)}
      ${this.transferable ? this.renderTransfer() : nothing}
      <p part="count" role="status">${rs.count(rows.length)}</p>
      ${this.renderTable(rows)}
      <p part="status" role="status">${this.status}</p>
      ${this.failure ? html`<p part="error" role="alert">${this.failure}</p>` : nothing}
      ${this.exporting === 'failed' ? html`<p part="error" role="alert">${rs.exportFailed}</p>` : nothing}
      ${this.renderDialog()}`;
  }
}

/** An e-mail address that may wrap after its `@` (and nowhere else unless the column is too narrow). */
function emailParts(email: string): TemplateResult | string {
  const at = email.indexOf('@');
  return at < 0 ? email : html`${email.slice(0, at + 1)}<wbr />${email.slice(at + 1)}`;
}
