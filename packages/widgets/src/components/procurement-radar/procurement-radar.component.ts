import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  CatalogueFilters,
  KitosCoordinationReader,
  LikeMine,
  Radar,
  RadarEntry,
  RadarKind,
  RadarQuery,
} from '../../data/client.js';
import { formatCount } from '../../i18n/format.js';
import { heading } from '../../internal/card.js';
import { KitosCoordinationElement } from '../../internal/coordination.js';
import { procurementRadarStyles } from './procurement-radar.styles.js';

/** What the radar is about. */
export type RadarSubjectKind = 'system' | 'supplier' | 'kle';

/** The windows the user can choose, in months. */
const WINDOWS = [12, 24, 36, 48, 60];
/** The icon of each deadline kind (shown with its words, never alone). */
const KIND_ICON: Record<RadarKind, string> = { tenderStart: '●', earliestEnd: '▲', expiry: '■' };
const KINDS: readonly RadarKind[] = ['tenderStart', 'earliestEnd', 'expiry'];

interface Named {
  readonly uuid: string;
  readonly name: string;
}

/**
 * The joint procurement radar: for one IT system, supplier or KLE task and a window of whole
 * quarters (default 24 months from this quarter), the contracts of other municipalities (as they
 * share them) whose expiry, earliest possible end or tender start falls in the window, on a
 * timeline with a row per system and a column per quarter. Each deadline shows its kind in colour,
 * with an icon and in words; the timeline is a keyboard grid (arrow keys, Home/End, Enter opens a
 * quarter's contracts with whom to contact), and a table view lists the same as plain rows.
 *
 * With `contract` (the uuid of one of the reader's own contracts) it also lists, from that
 * contract's point of view, the shared contracts of other municipalities on the same systems or with
 * the same supplier, nearest end first, with their deadlines, supplier and whom to contact; a button
 * per shared system shows that system on the radar.
 *
 * @summary A timeline by quarter of shared contracts ending across municipalities.
 * @tagname kitos-procurement-radar
 * @fires {KitosErrorEvent} kitos-error - The radar or its choices could not be loaded.
 * @csspart title - The heading.
 * @csspart base - The whole widget.
 * @csspart toolbar - The subject, the window and the view toggle.
 * @csspart kind-select - What the radar is for (system, supplier, KLE task).
 * @csspart subject-select - The system, supplier or KLE task.
 * @csspart window-select - The window in months.
 * @csspart view-toggle - The timeline/table buttons.
 * @csspart summary - The live count of contracts and organisations.
 * @csspart legend - The deadline kinds with their icons and colours.
 * @csspart timeline - The grid of systems by quarter.
 * @csspart cell - One system's quarter.
 * @csspart entry - One contract's deadline in a quarter.
 * @csspart detail - The open quarter's contracts with contacts.
 * @csspart like-mine - The contracts like the one given by `contract`.
 * @csspart like-mine-table - Their table.
 * @csspart show-on-radar - The button that shows a shared system on the radar.
 * @csspart table - The table view.
 * @csspart message - Loading, empty and "not available" messages.
 * @csspart error - The error message.
 * @cssprop --kitos-radar-tender - Colour of tender starts.
 * @cssprop --kitos-radar-tender-bg - Background of tender starts.
 * @cssprop --kitos-radar-end - Colour of earliest ends.
 * @cssprop --kitos-radar-end-bg - Background of earliest ends.
 * @cssprop --kitos-radar-expiry - Colour of expiries.
 * @cssprop --kitos-radar-expiry-bg - Background of expiries.
 *
 * @example
 * ```html
 * <kitos-procurement-radar supplier-uuid="…" months="36"></kitos-procurement-radar>
 * <kitos-procurement-radar contract="…"></kitos-procurement-radar>
 * ```
 */
export class KitosProcurementRadar extends KitosCoordinationElement {
  /** Styles of the element. */
  static override styles = procurementRadarStyles;

  /** The catalogue system to show (one of system, supplier and KLE task; the user can change it). */
  @property({ attribute: 'system-uuid' })
  systemUuid = '';

  /** The supplier whose (shared) contracts to show. */
  @property({ attribute: 'supplier-uuid' })
  supplierUuid = '';

  /** The KLE task whose systems' contracts to show (tasks under it too). */
  @property({ attribute: 'kle-uuid' })
  kleUuid = '';

