// The overview and the cards over both clients: the in-page core and the HTTP client on a real
// server (started by the test runner) read the same portfolio, and every test body runs over each.
// Then live updates, which only the HTTP client has: another user's write reaches the widgets.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { KitosNotFoundError } from '@os2kitos/core';
import '../components/contract-card/contract-card.js';
import '../components/contract-deadlines/contract-deadlines.js';
import '../components/org-tree/org-tree.js';
import '../components/overview/overview.js';
import '../components/usage-card/usage-card.js';
import type { KitosOverview } from '../components/overview/overview.component.js';
import { CLIENT_SETUPS, type ClientSetup, httpClientAs, testServer } from '../testing/fixtures/clients.js';
import { HOSTILE_NAME, NORDBY_SYSTEMS, PORTFOLIO_TODAY } from '../testing/fixtures/portfolio.js';
import type { KitosHttpClient } from './http-client.js';

/**
 * Bound of every wait on the page: the HTTP client's loads go through a real server, which a busy
 * machine (CI runs the Node tests beside it) may slow well past a second; the waits end as soon as
 * their condition holds.
 */
const WAIT = { timeout: 10_000 };

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const text = (el: Element) => root(el).textContent?.replace(/\s+/g, ' ') ?? '';
const links = (el: Element) =>
  [...root(el).querySelectorAll<HTMLAnchorElement>('[part~="body"] [data-row-link]')].map((a) => a.textContent);
const count = (el: Element) => root(el).querySelector('[part~="count"]')?.textContent?.trim() ?? '';
const cardLoaded = (el: Element) =>
  waitUntil(() => root(el).querySelector('[part~="card"], [part~="no-access"], [role="alert"]'), 'card', WAIT);

setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  localStorage.clear();
});

async function overview(s: ClientSetup, kind = 'usages') {
  const el = await fixture<KitosOverview>(html`<kitos-overview kind=${kind} lang="da"
    organization-uuid=${s.portfolio.nordby} today=${PORTFOLIO_TODAY} url-param="" link-template="/x/{uuid}"
    .client=${s.client}></kitos-overview>`);
  await waitUntil(() => el.resultCount !== null && links(el).length > 0, 'rows', WAIT);
  return el;
}

