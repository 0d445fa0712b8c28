import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createStaticClient } from '../../data/fake-client.js';
import { HOSTILE, TODAY, testClient, USAGE_CARD } from '../../testing/fixtures/data.js';
import '../provider/provider.js';
import './usage-card.js';
import type { KitosUsageCard } from './usage-card.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const text = (el: Element) => root(el).textContent?.replace(/\s+/g, ' ') ?? '';
const loaded = (el: Element) => waitUntil(() => root(el).querySelector('[part~="card"], [part~="no-access"]'), 'card');

async function card(client = testClient(), lang = 'da') {
  const el = await fixture<KitosUsageCard>(
    html`<kitos-usage-card uuid="usage-card-1" lang=${lang} contract-link-template="/contracts/{uuid}"
      edit-link-template="/usages/{uuid}/edit" .client=${client}></kitos-usage-card>`,
  );
  await loaded(el);
  return el;
}

const withCard = (patch: Partial<typeof USAGE_CARD>) =>
  createStaticClient({ today: TODAY, usageCards: [{ ...USAGE_CARD, ...patch }] });

describe('<kitos-usage-card>', () => {
  it('explains why the usage is not active, one Danish sentence per reason', async () => {
    const el = await card();
    const reasons = [...root(el).querySelectorAll('[part~="reason"]')].map((r) =>
      r.textContent?.replace('✕', '').trim(),
    );
    expect(reasons).to.deep.equal([
      'Ikke aktiv: slutdato 31-12-2025 er passeret',
      'Ikke aktiv: markeret kontrakt «Driftsaftale ESDH» er ikke aktiv',
    ]);
    expect(text(el)).to.contain('Livscyklus I drift');
    expect(text(el)).to.contain('Ibrugtagningsdato 01-01-2020');
    expect(text(el)).to.contain('Almindelige personoplysninger, Følsomme personoplysninger');
    expect(root(el).querySelector('[part~="roles-table"] tbody')!.textContent).to.contain('Anna Jensen');
    expect(root(el).querySelector('a[href="/contracts/contract-card-1"]')!.textContent).to.equal('Driftsaftale ESDH');
  });

  it('speaks English', async () => {
    const el = await card(testClient(), 'en');
    expect(text(el)).to.contain('Not active: end date 31-12-2025 has passed');
    expect(text(el)).to.contain('Life cycle Operational');
  });

  it('shows a green badge when active', async () => {
    const el = await card(withCard({ validity: { valid: true, today: TODAY, reasons: [] } }));
    const badge = root(el).querySelector('kitos-status-badge')!;
    expect((badge as unknown as { active: boolean }).active).to.equal(true);
    expect(root(el).querySelector('[part~="reason"]')).to.equal(null);
  });

  it('passes axe', async () => {
    const el = await card();
    await expect(el).to.be.accessible();
  });

  it('shows nothing but a message without read access, and no edit link without modify', async () => {
    const denied = await card(withCard({ permissions: { read: false, modify: false, delete: false } }));
    expect(text(denied)).to.contain('Du har ikke læseadgang til dette IT-system.');
    expect(text(denied)).not.to.contain('ESDH');
    const readOnly = await card();
    expect(root(readOnly).querySelector('[part~="edit-link"]')).to.equal(null);
    const editor = await card(withCard({ permissions: { read: true, modify: true, delete: false } }));
    expect(root(editor).querySelector('[part~="edit-link"]')!.getAttribute('href')).to.equal(
      '/usages/usage-card-1/edit',
    );
  });

  it('renders hostile names as inert text', async () => {
    const el = await card(
      withCard({
        systemName: HOSTILE,
        roles: [{ roleUuid: 'r', role: HOSTILE, userUuid: 'u', user: HOSTILE, email: null }],
        supplier: HOSTILE,
      }),
    );
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal(HOSTILE);
  });

  it('takes the client and language from <kitos-provider>', async () => {
    const provider = await fixture(html`<kitos-provider lang="en" .client=${testClient()}>
      <kitos-usage-card uuid="usage-card-1"></kitos-usage-card>
    </kitos-provider>`);
    const el = provider.querySelector('kitos-usage-card')!;
    await loaded(el);
    expect(text(el)).to.contain('Not active: end date 31-12-2025 has passed');
  });

  it('reports an unknown usage with kitos-error and a message', async () => {
    const el = await fixture<KitosUsageCard>(html`<kitos-usage-card uuid="missing"></kitos-usage-card>`);
    setTimeout(() => {
      el.client = testClient();
    });
    const event = await oneEvent(el, 'kitos-error');
    expect(event.detail.operation).to.equal('usageCard');
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'error shown');
  });
});