  /** The window in months from this quarter (1–120, default 24), rounded up to whole quarters. */
  @property({ type: Number })
  months = 24;

  /** The day whose quarter the window starts in (`YYYY-MM-DD`); default: today. */
  @property()
  from = '';

  /**
   * One of the reader's organisation's own contracts (uuid): lists the other municipalities' shared
   * contracts like it (same systems or supplier), nearest end first.
   */
  @property()
  contract = '';

  /** `timeline` (default) or `table`; the user can switch. */
  @property()
  view: 'timeline' | 'table' = 'timeline';

  @state() private radar: Radar | undefined;
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private chosenKind: RadarSubjectKind = 'system';
  @state() private systems: readonly Named[] = [];
  @state() private filters: CatalogueFilters | undefined;
  /** The focusable cell of the timeline (row, column). */
  @state() private active: readonly [number, number] = [0, 0];
  /** The open cell (row, column), if any. */
  @state() private open: readonly [number, number] | undefined;
  @state() private likeMine: readonly LikeMine[] | undefined;
  @state() private likePhase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  private likeKey = '';
  private likeRequest = 0;
  private source: KitosCoordinationReader | undefined;
  private queryKey = '';
  private request = 0;

  /** What the radar is about: the kind of the subject given, else the user's choice. */
  get subjectKind(): RadarSubjectKind {
    if (this.systemUuid) return 'system';
    if (this.supplierUuid) return 'supplier';
    if (this.kleUuid) return 'kle';
    return this.chosenKind;
  }

  private get query(): RadarQuery | undefined {
    const months = Math.min(120, Math.max(1, Math.floor(this.months) || 24));
    const from = this.from ? { from: this.from } : {};
    if (this.systemUuid) return { systemUuid: this.systemUuid, months, ...from };
    if (this.supplierUuid) return { supplierUuid: this.supplierUuid, months, ...from };
    if (this.kleUuid) return { kleUuid: this.kleUuid, months, ...from };
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reader = this.reader;
    if (!reader) return;
    const readerChanged = reader !== this.source;
    this.source = reader;
    if (readerChanged) void this.loadChoices(reader);
    if (this.contract !== this.likeKey || readerChanged) {
      this.likeKey = this.contract;
      if (this.contract) void this.loadLikeMine(reader, this.contract);
      else {
        this.likeMine = undefined;
        this.likePhase = 'idle';
      }
    }
    const query = this.query;
    const key = JSON.stringify(query ?? null);
    if (key !== this.queryKey || readerChanged) {
      this.queryKey = key;
      this.open = undefined;
      this.active = [0, 0];
      if (query) void this.load(reader, query);
      else {
        this.radar = undefined;
        this.phase = 'idle';
      }
    }
  }