for (const setup of CLIENT_SETUPS) {
  describe(`widgets over the ${setup.name} client`, () => {
    let s: ClientSetup;
    before(async () => {
      s = await setup.make();
    });

    it("<kitos-overview> shows only the organisation's rows, with links and inert names", async () => {
      const el = await overview(s);
      expect(count(el)).to.equal(`${NORDBY_SYSTEMS + 1} systemer`);
      expect(links(el)).to.include(HOSTILE_NAME);
      expect(links(el).some((l) => l?.startsWith('Sydby'))).to.equal(false);
      expect(root(el).querySelector('[part~="body"] img')).to.equal(null);
      const first = root(el).querySelector<HTMLAnchorElement>('[data-index="0"] [data-row-link]')!;
      expect(first.getAttribute('href')).to.match(/^\/x\/[0-9a-f-]{36}$/);
    });

    it('<kitos-overview> sorts, searches and filters by unit with sub-units', async () => {
      const el = await overview(s);
      el.view = { ...el.view, sort: [{ column: 'systemName', direction: 'desc' }] };
      await waitUntil(() => links(el)[0] === 'System 11', `sorted, first was ${links(el)[0]}`, WAIT);
      el.view = { ...el.view, search: 'esdh' };
      await waitUntil(() => el.resultCount === 1, `search, was ${el.resultCount}`, WAIT);
      expect(links(el)).to.deep.equal([HOSTILE_NAME]);
      el.view = {
        ...el.view,
        search: '',
        filters: [{ column: 'responsibleUnit', op: 'unit', unitUuid: s.portfolio.units.it, includeSubUnits: true }],
      };
      // IT holds the hostile system and every third one; Drift, below IT, four more.
      await waitUntil(() => el.resultCount === 8, `IT and below, was ${el.resultCount}`, WAIT);
      el.view = {
        ...el.view,
        filters: [{ column: 'responsibleUnit', op: 'unit', unitUuid: s.portfolio.units.it, includeSubUnits: false }],
      };
      await waitUntil(() => el.resultCount === 4, `IT only, was ${el.resultCount}`, WAIT);
    });

    it('<kitos-overview> sorts by a header and exports every matching row as CSV', async () => {
      const el = await overview(s, 'contracts');
      const header = root(el).querySelector<HTMLButtonElement>('[role="columnheader"][data-column="name"] button')!;
      header.click();
      await waitUntil(() => header.parentElement!.getAttribute('aria-sort') === 'ascending', 'ascending', WAIT);
      await waitUntil(() => links(el)[0] === 'ESDH drift', `first was ${links(el)[0]}`, WAIT);
      el.view = { ...el.view, columns: ['name', 'validTo', 'active'] };
      await el.updateComplete;
      const lines = (await el.toCsv()).slice(1).split('\r\n');
      expect(lines[0]).to.equal('IT-kontrakt;Gyldig til;Status;Link');
      expect(lines[1]).to.match(/^ESDH drift;31-12-2025;Aktiv;/);
      expect(lines[2]).to.match(/^Serviceaftale;31-12-2027;Aktiv;/);
    });

    it('<kitos-contract-deadlines> lists the dated deadlines of the responsible unit and below', async () => {
      const el = await fixture(html`<kitos-contract-deadlines organization-uuid=${s.portfolio.nordby}
        today=${PORTFOLIO_TODAY} overdue-days="100000" unit-uuid=${s.portfolio.units.it} lang="da"
        .client=${s.client}></kitos-contract-deadlines>`);
      await waitUntil(() => root(el).querySelectorAll('[part~="item"]').length > 0, 'items', WAIT);
      const dates = [...root(el).querySelectorAll('[part~="item"] time')].map((t) => t.getAttribute('datetime'));
      expect(dates).to.include.members(['2025-01-01', '2025-12-31']);
      expect(text(el)).to.contain('ESDH drift');
      // Drift is below IT: its contract is listed too.
      expect(text(el)).to.contain('Serviceaftale');
    });

    it('<kitos-org-tree> shows the units with what each is responsible for', async () => {
      const el = await fixture(html`<kitos-org-tree organization-uuid=${s.portfolio.nordby} lang="da"
        .client=${s.client}></kitos-org-tree>`);
      await waitUntil(() => root(el).querySelector('[role="tree"]'), 'tree', WAIT);
      const it = root(el).querySelector(`[role="treeitem"][data-uuid="${s.portfolio.units.it}"]`)!;
      expect(it.querySelector('[part~="counts"]')!.textContent).to.equal('4 systemer, 1 kontrakt, 0 roller');
      expect(text(el)).not.to.contain('Sydby');
    });

    it('<kitos-usage-card> shows the usage with its main contract and responsible unit', async () => {
      const el = await fixture(html`<kitos-usage-card uuid=${s.portfolio.usage} lang="da"
        contract-link-template="/contracts/{uuid}" .client=${s.client}></kitos-usage-card>`);
      await cardLoaded(el);
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal(HOSTILE_NAME);
      expect(root(el).querySelector('img')).to.equal(null);
      const contract = root(el).querySelector(`a[href="/contracts/${s.portfolio.contract}"]`);
      expect(contract?.textContent).to.equal('ESDH drift');
      expect(text(el)).to.contain('IT');
      expect((root(el).querySelector('kitos-status-badge') as unknown as { active: boolean }).active).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it("<kitos-contract-card> shows the deadline engine's dates and the usages it covers", async () => {
      const el = await fixture(html`<kitos-contract-card uuid=${s.portfolio.contract} lang="da"
        usage-link-template="/usages/{uuid}" .client=${s.client}></kitos-contract-card>`);
      await cardLoaded(el);
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('ESDH drift');
      expect(text(el)).to.contain('30-09-2025');
      expect(text(el)).to.contain('Udløber 31-12-2025');
      expect(root(el).querySelector(`a[href="/usages/${s.portfolio.usage}"]`)?.textContent).to.equal(HOSTILE_NAME);
      await expect(el).to.be.accessible();
    });

    it('reports an unknown contract with kitos-error carrying the core not-found error', async () => {
      const el = await fixture(html`<kitos-contract-card lang="da"></kitos-contract-card>`);
      setTimeout(() => {
        el.setAttribute('uuid', '0b6a3b36-2f6e-4a59-9d07-1f1c6f1c0000');
        (el as unknown as { client: unknown }).client = s.client;
      });
      const event = await oneEvent(el, 'kitos-error');
      expect(event.detail.operation).to.equal('contractCard');
      expect(event.detail.error).to.be.instanceOf(KitosNotFoundError);
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'error shown', WAIT);
    });
  });
}

describe('live updates over the HTTP client', () => {
  let anna: KitosHttpClient;
  let dorte: KitosHttpClient;
  let nordby: string;
  before(async () => {
    anna = await httpClientAs('anna');
    dorte = await httpClientAs('dorte');
    nordby = (await testServer()).portfolio.nordby;
  });

  /** Resolves once Anna's client is connected to Nordby's stream (which her widgets share). */
  const connected = () =>
    new Promise<() => void>((resolve) => {
      const stop = anna.subscribe(nordby, () => {}, { onReady: () => resolve(stop) });
    });

  /** Resolves when Anna's client receives a change naming `uuid`. */
  const changeOf = (uuid: string) =>
    new Promise<void>((resolve) => {
      const stop = anna.subscribe(nordby, (change) => {
        if (change.changed.some((c) => c.uuid === uuid)) {
          stop();
          resolve();
        }
      });
    });

  it("updates Anna's contract card when Dorte renames the contract", async () => {
    const { spareContract } = (await testServer()).portfolio;
    const el = await fixture(html`<kitos-contract-card uuid=${spareContract} lang="da"
      .client=${anna}></kitos-contract-card>`);
    await cardLoaded(el);
    expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('Serviceaftale');
    const stop = await connected();
    try {
      const arrived = changeOf(spareContract);
      await dorte.request('PATCH', `/api/v2/it-contracts/${spareContract}`, { body: { name: 'Serviceaftale (ny)' } });
      await arrived;
      await waitUntil(
        () => root(el).querySelector('[part~="title"]')?.textContent === 'Serviceaftale (ny)',
        'the card shows the new name',
        WAIT,
      );
    } finally {
      stop();
    }
  });

  it("updates Anna's usage card when Dorte edits the usage", async () => {
    const { spareUsage } = (await testServer()).portfolio;
    const el = await fixture(html`<kitos-usage-card uuid=${spareUsage} lang="da" .client=${anna}></kitos-usage-card>`);
    await cardLoaded(el);
    expect(root(el).querySelector('[part~="subtitle"]')).to.equal(null);
    const stop = await connected();
    try {
      const arrived = changeOf(spareUsage);
      await dorte.request('PATCH', `/api/v2/it-system-usages/${spareUsage}`, {
        body: { general: { localCallName: 'Kaldenavn' } },
      });
      await arrived;
      await waitUntil(
        () => root(el).querySelector('[part~="subtitle"]')?.textContent === 'Kaldenavn',
        'subtitle',
        WAIT,
      );
    } finally {
      stop();
    }
  });

  it("adds Dorte's new contract to Anna's contract overview", async () => {
    const s = { name: 'http' as const, client: anna, portfolio: (await testServer()).portfolio };
    const el = await overview(s, 'contracts');
    const before = el.resultCount!;
    const stop = await connected();
    try {
      await dorte.request('POST', '/api/v2/it-contracts', {
        body: { organizationUuid: nordby, name: 'Ny aftale fra Dorte' },
      });
      await waitUntil(
        () => el.resultCount === before + 1 && links(el).includes('Ny aftale fra Dorte'),
        'new row',
        WAIT,
      );
    } finally {
      stop();
    }
  });

  it("adds Dorte's new contract to Anna's deadline timeline and unit tree", async () => {
    const { units } = (await testServer()).portfolio;
    const list = await fixture(html`<kitos-contract-deadlines organization-uuid=${nordby} today=${PORTFOLIO_TODAY}
      overdue-days="100000" lang="da" .client=${anna}></kitos-contract-deadlines>`);
    await waitUntil(() => root(list).querySelectorAll('[part~="item"]').length > 0, 'deadlines', WAIT);
    const tree = await fixture(html`<kitos-org-tree organization-uuid=${nordby} lang="da"
      .client=${anna}></kitos-org-tree>`);
    const counts = () =>
      root(tree).querySelector(`[role="treeitem"][data-uuid="${units.it}"] [part~="counts"]`)?.textContent ?? '';
    await waitUntil(() => counts() !== '', 'tree', WAIT);
    const contractsBefore = Number(/(\d+) kontrakt/.exec(counts())?.[1]);
    const stop = await connected();
    try {
      await dorte.request('POST', '/api/v2/it-contracts', {
        body: {
          organizationUuid: nordby,
          name: 'Udløber i 2031',
          general: { validity: { validFrom: '2024-01-01T00:00:00Z', validTo: '2031-05-31T00:00:00Z' } },
          responsible: { organizationUnitUuid: units.it },
        },
      });
      await waitUntil(() => text(list).includes('Udløber i 2031'), 'the new deadline', WAIT);
      await waitUntil(
        () => counts().includes(`${contractsBefore + 1} kontrakter`),
        `IT's contract count, was ${counts()}`,
        WAIT,
      );
    } finally {
      stop();
    }
  });
});
