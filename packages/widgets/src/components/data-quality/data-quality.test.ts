import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KitosClient } from '../../data/client.js';
import { createStaticClient } from '../../data/fake-client.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import { PORTFOLIO_TODAY } from '../../testing/fixtures/portfolio.js';
import '../overview/overview.js';
import type { KitosOverview } from '../overview/overview.component.js';
import './data-quality.js';
import type { KitosDataQuality } from './data-quality.component.js';

const WAIT = { timeout: 10_000 };
// The overview's virtualizer measures rows with a ResizeObserver; Chromium reports the benign "loop
// completed with undelivered notifications" as an error, which the virtualizer's helper ignores.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
const root = (el: Element) => el.shadowRoot as ShadowRoot;
const status = (el: Element) => root(el).querySelector('[part~="status"]')?.textContent?.trim() ?? '';
const kind = (el: Element, k: string) => root(el).querySelector<HTMLElement>(`[part~="kind"][data-kind="${k}"]`);
const records = (el: Element) => [...root(el).querySelectorAll<HTMLDetailsElement>('[part~="record"]')];

async function quality(client: KitosClient, org: string, attrs: { lang?: string; unit?: string } = {}) {
  const el = await fixture<KitosDataQuality>(html`<kitos-data-quality
    organization-uuid=${org}
    today=${PORTFOLIO_TODAY}
    unit-uuid=${attrs.unit ?? ''}
    lang=${attrs.lang ?? 'da'}
    limit="5"
    .client=${client}
  ></kitos-data-quality>`);
  await waitUntil(
    () =>
      /pr\.|As of/.test(status(el)) && root(el).querySelector('[part~="unit-select"] option[value]:not([value=""])'),
    'loaded',
    WAIT,
  );
  return el;
}

describe('<kitos-data-quality> without the read', () => {
  it('says that data quality is not available from a static client', async () => {
    const el = await fixture<KitosDataQuality>(
      html`<kitos-data-quality organization-uuid="org" .client=${createStaticClient({})}></kitos-data-quality>`,
    );
    await waitUntil(() => root(el).textContent?.includes('Ikke tilgængelig'), 'unavailable', WAIT);
    expect(root(el).querySelector('[part~="kinds"]')).to.equal(null);
  });
});

for (const setup of CLIENT_SETUPS) {
  describe(`<kitos-data-quality> over the ${setup.name} client`, () => {
    let s: ClientSetup;
    before(async () => {
      s = await setup.make();
    });

    it('sums up each kind and explains the records with the most gaps', async () => {
      const el = await quality(s.client, s.portfolio.nordby);
      expect(status(el)).to.equal('Alle enheder · Opgjort pr. 2025-06-15');
      expect(kind(el, 'usages')!.textContent).to.contain('IT-systemer').and.contain('af 100');
      expect(kind(el, 'dataProcessing')!.textContent).to.contain('1 registrering');
      const list = records(el);
      expect(list.length).to.equal(5);
      const gdpr = list.find((r) => r.textContent?.includes('System 03'));
      expect(gdpr, 'System 03 is among the worst').to.not.equal(undefined);
      expect(gdpr!.textContent).to.contain('Den planlagte risikovurdering 2025-03-01 er passeret');
      expect(gdpr!.textContent).to.contain('Påkrævet');
    });

    it('narrows to a unit and opens a record with the keyboard alone', async () => {
      const el = await quality(s.client, s.portfolio.nordby);
      const select = root(el).querySelector<HTMLSelectElement>('[part~="unit-select"]')!;
      select.value = s.portfolio.units.skole;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => status(el).startsWith('Skole'), `unit, was ${status(el)}`, WAIT);
      expect(kind(el, 'dataProcessing')!.textContent).to.contain('0 registreringer');
      const summary = records(el)[0]!.querySelector('summary')!;
      summary.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => records(el)[0]!.open, 'opened');
      await sendKeys({ press: 'Tab' });
      const button = records(el)[0]!.querySelector<HTMLButtonElement>('[part~="record-name"]')!;
      expect(root(el).activeElement).to.equal(button);
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const event = await oneEvent(el, 'kitos-select');
      expect(event.detail.kind).to.equal('usages');
    });

    it("is a column and a filter of the overview: a unit's usages with the most gaps first", async () => {
      const el = await fixture<KitosOverview>(html`<kitos-overview kind="usages" lang="da" no-views
        organization-uuid=${s.portfolio.nordby} today=${PORTFOLIO_TODAY} .client=${s.client}></kitos-overview>`);
      el.view = {
        columns: ['systemName', 'qualityScore', 'qualityGaps', 'qualityChecks'],
        filters: [{ column: 'responsibleUnit', op: 'unit', unitUuid: s.portfolio.units.it, includeSubUnits: false }],
        sort: [{ column: 'qualityGaps', direction: 'desc' }],
        search: '',
      };
      const rows = () => [...root(el).querySelectorAll<HTMLElement>('[part~="body"] [role="row"]')];
      await waitUntil(() => rows()[0]?.textContent?.includes('System 03'), 'sorted by gaps', WAIT);
      expect(rows()[0]!.textContent).to.contain('Planlagt risikovurdering overskredet');
      const headers = [...root(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent?.trim());
      expect(headers.join('|')).to.contain('Datakvalitet').and.contain('Mangler (antal)');
    });

    it('speaks English and passes axe', async () => {
      const el = await quality(s.client, s.portfolio.nordby, { lang: 'en', unit: s.portfolio.units.it });
      expect(status(el)).to.equal('IT · As of 2025-06-15');
      expect(root(el).textContent).to.contain('Most gaps').and.contain('Average data quality');
      records(el)[0]!.open = true;
      await expect(el).to.be.accessible();
    });
  });
}
