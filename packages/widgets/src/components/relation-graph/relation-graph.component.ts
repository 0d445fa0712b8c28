import type { RelationEdge, RelationGraph, RelationNode } from '@os2kitos/core';
import { html, nothing, type PropertyValues, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KitosClient } from '../../data/client.js';
import { type GraphStrings, graphStrings } from '../../i18n/graph-strings.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { coalesced, LiveUpdates, touches } from '../../internal/live.js';
import type { Layout } from './layout.js';
import { relationGraphStyles } from './relation-graph.styles.js';

const LIVE_KINDS: ReadonlySet<string> = new Set(['itSystemUsage', 'itInterface', 'itContract', 'organizationUnit']);
const R = 9;
const PAD = 60;
const LABEL = 22;
/** Most nodes drawn with their names. */
const LABELLED = 150;
const SVG_NS = 'http://www.w3.org/2000/svg';
// Colours as attributes (what an exported file shows) and as custom properties (the page's theme).
const NODE = '#0b5394';
const CONTEXT = '#9fb6cc';
const FOCUS = '#d4351c';

/** The layout module, loaded on first draw (it brings d3-force). */
let layoutModule: Promise<typeof import('./layout.js')> | undefined;
const loadLayout = () => {
  layoutModule ??= import('./layout.js');
  return layoutModule;
};

const short = (name: string) => (name.length > LABEL ? `${name.slice(0, LABEL - 1)}…` : name);

/**
 * The organisation's IT-system usages and their relations: which system sends what to which, over
 * which interface, how often and under which contract. Filter by organisation unit (with its
 * sub-units), KLE task and system, or choose a usage to see its neighbours up to five steps out.
 * The graph is laid out with d3-force, loaded the first time a graph is drawn; a table lists the
 * same relations for screen readers and keyboards, and both export as SVG and PNG.
 *
 * @summary Relations between the organisation's systems as a graph and a table, with filters and export.
 * @tagname kitos-relation-graph
 * @fires {KitosSelectEvent} kitos-select - A usage was chosen in the graph or the table (`kind: 'usages'`).
 * @fires {KitosErrorEvent} kitos-error - The graph could not be loaded.
 * @csspart title - The heading.
 * @csspart toolbar - The filters and export buttons.
 * @csspart summary - How many systems and relations are shown (a live region).
 * @csspart graph - The SVG drawing.
 * @csspart table - The table of relations.
 * @csspart message - Loading, empty and not-available messages.
 * @csspart error - The error message.
 * @cssprop --kitos-color-node - Fill of a usage that passes the filters.
 * @cssprop --kitos-color-node-context - Fill of a neighbour shown for context.
 * @cssprop --kitos-color-focus - Ring of the focus usage.
 *
 * @example
 * ```html
 * <kitos-relation-graph organization-uuid="…" focus-usage-uuid="…" depth="2"></kitos-relation-graph>
 * ```
 */
export class KitosRelationGraph extends KitosElement {
  /** Styles of the element. */
  static override styles = relationGraphStyles;

  /** The organisation; default: the provider's. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** Only usages this unit (and its sub-units) uses or is responsible for. */
  @property({ attribute: 'unit-uuid', reflect: true })
  unitUuid = '';

  /** Only usages supporting this KLE task. */
  @property({ attribute: 'kle-uuid', reflect: true })
  kleUuid = '';

  /** Only usages of this catalogue system. */
  @property({ attribute: 'system-uuid', reflect: true })
  systemUuid = '';

  /** A usage whose neighbours are shown (the filters then only mark nodes). */
  @property({ attribute: 'focus-usage-uuid', reflect: true })
  focusUsageUuid = '';

  /** Steps out from the focus usage, 1–5. */
  @property({ type: Number, reflect: true })
  depth = 1;

