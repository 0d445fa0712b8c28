import { CONTRACT_STATE_LABELS, CONTRACT_TERM_LABELS } from '@os2kitos/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { type ContractCardData, canWriteContracts, type KitosClient } from '../../data/client.js';
import { formatAmount, formatDate } from '../../i18n/format.js';
import { fact, heading, rolesTable, statusBlock } from '../../internal/card.js';
import { fieldLabel, valueLabel } from '../../internal/cells.js';
import { KitosCardElement } from '../../internal/kitos-card-element.js';
import { fillLinkTemplate } from '../../internal/links.js';
import { contractCardStyles } from './contract-card.styles.js';

/**
 * The card of one IT contract: status with every reason in words, validity, responsible unit,
 * supplier, the systems it covers, economy in kroner, the roles, and what KITOS leaves to people:
 * the deadline engine's latest notice day, earliest possible end, expiry, tender start and next
 * deadline. It respects the actor's permissions and the organisation's hidden fields.
 *
 * With a client that writes (the in-page or the HTTP client, not a static snapshot), the card has
 * "Redigér" when the actor may modify the contract and "Slet kontrakt" when they may delete it. The
 * edit mode (loaded on first use) groups the fields as KITOS does (contract, supplier, agreement
 * period and notice, economy, roles with a user picker), offers the option lists available in the
 * organisation with their local descriptions, takes dates as dd-mm-åååå, checks with the core's
 * schemas while the user types and shows the server's answer at the field it concerns. When someone
 * else saved first, it keeps what the user typed, names the fields they changed and offers to load
 * their version or to save on top of it. Deleting asks first and spells out what the core reports
 * the delete takes with it.
 *
 * @summary Contract card with computed deadlines and an edit mode.
 * @tagname kitos-contract-card
 * @attr uuid - The contract to show.
 * @attr edit-link-template - Link for editing the contract in KITOS, shown only with modify permission, e.g.
 *   `/contracts/{uuid}/edit`.
 * @fires {KitosSelectEvent} kitos-select - A system or parent contract link was followed (cancelable).
 * @fires {KitosErrorEvent} kitos-error - The card could not be loaded, or a write failed.
 * @fires {KitosSavedEvent} kitos-saved - A change was saved from the edit mode (`kind: 'contracts'`, `action: 'update'`, fields, version).
 * @fires {KitosConflictEvent} kitos-conflict - A save was refused because someone else saved first.
 * @fires {KitosDeletedEvent} kitos-deleted - The contract was deleted after the user confirmed.
 * @csspart card - The card.
 * @csspart title - The contract's name.
 * @csspart subtitle - Contract id and type.
 * @csspart status - The status: a badge when active, the reasons when not.
 * @csspart reasons - The list of reasons for "not active".
 * @csspart reason - One reason sentence.
 * @csspart enforced - "Forced valid" next to the badge (contracts forced valid).
 * @csspart facts - A list of facts.
 * @csspart list - The list of covered systems.
 * @csspart fact - One fact (term and value).
 * @csspart not-set - The "Ikke angivet" shown for an empty fact.
 * @csspart deadlines - The deadlines section.
 * @csspart deadline - One computed deadline (term and date).
 * @csspart next-deadline - The next deadline, highlighted.
 * @csspart economy - The economy section.
 * @csspart section-title - A section heading.
 * @csspart roles - The roles section.
 * @csspart roles-table - The roles table.
 * @csspart reminders - The record's `<kitos-notifications>` (with the `reminders` attribute).
 * @csspart no-access - The "no read access" message.
 * @csspart edit-link - The link for editing in KITOS (only with modify permission).
 * @csspart actions - The edit and delete buttons.
 * @csspart edit-button - "Redigér": opens the edit mode (only with modify permission and a client that writes).
 * @csspart delete-button - "Slet kontrakt": asks, then deletes (only with delete permission and a client that writes).
 * @csspart editor - The edit mode's form element.
 * @csspart live - What the card says after a save or a delete (a polite live region).
 * @csspart message - Loading messages.
 * @csspart error - The error message.
 * @cssprop --kitos-color-border - Border of the card.
 * @cssprop --kitos-color-bg - Background of the card.
 * @cssprop --kitos-color-surface - Background of the next deadline.
 * @cssprop --kitos-color-text-muted - Terms and secondary text.
 * @cssprop --kitos-color-danger - Text of the reasons.
 * @cssprop --kitos-color-danger-bg - Background of the reasons.
 *
 * @example
 * ```html
 * <kitos-contract-card uuid="…" usage-link-template="/usages/{uuid}"></kitos-contract-card>
 * ```
 */
