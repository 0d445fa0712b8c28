import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type {
  ColumnFilter,
  OverviewColumn,
  OverviewKind,
  OverviewQuery,
  OverviewRow,
  OverviewSort,
} from '@os2kitos/core';
import { OVERVIEW_LABELS } from '@os2kitos/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { KitosClient, UnitTreeNode } from '../../data/client.js';
import { coalesced, LiveUpdates } from '../../internal/live.js';
import { KitosWidgetError } from '../../data/errors.js';
import { createStaticClient } from '../../data/fake-client.js';
import { decodeView, encodeView, type OverviewView } from '../../data/view.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { isPlainClick } from '../../internal/links.js';
import { columnChooser } from '../../internal/overview/column-chooser.js';
import { overviewCsv } from '../../internal/overview/export.js';
import type { UnitOption } from '../../internal/overview/filter-editors.js';
import { activeFilters, type FilterPanelContext, filterPanel } from '../../internal/overview/filter-panel.js';
import { type GridContext, gridHeader, gridRow } from '../../internal/overview/grid.js';
import { gridTemplate, PRIMARY_COLUMN } from '../../internal/overview/layout.js';
import { OverviewRows } from '../../internal/overview/rows.js';
import { viewsBar } from '../../internal/overview/views-bar.js';
import {
  hashLink,
  loadSavedViews,
  readHashParam,
  savedViewsKey,
  storeSavedViews,
  writeHashParam,
} from '../../internal/view-store.js';
import { overviewStyles } from './overview.styles.js';

/** Quiet time after typing in the quick search before querying (KITOS debounces its filters too). */
const SEARCH_DEBOUNCE_MS = 300;

type Panel = 'columns' | 'filters' | null;

/** The virtualizer's vertical list layout, created once. */
const FLOW_LAYOUT = flow();

function flattenUnits(nodes: readonly UnitTreeNode[], depth = 0, out: UnitOption[] = []): UnitOption[] {
  for (const n of nodes) {
    out.push({ uuid: n.uuid, name: n.name, depth });
    flattenUnits(n.children, depth + 1, out);
  }
  return out;
}

