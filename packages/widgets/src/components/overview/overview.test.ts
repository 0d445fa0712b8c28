import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys } from '@web/test-runner-commands';
import { createStaticClient } from '../../data/fake-client.js';
import { decodeView } from '../../data/view.js';
import { HOSTILE, ORG, TODAY, testClient, UNITS, usageRows } from '../../testing/fixtures/data.js';
import './overview.js';
import type { KitosOverview } from './overview.component.js';

const root = (el: KitosOverview) => el.shadowRoot as ShadowRoot;
const count = (el: KitosOverview) => root(el).querySelector('[part~="count"]')?.textContent?.trim() ?? '';
const rows = (el: KitosOverview) => [...root(el).querySelectorAll<HTMLElement>('[part~="body"] [role="row"]')];
const firstLink = (el: KitosOverview) => root(el).querySelector<HTMLElement>('[data-index="0"] [data-row-link]');
const headerButton = (el: KitosOverview, column: string) =>
  root(el).querySelector<HTMLButtonElement>(`[role="columnheader"][data-column="${column}"] button`)!;

async function overview(client = testClient(), extra: { kind?: string; lang?: string } = {}) {
  const el = await fixture<KitosOverview>(html`<kitos-overview
    kind=${extra.kind ?? 'usages'}
    lang=${extra.lang ?? 'da'}
    organization-uuid=${ORG}
    today=${TODAY}
    url-param=""
    link-template="/usages/{uuid}"
    .client=${client}
  ></kitos-overview>`);
  await waitUntil(() => firstLink(el), 'rows rendered');
  return el;
}

// The virtualizer measures rows with a ResizeObserver; Chromium reports the benign "loop completed
// with undelivered notifications" as a window error, which mocha would count as a failure.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  localStorage.clear();
});

