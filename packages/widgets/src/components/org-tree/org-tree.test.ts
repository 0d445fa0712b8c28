import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HOSTILE, ORG, testClient } from '../../testing/fixtures/data.js';
import './org-tree.js';
import type { KitosOrgTree } from './org-tree.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const item = (el: Element, uuid: string) =>
  root(el).querySelector<HTMLElement>(`[role="treeitem"][data-uuid="${uuid}"]`);
const focusedUuid = (el: Element) => (root(el).activeElement as HTMLElement | null)?.dataset.uuid;

async function tree(lang = 'da') {
  const el = await fixture<KitosOrgTree>(
    html`<kitos-org-tree organization-uuid=${ORG} lang=${lang} .client=${testClient()}></kitos-org-tree>`,
  );
  await waitUntil(() => root(el).querySelector('[role="tree"]'), 'tree');
  return el;
}

describe('<kitos-org-tree>', () => {
  it('shows the units and what each is responsible for', async () => {
    const el = await tree();
    const top = item(el, 'unit-root')!;
    expect(top.getAttribute('aria-expanded')).to.equal('true');
    expect(top.getAttribute('aria-level')).to.equal('1');
    expect(top.querySelector('[part~="counts"]')!.textContent).to.equal('10 systemer, 0 kontrakter, 4 roller');
    expect(item(el, 'unit-borger')!.querySelector('[part~="counts"]')!.textContent).to.equal(
      '10 systemer, 1 kontrakt, 2 roller',
    );
    expect(item(el, 'unit-born')!.getAttribute('aria-expanded')).to.equal('false');
    expect(item(el, 'unit-skoler')).to.equal(null);
    expect([...root(el).querySelectorAll('[tabindex="0"]')].length).to.equal(1);
  });

  it('moves focus, folds and selects with the keyboard alone', async () => {
    const el = await tree();
    item(el, 'unit-root')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focusedUuid(el) === 'unit-borger', 'down');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focusedUuid(el) === 'unit-born', 'down again');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => item(el, 'unit-born')!.getAttribute('aria-expanded') === 'true', 'unfolded');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focusedUuid(el) === 'unit-skoler', 'into the child');
    expect(item(el, 'unit-skoler')!.getAttribute('aria-level')).to.equal('3');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => focusedUuid(el) === 'unit-born', 'to the parent');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => item(el, 'unit-born')!.getAttribute('aria-expanded') === 'false', 'folded');
    await sendKeys({ press: 'End' });
    await waitUntil(() => focusedUuid(el) === 'unit-hostile', 'end');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focusedUuid(el) === 'unit-root', 'home');
    await sendKeys({ press: 'b' });
    await waitUntil(() => focusedUuid(el) === 'unit-borger', 'type-ahead');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'kitos-select');
    expect(event.detail).to.deep.equal({ kind: 'unit', uuid: 'unit-borger' });
    await el.updateComplete;
    expect(item(el, 'unit-borger')!.getAttribute('aria-selected')).to.equal('true');
    expect(el.selected).to.equal('unit-borger');
    expect([...root(el).querySelectorAll('[tabindex="0"]')].map((e) => (e as HTMLElement).dataset.uuid)).to.deep.equal([
      'unit-borger',
    ]);
  });

  it('fires kitos-toggle when a unit is unfolded by click', async () => {
    const el = await tree();
    setTimeout(() => item(el, 'unit-born')!.querySelector<HTMLElement>('[part~="toggle"]')!.click());
    const event = await oneEvent(el, 'kitos-toggle');
    expect(event.detail).to.deep.equal({ uuid: 'unit-born', expanded: true });
  });

  it('passes axe, unfolded', async () => {
    const el = await tree();
    item(el, 'unit-born')!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
    await waitUntil(() => item(el, 'unit-skoler'), 'unfolded');
    await expect(el).to.be.accessible();
  });

  it('renders hostile names as inert text, and speaks English', async () => {
    const el = await tree('en');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(item(el, 'unit-hostile')!.querySelector('[part~="label"]')!.textContent).to.equal(HOSTILE);
    expect(item(el, 'unit-root')!.querySelector('[part~="counts"]')!.textContent).to.equal(
      '10 systems, 0 contracts, 4 roles',
    );
  });
});
