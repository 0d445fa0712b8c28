// The list fields of the edit modes over both clients (the in-page core and the HTTP client on a
// real server): a contract's payment streams and procurement plan, a registration's sub-processors
// and oversight dates, a usage's archiving with its journal periods and its remaining GDPR fields.
// Add, edit and remove rows with checks while typing at the cell that is wrong, the server's answer
// at the row, a conflict on a list, keyboard-only use and axe.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { KitosValidationError } from '@os2kitos/core';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/contract-card/contract-card.js';
import '../../components/registration-card/registration-card.js';
import '../../components/usage-card/usage-card.js';
import type { KitosContractWriter, KitosRegistrationWriter, KitosUsageWriter } from '../../data/client.js';
import {
  choose,
  errorOf,
  field,
  focused,
  idOf,
  openCard,
  openEditorOf,
  optionValue,
  q,
  qa,
  text,
  tickIn,
  type,
  WAIT,
} from '../../testing/fixtures/edit-harness.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import type { KitosRecordEditor } from './record-editor.js';

type Writer = KitosContractWriter & KitosRegistrationWriter & KitosUsageWriter;
type Editor = KitosRecordEditor<{ uuid: string; organizationUuid: string; version: number }>;
type Kind = 'contract' | 'registration' | 'usage';

async function openEditor(client: Writer, kind: Kind, uuid: string, lang = 'da'): Promise<[HTMLElement, Editor]> {
  const el = await openCard<HTMLElement>(kind, client, uuid, lang);
  return [el, await openEditorOf<Editor>(el, kind)];
}

const live = (editor: Element) => q(editor, '[part~="live"]').textContent?.trim();

/** Clicks the add button of the list `key` and waits for the form to show the row. */
async function addRow(editor: Editor, key: string) {
  q(editor, `${idOf(key)}-add`).click();
  await editor.updateComplete;
}

/** Clicks the remove button of row `index` of the list `key`. */
async function removeRow(editor: Editor, key: string, index: number) {
  q(editor, `${idOf(`${key}.${index}`)} [part~="remove-row"]`).click();
  await editor.updateComplete;
}

const rowsOf = (editor: Element, key: string) => qa(editor, `${idOf(key)} [part~="list-row"]`);

