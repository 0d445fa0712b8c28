// The contract card's edit mode and <kitos-contract-create> over both clients (the in-page core and
// the HTTP client on a real server): create a contract, edit it with checks while typing, lose a
// race to another save and re-apply, delete it with the consequences the core reports; axe and
// keyboard-only use.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { KitosNotFoundError, KitosValidationError, optionSeedUuid } from '@os2kitos/core';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/contract-card/contract-card.js';
import '../../components/contract-create/contract-create.js';
import type { KitosContractCard } from '../../components/contract-card/contract-card.component.js';
import type { KitosContractCreate } from '../../components/contract-create/contract-create.component.js';
import type { KitosContractWriter } from '../../data/client.js';
import { createStaticClient } from '../../data/fake-client.js';
import {
  choose,
  errorOf,
  field,
  openCard,
  openEditorOf,
  q,
  root,
  text,
  tick,
  type,
  WAIT,
} from '../../testing/fixtures/edit-harness.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import type { KitosContractCreateDialog } from './contract-create-dialog.js';
import type { KitosContractDelete } from './contract-delete.js';
import type { KitosContractEditor } from './contract-editor.js';

const card = (client: KitosContractWriter, uuid: string, lang = 'da') =>
  openCard<KitosContractCard>('contract', client, uuid, lang);
const openEditor = (el: KitosContractCard) => openEditorOf<KitosContractEditor>(el, 'contract');

const HOVEDKONTRAKT = optionSeedUuid('it-contract-contract-types', 'Hovedkontrakt');
const KONTRAKTEJER = optionSeedUuid('it-contract-role-types', 'Kontraktejer');
const SIX_MONTHS = optionSeedUuid('it-contract-notice-period-month-types', '6');

