import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createStaticClient } from '../../data/fake-client.js';
import { CONTRACT_CARD, CONTRACT_CARD_2, HOSTILE, TODAY, testClient } from '../../testing/fixtures/data.js';
import './contract-card.js';
import type { KitosContractCard } from './contract-card.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const text = (el: Element) => root(el).textContent?.replace(/\s+/g, ' ') ?? '';

async function card(uuid = 'contract-card-1', client = testClient(), lang = 'da') {
  const el = await fixture<KitosContractCard>(
    html`<kitos-contract-card uuid=${uuid} lang=${lang} usage-link-template="/usages/{uuid}"
      .client=${client}></kitos-contract-card>`,
  );
  await waitUntil(() => root(el).querySelector('[part~="card"], [part~="no-access"]'), 'card');
  return el;
}

const withCard = (patch: Partial<typeof CONTRACT_CARD>) =>
  createStaticClient({ today: TODAY, contractCards: [{ ...CONTRACT_CARD, ...patch }] });

describe('<kitos-contract-card>', () => {
  it("shows the deadline engine's dates and the next deadline", async () => {
    const el = await card();
    const s = text(el);
    expect(s).to.contain('Næste frist: Beslutning om forlængelse 30-09-2025 (om 121 dage)');
    expect(s).to.contain('Tidligst mulige ophør 31-12-2025');
    expect(s).to.contain('Udløber 31-12-2025');
    expect(s).to.contain('Udløber senest (alle optioner brugt) 31-12-2027');
    expect(s).to.contain('Start på udbud 01-01-2025');
    expect(s).to.contain('Opsigelsesvarsel 3 måneder');
    expect(s).to.contain('Drift pr. år 1.234.567 kr.');
    expect(root(el).querySelector('a[href="/usages/usage-card-1"]')!.textContent).to.equal('ESDH');
  });

  it('shows the latest notice day of a continuous contract', async () => {
    const el = await card(CONTRACT_CARD_2.uuid);
    expect(text(el)).to.contain('Seneste opsigelsesdag 20-06-2025');
    expect(text(el)).to.contain('Udløber Løbende');
    expect(text(el)).to.contain('(om 19 dage)');
  });

  it('explains a terminated contract in Danish and English', async () => {
    const client = withCard({
      validity: {
        valid: false,
        today: TODAY,
        reasons: [
          { code: 'TerminationPeriodExceeded', terminatedAt: '2025-01-15', date: '2025-04-15', contractName: null },
        ],
      },
    });
    expect(text(await card('contract-card-1', client))).to.contain(
      'Ikke aktiv: opsagt 15-01-2025, og opsigelsesperioden sluttede 15-04-2025',
    );
    expect(text(await card('contract-card-1', client, 'en'))).to.contain(
      'Not active: terminated 15-01-2025, and the notice period ended 15-04-2025',
    );
  });

  it('passes axe', async () => {
    const el = await card();
    await expect(el).to.be.accessible();
  });

  it('shows nothing but a message without read access', async () => {
    const el = await card('contract-card-1', withCard({ permissions: { read: false, modify: false, delete: false } }));
    expect(text(el)).to.contain('Du har ikke læseadgang til denne kontrakt.');
    expect(text(el)).not.to.contain('Driftsaftale');
  });

  it('renders hostile names as inert text', async () => {
    const el = await card('contract-card-1', withCard({ name: HOSTILE, supplier: HOSTILE }));
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal(HOSTILE);
  });
});
