import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { canWriteUsages, type KitosClient, type UsageCardData } from '../../data/client.js';
import { formatDate } from '../../i18n/format.js';
import { fact, heading, rolesTable, statusBlock } from '../../internal/card.js';
import { fieldLabel, valueLabel } from '../../internal/cells.js';
import { KitosCardElement } from '../../internal/kitos-card-element.js';
import { fillLinkTemplate } from '../../internal/links.js';
import { usageCardStyles } from './usage-card.styles.js';

/**
 * The card of one IT-system usage: status with every reason in words ("Ikke aktiv:
 * slutdato 31-12-2025 er passeret"), life cycle and dates, responsible and relevant units, main
 * contract and supplier, a GDPR summary and the roles. It respects the actor's permissions: without
 * read access it says so and shows nothing else, and fields the organisation hides are left out.
 *
 * With a client that writes (the in-page or the HTTP client, not a static snapshot), the card has
 * "Redigér" when the actor may modify the usage and "Fjern anvendelse" when they may delete it. The
 * edit mode (loaded on first use) groups the fields as KITOS does (general, organisation, GDPR),
 * checks them with the core's schemas while the user types, shows the server's answer at the field
 * it concerns, and opens GDPR details only when their question is answered Yes. When someone else
 * saved first, it keeps what the user typed, names the fields they changed and offers to load their
 * version or to save on top of it. Removing asks first and spells out what goes with the usage.
 *
 * @summary Read-only IT-system usage card that explains its status.
 * @tagname kitos-usage-card
 * @attr uuid - The usage to show.
 * @attr edit-link-template - Link for editing the usage in KITOS, shown only with modify permission, e.g.
 *   `/usages/{uuid}/edit`.
 * @fires {KitosSelectEvent} kitos-select - The main contract link was followed (cancelable).
 * @fires {KitosErrorEvent} kitos-error - The card could not be loaded, or a write failed.
 * @fires {KitosSavedEvent} kitos-saved - A change was saved from the edit mode (`action: 'update'`, fields, version).
 * @fires {KitosConflictEvent} kitos-conflict - A save was refused because someone else saved first.
 * @fires {KitosDeletedEvent} kitos-deleted - The usage was removed after the user confirmed.
 * @csspart card - The card.
 * @csspart title - The system's name.
 * @csspart subtitle - Local name and local id.
 * @csspart status - The status: a badge when active, the reasons when not.
 * @csspart reasons - The list of reasons for "not active".
 * @csspart reason - One reason sentence.
 * @csspart enforced - "Forced valid" next to the badge (contracts forced valid).
 * @csspart facts - The list of facts.
 * @csspart fact - One fact (term and value).
 * @csspart not-set - The "Ikke angivet" shown for an empty fact.
 * @csspart section-title - A section heading (GDPR, roles).
 * @csspart gdpr - The GDPR section.
 * @csspart roles - The roles section.
 * @csspart roles-table - The roles table.
 * @csspart reminders - The record's `<kitos-notifications>` (with the `reminders` attribute).
 * @csspart no-access - The "no read access" message.
 * @csspart edit-link - The link for editing in KITOS (only with modify permission).
 * @csspart actions - The edit and remove buttons.
 * @csspart edit-button - "Redigér": opens the edit mode (only with modify permission and a client that writes).
 * @csspart delete-button - "Fjern anvendelse": asks, then removes (only with delete permission and a client that writes).
 * @csspart editor - The edit mode's form element.
 * @csspart live - What the card says after a save or a removal (a polite live region).
 * @csspart message - Loading and empty messages.
 * @csspart error - The error message.
 * @cssprop --kitos-color-border - Border of the card.
 * @cssprop --kitos-color-bg - Background of the card.
 * @cssprop --kitos-color-text-muted - Terms and secondary text.
 * @cssprop --kitos-color-danger - Text of the reasons.
 * @cssprop --kitos-color-danger-bg - Background of the reasons.
 *
 * @example
 * ```html
 * <kitos-usage-card uuid="…" contract-link-template="/contracts/{uuid}"></kitos-usage-card>
 * ```
 */
export class KitosUsageCard extends KitosCardElement<UsageCardData> {
  /** Styles of the element. */
  static override styles = usageCardStyles;

  /** Link of the main contract, with `{uuid}` replaced, e.g. `/contracts/{uuid}`. */
  @property({ attribute: 'contract-link-template' })
  contractLinkTemplate = '';

  protected readonly operation = 'usageCard';
  // The card shows the catalogue system's name, which no uuid in the card points to.
  protected override readonly liveKinds: ReadonlySet<string> = new Set(['itSystem']);

  protected fetchCard(client: KitosClient, uuid: string): Promise<UsageCardData> {
    return client.usageCard(uuid);
  }

  /** The edit controls need a client that writes and the actor's permission for each. */
  private get writer() {
    const client = this.activeClient;
    return canWriteUsages(client) ? client : undefined;
  }

