import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStaticClient } from '../../data/fake-client.js';
import { createInPageClient } from '../../data/in-page-client.js';
import { httpClientAs, testServer } from '../../testing/fixtures/clients.js';
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

/** Catches the files the widget offers for download (instead of saving them), until restored. */
function catchDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    const url = create.call(URL, b);
    blobs.set(url, b as Blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  };
  return {
    files,
    restore() {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

describe('<kitos-roles> XLSX export', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => {
    downloads = catchDownloads();
  });
  afterEach(() => downloads.restore());

  it('in the page: writes the roles shown with the workbook writer it was given, from the keyboard', async () => {
    const f = await rolesFixture();
    // The fixture's client was given no workbook writer: CSV only.
    const plain = await widget(f);
    expect(q(plain, '[part~="export-xlsx"]')).to.equal(null);
    const given: { names: string[]; language: string }[] = [];
    const client = createInPageClient(f.kitos, f.admin, {
      rolesWorkbook: async (overview, { language }) => {
        given.push({ names: overview.rows.map((r) => r.objectName), language });
        return { fileName: 'roles.xlsx', mediaType: 'application/x-test', data: new Uint8Array([0x50, 0x4b]) };
      },
    });
    const el = await fixture<KitosRoles>(html`<kitos-roles organization-uuid=${f.org} lang="en"
      user-uuid=${f.leaver} .client=${client}></kitos-roles>`);
    await waitUntil(() => q(el, 'table'), 'table');
    const kind = q<HTMLSelectElement>(el, '#kind')!;
    kind.value = 'itSystemUsage';
    kind.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rows(el)).to.have.length(2);
    const button = q<HTMLButtonElement>(el, '[part~="export-xlsx"]')!;
    expect(button.textContent?.trim()).to.equal('Export to Excel');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => downloads.files.length === 1, 'downloaded');
    const shown = await f.kitos.roles.overview(f.admin, {
      organizationUuid: f.org,
      userUuid: f.leaver,
      objectKinds: ['itSystemUsage'],
    });
    expect(given).to.deep.equal([{ names: shown.rows.map((r) => r.objectName), language: 'en' }]);
    expect(downloads.files[0]!.name).to.equal('roles.xlsx');
    expect(downloads.files[0]!.blob.type).to.equal('application/x-test');
    await expect(el).to.be.accessible();
  });

  it('over HTTP: downloads the workbook the server writes for the roles shown', async () => {
    const anna = await httpClientAs('anna');
    const { portfolio } = await testServer();
    const choices = await anna.usageEditChoices(portfolio.nordby);
    const role = choices.roles[0]!;
    const before = await anna.usageRecord!(portfolio.spareUsage);
    // The test portfolio holds no roles: give Anna one on the spare usage, and take it back after.
    await anna.patchUsage(portfolio.spareUsage, { roles: [{ roleUuid: role.uuid, userUuid: portfolio.anna }] });
    try {
      const el = await fixture<KitosRoles>(html`<kitos-roles organization-uuid=${portfolio.nordby}
        .client=${anna}></kitos-roles>`);
      await waitUntil(() => q(el, 'table'), 'table', { timeout: 10_000 });
      expect(rows(el)).to.have.length(1);
      q<HTMLButtonElement>(el, '[part~="export-xlsx"]')!.click();
      await waitUntil(() => downloads.files.length === 1, 'downloaded', { timeout: 10_000 });
      const [file] = downloads.files;
      expect(file!.name).to.equal('roller.xlsx');
      expect(file!.blob.type).to.contain('spreadsheetml');
      const bytes = new Uint8Array(await file!.blob.arrayBuffer());
      expect([bytes[0], bytes[1]]).to.deep.equal([0x50, 0x4b]);
      expect(bytes.length).to.be.greaterThan(1000);
      expect(q(el, '[part~="error"]')).to.equal(null);
    } finally {
      await anna.patchUsage(portfolio.spareUsage, { roles: before.roles });
    }
  });
});
