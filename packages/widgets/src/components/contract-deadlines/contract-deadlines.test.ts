import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createStaticClient } from '../../data/fake-client.js';
import { CONTRACT_CARD_2, HOSTILE, ORG, TODAY, testClient, UNITS } from '../../testing/fixtures/data.js';
import './contract-deadlines.js';
import { deadlineUrgency, type KitosContractDeadlines } from './contract-deadlines.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const count = (el: Element) => root(el).querySelector('[part~="count"]')?.textContent?.trim() ?? '';
const items = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];

async function deadlines(
  attrs: { from?: string; to?: string; kinds?: string; lang?: string; overdueDays?: number } = {},
  client = testClient(),
) {
  const el = await fixture<KitosContractDeadlines>(html`<kitos-contract-deadlines
    organization-uuid=${ORG}
    today=${TODAY}
    from=${attrs.from ?? ''}
    overdue-days=${attrs.overdueDays ?? 100000}
    to=${attrs.to ?? ''}
    lang=${attrs.lang ?? 'da'}
    .kinds=${attrs.kinds ?? 'notice extension-decision expiry final-expiry tender-start termination-effective'}
    .client=${client}
  ></kitos-contract-deadlines>`);
  await waitUntil(
    () =>
      /frist|deadline/i.test(count(el)) &&
      root(el).querySelector('[part~="unit-select"] option[value]:not([value=""])'),
    'loaded',
  );
  return el;
}

describe('<kitos-contract-deadlines>', () => {
  it('by default leaves out deadlines missed more than 90 days ago', async () => {
    const all = await deadlines();
    const recent = await deadlines({ overdueDays: 90 });
    const dates = [...root(recent).querySelectorAll('[part~="item"] time')].map(
      (t) => t.getAttribute('datetime') ?? '',
    );
    const cutoff = new Date(Date.parse(TODAY) - 90 * 86_400_000).toISOString().slice(0, 10);
    expect(dates.length).to.be.greaterThan(0);
    expect(dates.every((d) => d >= cutoff)).to.equal(true);
    expect(dates.length).to.be.lessThan(root(all).querySelectorAll('[part~="item"]').length);
  });

  it('groups deadlines by month with urgency in words and icons, not colour alone', async () => {
    const el = await deadlines();
    expect(count(el)).to.equal('5 frister');
    const months = [...root(el).querySelectorAll('[part~="month-title"]')].map((m) => m.textContent?.trim());
    expect(months).to.deep.equal(['januar 2025', 'juni 2025', 'september 2025', 'december 2025', 'december 2027']);
    const [overdue, soon, later] = items(el);
    expect(overdue!.dataset.urgency).to.equal('overdue');
    expect(overdue!.textContent).to.contain('⚠').and.contain('Overskredet').and.contain('Start på udbud');
    expect(overdue!.textContent).to.contain('01-01-2025').and.contain('for 151 dage siden');
    expect(soon!.dataset.urgency).to.equal('soon');
    expect(soon!.textContent)
      .to.contain('Inden for 30 dage')
      .and.contain('Seneste opsigelsesdag')
      .and.contain('om 19 dage');
    expect(soon!.textContent).to.contain('Skoleintra').and.contain('Netcompany A/S · Skoler');
    expect(later!.textContent).to.contain('Senere').and.contain('Beslutning om forlængelse');
    expect(getComputedStyle(overdue!).borderInlineStartColor).not.to.equal(
      getComputedStyle(later!).borderInlineStartColor,
    );
  });

  it('narrows to a responsible unit with or without its sub-units', async () => {
    const el = await deadlines();
    const select = root(el).querySelector<HTMLSelectElement>('[part~="unit-select"]')!;
    select.value = 'unit-born';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => count(el) === '1 frist', `with sub-units, was ${count(el)}`);
    expect(items(el)[0]!.textContent).to.contain('Skoleintra');
    root(el).querySelector<HTMLInputElement>('[part~="sub-units"]')!.click();
    await waitUntil(() => count(el) === '0 frister', `without sub-units, was ${count(el)}`);
    expect(root(el).textContent).to.contain('Ingen frister i perioden.');
  });

  it('honours the period and the kinds', async () => {
    expect(count(await deadlines({ from: '2025-06-01', to: '2025-12-31' }))).to.equal('3 frister');
    expect(count(await deadlines({ kinds: 'notice tender-start' }))).to.equal('2 frister');
  });

  it('speaks English', async () => {
    const el = await deadlines({ lang: 'en' });
    expect(count(el)).to.equal('5 deadlines');
    expect(root(el).querySelector('[part~="month-title"]')!.textContent).to.contain('January 2025');
    expect(items(el)[1]!.textContent).to.contain('Within 30 days').and.contain('in 19 days');
  });

  it('passes axe', async () => {
    const el = await deadlines();
    await expect(el).to.be.accessible();
  });

  it('renders hostile names as inert text and fires kitos-select', async () => {
    const client = createStaticClient({
      today: TODAY,
      units: UNITS,
      contractCards: [{ ...CONTRACT_CARD_2, name: HOSTILE, supplier: HOSTILE }],
    });
    const el = await deadlines({}, client);
    expect(root(el).querySelector('img')).to.equal(null);
    const button = root(el).querySelector<HTMLButtonElement>('[part~="contract"]')!;
    expect(button.textContent).to.equal(HOSTILE);
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'kitos-select');
    expect(event.detail).to.deep.equal({ kind: 'contracts', uuid: 'contract-card-2' });
  });

  it('classifies urgency at the 30 and 90 day limits', () => {
    expect([-1, 0, 30, 31, 90, 91].map(deadlineUrgency)).to.deep.equal([
      'overdue',
      'soon',
      'soon',
      'upcoming',
      'upcoming',
      'later',
    ]);
  });
});
