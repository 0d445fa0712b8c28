// The usage card's edit mode over both clients (the in-page core and the HTTP client on a real
// server): take a system into use, edit it with checks while typing, close a GDPR gate, lose a race
// to another save and re-apply, remove it with its consequences shown; axe and keyboard-only use.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { KitosNotFoundError, KitosValidationError } from '@os2kitos/core';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/usage-card/usage-card.js';
import type { KitosUsageCard } from '../../components/usage-card/usage-card.component.js';
import type { KitosContractWriter, KitosUsageWriter } from '../../data/client.js';
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
  type,
  WAIT,
} from '../../testing/fixtures/edit-harness.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import type { KitosUsageDelete } from './usage-delete.js';
import type { KitosUsageEditor } from './usage-editor.js';

const card = (client: KitosUsageWriter, uuid: string, lang = 'da') =>
  openCard<KitosUsageCard>('usage', client, uuid, lang);
const openEditor = (el: KitosUsageCard) => openEditorOf<KitosUsageEditor>(el, 'usage');

function checkUnit(editor: Element, name: string) {
  const label = [...root(editor).querySelectorAll('[part~="unit-tree"] label')].find(
    (l) => l.textContent?.trim() === name,
  ) as HTMLLabelElement;
  label.querySelector('input')!.click();
}

