// Accounts and organisations: a local admin must not be able to take over someone else's login,
// nobody but a global admin hands out rights that reach across organisations, and an
// organisation's type and default flag are not a local matter.
import { beforeEach, describe, expect, it } from 'vitest';
import { KitosForbiddenError, type OrganizationRole } from '../../src/index.js';
import { dump, ROLES, type World, world } from './world.js';

const FLAGS = ['isGlobalAdmin', 'hasApiAccess', 'hasStakeHolderAccess', 'isSystemIntegrator'] as const;

describe('security: account takeover', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it("a local admin who grants the global admin a membership gains no power over the global admin's login", async () => {
    const la = w.a.people.LocalAdmin;
    await w.kitos.memberships.grant(la, { userUuid: w.admin.userUuid, organizationUuid: w.a.uuid, role: 'User' });
    const before = await dump(w.storage);
    await expect(w.kitos.users.patch(la, w.admin.userUuid, { email: 'evil@example.dk' })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    await expect(w.kitos.users.patch(la, w.admin.userUuid, { firstName: 'Mallory' })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    expect(await dump(w.storage)).toBe(before);
    expect((await w.kitos.users.get(w.admin, w.admin.userUuid)).email).toBe('global@example.dk');
  });

  it('granting a membership to a member of another municipality gives no power over their identity', async () => {
    const la = w.a.people.LocalAdmin;
    const victim = w.b.people.User;
    await w.kitos.memberships.grant(la, { userUuid: victim.userUuid, organizationUuid: w.a.uuid, role: 'User' });
    await expect(w.kitos.users.patch(la, victim.userUuid, { email: 'x@nordby.dk' })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    // Their own admin can no longer change it either: the person now belongs to two organisations.
    await expect(
      w.kitos.users.patch(w.b.people.LocalAdmin, victim.userUuid, { email: 'x@sydby.dk' }),
    ).rejects.toBeInstanceOf(KitosForbiddenError);
    // A global admin can.
    await w.kitos.users.patch(w.admin, victim.userUuid, { email: 'ny@sydby.dk' });
  });

  it("a local admin edits the identity of a user who belongs only to the admin's organisation", async () => {
    const saved = await w.kitos.users.patch(w.a.people.LocalAdmin, w.a.people.User.userUuid, { lastName: 'Nyt navn' });
    expect(saved.lastName).toBe('Nyt navn');
  });

  for (const flag of FLAGS) {
    it(`only a global admin changes ${flag}, on a user or on themselves`, async () => {
      const before = await dump(w.storage);
      for (const role of ROLES) {
        const actor = w.a.people[role as OrganizationRole];
        await expect(w.kitos.users.patch(actor, actor.userUuid, { [flag]: true })).rejects.toBeInstanceOf(
          KitosForbiddenError,
        );
        await expect(w.kitos.users.patch(actor, w.a.people.User.userUuid, { [flag]: true })).rejects.toBeInstanceOf(
          KitosForbiddenError,
        );
      }
      expect(await dump(w.storage)).toBe(before);
      expect((await w.kitos.users.patch(w.admin, w.a.people.User.userUuid, { [flag]: true }))[flag]).toBe(true);
    });
  }

  it('users may still change their own name', async () => {
    const me = w.b.people.ContractModuleAdmin;
    expect((await w.kitos.users.patch(me, me.userUuid, { firstName: 'Kim' })).firstName).toBe('Kim');
  });

  it("a local admin changes neither the organisation's type nor its default flag", async () => {
    const la = w.a.people.LocalAdmin;
    const before = await dump(w.storage);
    await expect(w.kitos.organizations.patch(la, w.a.uuid, { type: 'Virksomhed' })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    await expect(w.kitos.organizations.patch(la, w.a.uuid, { isDefaultOrganization: true })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    expect(await dump(w.storage)).toBe(before);
    expect((await w.kitos.organizations.patch(la, w.a.uuid, { phone: '12345678' })).phone).toBe('12345678');
    expect((await w.kitos.organizations.patch(w.admin, w.a.uuid, { type: 'AndenOffentligMyndighed' })).type).toBe(
      'AndenOffentligMyndighed',
    );
  });

  it('nobody but a global admin grants GlobalAdmin-level roles', async () => {
    for (const role of ['RightsHolderAccess'] as const) {
      await expect(
        w.kitos.memberships.grant(w.a.people.LocalAdmin, {
          userUuid: w.a.people.User.userUuid,
          organizationUuid: w.a.uuid,
          role,
        }),
      ).rejects.toBeInstanceOf(KitosForbiddenError);
    }
  });
});
