import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createStaticClient } from '../../data/fake-client.js';
import { CLIENT_SETUPS } from '../../testing/fixtures/clients.js';
import './architecture-coverage.js';
import type { KitosArchitectureCoverage } from './architecture-coverage.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: Element, part: string) =>
  [...root(el).querySelectorAll(`[part~="${part}"] tbody tr`)].map((r) => text(r));

for (const setup of CLIENT_SETUPS) {
  describe(`<kitos-architecture-coverage> over the ${setup.name} client`, () => {
    let s: Awaited<ReturnType<typeof setup.make>>;
    before(async () => {
      s = await setup.make();
    });

    async function coverage(lang = 'da') {
      const el = await fixture<KitosArchitectureCoverage>(html`<kitos-architecture-coverage
        lang=${lang}
        organization-uuid=${s.portfolio.nordby}
        .client=${s.client}
      ></kitos-architecture-coverage>`);
      await waitUntil(() => root(el).querySelector('[part~="summary"]'), 'loaded', { timeout: 10_000 });
      return el;
    }

    it('says how much of the portfolio is tied, per element, per unit and per KLE task', async () => {
      const el = await coverage();
      const summary = text(root(el).querySelector('[part~="summary"] p'));
      // Nordby uses twelve systems; only System 01 is one of Serviceplatformen's.
      expect(summary).to.match(/^1 af (\d+) systemer i brug \((\d+) %\) er knyttet til den fælles infrastruktur/);
      const [, total, percent] = summary.match(/1 af (\d+) systemer i brug \((\d+) %\)/) as RegExpMatchArray;
      expect(Number(percent)).to.equal(Math.round((1 / Number(total)) * 100));
      const elements = rows(el, 'elements');
      expect(elements[0]).to.equal(`Serviceplatformen 1 af ${total} (${percent} %)`);
      expect(elements.length).to.be.greaterThan(10);
      expect(elements.slice(1).every((r) => r.includes(` 0 af ${total} `))).to.equal(true);
      const units = rows(el, 'units');
      const tiedUnits = units.filter((r) => !/ 0 af /.test(r));
      expect(tiedUnits).to.have.length(1);
      expect(units.length).to.be.greaterThan(0);
      const width = root(el).querySelector<HTMLElement>('[part~="summary"] .bar-fill')?.style.width;
      expect(width).to.equal(`${Math.max(2, Math.round(100 / Number(total)))}%`);
      await expect(el).to.be.accessible();
    });

    it('speaks English', async () => {
      const el = await coverage('en');
      expect(text(root(el).querySelector('[part~="title"]'))).to.equal('Joint municipal reference architecture');
      expect(text(root(el).querySelector('[part~="summary"] p'))).to.match(
        /^1 of \d+ systems in use \(\d+%\) are tied to the shared infrastructure and standards\.$/,
      );
      const headers = [...root(el).querySelectorAll('[part~="elements"] thead th')].map((h) => text(h));
      expect(headers).to.deep.equal(['Element', 'Systems in use tied to it']);
    });
  });
}

describe('<kitos-architecture-coverage> without the read', () => {
  it('says that the coverage is not available from a client without it', async () => {
    const el = await fixture<KitosArchitectureCoverage>(html`<kitos-architecture-coverage
      organization-uuid="x"
      .client=${createStaticClient({})}
    ></kitos-architecture-coverage>`);
    expect(text(root(el).querySelector('[part~="message"]'))).to.equal(
      'Data på tværs af kommuner er ikke tilgængelige fra denne datakilde.',
    );
    await expect(el).to.be.accessible();
  });
});
