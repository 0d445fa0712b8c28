import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { canWriteProjects, type EntityRef, type KitosClient, type ProjectCardData } from '../../data/client.js';
import { KitosWidgetError } from '../../data/errors.js';
import { formatAmount, formatDate } from '../../i18n/format.js';
import { fact, heading } from '../../internal/card.js';
import { fieldLabel, valueLabel } from '../../internal/cells.js';
import { KitosCardElement } from '../../internal/kitos-card-element.js';
import { fillLinkTemplate } from '../../internal/links.js';
import { projectCardStyles } from './project-card.styles.js';

/**
 * The card of one IT project: the traffic light with why it shows its colour, priority, the owner
 * and the responsible unit, the five phases with their dates (the current one marked), the economy
 * (budgeted and actual expenses over all years), the next milestone, and the links: a joint
 * project's partner organisations (read-only), the usages and contracts it concerns. It respects
 * the actor's permissions; a partner sees the project's own facts, not the owner's units, usages or
 * contracts.
 *
 * With a client that writes (the in-page or the HTTP client, not a static snapshot), the card has
 * "Redigér" when the actor may modify the project and "Slet projekt" when they may delete it. The
 * edit mode (loaded on first use) groups the fields as KITOS's project module did (general; phases
 * and status, with dates dd-MM-yyyy; links: parent project, units, usages, contracts), checks with
 * the core's project schema while the user types and shows the server's answer at the field it
 * concerns. When someone else saved first, it keeps what the user typed and names the fields they
 * changed. Deleting asks first and spells out what the core reports the delete takes with it.
 *
 * @summary IT project card with an edit mode.
 * @tagname kitos-project-card
 * @attr uuid - The project to show.
 * @attr edit-link-template - Link for editing the project elsewhere, shown only with modify permission.
 * @fires {KitosSelectEvent} kitos-select - A usage or contract link was followed (cancelable).
 * @fires {KitosErrorEvent} kitos-error - The card could not be loaded, or a write failed.
 * @fires {KitosSavedEvent} kitos-saved - A change was saved from the edit mode (`kind: 'projects'`, `action: 'update'`).
 * @fires {KitosConflictEvent} kitos-conflict - A save was refused because someone else saved first.
 * @fires {KitosDeletedEvent} kitos-deleted - The project was deleted after the user confirmed.
 * @csspart card - The card.
 * @csspart title - The project's name.
 * @csspart status - The traffic light and its reasons.
 * @csspart traffic-light - The traffic light in words (with a coloured dot).
 * @csspart reasons - The list of reasons for the colour.
 * @csspart reason - One reason.
 * @csspart facts - A list of facts.
 * @csspart fact - One fact (term and value).
 * @csspart list - A list of partners, usages or contracts.
 * @csspart not-set - The "Ikke angivet" shown for an empty fact.
 * @csspart section-title - A section heading (phases, economy, links).
 * @csspart phases - The phases section.
 * @csspart phases-table - The table of the five phases.
 * @csspart economy - The economy section.
 * @csspart links - The links section.
 * @csspart reminders - The record's `<kitos-notifications>` (with the `reminders` attribute).
 * @csspart no-access - The "no read access" message.
 * @csspart edit-link - The link for editing elsewhere (only with modify permission).
 * @csspart actions - The edit and delete buttons.
 * @csspart edit-button - "Redigér": opens the edit mode (only with modify permission and a client that writes).
 * @csspart delete-button - "Slet projekt": asks, then deletes (only with delete permission and a client that writes).
 * @csspart editor - The edit mode's form element.
 * @csspart live - What the card says after a save or a delete (a polite live region).
 * @csspart message - Loading messages.
 * @csspart error - The error message.
 * @cssprop --kitos-color-border - Border of the card.
 * @cssprop --kitos-color-bg - Background of the card.
 * @cssprop --kitos-color-text-muted - Terms and secondary text.
 * @cssprop --kitos-color-danger - Text of the reasons, and a red traffic light.
 * @cssprop --kitos-color-danger-bg - Background of the reasons.
 * @cssprop --kitos-color-success - A green traffic light.
 * @cssprop --kitos-color-warning - A yellow traffic light.
 *
 * @example
 * ```html
 * <kitos-project-card uuid="…" contract-link-template="/contracts/{uuid}"></kitos-project-card>
 * ```
 */
