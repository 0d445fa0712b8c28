// "Tag et IT-system i brug" over both clients: search the catalogue, see why a system cannot be
// picked, take one into use; then permissions, axe and keyboard-only use.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KitosUsageWriter } from '../../data/client.js';
import { createStaticClient } from '../../data/fake-client.js';
import type { KitosUsageCreateDialog } from '../../internal/edit/usage-create-dialog.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import { HOSTILE_NAME } from '../../testing/fixtures/portfolio.js';
import './usage-create.js';
import type { KitosUsageCreate } from './usage-create.component.js';

const WAIT = { timeout: 10_000 };
const root = (el: Element) => el.shadowRoot as ShadowRoot;
const q = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector) as T;

async function creator(client: KitosUsageWriter, org: string) {
  const el = await fixture<KitosUsageCreate>(
    html`<kitos-usage-create organization-uuid=${org} lang="da" .client=${client}></kitos-usage-create>`,
  );
  return el;
}

async function openDialog(el: KitosUsageCreate): Promise<KitosUsageCreateDialog> {
  await waitUntil(() => q(el, '[part~="create-button"]'), 'button', WAIT);
  q(el, '[part~="create-button"]').click();
  await waitUntil(() => q(el, 'kitos-usage-create-dialog'), 'dialog', WAIT);
  const dialog = q<KitosUsageCreateDialog>(el, 'kitos-usage-create-dialog');
  await waitUntil(() => root(dialog).querySelectorAll('[part~="system"]').length > 0, 'systems', WAIT);
  return dialog;
}

