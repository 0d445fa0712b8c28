import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStaticClient } from '../../data/fake-client.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import './catalogue.js';
import type { KitosCatalogue } from './catalogue.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const count = (el: Element) => text(root(el).querySelector('[part~="count"]'));
const rows = (el: Element) =>
  [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => text(c)));

let s: ClientSetup;
before(async () => {
  s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
});

async function catalogue(attrs: { lang?: string; min?: number } = {}) {
  const el = await fixture<KitosCatalogue>(html`<kitos-catalogue
    lang=${attrs.lang ?? 'da'}
    organization-uuid=${s.portfolio.nordby}
    min-organizations=${attrs.min ?? 2}
    page-size="3"
    .client=${s.client}
  ></kitos-catalogue>`);
  await waitUntil(
    () => rows(el).length > 0 && root(el).querySelector('[part~="kle-select"] option[value]:not([value=""])'),
    'loaded',
  );
  return el;
}

describe('<kitos-catalogue>', () => {
  it('lists systems most used first, the count as a bar with the number in words, and pages', async () => {
    const el = await catalogue();
    expect(count(el)).to.equal('5 systemer');
    expect(rows(el)).to.deep.equal([
      ['System 01', '3 organisationer', '', '', '', 'Ja'],
      ['Fælles Borgerservice', '2 organisationer', 'Leverandør A/S', '', '02.05.10', 'Nej'],
      ['System 02', '2 organisationer', '', '', '', 'Ja'],
    ]);
    const bars = [...root(el).querySelectorAll<HTMLElement>('.bar-fill')].map((b) => b.style.width);
    expect(bars).to.deep.equal(['100%', '67%', '67%']);
    expect(root(el).querySelector('.bar-track')?.getAttribute('aria-hidden')).to.equal('true');
    expect(text(root(el).querySelector('[part~="pager"] span'))).to.equal('1–3 af 5');
    root(el).querySelectorAll<HTMLButtonElement>('[part~="pager"] button')[1]!.click();
    await waitUntil(() => rows(el)[0]?.[0] === 'System 03', 'next page');
    expect(rows(el).map((r) => r[0])).to.deep.equal(['System 03', 'System 05']);
  });

  it('filters by KLE task, rights holder, "used by at least" and name', async () => {
    const el = await catalogue();
    const kle = root(el).querySelector<HTMLSelectElement>('[part~="kle-select"]')!;
    expect([...kle.options].map((o) => o.textContent?.trim())).to.deep.equal([
      'Alle',
      '02 Fysisk planlægning og naturbeskyttelse',
      '02.05 Byggeri',
      '02.05.10 Byggesagsbehandling',
    ]);
    kle.value = s.portfolio.coordination.kle.group;
    kle.dispatchEvent(new Event('change'));
    await waitUntil(() => count(el) === '1 system', `KLE, was ${count(el)}`);
    expect(rows(el)[0]?.[0]).to.equal('Fælles Borgerservice');
    kle.value = '';
    kle.dispatchEvent(new Event('change'));
    const min = root(el).querySelector<HTMLInputElement>('[part~="min-input"]')!;
    expect(min.max).to.equal('3');
    min.value = '3';
    min.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el)[0]?.[0] === 'System 01' && count(el) === '1 system', `min 3, was ${count(el)}`);
    min.value = '0';
    min.dispatchEvent(new Event('change'));
    const holder = root(el).querySelector<HTMLSelectElement>('[part~="holder-select"]')!;
    holder.value = s.portfolio.coordination.supplier;
    holder.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el)[0]?.[0] === 'Fælles Borgerservice' && rows(el).length === 1, 'holder');
    holder.value = '';
    holder.dispatchEvent(new Event('change'));
    const search = root(el).querySelector<HTMLInputElement>('[part~="search"]')!;
    search.value = 'system 0';
    search.dispatchEvent(new Event('input'));
    // System 01 to 09 (the page shows the first three).
    await waitUntil(() => count(el) === '9 systemer', `search, was ${count(el)}`);
    expect(rows(el).map((r) => r[0])).to.deep.equal(['System 01', 'System 02', 'System 03']);
  });

  it('opens who uses a system from the keyboard, shows what each shares, and closes with Escape', async () => {
    const el = await catalogue();
    const button = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="system"]')].find(
      (b) => text(b) === 'Fælles Borgerservice',
    )!;
    expect(button.getAttribute('aria-label')).to.equal('Vis hvem der bruger Fælles Borgerservice');
    button.focus();
    const selected = oneEvent(el, 'kitos-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail).to.deep.equal({ kind: 'itSystem', uuid: s.portfolio.coordination.sharedSystem });
    await waitUntil(() => root(el).activeElement?.id === 'panel-title', 'focus in the panel');
    const panel = root(el).querySelector('[part~="panel"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const usages = [...panel.querySelectorAll('[part~="usages"] li')].map(text);
    expect(usages).to.deep.equal([
      'Vestby Kommune Bruger 0 snitflader',
      'Østby Kommune Livscyklus: Ikke angivet Bruger 0 snitflader',
    ]);
    const contracts = [...panel.querySelectorAll('[part~="contracts"] li')].map(text);
    expect(contracts[1]).to.contain('Østby Kommune').and.contain('Leverandør: Leverandør A/S');
    expect(contracts[1]).to.contain('Udløber: 1. kvt. 2027').and.contain('Kontakt: Eva Test (eva@oestby.dk)');
    expect(text(panel.querySelector('[part~="interfaces"]'))).to.equal('Borgerservice API Anvendes af: System 01');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('[part~="panel"]'), 'closed');
    expect(root(el).activeElement).to.equal(button);
  });

  it('passes axe with the detail open, in English', async () => {
    const el = await catalogue({ lang: 'en' });
    expect(count(el)).to.equal('5 systems');
    el.systemUuid = s.portfolio.coordination.sharedSystem;
    await waitUntil(() => root(el).querySelector('[part~="contracts"]'), 'detail');
    expect(text(root(el).querySelector('[part~="contracts"]'))).to.contain('Expires: Q1 2027');
    await expect(el).to.be.accessible();
  });

  it('says so when the client cannot read across municipalities', async () => {
    const el = await fixture<KitosCatalogue>(
      html`<kitos-catalogue lang="da" .client=${createStaticClient({})}></kitos-catalogue>`,
    );
    expect(text(root(el).querySelector('[part~="message"]'))).to.equal(
      'Data på tværs af kommuner er ikke tilgængelige fra denne datakilde.',
    );
  });
});