export class KitosProjectCard extends KitosCardElement<ProjectCardData> {
  /** Styles of the element. */
  static override styles = projectCardStyles;

  /** Link of a usage the project concerns, with `{uuid}` replaced, e.g. `/usages/{uuid}`. */
  @property({ attribute: 'usage-link-template' })
  usageLinkTemplate = '';

  /** Link of a contract, with `{uuid}` replaced, e.g. `/contracts/{uuid}`. */
  @property({ attribute: 'contract-link-template' })
  contractLinkTemplate = '';

  protected readonly operation = 'projectCard';

  protected fetchCard(client: KitosClient, uuid: string): Promise<ProjectCardData> {
    if (!client.projectCard)
      return Promise.reject(new KitosWidgetError('no-client', 'the client cannot show projects', { uuid }));
    return client.projectCard(uuid);
  }

  /** The edit controls need a client that writes and the actor's permission for each. */
  private get writer() {
    const client = this.activeClient;
    return canWriteProjects(client) ? client : undefined;
  }

  private list<R extends EntityRef>(refs: readonly R[], item: (r: R) => TemplateResult | string) {
    return refs.length
      ? html`<ul part="list">
          ${refs.map((r) => html`<li>${item(r)}</li>`)}
        </ul>`
      : null;
  }

  private renderActions(d: ProjectCardData): TemplateResult | typeof nothing {
    const writer = this.writer;
    return this.renderRecordActions({
      writes: !!writer,
      permissions: d.permissions,
      editLabel: this.t.editHere,
      deleteLabel: this.t.deleteProject,
      editor: () => import('../../internal/edit/project-editor.js'),
      deleteDialog: () => import('../../internal/edit/project-delete.js'),
      confirmation: () =>
        html`<kitos-project-delete .client=${writer} uuid=${d.uuid} lang=${this.language} record-name=${d.name}
          .onClose=${(deleted: boolean) => this.closeDeleteMode(deleted, (e) => e.projectDeleted(d.name))}></kitos-project-delete>`,
    });
  }

  private renderEditor(d: ProjectCardData): TemplateResult {
    return html`<article part="card" aria-labelledby="title">
      ${heading(this.headingLevel, d.name, 'title', 'title')}
      <kitos-project-editor part="editor" .client=${this.writer} uuid=${d.uuid} lang=${this.language}
        record-name=${d.name} .onCancel=${() => this.closeEditMode(false)}
        @kitos-saved=${() => this.closeEditMode(true)}></kitos-project-editor>
    </article>`;
  }

  /** A phase date dd-MM-yyyy (kept on one line), or "Ikke angivet". */
  private date(iso: string | null): TemplateResult {
    return iso
      ? html`<span class="date">${formatDate(iso)}</span>`
      : html`<span part="not-set">${this.t.notSet}</span>`;
  }

  private renderStatus(d: ProjectCardData): TemplateResult {
    const { t } = this;
    const lang = this.language;
    const light = (v: string) => valueLabel(v, 'TrafficLight', lang);
    return html`<div part="status">
      <span part="traffic-light" data-light=${d.status}>${light(d.status)}</span>
      ${
        d.statusReasons.length && d.status !== 'Green' && d.status !== 'White'
          ? html`<ul part="reasons">
            ${d.statusReasons.map(
              (r) =>
                html`<li part="reason">${t.projectReasons[r.code as keyof typeof t.projectReasons] ?? r.code}: ${light(r.trafficLight)}</li>`,
            )}
          </ul>`
          : nothing
      }
    </div>`;
  }

