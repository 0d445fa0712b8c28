// Joint projects end to end on the memory adapter: participants with roles through every write
// path (create, patch, replace, the add/remove of the derived joint list, the portfolio import),
// refused input changing nothing, the read model and the overview showing names and roles, and an
// interest community taking part so that the people of its member municipalities read the project.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Actor,
  exportPortfolio,
  importPortfolio,
  type KitosError,
  KitosForbiddenError,
  KitosNotFoundError,
  KitosValidationError,
} from '../../src/index.js';
import { dump, type World, world } from '../security/world.js';

let w: World;
let østby: string;
let community: string;
let owner: Actor;
let sydbyUser: Actor;
let østbyUser: Actor;

async function refusedUnchanged(p: Promise<unknown>, type: new (...a: never[]) => Error, code: string) {
  const before = await dump(w.storage);
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, `expected ${type.name} ${code}`).toBeInstanceOf(type);
  expect(JSON.stringify(e) + JSON.stringify((e as KitosError).context ?? {})).toContain(code);
  expect(await dump(w.storage)).toBe(before);
}

beforeEach(async () => {
  w = await world();
  owner = w.a.people.LocalAdmin;
  sydbyUser = w.b.people.User;
  // Public, so Nordby's people may name them (an organisation one cannot see is not found).
  østby = (
    await w.kitos.organizations.create(w.admin, { name: 'Østby Kommune', type: 'Kommune', accessModifier: 'Public' })
  ).uuid;
  await w.kitos.organizations.patch(w.admin, w.b.uuid, { accessModifier: 'Public' });
  const u = await w.kitos.users.create(w.admin, { firstName: 'Øse', lastName: 'Østby', email: 'oese@oestby.dk' });
  await w.kitos.memberships.grant(w.admin, { userUuid: u.uuid, organizationUuid: østby, role: 'User' });
  østbyUser = { userUuid: u.uuid };
  community = (
    await w.kitos.organizations.create(w.admin, {
      name: 'ESDH-fællesskabet',
      type: 'Interessefællesskab',
      accessModifier: 'Public',
    })
  ).uuid;
});

