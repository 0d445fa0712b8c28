import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  canWriteRegistrations,
  type EntityRef,
  type KitosClient,
  type RegistrationCardData,
} from '../../data/client.js';
import { KitosWidgetError } from '../../data/errors.js';
import { formatDate } from '../../i18n/format.js';
import { fact, heading, rolesTable, statusBlock } from '../../internal/card.js';
import { fieldLabel, valueLabel } from '../../internal/cells.js';
import { KitosCardElement } from '../../internal/kitos-card-element.js';
import { fillLinkTemplate } from '../../internal/links.js';
import { registrationCardStyles } from './registration-card.styles.js';

/**
 * The card of one data processing registration ("databehandling"): status (active while its main
 * contract is), the agreement and data controller, the responsible unit, the systems and contracts
 * it covers, the data processors and transfers to insecure third countries, the oversight (interval,
 * whether done, the latest and the next date) and the roles. It respects the actor's permissions.
 *
 * With a client that writes (the in-page or the HTTP client, not a static snapshot), the card has
 * "Redigér" when the actor may modify the registration and "Slet databehandling" when they may
 * delete it. The edit mode (loaded on first use) groups the fields as KITOS does (general,
 * processors, oversight, roles with a user picker), offers the option lists available in the
 * organisation with their local descriptions, opens the insecure countries only when transfers are
 * answered Yes (and says that other answers clear them), checks with the core's schemas while the
 * user types and shows the server's answer at the field it concerns. When someone else saved first,
 * it keeps what the user typed and names the fields they changed. Deleting asks first and spells out
 * what the core reports the delete takes with it.
 *
 * @summary Data processing registration card with an edit mode.
 * @tagname kitos-registration-card
 * @attr uuid - The registration to show.
 * @attr edit-link-template - Link for editing the registration in KITOS, shown only with modify permission.
 * @fires {KitosSelectEvent} kitos-select - A system or contract link was followed (cancelable).
 * @fires {KitosErrorEvent} kitos-error - The card could not be loaded, or a write failed.
 * @fires {KitosSavedEvent} kitos-saved - A change was saved from the edit mode (`kind: 'registrations'`, `action: 'update'`).
 * @fires {KitosConflictEvent} kitos-conflict - A save was refused because someone else saved first.
 * @fires {KitosDeletedEvent} kitos-deleted - The registration was deleted after the user confirmed.
 * @csspart card - The card.
 * @csspart title - The registration's name.
 * @csspart status - The status: a badge when active, the reason when not.
 * @csspart reasons - The list of reasons for "not active".
 * @csspart reason - One reason sentence.
 * @csspart facts - A list of facts.
 * @csspart fact - One fact (term and value).
 * @csspart list - A list of linked systems or contracts.
 * @csspart not-set - The "Ikke angivet" shown for an empty fact.
 * @csspart section-title - A section heading (processors, oversight, roles).
 * @csspart processors - The processors section.
 * @csspart oversight - The oversight section.
 * @csspart roles - The roles section.
 * @csspart roles-table - The roles table.
 * @csspart reminders - The record's `<kitos-notifications>` (with the `reminders` attribute).
 * @csspart no-access - The "no read access" message.
 * @csspart edit-link - The link for editing in KITOS (only with modify permission).
 * @csspart actions - The edit and delete buttons.
 * @csspart edit-button - "Redigér": opens the edit mode (only with modify permission and a client that writes).
 * @csspart delete-button - "Slet databehandling": asks, then deletes (only with delete permission and a client that writes).
 * @csspart editor - The edit mode's form element.
 * @csspart live - What the card says after a save or a delete (a polite live region).
 * @csspart message - Loading messages.
 * @csspart error - The error message.
 * @cssprop --kitos-color-border - Border of the card.
 * @cssprop --kitos-color-bg - Background of the card.
 * @cssprop --kitos-color-text-muted - Terms and secondary text.
 * @cssprop --kitos-color-danger - Text of the reasons.
 * @cssprop --kitos-color-danger-bg - Background of the reasons.
 *
 * @example
 * ```html
 * <kitos-registration-card uuid="…" contract-link-template="/contracts/{uuid}"></kitos-registration-card>
 * ```
 */
export class KitosRegistrationCard extends KitosCardElement<RegistrationCardData> {
  /** Styles of the element. */
  static override styles = registrationCardStyles;

  /** Link of a covered system (usage), with `{uuid}` replaced, e.g. `/usages/{uuid}`. */
  @property({ attribute: 'usage-link-template' })
  usageLinkTemplate = '';

  /** Link of a contract, with `{uuid}` replaced, e.g. `/contracts/{uuid}`. */
  @property({ attribute: 'contract-link-template' })
  contractLinkTemplate = '';

  protected readonly operation = 'registrationCard';

  protected fetchCard(client: KitosClient, uuid: string): Promise<RegistrationCardData> {
    if (!client.registrationCard)
      return Promise.reject(new KitosWidgetError('no-client', 'the client cannot show registrations', { uuid }));
    return client.registrationCard(uuid);
  }

  /** The edit controls need a client that writes and the actor's permission for each. */
  private get writer() {
    const client = this.activeClient;
    return canWriteRegistrations(client) ? client : undefined;
  }

