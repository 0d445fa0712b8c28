import {
  type Actor,
  createKitos,
  fixedClock,
  type Kitos,
  KitosConflictError,
  type KitosError,
  KitosForbiddenError,
  KitosStateError,
  KitosValidationError,
  type StorageAdapter,
} from '@os2kitos/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { everyAdapter } from './every-adapter.js';

const ADAPTERS = everyAdapter('roles');

/** A municipality with a leaver holding roles on two usages, a contract, a registration and a unit. */
async function scenario(storage: StorageAdapter) {
  const kitos: Kitos = await createKitos({ storage, clock: fixedClock('2025-06-15T10:00:00Z') });
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@x.dk' });
  const org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
  const other = (await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
  const person = async (
    first: string,
    organizationUuid: string,
    ...roles: ('LocalAdmin' | 'ContractModuleAdmin')[]
  ) => {
    const u = await kitos.users.create(admin, {
      firstName: first,
      lastName: 'Test',
      email: `${first.replace(/ø/g, 'oe')}@x.dk`,
    });
    for (const role of ['User', ...roles] as const)
      await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid, role });
    return { userUuid: u.uuid } as Actor;
  };
  const leaver = await person('Lene', org);
  const successor = await person('Søren', org);
  const contractAdmin = await person('Conny', org, 'ContractModuleAdmin');
  const outsider = await person('Ole', other);
  const localAdmin = await person('Lis', org, 'LocalAdmin');
  const activate = async (type: Parameters<Kitos['options']['global']>[1]) => {
    const role = (await kitos.options.global(admin, type))[0]!;
    await kitos.options.setLocal(admin, { organizationUuid: org, optionUuid: role.uuid, isActive: true });
    return role.uuid;
  };
  const usageRole = await activate('it-system-usage-role-types');
  const contractRole = await activate('it-contract-role-types');
  const dprRole = await activate('data-processing-registration-role-types');
  const unitRole = await activate('organization-unit-role-types');
  const unit = (await kitos.units.create(admin, { organizationUuid: org, name: 'Nordby' })).uuid;
  const usage = async (name: string) => {
    const system = await kitos.systems.create(admin, { organizationUuid: org, name });
    return kitos.usages.create(admin, {
      organizationUuid: org,
      systemUuid: system.uuid,
      roles: [{ roleUuid: usageRole, userUuid: leaver.userUuid }],
    });
  };
  const esdh = await usage('ESDH');
  const løn = await usage('Løn');
  const contract = await kitos.contracts.create(admin, {
    organizationUuid: org,
    name: 'Driftsaftale',
    roles: [{ roleUuid: contractRole, userUuid: leaver.userUuid }],
  });
  const dpr = await kitos.dataProcessing.create(admin, {
    organizationUuid: org,
    name: 'Lønbehandling',
    roles: [
      { roleUuid: dprRole, userUuid: leaver.userUuid },
      { roleUuid: dprRole, userUuid: successor.userUuid },
    ],
  });
  await kitos.unitRoles.assign(admin, { unitUuid: unit, roleUuid: unitRole, userUuid: leaver.userUuid });
  return {
    kitos,
    admin,
    org,
    leaver,
    successor,
    contractAdmin,
    outsider,
    localAdmin,
    roles: { usageRole, contractRole, dprRole, unitRole },
    esdh,
    løn,
    contract,
    dpr,
    unit,
  };
}

