import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStaticClient } from '../../data/fake-client.js';
import { HOSTILE_NAME } from '../../testing/fixtures/portfolio.js';
import { type RolesFixture, rolesFixture } from '../../testing/fixtures/roles.js';
import './roles.js';
import type { KitosRoles } from './roles.component.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel);
const rows = (el: Element) =>
  [...root(el).querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  );
const active = (el: Element) => root(el).activeElement as HTMLElement | null;

async function widget(f: RolesFixture, options: { as?: string; user?: string; lang?: string } = {}) {
  const el = await fixture<KitosRoles>(html`<kitos-roles organization-uuid=${f.org} lang=${options.lang ?? 'da'}
    user-uuid=${options.user ?? ''} .client=${f.client(options.as)}></kitos-roles>`);
  await waitUntil(() => q(el, 'table'), 'table');
  return el;
}

describe('<kitos-roles>', () => {
  let f: RolesFixture;
  beforeEach(async () => {
    f = await rolesFixture();
  });

  it('lists who holds which role where, by person, with inert names', async () => {
    const el = await widget(f);
    expect(q(el, '[part~="count"]')!.textContent).to.equal('5 roller');
    const persons = [...root(el).querySelectorAll<HTMLOptionElement>('#person option')].map((o) =>
      o.textContent?.trim(),
    );
    expect(persons).to.deep.equal(['Alle personer', 'Lene Test (4)', 'Sune Test (1)']);
    expect(rows(el).map((r) => r[3])).to.include(HOSTILE_NAME);
    expect(q(el, 'tbody img')).to.equal(null);
    // No person chosen: nothing to move, so no checkboxes and no transfer form.
    expect(q(el, 'tbody input')).to.equal(null);
    expect(q(el, '[part~="transfer"]')).to.equal(null);
  });

  it("shows a person's roles with the ones the reader may change ticked", async () => {
    const el = await widget(f, { as: f.contractAdmin, user: f.leaver, lang: 'en' });
    expect(q(el, '[part~="count"]')!.textContent).to.equal('4 roles');
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]')];
    expect(boxes.map((b) => [b.checked, b.disabled])).to.deep.equal([
      [false, true],
      [false, true],
      [true, false],
      [false, true],
    ]);
    expect(rows(el)[2]!.slice(2)).to.deep.equal(['IT contract', 'Driftsaftale']);
  });

  it('moves the chosen roles with the keyboard alone, after a preview in a dialog', async () => {
    const el = await widget(f, { user: f.leaver });
    // Untick the first usage's role: it stays with the leaver.
    q<HTMLInputElement>(el, 'tbody tr:first-child input')!.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !q<HTMLInputElement>(el, 'tbody tr:first-child input')!.checked, 'unticked');
    q<HTMLSelectElement>(el, '#to')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => !q<HTMLButtonElement>(el, '[part~="preview-button"]')!.disabled, 'recipient chosen');
    expect(q<HTMLSelectElement>(el, '#to')!.selectedOptions[0]!.textContent).to.contain('Anna Test');
    q<HTMLButtonElement>(el, '[part~="preview-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open, 'preview open');
    expect(q(el, '#dialog-title')!.textContent).to.equal('Overdrag roller fra Lene Test til Anna Test');
    expect(root(el).querySelectorAll('[part~="plan"] li').length).to.equal(3);
    expect(active(el)?.textContent?.trim()).to.equal('Overdrag 3 roller');
    // Escape closes without moving anything and returns focus to the preview button.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !q<HTMLDialogElement>(el, 'dialog')!.open, 'closed');
    await waitUntil(() => active(el)?.getAttribute('part') === 'preview-button', 'focus back');
    expect(
      (await f.kitos.roles.overview(f.admin, { organizationUuid: f.org, userUuid: f.leaver })).rows,
    ).to.have.length(4);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open, 'preview open again');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'kitos-roles-transferred');
    expect(event.detail.moved).to.equal(3);
    await waitUntil(() => q(el, '[part~="status"]')!.textContent === '3 roller overdraget til Anna Test.', 'status');
    const left = await f.kitos.roles.overview(f.admin, { organizationUuid: f.org, userUuid: f.leaver });
    expect(left.rows.map((r) => r.objectName)).to.deep.equal([HOSTILE_NAME]);
  });

  it('says why nothing moved when the transfer is refused, and changes nothing', async () => {
    const el = await widget(f, { user: f.leaver });
    q<HTMLSelectElement>(el, '#to')!.value = f.successor;
    q<HTMLSelectElement>(el, '#to')!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // Someone else changes a contract after the list was read: the stale version refuses the whole.
    await f.kitos.contracts.patch(f.admin, f.contract, { general: { notes: 'ændret' } });
    q<HTMLButtonElement>(el, '[part~="preview-button"]')!.click();
    await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open, 'preview open');
    expect(q(el, '[part~="plan"]')!.textContent).to.contain('Sune Test har rollen i forvejen');
    setTimeout(() => q<HTMLButtonElement>(el, '[part~="actions"] button')!.click());
    await oneEvent(el, 'kitos-error');
    await waitUntil(() => q(el, '[part~="error"]'), 'error shown');
    expect(q(el, '[part~="error"]')!.textContent).to.match(/^Intet blev overdraget/);
    const still = await f.kitos.roles.overview(f.admin, { organizationUuid: f.org, userUuid: f.leaver });
    expect(still.rows).to.have.length(4);
  });

  it('passes axe with a person chosen and with the preview open', async () => {
    const el = await widget(f, { user: f.leaver });
    await expect(el).to.be.accessible();
    q<HTMLSelectElement>(el, '#to')!.value = f.successor;
    q<HTMLSelectElement>(el, '#to')!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    q<HTMLButtonElement>(el, '[part~="preview-button"]')!.click();
    await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open, 'preview open');
    await expect(el).to.be.accessible();
  });

  it('filters by type, and says so when the client has no roles', async () => {
    const el = await widget(f);
    const kind = q<HTMLSelectElement>(el, '#kind')!;
    kind.value = 'organizationUnit';
    kind.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rows(el).map((r) => r[2])).to.deep.equal(['Organisationsenhed']);
    expect(rows(el)[0]![0]).to.equal('Lene Testlene@nordby.dk');
    const none = await fixture<KitosRoles>(html`<kitos-roles organization-uuid=${f.org}
      .client=${createStaticClient({})}></kitos-roles>`);
    await waitUntil(() => q(none, '[part~="message"]')?.textContent?.includes('datakilde'), 'not available');
  });
});
