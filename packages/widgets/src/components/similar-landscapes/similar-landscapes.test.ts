import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStaticClient } from '../../data/fake-client.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import './similar-landscapes.js';
import type { KitosSimilarLandscapes } from './similar-landscapes.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const orgs = (el: Element) => [...root(el).querySelectorAll('[part~="organization"]')].map(text);

let s: ClientSetup;
before(async () => {
  s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
});

async function landscapes(lang = 'da') {
  const el = await fixture<KitosSimilarLandscapes>(html`<kitos-similar-landscapes
    lang=${lang}
    organization-uuid=${s.portfolio.nordby}
    .client=${s.client}
  ></kitos-similar-landscapes>`);
  await waitUntil(
    () => orgs(el).length > 0 && root(el).querySelector('[part~="kle-select"] option[value]:not([value=""])'),
    'loaded',
  );
  return el;
}

describe('<kitos-similar-landscapes>', () => {
  it('ranks the most similar municipalities with a bar, a percentage and the reason in words', async () => {
    const el = await landscapes();
    expect(orgs(el)).to.deep.equal([
      'Østby Kommune Lighed 30 % Bruger 3 af de samme systemer som Nordby Kommune; de sjældneste er System 02, System 03 og System 01.',
      'Vestby Kommune Lighed 22 % Bruger 2 af de samme systemer som Nordby Kommune; de sjældneste er System 05 og System 01.',
    ]);
    const widths = [...root(el).querySelectorAll<HTMLElement>('.bar-fill')].map((b) => b.style.width);
    expect(widths).to.deep.equal(['30%', '22%']);
    expect(text(root(el).querySelector('[part~="message"]'))).to.equal('Vælg en KLE-opgave for at se forslag.');
  });

  it('suggests the systems similar municipalities use for a KLE task, chosen from the keyboard', async () => {
    const el = await landscapes();
    const select = root(el).querySelector<HTMLSelectElement>('[part~="kle-select"]')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    // Chromium changes a focused closed select with the arrow keys and fires change.
    await waitUntil(() => el.kleUuid === s.portfolio.coordination.kle.group, 'task chosen');
    await waitUntil(() => root(el).querySelector('[part~="suggestion"]'), 'suggestions');
    expect([...root(el).querySelectorAll('[part~="suggestion"]')].map(text)).to.deep.equal([
      'Fælles Borgerservice Bruges af Østby Kommune og Vestby Kommune blandt de mest lignende.',
    ]);
  });

  it('passes axe, in English with suggestions', async () => {
    const el = await landscapes('en');
    el.kleUuid = s.portfolio.coordination.kle.task;
    await waitUntil(() => root(el).querySelector('[part~="suggestion"]'), 'suggestions');
    expect(orgs(el)[0]).to.contain('Similarity 30%').and.contain('Uses 3 of the same systems as Nordby Kommune');
    expect(text(root(el).querySelector('[part~="suggestion"]'))).to.contain('Used by Østby Kommune and Vestby Kommune');
    await expect(el).to.be.accessible();
  });

  it('says so when the client cannot read across municipalities', async () => {
    const el = await fixture<KitosSimilarLandscapes>(
      html`<kitos-similar-landscapes lang="da" organization-uuid="x" .client=${createStaticClient({})}></kitos-similar-landscapes>`,
    );
    expect(text(root(el).querySelector('[part~="message"]'))).to.contain('ikke tilgængelige');
  });
});
