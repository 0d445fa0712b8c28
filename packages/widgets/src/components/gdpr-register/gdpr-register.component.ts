import {
  GDPR_REGISTER_COLUMNS,
  GDPR_REGISTER_SECTIONS,
  type GdprRegister,
  type GdprRegisterCell,
  type GdprRegisterEntry,
  type GdprRegisterSection,
} from '@os2kitos/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { GdprRegisterQuery, KitosClient } from '../../data/client.js';
import { formatDate } from '../../i18n/format.js';
import { type QualityStrings, qualityStrings } from '../../i18n/quality-strings.js';
import { heading } from '../../internal/card.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { OrgLoads } from '../../internal/org-loads.js';
import { flattenUnits, type ScopeUnit, unitScope } from '../../internal/unit-scope.js';
import { gdprRegisterStyles } from './gdpr-register.styles.js';

/** Changes that can change the register: usages, registrations, their units, options, organisations. */
const LIVE_KINDS: ReadonlySet<string> = new Set([
  'itSystemUsage',
  'itContract',
  'dataProcessingRegistration',
  'organizationUnit',
  'organization',
  'globalOption',
  'localOption',
]);

/** The sections shown in each entry, in order (the name heads the entry, attention has its own box). */
const SECTIONS: readonly GdprRegisterSection[] = [
  'activity',
  'data',
  'recipients',
  'transfers',
  'retention',
  'security',
  'assessments',
  'oversight',
];

/**
 * The register of processing activities (GDPR article 30) built from the organisation's usages and
 * the data processing registrations that cover them: purpose, kinds and categories of data,
 * sensitive and criminal data, data controllers, processors, sub-processors and the systems data is
 * sent to, transfers to insecure third countries with their basis, retention, security measures,
 * DPIA and risk assessment dates, and oversight. What needs attention (missing answers, an overdue
 * oversight or risk review) comes from the core's data quality checks. Filters by unit and by
 * "needs attention"; exports to XLSX when the client can (`gdprRegisterWorkbook`), and prints as a
 * page of its own (the toolbar is left out of print).
 *
 * The register says what the model does not hold (the categories of data subjects, recipients
 * other than processors) rather than leaving those out silently.
 *
 * @summary The GDPR article 30 register, filterable, exportable and printable.
 * @tagname kitos-gdpr-register
 * @fires {KitosSelectEvent} kitos-select - A processing activity (usage) was picked.
 * @fires {KitosErrorEvent} kitos-error - The register, the units or the export failed.
 * @csspart base - The whole widget.
 * @csspart title - The heading.
 * @csspart toolbar - Filters, the status line and the buttons (not printed).
 * @csspart unit-select - The unit filter.
 * @csspart sub-units - The "include sub-units" checkbox.
 * @csspart attention-only - The "only those needing attention" checkbox.
 * @csspart status - The live status line.
 * @csspart export-button - The XLSX export button.
 * @csspart print-button - The print button.
 * @csspart not-in-model - What the register does not hold.
 * @csspart entries - The list of processing activities.
 * @csspart entry - One processing activity.
 * @csspart entry-title - Its name (a button that selects the usage).
 * @csspart attention - What needs attention in an entry.
 * @csspart section - One section of an entry.
 * @csspart fields - A section's fields.
 * @csspart message - Loading, empty and unavailable messages.
 * @csspart error - The error message.
 * @cssprop --kitos-attention - Colour of what needs attention.
 * @cssprop --kitos-attention-bg - Background of what needs attention.
 *
 * @example
 * ```html
 * <kitos-gdpr-register organization-uuid="…" needs-attention></kitos-gdpr-register>
 * ```
 */
export class KitosGdprRegister extends KitosElement {
  /** Styles of the element. */
  static override styles = gdprRegisterStyles;

  /** The organisation; default: the provider's. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** Only usages this unit is responsible for (the user can change it); empty for all. */
  @property({ attribute: 'unit-uuid' })
  unitUuid = '';

