// <kitos-registration-card> with its edit mode and <kitos-registration-create> over both clients (the
// in-page core and the HTTP client on a real server): view, create, edit with checks while typing
// and a gate, lose a race to another save and re-apply, delete with the consequences the core
// reports; axe and keyboard-only use.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { KitosNotFoundError } from '@os2kitos/core';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/registration-card/registration-card.js';
import '../../components/registration-create/registration-create.js';
import type { KitosRegistrationCard } from '../../components/registration-card/registration-card.component.js';
import type { KitosRegistrationCreate } from '../../components/registration-create/registration-create.component.js';
import type { KitosContractWriter, KitosRegistrationWriter } from '../../data/client.js';
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
  tickIn,
  type,
  WAIT,
} from '../../testing/fixtures/edit-harness.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import type { KitosNameCreateDialog } from './name-create-dialog.js';
import type { KitosRegistrationDelete } from './registration-delete.js';
import type { KitosRegistrationEditor } from './registration-editor.js';

type Writer = KitosRegistrationWriter & KitosContractWriter;
const card = (client: Writer, uuid: string, lang = 'da') =>
  openCard<KitosRegistrationCard>('registration', client, uuid, lang);
const openEditor = (el: KitosRegistrationCard) => openEditorOf<KitosRegistrationEditor>(el, 'registration');