describe('project participants', () => {
  it('let go of a deleted organisation in the same transaction, each project in a new version', async () => {
    const vestby = (
      await w.kitos.organizations.create(w.admin, { name: 'Vestby Kommune', type: 'Kommune', accessModifier: 'Public' })
    ).uuid;
    const p = await w.kitos.projects.create(owner, {
      organizationUuid: w.a.uuid,
      name: 'Fælles arkiv',
      participants: [
        { organizationUuid: vestby, role: 'lead' },
        { organizationUuid: w.b.uuid, role: 'observer' },
      ],
    });
    expect(p.jointOrganizationUuids).toEqual([vestby, w.b.uuid]);
    // The delete names what lets go of the organisation before it happens.
    const consequences = await w.kitos.organizations.deleteConsequences(w.admin, vestby);
    expect(consequences.detached).toEqual([
      { kind: 'project', field: 'participants', records: [{ uuid: p.uuid, name: 'Fælles arkiv' }] },
    ]);
    await w.kitos.organizations.delete(w.admin, vestby, { expectedVersion: consequences.version });
    const after = await w.kitos.projects.get(owner, p.uuid);
    expect(after.participants).toEqual([{ organizationUuid: w.b.uuid, role: 'observer' }]);
    expect(after.jointOrganizationUuids).toEqual([w.b.uuid]);
    expect(after.version).toBe(p.version + 1);
    // The project's history says who changed it.
    expect(after.lastChangedBy).toBe(w.admin.userUuid);
  });

  it('keeps the joint organisations from the participants on create, patch and replace, versioned', async () => {
    const p = await w.kitos.projects.create(owner, {
      organizationUuid: w.a.uuid,
      name: 'Fælles ESDH-udbud',
      participants: [
        { organizationUuid: w.b.uuid, role: 'lead' },
        { organizationUuid: østby, role: 'observer' },
      ],
    });
    expect(p.version).toBe(1);
    expect(p.jointOrganizationUuids).toEqual([w.b.uuid, østby]);
    const patched = await w.kitos.projects.patch(owner, p.uuid, {
      participants: [{ organizationUuid: østby, role: 'partner' }],
    });
    expect(patched.version).toBe(2);
    expect(patched.jointOrganizationUuids).toEqual([østby]);
    // The joint list alone: added organisations join as partners, the others keep their roles.
    const viaJoint = await w.kitos.projects.patch(owner, p.uuid, { jointOrganizationUuids: [østby, w.b.uuid] });
    expect(viaJoint.participants).toEqual([
      { organizationUuid: østby, role: 'partner' },
      { organizationUuid: w.b.uuid, role: 'partner' },
    ]);
    // A read record written back with changed participants: the stale joint list follows them.
    const { uuid, version, createdAt, createdBy, lastChanged, lastChangedBy, ...body } = viaJoint;
    const replaced = await w.kitos.projects.replace(owner, uuid, {
      ...body,
      participants: [{ organizationUuid: w.b.uuid, role: 'observer' }],
    });
    expect(replaced.version).toBe(version + 1);
    expect(replaced.jointOrganizationUuids).toEqual([w.b.uuid]);
    expect(replaced.participants).toEqual([{ organizationUuid: w.b.uuid, role: 'observer' }]);
    // Only the owner changes it; the participant reads it.
    expect((await w.kitos.projects.get(sydbyUser, p.uuid)).name).toBe('Fælles ESDH-udbud');
    await expect(w.kitos.projects.patch(w.b.people.LocalAdmin, p.uuid, { name: 'x' })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    expect((await w.kitos.projects.get(owner, p.uuid)).version).toBe(replaced.version);
  });

  it('refuses the owner as a participant, an unknown organisation, one listed twice, a made-up role and disagreeing lists, changing nothing', async () => {
    const p = w.a.project;
    const patch = (body: unknown) => w.kitos.projects.patch(owner, p, body as never);
    await refusedUnchanged(
      patch({ participants: [{ organizationUuid: w.a.uuid, role: 'lead' }] }),
      KitosValidationError,
      'owner-participates',
    );
    await refusedUnchanged(
      w.kitos.projects.create(owner, {
        organizationUuid: w.a.uuid,
        name: 'X',
        jointOrganizationUuids: [w.a.uuid],
      }),
      KitosValidationError,
      'owner-participates',
    );
    await refusedUnchanged(
      patch({ participants: [{ organizationUuid: '00000000-0000-4000-8000-0000000fffff', role: 'partner' }] }),
      KitosValidationError,
      'reference-not-found',
    );
    await refusedUnchanged(
      patch({
        participants: [
          { organizationUuid: østby, role: 'partner' },
          { organizationUuid: østby, role: 'observer' },
        ],
      }),
      KitosValidationError,
      'duplicate',
    );
    await refusedUnchanged(
      patch({ participants: [{ organizationUuid: østby, role: 'sponsor' }] }),
      KitosValidationError,
      'invalid-value',
    );
    await refusedUnchanged(
      patch({ participants: [{ organizationUuid: østby, role: 'partner' }], jointOrganizationUuids: [w.b.uuid] }),
      KitosValidationError,
      'participants-mismatch',
    );
  });

  it('shows the participants with names and roles on the card and in the overview of each organisation', async () => {
    const p = await w.kitos.projects.patch(owner, w.a.project, {
      participants: [
        { organizationUuid: w.b.uuid, role: 'lead' },
        { organizationUuid: østby, role: 'observer' },
      ],
    });
    const card = await w.kitos.cards.project(sydbyUser, p.uuid);
    expect(card.participants).toEqual([
      { uuid: w.b.uuid, name: 'Sydby', role: 'lead' },
      { uuid: østby, name: 'Østby Kommune', role: 'observer' },
    ]);
    expect(card.partners.map((x) => x.name)).toEqual(['Sydby', 'Østby Kommune']);
    const row = async (actor: Actor, org: string) =>
      (await w.kitos.overviews.query(actor, 'projects', { organizationUuid: org })).rows.find((r) => r.uuid === p.uuid);
    expect(await row(owner, w.a.uuid)).toMatchObject({
      joint: true,
      ownedHere: true,
      role: 'lead',
      participants: 'Sydby, Østby Kommune',
    });
    expect(await row(østbyUser, østby)).toMatchObject({ ownedHere: false, role: 'observer' });
  });

  it('exports and imports the participants with their roles; an older document without them imports partners', async () => {
    await w.kitos.projects.patch(owner, w.a.project, { participants: [{ organizationUuid: østby, role: 'observer' }] });
    const doc = await exportPortfolio(w.kitos, w.admin, w.a.uuid);
    expect(doc.projects[0]?.participants).toEqual([{ organizationUuid: østby, role: 'observer' }]);
    const target = (await w.kitos.organizations.create(w.admin, { name: 'Vestby Kommune', type: 'Kommune' })).uuid;
    const report = await importPortfolio(w.kitos, w.admin, JSON.parse(JSON.stringify(doc)), {
      targetOrganizationUuid: target,
    });
    expect(report.issues).toEqual([]);
    const imported = await w.kitos.projects.get(w.admin, report.uuidMap[w.a.project] as string);
    expect(imported.participants).toEqual([{ organizationUuid: østby, role: 'observer' }]);
    expect(imported.jointOrganizationUuids).toEqual([østby]);

    const older = JSON.parse(JSON.stringify(doc));
    for (const p of older.projects) delete p.participants;
    const other = (await w.kitos.organizations.create(w.admin, { name: 'Nørreby Kommune', type: 'Kommune' })).uuid;
    const again = await importPortfolio(w.kitos, w.admin, older, { targetOrganizationUuid: other });
    expect(again.issues).toEqual([]);
    expect((await w.kitos.projects.get(w.admin, again.uuidMap[w.a.project] as string)).participants).toEqual([
      { organizationUuid: østby, role: 'partner' },
    ]);
  });
});

describe('interest communities in projects', () => {
  it('lets the people of a community’s member municipalities read the projects the community takes part in or owns', async () => {
    const p = await w.kitos.projects.patch(owner, w.a.project, {
      participants: [{ organizationUuid: community, role: 'partner' }],
    });
    const own = (await w.kitos.projects.create(w.admin, { organizationUuid: community, name: 'Fællesskabets eget' }))
      .uuid;
    const visible = async (actor: Actor) =>
      (await w.kitos.projects.list(actor, { limit: 100 })).items.map((x) => x.name).sort();
    // Before Sydby joins the community it sees neither.
    await expect(w.kitos.projects.get(sydbyUser, p.uuid)).rejects.toBeInstanceOf(KitosNotFoundError);
    expect(await visible(sydbyUser)).toEqual(['Sydby projekt']);
    await w.kitos.coordination.updateSharing(w.admin, community, { communityMembers: [w.b.uuid] });
    expect((await w.kitos.projects.get(sydbyUser, p.uuid)).name).toBe('Nordby projekt');
    expect((await w.kitos.projects.get(sydbyUser, own)).name).toBe('Fællesskabets eget');
    expect(await visible(sydbyUser)).toEqual(['Fællesskabets eget', 'Nordby projekt', 'Sydby projekt']);
    const rows = await w.kitos.overviews.query(sydbyUser, 'projects', { organizationUuid: w.b.uuid });
    expect(rows.rows.map((r) => [r.name, r.role])).toEqual(
      expect.arrayContaining([
        ['Nordby projekt', null],
        ['Fællesskabets eget', null],
        ['Sydby projekt', 'lead'],
      ]),
    );
    // Reading is all a member gets, and a municipality outside the community sees nothing.
    await expect(w.kitos.projects.patch(sydbyUser, p.uuid, { name: 'x' })).rejects.toBeInstanceOf(KitosForbiddenError);
    await expect(w.kitos.projects.get(østbyUser, p.uuid)).rejects.toBeInstanceOf(KitosNotFoundError);
    expect(await visible(østbyUser)).toEqual([]);
    // Leaving the community ends it.
    await w.kitos.coordination.updateSharing(w.admin, community, { communityMembers: [] });
    await expect(w.kitos.projects.get(sydbyUser, p.uuid)).rejects.toBeInstanceOf(KitosNotFoundError);
    expect(await visible(sydbyUser)).toEqual(['Sydby projekt']);
  });
});
