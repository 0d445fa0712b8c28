import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStaticClient } from '../../data/fake-client.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import './procurement-radar.js';
import type { KitosProcurementRadar } from './procurement-radar.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const summary = (el: Element) => text(root(el).querySelector('[part~="summary"]'));
const cell = (el: Element, r: number, c: number) => root(el).querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`);

let s: ClientSetup;
before(async () => {
  s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
});

async function radar(attrs: { lang?: string; supplier?: string } = {}) {
  const el = await fixture<KitosProcurementRadar>(html`<kitos-procurement-radar
    lang=${attrs.lang ?? 'da'}
    supplier-uuid=${attrs.supplier ?? s.portfolio.coordination.supplier}
    .client=${s.client}
  ></kitos-procurement-radar>`);
  await waitUntil(
    () =>
      /kontrakt(er)? i|contracts? in/.test(summary(el)) &&
      root(el).querySelector('[part~="subject-select"] option[value]:not([value=""])'),
    'loaded',
  );
  return el;
}

describe('<kitos-procurement-radar>', () => {
  it('draws systems by quarter over 24 months, each deadline in colour, icon and words', async () => {
    const el = await radar();
    expect(summary(el)).to.equal('4 kontrakter i 2 organisationer');
    const quarters = [...root(el).querySelectorAll('[role="columnheader"]')].map(text);
    expect(quarters).to.deep.equal([
      'IT-system',
      '2. kvt. 2025',
      '3. kvt. 2025',
      '4. kvt. 2025',
      '1. kvt. 2026',
      '2. kvt. 2026',
      '3. kvt. 2026',
      '4. kvt. 2026',
      '1. kvt. 2027',
    ]);
    expect([...root(el).querySelectorAll('[role="rowheader"]')].map(text)).to.deep.equal([
      'Fælles Borgerservice',
      'System 01',
    ]);
    const q3 = cell(el, 1, 1)!;
    expect(text(q3)).to.equal('● Østby Kommune Udbud bør starte');
    expect(q3.querySelector('[part~="entry"]')?.getAttribute('data-kind')).to.equal('tenderStart');
    expect(text(cell(el, 1, 4))).to.equal('■ Østby Kommune Udløber');
    // An empty quarter says so to screen readers (the row and column headers name it).
    expect(text(cell(el, 0, 0))).to.equal('Ingen');
    expect(cell(el, 0, 0)!.querySelector('.visually-hidden')).to.not.equal(null);
    expect([...root(el).querySelectorAll('[part~="legend"] li')].map(text)).to.deep.equal([
      '● Udbud bør starte',
      '▲ Tidligst ophør',
      '■ Udløber',
    ]);
  });

  it('is a keyboard grid: arrows move, Enter opens whom to contact, Escape closes', async () => {
    const el = await radar();
    expect(cell(el, 0, 0)!.tabIndex).to.equal(0);
    expect(cell(el, 1, 1)!.tabIndex).to.equal(-1);
    cell(el, 0, 0)!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => root(el).activeElement === cell(el, 1, 1), 'focus moved');
    expect(cell(el, 1, 1)!.tabIndex).to.equal(0);
    expect(cell(el, 0, 0)!.tabIndex).to.equal(-1);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('[part~="detail"]'), 'detail');
    const detail = text(root(el).querySelector('[part~="detail"]'));
    expect(detail).to.contain('System 01, 3. kvt. 2025');
    expect(detail).to.contain('Østby Kommune: Udbud bør starte');
    expect(detail).to.contain('Leverandør: Leverandør A/S').and.contain('Kontakt: Eva Test (eva@oestby.dk)');
    await sendKeys({ press: 'End' });
    await waitUntil(() => root(el).activeElement === cell(el, 1, 7), 'end');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('[part~="detail"]'), 'closed');
  });

  it('switches to an accessible table view, and both views pass axe', async () => {
    const el = await radar();
    await expect(el).to.be.accessible();
    const [timeline, table] = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="view-toggle"] button')];
    expect(timeline!.getAttribute('aria-pressed')).to.equal('true');
    table!.click();
    await waitUntil(() => root(el).querySelector('[part~="table"]'), 'table');
    expect(table!.getAttribute('aria-pressed')).to.equal('true');
    const rows = [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text));
    expect(rows).to.have.length(8);
    expect(rows[0]).to.deep.equal([
      'Fælles Borgerservice',
      '1. kvt. 2026',
      'Vestby Kommune',
      '● Udbud bør starte',
      'Leverandør A/S',
      'Ikke delt',
    ]);
    expect(rows[1]?.[5]).to.equal('Eva Test <eva@oestby.dk>');
    await expect(el).to.be.accessible();
  });

  it('takes the subject and the window from its selects, in English', async () => {
    const el = await radar({ lang: 'en' });
    const kind = root(el).querySelector<HTMLSelectElement>('[part~="kind-select"]')!;
    kind.value = 'kle';
    kind.dispatchEvent(new Event('change'));
    await waitUntil(() => summary(el) === 'Choose what the radar shows.', 'no subject');
    const subject = root(el).querySelector<HTMLSelectElement>('[part~="subject-select"]')!;
    await waitUntil(() => subject.options.length === 4, 'KLE choices');
    subject.value = s.portfolio.coordination.kle.group;
    subject.dispatchEvent(new Event('change'));
    await waitUntil(() => summary(el) === '2 contracts in 2 organisations', `KLE, was ${summary(el)}`);
    expect([...root(el).querySelectorAll('[role="rowheader"]')].map(text)).to.deep.equal(['Fælles Borgerservice']);
    const window = root(el).querySelector<HTMLSelectElement>('[part~="window-select"]')!;
    window.value = '12';
    window.dispatchEvent(new Event('change'));
    await waitUntil(() => root(el).querySelectorAll('[role="columnheader"]').length === 5, '12 months');
    expect(summary(el)).to.equal('1 contract in 1 organisation');
    expect(text(root(el).querySelector('[role="columnheader"]:last-child'))).to.equal('Q1 2026');
  });

  it('says so when the client cannot read across municipalities', async () => {
    const el = await fixture<KitosProcurementRadar>(
      html`<kitos-procurement-radar lang="en" .client=${createStaticClient({})}></kitos-procurement-radar>`,
    );
    expect(text(root(el).querySelector('[part~="message"]'))).to.equal(
      'Data across municipalities is not available from this data source.',
    );
  });
});

// "Contracts like mine": Nordby's spare contract covers System 01, which Østby and Vestby use under
// contracts they share. Over both clients: the in-page one and HTTP against the test server.
const likeRows = (el: Element) =>
  [...root(el).querySelectorAll('[part~="like-mine-table"] tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map(text),
  );
const likeSummary = (el: Element) => text(root(el).querySelector('[part~="like-summary"]'));

for (const setup of CLIENT_SETUPS) {
  describe(`<kitos-procurement-radar contract> over the ${setup.name} client`, () => {
    let c: ClientSetup;
    before(async () => {
      c = await setup.make();
    });

    async function likeMine(lang: string) {
      const el = await fixture<KitosProcurementRadar>(html`<kitos-procurement-radar
        lang=${lang}
        contract=${c.portfolio.spareContract}
        .client=${c.client}
      ></kitos-procurement-radar>`);
      await waitUntil(() => /som denne|like this one/.test(likeSummary(el)), 'contracts like mine', { timeout: 5000 });
      return el;
    }

    it("lists the other municipalities' contracts on the same system, nearest end first, with whom to contact", async () => {
      const el = await likeMine('da');
      expect(likeSummary(el)).to.equal('2 kontrakter som denne');
      expect(text(root(el).querySelector('[part~="like-mine"] h3, [part~="like-mine"] [role="heading"]'))).to.equal(
        'Kontrakter som denne',
      );
      const headers = [...root(el).querySelectorAll('[part~="like-mine-table"] thead th')].map(text);
      expect(headers).to.deep.equal(['Organisation', 'Til fælles', 'Leverandør', 'Frister', 'Fra jeres', 'Kontakt']);
      expect(likeRows(el)).to.deep.equal([
        [
          'Vestby Kommune',
          'System 01 Vis på radar: System 01',
          'Leverandør A/S',
          '■ Udløber 3. kvt. 2026 ● Udbud bør starte 4. kvt. 2025',
          '5 kvartaler',
          'Ikke delt',
        ],
        [
          'Østby Kommune',
          'System 01 Vis på radar: System 01',
          'Leverandør A/S',
          '■ Udløber 2. kvt. 2026 ● Udbud bør starte 3. kvt. 2025',
          '6 kvartaler',
          'Eva Test (eva@oestby.dk)',
        ],
      ]);
      // Row headers name each row; the contact is a mail link.
      expect(root(el).querySelectorAll('[part~="like-mine-table"] tbody th[scope="row"]')).to.have.length(2);
      expect(root(el).querySelector('[part~="like-mine-table"] a')?.getAttribute('href')).to.equal(
        'mailto:eva@oestby.dk',
      );
      await expect(el).to.be.accessible();
    });

    it('"show on radar" is reached by Tab and shows that system on the radar with Enter, in English', async () => {
      const el = await likeMine('en');
      expect(summary(el)).to.equal('Choose what the radar shows.');
      const first = root(el).querySelector<HTMLButtonElement>('[part~="show-on-radar"]')!;
      // Tab order: the first focusable element of the widget is the first row's button.
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => root(el).activeElement === first, 'Tab reaches the button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => summary(el) === '3 contracts in 3 organisations',
        `radar for System 01, was ${summary(el)}`,
      );
      expect([...root(el).querySelectorAll('[role="rowheader"]')].map(text)).to.deep.equal(['System 01']);
      expect(root(el).querySelector<HTMLSelectElement>('[part~="subject-select"]')!.value).to.equal(
        c.portfolio.coordination.system01,
      );
      // The list stays, now in English.
      expect(likeRows(el).map((r) => [r[0], r[4]])).to.deep.equal([
        ['Vestby Kommune', '5 quarters'],
        ['Østby Kommune', '6 quarters'],
      ]);
      before.remove();
      await expect(el).to.be.accessible();
    });
  });
}