for (const [index, setup] of CLIENT_SETUPS.entries()) {
  describe(`list fields over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let client: Writer;
    let contract: string;
    let registration: string;
    let usage: string;

    before(async () => {
      s = await setup.make();
      client = s.client as Writer;
      const org = s.portfolio.nordby;
      contract = (await client.createContract({ organizationUuid: org, name: `Betalingsaftale ${setup.name}` })).uuid;
      registration = (await client.createRegistration({ organizationUuid: org, name: `Underbehandling ${setup.name}` }))
        .uuid;
      usage = (
        await client.createUsage({ organizationUuid: org, systemUuid: s.portfolio.freeSystems[index] as string })
      ).uuid;
    });

    // The HTTP runs share one server with the other test files: leave its portfolio as it was.
    after(async () => {
      await client.deleteContract(contract).catch(() => undefined);
      await client.deleteRegistration(registration).catch(() => undefined);
      await client.deleteUsage(usage).catch(() => undefined);
    });

    it('adds, edits and removes payment rows and plans a procurement, checking each cell as it is typed', async () => {
      const [el, editor] = await openEditor(client, 'contract', contract);
      const key = 'payments.external';
      tickIn(editor, 'general.agreementElementUuids', 'Support');
      expect(text(editor)).to.contain('Ingen eksterne betalinger.');
      await addRow(editor, key);
      // Focus moves to the new row's first cell, and the row is announced.
      await waitUntil(() => focused(editor) === field(editor, `${key}.0.organizationUnitUuid`), 'focus', WAIT);
      expect(live(editor)).to.equal('Ekstern betaling 1 er tilføjet.');
      choose(editor, `${key}.0.organizationUnitUuid`, s.portfolio.units.it);
      type(editor, `${key}.0.acquisition`, '120.000');
      type(editor, `${key}.0.operation`, '45 tusind');
      type(editor, `${key}.0.auditDate`, '31-02-2025');
      await editor.updateComplete;
      expect(errorOf(editor, `${key}.0.acquisition`)).to.equal(null);
      expect(errorOf(editor, `${key}.0.operation`)).to.equal('Ikke et helt tal');
      expect(errorOf(editor, `${key}.0.auditDate`)).to.equal('Skriv datoen som dd-mm-åååå, fx 31-12-2025');
      expect(field(editor, `${key}.0.operation`).getAttribute('aria-invalid')).to.equal('true');
      expect(field(editor, `${key}.0.operation`).getAttribute('aria-describedby')).to.contain(
        `f-${key.replace('.', '-')}-0-operation-error`,
      );
      type(editor, `${key}.0.operation`, '45.000');
      type(editor, `${key}.0.auditDate`, '01-03-2025');
      choose(editor, `${key}.0.auditStatus`, 'Green');
      type(editor, `${key}.0.accountingEntry`, '6.45.51');
      await editor.updateComplete;
      expect(errorOf(editor, `${key}.0.operation`)).to.equal(null);

      await addRow(editor, key);
      type(editor, `${key}.1.other`, '999');
      await addRow(editor, key);
      type(editor, `${key}.2.acquisition`, '-5.000');
      type(editor, `${key}.2.note`, 'Kreditnota');
      // Removing the second row: the third takes its place, and focus goes to its first cell.
      await removeRow(editor, key, 1);
      expect(rowsOf(editor, key)).to.have.length(2);
      await waitUntil(() => focused(editor) === field(editor, `${key}.1.organizationUnitUuid`), 'focus after', WAIT);
      expect(live(editor)).to.equal('Ekstern betaling 2 er fjernet.');
      expect(field(editor, `${key}.1.acquisition`).value).to.equal('-5.000');

      await addRow(editor, 'payments.internal');
      await removeRow(editor, 'payments.internal', 0);
      await waitUntil(() => focused(editor) === q(editor, `${idOf('payments.internal')}-add`), 'focus on add', WAIT);

      // The procurement plan: one quarter of a year, or none.
      await addRow(editor, 'procurement.procurementPlan');
      expect(q(editor, `${idOf('procurement.procurementPlan')}-add`)).to.equal(null);
      choose(editor, 'procurement.procurementPlan.0.quarter', '2');
      type(editor, 'procurement.procurementPlan.0.year', '27');
      await editor.updateComplete;
      // The core's schema speaks: a year has four digits.
      expect(errorOf(editor, 'procurement.procurementPlan.0.year')).to.equal('For lille, for kort eller tom');
      type(editor, 'procurement.procurementPlan.0.year', '2027');

      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="save"]').click();
      const { detail } = await saved;
      // The internal payment added and removed again is no change.
      expect([...detail.fields].sort()).to.deep.equal([
        'general.agreementElementUuids',
        'payments.external',
        'procurement.procurementPlan',
      ]);
      const record = await client.contractRecord(contract);
      expect(record.procurement.procurementPlan).to.deep.equal({ quarter: 2, year: 2027 });
      expect(record.general.agreementElementUuids).to.have.length(1);
      expect(record.payments.external.map(({ uuid: _, ...rest }) => rest)).to.deep.equal([
        {
          organizationUnitUuid: s.portfolio.units.it,
          acquisition: 120000,
          operation: 45000,
          other: 0,
          accountingEntry: '6.45.51',
          auditStatus: 'Green',
          auditDate: '2025-03-01',
          note: null,
        },
        {
          organizationUnitUuid: null,
          acquisition: -5000,
          operation: 0,
          other: 0,
          accountingEntry: null,
          auditStatus: 'White',
          auditDate: null,
          note: 'Kreditnota',
        },
      ]);
      expect(record.payments.internal).to.deep.equal([]);
      // Opened again, the form shows the stored amounts in da-DK.
      const [, again] = await openEditor(client, 'contract', contract);
      expect(field(again, `${key}.0.acquisition`).value).to.equal('120.000');
      expect(field(again, `${key}.1.acquisition`).value).to.equal('-5.000');
      expect(field(again, `${key}.0.auditDate`).value).to.equal('01-03-2025');
    });

    it('keeps the rows the user typed when someone else changed the list first, and re-applies or reloads', async () => {
      const [el, editor] = await openEditor(client, 'contract', contract);
      const before = await client.contractRecord(contract);
      const theirs = {
        uuid: crypto.randomUUID(),
        organizationUnitUuid: null,
        acquisition: 7,
        operation: 0,
        other: 0,
        accountingEntry: 'Deres',
        auditStatus: 'White' as const,
        auditDate: null,
        note: null,
      };
      await client.patchContract(contract, { payments: { external: [...before.payments.external, theirs] } });
      await addRow(editor, 'payments.external');
      type(editor, 'payments.external.2.accountingEntry', 'Min');
      const conflict = oneEvent(el, 'kitos-conflict');
      q(editor, '[part~="save"]').click();
      const { detail } = await conflict;
      expect(detail.theirFields).to.deep.equal(['payments.external']);
      expect(detail.bothFields).to.deep.equal(['payments.external']);
      await editor.updateComplete;
      expect(text(editor)).to.contain('Ændret af en anden siden du åbnede formularen: Eksterne betalinger.');
      expect(q(editor, `${idOf('payments.external')} > [part~="changed"]`)).to.not.equal(null);
      // What the user typed is still there.
      expect(field(editor, 'payments.external.2.accountingEntry').value).to.equal('Min');
      expect(rowsOf(editor, 'payments.external')).to.have.length(3);

      q(editor, '[part~="reload"]').click();
      await editor.updateComplete;
      expect(field(editor, 'payments.external.2.accountingEntry').value).to.equal('Deres');

      // Typed again, lost again, and this time put on top of their version.
      await client.patchContract(contract, { general: { notes: 'Deres note' } });
      await removeRow(editor, 'payments.external', 2);
      const second = oneEvent(el, 'kitos-conflict');
      q(editor, '[part~="save"]').click();
      expect((await second).detail.bothFields).to.deep.equal([]);
      await editor.updateComplete;
      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="reapply"]').click();
      await saved;
      const record = await client.contractRecord(contract);
      expect(record.payments.external.map((p) => p.accountingEntry)).to.deep.equal(['6.45.51', null]);
      expect(record.general.notes).to.equal('Deres note');
    });

    it('edits sub-processors behind their question, each with its own country gate, and oversight dates', async () => {
      const [el, editor] = await openEditor(client, 'registration', registration);
      const subs = 'general.subDataProcessors';
      expect(field(editor, subs)).to.equal(null);
      choose(editor, 'general.hasSubDataProcessors', 'Yes');
      await editor.updateComplete;
      await addRow(editor, subs);
      await waitUntil(() => focused(editor) === field(editor, `${subs}.0.organizationUuid`), 'focus', WAIT);
      // The country opens only when the sub-processor's transfer is answered Yes.
      expect(field(editor, `${subs}.0.insecureCountryUuid`)).to.equal(null);
      choose(editor, `${subs}.0.transferToInsecureCountry`, 'Yes');
      await editor.updateComplete;
      choose(editor, `${subs}.0.insecureCountryUuid`, optionValue(editor, `${subs}.0.insecureCountryUuid`, 'USA'));
      // Saving without the organisation: the cell says so and gets the focus.
      q(editor, '[part~="save"]').click();
      await editor.updateComplete;
      expect(errorOf(editor, `${subs}.0.organizationUuid`)).to.equal('Feltet skal udfyldes');
      await waitUntil(() => focused(editor) === field(editor, `${subs}.0.organizationUuid`), 'focus error', WAIT);
      expect(live(editor)).to.equal('1 felt skal rettes, før der kan gemmes.');
      const processor = optionValue(editor, `${subs}.0.organizationUuid`, 'Fælles Kommune');
      choose(editor, `${subs}.0.organizationUuid`, processor);

      const dates = 'oversight.oversightDates';
      expect(field(editor, dates)).to.equal(null);
      choose(editor, 'oversight.isOversightCompleted', 'Yes');
      await editor.updateComplete;
      await addRow(editor, dates);
      type(editor, `${dates}.0.date`, '15-05-2025');
      type(editor, `${dates}.0.remark`, 'Fysisk tilsyn');
      await editor.updateComplete;
      expect(errorOf(editor, `${dates}.0.date`)).to.equal(null);
      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="save"]').click();
      await saved;
      const record = await client.registrationRecord(registration);
      expect(record.general.hasSubDataProcessors).to.equal('Yes');
      const usa = record.general.subDataProcessors[0]?.insecureCountryUuid;
      expect(record.general.subDataProcessors).to.deep.equal([
        {
          organizationUuid: processor,
          basisForTransferUuid: null,
          transferToInsecureCountry: 'Yes',
          insecureCountryUuid: usa,
        },
      ]);
      expect(usa).to.be.a('string');
      expect(record.oversight.oversightDates.map(({ uuid: _, ...d }) => d)).to.deep.equal([
        { date: '2025-05-15', remark: 'Fysisk tilsyn' },
      ]);

      // Another answer says the lists go, and the save clears them (the core does).
      const [again, second] = await openEditor(client, 'registration', registration);
      expect(field(second, `${dates}.0.date`).value).to.equal('15-05-2025');
      choose(second, 'oversight.isOversightCompleted', 'No');
      await second.updateComplete;
      expect(text(second)).to.contain('Når du gemmer, ryddes: Gennemførte tilsyn.');
      expect(field(second, dates)).to.equal(null);
      const cleared = oneEvent(again, 'kitos-saved');
      q(second, '[part~="save"]').click();
      await cleared;
      expect((await client.registrationRecord(registration)).oversight.oversightDates).to.deep.equal([]);
    });

    it('edits the archiving group with its journal periods, AI, web accessibility and the remaining GDPR fields of a usage', async () => {
      const [el, editor] = await openEditor(client, 'usage', usage);
      const groups = qa(editor, '[part~="group-title"]').map((l) => l.textContent?.trim());
      expect(groups).to.deep.equal(['Generelt', 'Organisation', 'Systemroller', 'GDPR', 'Arkivering']);
      choose(editor, 'general.containsAITechnology', 'No');
      choose(editor, 'general.webAccessibility.compliance', 'Partially');
      type(editor, 'general.webAccessibility.lastCheck', '02-06-2025');
      choose(editor, 'archiving.archiveDuty', 'B');
      choose(editor, 'archiving.typeUuid', optionValue(editor, 'archiving.typeUuid', 'Arkiveret'));
      choose(
        editor,
        'archiving.supplierOrganizationUuid',
        optionValue(editor, 'archiving.supplierOrganizationUuid', 'Fælles Kommune'),
      );
      // Yes/no questions keep "not answered" apart from "no".
      expect(field<HTMLSelectElement>(editor, 'archiving.active').value).to.equal('');
      choose(editor, 'archiving.documentBearing', 'true');
      type(editor, 'archiving.frequencyInMonths', 'hver 12.');
      type(editor, 'archiving.notes', 'Afleveres til Stadsarkivet');
      const periods = 'archiving.journalPeriods';
      await addRow(editor, periods);
      type(editor, `${periods}.0.startDate`, '01-01-2020');
      type(editor, `${periods}.0.endDate`, '31-12-2019');
      type(editor, `${periods}.0.archiveId`, 'AVID.NOR.1');
      await editor.updateComplete;
      expect(errorOf(editor, 'archiving.frequencyInMonths')).to.equal('Ikke et helt tal');
      // The core's rule across the row's cells, at the cell it names.
      expect(errorOf(editor, `${periods}.0.endDate`)).to.equal('Datoerne er i forkert rækkefølge');
      expect(errorOf(editor, `${periods}.0.startDate`)).to.equal(null);
      type(editor, 'archiving.frequencyInMonths', '12');
      type(editor, `${periods}.0.endDate`, '31-12-2024');
      field(editor, `${periods}.0.approved`).click();

      // GDPR: the record of processing as a link, the specific personal data behind its level.
      await addRow(editor, 'gdpr.directoryDocumentation');
      type(editor, 'gdpr.directoryDocumentation.0.name', 'Fortegnelse');
      await editor.updateComplete;
      expect(errorOf(editor, 'gdpr.directoryDocumentation.0.url')).to.equal('Feltet skal udfyldes');
      type(editor, 'gdpr.directoryDocumentation.0.url', 'https://intra.nordby.dk/fortegnelse');
      expect(field(editor, 'gdpr.specificPersonalData')).to.equal(null);
      expect(q(editor, '#f-gdpr-dataSensitivityLevels-gate').textContent).to.contain('almindelige personoplysninger');
      expect(field(editor, 'gdpr.dataSensitivityLevels').getAttribute('aria-describedby')).to.equal(
        'f-gdpr-dataSensitivityLevels-gate',
      );
      tickIn(editor, 'gdpr.dataSensitivityLevels', 'Almindelige personoplysninger');
      await editor.updateComplete;
      tickIn(editor, 'gdpr.specificPersonalData', 'CPR-nummer');
      choose(editor, 'gdpr.riskAssessmentConducted', 'Yes');
      await editor.updateComplete;
      await addRow(editor, 'gdpr.riskAssessmentDocumentation');
      type(editor, 'gdpr.riskAssessmentDocumentation.0.url', 'https://intra.nordby.dk/risiko');

      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="save"]').click();
      await saved;
      const record = await client.usageRecord(usage);
      expect(record.general.containsAITechnology).to.equal('No');
      expect(record.general.webAccessibility).to.deep.equal({
        compliance: 'Partially',
        lastCheck: '2025-06-02',
        notes: null,
      });
      expect(record.archiving.archiveDuty).to.equal('B');
      expect(record.archiving.typeUuid).to.be.a('string');
      expect(record.archiving.supplierOrganizationUuid).to.be.a('string');
      expect(record.archiving.documentBearing).to.equal(true);
      expect(record.archiving.active).to.equal(null);
      expect(record.archiving.frequencyInMonths).to.equal(12);
      expect(record.archiving.notes).to.equal('Afleveres til Stadsarkivet');
      expect(record.archiving.journalPeriods.map(({ uuid: _, ...p }) => p)).to.deep.equal([
        { startDate: '2020-01-01', endDate: '2024-12-31', archiveId: 'AVID.NOR.1', approved: true },
      ]);
      expect(record.gdpr.directoryDocumentation).to.deep.equal({
        name: 'Fortegnelse',
        url: 'https://intra.nordby.dk/fortegnelse',
      });
      expect(record.gdpr.specificPersonalData).to.deep.equal(['CprNumber']);
      expect(record.gdpr.riskAssessmentDocumentation).to.deep.equal({
        name: null,
        url: 'https://intra.nordby.dk/risiko',
      });
      await editor.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe with rows, a cell error and a list changed by someone else', async () => {
      const [el, editor] = await openEditor(client, 'contract', contract);
      await client.patchContract(contract, { payments: { external: [] } });
      await addRow(editor, 'payments.internal');
      type(editor, 'payments.internal.0.acquisition', '1.000');
      const conflict = oneEvent(el, 'kitos-conflict');
      q(editor, '[part~="save"]').click();
      expect((await conflict).detail.theirFields).to.deep.equal(['payments.external']);
      type(editor, 'payments.internal.0.acquisition', '1,5');
      await editor.updateComplete;
      expect(errorOf(editor, 'payments.internal.0.acquisition')).to.equal('Ikke et helt tal');
      expect(rowsOf(editor, 'payments.external')).to.have.length(2);
      expect(field(editor, 'procurement.procurementPlan.0.year').value).to.equal('2027');
      await expect(el).to.be.accessible();
    });
  });
}

describe('list fields: the server at the row, English and keyboard', () => {
  let s: ClientSetup;
  let client: Writer;
  before(async () => {
    s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
    client = s.client as Writer;
  });

  it("shows the server's answer at the row and the cell it concerns, in English, until the list changes", async () => {
    const refusing: Writer = {
      ...client,
      patchContract: async () => {
        throw new KitosValidationError('contract', [
          {
            path: ['payments', 'external', 0, 'organizationUnitUuid'],
            code: 'not-same-organisation',
            message: 'not a unit of the organisation',
          },
          { path: ['payments', 'external', 1], code: 'duplicate', message: 'duplicate' },
        ]);
      },
    };
    const [, editor] = await openEditor(refusing, 'contract', s.portfolio.spareContract, 'en');
    await addRow(editor, 'payments.external');
    await addRow(editor, 'payments.external');
    expect(q(editor, `${idOf('payments.external.1')} legend`).textContent?.trim()).to.equal('External payment 2');
    q(editor, '[part~="save"]').click();
    await waitUntil(() => errorOf(editor, 'payments.external.0.organizationUnitUuid'), 'cell issue', WAIT);
    expect(errorOf(editor, 'payments.external.1')).to.equal('Listed twice');
    expect(q(editor, idOf('payments.external.1')).getAttribute('aria-describedby')).to.equal(
      'f-payments-external-1-error',
    );
    expect(live(editor)).to.equal('KITOS refused the change. See the fields marked below.');
    expect(focused(editor)).to.equal(field(editor, 'payments.external.0.organizationUnitUuid'));
    type(editor, 'payments.external.1.other', '1');
    await editor.updateComplete;
    expect(errorOf(editor, 'payments.external.1')).to.equal(null);
    expect(errorOf(editor, 'payments.external.0.organizationUnitUuid')).to.equal(null);
  });

  it('is operable by keyboard alone: add a row, fill it, remove a row and save with Enter', async () => {
    const [el, editor] = await openEditor(client, 'contract', s.portfolio.spareContract);
    const add = q(editor, `${idOf('payments.external')}-add`);
    add.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(editor) === field(editor, 'payments.external.0.organizationUnitUuid'), 'row', WAIT);
    await sendKeys({ press: 'Tab' });
    expect(focused(editor)).to.equal(field(editor, 'payments.external.0.acquisition'));
    await sendKeys({ type: '12.500' });
    // Through the row's cells to its remove button.
    for (let i = 0; i < 7; i++) await sendKeys({ press: 'Tab' });
    expect(focused(editor)).to.equal(q(editor, `${idOf('payments.external.0')} [part~="remove-row"]`));
    await sendKeys({ press: 'Tab' });
    expect(focused(editor)).to.equal(add);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(editor) === field(editor, 'payments.external.1.organizationUnitUuid'), 'row 2', WAIT);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(editor)).to.equal(q(editor, `${idOf('payments.external.0')} [part~="remove-row"]`));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(editor) === field(editor, 'payments.external.0.organizationUnitUuid'), 'moved', WAIT);
    expect(rowsOf(editor, 'payments.external')).to.have.length(1);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '300' });
    const saved = oneEvent(el, 'kitos-saved');
    await sendKeys({ press: 'Enter' });
    expect((await saved).detail.fields).to.deep.equal(['payments.external']);
    const record = await client.contractRecord(s.portfolio.spareContract);
    expect(record.payments.external.map((p) => p.acquisition)).to.deep.equal([300]);
    await client.patchContract(s.portfolio.spareContract, { payments: { external: [] } });
  });
});
