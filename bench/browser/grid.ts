// The grid benchmark's page script (see bench/browser.mjs). Everything is timed inside the page
// with performance.now(); "done" means the rows are in the DOM and laid out: the wait is event
// driven (a MutationObserver on the element's shadow root, then the element's and the status
// badges' updateComplete, then a forced layout) — never a fixed sleep. Paint is not included, for
// the subject nor for the baseline.
//
// Subject: <kitos-overview kind="usages"> over createStaticClient with generated usage rows.
// Baseline: a plain <table> with every row in its tbody, built with DOM calls; re-sorted by
// sorting the rows with the same Danish collator and rebuilding the tbody.
import type { CellValue, LifeCycleStatus, UsageRow } from '@os2kitos/core';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { css, html, LitElement } from 'lit';

/** The bench grid's rows: usage rows with the columns the page shows. */
type OverviewRow = Partial<UsageRow> & { uuid: string };
import type { KitosClient } from '@os2kitos/widgets';

type Widgets = typeof import('@os2kitos/widgets');
/** The element as the widgets register it (the tag map of `<kitos-overview>`). */
type KitosOverview = HTMLElementTagNameMap['kitos-overview'];

const TODAY = '2025-06-15';
/** The usage overview's default columns (USAGE_COLUMNS with defaultVisible), in order. */
const COLUMNS = [
  'active',
  'inactiveReasons',
  'systemName',
  'businessType',
  'rightsHolder',
  'supplier',
  'validFrom',
  'validTo',
  'lifeCycleStatus',
  'responsibleUnit',
  'mainContract',
  'nextNoticeDeadline',
] as const;
/** Re-sorts alternate between these two columns, so every click really re-orders the rows. */
const SORT_COLUMNS = ['systemName', 'supplier'] as const;
/** Longest wait for one render before the sample fails with a description of the DOM. */
const TIMEOUT_MS = 60_000;

const SYSTEMS = [
  'ESDH',
  'Økonomisystem',
  'Lønsystem',
  'Sagsbehandling Børn og Unge',
  'Vejregister',
  'Bygningsdrift',
  'Affaldsportal',
  'Skoleintra',
  'Aula',
  'Borgerservice',
  'Ældrepleje',
  'Jobcenter',
  'Byggesag',
  'Kontaktcenter',
  'Intranet',
  'Rekruttering',
  'Budgetstyring',
  'Dokumentboks',
  'Tandpleje',
  'Biblioteket',
];
const SUPPLIERS = ['KMD', 'Netcompany', 'Fujitsu', 'EG A/S', 'Systematic', 'Schultz', 'Visma', 'Atea', 'Ørsted IT'];
const BUSINESS = ['Fagsystem', 'Administration', 'Infrastruktur', 'Selvbetjening', 'Kommunikation'];
const LIFECYCLE: LifeCycleStatus[] = [
  'Undecided',
  'NotInUse',
  'PhasingIn',
  'Operational',
  'Operational',
  'Operational',
  'PhasingOut',
];
const UNITS = ['Borgerservice', 'Teknik og Miljø', 'Børn og Unge', 'Social og Sundhed', 'IT og Digitalisering'];

/** mulberry32: seeded, so every run and both sides render the same rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` usage rows with the overview's default columns filled in. */
export function generateRows(count: number): OverviewRow[] {
  const random = prng(count);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = (from: number, years: number) =>
    `${from + Math.floor(random() * years)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  return Array.from({ length: count }, (_, i): OverviewRow => {
    const active = random() < 0.8;
    const unit = Math.floor(random() * UNITS.length);
    return {
      uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      active,
      inactiveReasons: active ? [] : [pick(['EndDatePassed', 'StartDateNotPassed', 'MainContractNotActive'])],
      systemName: `${pick(SYSTEMS)} ${Math.floor(random() * 1_000_000)}`,
      businessType: pick(BUSINESS),
      rightsHolder: pick(SUPPLIERS),
      supplier: pick(SUPPLIERS),
      validFrom: date(2010, 15),
      validTo: random() < 0.6 ? null : date(2024, 8),
      lifeCycleStatus: pick(LIFECYCLE),
      responsibleUnit: UNITS[unit] ?? null,
      responsibleUnitUuid: `unit-${unit}`,
      mainContract: random() < 0.7 ? `Kontrakt ${Math.floor(random() * 5000)}` : null,
      nextNoticeDeadline: random() < 0.5 ? date(2025, 4) : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Waiting without sleeping

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** Lets the previous sample's work settle (a frame, then a task) and collects garbage if allowed. */
async function settle(): Promise<void> {
  await frame();
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  (globalThis as { gc?: () => void }).gc?.();
}

/** Resolves once `ready()` holds, checked after every DOM change under `root`. */
function until(root: Node, ready: () => boolean, describe: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out after ${TIMEOUT_MS} ms: ${describe()}`));
    }, TIMEOUT_MS);
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