for (const setup of CLIENT_SETUPS) {
  describe(`contract editing over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let client: KitosContractWriter;
    let uuid: string;
    let child: string;
    const name = `Rammeaftale ${setup.name}`;

    before(async () => {
      s = await setup.make();
      client = s.client as KitosContractWriter;
      uuid = (await client.createContract({ organizationUuid: s.portfolio.nordby, name })).uuid;
      child = (await client.createContract({ organizationUuid: s.portfolio.nordby, name: `Tillæg ${setup.name}` }))
        .uuid;
      await client.patchContract(child, { parentContractUuid: uuid });
    });

    // The HTTP runs share one server with the other test files: leave its portfolio as it was.
    after(async () => {
      await client.deleteContract(child).catch(() => undefined);
      await client.deleteContract(uuid).catch(() => undefined);
    });

    it('refuses a second contract with the same name, with a typed conflict', async () => {
      const error = await client.createContract({ organizationUuid: s.portfolio.nordby, name }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as Error).name).to.equal('KitosConflictError');
    });

    it('edits the contract, supplier, terms, economy and roles with checks while typing, and saves', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      await waitUntil(() => root(editor).activeElement === field(editor, 'name'), 'focus', WAIT);
      // Groups as KITOS has them.
      const groups = [...root(editor).querySelectorAll('[part~="group-title"]')].map((l) => l.textContent?.trim());
      expect(groups).to.deep.equal([
        'Kontraktforhold',
        'Leverandør',
        'Aftaleperiode og opsigelse',
        'Økonomi',
        'Kontraktroller',
      ]);
      type(editor, 'name', ' ');
      await editor.updateComplete;
      expect(errorOf(editor, 'name')).to.not.equal(null);
      type(editor, 'name', `${name} (rettet)`);
      type(editor, 'general.validity.validFrom', '01-02-2025');
      type(editor, 'general.validity.validTo', '01-01-2025');
      await editor.updateComplete;
      expect(errorOf(editor, 'name')).to.equal(null);
      expect(errorOf(editor, 'general.validity.validTo')).to.equal('Slutdatoen ligger før startdatoen');
      type(editor, 'general.validity.validTo', '31-12-2027');
      type(editor, 'agreementPeriod.irrevocableUntil', '30-02-2026');
      await editor.updateComplete;
      expect(errorOf(editor, 'agreementPeriod.irrevocableUntil')).to.equal(
        'Skriv datoen som dd-mm-åååå, fx 31-12-2025',
      );
      type(editor, 'agreementPeriod.irrevocableUntil', '');
      // An option with Nordby's own description shows it, read with the list.
      choose(editor, 'general.contractTypeUuid', HOVEDKONTRAKT);
      await editor.updateComplete;
      expect(q(editor, '#f-general-contractTypeUuid-desc').textContent).to.equal(
        'Den kontrakt, der dækker et helt system',
      );
      expect(field(editor, 'general.contractTypeUuid').getAttribute('aria-describedby')).to.contain(
        'f-general-contractTypeUuid-desc',
      );
      // Any unit of the tree can be responsible.
      choose(editor, 'responsible.organizationUnitUuid', s.portfolio.units.drift);
      // Suppliers are the organisations the actor may see (Sydby's is not one of them).
      const suppliers = [...field<HTMLSelectElement>(editor, 'supplier.organizationUuid').options].map((o) => o.text);
      expect(suppliers).to.deep.equal([
        '— Vælg —',
        'Fælles Kommune',
        'Nordby Kommune',
        'Vestby Kommune',
        'Østby Kommune',
      ]);
      choose(editor, 'supplier.organizationUuid', s.portfolio.nordby);
      tick(editor, 'supplier.signed', true);
      type(editor, 'supplier.signedAt', '15-01-2025');
      // A continuous period has no years: the core's rule, while typing.
      tick(editor, 'agreementPeriod.isContinuous', true);
      type(editor, 'agreementPeriod.durationYears', '3');
      await editor.updateComplete;
      expect(errorOf(editor, 'agreementPeriod.durationYears')).to.not.equal(null);
      type(editor, 'agreementPeriod.durationYears', '');
      choose(editor, 'termination.terms.noticePeriodMonthsUuid', SIX_MONTHS);
      choose(editor, 'termination.terms.noticeByEndOf', 'EndOfQuarter');
      type(editor, 'paymentModel.operationsRemunerationStartedAt', '01-03-2025');
      const roleSelect = q<HTMLSelectElement>(editor, '#new-role');
      roleSelect.value = KONTRAKTEJER;
      roleSelect.dispatchEvent(new Event('change'));
      const user = q<HTMLSelectElement>(editor, '#new-role-user');
      user.value = s.portfolio.anna;
      user.dispatchEvent(new Event('change'));
      await editor.updateComplete;
      q(editor, '[part~="add-role-button"]').click();
      await editor.updateComplete;
      expect(q(editor, '[part~="role-list"]').textContent).to.contain('Kontraktejer: Anna Test');

      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="save"]').click();
      const { detail } = await saved;
      expect(detail.kind).to.equal('contracts');
      expect(detail.action).to.equal('update');
      expect(detail.fields).to.include.members([
        'name',
        'supplier.organizationUuid',
        'roles',
        'agreementPeriod.isContinuous',
      ]);
      await waitUntil(() => q(el, '[part~="title"]')?.textContent?.includes('(rettet)'), 'card', WAIT);
      expect(q(el, '[part~="live"]').textContent).to.equal('Ændringerne er gemt.');
      expect(root(el).activeElement).to.equal(q(el, '[part~="edit-button"]'));
      const record = await client.contractRecord(uuid);
      expect(record.version).to.equal(detail.version);
      expect(record.general.validity).to.deep.include({ validFrom: '2025-02-01', validTo: '2027-12-31' });
      expect(record.general.contractTypeUuid).to.equal(HOVEDKONTRAKT);
      expect(record.responsible.organizationUnitUuid).to.equal(s.portfolio.units.drift);
      expect(record.supplier).to.deep.include({
        organizationUuid: s.portfolio.nordby,
        signed: true,
        signedAt: '2025-01-15',
      });
      expect(record.agreementPeriod).to.deep.include({ isContinuous: true, durationYears: null });
      expect(record.termination.terms).to.deep.equal({
        noticePeriodMonthsUuid: SIX_MONTHS,
        noticePeriodExtendsCurrent: null,
        noticeByEndOf: 'EndOfQuarter',
      });
      expect(record.paymentModel.operationsRemunerationStartedAt).to.equal('2025-03-01');
      expect(record.roles).to.deep.equal([{ roleUuid: KONTRAKTEJER, userUuid: s.portfolio.anna }]);
      expect(text(el)).to.contain('Anna Test');
    });

    it('keeps what the user typed when someone else saved first, shows their fields, and re-applies', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      const before = await client.contractRecord(uuid);
      await client.patchContract(uuid, { general: { notes: 'Deres note' }, supplier: { signedBy: 'Lene Leverandør' } });
      type(editor, 'general.contractId', 'K-100');
      type(editor, 'general.notes', 'Min note');
      await editor.updateComplete;
      const conflict = oneEvent(el, 'kitos-conflict');
      q(editor, '[part~="save"]').click();
      const { detail } = await conflict;
      expect(detail.kind).to.equal('contracts');
      expect(detail.expectedVersion).to.equal(before.version);
      expect(detail.actualVersion).to.equal(before.version + 1);
      expect([...detail.theirFields].sort()).to.deep.equal(['general.notes', 'supplier.signedBy']);
      expect(detail.bothFields).to.deep.equal(['general.notes']);
      await editor.updateComplete;
      expect(text(editor)).to.contain(
        'Ændret af en anden siden du åbnede formularen: Bemærkninger, Underskrevet af (leverandør).',
      );
      expect(field(editor, 'general.contractId').value).to.equal('K-100');
      expect(q(editor, '[data-field="supplier.signedBy"] [part~="changed"]')).to.not.equal(null);
      expect(root(editor).activeElement).to.equal(q(editor, '[part~="reapply"]'));

      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="reapply"]').click();
      await saved;
      const record = await client.contractRecord(uuid);
      expect(record.general.contractId).to.equal('K-100');
      expect(record.general.notes).to.equal('Min note');
      expect(record.supplier.signedBy).to.equal('Lene Leverandør');
    });

    it('loads the other version on request, dropping what the user typed', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      await client.patchContract(uuid, { general: { notes: 'Fra en anden' } });
      type(editor, 'general.notes', 'Min anden note');
      const conflict = oneEvent(el, 'kitos-conflict');
      q(editor, '[part~="save"]').click();
      await conflict;
      await editor.updateComplete;
      q(editor, '[part~="reload"]').click();
      await editor.updateComplete;
      expect(field<HTMLTextAreaElement>(editor, 'general.notes').value).to.equal('Fra en anden');
      expect(q(editor, '[part~="conflict"]')).to.equal(null);
    });

    it('passes axe in the edit mode, with a conflict and an error shown', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      await client.patchContract(uuid, { general: { contractId: 'K-200' } });
      const conflict = oneEvent(el, 'kitos-conflict');
      type(editor, 'supplier.signedBy', 'Mig');
      q(editor, '[part~="save"]').click();
      await conflict;
      await editor.updateComplete;
      type(editor, 'termination.terminatedAt', '99-99-2025');
      await editor.updateComplete;
      expect(errorOf(editor, 'termination.terminatedAt')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('deletes the contract after spelling out what the core reports, asking again after a change', async () => {
      const el = await card(client, uuid);
      q(el, '[part~="delete-button"]').click();
      await waitUntil(() => q(el, 'kitos-contract-delete'), 'dialog', WAIT);
      const dialog = q<KitosContractDelete>(el, 'kitos-contract-delete');
      await waitUntil(() => q(dialog, '[part~="consequences"]'), 'consequences', WAIT);
      expect(q<HTMLDialogElement>(dialog, 'dialog').open).to.equal(true);
      expect(text(dialog)).to.contain('1 rolletildeling');
      expect(text(dialog)).to.contain(`1 underkontrakt bliver selvstændige: Tillæg ${setup.name}`);
      expect(text(dialog)).to.contain('Denne handling kan ikke fortrydes.');
      expect(root(dialog).activeElement).to.equal(q(dialog, '[part~="cancel"]'));
      await expect(dialog).to.be.accessible();
      // Someone changes it while the question is open: the delete is refused and asked again.
      await client.patchContract(uuid, { general: { notes: 'Ændret undervejs' } });
      const refused = oneEvent(el, 'kitos-error');
      q(dialog, '[part~="confirm-delete"]').click();
      expect((await refused).detail.operation).to.equal('deleteContract');
      await waitUntil(() => text(dialog).includes('ændret i mellemtiden'), 'asked again', WAIT);
      expect((await client.contractRecord(uuid)).uuid).to.equal(uuid);
      const deleted = oneEvent(el, 'kitos-deleted');
      q(dialog, '[part~="confirm-delete"]').click();
      const { detail } = await deleted;
      expect(detail).to.deep.equal({ kind: 'contracts', uuid });
      await waitUntil(() => q(el, '[part~="live"]').textContent?.includes('er slettet'), 'deleted', WAIT);
      expect(q(el, '[part~="card"]')).to.equal(null);
      const error = await client.contractCard(uuid).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(KitosNotFoundError);
      // The sub-contract was kept, now top-level, as the dialog said.
      expect((await client.contractRecord(child)).parentContractUuid).to.equal(null);
    });
  });

  describe(`<kitos-contract-create> over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let client: KitosContractWriter;
    const created: string[] = [];
    before(async () => {
      s = await setup.make();
      client = s.client as KitosContractWriter;
    });
    after(async () => {
      for (const uuid of created) await client.deleteContract(uuid).catch(() => undefined);
    });

    it('creates a contract by name, refusing a blank name and one already used, at the field', async () => {
      const el = await fixture<KitosContractCreate>(
        html`<kitos-contract-create organization-uuid=${s.portfolio.nordby} lang="da" .client=${client}></kitos-contract-create>`,
      );
      await waitUntil(() => q(el, '[part~="create-button"]'), 'button', WAIT);
      expect(q(el, '[part~="create-button"]').textContent?.trim()).to.equal('Ny kontrakt');
      q(el, '[part~="create-button"]').click();
      await waitUntil(() => q(el, 'kitos-contract-create-dialog'), 'dialog', WAIT);
      const dialog = q<KitosContractCreateDialog>(el, 'kitos-contract-create-dialog');
      await dialog.updateComplete;
      const input = q<HTMLInputElement>(dialog, '#name');
      expect(root(dialog).activeElement).to.equal(input);
      q(dialog, '[part~="create"]').click();
      await dialog.updateComplete;
      expect(q(dialog, '#name-error').textContent).to.not.equal('');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      input.value = 'ESDH drift';
      input.dispatchEvent(new Event('input'));
      const refused = oneEvent(el, 'kitos-error');
      q(dialog, '[part~="create"]').click();
      expect((await refused).detail.operation).to.equal('createContract');
      await waitUntil(
        () => q(dialog, '#name-error')?.textContent === 'Navnet er allerede brugt i organisationen',
        'taken',
        WAIT,
      );
      await expect(dialog).to.be.accessible();
      input.value = `Ny aftale ${setup.name}`;
      input.dispatchEvent(new Event('input'));
      const saved = oneEvent(el, 'kitos-saved');
      q(dialog, '[part~="create"]').click();
      const { detail } = await saved;
      created.push(detail.uuid);
      expect(detail).to.deep.include({ kind: 'contracts', action: 'create', version: 1 });
      await waitUntil(() => !q(el, 'kitos-contract-create-dialog'), 'closed', WAIT);
      expect(q(el, '[part~="live"]').textContent).to.equal(`Kontrakten Ny aftale ${setup.name} er oprettet.`);
      expect(root(el).activeElement).to.equal(q(el, '[part~="create-button"]'));
      expect((await client.contractRecord(detail.uuid)).name).to.equal(`Ny aftale ${setup.name}`);
    });
  });
}