for (const setup of CLIENT_SETUPS) {
  describe(`registration editing over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let client: Writer;
    let uuid: string;
    let contract: string;
    const name = `Lønbehandling ${setup.name}`;

    before(async () => {
      s = await setup.make();
      client = s.client as Writer;
      uuid = (await client.createRegistration({ organizationUuid: s.portfolio.nordby, name })).uuid;
      contract = (
        await client.createContract({ organizationUuid: s.portfolio.nordby, name: `Lønaftale ${setup.name}` })
      ).uuid;
      await client.patchContract(contract, { dataProcessingRegistrationUuids: [uuid] });
    });

    after(async () => {
      await client.deleteRegistration(uuid).catch(() => undefined);
      await client.deleteContract(contract).catch(() => undefined);
    });

    it('refuses a second registration with the same name, with a typed conflict', async () => {
      const error = await client.createRegistration({ organizationUuid: s.portfolio.nordby, name }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as Error).name).to.equal('KitosConflictError');
    });

    it('shows the registration: agreement, systems and contracts, processors, oversight and roles', async () => {
      const el = await card(client, uuid);
      expect(q(el, '[part~="title"]').textContent?.trim()).to.equal(name);
      const headings = [...root(el).querySelectorAll('[part~="section-title"]')].map((h) => h.textContent?.trim());
      expect(headings).to.deep.equal(['Databehandlere', 'Tilsyn', 'Roller']);
      expect(text(el)).to.contain(`IT-kontrakter Lønaftale ${setup.name}`);
      await expect(el).to.be.accessible();
    });

    it('edits general, processors, oversight and roles with checks while typing, opening the transfer gate, and saves', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      await waitUntil(() => root(editor).activeElement === field(editor, 'name'), 'focus', WAIT);
      const groups = [...root(editor).querySelectorAll('[part~="group-title"]')].map((l) => l.textContent?.trim());
      expect(groups).to.deep.equal(['Generelt', 'Databehandlere', 'Tilsyn', 'Roller']);
      type(editor, 'name', '');
      await editor.updateComplete;
      expect(errorOf(editor, 'name')).to.not.equal(null);
      type(editor, 'name', `${name} (rettet)`);
      choose(editor, 'general.isAgreementConcluded', 'Yes');
      type(editor, 'general.agreementConcludedAt', '31-04-2025');
      await editor.updateComplete;
      expect(errorOf(editor, 'general.agreementConcludedAt')).to.equal('Skriv datoen som dd-mm-åååå, fx 31-12-2025');
      type(editor, 'general.agreementConcludedAt', '30-04-2025');
      choose(editor, 'general.responsibleUnitUuid', s.portfolio.units.it);
      tickIn(editor, 'general.dataProcessorUuids', 'Fælles Kommune');
      // The insecure countries open only when transfers are answered Yes.
      expect(field(editor, 'general.insecureCountryUuids')).to.equal(null);
      choose(editor, 'general.transferToInsecureThirdCountries', 'Yes');
      await editor.updateComplete;
      tickIn(editor, 'general.insecureCountryUuids', 'USA');
      tickIn(editor, 'oversight.oversightOptionUuids', 'ISAE 3000');
      choose(editor, 'oversight.oversightInterval', 'Yearly');
      choose(editor, 'oversight.isOversightCompleted', 'No');
      type(editor, 'oversight.scheduledInspectionDate', '01-10-2025');
      const roleSelect = q<HTMLSelectElement>(editor, '#new-role');
      const role = [...roleSelect.options].find((o) => o.text === 'Standard Skriverolle') as HTMLOptionElement;
      roleSelect.value = role.value;
      roleSelect.dispatchEvent(new Event('change'));
      const user = q<HTMLSelectElement>(editor, '#new-role-user');
      user.value = s.portfolio.dorte;
      user.dispatchEvent(new Event('change'));
      await editor.updateComplete;
      q(editor, '[part~="add-role-button"]').click();
      await editor.updateComplete;

      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="save"]').click();
      const { detail } = await saved;
      expect(detail.kind).to.equal('registrations');
      expect(detail.fields).to.include.members(['name', 'general.insecureCountryUuids', 'roles']);
      await waitUntil(() => q(el, '[part~="title"]')?.textContent?.includes('(rettet)'), 'card', WAIT);
      expect(q(el, '[part~="live"]').textContent).to.equal('Ændringerne er gemt.');
      const record = await client.registrationRecord(uuid);
      expect(record.version).to.equal(detail.version);
      expect(record.general).to.deep.include({
        isAgreementConcluded: 'Yes',
        agreementConcludedAt: '2025-04-30',
        responsibleUnitUuid: s.portfolio.units.it,
        transferToInsecureThirdCountries: 'Yes',
      });
      expect(record.general.dataProcessorUuids).to.have.length(1);
      expect(record.general.insecureCountryUuids).to.have.length(1);
      expect(record.oversight).to.deep.include({
        oversightInterval: 'Yearly',
        isOversightCompleted: 'No',
        scheduledInspectionDate: '2025-10-01',
      });
      expect(record.oversight.oversightOptionUuids).to.have.length(1);
      expect(record.roles).to.deep.equal([{ roleUuid: role.value, userUuid: s.portfolio.dorte }]);
      expect(text(el)).to.contain('Dorte Test');
      expect(text(el)).to.contain('USA');
    });

    it('says another transfer answer clears the countries, and the save clears them', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      choose(editor, 'general.transferToInsecureThirdCountries', 'No');
      await editor.updateComplete;
      expect(field(editor, 'general.insecureCountryUuids')).to.equal(null);
      expect(text(editor)).to.contain('Når du gemmer, ryddes: Usikre tredjelande.');
      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="save"]').click();
      await saved;
      const record = await client.registrationRecord(uuid);
      expect(record.general.transferToInsecureThirdCountries).to.equal('No');
      expect(record.general.insecureCountryUuids).to.deep.equal([]);
    });

    it('keeps what the user typed when someone else saved first, shows their fields, and re-applies', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      const before = await client.registrationRecord(uuid);
      await client.patchRegistration(uuid, { oversight: { oversightIntervalRemark: 'Deres bemærkning' } });
      type(editor, 'general.dataResponsibleRemark', 'Min bemærkning');
      const conflict = oneEvent(el, 'kitos-conflict');
      q(editor, '[part~="save"]').click();
      const { detail } = await conflict;
      expect(detail).to.deep.include({ kind: 'registrations', expectedVersion: before.version });
      expect(detail.theirFields).to.deep.equal(['oversight.oversightIntervalRemark']);
      await editor.updateComplete;
      expect(text(editor)).to.contain('Ændret af en anden siden du åbnede formularen: Bemærkning om tilsynsinterval.');
      await expect(el).to.be.accessible();
      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="reapply"]').click();
      await saved;
      const record = await client.registrationRecord(uuid);
      expect(record.general.dataResponsibleRemark).to.equal('Min bemærkning');
      expect(record.oversight.oversightIntervalRemark).to.equal('Deres bemærkning');
    });

    it('deletes the registration after spelling out what the core reports', async () => {
      const el = await card(client, uuid);
      q(el, '[part~="delete-button"]').click();
      await waitUntil(() => q(el, 'kitos-registration-delete'), 'dialog', WAIT);
      const dialog = q<KitosRegistrationDelete>(el, 'kitos-registration-delete');
      await waitUntil(() => q(dialog, '[part~="consequences"]'), 'consequences', WAIT);
      expect(text(dialog)).to.contain('1 rolletildeling');
      expect(text(dialog)).to.contain('1 databehandler (organisationerne bevares)');
      expect(text(dialog)).to.contain(`1 kontrakt mister tilknytningen til den: Lønaftale ${setup.name}`);
      expect(root(dialog).activeElement).to.equal(q(dialog, '[part~="cancel"]'));
      await expect(dialog).to.be.accessible();
      const deleted = oneEvent(el, 'kitos-deleted');
      q(dialog, '[part~="confirm-delete"]').click();
      expect((await deleted).detail).to.deep.equal({ kind: 'registrations', uuid });
      await waitUntil(() => q(el, '[part~="live"]').textContent?.includes('er slettet'), 'deleted', WAIT);
      expect(q(el, '[part~="card"]')).to.equal(null);
      const error = await client.registrationCard(uuid).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(KitosNotFoundError);
      expect((await client.contractRecord(contract)).dataProcessingRegistrationUuids).to.deep.equal([]);
    });
  });

  describe(`<kitos-registration-create> over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let client: Writer;
    const created: string[] = [];
    before(async () => {
      s = await setup.make();
      client = s.client as Writer;
    });
    after(async () => {
      for (const uuid of created) await client.deleteRegistration(uuid).catch(() => undefined);
    });

    it('creates a registration by name, refusing a blank name at the field', async () => {
      const el = await fixture<KitosRegistrationCreate>(
        html`<kitos-registration-create organization-uuid=${s.portfolio.nordby} lang="en" .client=${client}></kitos-registration-create>`,
      );
      await waitUntil(() => q(el, '[part~="create-button"]'), 'button', WAIT);
      expect(q(el, '[part~="create-button"]').textContent?.trim()).to.equal('New registration');
      q(el, '[part~="create-button"]').click();
      await waitUntil(() => q(el, 'kitos-registration-create-dialog'), 'dialog', WAIT);
      const dialog = q<KitosNameCreateDialog>(el, 'kitos-registration-create-dialog');
      await dialog.updateComplete;
      expect(q(dialog, '#create-title').textContent).to.equal('Create a data processing registration');
      q(dialog, '[part~="create"]').click();
      await dialog.updateComplete;
      expect(q(dialog, '#name-error')).to.not.equal(null);
      await expect(dialog).to.be.accessible();
      const input = q<HTMLInputElement>(dialog, '#name');
      input.value = `Ny behandling ${setup.name}`;
      input.dispatchEvent(new Event('input'));
      const saved = oneEvent(el, 'kitos-saved');
      q(dialog, '[part~="create"]').click();
      const { detail } = await saved;
      created.push(detail.uuid);
      expect(detail).to.deep.include({ kind: 'registrations', action: 'create' });
      await waitUntil(() => !q(el, 'kitos-registration-create-dialog'), 'closed', WAIT);
      expect(q(el, '[part~="live"]').textContent).to.equal(`The registration Ny behandling ${setup.name} is created.`);
      expect((await client.registrationRecord(detail.uuid)).name).to.equal(`Ny behandling ${setup.name}`);
    });
  });
}