  private renderActions(d: UsageCardData): TemplateResult | typeof nothing {
    const writer = this.writer;
    return this.renderRecordActions({
      writes: !!writer,
      permissions: d.permissions,
      editLabel: this.t.editHere,
      deleteLabel: this.t.removeUsage,
      editor: () => import('../../internal/edit/usage-editor.js'),
      deleteDialog: () => import('../../internal/edit/usage-delete.js'),
      confirmation: () =>
        html`<kitos-usage-delete .client=${writer} uuid=${d.uuid} lang=${this.language} record-name=${d.systemName}
          .onClose=${(deleted: boolean) => this.closeDeleteMode(deleted, (e) => e.deleted(d.systemName))}></kitos-usage-delete>`,
    });
  }

  private renderEditor(d: UsageCardData): TemplateResult {
    return html`<article part="card" aria-labelledby="title">
      ${heading(this.headingLevel, d.systemName, 'title', 'title')}
      <kitos-usage-editor part="editor" .client=${this.writer} uuid=${d.uuid} lang=${this.language}
        record-name=${d.systemName} .onCancel=${() => this.closeEditMode(false)}
        @kitos-saved=${() => this.closeEditMode(true)}></kitos-usage-editor>
    </article>`;
  }

  private renderCard(d: UsageCardData): TemplateResult {
    const { t } = this;
    const lang = this.language;
    const label = (id: Parameters<typeof fieldLabel<'usages'>>[1]) => fieldLabel('usages', id, lang);
    const subtitle = [d.localCallName, d.localSystemId].filter(Boolean).join(' · ');
    const main = d.mainContract;
    const edit = d.permissions.modify ? fillLinkTemplate(this.editLinkTemplate, d.uuid) : undefined;
    return html`<article part="card" aria-labelledby="title">
      ${heading(this.headingLevel, d.systemName, 'title', 'title')}
      ${subtitle ? html`<p part="subtitle">${subtitle}</p>` : nothing}
      ${statusBlock(d.validity, t, lang)}
      <dl part="facts">
        ${fact(label('lifeCycleStatus'), d.lifeCycleStatus ? valueLabel(d.lifeCycleStatus, 'LifeCycleStatus', lang) : null, t)}
        ${fact(label('validFrom'), formatDate(d.validFrom), t)}
        ${fact(label('validTo'), formatDate(d.validTo), t)}
        ${fact(label('responsibleUnit'), d.responsibleUnit?.name, t)}
        ${fact(label('usingUnits'), d.usingUnits.map((u) => u.name).join(', '), t)}
        ${fact(
          label('mainContract'),
          main
            ? html`${this.recordLink(main, this.contractLinkTemplate, 'contracts')} (${main.active ? t.active : t.inactive})`
            : null,
          t,
        )}
        ${fact(label('supplier'), d.supplier, t)} ${d.kle.length ? fact(label('kle'), d.kle.join(', '), t) : nothing}
      </dl>
      ${this.renderGdpr(d)}
      <section part="roles" aria-labelledby="roles-title">
        ${heading(this.headingLevel + 1, t.roles, 'section-title', 'roles-title')} ${rolesTable(d.roles, t)}
      </section>
      ${edit ? html`<a part="edit-link" href=${edit}>${t.edit}</a>` : nothing} ${this.renderReminders(d)} ${this.renderActions(d)}
    </article>`;
  }

  private renderGdpr(d: UsageCardData): TemplateResult {
    const { t } = this;
    const lang = this.language;
    const label = (id: Parameters<typeof fieldLabel<'usages'>>[1]) => fieldLabel('usages', id, lang);
    const g = d.gdpr;
    return html`<section part="gdpr" aria-labelledby="gdpr-title">
      ${heading(this.headingLevel + 1, t.gdpr, 'section-title', 'gdpr-title')}
      <dl part="facts">
        ${fact(label('dataSensitivity'), g.dataSensitivity.map((v) => valueLabel(v, 'SensitiveDataLevel', lang)).join(', '), t)}
        ${fact(label('purpose'), g.purpose, t)}
        ${fact(label('dataProcessingAgreementConcluded'), g.dataProcessingAgreementConcluded ? t.yes : t.no, t)}
        ${fact(label('riskAssessmentDate'), formatDate(g.riskAssessmentDate), t)}
        ${fact(label('plannedRiskAssessmentDate'), formatDate(g.plannedRiskAssessmentDate), t)}
        ${fact(label('dpiaConducted'), g.dpiaConducted ? valueLabel(g.dpiaConducted, 'YesNoDontKnow', lang) : null, t)}
      </dl>
    </section>`;
  }

  private body(): TemplateResult {
    const { t } = this;
    if (this.mode === 'deleted') return html``;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    if (this.phase === 'error') return html`<p part="error" role="alert">${t.loadFailed}</p>`;
    const d = this.data;
    if (!d || this.phase === 'loading') return html`<p part="message" aria-busy="true">${t.loading}</p>`;
    if (!d.permissions.read) return html`<p part="no-access" role="note">${t.noReadAccessUsage}</p>`;
    return this.mode === 'edit' && d.permissions.modify && this.writer ? this.renderEditor(d) : this.renderCard(d);
  }

  override render() {
    return html`${this.renderLive()} ${this.body()}`;
  }
}
