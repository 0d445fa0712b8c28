// <kitos-project-card> with its edit mode and <kitos-project-create> over both clients (the in-page
// core and the HTTP client on a real server): view, create, edit with checks while typing (dates
// dd-mm-åååå, phases in order), the server's answer at its field, lose a race to another save and
// re-apply, delete with the consequences the core reports; axe and keyboard-only use.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { KitosNotFoundError } from '@os2kitos/core';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/project-card/project-card.js';
import '../../components/project-create/project-create.js';
import type { KitosProjectCard } from '../../components/project-card/project-card.component.js';
import type { KitosProjectCreate } from '../../components/project-create/project-create.component.js';
import type { KitosProjectWriter } from '../../data/client.js';
import { createStaticClient } from '../../data/fake-client.js';
import {
  choose,
  errorOf,
  field,
  openCard,
  openEditorOf,
  optionValue,
  q,
  root,
  text,
  tickIn,
  type,
  WAIT,
} from '../../testing/fixtures/edit-harness.js';
import { CLIENT_SETUPS, type ClientSetup } from '../../testing/fixtures/clients.js';
import type { KitosNameCreateDialog } from './name-create-dialog.js';
import type { KitosProjectDelete } from './project-delete.js';
import type { KitosProjectEditor } from './project-editor.js';

type Writer = KitosProjectWriter;
const card = (client: Writer, uuid: string, lang = 'da') => openCard<KitosProjectCard>('project', client, uuid, lang);
const openEditor = (el: KitosProjectCard) => openEditorOf<KitosProjectEditor>(el, 'project');

