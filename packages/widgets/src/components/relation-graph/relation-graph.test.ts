import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStaticClient } from '../../data/fake-client.js';
import { type GraphFixture, graphFixture } from '../../testing/fixtures/graph.js';
import { HOSTILE_NAME } from '../../testing/fixtures/portfolio.js';
import './relation-graph.js';
import type { KitosRelationGraph } from './relation-graph.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel);
const summary = (el: Element) => q(el, '[part~="summary"]')?.textContent ?? '';
const tableRows = (el: Element) =>
  [...root(el).querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  );

async function graph(f: GraphFixture, lang = 'da', focus = '') {
  const el = await fixture<KitosRelationGraph>(html`<kitos-relation-graph organization-uuid=${f.org} lang=${lang}
    focus-usage-uuid=${focus} .client=${f.client}></kitos-relation-graph>`);
  await waitUntil(() => q(el, 'svg[part~="graph"]'), 'drawn', { timeout: 10_000 });
  return el;
}

describe('<kitos-relation-graph>', () => {
  let f: GraphFixture;
  before(async () => {
    f = await graphFixture();
  });

  it('draws every usage and relation, and lists the same relations in a table', async () => {
    const el = await graph(f);
    expect(summary(el)).to.equal('5 systemer, 4 relationer');
    expect(root(el).querySelectorAll('svg circle').length).to.equal(5);
    expect(root(el).querySelectorAll('svg line').length).to.equal(4);
    const rows = tableRows(el);
    expect(rows.find((r) => r[0] === 'Borgerportal')).to.deep.equal([
      'Borgerportal',
      'ESDH',
      'Sags-API',
      'Sager',
      rows.find((r) => r[0] === 'Borgerportal')![4],
      '',
      'Ansøgninger',
    ]);
    expect(rows.find((r) => r[0] === 'Borgerportal')![4]).to.not.equal('');
    // The hostile name is text in the SVG, never markup.
    expect(q(el, 'svg img')).to.equal(null);
    expect([...root(el).querySelectorAll('svg .node title')].map((t) => t.textContent)).to.include(HOSTILE_NAME);
  });

  it("shows a usage's neighbours n steps out with the keyboard alone", async () => {
    const el = await graph(f);
    const focus = q<HTMLSelectElement>(el, '#focus')!;
    focus.focus();
    // The usages are listed by name: the hostile name ('<' first), then Arkiv.
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => el.focusUsageUuid === f.usages.hostile, 'first usage chosen');
    await waitUntil(() => summary(el) === '1 system, 0 relationer', 'no neighbours');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => el.focusUsageUuid === f.usages.arkiv, 'focus chosen');
    await waitUntil(() => summary(el) === '3 systemer, 3 relationer', 'one step out');
    q<HTMLInputElement>(el, '#depth')!.focus();
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => summary(el) === '4 systemer, 4 relationer', 'two steps out');
    expect(el.depth).to.equal(2);
    // A usage in the table moves the focus there and tells the page.
    const button = [...root(el).querySelectorAll<HTMLButtonElement>('tbody button')].find(
      (b) => b.textContent?.trim() === 'Borgerportal',
    )!;
    button.focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'kitos-select');
    expect(event.detail).to.deep.equal({ kind: 'usages', uuid: f.usages.borger });
    await waitUntil(() => el.focusUsageUuid === f.usages.borger, 'moved focus');
  });

  it('filters by unit with sub-units, keeping the neighbours as context', async () => {
    const el = await graph(f);
    el.unitUuid = f.units.borger;
    await waitUntil(() => summary(el) === '4 systemer, 3 relationer', 'filtered');
    const fills = [...root(el).querySelectorAll('svg circle')].map((c) => c.getAttribute('fill'));
    expect(fills.filter((x) => x === '#0b5394')).to.have.length(2);
  });

  it('exports the drawing as SVG and PNG', async () => {
    const el = await graph(f);
    const text = el.toSvg();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.documentElement.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(doc.querySelectorAll('circle').length).to.equal(5);
    expect(doc.documentElement.getAttribute('width')).to.match(/^\d+(\.\d+)?$/);
    const png = await el.toPng();
    expect(png.type).to.equal('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).to.equal('PNG');
  });

  it('passes axe, whole and focused', async () => {
    const el = await graph(f);
    await expect(el).to.be.accessible();
    const focused = await graph(f, 'en', f.usages.esdh);
    await waitUntil(() => summary(focused) === '4 systems, 4 relations', 'focused');
    await expect(focused).to.be.accessible();
  });

  it('says so when the client has no graph', async () => {
    const el = await fixture<KitosRelationGraph>(html`<kitos-relation-graph organization-uuid=${f.org}
      .client=${createStaticClient({})}></kitos-relation-graph>`);
    await waitUntil(() => q(el, '[part~="message"]')?.textContent?.includes('datakilde'), 'not available');
  });
});