  private async loadChoices(reader: KitosCoordinationReader): Promise<void> {
    try {
      const [page, filters] = await Promise.all([reader.catalogue({ limit: 200 }), reader.catalogueFilters()]);
      this.systems = page.entries
        .map((e) => ({ uuid: e.uuid, name: e.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'da'));
      this.filters = filters;
    } catch (error) {
      // The radar still shows a subject given by attribute; only the choices are missing.
      this.reportError('catalogue', error);
    }
  }

  private async load(reader: KitosCoordinationReader, query: RadarQuery): Promise<void> {
    const request = ++this.request;
    this.phase = 'loading';
    try {
      const radar = await reader.radar(query);
      if (request !== this.request) return;
      this.radar = radar;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('radar', error);
    }
  }

  private async loadLikeMine(reader: KitosCoordinationReader, contract: string): Promise<void> {
    const request = ++this.likeRequest;
    this.likePhase = 'loading';
    try {
      const likeMine = await reader.contractsLikeMine(contract);
      if (request !== this.likeRequest) return;
      this.likeMine = likeMine;
      this.likePhase = 'ready';
    } catch (error) {
      if (request !== this.likeRequest) return;
      this.likePhase = 'error';
      this.reportError('like-mine', error);
    }
  }

  private choose(kind: RadarSubjectKind, uuid: string): void {
    this.chosenKind = kind;
    this.systemUuid = kind === 'system' ? uuid : '';
    this.supplierUuid = kind === 'supplier' ? uuid : '';
    this.kleUuid = kind === 'kle' ? uuid : '';
  }

  private subjectOptions(kind: RadarSubjectKind): readonly Named[] {
    if (kind === 'system') return this.systems;
    if (kind === 'supplier') return this.filters?.rightsHolders ?? [];
    return (this.filters?.kle ?? []).map((k) => ({
      uuid: k.uuid,
      name: `${'\u00a0\u00a0'.repeat(k.taskKey.split('.').length - 1)}${k.taskKey} ${k.description}`,
    }));
  }

  private renderToolbar(): TemplateResult {
    const { ct } = this;
    const kind = this.subjectKind;
    const current = this.systemUuid || this.supplierUuid || this.kleUuid;
    const options = this.subjectOptions(kind);
    const months = WINDOWS.includes(this.months) ? WINDOWS : [...WINDOWS, this.months].sort((a, b) => a - b);
    const viewButton = (v: 'timeline' | 'table', label: string) =>
      html`<button type="button" aria-pressed=${this.view === v} @click=${() => {
        this.view = v;
      }}>${label}</button>`;
    return html`<div part="toolbar">
      <label
        >${ct.radarFor}
        <select
          part="kind-select"
          @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value as RadarSubjectKind, '')}
        >
          ${(['system', 'supplier', 'kle'] as const).map(
            (k) => html`<option value=${k} ?selected=${k === kind}>${ct.subjectKind[k]}</option>`,
          )}
        </select></label
      >
      <label
        >${ct.subjectKind[kind]}
        <select part="subject-select" @change=${(e: Event) => this.choose(kind, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!current}>–</option>
          ${options.map((o) => html`<option value=${o.uuid} ?selected=${o.uuid === current}>${o.name}</option>`)}
        </select></label
      >
      <label
        >${ct.window}
        <select
          part="window-select"
          @change=${(e: Event) => {
            this.months = Number((e.target as HTMLSelectElement).value);
          }}
        >
          ${months.map((m) => html`<option value=${m} ?selected=${m === this.months}>${ct.months(m)}</option>`)}
        </select></label
      >
      <div part="view-toggle" role="group" aria-label=${`${ct.viewTimeline} / ${ct.viewTable}`}>
        ${viewButton('timeline', ct.viewTimeline)} ${viewButton('table', ct.viewTable)}
      </div>
    </div>`;
  }

  private renderLegend(): TemplateResult {
    return html`<ul part="legend" class="legend">
      ${KINDS.map(
        (k) =>
          html`<li class="chip" data-kind=${k}><span aria-hidden="true">${KIND_ICON[k]}</span> ${this.ct.kind[k]}</li>`,
      )}
    </ul>`;
  }

  private entryWords(e: RadarEntry): string {
    return e.kinds.map((k) => this.ct.kind[k]).join(', ');
  }

  private renderEntry(e: RadarEntry): TemplateResult {
    const kind = e.kinds[0] as RadarKind;
    return html`<li part="entry" class="chip" data-kind=${kind}>
      <span aria-hidden="true">${e.kinds.map((k) => KIND_ICON[k]).join('')}</span>
      <span class="org">${e.organization.name}</span>
      <span class="kinds">${this.entryWords(e)}</span>
    </li>`;
  }

  /** Moves the grid's focus with the arrow keys, Home and End; Enter or Space opens the cell. */
  private onGridKey(e: KeyboardEvent, radar: Radar): void {
    const rows = radar.groups.length;
    const cols = radar.quarters.length;
    let [r, c] = this.active;
    switch (e.key) {
      case 'ArrowRight':
        c = Math.min(cols - 1, c + 1);
        break;
      case 'ArrowLeft':
        c = Math.max(0, c - 1);
        break;
      case 'ArrowDown':
        r = Math.min(rows - 1, r + 1);
        break;
      case 'ArrowUp':
        r = Math.max(0, r - 1);
        break;
      case 'Home':
        c = 0;
        if (e.ctrlKey) r = 0;
        break;
      case 'End':
        c = cols - 1;
        if (e.ctrlKey) r = rows - 1;
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.toggle(r, c);
        return;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.open = undefined;
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    this.active = [r, c];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`)?.focus());
  }

  private toggle(r: number, c: number): void {
    this.active = [r, c];
    this.open = this.open?.[0] === r && this.open[1] === c ? undefined : [r, c];
  }

  private renderTimeline(radar: Radar): TemplateResult {
    const { ct } = this;
    const cols = radar.quarters.length;
    return html`<p id="grid-hint" class="muted">${ct.timelineHint}</p>
      <div class="scroll">
        <div
          role="grid"
          part="timeline"
          aria-labelledby="title"
          aria-describedby="grid-hint"
          style="grid-template-columns: minmax(9rem, 13rem) repeat(${cols}, minmax(7.5rem, 1fr))"
          @keydown=${(e: KeyboardEvent) => this.onGridKey(e, radar)}
        >
          <div role="row" class="row">
            <div role="columnheader" class="corner">${ct.system}</div>
            ${radar.quarters.map((q) => html`<div role="columnheader" class="quarter">${ct.quarter(q)}</div>`)}
          </div>
          ${radar.groups.map((g, r) => {
            const byQuarter = new Map(g.quarters.map((q) => [q.quarter, q.entries]));
            return html`<div role="row" class="row">
              <div role="rowheader" class="system">${g.system.name}</div>
              ${radar.quarters.map((q, c) => {
                const entries = byQuarter.get(q) ?? [];
                const isActive = this.active[0] === r && this.active[1] === c;
                const isOpen = this.open?.[0] === r && this.open[1] === c;
                return html`<div
                  role="gridcell"
                  part="cell"
                  data-cell=${`${r}-${c}`}
                  tabindex=${isActive ? 0 : -1}
                  aria-selected=${isOpen}
                  class=${entries.length ? 'cell' : 'cell empty'}
                  @click=${() => this.toggle(r, c)}
                >
                  ${
                    entries.length
                      ? html`<ul class="entries">
                        ${entries.map((e) => this.renderEntry(e))}
                      </ul>`
                      : html`<span class="visually-hidden">${ct.emptyCell}</span>`
                  }
                </div>`;
              })}
            </div>`;
          })}
        </div>
      </div>
      ${this.renderDetail(radar)}`;
  }

  private renderDetail(radar: Radar): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const { ct } = this;
    const [r, c] = this.open;
    const group = radar.groups[r];
    const quarter = radar.quarters[c];
    if (!group || !quarter) return nothing;
    const entries = group.quarters.find((q) => q.quarter === quarter)?.entries ?? [];
    return html`<section part="detail panel" aria-live="polite" aria-labelledby="detail-title">
      ${heading(this.headingLevel + 1, `${group.system.name}, ${ct.quarter(quarter)}`, 'section-title', 'detail-title')}
      ${
        entries.length
          ? html`<ul class="plain">
            ${entries.map(
              (e) => html`<li>
                <strong>${e.organization.name}</strong>: ${this.entryWords(e)}
                <div>${ct.supplier}: ${e.contract.supplier?.name ?? ct.notShared}</div>
                <div>
                  ${ct.contacts}:
                  ${
                    e.contract.contacts?.length
                      ? e.contract.contacts.map(
                          (p, i) =>
                            html`${i > 0 ? ', ' : ''}${p.name}${p.email ? html` (<a href=${`mailto:${p.email}`}>${p.email}</a>)` : nothing}`,
                        )
                      : ct.notShared
                  }
                </div>
              </li>`,
            )}
          </ul>`
          : html`<p part="message">${ct.emptyCell}</p>`
      }
    </section>`;
  }

  private renderTable(radar: Radar): TemplateResult {
    const { ct } = this;
    const rows = radar.groups.flatMap((g) =>
      g.quarters.flatMap((q) => q.entries.map((e) => ({ system: g.system.name, quarter: q.quarter, e }))),
    );
    return html`<div class="scroll">
      <table part="table">
        <caption class="visually-hidden">${ct.radarTitle}</caption>
        <thead>
          <tr>
            <th scope="col">${ct.system}</th>
            <th scope="col">${ct.quarterColumn}</th>
            <th scope="col">${ct.organization}</th>
            <th scope="col">${ct.deadline}</th>
            <th scope="col">${ct.supplier}</th>
            <th scope="col">${ct.contacts}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ({ system, quarter, e }) => html`<tr>
              <td>${system}</td>
              <td>${ct.quarter(quarter)}</td>
              <td>${e.organization.name}</td>
              <td>
                <span class="chip" data-kind=${e.kinds[0] ?? 'expiry'}
                  ><span aria-hidden="true">${e.kinds.map((k) => KIND_ICON[k]).join('')}</span> ${this.entryWords(e)}</span
                >
              </td>
              <td>${e.contract.supplier?.name ?? ct.notShared}</td>
              <td>
                ${
                  e.contract.contacts?.length
                    ? e.contract.contacts.map((p) => `${p.name}${p.email ? ` <${p.email}>` : ''}`).join(', ')
                    : ct.notShared
                }
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private contactsOf(contacts: LikeMine['contract']['contacts']): TemplateResult | string {
    if (!contacts?.length) return this.ct.notShared;
    return html`${contacts.map(
      (p, i) =>
        html`${i > 0 ? ', ' : ''}${p.name}${p.email ? html` (<a href=${`mailto:${p.email}`}>${p.email}</a>)` : nothing}`,
    )}`;
  }

  private renderLikeMine(): TemplateResult | typeof nothing {
    if (!this.contract) return nothing;
    const { ct, t } = this;
    const rows = this.likePhase === 'ready' ? (this.likeMine ?? []) : [];
    const status =
      this.likePhase === 'loading'
        ? t.loading
        : this.likePhase === 'ready'
          ? rows.length
            ? ct.likeMineSummary(formatCount(rows.length, this.language))
            : ct.noLikeMine
          : '';
    return html`<section part="like-mine" aria-labelledby="like-title">
      ${heading(this.headingLevel + 1, ct.likeMineTitle, 'section-title', 'like-title')}
      <p class="muted" id="like-intro">${ct.likeMineIntro}</p>
      <p role="status" part="like-summary">${status}</p>
      ${this.likePhase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${
        rows.length
          ? html`<div class="scroll">
            <table part="like-mine-table" aria-labelledby="like-title" aria-describedby="like-intro">
              <thead>
                <tr>
                  <th scope="col">${ct.organization}</th>
                  <th scope="col">${ct.inCommon}</th>
                  <th scope="col">${ct.supplier}</th>
                  <th scope="col">${ct.deadlines}</th>
                  <th scope="col">${ct.distance}</th>
                  <th scope="col">${ct.contacts}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (x) => html`<tr data-contract=${x.contract.uuid}>
                    <th scope="row">${x.organization.name}</th>
                    <td>
                      <ul class="plain">
                        ${x.sameSystems.map(
                          (sys) => html`<li>
                            ${sys.name}
                            <button
                              type="button"
                              part="show-on-radar"
                              @click=${() => this.choose('system', sys.uuid)}
                            >
                              ${ct.onRadar}<span class="visually-hidden">: ${sys.name}</span>
                            </button>
                          </li>`,
                        )}
                        ${x.sameSupplier ? html`<li>${ct.sameSupplier}</li>` : nothing}
                      </ul>
                    </td>
                    <td>${x.contract.supplier?.name ?? ct.notShared}</td>
                    <td>
                      ${
                        x.contract.deadlines?.length
                          ? html`<ul class="plain">
                            ${x.contract.deadlines.map(
                              (d) => html`<li class="chip" data-kind=${d.kind}>
                                <span aria-hidden="true">${KIND_ICON[d.kind]}</span> ${ct.kind[d.kind]}
                                ${ct.quarter(d.quarter)}
                              </li>`,
                            )}
                          </ul>`
                          : ct.notShared
                      }
                    </td>
                    <td>${ct.quarterDistance(x.quarterDistance)}</td>
                    <td>${this.contactsOf(x.contract.contacts)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : nothing
      }
    </section>`;
  }

  override render() {
    const { ct, t } = this;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    if (!this.reader) return html`<p part="message">${ct.notAvailable}</p>`;
    const radar = this.phase === 'ready' ? this.radar : undefined;
    const f = (n: number) => formatCount(n, this.language);
    const summary =
      this.phase === 'loading'
        ? t.loading
        : radar
          ? ct.radarSummary(f(radar.contracts), f(radar.organizations))
          : this.phase === 'idle'
            ? ct.pickSubject
            : '';
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.phase === 'loading'}>
      ${heading(this.headingLevel, ct.radarTitle, 'title', 'title')} ${this.renderLikeMine()} ${this.renderToolbar()}
      <p part="summary" role="status">${summary}</p>
      ${this.phase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${radar && radar.groups.length === 0 ? html`<p part="message">${ct.noRadar}</p>` : nothing}
      ${
        radar && radar.groups.length > 0
          ? html`${this.renderLegend()}
            ${this.view === 'table' ? this.renderTable(radar) : this.renderTimeline(radar)}`
          : nothing
      }
    </section>`;
  }
}