function search(dialog: Element, text: string) {
  const input = q<HTMLInputElement>(dialog, '#search');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const systems = (dialog: Element) =>
  [...root(dialog).querySelectorAll('[part~="system"]')].map((s) => ({
    name: s.querySelector('label')!.textContent,
    disabled: s.querySelector('input')!.disabled,
    reason: s.querySelector('[part~="reason"]')?.textContent ?? null,
  }));

for (const [index, setup] of CLIENT_SETUPS.entries()) {
  describe(`<kitos-usage-create> over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let client: KitosUsageWriter;
    const created: string[] = [];
    before(async () => {
      s = await setup.make();
      client = s.client as KitosUsageWriter;
    });
    // The HTTP run shares one server with the other test files: leave its portfolio as it was.
    after(async () => {
      for (const uuid of created) await client.deleteUsage(uuid).catch(() => undefined);
    });

    it('searches the catalogue, refuses a system in use with the reason, and takes one into use', async () => {
      const name = index === 0 ? 'Kørsel' : 'Kvalitet';
      const el = await creator(client, s.portfolio.nordby);
      const dialog = await openDialog(el);
      expect(q<HTMLDialogElement>(dialog, 'dialog').open).to.equal(true);
      expect(root(dialog).activeElement).to.equal(q(dialog, '#search'));
      search(dialog, 'System 01');
      await waitUntil(() => systems(dialog).length === 1, 'one system', WAIT);
      expect(systems(dialog)).to.deep.equal([
        { name: 'System 01', disabled: true, reason: 'Allerede i brug i organisationen' },
      ]);
      // Submitting without a pick says what is missing and creates nothing.
      q(dialog, '[part~="create"]').click();
      await waitUntil(() => q(dialog, '[part~="error"]'), 'problem', WAIT);
      expect(q(dialog, '[part~="error"]').textContent).to.equal('Vælg et system i listen.');

      search(dialog, name);
      await waitUntil(() => systems(dialog)[0]?.name === name, 'found', WAIT);
      expect(systems(dialog)[0]).to.deep.equal({ name, disabled: false, reason: null });
      expect(q(dialog, '[part~="live"]').textContent).to.equal('1 system fundet');
      q<HTMLInputElement>(dialog, '[part~="system"] input').click();
      const saved = oneEvent(el, 'kitos-saved');
      q(dialog, '[part~="create"]').click();
      const { detail } = await saved;
      created.push(detail.uuid);
      expect(detail.action).to.equal('create');
      await waitUntil(() => !q(el, 'kitos-usage-create-dialog'), 'closed', WAIT);
      await waitUntil(() => q(el, '[part~="live"]').textContent === `${name} er taget i brug.`, 'said', WAIT);
      expect(root(el).activeElement).to.equal(q(el, '[part~="create-button"]'));
      const usage = await client.usageRecord(detail.uuid);
      expect(usage.organizationUuid).to.equal(s.portfolio.nordby);

      // Now in use, the same system is refused in the dialog.
      const again = await openDialog(el);
      search(again, name);
      await waitUntil(() => systems(again)[0]?.disabled === true, 'refused', WAIT);
      expect(systems(again)[0]?.reason).to.equal('Allerede i brug i organisationen');
      await client.deleteUsage(detail.uuid);
    });
  });
}

describe('<kitos-usage-create> permissions, axe and keyboard', () => {
  let s: ClientSetup;
  let client: KitosUsageWriter;
  before(async () => {
    s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
    client = s.client as KitosUsageWriter;
  });

  it('shows no button without the right to create, or with a client that cannot write', async () => {
    const denied = await creator({ ...client, mayCreateUsage: async () => false }, s.portfolio.nordby);
    const allowed = await creator(client, s.portfolio.nordby);
    await waitUntil(() => q(allowed, '[part~="create-button"]'), 'allowed', WAIT);
    expect(q(denied, '[part~="create-button"]')).to.equal(null);
    // Anna is no member of Sydby: the core refuses her there. The answer is awaited, so a button
    // that appeared late would be seen.
    const answers: Promise<boolean>[] = [];
    const watched: KitosUsageWriter = {
      ...client,
      mayCreateUsage: (org) => {
        const answer = client.mayCreateUsage(org);
        answers.push(answer);
        return answer;
      },
    };
    const elsewhere = await creator(watched, s.portfolio.sydby);
    const snapshot = await creator(createStaticClient({}) as KitosUsageWriter, s.portfolio.nordby);
    expect(answers.length).to.equal(1);
    expect(await answers[0]!.catch(() => false)).to.equal(false);
    await elsewhere.updateComplete;
    expect(q(elsewhere, '[part~="create-button"]')).to.equal(null);
    expect(q(snapshot, '[part~="create-button"]')).to.equal(null);
  });

  it('passes axe with the dialog open, names inert', async () => {
    const el = await creator(client, s.portfolio.nordby);
    const dialog = await openDialog(el);
    search(dialog, 'ESDH');
    await waitUntil(() => systems(dialog)[0]?.name === HOSTILE_NAME, 'hostile', WAIT);
    expect(root(dialog).querySelector('img')).to.equal(null);
    await expect(dialog).to.be.accessible();
  });

  it('works by keyboard alone: type, pick with arrows, Enter creates; Escape closes', async () => {
    const el = await creator(client, s.portfolio.nordby);
    await waitUntil(() => q(el, '[part~="create-button"]'), 'button', WAIT);
    q(el, '[part~="create-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-usage-create-dialog'), 'dialog', WAIT);
    const dialog = q<KitosUsageCreateDialog>(el, 'kitos-usage-create-dialog');
    await waitUntil(() => root(dialog).activeElement === q(dialog, '#search'), 'focus', WAIT);
    await sendKeys({ type: 'Kantine' });
    await waitUntil(() => systems(dialog).length === 1 && systems(dialog)[0]?.name === 'Kantine', 'found', WAIT);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(q<HTMLInputElement>(dialog, '[part~="system"] input').checked).to.equal(true);
    const saved = oneEvent(el, 'kitos-saved');
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    await waitUntil(() => root(el).activeElement === q(el, '[part~="create-button"]'), 'focus back', WAIT);
    await client.deleteUsage(detail.uuid);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-usage-create-dialog'), 'dialog again', WAIT);
    const second = q<KitosUsageCreateDialog>(el, 'kitos-usage-create-dialog');
    await waitUntil(() => root(second).activeElement === q(second, '#search'), 'focus again', WAIT);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !q(el, 'kitos-usage-create-dialog'), 'closed', WAIT);
    expect(root(el).activeElement).to.equal(q(el, '[part~="create-button"]'));
  });
});
