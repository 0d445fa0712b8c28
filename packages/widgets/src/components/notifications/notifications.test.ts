import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { KitosClient, ReminderItem } from '../../data/client.js';
import { createStaticClient } from '../../data/fake-client.js';
import { HOSTILE, ORG, TODAY } from '../../testing/fixtures/data.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import { PORTFOLIO_TODAY } from '../../testing/fixtures/portfolio.js';
import '../contract-card/contract-card.js';
import './notifications.js';
import type { KitosNotifications } from './notifications.component.js';

const WAIT = { timeout: 10_000 };
const root = (el: Element) => el.shadowRoot as ShadowRoot;
const count = (el: Element) => root(el).querySelector('[part~="count"]')?.textContent?.trim() ?? '';
const items = (el: Element, section: 'planned' | 'failed') => [
  ...root(el).querySelectorAll<HTMLElement>(`[part~="${section}"] [part~="item"]`),
];

const reminder = (over: Partial<ReminderItem>): ReminderItem => ({
  key: 'k',
  source: 'rule',
  sourceUuid: 'rule-1',
  organizationUuid: ORG,
  entityKind: 'itContract',
  entityUuid: 'contract-1',
  entityName: 'ESDH drift',
  deadline: 'notice',
  dueDate: '2025-09-30',
  daysBefore: 30,
  sendOn: '2025-08-31',
  why: [],
  subject: null,
  body: null,
  language: 'da',
  recipients: [{ email: 'ejer@nordby.dk', userUuid: 'u', role: 'Kontraktejer' }],
  delivery: null,
  ...over,
});

function staticClient(name = 'ESDH drift'): KitosClient {
  return createStaticClient({
    today: TODAY,
    reminders: {
      due: [
        reminder({
          key: 'a',
          sendOn: '2025-06-01',
          daysBefore: 120,
          entityName: name,
          delivery: { status: 'sent', reason: null, updatedAt: '2025-06-01T08:00:00Z' },
        }),
      ],
      ahead: [
        reminder({
          key: 'c',
          source: 'advis',
          entityKind: 'itSystemUsage',
          entityUuid: 'usage-1',
          entityName: 'Sag',
          deadline: null,
          dueDate: null,
          sendOn: '2025-07-01',
          subject: 'Prisregulering',
        }),
        reminder({ key: 'b', entityName: name, dueDate: '2025-08-30', sendOn: '2025-07-31' }),
      ],
    },
    deliveries: [
      {
        key: 'x',
        entityKind: 'itContract',
        entityUuid: 'contract-1',
        entityName: name,
        deadline: 'expiry',
        dueDate: '2025-12-31',
        sendOn: '2025-05-31',
        subject: 'Påmindelse',
        recipients: ['bounce@nordby.dk'],
        rejected: ['bounce@nordby.dk'],
        status: 'failed',
        reason: '550 No such mailbox here',
        nextAttemptAt: null,
        updatedAt: '2025-05-31T08:00:00Z',
      },
    ],
  });
}

async function notifications(
  client: KitosClient,
  attrs: { lang?: string; entity?: string; org?: string; today?: string } = {},
) {
  const el = await fixture<KitosNotifications>(html`<kitos-notifications
    organization-uuid=${attrs.org ?? ORG}
    entity-uuid=${attrs.entity ?? ''}
    today=${attrs.today ?? TODAY}
    lang=${attrs.lang ?? 'da'}
    .client=${client}
  ></kitos-notifications>`);
  await waitUntil(
    () =>
      /påmindelse|reminder|datakilde|data source/i.test(root(el).textContent ?? '') &&
      !/Henter|Loading/.test(count(el)),
    'loaded',
    WAIT,
  );
  return el;
}