// ---------------------------------------------------------------------------------------------
// The subject: <kitos-overview>

let widgets: Widgets | undefined;
let rows: OverviewRow[] = [];
let client: KitosClient | undefined;
let overview: KitosOverview | undefined;
const stage = () => document.getElementById('stage') as HTMLElement;

const rowElements = (el: KitosOverview) =>
  Array.from(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="row"][data-index]') ?? []);
const firstRowText = (el: KitosOverview) =>
  el.shadowRoot?.querySelector('[part~="row"][data-index="0"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * The rows are shown: the grid is not busy, every rendered row holds data (no "loading" placeholder)
 * and the rendered rows reach the bottom of the scrolling area (or every row is rendered).
 */
function gridShowsRows(el: KitosOverview): boolean {
  const grid = el.shadowRoot?.querySelector<HTMLElement>('[part~="grid"]');
  if (grid?.getAttribute('aria-busy') !== 'false') return false;
  const shown = rowElements(el);
  if (!shown.length || shown.some((r) => !r.querySelector('[data-row-link]'))) return false;
  if (shown.length >= rows.length) return true;
  const bottom = Math.max(...shown.map((r) => r.getBoundingClientRect().bottom));
  return bottom >= grid.getBoundingClientRect().bottom - 1;
}

function describeGrid(el: KitosOverview): string {
  const grid = el.shadowRoot?.querySelector('[part~="grid"]');
  const shown = rowElements(el);
  return `aria-busy=${grid?.getAttribute('aria-busy')}, ${shown.length} row elements, ${
    shown.filter((r) => r.querySelector('[data-row-link]')).length
  } with data, first row "${firstRowText(el).slice(0, 60)}"`;
}

/** After the rows are in: the element's and every status badge's pending render, then layout. */
async function finishGrid(el: KitosOverview): Promise<void> {
  await el.updateComplete;
  const badges = Array.from(el.shadowRoot?.querySelectorAll('kitos-status-badge') ?? []) as unknown as ReadonlyArray<{
    updateComplete: Promise<unknown>;
  }>;
  await Promise.all(badges.map((b) => b.updateComplete));
  el.shadowRoot?.querySelector<HTMLElement>('[part~="grid"]')?.getBoundingClientRect();
}

function createOverview(): KitosOverview {
  const el = document.createElement('kitos-overview');
  el.kind = 'usages';
  el.lang = 'da';
  el.today = TODAY;
  el.urlParam = ''; // no #view= in the URL: every sample starts from the default view
  el.client = client;
  return el;
}

/** Time from creating the element to its first rows shown; a fresh element every sample. */
async function gridFirstRender(): Promise<{ ms: number; domRows: number }> {
  ag?.api.destroy();
  ag = undefined;
  lit = undefined;
  stage().replaceChildren();
  overview = undefined;
  await settle();
  const t0 = performance.now();
  const el = createOverview();
  stage().append(el);
  await until(
    el.shadowRoot as ShadowRoot,
    () => gridShowsRows(el),
    () => describeGrid(el),
  );
  await finishGrid(el);
  const ms = performance.now() - t0;
  overview = el;
  return { ms, domRows: rowElements(el).length };
}

/** Time from a click on a column header to the re-ordered rows shown. */
async function gridResort(column: string): Promise<{ ms: number; domRows: number }> {
  const el = overview;
  if (!el) throw new Error('no overview rendered');
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>(
    `[part~="header-cell"][data-column="${column}"] [part~="sort-button"]`,
  );
  if (!button) throw new Error(`no sort button for ${column}`);
  const before = firstRowText(el);
  await settle();
  const t0 = performance.now();
  button.click();
  await until(
    el.shadowRoot as ShadowRoot,
    () => gridShowsRows(el) && firstRowText(el) !== before,
    () => `${describeGrid(el)} (before the click: "${before.slice(0, 60)}")`,
  );
  await finishGrid(el);
  return { ms: performance.now() - t0, domRows: rowElements(el).length };
}

// ---------------------------------------------------------------------------------------------
// The baseline: a plain <table>

const collator = new Intl.Collator('da', { usage: 'sort' });
let table: HTMLTableElement | undefined;

function cell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Aktiv' : 'Ikke aktiv';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function tbodyOf(list: readonly OverviewRow[]): HTMLTableSectionElement {
  const tbody = document.createElement('tbody');
  for (const row of list) {
    const tr = document.createElement('tr');
    for (const c of COLUMNS) {
      const td = document.createElement('td');
      td.textContent = cell(row[c]);
      tr.append(td);
    }
    tbody.append(tr);
  }
  return tbody;
}