  private links(refs: readonly EntityRef[], template: string, kind: 'usages' | 'contracts') {
    return refs.length
      ? html`<ul part="list">
          ${refs.map((r) => html`<li>${this.recordLink(r, template, kind)}</li>`)}
        </ul>`
      : null;
  }

  private renderActions(d: RegistrationCardData): TemplateResult | typeof nothing {
    const writer = this.writer;
    return this.renderRecordActions({
      writes: !!writer,
      permissions: d.permissions,
      editLabel: this.t.editHere,
      deleteLabel: this.t.deleteRegistration,
      editor: () => import('../../internal/edit/registration-editor.js'),
      deleteDialog: () => import('../../internal/edit/registration-delete.js'),
      confirmation: () =>
        html`<kitos-registration-delete .client=${writer} uuid=${d.uuid} lang=${this.language} record-name=${d.name}
          .onClose=${(deleted: boolean) => this.closeDeleteMode(deleted, (e) => e.registrationDeleted(d.name))}></kitos-registration-delete>`,
    });
  }

  private renderEditor(d: RegistrationCardData): TemplateResult {
    return html`<article part="card" aria-labelledby="title">
      ${heading(this.headingLevel, d.name, 'title', 'title')}
      <kitos-registration-editor part="editor" .client=${this.writer} uuid=${d.uuid} lang=${this.language}
        record-name=${d.name} .onCancel=${() => this.closeEditMode(false)}
        @kitos-saved=${() => this.closeEditMode(true)}></kitos-registration-editor>
    </article>`;
  }

  private renderCard(d: RegistrationCardData): TemplateResult {
    const { t } = this;
    const lang = this.language;
    const label = (id: Parameters<typeof fieldLabel<'dataProcessing'>>[1]) => fieldLabel('dataProcessing', id, lang);
    const edit = d.permissions.modify ? fillLinkTemplate(this.editLinkTemplate, d.uuid) : undefined;
    const o = d.oversight;
    const main = d.mainContract;
    return html`<article part="card" aria-labelledby="title">
      ${heading(this.headingLevel, d.name, 'title', 'title')} ${statusBlock(d.validity, t, lang)}
      <dl part="facts">
        ${fact(label('agreementConcluded'), d.agreementConcluded ? valueLabel(d.agreementConcluded, 'YesNoIrrelevant', lang) : null, t)}
        ${fact(label('agreementConcludedAt'), formatDate(d.agreementConcludedAt), t)}
        ${fact(t.dataResponsible, d.dataResponsible, t)} ${fact(label('responsibleUnit'), d.responsibleUnit?.name, t)}
        ${fact(label('systemUsages'), this.links(d.systemUsages, this.usageLinkTemplate, 'usages'), t)}
        ${fact(label('contracts'), this.links(d.contracts, this.contractLinkTemplate, 'contracts'), t)}
        ${fact(
          label('mainContract'),
          main
            ? html`${this.recordLink(main, this.contractLinkTemplate, 'contracts')} (${main.active ? t.active : t.inactive})`
            : null,
          t,
        )}
      </dl>
      <section part="processors" aria-labelledby="processors-title">
        ${heading(this.headingLevel + 1, t.processors, 'section-title', 'processors-title')}
        <dl part="facts">
          ${fact(label('dataProcessors'), d.dataProcessors.map((p) => p.name).join(', '), t)}
          ${fact(label('subDataProcessors'), d.subDataProcessors.map((p) => p.name).join(', '), t)}
          ${fact(
            label('transferToInsecureThirdCountries'),
            d.transferToInsecureThirdCountries
              ? valueLabel(d.transferToInsecureThirdCountries, 'YesNoUndecided', lang)
              : null,
            t,
          )}
          ${d.insecureCountries.length ? fact(t.insecureCountries, d.insecureCountries.join(', '), t) : nothing}
          ${fact(t.basisForTransfer, d.basisForTransfer, t)}
        </dl>
      </section>
      <section part="oversight" aria-labelledby="oversight-title">
        ${heading(this.headingLevel + 1, t.oversight, 'section-title', 'oversight-title')}
        <dl part="facts">
          ${fact(label('oversightInterval'), o.interval ? valueLabel(o.interval, 'OversightInterval', lang) : null, t)}
          ${fact(t.oversightCompleted, o.completed ? valueLabel(o.completed, 'YesNoUndecided', lang) : null, t)}
          ${fact(label('latestOversightDate'), formatDate(o.latestDate), t)}
          ${fact(label('scheduledInspectionDate'), formatDate(o.scheduledInspectionDate), t)}
          ${fact(t.oversightOptions, o.options.join(', '), t)}
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
    const client = this.activeClient;
    if (!client) return html`<p part="message">${t.noClient}</p>`;
    if (!client.registrationCard) return html`<p part="message">${t.noRegistrations}</p>`;
    if (this.phase === 'error') return html`<p part="error" role="alert">${t.loadFailed}</p>`;
    const d = this.data;
    if (!d || this.phase === 'loading') return html`<p part="message" aria-busy="true">${t.loading}</p>`;
    if (!d.permissions.read) return html`<p part="no-access" role="note">${t.noReadAccessRegistration}</p>`;
    return this.mode === 'edit' && d.permissions.modify && this.writer ? this.renderEditor(d) : this.renderCard(d);
  }

  override render() {
    return html`${this.renderLive()} ${this.body()}`;
  }
}
