// The embed bundle's entry (src/bundle.ts): the provider and the status badge are defined at once,
// every other element the first time one is in the page (docs/decisions/0070). This page imports
// only the bundle's entry, as a page with the one script tag does.
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LAZY_ELEMENTS, lazyElementNames, loadKitosElement } from './bundle.js';
import { KitosWidgetError } from './data/errors.js';
import { CLIENT_SETUPS, type ClientSetup } from './testing/fixtures/clients.js';
import { ORG, TODAY, testClient } from './testing/fixtures/data.js';

const text = (el: Element | null | undefined) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let s: ClientSetup;
before(async () => {
  s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
});

// The overview's virtualizer: see overview.test.ts.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

describe('the embed bundle entry', () => {
  it('defines the provider and the badge at once and no other element before it is used', () => {
    expect(customElements.get('kitos-provider')).to.not.equal(undefined);
    expect(customElements.get('kitos-status-badge')).to.not.equal(undefined);
    expect(lazyElementNames().sort()).to.deep.equal(Object.keys(LAZY_ELEMENTS).sort());
    for (const tag of ['kitos-procurement-radar', 'kitos-catalogue', 'kitos-overview', 'kitos-org-tree']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });

  it('a page with several elements loads, defines and renders each of them', async () => {
    const page = await fixture(html`<div>
      <kitos-provider organization-uuid=${ORG} .client=${testClient()}>
        <kitos-overview kind="usages" lang="da" today=${TODAY} url-param=""></kitos-overview>
      </kitos-provider>
      <kitos-org-tree lang="da" organization-uuid=${s.portfolio.nordby} .client=${s.client}></kitos-org-tree>
      <kitos-procurement-radar lang="da" supplier-uuid=${s.portfolio.coordination.supplier} .client=${s.client}></kitos-procurement-radar>
    </div>`);
    const tags = ['kitos-overview', 'kitos-org-tree', 'kitos-procurement-radar'];
    const [overview, tree, radar] = tags.map((tag) => page.querySelector(tag) as HTMLElement);
    await Promise.all(tags.map((t) => customElements.whenDefined(t)));
    // Upgraded in place: the elements already in the page are now instances of the loaded classes.
    expect(overview?.constructor).to.equal(customElements.get('kitos-overview'));
    expect(radar?.constructor).to.equal(customElements.get('kitos-procurement-radar'));
    await waitUntil(() => overview?.shadowRoot?.querySelector('[data-index="0"] [data-row-link]'), 'overview rows');
    await waitUntil(() => /kontrakter i/.test(text(radar)), 'radar rendered', { timeout: 10_000 });
    await waitUntil(() => text(tree).includes('Skole'), 'org tree rendered', { timeout: 10_000 });
    // Elements nobody used stay undefined.
    expect(customElements.get('kitos-gdpr-register')).to.equal(undefined);
  });

  it('loadKitosElement defines an element on demand and rejects a name it does not know', async () => {
    await loadKitosElement('kitos-data-quality');
    expect(customElements.get('kitos-data-quality')).to.not.equal(undefined);
    let error: unknown;
    await loadKitosElement('kitos-nothing').catch((e: unknown) => {
      error = e;
    });
    expect(error).to.be.instanceOf(KitosWidgetError);
    expect((error as KitosWidgetError).code).to.equal('not-found');
  });
});