  /** Whether the unit includes its sub-units (default true; the attribute `false` turns it off). */
  @property({ attribute: 'include-sub-units', converter: { fromAttribute: (v) => v !== 'false' } })
  includeSubUnits = true;

  /** Only the processing activities that need attention (the user can change it). */
  @property({ type: Boolean, attribute: 'needs-attention' })
  needsAttention = false;

  /** The day deadlines are judged on (`YYYY-MM-DD`); default: today. */
  @property()
  today = '';

  /** Heading level of the title (2–6, default 2); entries are one level below. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  @state() private register: GdprRegister | undefined;
  @state() private units: readonly ScopeUnit[] = [];
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' | 'unavailable' = 'idle';
  @state() private exporting: 'idle' | 'busy' | 'failed' = 'idle';
  private request = 0;
  constructor() {
    super();
    this.addController(
      new OrgLoads(this, {
        client: () => this.activeClient,
        org: () => this.org,
        query: () => this.query,
        load: (client, quiet) => this.load(client, quiet),
        loadUnits: (client) => this.loadUnits(client),
        ready: () => this.phase === 'ready',
        liveKinds: LIVE_KINDS,
      }),
    );
  }

  private get q(): QualityStrings {
    return qualityStrings(this.language);
  }

  private get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  /** The query the register is read with (also the export's). */
  get query(): GdprRegisterQuery {
    return {
      organizationUuid: this.org,
      ...(this.today ? { today: this.today } : {}),
      ...(this.unitUuid ? { unitUuid: this.unitUuid, includeSubUnits: this.includeSubUnits } : {}),
      ...(this.needsAttention ? { needsAttention: true } : {}),
    };
  }

  private async load(client: KitosClient, quiet = false): Promise<void> {
    if (!client.gdprRegister) {
      this.phase = 'unavailable';
      return;
    }
    const request = ++this.request;
    if (!quiet) this.phase = 'loading';
    try {
      const register = await client.gdprRegister(this.query);
      if (request !== this.request) return;
      this.register = register;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('gdprRegister', error);
    }
  }

  private async loadUnits(client: KitosClient): Promise<void> {
    try {
      this.units = flattenUnits(await client.unitTree(this.org));
    } catch (error) {
      this.reportError('unitTree', error);
    }
  }

  /**
   * Downloads the register as shown (same unit and filter) as an XLSX workbook, in the widget's
   * language. Rejects with `KitosWidgetError` when the client cannot write workbooks.
   *
   * @example
   * ```ts
   * await document.querySelector('kitos-gdpr-register')!.exportXlsx();
   * ```
   */
  async exportXlsx(): Promise<void> {
    const client = this.activeClient;
    if (!client?.gdprRegisterWorkbook) {
      const { KitosWidgetError } = await import('../../data/errors.js');
      throw new KitosWidgetError('no-client', 'the client cannot write workbooks');
    }
    this.exporting = 'busy';
    try {
      const file = await client.gdprRegisterWorkbook(this.query, this.language);
      const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.mediaType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.fileName;
      a.click();
      URL.revokeObjectURL(url);
      this.exporting = 'idle';
    } catch (error) {
      this.exporting = 'failed';
      this.reportError('gdprRegisterWorkbook', error);
    }
  }

  private cell(value: GdprRegisterCell): string | TemplateResult {
    if (value === null) return html`<span part="empty">${this.q.notAnswered}</span>`;
    if (typeof value === 'object') return html`<time datetime=${value.date}>${formatDate(value.date)}</time>`;
    return value;
  }