export class KitosContractCard extends KitosCardElement<ContractCardData> {
  /** Styles of the element. */
  static override styles = contractCardStyles;

  /** Link of a covered system (usage), with `{uuid}` replaced, e.g. `/usages/{uuid}`. */
  @property({ attribute: 'usage-link-template' })
  usageLinkTemplate = '';

  /** Link of the parent contract, with `{uuid}` replaced, e.g. `/contracts/{uuid}`. */
  @property({ attribute: 'contract-link-template' })
  contractLinkTemplate = '';

  protected readonly operation = 'contractCard';

  protected fetchCard(client: KitosClient, uuid: string): Promise<ContractCardData> {
    return client.contractCard(uuid);
  }

  /** The edit controls need a client that writes and the actor's permission for each. */
  private get writer() {
    const client = this.activeClient;
    return canWriteContracts(client) ? client : undefined;
  }

  private renderActions(d: ContractCardData): TemplateResult | typeof nothing {
    const writer = this.writer;
    return this.renderRecordActions({
      writes: !!writer,
      permissions: d.permissions,
      editLabel: this.t.editHere,
      deleteLabel: this.t.deleteContract,
      editor: () => import('../../internal/edit/contract-editor.js'),
      deleteDialog: () => import('../../internal/edit/contract-delete.js'),
      confirmation: () =>
        html`<kitos-contract-delete .client=${writer} uuid=${d.uuid} lang=${this.language} record-name=${d.name}
          .onClose=${(deleted: boolean) => this.closeDeleteMode(deleted, (e) => e.contractDeleted(d.name))}></kitos-contract-delete>`,
    });
  }

  private renderEditor(d: ContractCardData): TemplateResult {
    return html`<article part="card" aria-labelledby="title">
      ${heading(this.headingLevel, d.name, 'title', 'title')}
      <kitos-contract-editor part="editor" .client=${this.writer} uuid=${d.uuid} lang=${this.language}
        record-name=${d.name} .onCancel=${() => this.closeEditMode(false)}
        @kitos-saved=${() => this.closeEditMode(true)}></kitos-contract-editor>
    </article>`;
  }

  private renderDeadlines(d: ContractCardData): TemplateResult {
    const { t } = this;
    const dl = d.deadlines;
    const next = dl.nextDeadline;
    const lang = this.language;
    const label = (id: Parameters<typeof fieldLabel<'contracts'>>[1]) => fieldLabel('contracts', id, lang);
    const date = (label: string, value: string | null) => fact(label, formatDate(value), t, 'fact deadline');
    return html`<section part="deadlines" aria-labelledby="deadlines-title">
      ${heading(this.headingLevel + 1, t.deadlines, 'section-title', 'deadlines-title')}
      ${
        next
          ? html`<p part="next-deadline">
              <strong>${label('nextDeadline')}:</strong> ${valueLabel(next.kind, 'ContractDeadlineKind', lang)}
              ${formatDate(next.date)}
              (${t.daysLeft(next.daysLeft)})
            </p>`
          : nothing
      }
      <dl part="facts">
        ${fact(t.contractState, CONTRACT_STATE_LABELS[dl.state][lang], t)} ${fact(t.noticePeriod, d.noticePeriodMonths === null ? null : t.months(d.noticePeriodMonths), t)}
        ${date(label('latestNoticeDay'), dl.latestNoticeDay)} ${date(label('earliestEnd'), dl.nextPossibleTermination)}
        ${dl.term === 'continuous' ? fact(label('expiry'), CONTRACT_TERM_LABELS.continuous[lang], t, 'fact deadline') : date(label('expiry'), dl.expiry)}
        ${dl.finalExpiry && dl.finalExpiry !== dl.expiry ? date(t.finalExpiry, dl.finalExpiry) : nothing}
        ${date(label('tenderStart'), dl.tenderStart)}
        ${dl.terminatedAt ? html`${date(label('terminatedAt'), dl.terminatedAt)} ${date(t.endsOn, dl.endsOn)}` : nothing}
      </dl>
    </section>`;
  }