for (const [index, setup] of CLIENT_SETUPS.entries()) {
  describe(`usage editing over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let client: KitosUsageWriter;
    let uuid: string;

    before(async () => {
      s = await setup.make();
      client = s.client as KitosUsageWriter;
      const created = await client.createUsage({
        organizationUuid: s.portfolio.nordby,
        systemUuid: s.portfolio.freeSystems[index] as string,
      });
      uuid = created.uuid;
    });

    // The HTTP runs share one server with the other test files: leave its portfolio as it was, also
    // when a test failed before the delete test.
    after(async () => {
      await client.deleteUsage(uuid).catch(() => undefined);
    });

    it('refuses taking the same system into use twice, with a typed conflict', async () => {
      const error = await client
        .createUsage({ organizationUuid: s.portfolio.nordby, systemUuid: s.portfolio.freeSystems[index] as string })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect((error as Error).name).to.equal('KitosConflictError');
    });

    it('edits general, organisation and GDPR fields with checks while typing, and saves', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      await waitUntil(() => root(editor).activeElement === field(editor, 'general.localCallName'), 'focus', WAIT);
      type(editor, 'general.localCallName', 'Min kalender');
      type(editor, 'general.validity.validFrom', '31-02-2025');
      await editor.updateComplete;
      expect(errorOf(editor, 'general.validity.validFrom')).to.equal('Skriv datoen som dd-mm-åååå, fx 31-12-2025');
      expect(field(editor, 'general.validity.validFrom').getAttribute('aria-invalid')).to.equal('true');
      type(editor, 'general.validity.validFrom', '01-02-2025');
      type(editor, 'general.validity.validTo', '01-01-2025');
      await editor.updateComplete;
      expect(errorOf(editor, 'general.validity.validFrom')).to.equal(null);
      expect(errorOf(editor, 'general.validity.validTo')).to.equal('Datoerne er i forkert rækkefølge');
      type(editor, 'general.validity.validTo', '31-12-2027');
      choose(editor, 'general.validity.lifeCycleStatus', 'Operational');
      // The filter narrows the tree to matching units and their parents.
      const filter = q<HTMLInputElement>(editor, '#unit-filter');
      filter.value = 'dri';
      filter.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await editor.updateComplete;
      const shown = () =>
        [...root(editor).querySelectorAll('[part~="unit-tree"] label')].map((l) => l.textContent?.trim());
      expect(shown()).to.deep.equal(['Nordby Kommune', 'IT', 'Drift']);
      checkUnit(editor, 'IT');
      filter.value = '';
      filter.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await editor.updateComplete;
      expect(shown()).to.deep.equal(['Nordby Kommune', 'IT', 'Drift', 'Skole']);
      choose(editor, 'organizationUsage.responsibleUnitUuid', s.portfolio.units.it);
      // A role for a member of the organisation; the same pair cannot be added twice.
      const roleSelect = q<HTMLSelectElement>(editor, '#new-role');
      const firstRole = roleSelect.options[1] as HTMLOptionElement;
      const pickRole = () => {
        roleSelect.value = firstRole.value;
        roleSelect.dispatchEvent(new Event('change'));
        const user = q<HTMLSelectElement>(editor, '#new-role-user');
        user.value = s.portfolio.anna;
        user.dispatchEvent(new Event('change'));
      };
      pickRole();
      await editor.updateComplete;
      q(editor, '[part~="add-role-button"]').click();
      await editor.updateComplete;
      expect(q(editor, '[part~="role-list"]').textContent).to.contain(`${firstRole.textContent?.trim()}: Anna Test`);
      pickRole();
      await editor.updateComplete;
      expect(q<HTMLButtonElement>(editor, '[part~="add-role-button"]').disabled).to.equal(true);
      expect(text(editor)).to.contain('Brugeren har allerede den rolle.');

      expect(field(editor, 'gdpr.riskAssessmentConductedDate')).to.equal(null);
      choose(editor, 'gdpr.riskAssessmentConducted', 'Yes');
      await editor.updateComplete;
      type(editor, 'gdpr.riskAssessmentConductedDate', '15-03-2025');
      await editor.updateComplete;

      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="save"]').click();
      const { detail } = await saved;
      expect(detail.action).to.equal('update');
      expect(detail.fields).to.include.members(['general.localCallName', 'roles', 'gdpr.riskAssessmentConductedDate']);
      await waitUntil(() => q(el, '[part~="subtitle"]')?.textContent?.includes('Min kalender'), 'card', WAIT);
      expect(q(el, '[part~="live"]').textContent).to.equal('Ændringerne er gemt.');
      expect(root(el).activeElement).to.equal(q(el, '[part~="edit-button"]'));
      const record = await client.usageRecord(uuid);
      expect(record.version).to.equal(detail.version);
      expect(record.general.validity).to.deep.equal({
        validFrom: '2025-02-01',
        validTo: '2027-12-31',
        lifeCycleStatus: 'Operational',
      });
      expect(record.organizationUsage).to.deep.equal({
        usingUnitUuids: [s.portfolio.units.it],
        responsibleUnitUuid: s.portfolio.units.it,
      });
      expect(record.gdpr.riskAssessmentConductedDate).to.equal('2025-03-15');
      expect(record.roles).to.deep.equal([{ roleUuid: firstRole.value, userUuid: s.portfolio.anna }]);
      expect(text(el)).to.contain('Anna Test');
    });

    it('says a GDPR answer other than Yes clears the details, and the save clears them', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      expect(field(editor, 'gdpr.riskAssessmentConductedDate').value).to.equal('15-03-2025');
      choose(editor, 'gdpr.riskAssessmentConducted', 'No');
      await editor.updateComplete;
      expect(field(editor, 'gdpr.riskAssessmentConductedDate')).to.equal(null);
      expect(text(editor)).to.contain('Når du gemmer, ryddes: Dato for risikovurdering.');
      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="save"]').click();
      await saved;
      const record = await client.usageRecord(uuid);
      expect(record.gdpr.riskAssessmentConducted).to.equal('No');
      expect(record.gdpr.riskAssessmentConductedDate).to.equal(null);
    });

    it('keeps what the user typed when someone else saved first, shows their fields, and re-applies', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      const before = await client.usageRecord(uuid);
      // Someone else saves while the form is open.
      await client.patchUsage(uuid, { gdpr: { purpose: 'Deres formål' }, general: { systemVersion: '2.0' } });
      type(editor, 'general.localCallName', 'Mit navn');
      type(editor, 'gdpr.purpose', 'Mit formål');
      await editor.updateComplete;
      const conflict = oneEvent(el, 'kitos-conflict');
      q(editor, '[part~="save"]').click();
      const { detail } = await conflict;
      expect(detail.expectedVersion).to.equal(before.version);
      expect(detail.actualVersion).to.equal(before.version + 1);
      expect([...detail.theirFields].sort()).to.deep.equal(['gdpr.purpose', 'general.systemVersion']);
      expect(detail.bothFields).to.deep.equal(['gdpr.purpose']);
      await editor.updateComplete;
      expect(text(editor)).to.contain('Ændret af en anden siden du åbnede formularen: Version, Behandlingsformål.');
      expect(text(editor)).to.contain('I har begge ændret: Behandlingsformål.');
      expect(field(editor, 'general.localCallName').value).to.equal('Mit navn');
      expect(root(editor).activeElement).to.equal(q(editor, '[part~="reapply"]'));
      expect(q<HTMLButtonElement>(editor, '[part~="save"]').disabled).to.equal(true);

      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="reapply"]').click();
      await saved;
      const record = await client.usageRecord(uuid);
      expect(record.general.localCallName).to.equal('Mit navn');
      expect(record.gdpr.purpose).to.equal('Mit formål');
      // Their change to a field the user left alone stays.
      expect(record.general.systemVersion).to.equal('2.0');
    });

    it('loads the other version on request, dropping what the user typed', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      await client.patchUsage(uuid, { general: { notes: 'Fra en anden' } });
      type(editor, 'general.notes', 'Min note');
      const conflict = oneEvent(el, 'kitos-conflict');
      q(editor, '[part~="save"]').click();
      await conflict;
      await editor.updateComplete;
      q(editor, '[part~="reload"]').click();
      await editor.updateComplete;
      expect(field<HTMLTextAreaElement>(editor, 'general.notes').value).to.equal('Fra en anden');
      expect(q(editor, '[part~="conflict"]')).to.equal(null);
    });

    it('passes axe in the edit mode, with a conflict shown', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      type(editor, 'general.validity.validFrom', 'i går');
      choose(editor, 'gdpr.dpiaConducted', 'Yes');
      await client.patchUsage(uuid, { general: { systemVersion: '3.0' } });
      const conflict = oneEvent(el, 'kitos-conflict');
      type(editor, 'general.validity.validFrom', '');
      q(editor, '[part~="save"]').click();
      await conflict;
      await editor.updateComplete;
      type(editor, 'general.validity.validTo', '99-99-2025');
      await editor.updateComplete;
      expect(errorOf(editor, 'general.validity.validTo')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('removes the usage after spelling out the consequences the core reports', async () => {
      // A contract covering the usage: the dialog names it, and the delete lets it go.
      const writer = client as KitosUsageWriter & KitosContractWriter;
      const covering = await writer.createContract({
        organizationUuid: s.portfolio.nordby,
        name: `Dækning ${setup.name}`,
      });
      await writer.patchContract(covering.uuid, { systemUsageUuids: [uuid] });
      const el = await card(client, uuid);
      q(el, '[part~="delete-button"]').click();
      await waitUntil(() => q(el, 'kitos-usage-delete'), 'dialog', WAIT);
      const dialog = q<KitosUsageDelete>(el, 'kitos-usage-delete');
      await waitUntil(() => q(dialog, '[part~="consequences"]'), 'consequences', WAIT);
      expect(q<HTMLDialogElement>(dialog, 'dialog').open).to.equal(true);
      expect(text(dialog)).to.contain('tilknytningen til 1 organisationsenhed');
      expect(text(dialog)).to.contain('Denne handling kan ikke fortrydes.');
      expect(text(dialog)).to.contain('1 rolletildeling');
      expect(text(dialog)).not.to.contain('0 lokale referencer');
      expect(text(dialog)).to.contain(`tilknytningen til 1 kontrakt (kontrakterne bevares): Dækning ${setup.name}`);
      expect(root(dialog).activeElement).to.equal(q(dialog, '[part~="cancel"]'));
      await expect(dialog).to.be.accessible();
      const deleted = oneEvent(el, 'kitos-deleted');
      q(dialog, '[part~="confirm-delete"]').click();
      expect((await deleted).detail.uuid).to.equal(uuid);
      await waitUntil(() => q(el, '[part~="live"]').textContent?.includes('er fjernet'), 'deleted', WAIT);
      expect(q(el, '[part~="card"]')).to.equal(null);
      const error = await client.usageCard(uuid).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(KitosNotFoundError);
      expect((await writer.contractRecord(covering.uuid)).systemUsageUuids).to.deep.equal([]);
      await writer.deleteContract(covering.uuid);
    });
  });
}

describe('usage editing, permissions and keyboard', () => {
  let s: ClientSetup;
  let client: KitosUsageWriter;
  before(async () => {
    s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
    client = s.client as KitosUsageWriter;
  });

  it('shows no edit controls without the right, or with a client that cannot write', async () => {
    const readOnly: KitosUsageWriter = {
      ...client,
      usageCard: async (u) => ({
        ...(await client.usageCard(u)),
        permissions: { read: true, modify: false, delete: false },
      }),
    };
    const el = await card(readOnly, s.portfolio.usage);
    expect(q(el, '[part~="edit-button"]')).to.equal(null);
    expect(q(el, '[part~="delete-button"]')).to.equal(null);
    const editOnly: KitosUsageWriter = {
      ...client,
      usageCard: async (u) => ({
        ...(await client.usageCard(u)),
        permissions: { read: true, modify: true, delete: false },
      }),
    };
    const editor = await card(editOnly, s.portfolio.usage);
    expect(q(editor, '[part~="edit-button"]')).to.not.equal(null);
    expect(q(editor, '[part~="delete-button"]')).to.equal(null);
    const snapshot = createStaticClient({ usageCards: [await client.usageCard(s.portfolio.usage)] });
    const staticCard = await card(snapshot as KitosUsageWriter, s.portfolio.usage);
    expect(text(staticCard)).to.contain('ESDH');
    expect(q(staticCard, '[part~="edit-button"]')).to.equal(null);
  });

  it('says when the usage cannot be read for editing, reports it, and lets the user leave', async () => {
    const failing: KitosUsageWriter = {
      ...client,
      usageEditChoices: async () => {
        throw new Error('offline');
      },
    };
    const el = await card(failing, s.portfolio.usage);
    await waitUntil(() => q(el, '[part~="edit-button"]'), 'edit button', WAIT);
    const reported = oneEvent(el, 'kitos-error');
    q(el, '[part~="edit-button"]').click();
    expect((await reported).detail.operation).to.equal('usageRecord');
    const editor = q<KitosUsageEditor>(el, 'kitos-usage-editor');
    await waitUntil(() => q(editor, '[role="alert"]'), 'alert', WAIT);
    expect(q(editor, '[role="alert"]').textContent).to.equal('Data kunne ikke hentes.');
    q(editor, '[part~="cancel"]').click();
    await waitUntil(() => q(el, '[part~="card"] [part~="facts"]'), 'card again', WAIT);
  });

  it("shows the server's validation issue at the field it concerns, in English too", async () => {
    const refusing: KitosUsageWriter = {
      ...client,
      patchUsage: async () => {
        throw new KitosValidationError('usage', [
          { path: ['general', 'localSystemId'], code: 'duplicate', message: 'taken' },
        ]);
      },
    };
    const el = await card(refusing, s.portfolio.usage, 'en');
    const editor = await openEditor(el);
    type(editor, 'general.localSystemId', 'SYS-1');
    q(editor, '[part~="save"]').click();
    await waitUntil(() => errorOf(editor, 'general.localSystemId'), 'issue shown');
    expect(errorOf(editor, 'general.localSystemId')).to.equal('Listed twice');
    expect(q(editor, '[part~="live"]').textContent).to.equal('KITOS refused the change. See the fields marked below.');
    expect(root(editor).activeElement).to.equal(field(editor, 'general.localSystemId'));
    // Typing in the field again takes the server's answer away.
    type(editor, 'general.localSystemId', 'SYS-2');
    await editor.updateComplete;
    expect(errorOf(editor, 'general.localSystemId')).to.equal(null);
  });

  it('is operable by keyboard alone: open, type, save with Enter; Escape closes the delete dialog', async () => {
    const el = await card(client, s.portfolio.spareUsage);
    q(el, '[part~="edit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-usage-editor'), 'editor', WAIT);
    const editor = q<KitosUsageEditor>(el, 'kitos-usage-editor');
    await waitUntil(() => root(editor).activeElement === field(editor, 'general.localCallName'), 'focus', WAIT);
    await sendKeys({ type: 'Tastatur' });
    const saved = oneEvent(el, 'kitos-saved');
    await sendKeys({ press: 'Enter' });
    expect((await saved).detail.fields).to.deep.equal(['general.localCallName']);
    await waitUntil(() => root(el).activeElement === q(el, '[part~="edit-button"]'), 'focus back', WAIT);
    expect((await client.usageRecord(s.portfolio.spareUsage)).general.localCallName).to.equal('Tastatur');

    q(el, '[part~="delete-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-usage-delete'), 'dialog', WAIT);
    const dialog = q<KitosUsageDelete>(el, 'kitos-usage-delete');
    await waitUntil(() => root(dialog).activeElement === q(dialog, '[part~="cancel"]'), 'dialog focus', WAIT);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !q(el, 'kitos-usage-delete'), 'dialog closed', WAIT);
    expect(root(el).activeElement).to.equal(q(el, '[part~="delete-button"]'));
    expect((await client.usageRecord(s.portfolio.spareUsage)).uuid).to.equal(s.portfolio.spareUsage);
  });
});