  /** Heading level of the title (2–6, default 2); `0` hides the title. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  @state() private graph: RelationGraph | null = null;
  @state() private layout: Layout | null = null;
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' | 'unavailable' = 'idle';
  @query('svg[part~="graph"]') private drawing!: SVGSVGElement | null;
  private source = '';
  private sourceClient: KitosClient | undefined;
  private request = 0;
  private readonly reload = coalesced(async () => {
    const client = this.activeClient;
    if (client && this.org) await this.load(client, true);
  });
  private readonly live = new LiveUpdates((change) => {
    if (this.phase === 'ready' && touches(change, new Set(), LIVE_KINDS)) this.reload();
  });

  private get gs(): GraphStrings {
    return graphStrings(this.language);
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
    const key = JSON.stringify([
      this.org,
      this.unitUuid,
      this.kleUuid,
      this.systemUuid,
      this.focusUsageUuid,
      this.clampedDepth,
    ]);
    if (this.source === key && this.sourceClient === client) return;
    this.source = key;
    this.sourceClient = client;
    if (client && this.org) void this.load(client);
  }

  private get clampedDepth(): number {
    return Math.min(5, Math.max(1, Math.round(Number(this.depth) || 1)));
  }

  private async load(client: KitosClient, quiet = false): Promise<void> {
    const request = ++this.request;
    if (!client.relationGraph) {
      this.phase = 'unavailable';
      return;
    }
    if (!quiet) this.phase = 'loading';
    try {
      const [graph, { layoutGraph }] = await Promise.all([
        client.relationGraph({
          organizationUuid: this.org,
          ...(this.unitUuid ? { unitUuid: this.unitUuid } : {}),
          ...(this.kleUuid ? { kleUuid: this.kleUuid } : {}),
          ...(this.systemUuid ? { systemUuid: this.systemUuid } : {}),
          ...(this.focusUsageUuid ? { focusUsageUuid: this.focusUsageUuid, depth: this.clampedDepth } : {}),
        }),
        loadLayout(),
      ]);
      if (request !== this.request) return;
      this.layout = layoutGraph(
        graph.nodes.map((n) => n.uuid),
        graph.edges.map((e) => ({ from: e.fromUsageUuid, to: e.toUsageUuid })),
      );
      this.graph = graph;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('relationGraph', error);
    }
  }

  /** Shows a usage's neighbours and tells the page with `kitos-select`. */
  private choose(uuid: string): void {
    this.emit('kitos-select', { kind: 'usages', uuid });
    this.focusUsageUuid = uuid;
  }

  /**
   * The drawing as a standalone SVG document (what "Export SVG" saves).
   *
   * @example
   * ```ts
   * const text = document.querySelector('kitos-relation-graph')!.toSvg();
   * ```
   */
  toSvg(): string {
    const el = this.drawing;
    if (!el) return '';
    const copy = el.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('xmlns', SVG_NS);
    copy.removeAttribute('part');
    copy.setAttribute('width', copy.viewBox.baseVal.width.toString());
    copy.setAttribute('height', copy.viewBox.baseVal.height.toString());
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  }