/** Time from creating the table to every row in the DOM and laid out. */
async function tableFirstRender(): Promise<{ ms: number; domRows: number }> {
  ag?.api.destroy();
  ag = undefined;
  stage().replaceChildren();
  table = undefined;
  await settle();
  const t0 = performance.now();
  const wrap = document.createElement('div');
  wrap.className = 'plain';
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  for (const c of COLUMNS) {
    const th = document.createElement('th');
    th.textContent = c;
    head.append(th);
  }
  t.append(tbodyOf(rows));
  wrap.append(t);
  stage().append(wrap);
  void t.offsetHeight; // forces style and layout of every row
  const ms = performance.now() - t0;
  table = t;
  return { ms, domRows: t.tBodies[0]?.rows.length ?? 0 };
}

/** Time to sort the rows by a column (Danish collation, as the grid) and rebuild the tbody. */
async function tableResort(column: string): Promise<{ ms: number; domRows: number }> {
  const t = table;
  const old = t?.tBodies[0];
  if (!t || !old) throw new Error('no table rendered');
  await settle();
  const t0 = performance.now();
  const at = (r: OverviewRow) => cell((r as Record<string, CellValue>)[column]);
  const sorted = [...rows].sort((a, b) => collator.compare(at(a), at(b)));
  t.replaceChild(tbodyOf(sorted), old);
  void t.offsetHeight;
  return { ms: performance.now() - t0, domRows: t.tBodies[0]?.rows.length ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// The comparison: AG Grid Community (client-side row model, its own virtual rows and sort API)

type AgGridModule = typeof import('ag-grid-community');
let agGrid: AgGridModule | undefined;
let ag: { host: HTMLElement; api: import('ag-grid-community').GridApi } | undefined;

const agRows = (host: HTMLElement) =>
  Array.from(host.querySelectorAll<HTMLElement>('.ag-center-cols-container .ag-row'));
/** The text of the row shown first (row index 0), or '' while none is rendered. */
const agFirstRowText = (host: HTMLElement) =>
  host.querySelector('.ag-center-cols-container .ag-row[row-index="0"]')?.textContent?.replace(/\s+/g, ' ').trim() ??
  '';
/** Rows shown: rendered rows reach the bottom of the grid's viewport (or every row is rendered). */
function agShowsRows(host: HTMLElement): boolean {
  const shown = agRows(host);
  if (!shown.length) return false;
  if (shown.length >= rows.length) return true;
  const viewport = host.querySelector('.ag-body-viewport');
  if (!viewport) return false;
  const bottom = Math.max(...shown.map((r) => r.getBoundingClientRect().bottom));
  return bottom >= viewport.getBoundingClientRect().bottom - 1;
}

/** Time from creating AG Grid over the same rows and columns (Danish order for text) to its rows shown. */
async function agFirstRender(): Promise<{ ms: number; domRows: number }> {
  if (!agGrid) throw new Error('AG Grid not loaded');
  ag?.api.destroy();
  ag = undefined;
  stage().replaceChildren();
  overview = undefined;
  table = undefined;
  await settle();
  const t0 = performance.now();
  const host = document.createElement('div');
  host.style.height = '32rem';
  stage().append(host);
  const api = agGrid.createGrid(host, {
    theme: agGrid.themeQuartz,
    rowData: rows,
    getRowId: (p) => p.data.uuid,
    rowHeight: 40,
    columnDefs: COLUMNS.map((c): import('ag-grid-community').ColDef<OverviewRow> => ({
      field: c,
      sortable: true,
      valueFormatter: (p: { value: CellValue | undefined }) => cell(p.value),
      // The same Danish order as the grid and the table (Å after Æ and Ø).
      comparator: (a: CellValue | undefined, b: CellValue | undefined) => collator.compare(cell(a), cell(b)),
    })),
  });
  await until(
    host,
    () => agShowsRows(host),
    () => `${agRows(host).length} AG Grid rows`,
  );
  void host.offsetHeight;
  const ms = performance.now() - t0;
  ag = { host, api };
  return { ms, domRows: agRows(host).length };
}

/** Time from AG Grid's sort API call to the re-ordered rows shown. */
async function agResort(column: string): Promise<{ ms: number; domRows: number }> {
  const current = ag;
  if (!current) throw new Error('no AG Grid rendered');
  const before = agFirstRowText(current.host);
  await settle();
  const t0 = performance.now();
  current.api.applyColumnState({ state: [{ colId: column, sort: 'asc' }], defaultState: { sort: null } });
  await until(
    current.host,
    () => agShowsRows(current.host) && agFirstRowText(current.host) !== before,
    () => `AG Grid first row "${agFirstRowText(current.host).slice(0, 60)}" (before: "${before.slice(0, 60)}")`,
  );
  void current.host.offsetHeight;
  return { ms: performance.now() - t0, domRows: agRows(current.host).length };
}

// ---------------------------------------------------------------------------------------------
// The comparison: a minimal Lit element with @lit-labs/virtualizer (the same library the overview
// uses), same rows and columns: a header row and one virtualised row per item, re-sorted by sorting
// the array with the same Danish collator and handing it back. No toolbar, filters, views, cells
// with links or badges, keyboard grid or live region: what a page pays for virtual rows alone.

class BenchLitGrid extends LitElement {
  static override properties = { items: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
      height: 32rem;
      overflow: auto;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(${COLUMNS.length}, minmax(0, 1fr));
      width: 100%;
      height: 40px;
      align-items: center;
    }
    .row > span {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      padding: 0 4px;
    }
  `;
  declare items: OverviewRow[];

  constructor() {
    super();
    this.items = [];
  }

  /** Sorts by one column (Danish order, as the overview and the table). */
  sortBy(column: string): void {
    const at = (r: OverviewRow) => cell((r as Record<string, CellValue>)[column]);
    this.items = [...this.items].sort((a, b) => collator.compare(at(a), at(b)));
  }

  override render() {
    return html`<div class="row" role="row">${COLUMNS.map((c) => html`<span role="columnheader">${c}</span>`)}</div>
      <div role="rowgroup">
        ${virtualize({
          items: this.items,
          keyFunction: (r: OverviewRow) => r.uuid,
          renderItem: (r: OverviewRow, i: number) =>
            html`<div class="row" role="row" data-index=${i}>${COLUMNS.map((c) => html`<span>${cell(r[c])}</span>`)}</div>`,
        })}
      </div>`;
  }
}
if (!customElements.get('bench-lit-grid')) customElements.define('bench-lit-grid', BenchLitGrid);

let lit: BenchLitGrid | undefined;
const litRows = (el: BenchLitGrid) => Array.from(el.shadowRoot?.querySelectorAll<HTMLElement>('[data-index]') ?? []);
/**
 * The first five rows' text: one row is not enough, as the rows first by system name and first by
 * supplier can be the same one (the generated data has such a row at 1,000 rows).
 */
const litFirstRowText = (el: BenchLitGrid) =>
  [0, 1, 2, 3, 4]
    .map((i) => el.shadowRoot?.querySelector(`[data-index="${i}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .join(' | ');
/** Rows shown: rendered rows reach the bottom of the element's scrolling box (or every row is rendered). */
function litShowsRows(el: BenchLitGrid): boolean {
  const shown = litRows(el);
  if (!shown.length) return false;
  if (shown.length >= rows.length) return true;
  const bottom = Math.max(...shown.map((r) => r.getBoundingClientRect().bottom));
  return bottom >= el.getBoundingClientRect().bottom - 1;
}

/** Time from creating the minimal Lit grid to its rows shown. */
async function litFirstRender(): Promise<{ ms: number; domRows: number }> {
  ag?.api.destroy();
  ag = undefined;
  stage().replaceChildren();
  overview = undefined;
  table = undefined;
  lit = undefined;
  await settle();
  const t0 = performance.now();
  const el = document.createElement('bench-lit-grid') as BenchLitGrid;
  el.items = rows;
  stage().append(el);
  await until(
    el.shadowRoot as ShadowRoot,
    () => litShowsRows(el),
    () => `${litRows(el).length} Lit rows`,
  );
  await el.updateComplete;
  void el.offsetHeight;
  const ms = performance.now() - t0;
  lit = el;
  return { ms, domRows: litRows(el).length };
}

/** Time from sorting the minimal Lit grid's items to the re-ordered rows shown. */
async function litResort(column: string): Promise<{ ms: number; domRows: number }> {
  const el = lit;
  if (!el) throw new Error('no Lit grid rendered');
  const before = litFirstRowText(el);
  await settle();
  const t0 = performance.now();
  el.sortBy(column);
  await until(
    el.shadowRoot as ShadowRoot,
    () => litShowsRows(el) && litFirstRowText(el) !== before,
    () => `Lit first row "${litFirstRowText(el).slice(0, 60)}" (before: "${before.slice(0, 60)}")`,
  );
  await el.updateComplete;
  void el.offsetHeight;
  return { ms: performance.now() - t0, domRows: litRows(el).length };
}

// ---------------------------------------------------------------------------------------------
// What bench/browser.mjs calls

/** Raw samples of one measurement (after `warmup` discarded runs) and the most row elements seen. */
export interface Samples {
  readonly samples: number[];
  readonly maxDomRows: number;
}

type Measurement =
  | 'gridFirstRender'
  | 'gridResort'
  | 'tableFirstRender'
  | 'tableResort'
  | 'agFirstRender'
  | 'agResort'
  | 'litFirstRender'
  | 'litResort';

async function measure(what: Measurement, samples: number, warmup: number): Promise<Samples> {
  const out: number[] = [];
  let maxDomRows = 0;
  // Re-sorts start from a shown first render (a first render of the other side clears the stage).
  if (what === 'gridResort' && !overview?.isConnected) await gridFirstRender();
  if (what === 'tableResort' && !table?.isConnected) await tableFirstRender();
  if (what === 'agResort' && !ag?.host.isConnected) await agFirstRender();
  if (what === 'litResort' && !lit?.isConnected) await litFirstRender();
  for (let i = 0; i < warmup + samples; i++) {
    const column = SORT_COLUMNS[i % SORT_COLUMNS.length] as string;
    const r =
      what === 'gridFirstRender'
        ? await gridFirstRender()
        : what === 'gridResort'
          ? await gridResort(column)
          : what === 'tableFirstRender'
            ? await tableFirstRender()
            : what === 'tableResort'
              ? await tableResort(column)
              : what === 'agFirstRender'
                ? await agFirstRender()
                : what === 'agResort'
                  ? await agResort(column)
                  : what === 'litFirstRender'
                    ? await litFirstRender()
                    : await litResort(column);
    maxDomRows = Math.max(maxDomRows, r.domRows);
    if (i >= warmup) out.push(r.ms);
  }
  return { samples: out, maxDomRows };
}

const api = {
  /** Which widgets build the page runs. */
  build: '',
  /** Generates `count` rows and a static client over them; clears the stage. */
  prepare(count: number): number {
    if (!widgets) throw new Error('widgets not loaded');
    stage().replaceChildren();
    overview = undefined;
    table = undefined;
    rows = generateRows(count);
    client = widgets.createStaticClient({ today: TODAY, rows: { usages: rows } });
    return rows.length;
  },
  measure,
};

declare global {
  interface Window {
    kitosBench?: typeof api;
  }
}

async function load(): Promise<void> {
  const build = new URLSearchParams(location.search).get('build') === 'source' ? 'source' : 'bundle';
  // The production embed bundle (Lit's production build, minified), or the sources through the
  // dev server (Lit's development build).
  const url = build === 'source' ? '/packages/widgets/src/index.ts' : '/packages/widgets/dist/kitos-widgets.bundle.js';
  widgets = (await import(/* @vite-ignore */ url)) as Widgets;
  agGrid = await import('ag-grid-community');
  agGrid.ModuleRegistry.registerModules([agGrid.AllCommunityModule]);
  // The embed bundle defines the overview on first use (docs/decisions/0070): load it now, so that no
  // sample includes fetching its code.
  await (widgets as { loadKitosElement?: (tag: string) => Promise<void> }).loadKitosElement?.('kitos-overview');
  await customElements.whenDefined('kitos-overview');
  api.build = build;
  window.kitosBench = api;
  document.body.dataset.ready = 'true';
}

load().catch((error: unknown) => {
  document.body.dataset.error = String(error instanceof Error ? (error.stack ?? error.message) : error);
});