describe('<kitos-notifications>', () => {
  it('lists what will be sent when, what was sent, and what did not arrive with the reason', async () => {
    const el = await notifications(staticClient());
    expect(count(el)).to.equal('3 påmindelser');
    const [sent, advis, planned] = items(el, 'planned');
    expect(sent!.dataset.status).to.equal('sent');
    expect(sent!.textContent).to.contain('Sendt').and.contain('01-06-2025').and.contain('Sidste frist for opsigelse');
    expect(planned!.textContent)
      .to.contain('Planlagt')
      .and.contain('31-07-2025')
      .and.contain('Frist: 30-08-2025')
      .and.contain('Til: ejer@nordby.dk');
    expect(advis!.textContent).to.contain('Prisregulering').and.contain('Sag');
    const [failed] = items(el, 'failed');
    expect(failed!.dataset.status).to.equal('failed');
    expect(failed!.textContent)
      .to.contain('Fejlet')
      .and.contain('Kontraktens udløb')
      .and.contain('Årsag: 550 No such mailbox here');
    expect(getComputedStyle(failed!).borderInlineStartColor).not.to.equal(
      getComputedStyle(planned!).borderInlineStartColor,
    );
  });

  it('narrows to one record', async () => {
    const el = await notifications(staticClient(), { entity: 'usage-1' });
    expect(count(el)).to.equal('1 påmindelse');
    expect(items(el, 'failed')).to.have.length(0);
    expect(root(el).textContent).to.contain('Alle påmindelser er kommet frem.');
  });

  it('speaks English', async () => {
    const el = await notifications(staticClient(), { lang: 'en' });
    expect(count(el)).to.equal('3 reminders');
    expect(items(el, 'failed')[0]!.textContent).to.contain('Failed').and.contain('Reason: 550');
    expect(items(el, 'planned')[2]!.textContent).to.contain('Latest day to give notice').and.contain('Due: 30-08-2025');
  });

  it('says so when the data source has no reminders', async () => {
    const el = await notifications(createStaticClient({ today: TODAY }));
    expect(root(el).textContent).to.contain('Påmindelser kan ikke vises fra denne datakilde.');
  });

  it('renders hostile names as inert text and fires kitos-select with the record kind', async () => {
    const el = await notifications(staticClient(HOSTILE));
    expect(root(el).querySelector('img')).to.equal(null);
    const button = items(el, 'planned')[2]!.querySelector<HTMLButtonElement>('[part~="record"]')!;
    expect(button.textContent).to.equal(HOSTILE);
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'kitos-select');
    expect(event.detail).to.deep.equal({ kind: 'contracts', uuid: 'contract-1' });
  });

  it('passes axe', async () => {
    const el = await notifications(staticClient());
    await expect(el).to.be.accessible();
  });
});

for (const setup of CLIENT_SETUPS) {
  describe(`<kitos-notifications> over the ${setup.name} client`, () => {
    let s: ClientSetup;
    before(async () => {
      s = await setup.make();
    });

    it("plans the portfolio rule's reminders of ESDH drift", async () => {
      const el = await notifications(s.client, { org: s.portfolio.nordby, today: PORTFOLIO_TODAY });
      const planned = items(el, 'planned').map((i) => i.querySelector('time')?.getAttribute('datetime'));
      expect(planned).to.deep.equal(['2025-06-02', '2025-08-31', '2025-09-02']);
      expect(items(el, 'planned')[0]!.textContent).to.contain('ESDH drift').and.contain('Frist: 30-09-2025');
      // Only a server keeps a delivery log; nothing was sent on the test server, so nothing failed.
      expect(!!root(el).querySelector('[part~="failed"]')).to.equal(setup.name === 'http');
    });

    it("shows a contract's reminders on its card with the reminders attribute, and none without", async () => {
      const card = await fixture(html`<kitos-contract-card uuid=${s.portfolio.contract} lang="da" reminders
        .client=${s.client}></kitos-contract-card>`);
      await waitUntil(() => root(card).querySelector('kitos-notifications'), 'card', WAIT);
      const nested = root(card).querySelector('kitos-notifications') as KitosNotifications;
      await waitUntil(() => /påmindelse/.test(count(nested)), 'reminders', WAIT);
      expect(count(nested)).to.equal('3 påmindelser');
      expect(root(nested).querySelector('[part~="title"]')?.getAttribute('aria-level')).to.equal('3');
      const plain = await fixture(html`<kitos-contract-card uuid=${s.portfolio.contract} lang="da"
        .client=${s.client}></kitos-contract-card>`);
      await waitUntil(() => root(plain).querySelector('[part~="card"]'), 'plain card', WAIT);
      expect(root(plain).querySelector('kitos-notifications')).to.equal(null);
    });
  });
}