for (const setup of CLIENT_SETUPS) {
  describe(`project editing over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let client: Writer;
    let uuid: string;
    let child: string;
    const name = `Nyt ESDH ${setup.name}`;
    const childName = `ESDH-migrering ${setup.name}`;

    before(async () => {
      s = await setup.make();
      client = s.client as Writer;
      uuid = (await client.createProject({ organizationUuid: s.portfolio.nordby, name })).uuid;
      child = (await client.createProject({ organizationUuid: s.portfolio.nordby, name: childName })).uuid;
      const c = await client.projectRecord(child);
      await client.patchProject(child, { parentProjectUuid: uuid }, { expectedVersion: c.version });
    });

    after(async () => {
      await client.deleteProject(child).catch(() => undefined);
      await client.deleteProject(uuid).catch(() => undefined);
    });

    it('shows the project: traffic light, the five phases, economy and links', async () => {
      const el = await card(client, uuid);
      expect(q(el, '[part~="title"]').textContent?.trim()).to.equal(name);
      const headings = [...root(el).querySelectorAll('[part~="section-title"]')].map((h) => h.textContent?.trim());
      expect(headings).to.deep.equal(['Faser', 'Økonomi', 'Tilknytninger']);
      const phases = [...root(el).querySelectorAll('[part~="phases-table"] tbody th')].map((c) =>
        c.textContent?.trim(),
      );
      expect(phases).to.deep.equal(['1. Afventer', '2. Foranalyse', '3. Gennemførsel', '4. Overlevering', '5. Drift']);
      expect(q(el, 'tr[aria-current="step"] th').textContent?.trim()).to.equal('1. Afventer');
      expect(q(el, '[part~="traffic-light"]').textContent?.trim()).to.equal('Hvid');
      await expect(el).to.be.accessible();
    });

    it('lists the participating organisations with their roles', async () => {
      const r = await client.projectRecord(child);
      await client.patchProject(
        child,
        { participants: [{ organizationUuid: s.portfolio.coordination.oestby, role: 'observer' }] },
        { expectedVersion: r.version },
      );
      const el = await card(client, child);
      await waitUntil(() => text(el).includes('(Observatør)'), 'participant with role', WAIT);
      expect(text(el)).to.match(/Deltagende organisationer\s*Østby[^()]*\(Observatør\)/);
      await expect(el).to.be.accessible();
    });

    it('edits general, phases and status, and links with checks while typing, and saves', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      await waitUntil(() => root(editor).activeElement === field(editor, 'name'), 'focus', WAIT);
      const groups = [...root(editor).querySelectorAll('[part~="group-title"]')].map((l) => l.textContent?.trim());
      expect(groups).to.deep.equal(['Generelt', 'Faser og status', 'Tilknytninger']);
      // The parent project list offers the organisation's other projects, never the project itself.
      const parents = [...field<HTMLSelectElement>(editor, 'parentProjectUuid').options].map((o) => o.value);
      expect(parents).to.include(child);
      expect(parents).to.not.include(uuid);
      type(editor, 'name', '');
      await editor.updateComplete;
      expect(errorOf(editor, 'name')).to.not.equal(null);
      type(editor, 'name', `${name} (rettet)`);
      choose(editor, 'type', optionValue(editor, 'type', 'Lokal'));
      type(editor, 'projectId', 'P-2025-17');
      choose(editor, 'priority', 'High');
      type(editor, 'description', 'Udskiftning af ESDH');
      type(editor, 'phases.0.startDate', '31-04-2025');
      await editor.updateComplete;
      expect(errorOf(editor, 'phases.0.startDate')).to.equal('Skriv datoen som dd-mm-åååå, fx 31-12-2025');
      type(editor, 'phases.0.startDate', '01-03-2025');
      type(editor, 'phases.0.endDate', '30-04-2025');
      // The core's phase rule, while typing: the next phase cannot start before this one ends.
      type(editor, 'phases.1.startDate', '01-04-2025');
      await editor.updateComplete;
      expect(errorOf(editor, 'phases.1.startDate')).to.equal('Faserne overlapper');
      type(editor, 'phases.1.startDate', '01-05-2025');
      type(editor, 'phases.1.endDate', '31-08-2025');
      type(editor, 'phases.1.name', 'Analyse');
      choose(editor, 'currentPhase', '2');
      choose(editor, 'status.trafficLight', 'Yellow');
      type(editor, 'status.note', 'Leverandøren er forsinket');
      choose(editor, 'responsibleUnitUuid', s.portfolio.units.it);
      tickIn(editor, 'contractUuids', 'ESDH drift');
      await editor.updateComplete;

      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="save"]').click();
      const { detail } = await saved;
      expect(detail.kind).to.equal('projects');
      expect(detail.fields).to.include.members([
        'name',
        'type',
        'phases.1.name',
        'status.trafficLight',
        'contractUuids',
      ]);
      await waitUntil(() => q(el, '[part~="title"]')?.textContent?.includes('(rettet)'), 'card', WAIT);
      expect(q(el, '[part~="live"]').textContent).to.equal('Ændringerne er gemt.');
      const record = await client.projectRecord(uuid);
      expect(record.version).to.equal(detail.version);
      expect(record).to.deep.include({
        projectId: 'P-2025-17',
        priority: 'High',
        description: 'Udskiftning af ESDH',
        currentPhase: 2,
        responsibleUnitUuid: s.portfolio.units.it,
        contractUuids: [s.portfolio.contract],
      });
      expect(record.type).to.be.a('string');
      expect(record.phases[0]).to.deep.equal({ name: 'Afventer', startDate: '2025-03-01', endDate: '2025-04-30' });
      expect(record.phases[1]).to.deep.equal({ name: 'Analyse', startDate: '2025-05-01', endDate: '2025-08-31' });
      expect(record.phases[4]).to.deep.equal({ name: 'Drift', startDate: null, endDate: null });
      expect(record.status).to.deep.include({ trafficLight: 'Yellow', note: 'Leverandøren er forsinket' });
      expect(record.status.updatedAt).to.be.a('string');
      expect(q(el, 'tr[aria-current="step"] th').textContent?.trim()).to.equal('2. Analyse');
      expect(text(el)).to.contain('01-05-2025');
      expect(text(el)).to.contain('ESDH drift');
    });

    it("shows the server's answer at its field: a parent that would make a cycle", async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      choose(editor, 'parentProjectUuid', child);
      q(editor, '[part~="save"]').click();
      await waitUntil(() => errorOf(editor, 'parentProjectUuid'), 'server error', WAIT);
      expect(errorOf(editor, 'parentProjectUuid')).to.equal('Ville give en løkke');
      expect(root(editor).activeElement).to.equal(field(editor, 'parentProjectUuid'));
      expect(field(editor, 'parentProjectUuid').getAttribute('aria-describedby')).to.contain(
        'f-parentProjectUuid-error',
      );
      expect((await client.projectRecord(uuid)).parentProjectUuid).to.equal(null);
    });

    it('keeps what the user typed when someone else saved first, shows their fields, and re-applies', async () => {
      const el = await card(client, uuid);
      const editor = await openEditor(el);
      const before = await client.projectRecord(uuid);
      await client.patchProject(uuid, { note: 'Deres note' });
      type(editor, 'phases.2.endDate', '31-12-2025');
      const conflict = oneEvent(el, 'kitos-conflict');
      q(editor, '[part~="save"]').click();
      const { detail } = await conflict;
      expect(detail).to.deep.include({ kind: 'projects', expectedVersion: before.version });
      expect(detail.theirFields).to.deep.equal(['note']);
      await editor.updateComplete;
      expect(text(editor)).to.contain('Ændret af en anden siden du åbnede formularen: Note.');
      expect(field(editor, 'phases.2.endDate').value).to.equal('31-12-2025');
      await expect(el).to.be.accessible();
      const saved = oneEvent(el, 'kitos-saved');
      q(editor, '[part~="reapply"]').click();
      await saved;
      const record = await client.projectRecord(uuid);
      expect(record.phases[2].endDate).to.equal('2025-12-31');
      expect(record.phases[1].name).to.equal('Analyse');
      expect(record.note).to.equal('Deres note');
    });

    it('deletes the project after spelling out what the core reports', async () => {
      const el = await card(client, uuid);
      q(el, '[part~="delete-button"]').click();
      await waitUntil(() => q(el, 'kitos-project-delete'), 'dialog', WAIT);
      const dialog = q<KitosProjectDelete>(el, 'kitos-project-delete');
      await waitUntil(() => q(dialog, '[part~="consequences"]'), 'consequences', WAIT);
      expect(text(dialog)).to.contain(`1 underprojekt mister sit overordnede projekt: ${childName}`);
      expect(root(dialog).activeElement).to.equal(q(dialog, '[part~="cancel"]'));
      await expect(dialog).to.be.accessible();
      const deleted = oneEvent(el, 'kitos-deleted');
      q(dialog, '[part~="confirm-delete"]').click();
      expect((await deleted).detail).to.deep.equal({ kind: 'projects', uuid });
      await waitUntil(() => q(el, '[part~="live"]').textContent?.includes('er slettet'), 'deleted', WAIT);
      expect(q(el, '[part~="card"]')).to.equal(null);
      const error = await client.projectCard(uuid).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(KitosNotFoundError);
      expect((await client.projectRecord(child)).parentProjectUuid).to.equal(null);
    });
  });

  describe(`<kitos-project-create> over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let client: Writer;
    const created: string[] = [];
    before(async () => {
      s = await setup.make();
      client = s.client as Writer;
    });
    after(async () => {
      for (const uuid of created) await client.deleteProject(uuid).catch(() => undefined);
    });

    it('creates a project by name, refusing a blank name at the field', async () => {
      const el = await fixture<KitosProjectCreate>(
        html`<kitos-project-create organization-uuid=${s.portfolio.nordby} lang="en" .client=${client}></kitos-project-create>`,
      );
      await waitUntil(() => q(el, '[part~="create-button"]'), 'button', WAIT);
      expect(q(el, '[part~="create-button"]').textContent?.trim()).to.equal('New project');
      q(el, '[part~="create-button"]').click();
      await waitUntil(() => q(el, 'kitos-project-create-dialog'), 'dialog', WAIT);
      const dialog = q<KitosNameCreateDialog>(el, 'kitos-project-create-dialog');
      await dialog.updateComplete;
      expect(q(dialog, '#create-title').textContent).to.equal('Create a project');
      q(dialog, '[part~="create"]').click();
      await dialog.updateComplete;
      expect(q(dialog, '#name-error')).to.not.equal(null);
      await expect(dialog).to.be.accessible();
      const input = q<HTMLInputElement>(dialog, '#name');
      input.value = `Nyt projekt ${setup.name}`;
      input.dispatchEvent(new Event('input'));
      const saved = oneEvent(el, 'kitos-saved');
      q(dialog, '[part~="create"]').click();
      const { detail } = await saved;
      created.push(detail.uuid);
      expect(detail).to.deep.include({ kind: 'projects', action: 'create' });
      await waitUntil(() => !q(el, 'kitos-project-create-dialog'), 'closed', WAIT);
      expect(q(el, '[part~="live"]').textContent).to.equal(`The project Nyt projekt ${setup.name} is created.`);
      const record = await client.projectRecord(detail.uuid);
      expect(record).to.deep.include({ name: `Nyt projekt ${setup.name}`, currentPhase: 1 });
    });
  });
}

