import type { DataQualitySummary, QualityKind } from '@os2kitos/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DataQualityQuery, KitosClient } from '../../data/client.js';
import { type QualityStrings, qualityStrings } from '../../i18n/quality-strings.js';
import { heading } from '../../internal/card.js';
import { valueLabel } from '../../internal/cells.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { OrgLoads } from '../../internal/org-loads.js';
import { flattenUnits, type ScopeUnit, unitScope } from '../../internal/unit-scope.js';
import { dataQualityStyles } from './data-quality.styles.js';

/** Changes that can move a score: the scored records, their units, options and contracts. */
const LIVE_KINDS: ReadonlySet<string> = new Set([
  'itSystemUsage',
  'itContract',
  'dataProcessingRegistration',
  'organizationUnit',
  'globalOption',
  'localOption',
]);

/**
 * The data quality of the organisation or one unit: per kind of record (usages, contracts, data
 * processing registrations) how many there are, their average score out of 100, how many have
 * gaps and the most common gaps; then the records with the most gaps, each gap explained in words
 * (what is missing, which deadline passed unhandled, which reference is broken). The checks are the
 * core's one list (`DATA_QUALITY_RULES`), the same the overview's quality columns show.
 *
 * @summary Data quality per unit, with the records with the most gaps explained.
 * @tagname kitos-data-quality
 * @fires {KitosSelectEvent} kitos-select - A record was picked from the list.
 * @fires {KitosErrorEvent} kitos-error - The summary or the units could not be loaded.
 * @csspart base - The whole widget.
 * @csspart title - The heading.
 * @csspart toolbar - The unit filter and the status line.
 * @csspart unit-select - The unit filter.
 * @csspart sub-units - The "include sub-units" checkbox.
 * @csspart status - The live status line.
 * @csspart kinds - The summaries per kind.
 * @csspart kind - One kind's summary.
 * @csspart score - A score meter.
 * @csspart checks - The most common gaps of a kind.
 * @csspart worst - The list of records with the most gaps.
 * @csspart record - One record with its gaps (a disclosure).
 * @csspart record-name - The record's button.
 * @csspart gaps - The gaps of a record.
 * @csspart gap - One explained gap.
 * @csspart severity - Required or recommended.
 * @csspart message - Loading, empty and unavailable messages.
 * @csspart error - The error message.
 * @cssprop --kitos-quality-good - Colour of a good score (80 and up).
 * @cssprop --kitos-quality-fair - Colour of a fair score (50–79).
 * @cssprop --kitos-quality-poor - Colour of a poor score (below 50).
 *
 * @example
 * ```html
 * <kitos-data-quality organization-uuid="…" unit-uuid="…" limit="20"></kitos-data-quality>
 * ```
 */
export class KitosDataQuality extends KitosElement {
  /** Styles of the element. */
  static override styles = dataQualityStyles;

  /** The organisation; default: the provider's. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** The unit to sum up (the user can change it); empty for the whole organisation. */
  @property({ attribute: 'unit-uuid' })
  unitUuid = '';

  /** Whether the unit includes its sub-units (default true; the attribute `false` turns it off). */
  @property({ attribute: 'include-sub-units', converter: { fromAttribute: (v) => v !== 'false' } })
  includeSubUnits = true;

  /** How many records with the most gaps to explain (default 10, at most 200). */
  @property({ type: Number })
  limit = 10;

  /** The day deadlines are judged on (`YYYY-MM-DD`); default: today. */
  @property()
  today = '';

