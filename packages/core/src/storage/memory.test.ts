import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KitosConflictError } from '../shared/errors.js';
import { createMemoryStorage } from './memory.js';

const put = (uuid: string, name: string, expectedVersion = 0) => ({
  kind: 'thing',
  uuid,
  organizationUuid: null,
  expectedVersion,
  lastChanged: '2025-01-01T00:00:00.000Z',
  index: { name },
  data: { name, nested: { list: [1, 2] } },
});

describe('memory storage specifics', () => {
  it('returns frozen records, so callers cannot change stored data by mutation', async () => {
    const s = createMemoryStorage();
    await s.transaction((tx) => tx.put(put('u1', 'a')));
    const r = await s.get<{ name: string; nested: { list: number[] } }>('thing', 'u1');
    expect(() => {
      (r as { data: { nested: { list: number[] } } }).data.nested.list.push(3);
    }).toThrow(TypeError);
    expect((await s.get<{ nested: { list: number[] } }>('thing', 'u1'))?.data.nested.list).toEqual([1, 2]);
  });

  it('does not keep a reference to the caller’s input object', async () => {
    const s = createMemoryStorage();
    const input = put('u2', 'a');
    await s.transaction((tx) => tx.put(input));
    (input.data.nested.list as number[]).push(99);
    expect((await s.get<{ nested: { list: number[] } }>('thing', 'u2'))?.data.nested.list).toEqual([1, 2]);
  });

  it('rolls back when the injected write hook fails on the second write', async () => {
    const s = createMemoryStorage({
      beforeWrite: (n) => {
        if (n === 2) throw new Error('disk full');
      },
    });
    await expect(
      s.transaction(async (tx) => {
        await tx.put(put('a', 'a'));
        await tx.put(put('b', 'b'));
      }),
    ).rejects.toThrow('disk full');
    expect(await s.get('thing', 'a')).toBeUndefined();
    expect((await s.changesSince(0)).next).toBe(0);
  });

  it('keeps working after a failed transaction', async () => {
    const s = createMemoryStorage();
    await expect(s.transaction((tx) => tx.put(put('x', 'x', 3)))).rejects.toBeInstanceOf(KitosConflictError);
    await s.transaction((tx) => tx.put(put('x', 'x')));
    expect((await s.get('thing', 'x'))?.version).toBe(1);
  });
});

describe('memory storage field indexes', () => {
  const schema = {
    version: 1,
    kinds: [
      {
        kind: 'thing',
        fields: [
          { name: 'tag', type: 'text' as const },
          { name: 'size', type: 'number' as const },
          { name: 'links', type: 'textList' as const },
        ],
      },
    ],
  };
  const TAGS = ['a', 'b', 'c', 'd'];
  const LINKS = ['l1', 'l2', 'l3', 'l4', 'l5'];
  const thing = (
    uuid: string,
    org: string,
    tag: string | null,
    size: number,
    links: string[],
    expectedVersion: number,
  ) => ({
    kind: 'thing',
    uuid,
    organizationUuid: org,
    expectedVersion,
    lastChanged: '2025-01-01T00:00:00.000Z',
    index: { tag, size, links },
    data: {},
  });

  it('answers eq, in and hasAny exactly like a scan, through commits, deletions and inside a transaction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            id: fc.integer({ min: 0, max: 15 }),
            org: fc.constantFrom('o1', 'o2'),
            tag: fc.option(fc.constantFrom(...TAGS)),
            size: fc.integer({ min: 0, max: 3 }),
            links: fc.subarray(LINKS),
            remove: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        async (steps) => {
          const s = createMemoryStorage();
          await s.migrate(schema);
          const versions = new Map<string, number>();
          const expected = new Map<string, { org: string; tag: string | null; size: number; links: string[] }>();
          // Query first so the indexes exist and must then follow every later write.
          await s.query({ kind: 'thing', filter: { op: 'eq', field: 'tag', value: 'a' } });
          await s.query({ kind: 'thing', filter: { op: 'hasAny', field: 'links', values: ['l1'] } });
          await s.query({ kind: 'thing', filter: { op: 'in', field: 'size', values: [1] } });
          const apply = async (
            tx: Parameters<Parameters<typeof s.transaction>[0]>[0],
            step: (typeof steps)[number],
          ) => {
            const uuid = `t${step.id}`;
            const version = versions.get(uuid) ?? 0;
            if (step.remove && version > 0) {
              await tx.delete('thing', uuid, version, '2025-01-01T00:00:00.000Z');
              versions.set(uuid, 0);
              expected.delete(uuid);
            } else if (!step.remove) {
              const stored = await tx.put(thing(uuid, step.org, step.tag, step.size, step.links, version));
              versions.set(uuid, stored.version);
              expected.set(uuid, { org: step.org, tag: step.tag, size: step.size, links: step.links });
            }
          };
          const check = async (reader: Pick<typeof s, 'query'>) => {
            for (const tag of TAGS) {
              const got = await reader.query({ kind: 'thing', filter: { op: 'eq', field: 'tag', value: tag } });
              const want = [...expected].filter(([, t]) => t.tag === tag).map(([u]) => u);
              expect(got.records.map((r) => r.uuid).sort()).toEqual(want.sort());
            }
            const sizes = await reader.query({
              kind: 'thing',
              organizationUuids: ['o1'],
              filter: {
                op: 'and',
                filters: [
                  { op: 'in', field: 'size', values: [0, 2] },
                  { op: 'eq', field: 'size', value: 2 },
                ],
              },
            });
            const wantSizes = [...expected].filter(([, t]) => t.org === 'o1' && t.size === 2).map(([u]) => u);
            expect(sizes.records.map((r) => r.uuid).sort()).toEqual(wantSizes.sort());
            const linked = await reader.query({
              kind: 'thing',
              filter: { op: 'hasAny', field: 'links', values: ['l2', 'l4', 'l2'] },
            });
            const wantLinked = [...expected]
              .filter(([, t]) => t.links.includes('l2') || t.links.includes('l4'))
              .map(([u]) => u);
            expect(linked.records.map((r) => r.uuid).sort()).toEqual(wantLinked.sort());
          };
          const half = Math.floor(steps.length / 2);
          for (const step of steps.slice(0, half)) await s.transaction((tx) => apply(tx, step));
          await check(s);
          // The rest in one transaction, checked from inside it before it commits, then after.
          await s.transaction(async (tx) => {
            for (const step of steps.slice(half)) await apply(tx, step);
            await check(tx);
          });
          await check(s);
        },
      ),
      { numRuns: 60 },
    );
  });
});
