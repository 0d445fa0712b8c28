// Smaller leaks: answers that reveal another municipality's data, or whether something exists.
// A record the actor may not see must look exactly like one that does not exist.
import { beforeAll, describe, expect, it } from 'vitest';
import { KitosError, KitosForbiddenError, KitosNotFoundError } from '../../src/index.js';
import { testUuid, type World, world } from './world.js';

/** The error class and code a call fails with. */
async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof KitosError)) throw e;
    const issues = (e as { issues?: { code: string; path: unknown[] }[] }).issues ?? [];
    return `${e.name}:${issues.map((i) => `${i.path.join('.')}=${i.code}`).join(',')}${String(e.context.code ?? '')}`;
  }
  return 'accepted';
}

describe('security: leaks across municipalities', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    await w.kitos.options.seed(w.admin);
  });

  it("options.available answers only for the actor's own organisations", async () => {
    await expect(
      w.kitos.options.available(w.a.people.User, 'it-contract-contract-types', w.b.uuid),
    ).rejects.toBeInstanceOf(KitosNotFoundError);
    expect(
      (await w.kitos.options.available(w.a.people.User, 'it-contract-contract-types', w.a.uuid)).length,
    ).toBeGreaterThan(0);
    expect((await w.kitos.options.available(w.admin, 'it-contract-contract-types', w.b.uuid)).length).toBeGreaterThan(
      0,
    );
  });

  it("an interface cannot be exposed by another municipality's local system, and the refusal reveals nothing", async () => {
    const actor = w.a.people.SystemModuleAdmin;
    const input = (exposedBySystemUuid: string, n: number) => ({
      organizationUuid: w.a.uuid,
      name: `API ${n}`,
      interfaceId: `x${n}`,
      exposedBySystemUuid,
    });
    const foreign = await failure(w.kitos.interfaces.create(actor, input(w.b.localSystem, 1)));
    const unknown = await failure(w.kitos.interfaces.create(actor, input(testUuid(), 2)));
    expect(foreign).not.toBe('accepted');
    expect(foreign).toBe(unknown);
    // Its own local system is fine.
    expect(await failure(w.kitos.interfaces.create(actor, input(w.a.localSystem, 3)))).toBe('accepted');
  });

  it("a project cannot hang under another municipality's project, and the refusal reveals nothing", async () => {
    const actor = w.a.people.LocalAdmin;
    const foreign = await failure(w.kitos.projects.patch(actor, w.a.project, { parentProjectUuid: w.b.project }));
    const unknown = await failure(w.kitos.projects.patch(actor, w.a.project, { parentProjectUuid: testUuid() }));
    expect(foreign).not.toBe('accepted');
    expect(foreign).toBe(unknown);
    const created = await failure(
      w.kitos.projects.create(actor, { organizationUuid: w.a.uuid, name: 'Under', parentProjectUuid: w.b.project }),
    );
    expect(created).toBe(unknown);
  });

  it('no overview, the catalogue included, is computed for an organisation the actor is not a member of', async () => {
    for (const kind of ['catalogue', 'usages', 'contracts', 'dataProcessing', 'projects'] as const) {
      await expect(
        w.kitos.overviews.query(w.a.people.LocalAdmin, kind, { organizationUuid: w.b.uuid }),
      ).rejects.toBeInstanceOf(KitosForbiddenError);
    }
    const own = await w.kitos.overviews.query(w.a.people.User, 'catalogue', { organizationUuid: w.a.uuid });
    expect(own.rows.find((r) => r.uuid === w.publicSystem)?.usedHere).toBe(true);
  });

  it('lists hold only what the actor may read, with totals that count only that', async () => {
    const actor = w.a.people.User;
    for (const svc of [w.kitos.contracts, w.kitos.usages, w.kitos.dataProcessing, w.kitos.units] as const) {
      const all = await (svc as typeof w.kitos.contracts).list(actor);
      expect(all.items.every((x) => x.organizationUuid === w.a.uuid)).toBe(true);
      expect(all.total).toBe(all.items.length);
      const theirs = await (svc as typeof w.kitos.contracts).list(actor, { organizationUuid: w.b.uuid });
      expect(theirs).toEqual({ items: [], total: 0 });
    }
    const systems = await w.kitos.systems.list(actor, { limit: 1000 });
    expect(systems.items.some((s) => s.uuid === w.b.localSystem)).toBe(false);
    expect(systems.items.some((s) => s.uuid === w.a.localSystem)).toBe(true);
    const users = await w.kitos.users.list(actor, { limit: 1000 });
    expect(users.items.some((u) => u.uuid === w.b.people.User.userUuid)).toBe(false);
    expect(users.items.some((u) => u.uuid === w.a.people.LocalAdmin.userUuid)).toBe(true);
  });

  it("a contract's deadlines of another municipality are not found (not forbidden)", async () => {
    await expect(w.kitos.overviews.contractDeadlines(w.b.people.LocalAdmin, w.a.contract)).rejects.toBeInstanceOf(
      KitosNotFoundError,
    );
  });
});