/**
 * The portfolio overview grid: IT-system usages, contracts, data processing registrations,
 * projects or the catalogue. Virtualised (only the visible rows are in the DOM, fetched in chunks),
 * with the kind's column catalogue grouped by section in a column chooser, typed filters per
 * column, a quick search, sorting by header, a live result count, named views saved per user and
 * kept in the URL (`#view=…`), and CSV export for Danish Excel. Rows are real links.
 *
 * Keyboard: Tab reaches the toolbar, the sortable headers (Enter/Space sorts) and one row link;
 * Arrow up/down, Page up/down, Home and End move between rows.
 *
 * @summary Virtualised, filterable, sortable overview grid with saved views and CSV export.
 * @tagname kitos-overview
 * @fires {KitosSelectEvent} kitos-select - A row link was followed (cancelable: `preventDefault()` keeps the browser from navigating).
 * @fires {KitosViewChangeEvent} kitos-view-change - The user changed columns, filters, sort, search or picked a saved view.
 * @fires {KitosErrorEvent} kitos-error - A client call failed.
 * @csspart toolbar - The bar with search, column chooser, filters, export and the count.
 * @csspart search-label - The label around the quick search.
 * @csspart search - The quick search input.
 * @csspart count - The live result count.
 * @csspart columns-button - Opens the column chooser.
 * @csspart filters-button - Opens the filters.
 * @csspart export-button - Exports the current view as CSV.
 * @csspart views - The saved views bar.
 * @csspart view-select - The list of saved views.
 * @csspart save-view - The form that saves the current view under a name.
 * @csspart delete-view - The button that deletes the chosen saved view.
 * @csspart view-link - The link to the current view (copy or bookmark it).
 * @csspart column-chooser - The column chooser panel.
 * @csspart chooser-shown - The chooser's ordered list of shown columns.
 * @csspart chooser-groups - The chooser's columns grouped by section.
 * @csspart panel-title - The title of a panel.
 * @csspart panel-actions - The buttons at the bottom of a panel.
 * @csspart filter-panel - The filters panel.
 * @csspart filter - One column's filter fieldset.
 * @csspart filter-grid - The layout of the filter fieldsets.
 * @csspart filter-option - One checkbox of an option-set filter.
 * @csspart filter-chip - One active filter with its remove button.
 * @csspart active-filters - The list of active filters.
 * @csspart grid - The table (also the scrolling area).
 * @csspart header - The header row group.
 * @csspart header-cell - A column header.
 * @csspart header-row - The header row.
 * @csspart sort-icon - The ▲/▼ marker of the sorted column.
 * @csspart sort-button - The button in a header that sorts.
 * @csspart body - The row group holding the virtualised rows.
 * @csspart row - A row.
 * @csspart cell - A cell.
 * @csspart link-cell - The cell holding the row's link.
 * @csspart status-cell - A status cell (holds a `kitos-status-badge`).
 * @csspart link - The link (or button) that opens a row.
 * @csspart empty - The "no results" message.
 * @csspart message - The message shown without a client.
 * @csspart error - The error message.
 * @cssprop --kitos-overview-height - Height of the scrolling grid (default 32rem; with `fill`, the container decides).
 * @cssprop --kitos-row-height - Height of every row (default 2.5rem); rows are one fixed height.
 * @cssprop --kitos-color-header-bg - Background of the header row.
 * @cssprop --kitos-color-row-alt - Background of every other row.
 * @cssprop --kitos-color-row-hover - Background of the row under the pointer or with focus.
 * @cssprop --kitos-color-border - Borders of cells, inputs and buttons.
 * @cssprop --kitos-color-surface - Background of the panels.
 * @cssprop --kitos-color-link - Colour of the row links.
 * @cssprop --kitos-color-focus - Colour of the focus ring.
 *
 * @example
 * ```html
 * <kitos-provider organization-uuid="…">
 *   <kitos-overview kind="usages" link-template="/usages/{uuid}"></kitos-overview>
 * </kitos-provider>
 * ```
 */
export class KitosOverview extends KitosElement {
  /** Styles of the element. */
  static override styles = overviewStyles;

  /** Which overview: `usages`, `contracts`, `dataProcessing`, `projects` or `catalogue`. */
  @property({ reflect: true })
  kind: OverviewKind = 'usages';

  /** The organisation whose portfolio is shown; default: the provider's. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** Link of a row, with `{uuid}` replaced by the row's uuid, e.g. `/usages/{uuid}`. Without it rows are buttons. */
  @property({ attribute: 'link-template' })
  linkTemplate = '';

  /** The day date-dependent columns are computed for (`YYYY-MM-DD`); default: today. */
  @property()
  today = '';

  /**
   * The URL fragment parameter to keep the view in, e.g. `view` for `#view=…` (bookmarkable, and
   * the saved-views bar offers a link). Off unless set: a page with several grids, or its own
   * routing in the fragment, keeps its address to itself.
   */
  @property({ attribute: 'url-param' })
  urlParam = '';

  /**
   * Rows to show instead of reading them through a client: any iterable of the kind's rows (cells
   * left out show as empty). Filters, search, sort and export work on them as on a portfolio read
   * through a client; without a sort they keep the order given. Call {@link KitosOverview.refresh}
   * after changing the rows in place, or set a new iterable.
   */
  @property({ attribute: false })
  data: Iterable<{ readonly uuid: string }> | undefined;

  /** Grow to the height of the container (a flex or sized parent) instead of a fixed-height grid. */
  @property({ type: Boolean, reflect: true })
  fill = false;

  /** Hide the toolbar (search, columns, filters, export, count). */
  @property({ type: Boolean, attribute: 'no-toolbar', reflect: true })
  noToolbar = false;

  /** Hide the saved-views bar. */
  @property({ type: Boolean, attribute: 'no-views', reflect: true })
  noViews = false;