  private renderCard(d: ContractCardData): TemplateResult {
    const { t } = this;
    const label = (id: Parameters<typeof fieldLabel<'contracts'>>[1]) => fieldLabel('contracts', id, this.language);
    const subtitle = [d.contractId, d.contractType].filter(Boolean).join(' · ');
    const edit = d.permissions.modify ? fillLinkTemplate(this.editLinkTemplate, d.uuid) : undefined;
    const systems = d.systemUsages.length
      ? html`<ul part="list">
          ${d.systemUsages.map((s) => html`<li>${this.recordLink(s, this.usageLinkTemplate, 'usages')}</li>`)}
        </ul>`
      : null;
    return html`<article part="card" aria-labelledby="title">
      ${heading(this.headingLevel, d.name, 'title', 'title')}
      ${subtitle ? html`<p part="subtitle">${subtitle}</p>` : nothing} ${statusBlock(d.validity, t, this.language)}
      <dl part="facts">
        ${fact(label('validFrom'), formatDate(d.validFrom), t)} ${fact(label('validTo'), formatDate(d.validTo), t)}
        ${fact(label('responsibleUnit'), d.responsibleUnit?.name, t)} ${fact(label('supplier'), d.supplier, t)}
        ${
          d.parentContract
            ? fact(
                label('parentContract'),
                this.recordLink(d.parentContract, this.contractLinkTemplate, 'contracts'),
                t,
              )
            : nothing
        }
        ${fact(label('systemUsages'), systems, t)}
      </dl>
      ${this.renderDeadlines(d)}
      <section part="economy" aria-labelledby="economy-title">
        ${heading(this.headingLevel + 1, t.economy, 'section-title', 'economy-title')}
        <dl part="facts">
          ${fact(label('acquisition'), formatAmount(d.economy.acquisition), t)}
          ${fact(label('operation'), formatAmount(d.economy.operation), t)}
          ${fact(label('other'), formatAmount(d.economy.other), t)}
        </dl>
      </section>
      <section part="roles" aria-labelledby="roles-title">
        ${heading(this.headingLevel + 1, t.roles, 'section-title', 'roles-title')} ${rolesTable(d.roles, t)}
      </section>
      ${edit ? html`<a part="edit-link" href=${edit}>${t.edit}</a>` : nothing} ${this.renderReminders(d)} ${this.renderActions(d)}
    </article>`;
  }

  private body(): TemplateResult {
    const { t } = this;
    if (this.mode === 'deleted') return html``;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    if (this.phase === 'error') return html`<p part="error" role="alert">${t.loadFailed}</p>`;
    const d = this.data;
    if (!d || this.phase === 'loading') return html`<p part="message" aria-busy="true">${t.loading}</p>`;
    if (!d.permissions.read) return html`<p part="no-access" role="note">${t.noReadAccessContract}</p>`;
    return this.mode === 'edit' && d.permissions.modify && this.writer ? this.renderEditor(d) : this.renderCard(d);
  }

  override render() {
    return html`${this.renderLive()} ${this.body()}`;
  }
}