describe('contract editing, permissions, English and keyboard', () => {
  let s: ClientSetup;
  let client: KitosContractWriter;
  before(async () => {
    s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
    client = s.client as KitosContractWriter;
  });

  it('shows no edit controls without the right, or with a client that cannot write', async () => {
    const readOnly: KitosContractWriter = {
      ...client,
      contractCard: async (u) => ({
        ...(await client.contractCard(u)),
        permissions: { read: true, modify: false, delete: false },
      }),
    };
    const el = await card(readOnly, s.portfolio.contract);
    expect(q(el, '[part~="edit-button"]')).to.equal(null);
    expect(q(el, '[part~="delete-button"]')).to.equal(null);
    const deleteOnly: KitosContractWriter = {
      ...client,
      contractCard: async (u) => ({
        ...(await client.contractCard(u)),
        permissions: { read: true, modify: false, delete: true },
      }),
    };
    const deleting = await card(deleteOnly, s.portfolio.contract);
    expect(q(deleting, '[part~="edit-button"]')).to.equal(null);
    expect(q(deleting, '[part~="delete-button"]')).to.not.equal(null);
    const snapshot = createStaticClient({ contractCards: [await client.contractCard(s.portfolio.contract)] });
    const staticCard = await card(snapshot as KitosContractWriter, s.portfolio.contract);
    expect(text(staticCard)).to.contain('ESDH drift');
    expect(q(staticCard, '[part~="edit-button"]')).to.equal(null);
    const create = await fixture<KitosContractCreate>(
      html`<kitos-contract-create organization-uuid=${s.portfolio.nordby} .client=${snapshot}></kitos-contract-create>`,
    );
    await create.updateComplete;
    expect(q(create, '[part~="create-button"]')).to.equal(null);
    const refusing = await fixture<KitosContractCreate>(
      html`<kitos-contract-create organization-uuid=${s.portfolio.nordby}
        .client=${{ ...client, mayCreateContract: async () => false }}></kitos-contract-create>`,
    );
    await refusing.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(q(refusing, '[part~="create-button"]')).to.equal(null);
  });

  it("shows the server's validation issue at the field it concerns, in English", async () => {
    const refusing: KitosContractWriter = {
      ...client,
      patchContract: async () => {
        throw new KitosValidationError('contract', [
          { path: ['supplier', 'signedBy'], code: 'too-big', message: 'too long' },
        ]);
      },
    };
    const el = await card(refusing, s.portfolio.spareContract, 'en');
    const editor = await openEditor(el);
    const groups = [...root(editor).querySelectorAll('[part~="group-title"]')].map((l) => l.textContent?.trim());
    expect(groups).to.deep.equal(['Contract', 'Supplier', 'Agreement period and notice', 'Economy', 'Contract roles']);
    type(editor, 'supplier.signedBy', 'Someone');
    q(editor, '[part~="save"]').click();
    await waitUntil(() => errorOf(editor, 'supplier.signedBy'), 'issue shown', WAIT);
    expect(errorOf(editor, 'supplier.signedBy')).to.equal('Too big or too long');
    expect(q(editor, '[part~="live"]').textContent).to.equal('KITOS refused the change. See the fields marked below.');
    expect(root(editor).activeElement).to.equal(field(editor, 'supplier.signedBy'));
  });

  it('is operable by keyboard alone: edit and save with Enter, create, and Escape closes the delete dialog', async () => {
    const el = await card(client, s.portfolio.spareContract);
    q(el, '[part~="edit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-contract-editor'), 'editor', WAIT);
    const editor = q<KitosContractEditor>(el, 'kitos-contract-editor');
    await waitUntil(() => root(editor).activeElement === field(editor, 'name'), 'focus', WAIT);
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' 2' });
    const saved = oneEvent(el, 'kitos-saved');
    await sendKeys({ press: 'Enter' });
    expect((await saved).detail.fields).to.deep.equal(['name']);
    await waitUntil(() => root(el).activeElement === q(el, '[part~="edit-button"]'), 'focus back', WAIT);
    expect((await client.contractRecord(s.portfolio.spareContract)).name).to.equal('Serviceaftale 2');

    q(el, '[part~="delete-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-contract-delete'), 'dialog', WAIT);
    const dialog = q<KitosContractDelete>(el, 'kitos-contract-delete');
    await waitUntil(() => root(dialog).activeElement === q(dialog, '[part~="cancel"]'), 'dialog focus', WAIT);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !q(el, 'kitos-contract-delete'), 'dialog closed', WAIT);
    expect(root(el).activeElement).to.equal(q(el, '[part~="delete-button"]'));
    expect((await client.contractRecord(s.portfolio.spareContract)).uuid).to.equal(s.portfolio.spareContract);

    const create = await fixture<KitosContractCreate>(
      html`<kitos-contract-create organization-uuid=${s.portfolio.nordby} .client=${client}></kitos-contract-create>`,
    );
    await waitUntil(() => q(create, '[part~="create-button"]'), 'button', WAIT);
    q(create, '[part~="create-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(create, 'kitos-contract-create-dialog'), 'dialog', WAIT);
    const createDialog = q<KitosContractCreateDialog>(create, 'kitos-contract-create-dialog');
    await waitUntil(() => root(createDialog).activeElement === q(createDialog, '#name'), 'name focus', WAIT);
    await sendKeys({ type: 'Tastaturaftale' });
    const made = oneEvent(create, 'kitos-saved');
    await sendKeys({ press: 'Enter' });
    const { detail } = await made;
    expect((await client.contractRecord(detail.uuid)).name).to.equal('Tastaturaftale');
    await client.deleteContract(detail.uuid);
  });
});