  @state() private catalogue: readonly OverviewColumn[] = [];
  @state() private visible: readonly string[] = [];
  @state() private filters: readonly ColumnFilter[] = [];
  @state() private sort: readonly OverviewSort[] = [];
  @state() private search = '';
  @state() private viewName = '';
  @state() private savedViews: readonly OverviewView[] = [];
  @state() private columnsFailed = false;
  @state() private panel: Panel = null;
  @state() private units: readonly UnitOption[] = [];
  @state() private notice = '';
  @state() private activeIndex = 0;
  @state() private range = { first: 0, last: -1 };

  @query('[part~="body"]') private body?: HTMLElement;
  @query('[part~="header"]') private header?: HTMLElement;
  @query('[part~="grid"]') private scroller?: HTMLElement;

  private loader = new OverviewRows(this, {
    onError: (error) => this.reportError('overview', error),
    onNewResult: () => {
      this.activeIndex = 0;
      this.scroller?.scrollTo({ top: 0 });
    },
  });
  private columnsRequest = 0;
  // Live updates: any change in the organisation may move a row in or out of the view, so the
  // current query runs again (at most once more while one is running).
  private readonly refreshRows = coalesced(async () => {
    await this.loader.refresh();
    // The rows in view beyond the first chunk are fetched again at once.
    this.loader.ensure(this.range.first, this.range.last);
  });
  private readonly live = new LiveUpdates(() => this.refreshRows());
  private source: { client: KitosClient | undefined; kind: OverviewKind } | null = null;
  private pendingView: OverviewView | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private unitsOrg: string | null = null;
  private viewsKey = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    if (this.catalogue.length) this.live.sync(this.activeClient, this.org);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.live.close();
    window.removeEventListener('hashchange', this.onHashChange);
    clearTimeout(this.searchTimer);
  }

  /**
   * The view shown now: visible columns in order, filters, sort and search (and its name, if
   * saved). Setting it shows that view (unknown columns are dropped) without touching the URL.
   *
   * @example
   * ```ts
   * overview.view = { ...overview.view, filters: [{ column: 'validTo', op: 'onOrBefore', date: '2025-12-31' }] };
   * ```
   */
  get view(): OverviewView {
    return {
      ...(this.viewName ? { name: this.viewName } : {}),
      columns: [...this.visible],
      filters: [...this.filters],
      sort: [...this.sort],
      search: this.search,
    };
  }

  set view(view: OverviewView) {
    if (this.catalogue.length) this.applyView(view);
    else this.pendingView = view;
  }

  /**
   * Rows matching the filters and search, or `null` before the first answer.
   *
   * @example
   * ```ts
   * overview.addEventListener('kitos-view-change', async () => { await overview.updateComplete; console.log(overview.resultCount); });
   * ```
   */
  get resultCount(): number | null {
    return this.loader.total;
  }

  /**
   * Names of the views this user saved for this overview (kept in localStorage per user,
   * organisation and overview).
   *
   * @example
   * ```ts
   * overview.savedViewNames; // ['Udløber i år', 'Ikke aktive']
   * ```
   */
  get savedViewNames(): string[] {
    return this.savedViews.map((v) => v.name ?? '');
  }

  /**
   * The current view as CSV for Danish Excel: every matching row (not only the loaded ones), the
   * visible columns in order, plus a link column when `link-template` is set. UTF-8 with a byte
   * order mark, semicolons, dates `dd-MM-yyyy`, decimal commas, quoted cells with `"` doubled.
   *
   * @example
   * ```ts
   * const csv = await overview.toCsv();
   * await fetch('/archive', { method: 'POST', body: csv });
   * ```
   */
  async toCsv(): Promise<string> {
    const client = this.activeClient;
    if (!client) throw new KitosWidgetError('no-client', 'no client to export from');
    const page = await client.overview(this.kind, this.baseQuery());
    return overviewCsv(page.rows, this.visibleColumns, {
      t: this.t,
      lang: this.language,
      linkTemplate: this.linkTemplate,
    });
  }

  /**
   * Downloads {@link KitosOverview.toCsv} as a file (default name `<kind>-<today>.csv`); the
   * toolbar's export button calls it.
   *
   * @example
   * ```ts
   * await overview.exportCsv('kontrakter.csv');
   * ```
   */
  async exportCsv(filename?: string): Promise<void> {
    const text = await this.toCsv();
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename ?? `${this.kind}-${this.today || new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  /** The client over {@link KitosOverview.data}, rebuilt when the rows are set or refreshed. */
  private dataClient: { data: Iterable<{ readonly uuid: string }>; client: KitosClient } | null = null;

  protected override get activeClient(): KitosClient | undefined {
    if (!this.data) return super.activeClient;
    if (this.dataClient?.data !== this.data)
      this.dataClient = { data: this.data, client: this.clientOfData(this.data) };
    return this.dataClient.client;
  }

  private clientOfData(data: Iterable<{ readonly uuid: string }>): KitosClient {
    return createStaticClient({
      ...(this.today ? { today: this.today } : {}),
      rows: { [this.kind]: [...data] },
    });
  }

  /**
   * Reads the rows again: through the client, or from {@link KitosOverview.data} after the rows
   * changed in place. The view (columns, filters, sort, search) stays.
   *
   * @example
   * ```ts
   * rows.push({ uuid: 'u-new', systemName: 'Nyt system' });
   * await overview.refresh();
   * ```
   */
  async refresh(): Promise<void> {
    if (this.data) {
      // A new client over the rows as they are now; the view stays (same kind).
      this.dataClient = null;
      this.requestUpdate();
      await this.updateComplete;
      return;
    }
    await this.refreshRows();
  }

  private get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  private get storageKey(): string {
    return savedViewsKey(this.kitos?.actor?.userUuid, this.org, this.kind);
  }

  private get byId(): Map<string, OverviewColumn> {
    return new Map(this.catalogue.map((c) => [c.id, c]));
  }

  private get visibleColumns(): OverviewColumn[] {
    const byId = this.byId;
    return this.visible.map((id) => byId.get(id)).filter((c): c is OverviewColumn => c !== undefined);
  }

  private baseQuery(): OverviewQuery {
    return {
      organizationUuid: this.org,
      ...(this.today ? { today: this.today } : {}),
      filters: this.filters,
      search: this.search,
      sort: this.sort,
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.activeClient;
    if (!this.source || this.source.client !== client || this.source.kind !== this.kind) {
      // A new client for the same kind keeps the view shown (or the one set for it in this task);
      // another kind has other columns and starts from its own default.
      if (this.source?.kind === this.kind && this.catalogue.length && !this.pendingView) this.pendingView = this.view;
      if (this.source && this.source.kind !== this.kind) this.pendingView = null;
      this.source = { client, kind: this.kind };
      this.loader.reset();
      if (client) void this.loadColumns(client);
    }
    // Saved views belong to one user, organisation and overview: reload them when any changes.
    if (this.storageKey !== this.viewsKey) {
      this.viewsKey = this.storageKey;
      this.savedViews = loadSavedViews(this.viewsKey);
    }
    if (client && this.catalogue.length) this.loader.query(client, this.kind, this.baseQuery());
    if (this.isConnected) this.live.sync(client, this.org);
  }

  private async loadColumns(client: KitosClient): Promise<void> {
    const request = ++this.columnsRequest;
    this.catalogue = [];
    this.columnsFailed = false;
    try {
      const columns = await client.columns(this.kind);
      if (request !== this.columnsRequest) return;
      this.catalogue = columns;
      const fromUrl = this.urlParam ? decodeView(readHashParam(this.urlParam) ?? '') : null;
      this.applyView(this.pendingView ?? fromUrl ?? this.defaultView());
      this.pendingView = null;
    } catch (error) {
      if (request !== this.columnsRequest) return;
      this.columnsFailed = true;
      this.reportError('columns', error);
    }
  }

  private onRange = (e: Event) => {
    const { first, last } = e as Event & { first: number; last: number };
    this.range = { first, last };
    this.loader.ensure(first, last);
  };

  private defaultView(): OverviewView {
    return {
      columns: this.catalogue.filter((c) => c.defaultVisible).map((c) => c.id),
      filters: [],
      sort: [],
      search: '',
    };
  }

  /** Shows a view, keeping only the columns this catalogue has. */
  private applyView(view: OverviewView): void {
    const known = this.byId;
    const columns = view.columns.filter((id) => known.has(id));
    this.visible = columns.length ? columns : this.defaultView().columns;
    this.filters = view.filters.filter((f) => known.has(f.column));
    this.sort = view.sort.filter((s) => known.has(s.column));
    this.search = view.search;
    this.viewName = view.name && this.savedViews.some((v) => v.name === view.name) ? view.name : '';
  }

  /** Keeps the shown view in the URL and tells the page. */
  private publishView(): void {
    const view = this.view;
    const encoded = encodeView(view);
    if (this.urlParam) writeHashParam(this.urlParam, encoded);
    this.emit('kitos-view-change', { kind: this.kind, view, encoded });
  }

  /** A change the user made to the view (it is no longer a saved view as is). */
  private changeView(change: Partial<OverviewView>): void {
    this.applyView({ ...this.view, name: undefined, ...change } as OverviewView);
    this.publishView();
  }

  private onHashChange = () => {
    if (!this.urlParam || !this.catalogue.length) return;
    const view = decodeView(readHashParam(this.urlParam) ?? '');
    if (view && encodeView(view) !== encodeView(this.view)) this.applyView(view);
  };

  /**
   * A header click: ascending, then descending, then unsorted. With Shift held, descending at once
   * (and again ascending), so newest-first or largest-first is one click.
   */
  private toggleSort(column: string, descendingFirst = false): void {
    const current = this.sort[0];
    const [first, second]: OverviewSort['direction'][] = descendingFirst ? ['desc', 'asc'] : ['asc', 'desc'];
    const sort: OverviewSort[] =
      current?.column !== column
        ? [{ column, direction: first }]
        : current.direction === second
          ? []
          : [{ column, direction: second }];
    this.changeView({ sort });
  }

  private onSearchInput(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.commitSearch(value), SEARCH_DEBOUNCE_MS);
  }

  private commitSearch(value: string): void {
    clearTimeout(this.searchTimer);
    if (value.trim() !== this.search.trim()) this.changeView({ search: value });
  }

  private togglePanel(panel: Panel): void {
    this.panel = this.panel === panel ? null : panel;
    if (this.panel === 'filters') void this.loadUnits();
  }

  private async closePanel(): Promise<void> {
    const panel = this.panel;
    this.panel = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-panel="${panel}"]`)?.focus();
  }

  private onPanelKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    void this.closePanel();
  };

  private async loadUnits(): Promise<void> {
    const client = this.activeClient;
    if (this.unitsOrg === this.org || !client || !this.org || !this.catalogue.some((c) => c.type === 'unit')) return;
    this.unitsOrg = this.org;
    try {
      this.units = flattenUnits(await client.unitTree(this.org));
    } catch (error) {
      // The unit filter falls back to matching the unit's name.
      this.reportError('unitTree', error);
    }
  }

  private async moveColumn(id: string, delta: -1 | 1): Promise<void> {
    const from = this.visible.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= this.visible.length) return;
    const columns = [...this.visible];
    columns.splice(from, 1);
    columns.splice(to, 0, id);
    this.changeView({ columns });
    await this.updateComplete;
    // The list re-renders in the new order: keep focus on the moved column's button.
    const item = this.renderRoot.querySelector(`#column-chooser li[data-column="${CSS.escape(id)}"]`);
    const preferred = item?.querySelector<HTMLButtonElement>(`[data-action="${delta < 0 ? 'up' : 'down'}"]`);
    const fallback = item?.querySelector<HTMLButtonElement>(`[data-action="${delta < 0 ? 'down' : 'up'}"]`);
    (preferred && !preferred.disabled ? preferred : fallback)?.focus();
  }

  private toggleColumn(id: string, show: boolean): void {
    const columns = show ? [...this.visible.filter((c) => c !== id), id] : this.visible.filter((c) => c !== id);
    if (columns.length) this.changeView({ columns });
  }

  private pickView(name: string): void {
    const view = this.savedViews.find((v) => v.name === name);
    if (!view) return;
    this.applyView(view);
    this.publishView();
  }

  private saveView(name: string): void {
    const saved = { ...this.view, name };
    this.savedViews = [...this.savedViews.filter((v) => v.name !== name), saved].sort((a, b) =>
      (a.name ?? '').localeCompare(b.name ?? '', 'da'),
    );
    storeSavedViews(this.storageKey, this.savedViews);
    this.viewName = name;
    if (this.urlParam) writeHashParam(this.urlParam, encodeView(this.view));
    this.notice = this.t.viewSaved(name);
  }

  private deleteView(name: string): void {
    this.savedViews = this.savedViews.filter((v) => v.name !== name);
    storeSavedViews(this.storageKey, this.savedViews);
    if (this.viewName === name) this.viewName = '';
    this.notice = this.t.viewDeleted(name);
  }

  private onRowClick(e: MouseEvent, row: OverviewRow, href: string | undefined): void {
    if (href && !isPlainClick(e)) return;
    const detail = { kind: this.kind, uuid: row.uuid, ...(href ? { href } : {}) };
    if (!this.emit('kitos-select', detail, { cancelable: true })) e.preventDefault();
  }

  private onRowKeydown(e: KeyboardEvent, index: number): void {
    const last = (this.loader.total ?? 0) - 1;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + 10,
      PageUp: index - 10,
      Home: 0,
      End: last,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    void this.focusRow(Math.max(0, Math.min(last, target)));
  }

  private rowLink(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"] [data-row-link]`);
  }

  /**
   * Scrolls the grid so a row is visible below the sticky header. Rows have one fixed height, so
   * the position is arithmetic; the virtualizer then renders the rows for the new scroll position.
   * (The virtualizer's own `element(i).scrollIntoView()` can leave an empty range behind.)
   */
  private scrollRowIntoView(index: number): void {
    const { scroller, body } = this;
    if (!scroller || !body) return;
    const rowHeight = body.querySelector<HTMLElement>('[role="row"]')?.offsetHeight || 40;
    const headerHeight = this.header?.offsetHeight ?? 0;
    const top = body.offsetTop + index * rowHeight;
    if (top < scroller.scrollTop + headerHeight) scroller.scrollTop = top - headerHeight;
    else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = top + rowHeight - scroller.clientHeight;
    }
  }

  /** Moves focus to a row, scrolling it into the DOM first when it is not rendered yet. */
  private async focusRow(index: number): Promise<void> {
    this.activeIndex = index;
    if (!this.rowLink(index)) this.scrollRowIntoView(index);
    for (let frame = 0; frame < 60 && !this.rowLink(index); frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await this.updateComplete;
    this.rowLink(index)?.focus();
  }

  /** The one row link in the Tab order: the active row while rendered, else the first rendered. */
  private get tabbableIndex(): number {
    const { first, last } = this.range;
    return this.activeIndex >= first && this.activeIndex <= last ? this.activeIndex : Math.max(0, first);
  }

  private get gridContext(): GridContext {
    return {
      t: this.t,
      lang: this.language,
      kind: this.kind,
      linkTemplate: this.linkTemplate,
      sort: this.sort,
      tabbableIndex: this.tabbableIndex,
      onSort: (column, descendingFirst) => this.toggleSort(column, descendingFirst),
      onRowClick: (e, row, href) => this.onRowClick(e, row, href),
      onRowKeydown: (e, index) => this.onRowKeydown(e, index),
      onRowFocus: (index) => {
        this.activeIndex = index;
      },
    };
  }

  private get filterContext(): FilterPanelContext {
    return {
      t: this.t,
      lang: this.language,
      units: this.units,
      columns: this.visibleColumns,
      byId: this.byId,
      filters: this.filters,
      onColumnFilters: (column, filters) =>
        this.changeView({ filters: [...this.filters.filter((f) => f.column !== column), ...filters] }),
      onFilters: (filters) => this.changeView({ filters }),
      onClose: () => void this.closePanel(),
      onKeydown: this.onPanelKeydown,
    };
  }

  private renderToolbar(): TemplateResult {
    const { t } = this;
    const total = this.loader.total;
    return html`<div part="toolbar">
      <label part="search-label"
        >${t.search}
        <input
          part="search"
          type="search"
          title=${t.searchHint}
          .value=${this.search}
          @input=${this.onSearchInput}
          @search=${(e: Event) => this.commitSearch((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') this.commitSearch((e.target as HTMLInputElement).value);
          }}
      /></label>
      <button type="button" part="columns-button" data-panel="columns" aria-expanded=${this.panel === 'columns'}
        aria-controls=${ifDefined(this.panel === 'columns' ? 'column-chooser' : undefined)}
        @click=${() => this.togglePanel('columns')}>${t.columns}</button>
      <button type="button" part="filters-button" data-panel="filters" aria-expanded=${this.panel === 'filters'}
        aria-controls=${ifDefined(this.panel === 'filters' ? 'filter-panel' : undefined)}
        @click=${() => this.togglePanel('filters')}>${t.filters(this.filters.length)}</button>
      <button type="button" part="export-button" ?disabled=${!total} @click=${() => this.exportCsv()}>
        ${t.exportCsv}
      </button>
      <p part="count" role="status">${total === null ? t.loading : t.count(total, this.kind)}</p>
    </div>`;
  }

  private renderPanel(): TemplateResult | typeof nothing {
    if (this.panel === 'filters') return filterPanel(this.filterContext);
    if (this.panel !== 'columns') return nothing;
    return html`<div @keydown=${this.onPanelKeydown}>
      ${columnChooser({
        t: this.t,
        lang: this.language,
        catalogue: this.catalogue,
        visible: this.visible,
        onToggle: (id, show) => this.toggleColumn(id, show),
        onMove: (id, delta) => void this.moveColumn(id, delta),
        onReset: () => this.changeView({ columns: this.defaultView().columns }),
        onClose: () => void this.closePanel(),
      })}
    </div>`;
  }

  override render() {
    if (!this.activeClient) return html`<p part="message">${this.t.noClient}</p>`;
    const { t } = this;
    const columns = this.visibleColumns;
    const primary = PRIMARY_COLUMN[this.kind];
    const linkColumn = columns.some((c) => c.id === primary) ? primary : (columns[0]?.id ?? '');
    const layout = gridTemplate(columns, primary);
    const { phase, total } = this.loader;
    const hasRows = (total ?? 0) > 0;
    const ctx = this.gridContext;
    const failed = phase === 'error' || this.columnsFailed;
    return html`
      ${this.noToolbar ? nothing : this.renderToolbar()} ${this.renderPanel()} ${activeFilters(this.filterContext)}
      ${
        this.noViews
          ? nothing
          : viewsBar({
              t,
              saved: this.savedViews,
              current: this.viewName,
              link: this.urlParam && this.catalogue.length ? hashLink(this.urlParam, encodeView(this.view)) : null,
              onPick: (name) => this.pickView(name),
              onSave: (name) => this.saveView(name),
              onDelete: (name) => this.deleteView(name),
            })
      }
      <div part="grid" role="table" aria-label=${OVERVIEW_LABELS[this.kind][this.language]} aria-rowcount=${(total ?? 0) + 1}
        aria-colcount=${columns.length} aria-busy=${phase === 'loading'}
        style=${styleMap({ '--_columns': layout.template, '--_width': layout.width })}>
        ${gridHeader(columns, ctx)}
        <div part="body" role=${ifDefined(hasRows ? 'rowgroup' : undefined)} @rangeChanged=${this.onRange}>
          ${virtualize({
            // The layout is given (not left to the default) because the default is loaded with a
            // dynamic import, which would split the one-file embed bundle into chunks.
            layout: FLOW_LAYOUT,
            items: this.loader.items,
            renderItem: (i: number) => gridRow(i, this.loader.rowAt(i), columns, linkColumn, ctx),
          })}
        </div>
      </div>
      ${phase === 'ready' && !hasRows ? html`<p part="empty">${t.noResults}</p>` : nothing}
      ${failed ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.notice}</p>
    `;
  }
}
