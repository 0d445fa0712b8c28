// The per-element entries in the browser (from source). The case that matters: a page that imports
// a widget's subpath before the provider's, with both elements already in the HTML. The widget asks
// for its client as soon as it is defined, when no <kitos-provider> exists yet; the entry's context
// root must keep that request for the provider defined afterwards.
// No other module of the package is imported here, so each dynamic import below is the first.
import { expect, waitUntil } from '@open-wc/testing';
import type { KitosProvider } from '../components/provider/provider.component.js';
import { ORG, testClient } from '../testing/fixtures/data.js';

const counts = (el: Element) => el.shadowRoot?.querySelector('[part~="counts"]')?.textContent ?? '';

describe('per-element entries', () => {
  it("gives a widget loaded before the provider the provider's client", async () => {
    document.body.innerHTML = `<kitos-provider organization-uuid="${ORG}"><kitos-org-tree></kitos-org-tree></kitos-provider>`;
    await import('./org-tree.js');
    expect(customElements.get('kitos-org-tree'), 'org-tree defined').to.not.equal(undefined);
    expect(customElements.get('kitos-provider'), 'provider not yet defined').to.equal(undefined);

    await import('./provider.js');
    const provider = document.querySelector('kitos-provider') as KitosProvider;
    provider.client = testClient();
    const tree = document.querySelector('kitos-org-tree')!;
    await waitUntil(() => counts(tree).includes('systemer'), 'the tree loaded through the provider');
    expect(customElements.get('kitos-overview'), 'no other widget defined').to.equal(undefined);
  });
});
