import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './bundle.js';
import { createStaticClient } from './data/fake-client.js';

const text = (el: Element | null | undefined) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the embed bundle entry, later', () => {
  it('an element added later (innerHTML, appendChild) is loaded too, and keeps a property set before', async () => {
    const host = await fixture(html`<div></div>`);
    host.innerHTML = '<kitos-similar-landscapes lang="en"></kitos-similar-landscapes>';
    const catalogue = document.createElement('kitos-catalogue') as HTMLElement & { client?: unknown };
    catalogue.setAttribute('lang', 'en');
    // Any client object shows that a property set before the upgrade is kept; the catalogue's own
    // reads are its own tests' subject.
    const client = createStaticClient({});
    catalogue.client = client;
    host.append(catalogue);
    await customElements.whenDefined('kitos-similar-landscapes');
    await customElements.whenDefined('kitos-catalogue');
    expect(catalogue.client).to.equal(client);
    await waitUntil(() => text(catalogue).length > 0, 'catalogue rendered');
  });
});