  private renderEntry(e: GdprRegisterEntry, index: number): TemplateResult {
    const { q } = this;
    const lang = this.language;
    const id = `entry-${index}`;
    const columns = GDPR_REGISTER_COLUMNS.filter((c) => c.id !== 'name' && c.id !== 'attention');
    return html`<li part="entry" aria-labelledby=${id} data-attention=${e.attention.length > 0}>
      <div role="heading" aria-level=${Math.min(6, this.headingLevel + 1)} part="entry-heading" id=${id}>
        <button type="button" part="entry-title" @click=${() => this.emit('kitos-select', { kind: 'usages', uuid: e.uuid })}>
          ${e.name}
        </button>
        ${e.systemName !== e.name ? html`<span part="system">(${e.systemName})</span>` : nothing}
      </div>
      ${
        e.attention.length
          ? html`<div part="attention">
              <p part="attention-title"><span aria-hidden="true">⚠</span> ${q.attentionTitle}</p>
              <ul>
                ${e.attention.map(
                  (a) =>
                    html`<li>${a.record.kind === 'dataProcessing' ? html`<strong>${a.record.name}:</strong> ` : nothing}${a.text[lang]}</li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      <div part="sections">
        ${SECTIONS.map((section) => {
          const fields = columns.filter((c) => c.section === section);
          const sid = `${id}-${section}`;
          return html`<div part="section" role="group" aria-labelledby=${sid}>
            <p part="section-title" id=${sid}>${GDPR_REGISTER_SECTIONS[section][lang]}</p>
            <dl part="fields">
              ${fields.map((c) => html`<div><dt>${c.label[lang]}</dt><dd>${this.cell(c.value(e, lang))}</dd></div>`)}
            </dl>
          </div>`;
        })}
      </div>
    </li>`;
  }

  override render() {
    const { q, t } = this;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    const r = this.register;
    const canExport = typeof this.activeClient.gdprRegisterWorkbook === 'function';
    const status =
      this.phase === 'loading'
        ? t.loading
        : this.phase === 'ready' && r
          ? q.registerCount(r.entries.length, r.total, r.needingAttention)
          : '';
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.phase === 'loading'}>
      ${heading(this.headingLevel, q.registerTitle, 'title', 'title')}
      ${r ? html`<p part="as-of">${q.asOf(formatDate(r.today))}${r.unit ? ` · ${r.unit.name}` : ''}</p>` : nothing}
      <div part="toolbar">
        ${unitScope(
          q,
          this.units,
          { unitUuid: this.unitUuid, includeSubUnits: this.includeSubUnits },
          (u) => {
            this.unitUuid = u;
          },
          (sub) => {
            this.includeSubUnits = sub;
          },
        )}
        <label
          ><input
            type="checkbox"
            part="attention-only"
            .checked=${this.needsAttention}
            @change=${(e: Event) => {
              this.needsAttention = (e.target as HTMLInputElement).checked;
            }}
          />
          ${q.needsAttentionOnly}</label
        >
        <span part="buttons">
          ${
            canExport
              ? html`<button type="button" part="export-button" ?disabled=${this.exporting === 'busy' || !r}
                  @click=${() => void this.exportXlsx()}>
                  ${this.exporting === 'busy' ? q.exporting : q.exportXlsx}
                </button>`
              : nothing
          }
          <button type="button" part="print-button" @click=${() => window.print()}>${q.print}</button>
        </span>
        <p part="status" role="status">${status}</p>
      </div>
      ${this.exporting === 'failed' ? html`<p part="error" role="alert">${q.exportFailed}</p>` : nothing}
      ${this.phase === 'unavailable' ? html`<p part="message">${q.notAvailable}</p>` : nothing}
      ${this.phase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${
        r && this.phase !== 'unavailable'
          ? html`${
              r.notInModel.length
                ? html`<div part="not-in-model">
                    <p part="not-in-model-title">${q.notInModelTitle}</p>
                    <ul>
                      ${r.notInModel.map((n) => html`<li>${n[this.language]}</li>`)}
                    </ul>
                  </div>`
                : nothing
            }
            ${
              r.entries.length
                ? html`<ol part="entries">
                    ${r.entries.map((e, i) => this.renderEntry(e, i))}
                  </ol>`
                : html`<p part="message">${q.noEntries}</p>`
            }`
          : nothing
      }
    </section>`;
  }
}