  /**
   * The drawing as a PNG image (what "Export PNG" saves), `scale` times its natural size.
   *
   * @example
   * ```ts
   * const blob = await document.querySelector('kitos-relation-graph')!.toPng();
   * ```
   */
  async toPng(scale = 1): Promise<Blob> {
    const el = this.drawing;
    if (!el) throw new Error('[kitos] [widgets] there is no graph to export');
    const { width, height } = el.viewBox.baseVal;
    const url = URL.createObjectURL(new Blob([this.toSvg()], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(width * scale));
      canvas.height = Math.max(1, Math.round(height * scale));
      const g = canvas.getContext('2d');
      if (!g) throw new Error('[kitos] [widgets] no 2D canvas to draw the PNG on');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(image, 0, 0, canvas.width, canvas.height);
      return await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (b) => (b ? resolve(b) : reject(new Error('[kitos] [widgets] the PNG could not be made'))),
          'image/png',
        ),
      );
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  private download(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private async exportPng(): Promise<void> {
    try {
      this.download(await this.toPng(2), this.language === 'da' ? 'relationer.png' : 'relations.png');
    } catch (error) {
      this.reportError('exportPng', error);
    }
  }

  private renderSelect(
    id: string,
    label: string,
    value: string,
    all: string,
    choices: readonly { uuid: string; name: string }[],
    set: (v: string) => void,
  ) {
    return html`<label>
      <span>${label}</span>
      <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value}>${all}</option>
        ${choices.map((c) => html`<option value=${c.uuid} ?selected=${c.uuid === value}>${c.name}</option>`)}
      </select>
    </label>`;
  }

  private renderToolbar(g: RelationGraph) {
    const gs = this.gs;
    return html`<div part="toolbar">
      ${this.renderSelect('unit', gs.unit, this.unitUuid, gs.all, g.choices.units, (v) => {
        this.unitUuid = v;
      })}
      ${this.renderSelect('kle', gs.kle, this.kleUuid, gs.all, g.choices.kle, (v) => {
        this.kleUuid = v;
      })}
      ${this.renderSelect('system', gs.system, this.systemUuid, gs.all, g.choices.systems, (v) => {
        this.systemUuid = v;
      })}
      ${this.renderSelect('focus', gs.focus, this.focusUsageUuid, gs.everything, g.choices.usages, (v) => {
        this.focusUsageUuid = v;
      })}
      <label>
        <span>${gs.depth}</span>
        <input
          id="depth"
          type="number"
          min="1"
          max="5"
          .value=${String(this.clampedDepth)}
          ?disabled=${!this.focusUsageUuid}
          @change=${(e: Event) => {
            this.depth = Number((e.target as HTMLInputElement).value);
          }}
        />
      </label>
      <button
        type="button"
        part="export-svg"
        @click=${() => this.download(new Blob([this.toSvg()], { type: 'image/svg+xml' }), this.language === 'da' ? 'relationer.svg' : 'relations.svg')}
      >
        ${gs.exportSvg}
      </button>
      <button type="button" part="export-png" @click=${() => void this.exportPng()}>${gs.exportPng}</button>
    </div>`;
  }

  private renderGraph(g: RelationGraph, layout: Layout) {
    const gs = this.gs;
    const x = (uuid: string) => (layout.nodes.get(uuid)?.x ?? 0) - layout.minX + PAD;
    const y = (uuid: string) => (layout.nodes.get(uuid)?.y ?? 0) - layout.minY + PAD;
    const width = Math.max(200, layout.width + PAD * 2);
    const height = Math.max(120, layout.height + PAD * 2);
    const edge = (e: RelationEdge) => {
      const [x1, y1, x2, y2] = [x(e.fromUsageUuid), y(e.fromUsageUuid), x(e.toUsageUuid), y(e.toUsageUuid)];
      const d = Math.hypot(x2 - x1, y2 - y1) || 1;
      // The arrow ends at the target's rim.
      return svg`<line x1=${x1} y1=${y1} x2=${x2 - ((x2 - x1) / d) * (R + 2)} y2=${y2 - ((y2 - y1) / d) * (R + 2)}
        stroke="#6b6b6b" stroke-width="1.2" marker-end="url(#arrow)"><title>${[
          e.interface?.name,
          e.data.join(', '),
          e.frequency,
        ]
          .filter(Boolean)
          .join(' · ')}</title></line>`;
    };
    // Names under the nodes while they can be read; a larger graph names its nodes on hover (title)
    // and in the table, and a chosen usage's neighbourhood is small enough to name again.
    const labels = g.nodes.length <= LABELLED;
    const node = (n: RelationNode) => svg`<g class="node" data-uuid=${n.uuid} @click=${() => this.choose(n.uuid)}>
      <circle cx=${x(n.uuid)} cy=${y(n.uuid)} r=${R} fill=${n.matched ? NODE : CONTEXT}
        stroke=${n.uuid === this.focusUsageUuid ? FOCUS : '#ffffff'} stroke-width=${n.uuid === this.focusUsageUuid ? 4 : 1.5}
        style=${
          n.uuid === this.focusUsageUuid
            ? `fill: var(--kitos-color-${n.matched ? 'node' : 'node-context'}, ${n.matched ? NODE : CONTEXT}); stroke: var(--kitos-color-focus, ${FOCUS})`
            : `fill: var(--kitos-color-${n.matched ? 'node' : 'node-context'}, ${n.matched ? NODE : CONTEXT})`
        }></circle>
      ${
        labels
          ? svg`<text x=${x(n.uuid)} y=${y(n.uuid) + R + 13} text-anchor="middle" font-size="12"
              font-family="system-ui, sans-serif" fill="#1a1a1a">${short(n.name)}</text>`
          : nothing
      }
      <title>${n.name}</title>
    </g>`;
    // Natural size (12 px names), shrunk to the width available: a small neighbourhood is not blown up.
    return html`<svg part="graph" role="img" aria-label=${gs.graphLabel(g.nodes.length, g.edges.length)}
      width=${Math.round(width)} height=${Math.round(height)} viewBox="0 0 ${width} ${height}"
      preserveAspectRatio="xMidYMid meet">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#6b6b6b"></path>
        </marker>
      </defs>
      <rect width=${width} height=${height} fill="#ffffff"></rect>
      <g>${g.edges.map(edge)}</g>
      <g>${g.nodes.map(node)}</g>
    </svg>`;
  }

  private renderTable(g: RelationGraph) {
    const gs = this.gs;
    if (!g.edges.length) return html`<p part="message">${gs.none}</p>`;
    const names = new Map(g.nodes.map((n) => [n.uuid, n.name]));
    const usage = (uuid: string) => {
      const name = names.get(uuid) ?? uuid;
      return html`<button type="button" class="link" aria-label=${gs.showNeighbours(name)} @click=${() => this.choose(uuid)}>
        ${name}
      </button>`;
    };
    return html`<div part="scroller">
      <table part="table">
        <caption>${gs.table}</caption>
        <thead>
          <tr>
            <th scope="col">${gs.from}</th>
            <th scope="col">${gs.to}</th>
            <th scope="col">${gs.interface}</th>
            <th scope="col">${gs.data}</th>
            <th scope="col">${gs.frequency}</th>
            <th scope="col">${gs.contract}</th>
            <th scope="col">${gs.description}</th>
          </tr>
        </thead>
        <tbody>
          ${g.edges.map(
            (e) => html`<tr data-uuid=${e.uuid}>
              <td>${usage(e.fromUsageUuid)}</td>
              <td>${usage(e.toUsageUuid)}</td>
              <td>${e.interface?.name ?? ''}</td>
              <td>${e.data.join(', ')}</td>
              <td>${e.frequency ?? ''}</td>
              <td>${e.contract?.name ?? ''}</td>
              <td>${e.description ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const { t } = this;
    const gs = this.gs;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    if (this.phase === 'unavailable') return html`<p part="message">${gs.notAvailable}</p>`;
    if (this.phase === 'error') return html`<p part="error" role="alert">${t.loadFailed}</p>`;
    const g = this.graph;
    if (!g || !this.layout) return html`<p part="message" aria-busy="true">${t.loading}</p>`;
    const level = Math.min(6, Math.max(0, this.headingLevel));
    return html`${level ? html`<div role="heading" aria-level=${level} part="title">${gs.title}</div>` : nothing}
      ${this.renderToolbar(g)}
      <p part="summary" role="status">${gs.summary(g.nodes.length, g.edges.length)}</p>
      ${this.renderGraph(g, this.layout)} ${this.renderTable(g)}`;
  }
}