describe('project card, permissions, English and keyboard', () => {
  let s: ClientSetup;
  let client: Writer;
  let uuid: string;
  before(async () => {
    s = await (CLIENT_SETUPS[0] as (typeof CLIENT_SETUPS)[number]).make();
    client = s.client as Writer;
    uuid = (await client.createProject({ organizationUuid: s.portfolio.nordby, name: 'Tastaturprojekt' })).uuid;
  });

  it('shows no edit controls without the right, and says when the client has no projects', async () => {
    const readOnly: Writer = {
      ...client,
      projectCard: async (u) => ({
        ...(await client.projectCard(u)),
        permissions: { read: true, modify: false, delete: false },
      }),
    };
    const el = await card(readOnly, uuid);
    expect(q(el, '[part~="card"]')).to.not.equal(null);
    expect(q(el, '[part~="edit-button"]')).to.equal(null);
    expect(q(el, '[part~="delete-button"]')).to.equal(null);
    const noRead: Writer = {
      ...client,
      projectCard: async (u) => ({
        ...(await client.projectCard(u)),
        permissions: { read: false, modify: false, delete: false },
      }),
    };
    const hidden = await card(noRead, uuid, 'en');
    expect(q(hidden, '[part~="no-access"]').textContent).to.equal('You do not have read access to this project.');
    const snapshot = await card(createStaticClient({}) as Writer, uuid);
    expect(q(snapshot, '[part~="message"]').textContent).to.equal('Klienten kan ikke vise projekter.');
    const create = await fixture<KitosProjectCreate>(
      html`<kitos-project-create organization-uuid=${s.portfolio.nordby}
        .client=${{ ...client, mayCreateProject: async () => false }}></kitos-project-create>`,
    );
    await create.updateComplete;
    expect(q(create, '[part~="create-button"]')).to.equal(null);
  });

  it('speaks English: the card, the form groups and the errors', async () => {
    const el = await card(client, uuid, 'en');
    const headings = [...root(el).querySelectorAll('[part~="section-title"]')].map((h) => h.textContent?.trim());
    expect(headings).to.deep.equal(['Phases', 'Economy', 'Links']);
    expect(q(el, '[part~="edit-button"]').textContent?.trim()).to.equal('Edit');
    const editor = await openEditor(el);
    const groups = [...root(editor).querySelectorAll('[part~="group-title"]')].map((l) => l.textContent?.trim());
    expect(groups).to.deep.equal(['General', 'Phases and status', 'Links']);
    expect(q(editor, 'label[for="f-phases-0-startDate"]').textContent?.trim()).to.equal('Phase 1: start date');
    type(editor, 'phases.0.startDate', '01-06-2025');
    type(editor, 'phases.0.endDate', '01-05-2025');
    await editor.updateComplete;
    expect(errorOf(editor, 'phases.0.endDate')).to.equal('The phase ends before it starts');
    await expect(el).to.be.accessible();
  });

  it('is operable by keyboard alone: edit and save with Enter; Escape closes the delete dialog', async () => {
    const el = await card(client, uuid);
    q(el, '[part~="edit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-project-editor'), 'editor', WAIT);
    const editor = q<KitosProjectEditor>(el, 'kitos-project-editor');
    await waitUntil(() => root(editor).activeElement === field(editor, 'name'), 'focus', WAIT);
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' 2' });
    const saved = oneEvent(el, 'kitos-saved');
    await sendKeys({ press: 'Enter' });
    expect((await saved).detail.fields).to.deep.equal(['name']);
    await waitUntil(() => root(el).activeElement === q(el, '[part~="edit-button"]'), 'focus back', WAIT);
    expect((await client.projectRecord(uuid)).name).to.equal('Tastaturprojekt 2');
    q(el, '[part~="delete-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'kitos-project-delete'), 'dialog', WAIT);
    const dialog = q<KitosProjectDelete>(el, 'kitos-project-delete');
    await waitUntil(() => root(dialog).activeElement === q(dialog, '[part~="cancel"]'), 'dialog focus', WAIT);
    expect(text(dialog)).to.contain('ingen andre registreringer berøres');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !q(el, 'kitos-project-delete'), 'dialog closed', WAIT);
    expect(root(el).activeElement).to.equal(q(el, '[part~="delete-button"]'));
  });
});