  /** Heading level of the title (2–6, default 2); sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  @state() private summary: DataQualitySummary | undefined;
  @state() private units: readonly ScopeUnit[] = [];
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' | 'unavailable' = 'idle';
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

  private get query(): DataQualityQuery {
    return {
      organizationUuid: this.org,
      ...(this.today ? { today: this.today } : {}),
      ...(this.unitUuid ? { unitUuid: this.unitUuid, includeSubUnits: this.includeSubUnits } : {}),
      limit: Math.max(0, Math.min(200, Math.round(this.limit) || 0)),
    };
  }

  private async load(client: KitosClient, quiet = false): Promise<void> {
    if (!client.dataQuality) {
      this.phase = 'unavailable';
      return;
    }
    const request = ++this.request;
    if (!quiet) this.phase = 'loading';
    try {
      const summary = await client.dataQuality(this.query);
      if (request !== this.request) return;
      this.summary = summary;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('dataQuality', error);
    }
  }

  private async loadUnits(client: KitosClient): Promise<void> {
    try {
      this.units = flattenUnits(await client.unitTree(this.org));
    } catch (error) {
      this.reportError('unitTree', error);
    }
  }

  private renderKind(k: DataQualitySummary['kinds'][number], index: number): TemplateResult {
    const { q } = this;
    const id = `kind-${index}`;
    const band =
      k.averageScore === null ? 'none' : k.averageScore >= 80 ? 'good' : k.averageScore >= 50 ? 'fair' : 'poor';
    return html`<section part="kind" aria-labelledby=${id} data-kind=${k.kind}>
      ${heading(this.headingLevel + 1, q.kinds[k.kind], 'kind-title', id)}
      <p part="records">${q.records(k.records)} · ${q.withGaps(k.withGaps)}</p>
      ${
        k.averageScore === null
          ? nothing
          : html`<div part="score-line" data-band=${band}>
              <meter part="score" min="0" max="100" low="50" high="80" optimum="100" .value=${k.averageScore}
                aria-label=${q.averageScore}>${q.scoreOf(k.averageScore)}</meter>
              <span part="score-text">${q.averageScore}: <strong>${q.scoreOf(k.averageScore)}</strong></span>
            </div>`
      }
      ${
        k.checks.length
          ? html`<p part="checks-title">${q.commonGaps}</p>
              <ul part="checks">
                ${k.checks.slice(0, 3).map(
                  (c) =>
                    html`<li><span part="check-name">${valueLabel(c.check, 'DataQualityCheck', this.language)}</span>
                        <span part="check-count">${c.count}</span></li>`,
                )}
              </ul>`
          : nothing
      }
    </section>`;
  }

  private renderWorst(summary: DataQualitySummary): TemplateResult {
    const { q } = this;
    if (!summary.worst.length) return html`<p part="message">${q.noGaps}</p>`;
    const pick = (kind: QualityKind, uuid: string) => this.emit('kitos-select', { kind, uuid });
    return html`<ol part="worst">
      ${summary.worst.map(
        (w) => html`<li>
          <details part="record">
            <summary>
              <span part="record-title">${w.record.name}</span>
              <span part="record-meta"
                >${q.kinds[w.kind]} · ${w.unit?.name ?? '–'} · ${q.scoreOf(w.score)} · ${q.gapCount(w.gaps.length)}</span
              >
            </summary>
            <ul part="gaps">
              ${w.gaps.map(
                (g) => html`<li part="gap" data-severity=${g.severity}>
                  <span part="severity">${q.severity[g.severity]}</span> ${g.text[this.language]}
                </li>`,
              )}
            </ul>
            <button type="button" part="record-name" @click=${() => pick(w.kind, w.record.uuid)}>
              ${q.open(w.record.name)}
            </button>
          </details>
        </li>`,
      )}
    </ol>`;
  }

  override render() {
    const { q, t } = this;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    const s = this.summary;
    const status =
      this.phase === 'loading'
        ? t.loading
        : this.phase === 'ready' && s
          ? `${s.unit?.name ?? q.allUnits} · ${q.asOf(s.today)}`
          : '';
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.phase === 'loading'}>
      ${heading(this.headingLevel, q.qualityTitle, 'title', 'title')}
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
        <p part="status" role="status">${status}</p>
      </div>
      ${this.phase === 'unavailable' ? html`<p part="message">${q.notAvailable}</p>` : nothing}
      ${this.phase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${
        s && this.phase !== 'unavailable'
          ? html`<div part="kinds">${s.kinds.map((k, i) => this.renderKind(k, i))}</div>
              <section part="worst-section" aria-labelledby="worst-title">
                ${heading(this.headingLevel + 1, q.worstTitle, 'worst-title', 'worst-title')} ${this.renderWorst(s)}
              </section>`
          : nothing
      }
    </section>`;
  }
}
