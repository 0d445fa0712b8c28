import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_LIMIT, type ListPage, type ListQuery, listAll, MAX_LIST_LIMIT } from './service.js';

/** A `list` over an array that pages as the services do, recording each query. */
function pagedList(data: readonly number[], calls: ListQuery[], total = data.length) {
  return async (query: ListQuery): Promise<ListPage<number>> => {
    calls.push(query);
    const offset = query.offset ?? 0;
    return { items: data.slice(offset, offset + (query.limit ?? DEFAULT_LIST_LIMIT)), total };
  };
}

describe('listAll', () => {
  it('reads page after page at the largest page size until it has the total, keeping the query', async () => {
    const data = Array.from({ length: 2 * MAX_LIST_LIMIT + 7 }, (_, i) => i);
    const calls: ListQuery[] = [];
    expect(await listAll(pagedList(data, calls), { organizationUuid: 'o' })).toEqual(data);
    expect(calls.map((q) => [q.offset, q.limit, q.organizationUuid])).toEqual([
      [0, MAX_LIST_LIMIT, 'o'],
      [MAX_LIST_LIMIT, MAX_LIST_LIMIT, 'o'],
      [2 * MAX_LIST_LIMIT, MAX_LIST_LIMIT, 'o'],
    ]);
  });

  it('makes one call for an empty list', async () => {
    const calls: ListQuery[] = [];
    expect(await listAll(pagedList([], calls))).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('stops at an empty page even when the total promised more (records deleted meanwhile)', async () => {
    const calls: ListQuery[] = [];
    expect(await listAll(pagedList([1, 2, 3], calls, 5_000))).toEqual([1, 2, 3]);
    expect(calls).toHaveLength(2);
  });
});
