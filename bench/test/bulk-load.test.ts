// The generated municipality loads into a store in one transaction and every service sees it.
import {
  bulkLoad,
  createKitos,
  createMemoryStorage,
  fixedClock,
  KitosConflictError,
  KitosValidationError,
} from '@os2kitos/core';
import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../generator/index.js';

describe('bulk loading a generated municipality', () => {
  it('loads everything, and the overviews show it to a member of the municipality', async () => {
    const data = generatePortfolio({ seed: 7, scale: 1, today: '2025-06-15' });
    const storage = createMemoryStorage();
    const progress: string[] = [];
    const { written } = await bulkLoad(storage, data, {
      now: '2025-06-15T08:00:00.000Z',
      onProgress: (p) => progress.push(p.kind),
    });
    expect(written).toBeGreaterThan(3000);
    expect(progress).toContain('itSystemUsage');
    const kitos = await createKitos({ storage, clock: fixedClock('2025-06-15T10:00:00Z') });
    const org = data.info.municipalityUuids[0] as string;
    const member = data.memberships.find((m) => m.organizationUuid === org && m.role === 'User');
    expect(member).toBeDefined();
    const actor = { userUuid: member!.userUuid };
    const usages = await kitos.overviews.query(actor, 'usages', {
      organizationUuid: org,
      limit: 50,
      sort: [{ column: 'systemName' }],
    });
    expect(usages.total).toBe(data.usages.length);
    expect(usages.rows).toHaveLength(50);
    const contracts = await kitos.overviews.query(actor, 'contracts', {
      organizationUuid: org,
      filters: [{ column: 'active', op: 'is', value: true }],
    });
    expect(contracts.total).toBeGreaterThan(0);
    expect(contracts.total).toBeLessThan(data.contracts.length);
  });

  it('is all or nothing: a clash with an existing uuid writes nothing', async () => {
    const data = generatePortfolio({ seed: 7, scale: 1, today: '2025-06-15' });
    const storage = createMemoryStorage();
    await bulkLoad(storage, { organizations: data.organizations.slice(0, 1) });
    await expect(bulkLoad(storage, data)).rejects.toBeInstanceOf(KitosConflictError);
    expect((await storage.changesSince(0)).changed).toHaveLength(1);
  });

  it('refuses input whose records break a link, a tree or the KLE hierarchy, and writes none of it', async () => {
    const data = generatePortfolio({ seed: 7, scale: 1, today: '2025-06-15' });
    const a = data.info.municipalityUuids[0] as string;
    const other = data.organizations.find((o) => o.uuid !== a)!;
    const foreignUnit = {
      ...data.units[0]!,
      uuid: '00000000-0000-4000-8000-00000000c0ff',
      organizationUuid: other.uuid,
      parentUuid: null,
    };
    const usage = data.usages.find((u) => u.organizationUuid === a)!;
    const root = data.units.find((u) => u.organizationUuid === a && u.parentUuid === null)!;
    const child = data.units.find((u) => u.parentUuid === root.uuid)!;
    const bad = {
      ...data,
      usages: data.usages.map((u) =>
        u === usage
          ? {
              ...u,
              organizationUsage: { usingUnitUuids: [foreignUnit.uuid], responsibleUnitUuid: foreignUnit.uuid },
            }
          : u,
      ),
      units: [...data.units.map((u) => (u === root ? { ...u, parentUuid: child.uuid } : u)), foreignUnit],
      kleTasks: [
        {
          uuid: '00000000-0000-4000-8000-00000000c001',
          taskKey: '00',
          description: 'A',
          type: 'KLE-Hovedgruppe',
          parentUuid: null,
          activeFrom: null,
          activeTo: null,
        },
        {
          uuid: '00000000-0000-4000-8000-00000000c002',
          taskKey: '01.02',
          description: 'B',
          type: 'KLE-Gruppe',
          parentUuid: '00000000-0000-4000-8000-00000000c001',
          activeFrom: null,
          activeTo: null,
        },
      ],
    } as typeof data;
    const storage = createMemoryStorage();
    const error = await bulkLoad(storage, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KitosValidationError);
    const issues = (error as KitosValidationError).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ['itSystemUsage', usage.uuid, 'organizationUsage', 'responsibleUnitUuid'],
          code: 'not-same-organisation',
        }),
        expect.objectContaining({ path: ['organizationUnit', root.uuid, 'parentUuid'], code: 'cycle' }),
        expect.objectContaining({ code: 'kle-parent-key-mismatch' }),
      ]),
    );
    expect((await storage.changesSince(0)).changed).toHaveLength(0);
  });
});