  private renderCard(d: ProjectCardData): TemplateResult {
    const { t } = this;
    const lang = this.language;
    const label = (id: Parameters<typeof fieldLabel<'projects'>>[1]) => fieldLabel('projects', id, lang);
    const edit = d.permissions.modify ? fillLinkTemplate(this.editLinkTemplate, d.uuid) : undefined;
    const current = d.phases.find((p) => p.number === d.currentPhase);
    return html`<article part="card" aria-labelledby="title">
      ${heading(this.headingLevel, d.name, 'title', 'title')} ${this.renderStatus(d)}
      <dl part="facts">
        ${fact(label('priority'), valueLabel(d.priority, 'ProjectPriority', lang), t)}
        ${fact(t.projectCurrentPhase, current ? `${current.number}. ${current.name}` : null, t)}
        ${fact(t.projectOwner, d.owner, t)} ${fact(label('responsibleUnit'), d.responsibleUnit?.name, t)}
        ${fact(label('nextMilestone'), formatDate(d.nextMilestone), t)}
      </dl>
      <section part="phases" aria-labelledby="phases-title">
        ${heading(this.headingLevel + 1, t.projectPhases, 'section-title', 'phases-title')}
        <table part="phases-table" aria-labelledby="phases-title">
          <thead>
            <tr>
              <th scope="col">${label('phase')}</th>
              <th scope="col">${t.projectStart}</th>
              <th scope="col">${t.projectEnd}</th>
            </tr>
          </thead>
          <tbody>
            ${d.phases.map(
              (p) => html`<tr aria-current=${p.number === d.currentPhase ? 'step' : nothing}>
                <th scope="row">${p.number}. ${p.name}</th>
                <td>${this.date(p.startDate)}</td>
                <td>${this.date(p.endDate)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section part="economy" aria-labelledby="economy-title">
        ${heading(this.headingLevel + 1, t.economy, 'section-title', 'economy-title')}
        <dl part="facts">
          ${fact(label('budget'), formatAmount(d.budget), t)} ${fact(label('actual'), formatAmount(d.actual), t)}
        </dl>
      </section>
      <section part="links" aria-labelledby="links-title">
        ${heading(this.headingLevel + 1, t.projectLinks, 'section-title', 'links-title')}
        <dl part="facts">
          ${fact(
            t.projectPartners,
            this.list(d.participants, (r) => `${r.name} (${valueLabel(r.role, 'ProjectParticipantRole', lang)})`),
            t,
          )}
          ${fact(
            t.projectUsages,
            this.list(d.systemUsages, (r) => this.recordLink(r, this.usageLinkTemplate, 'usages')),
            t,
          )}
          ${fact(
            t.projectContracts,
            this.list(d.contracts, (r) => this.recordLink(r, this.contractLinkTemplate, 'contracts')),
            t,
          )}
        </dl>
      </section>
      ${edit ? html`<a part="edit-link" href=${edit}>${t.edit}</a>` : nothing} ${this.renderReminders(d)} ${this.renderActions(d)}
    </article>`;
  }

  private body(): TemplateResult {
    const { t } = this;
    if (this.mode === 'deleted') return html``;
    const client = this.activeClient;
    if (!client) return html`<p part="message">${t.noClient}</p>`;
    if (!client.projectCard) return html`<p part="message">${t.noProjects}</p>`;
    if (this.phase === 'error') return html`<p part="error" role="alert">${t.loadFailed}</p>`;
    const d = this.data;
    if (!d || this.phase === 'loading') return html`<p part="message" aria-busy="true">${t.loading}</p>`;
    if (!d.permissions.read) return html`<p part="no-access" role="note">${t.noReadAccessProject}</p>`;
    return this.mode === 'edit' && d.permissions.modify && this.writer ? this.renderEditor(d) : this.renderCard(d);
  }

  override render() {
    return html`${this.renderLive()} ${this.body()}`;
  }
}