describe('<kitos-overview>', () => {
  it('renders the rows with a live count, status in words, and real links', async () => {
    const el = await overview();
    expect(count(el)).to.equal('40 systemer');
    expect(root(el).querySelector('[part~="count"]')!.getAttribute('role')).to.equal('status');
    const link = firstLink(el) as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(link.getAttribute('href')).to.equal('/usages/usage-00000');
    const ended = root(el).querySelector('[data-index="4"] kitos-status-badge')!;
    expect(ended.getAttribute('reason')).to.equal('slutdato 31-12-2024 er passeret');
    expect(root(el).querySelector('[role="columnheader"][data-column="validTo"]')).to.exist;
  });

  it('passes axe with the grid and both panels open', async () => {
    const el = await overview();
    await expect(el).to.be.accessible();
    headerButton(el, 'systemName').click();
    root(el).querySelector<HTMLButtonElement>('[part~="columns-button"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part~="filters-button"]')!.click();
    await waitUntil(() => root(el).querySelector('[part~="filter-panel"] select[name="unit"]'), 'unit filter');
    await expect(el).to.be.accessible();
  });

  it('keeps at most 100 row elements in the DOM with 10,000 rows, and reaches the last row by keyboard', async () => {
    const el = await overview(createStaticClient({ today: TODAY, rows: { usages: usageRows(10_000) } }));
    expect(count(el)).to.equal('10.000 systemer');
    expect(rows(el).length).to.be.greaterThan(5).and.at.most(100);
    firstLink(el)!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => root(el).activeElement?.textContent === 'System 09999', 'focus on the last row');
    expect(rows(el).length).to.be.at.most(100);
    expect(root(el).querySelector('[data-index="9999"]')!.getAttribute('aria-rowindex')).to.equal('10001');
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => root(el).activeElement?.textContent === 'System 09998', 'focus moved up');
  });

  it('sorts with Enter on a header and sets aria-sort', async () => {
    const el = await overview();
    const button = headerButton(el, 'systemName');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.parentElement!.getAttribute('aria-sort') === 'ascending', 'ascending');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.parentElement!.getAttribute('aria-sort') === 'descending', 'descending');
    await waitUntil(() => firstLink(el)?.textContent === 'System 00039', 'last name first');
    expect(headerButton(el, 'validTo').parentElement!.hasAttribute('aria-sort')).to.equal(false);
  });

  it('narrows the count with the quick search', async () => {
    const el = await overview();
    const search = root(el).querySelector<HTMLInputElement>('[part~="search"]')!;
    search.focus();
    await sendKeys({ type: 'netcompany' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => count(el) === '14 systemer', `count after search, was ${count(el)}`);
  });

  it('filters by text, enum and unit including sub-units', async () => {
    const el = await overview();
    root(el).querySelector<HTMLButtonElement>('[part~="filters-button"]')!.click();
    await waitUntil(() => root(el).querySelector('fieldset[data-column="responsibleUnit"] select'), 'panel');
    const unit = root(el).querySelector<HTMLSelectElement>(
      'fieldset[data-column="responsibleUnit"] select[name="unit"]',
    )!;
    unit.value = 'unit-born';
    unit.dispatchEvent(new Event('change', { bubbles: true }));
    // Units 2 (Børn og Unge) and 3 (Skoler, below it) each hold every 4th row.
    await waitUntil(() => count(el) === '20 systemer', `unit + sub-units, was ${count(el)}`);
    const sub = root(el).querySelector<HTMLInputElement>('fieldset[data-column="responsibleUnit"] input[name="sub"]')!;
    sub.click();
    await waitUntil(() => count(el) === '10 systemer', `unit only, was ${count(el)}`);
    const notInUse = root(el).querySelector<HTMLInputElement>(
      'fieldset[data-column="lifeCycleStatus"] input[name="in:NotInUse"]',
    )!;
    notInUse.click();
    await waitUntil(() => count(el) === '2 systemer', `enum, was ${count(el)}`);
    expect(root(el).querySelector('[part~="filters-button"]')!.textContent).to.contain('Filtre (2)');
    const chips = [...root(el).querySelectorAll('[part~="filter-chip"]')].map((c) => c.textContent?.trim());
    expect(chips[1]).to.contain('Livscyklus er en af Ikke i drift');
    root(el).querySelector<HTMLButtonElement>('[part~="active-filters"] > button')!.click();
    await waitUntil(() => count(el) === '40 systemer', 'cleared');
  });

  it('opens the column chooser and reorders columns by keyboard', async () => {
    const el = await overview();
    const toggle = root(el).querySelector<HTMLButtonElement>('[part~="columns-button"]')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('#column-chooser'), 'chooser open');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const before = el.view.columns;
    const down = root(el).querySelector<HTMLButtonElement>(
      `#column-chooser li[data-column="${before[0]}"] [data-action="down"]`,
    )!;
    down.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.view.columns[1] === before[0], 'moved down');
    expect((root(el).activeElement as HTMLElement).closest('li')!.dataset.column).to.equal(before[0]);
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ up: 'Alt' });
    await waitUntil(() => el.view.columns[0] === before[0], 'moved back up with Alt+ArrowUp');
    const headers = [...root(el).querySelectorAll<HTMLElement>('[role="columnheader"]')].map((h) => h.dataset.column);
    expect(headers).to.deep.equal(before);
    const check = root(el).querySelector<HTMLInputElement>('#column-chooser input[data-column="localCallName"]')!;
    check.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => root(el).querySelector('[role="columnheader"][data-column="localCallName"]'), 'shown');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('#column-chooser'), 'closed');
    expect(root(el).activeElement).to.equal(toggle);
  });

  it('round-trips the view through the URL and announces the change', async () => {
    const client = testClient();
    const el = await fixture<KitosOverview>(html`<kitos-overview organization-uuid=${ORG} today=${TODAY}
      url-param="view" .client=${client}></kitos-overview>`);
    await waitUntil(() => firstLink(el), 'rows');
    const changed = oneEvent(el, 'kitos-view-change');
    headerButton(el, 'validTo').click();
    const event = await changed;
    expect(event.detail.view.sort).to.deep.equal([{ column: 'validTo', direction: 'asc' }]);
    el.view = { ...el.view, filters: [{ column: 'supplier', op: 'contains', value: 'kmd' }], search: 'æøå sag' };
    headerButton(el, 'validTo').click();
    const encoded = new URLSearchParams(location.hash.slice(1)).get('view')!;
    expect(decodeView(encoded)).to.deep.include({ search: 'æøå sag' });
    const copy = await fixture<KitosOverview>(html`<kitos-overview organization-uuid=${ORG} today=${TODAY}
      url-param="view" .client=${client}></kitos-overview>`);
    await waitUntil(() => copy.resultCount !== null, 'copy loaded');
    expect(copy.view).to.deep.equal(el.view);
    expect(copy.view.sort).to.deep.equal([{ column: 'validTo', direction: 'desc' }]);
    expect(root(copy).querySelector<HTMLInputElement>('[part~="search"]')!.value).to.equal('æøå sag');
  });

  it('saves named views per user in localStorage', async () => {
    const el = await overview();
    el.view = { ...el.view, filters: [{ column: 'active', op: 'is', value: false }] };
    await waitUntil(() => count(el) === '12 systemer', `inactive, was ${count(el)}`);
    const input = root(el).querySelector<HTMLInputElement>('[part~="save-view"] input')!;
    input.value = 'Ikke aktive';
    root(el).querySelector<HTMLButtonElement>('[part~="save-view"] button')!.click();
    await el.updateComplete;
    expect(el.savedViewNames).to.deep.equal(['Ikke aktive']);
    // The virtualizer renders only rows inside the window, so the second grid must not sit below the first.
    el.remove();
    const again = await overview();
    expect(again.savedViewNames).to.deep.equal(['Ikke aktive']);
    const select = root(again).querySelector<HTMLSelectElement>('[part~="view-select"]')!;
    select.value = 'Ikke aktive';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => count(again) === '12 systemer', 'saved view applied');
    expect(again.view.name).to.equal('Ikke aktive');
  });

  it('exports CSV for Danish Excel: BOM, semicolons, dd-MM-yyyy, quotes doubled, formulas defused', async () => {
    const el = await overview(testClient(), { kind: 'contracts' });
    el.view = { ...el.view, columns: ['name', 'validTo', 'operation', 'systemUsages', 'active'] };
    await el.updateComplete;
    const csv = await el.toCsv();
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).to.equal('IT-kontrakt;Gyldig til;Drift pr. år;IT-systemer;Status;Link');
    const link = new URL('/usages/contract-1', document.baseURI).href;
    expect(lines[1]).to.equal(`"Driftsaftale ""ESDH""; 2025";31-12-2025;1234567,5;ESDH, Byg og Miljø;Aktiv;${link}`);
    expect(lines[2]).to.match(/^"'=HYPERLINK\(""http:\/\/evil""\)";31-12-2024;0;;Ikke aktiv;/);
    expect(lines[3]).to.equal('');
  });

  it('renders hostile names as inert text', async () => {
    const hostileRows = usageRows(3).map((r, i) => (i === 0 ? { ...r, systemName: HOSTILE, supplier: HOSTILE } : r));
    const el = await overview(createStaticClient({ today: TODAY, units: UNITS, rows: { usages: hostileRows } }));
    expect(root(el).querySelector('img')).to.equal(null);
    expect(firstLink(el)!.textContent).to.equal(HOSTILE);
  });

  it('fires a cancelable kitos-select when a row link is followed', async () => {
    const el = await overview();
    const link = firstLink(el)!;
    // Cancelling keeps the browser on this page (a single-page app routes itself).
    el.addEventListener('kitos-select', (e) => e.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const event = await oneEvent(el, 'kitos-select');
    expect(event.detail).to.deep.equal({ kind: 'usages', uuid: 'usage-00000', href: '/usages/usage-00000' });
    expect(event.cancelable).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.defaultPrevented).to.equal(true);
  });

  it('speaks English', async () => {
    const el = await overview(testClient(), { lang: 'en' });
    expect(count(el)).to.equal('40 systems');
    expect(headerButton(el, 'systemName').textContent).to.contain('IT system');
  });
});

