// A transaction's statements share one database connection, which runs one statement at a time
// (PostgreSQL drivers refuse overlapping queries on a connection). The services must therefore
// never issue two calls at once on a transaction. This wraps the memory adapter so that an
// overlapping call is recorded, then runs writes of every kind, their checks and cascades on it.
// (That the services lock before they check is proven where it matters, by the conformance suite's
// concurrency section on a PostgreSQL server.)
import { describe, expect, it } from 'vitest';
import { createMemoryStorage, type StorageAdapter, type StorageTransaction } from '../../src/index.js';
import { world } from './world.js';

function disciplined(inner: StorageAdapter, log: { overlaps: string[] }): StorageAdapter {
  return {
    ...inner,
    transaction: (work) =>
      inner.transaction(async (tx) => {
        let busy = 0;
        const guard =
          <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
          async (...args: A): Promise<R> => {
            if (busy > 0) log.overlaps.push(name);
            busy++;
            try {
              return await fn(...args);
            } finally {
              busy--;
            }
          };
        const wrapped: StorageTransaction = {
          get: guard('get', tx.get.bind(tx)) as StorageTransaction['get'],
          query: guard('query', tx.query.bind(tx)) as StorageTransaction['query'],
          changesSince: guard('changesSince', tx.changesSince.bind(tx)),
          put: guard('put', tx.put.bind(tx)) as StorageTransaction['put'],
          delete: guard('delete', tx.delete.bind(tx)),
          lock: guard('lock', tx.lock.bind(tx)),
        };
        return work(wrapped);
      }),
  };
}

describe('security: one statement at a time on a transaction', () => {
  it('holds for the writes of every kind, their checks and cascades', async () => {
    const log = { overlaps: [] as string[] };
    const w = await world(disciplined(createMemoryStorage(), log));
    const k = w.kitos;
    const la = w.a.people.LocalAdmin;
    await k.dataProcessing.patch(la, w.a.dpr, {
      contractUuids: [w.a.contract],
      systemUsageUuids: [w.a.usage],
      general: { responsibleUnitUuid: w.a.unit },
    });
    await k.contracts.patch(la, w.a.contract, { responsible: { organizationUnitUuid: w.a.unit } });
    await k.projects.patch(la, w.a.project, { systemUsageUuids: [w.a.usage], contractUuids: [w.a.contract] });
    const child = await k.units.create(la, { organizationUuid: w.a.uuid, name: 'Skole', parentUuid: w.a.unit });
    await k.units.move(la, child.uuid, w.a.root);
    await k.units.delete(la, child.uuid);
    await k.usages.delete(la, w.a.usage);
    await k.contracts.delete(la, w.a.contract);
    await k.dataProcessing.delete(la, w.a.dpr);
    expect(log.overlaps).toEqual([]);
  });
});
