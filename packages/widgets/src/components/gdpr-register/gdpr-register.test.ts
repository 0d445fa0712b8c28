import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KitosClient } from '../../data/client.js';
import { createStaticClient } from '../../data/fake-client.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import { PORTFOLIO_TODAY } from '../../testing/fixtures/portfolio.js';
import './gdpr-register.js';
import type { KitosGdprRegister } from './gdpr-register.component.js';

const WAIT = { timeout: 10_000 };
const root = (el: Element) => el.shadowRoot as ShadowRoot;
const status = (el: Element) => root(el).querySelector('[part~="status"]')?.textContent?.trim() ?? '';
const entries = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~="entry"]')];
const field = (entry: Element, label: string) =>
  [...entry.querySelectorAll('dt')].find((d) => d.textContent === label)?.nextElementSibling?.textContent?.trim();

async function register(client: KitosClient, org: string, attrs: { lang?: string; attention?: boolean } = {}) {
  const el = await fixture<KitosGdprRegister>(html`<kitos-gdpr-register
    organization-uuid=${org}
    today=${PORTFOLIO_TODAY}
    lang=${attrs.lang ?? 'da'}
    ?needs-attention=${attrs.attention ?? false}
    .client=${client}
  ></kitos-gdpr-register>`);
  await waitUntil(
    () => /·/.test(status(el)) && root(el).querySelector('[part~="unit-select"] option[value]:not([value=""])'),
    'loaded',
    WAIT,
  );
  return el;
}

describe('<kitos-gdpr-register> without the read', () => {
  it('says that the register is not available from a static client', async () => {
    const el = await fixture<KitosGdprRegister>(
      html`<kitos-gdpr-register organization-uuid="org" .client=${createStaticClient({})}></kitos-gdpr-register>`,
    );
    await waitUntil(() => root(el).textContent?.includes('Ikke tilgængelig'), 'unavailable', WAIT);
    expect(root(el).querySelector('[part~="export-button"]')).to.equal(null);
  });
});

for (const setup of CLIENT_SETUPS) {
  describe(`<kitos-gdpr-register> over the ${setup.name} client`, () => {
    let s: ClientSetup;
    before(async () => {
      s = await setup.make();
    });

    it('lists the processing activities with their registrations and what needs attention', async () => {
      const el = await register(s.client, s.portfolio.nordby, { attention: true });
      expect(status(el)).to.match(/^\d+ af \d+ behandlingsaktiviteter · \d+ kræver opmærksomhed$/);
      const entry = entries(el).find((e) => e.textContent?.includes('System 03'))!;
      expect(entry, 'System 03').to.not.equal(undefined);
      expect(field(entry, 'Formål')).to.equal('Elevadministration');
      expect(field(entry, 'Straffedomme og lovovertrædelser (art. 10)')).to.equal('Ja');
      expect(field(entry, 'Følsomme oplysninger (art. 9)')).to.equal('Nej');
      expect(field(entry, 'Databehandlere')).to.equal('Sydby Kommune');
      expect(field(entry, 'Planlagt risikovurdering')).to.equal('01-03-2025');
      expect(field(entry, 'Tilsyn med databehandlere')).to.contain('Årligt').and.contain('2024-01-10');
      const attention = entry.querySelector('[part~="attention"]')!.textContent!;
      expect(attention).to.contain('Den planlagte risikovurdering 2025-03-01 er passeret');
      expect(attention).to.contain('Elevdata databehandling:').and.contain('Seneste tilsyn var 2024-01-10');
      expect(root(el).querySelector('[part~="not-in-model"]')!.textContent).to.contain('Kategorier af registrerede');
      // An export button only where the client writes workbooks (the server does; the page was given none).
      expect(!!root(el).querySelector('[part~="export-button"]')).to.equal(setup.name === 'http');
    });

    it('filters by unit and by needs-attention with the keyboard alone', async () => {
      const el = await register(s.client, s.portfolio.nordby);
      const all = entries(el).length;
      const box = root(el).querySelector<HTMLInputElement>('[part~="attention-only"]')!;
      box.focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => el.needsAttention, 'attention only');
      await waitUntil(() => entries(el).length <= all && /·/.test(status(el)), 'filtered', WAIT);
      expect(entries(el).every((e) => e.querySelector('[part~="attention"]'))).to.equal(true);
      const select = root(el).querySelector<HTMLSelectElement>('[part~="unit-select"]')!;
      select.value = s.portfolio.units.skole;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => !entries(el).some((e) => e.textContent?.includes('System 03')), 'skole only', WAIT);
      const title = entries(el)[0]?.querySelector<HTMLButtonElement>('[part~="entry-title"]');
      if (title) {
        title.focus();
        setTimeout(() => sendKeys({ press: 'Enter' }));
        const event = await oneEvent(el, 'kitos-select');
        expect(event.detail.kind).to.equal('usages');
      }
    });

    it('speaks English and passes axe', async () => {
      const el = await register(s.client, s.portfolio.nordby, { lang: 'en', attention: true });
      expect(status(el)).to.match(/processing activities · \d+ need attention$/);
      const entry = entries(el).find((e) => e.textContent?.includes('System 03'))!;
      expect(field(entry, 'Criminal convictions and offences (art. 10)')).to.equal('Yes');
      await expect(el).to.be.accessible();
    });
  });
}

describe('<kitos-gdpr-register> export', () => {
  it('downloads the workbook the client writes, for the register as shown', async () => {
    const asked: unknown[] = [];
    const client: KitosClient = {
      ...createStaticClient({}),
      gdprRegister: async () => ({
        today: '2025-06-15',
        unit: null,
        entries: [],
        total: 0,
        needingAttention: 0,
        notInModel: [],
      }),
      gdprRegisterWorkbook: async (query, language) => {
        asked.push({ query, language });
        return { fileName: 'fortegnelse.xlsx', mediaType: 'application/x', data: new Uint8Array([1]) };
      },
    };
    const el = await fixture<KitosGdprRegister>(html`<kitos-gdpr-register organization-uuid="org" needs-attention
      .client=${client}></kitos-gdpr-register>`);
    await waitUntil(() => root(el).textContent?.includes('Ingen behandlingsaktiviteter'), 'loaded', WAIT);
    root(el).querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    await waitUntil(() => asked.length === 1, 'exported', WAIT);
    expect(asked[0]).to.deep.equal({ query: { organizationUuid: 'org', needsAttention: true }, language: 'da' });
  });
});