describe('<kitos-overview> as a developer embeds it', () => {
  const names = (el: KitosOverview) => rows(el).map((r) => r.querySelector('[part~="link-cell"]')?.textContent?.trim());

  it('shows rows handed over as data in the order given, sorts and filters them, and refreshes', async () => {
    const data = [
      { uuid: 'c', systemName: 'Økonomi', active: true },
      { uuid: 'a', systemName: 'Ådal', active: false },
      { uuid: 'b', systemName: 'Aula', active: true },
    ];
    const el = await fixture<KitosOverview>(html`<kitos-overview today=${TODAY} .data=${data}></kitos-overview>`);
    await waitUntil(() => rows(el).length === 3, 'three rows');
    expect(names(el)).to.deep.equal(['Økonomi', 'Ådal', 'Aula']);
    headerButton(el, 'systemName').click();
    // Danish order: Æ, Ø, Å after Z.
    await waitUntil(() => names(el)[0] === 'Aula', 'sorted');
    expect(names(el)).to.deep.equal(['Aula', 'Økonomi', 'Ådal']);
    data.push({ uuid: 'd', systemName: 'Booking', active: true });
    await el.refresh();
    await waitUntil(() => rows(el).length === 4, 'the new row after refresh');
    expect(names(el)).to.deep.equal(['Aula', 'Booking', 'Økonomi', 'Ådal']);
    expect(el.view.sort).to.deep.equal([{ column: 'systemName', direction: 'asc' }]);
  });

  it('keeps a view set in the same task as a new client, and the view shown when the client changes', async () => {
    const el = await fixture<KitosOverview>(
      html`<kitos-overview organization-uuid=${ORG} today=${TODAY}></kitos-overview>`,
    );
    el.client = testClient();
    el.view = {
      columns: ['systemName', 'validTo'],
      filters: [],
      sort: [{ column: 'validTo', direction: 'desc' }],
      search: '',
    };
    await waitUntil(() => firstLink(el), 'rows');
    expect(el.view.columns).to.deep.equal(['systemName', 'validTo']);
    expect(el.view.sort).to.deep.equal([{ column: 'validTo', direction: 'desc' }]);
    el.client = testClient();
    await el.updateComplete;
    await waitUntil(() => firstLink(el), 'rows again');
    expect(el.view.columns).to.deep.equal(['systemName', 'validTo']);
  });

  it('sorts descending with one Shift+click and leaves the address alone unless asked', async () => {
    const el = await overview();
    const button = headerButton(el, 'validTo');
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
    await el.updateComplete;
    expect(el.view.sort).to.deep.equal([{ column: 'validTo', direction: 'desc' }]);
    expect(button.title).to.contain('Skift+klik');
    el.remove(); // the virtualizer renders rows inside the window only: the next grid must be in it
    const plain = await fixture<KitosOverview>(html`<kitos-overview organization-uuid=${ORG} today=${TODAY}
      .client=${testClient()}></kitos-overview>`);
    await waitUntil(() => firstLink(plain), 'rows');
    headerButton(plain, 'systemName').click();
    await plain.updateComplete;
    expect(location.hash).to.equal('');
  });

  it('re-sorts in one pass: the rows shown stay, marked busy, until the sorted rows replace them', async () => {
    const el = await overview(testClient({ latency: 30 }));
    const grid = root(el).querySelector<HTMLElement>('[part~="grid"]')!;
    const before = names(el);
    headerButton(el, 'systemName').dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
    await el.updateComplete;
    expect(grid.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelector('[part~="body"]')!.textContent).not.to.contain('Henter …');
    expect(names(el)).to.deep.equal(before);
    await waitUntil(() => grid.getAttribute('aria-busy') === 'false', 'sorted rows arrived');
    expect(names(el)).not.to.deep.equal(before);
    expect(names(el).slice(0, 3)).to.deep.equal(
      [...names(el)].sort((a, b) => (b ?? '').localeCompare(a ?? '', 'da')).slice(0, 3),
    );
  });

  it('fills its container and drops the toolbar and the views bar on request', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="height: 600px; display: flex; flex-direction: column">
      <kitos-overview fill no-toolbar no-views organization-uuid=${ORG} today=${TODAY} .client=${testClient()}></kitos-overview>
    </div>`);
    const el = box.querySelector('kitos-overview') as KitosOverview;
    await waitUntil(() => firstLink(el), 'rows');
    expect(root(el).querySelector('[part~="toolbar"]')).to.equal(null);
    expect(root(el).querySelector('[part~="views"]')).to.equal(null);
    const grid = root(el).querySelector<HTMLElement>('[part~="grid"]')!.getBoundingClientRect();
    const outer = box.getBoundingClientRect();
    // The grid reaches the bottom of the 600 px box (not a fixed 32rem = 512 px).
    expect(Math.abs(grid.bottom - outer.bottom)).to.be.below(2);
    expect(grid.height).to.be.above(520);
  });
});

describe('<kitos-overview> with a failing client', () => {
  it('shows an error and fires kitos-error', async () => {
    const client = { ...testClient(), overview: () => Promise.reject(new Error('boom')) };
    const el = await fixture<KitosOverview>(html`<kitos-overview url-param=""></kitos-overview>`);
    setTimeout(() => {
      el.client = client;
    });
    const event = await oneEvent(el, 'kitos-error');
    expect(event.detail.operation).to.equal('overview');
    await waitUntil(() => root(el).querySelector('[part~="error"]'), 'error shown');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Data kunne ikke hentes');
  });
});