describe('registration card, permissions, English and keyboard', () => {
  let s: ClientSetup;
  let client: Writer;
  let uuid: string;
  before(async () => {
    s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
    client = s.client as Writer;
    uuid = (await client.createRegistration({ organizationUuid: s.portfolio.nordby, name: 'Tastaturbehandling' })).uuid;
  });

  it('shows no edit controls without the right, and says when the client has no registrations', async () => {
    const readOnly: Writer = {
      ...client,
      registrationCard: async (u) => ({
        ...(await client.registrationCard(u)),
        permissions: { read: true, modify: false, delete: false },
      }),
    };
    const el = await card(readOnly, uuid);
    expect(q(el, '[part~="edit-button"]')).to.equal(null);
    expect(q(el, '[part~="delete-button"]')).to.equal(null);
    const noRead: Writer = {
      ...client,
      registrationCard: async (u) => ({
        ...(await client.registrationCard(u)),
        permissions: { read: false, modify: false, delete: false },
      }),
    };
    const hidden = await card(noRead, uuid, 'en');
    expect(q(hidden, '[part~="no-access"]').textContent).to.equal(
      'You do not have read access to this data processing registration.',
    );
    const snapshot = await card(createStaticClient({}) as Writer, uuid);
    expect(q(snapshot, '[part~="message"]').textContent).to.equal('Klienten kan ikke vise databehandlinger.');
    const create = await fixture<KitosRegistrationCreate>(
      html`<kitos-registration-create organization-uuid=${s.portfolio.nordby}
        .client=${{ ...client, mayCreateRegistration: async () => false }}></kitos-registration-create>`,
    );
    await create.updateComplete;
    expect(q(create, '[part~="create-button"]')).to.equal(null);
  });

  it('is operable by keyboard alone: edit and save with Enter; Escape closes the delete dialog', async () => {
    const el = await card(client, uuid);
    q(el, '[part~="edit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-registration-editor'), 'editor', WAIT);
    const editor = q<KitosRegistrationEditor>(el, 'kitos-registration-editor');
    await waitUntil(() => root(editor).activeElement === field(editor, 'name'), 'focus', WAIT);
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' 2' });
    const saved = oneEvent(el, 'kitos-saved');
    await sendKeys({ press: 'Enter' });
    expect((await saved).detail.fields).to.deep.equal(['name']);
    await waitUntil(() => root(el).activeElement === q(el, '[part~="edit-button"]'), 'focus back', WAIT);
    expect((await client.registrationRecord(uuid)).name).to.equal('Tastaturbehandling 2');
    q(el, '[part~="delete-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-registration-delete'), 'dialog', WAIT);
    const dialog = q<KitosRegistrationDelete>(el, 'kitos-registration-delete');
    await waitUntil(() => root(dialog).activeElement === q(dialog, '[part~="cancel"]'), 'dialog focus', WAIT);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !q(el, 'kitos-registration-delete'), 'dialog closed', WAIT);
    expect(root(el).activeElement).to.equal(q(el, '[part~="delete-button"]'));
  });
});
