import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createStaticClient } from '../../data/fake-client.js';
import { ORG, testClient } from '../../testing/fixtures/data.js';
import '../org-tree/org-tree.js';
import './provider.js';
import type { KitosProvider } from './provider.component.js';

const counts = (el: Element) => el.shadowRoot!.querySelector('[part~="counts"]')?.textContent ?? '';

describe('<kitos-provider>', () => {
  it('gives nested widgets the client, organisation and language, and updates them', async () => {
    const provider = await fixture<KitosProvider>(html`<kitos-provider organization-uuid=${ORG} .client=${testClient()}>
      <section><kitos-org-tree></kitos-org-tree></section>
    </kitos-provider>`);
    const tree = provider.querySelector('kitos-org-tree')!;
    await waitUntil(() => counts(tree), 'tree loaded');
    expect(counts(tree)).to.contain('systemer');
    provider.lang = 'en';
    await waitUntil(() => counts(tree).includes('systems'), 'English');
  });

  it("lets a widget's own client win over the provider's", async () => {
    const own = createStaticClient({ units: [{ uuid: 'x', name: 'Egen enhed', parentUuid: null }] });
    const provider = await fixture<KitosProvider>(html`<kitos-provider organization-uuid=${ORG} .client=${testClient()}>
      <kitos-org-tree .client=${own}></kitos-org-tree>
    </kitos-provider>`);
    const tree = provider.querySelector('kitos-org-tree')!;
    await waitUntil(() => tree.shadowRoot!.querySelector('[part~="label"]'), 'loaded');
    expect(tree.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal('Egen enhed');
  });

  it('takes no box of its own and passes axe', async () => {
    const provider = await fixture<KitosProvider>(html`<kitos-provider><p>Indhold</p></kitos-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });
});
