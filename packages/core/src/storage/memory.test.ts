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
