import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ArchitectureCoverage, KitosClient } from '../../data/client.js';
import { formatCount } from '../../i18n/format.js';
import { heading } from '../../internal/card.js';
import { barWidth, KitosCoordinationElement } from '../../internal/coordination.js';
import { architectureCoverageStyles } from './architecture-coverage.styles.js';

type Phase = 'idle' | 'loading' | 'ready' | 'error';
type CoverageReader = Required<Pick<KitosClient, 'architectureCoverage'>>;

/**
 * How much of the organisation's IT portfolio is tied to the joint municipal reference architecture
 * ("den fælleskommunale rammearkitektur": shared infrastructure such as Serviceplatformen and FK
 * Organisation, and standards): a usage is tied when its system is one of an element's systems or
 * one of its relations goes through one of an element's interfaces. Shown in total, per element, per
 * responsible unit and per KLE task, each share as a bar with the numbers in words, in tables.
 *
 * @summary The share of the portfolio tied to the joint reference architecture.
 * @tagname kitos-architecture-coverage
 * @fires {KitosErrorEvent} kitos-error - The coverage could not be loaded.
 * @csspart base - The whole widget.
 * @csspart title - The heading.
 * @csspart section-title - The heading of each table.
 * @csspart summary - The share of the whole portfolio, in words and as a bar.
 * @csspart elements - The table per element.
 * @csspart units - The table per responsible unit.
 * @csspart kle - The table per KLE task.
 * @csspart bar - A share's bar and numbers.
 * @csspart message - Loading, empty and "not available" messages.
 * @csspart error - The error message.
 * @cssprop --kitos-bar-color - Colour of the bars.
 * @cssprop --kitos-bar-track - Background of the bars.
 *
 * @example
 * ```html
 * <kitos-architecture-coverage organization-uuid="…"></kitos-architecture-coverage>
 * ```
 */
export class KitosArchitectureCoverage extends KitosCoordinationElement {
  /** Styles of the element. */
  static override styles = architectureCoverageStyles;

  @state() private coverage: ArchitectureCoverage | undefined;
  @state() private phase: Phase = 'idle';
  private source: CoverageReader | undefined;
  private key = '';
  private request = 0;

  /** The client's coverage read, if it has one. */
  private get coverageReader(): CoverageReader | undefined {
    const client = this.activeClient;
    return typeof client?.architectureCoverage === 'function' ? (client as CoverageReader) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reader = this.coverageReader;
    if (!reader || !this.org) return;
    if (reader === this.source && this.org === this.key) return;
    this.source = reader;
    this.key = this.org;
    void this.load(reader, this.org);
  }

  private async load(reader: CoverageReader, organizationUuid: string): Promise<void> {
    const request = ++this.request;
    this.phase = 'loading';
    try {
      const coverage = await reader.architectureCoverage(organizationUuid);
      if (request !== this.request) return;
      this.coverage = coverage;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('architectureCoverage', error);
    }
  }

  private percent(tied: number, total: number): string {
    return this.ct.percent(formatCount(total ? Math.round((tied / total) * 100) : 0, this.language));
  }

  private share(tied: number, total: number): TemplateResult {
    const n = (x: number) => formatCount(x, this.language);
    return html`<span class="bar" part="bar">
      <span class="bar-track" aria-hidden="true"
        ><span class="bar-fill" style="width: ${barWidth(tied, Math.max(total, 1))}"></span
      ></span>
      <span class="bar-text">${this.ct.tiedOf(n(tied), n(total))} (${this.percent(tied, total)})</span>
    </span>`;
  }

  private table(
    part: string,
    title: string,
    column: string,
    rows: readonly { readonly key: string; readonly label: string; readonly cell: TemplateResult }[],
    valueColumn: string,
  ): TemplateResult {
    return html`${heading(this.headingLevel + 1, title, 'section-title', `${part}-title`)}
      <table part=${part} aria-labelledby=${`${part}-title`}>
        <thead>
          <tr>
            <th scope="col">${column}</th>
            <th scope="col">${valueColumn}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <th scope="row">${r.label}</th>
              <td>${r.cell}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private renderCoverage(c: ArchitectureCoverage): TemplateResult {
    const { ct } = this;
    const n = (x: number) => formatCount(x, this.language);
    if (c.total === 0) return html`<p part="message">${ct.noUsages}</p>`;
    return html`<div part="summary">
        <p>${ct.architectureSummary(n(c.tied), n(c.total), this.percent(c.tied, c.total))}</p>
        ${this.share(c.tied, c.total)}
      </div>
      ${
        c.elements.length === 0
          ? html`<p part="message">${ct.noArchitecture}</p>`
          : this.table(
              'elements',
              ct.architectureElements,
              ct.element,
              c.elements.map((e) => ({ key: e.uuid, label: e.name, cell: this.share(e.usages, c.total) })),
              ct.usagesTied,
            )
      }
      ${this.table(
        'units',
        ct.architectureUnits,
        ct.unit,
        c.units.map((u) => ({
          key: u.unit?.uuid ?? '',
          label: u.unit?.name ?? ct.noUnit,
          cell: this.share(u.tied, u.total),
        })),
        ct.usagesTied,
      )}
      ${
        c.kle.length
          ? this.table(
              'kle',
              ct.architectureKle,
              ct.kleTaskColumn,
              c.kle.map((k) => ({
                key: k.uuid,
                label: `${k.taskKey} ${k.description}`,
                cell: this.share(k.tied, k.total),
              })),
              ct.usagesTied,
            )
          : nothing
      }`;
  }

  override render() {
    const { ct, t } = this;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    if (!this.coverageReader) return html`<p part="message">${ct.notAvailable}</p>`;
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.phase === 'loading'}>
      ${heading(this.headingLevel, ct.architectureTitle, 'title', 'title')}
      ${this.phase === 'loading' && !this.coverage ? html`<p part="message">${t.loading}</p>` : nothing}
      ${this.phase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${this.coverage ? this.renderCoverage(this.coverage) : nothing}
    </section>`;
  }
}