for (const [name, create] of Object.entries(ADAPTERS)) {
  describe(`roles view on ${name}`, () => {
    let s: Awaited<ReturnType<typeof scenario>>;
    beforeEach(async () => {
      s = await scenario(await create());
    }, 60_000);

    it("lists every role with names, a person's roles in one place, and members only", async () => {
      const all = await s.kitos.roles.overview(s.contractAdmin, { organizationUuid: s.org });
      expect(all.rows).toHaveLength(6);
      expect(all.holders.map((h) => [h.user, h.roles])).toEqual([
        ['Lene Test', 5],
        ['Søren Test', 1],
      ]);
      const lene = await s.kitos.roles.overview(s.contractAdmin, {
        organizationUuid: s.org,
        userUuid: s.leaver.userUuid,
      });
      expect(lene.rows.map((r) => [r.objectKind, r.objectName])).toEqual([
        ['itSystemUsage', 'ESDH'],
        ['itSystemUsage', 'Løn'],
        ['itContract', 'Driftsaftale'],
        ['dataProcessingRegistration', 'Lønbehandling'],
        ['organizationUnit', 'Nordby'],
      ]);
      // The contract admin may change the contract's roles only (and, by KITOS's rule, the registration's).
      expect(lene.rows.map((r) => r.mayChange)).toEqual([false, false, true, true, false]);
      expect(lene.rows[2]).toMatchObject({ objectVersion: s.contract.version, user: 'Lene Test', email: 'lene@x.dk' });
      const units = await s.kitos.roles.overview(s.admin, {
        organizationUuid: s.org,
        objectKinds: ['organizationUnit'],
      });
      expect(units.rows.map((r) => r.objectUuid)).toEqual([s.unit]);
      await expect(s.kitos.roles.overview(s.outsider, { organizationUuid: s.org })).rejects.toBeInstanceOf(
        KitosForbiddenError,
      );
    });

    it('previews a transfer: what moves, what the successor already holds, and whether it may', async () => {
      const t = { organizationUuid: s.org, fromUserUuid: s.leaver.userUuid, toUserUuid: s.successor.userUuid };
      const asAdmin = await s.kitos.roles.previewTransfer(s.localAdmin, t);
      expect(asAdmin.items).toHaveLength(5);
      expect(asAdmin.items.filter((i) => i.alreadyHeld).map((i) => i.objectName)).toEqual(['Lønbehandling']);
      expect(asAdmin).toMatchObject({ allowed: true, refused: 0, toIsMember: true, to: { user: 'Søren Test' } });
      const asContractAdmin = await s.kitos.roles.previewTransfer(s.contractAdmin, t);
      expect(asContractAdmin).toMatchObject({ allowed: false, refused: 3 });
      const toOutsider = await s.kitos.roles.previewTransfer(s.localAdmin, { ...t, toUserUuid: s.outsider.userUuid });
      expect(toOutsider).toMatchObject({ allowed: false, toIsMember: false });
    });

    it('moves every role in one transaction, through the write rules, with new versions in the feed', async () => {
      const before = await s.kitos.feed.changesSince(s.admin, 0, { limit: 1000 });
      const result = await s.kitos.roles.transfer(s.localAdmin, {
        organizationUuid: s.org,
        fromUserUuid: s.leaver.userUuid,
        toUserUuid: s.successor.userUuid,
      });
      expect(result.moved).toBe(5);
      expect(result.records).toHaveLength(5);
      const esdh = await s.kitos.usages.get(s.admin, s.esdh.uuid);
      expect(esdh.version).toBe(s.esdh.version + 1);
      expect(esdh.roles).toEqual([{ roleUuid: s.roles.usageRole, userUuid: s.successor.userUuid }]);
      // The successor already held the registration role: the leaver's goes, no duplicate comes.
      expect((await s.kitos.dataProcessing.get(s.admin, s.dpr.uuid)).roles).toEqual([
        { roleUuid: s.roles.dprRole, userUuid: s.successor.userUuid },
      ]);
      expect((await s.kitos.unitRoles.list(s.admin, s.unit)).map((r) => r.userUuid)).toEqual([s.successor.userUuid]);
      const after = await s.kitos.roles.overview(s.admin, { organizationUuid: s.org });
      expect(after.holders.map((h) => [h.user, h.roles])).toEqual([['Søren Test', 5]]);
      const changed = await s.kitos.feed.changesSince(s.admin, before.next);
      expect(changed.changed.map((c) => c.uuid)).toEqual(
        expect.arrayContaining([s.esdh.uuid, s.løn.uuid, s.contract.uuid, s.dpr.uuid]),
      );
      expect(changed.deleted.map((d) => d.kind)).toEqual(['unitRole']);
    });

    it('refuses the whole transfer when one item is not allowed, and changes nothing', async () => {
      const snapshot = async () => (await s.kitos.roles.overview(s.admin, { organizationUuid: s.org })).rows;
      const before = await snapshot();
      // The contract admin may move the contract's and registration's roles, not the usages'.
      const error = await s.kitos.roles
        .transfer(s.contractAdmin, {
          organizationUuid: s.org,
          fromUserUuid: s.leaver.userUuid,
          toUserUuid: s.successor.userUuid,
          items: [
            { objectKind: 'itContract', objectUuid: s.contract.uuid, roleUuid: s.roles.contractRole },
            { objectKind: 'itSystemUsage', objectUuid: s.esdh.uuid, roleUuid: s.roles.usageRole },
          ],
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KitosForbiddenError);
      expect((error as KitosError).context.item).toMatchObject({ index: 1, objectUuid: s.esdh.uuid });
      expect(await snapshot()).toEqual(before);
      // A stale version refuses too, with nothing changed.
      await s.kitos.contracts.patch(s.admin, s.contract.uuid, { general: { notes: 'ændret' } });
      await expect(
        s.kitos.roles.transfer(s.localAdmin, {
          organizationUuid: s.org,
          fromUserUuid: s.leaver.userUuid,
          toUserUuid: s.successor.userUuid,
          items: [
            { objectKind: 'itSystemUsage', objectUuid: s.løn.uuid, roleUuid: s.roles.usageRole },
            {
              objectKind: 'itContract',
              objectUuid: s.contract.uuid,
              roleUuid: s.roles.contractRole,
              expectedVersion: s.contract.version,
            },
          ],
        }),
      ).rejects.toBeInstanceOf(KitosConflictError);
      expect((await s.kitos.usages.get(s.admin, s.løn.uuid)).roles[0]?.userUuid).toBe(s.leaver.userUuid);
      // A successor who is not a member cannot hold roles: refused by the write's reference check.
      await expect(
        s.kitos.roles.transfer(s.localAdmin, {
          organizationUuid: s.org,
          fromUserUuid: s.leaver.userUuid,
          toUserUuid: s.outsider.userUuid,
        }),
      ).rejects.toBeInstanceOf(KitosStateError);
      expect(await snapshot()).toEqual(
        before.map((r) => (r.objectUuid === s.contract.uuid ? { ...r, objectVersion: r.objectVersion! + 1 } : r)),
      );
    });

    it('refuses bad input with a validation error naming the field', async () => {
      const base = { organizationUuid: s.org, fromUserUuid: s.leaver.userUuid };
      const issues = async (input: unknown) => {
        const e = await s.kitos.roles.transfer(s.admin, input as never).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(KitosValidationError);
        return (e as KitosValidationError).issues.map((i) => i.path.join('.'));
      };
      expect(await issues({ ...base, toUserUuid: s.leaver.userUuid })).toEqual(['toUserUuid']);
      expect(
        await issues({
          ...base,
          toUserUuid: s.successor.userUuid,
          items: [{ objectKind: 'itContract', objectUuid: s.esdh.uuid, roleUuid: s.roles.contractRole }],
        }),
      ).toEqual(['items.0']);
      expect(
        await issues({
          ...base,
          toUserUuid: s.successor.userUuid,
          items: [
            { objectKind: 'organizationUnit', objectUuid: s.unit, roleUuid: s.roles.unitRole, expectedVersion: 1 },
          ],
        }),
      ).toEqual(['items.0.expectedVersion']);
    });
  });
}
