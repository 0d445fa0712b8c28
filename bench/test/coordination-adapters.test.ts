// The coordination reads give the same answers on the memory adapter (grouped counts computed by
// the core over the records) and on PostgreSQL (grouped counts as one GROUP BY in SQL): the same
// generated country of three municipalities with different sharing settings, loaded into both, and
// every read compared. Also the grouped count itself: PostgreSQL's SQL against the core's reference
// computation on the same store. PostgreSQL is the server in KITOS_PG_URL, or PGlite without it.
import {
  type Actor,
  bulkLoad,
  countGroupsOfRecords,
  createKitos,
  createMemoryStorage,
  fixedClock,
  groupCount,
  type Kitos,
  KitosError,
} from '@os2kitos/core';
import { createPostgresStorage, type PostgresStorage } from '@os2kitos/storage-adapters/postgres';
import { openTestPostgres, type TestPostgres } from '@os2kitos/storage-adapters/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolio, type SampleData } from '../generator/index.js';

const TODAY = '2025-06-15';
const schema = `kitos_coord_${Math.random().toString(36).slice(2, 8)}`;
let pg: TestPostgres;
let pgStorage: PostgresStorage;
let data: SampleData;
let memory: Kitos;
let postgres: Kitos;
let admin: Actor;
let reader: Actor;

async function share(kitos: Kitos): Promise<void> {
  const [a, b] = data.info.municipalityUuids as [string, string, string];
  await kitos.coordination.updateSharing(admin, a, {
    usages: { scope: 'Public', fields: ['responsibleUnit', 'lifeCycleStatus', 'interfaces'] },
    contracts: { scope: 'Public', fields: ['supplier', 'endQuarter', 'procurementForm'] },
    projects: { scope: 'Public', fields: ['phase', 'timeline'] },
  });
  await kitos.coordination.updateSharing(admin, b, { contracts: { scope: 'Public', fields: ['endQuarter'] } });
}

beforeAll(async () => {
  data = generatePortfolio({ seed: 3, scale: 3, today: TODAY });
  admin = { userUuid: data.info.globalAdminUuid };
  const member = data.memberships.find(
    (m) => m.organizationUuid === data.info.municipalityUuids[2] && m.role === 'User',
  );
  reader = { userUuid: member?.userUuid ?? '' };
  const clock = fixedClock(`${TODAY}T10:00:00Z`);
  const mem = createMemoryStorage();
  await bulkLoad(mem, data, { now: `${TODAY}T08:00:00.000Z`, validate: false });
  memory = await createKitos({ storage: mem, clock });
  pg = await openTestPostgres();
  pgStorage = await createPostgresStorage({ client: pg.client, schema });
  await bulkLoad(pgStorage, data, { now: `${TODAY}T08:00:00.000Z`, validate: false });
  postgres = await createKitos({ storage: pgStorage, clock });
  await share(memory);
  await share(postgres);
}, 240_000);

afterAll(async () => {
  await pg?.client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pg?.close();
});

describe(`coordination reads on memory and PostgreSQL (${process.env.KITOS_PG_URL ? 'server' : 'PGlite'})`, () => {
  it('PostgreSQL computes grouped counts in SQL, equal to the reference over the records', async () => {
    expect(pgStorage.groupCount).toBeTypeOf('function');
    const [a, b] = data.info.municipalityUuids as [string, string];
    const queries = [
      { kind: 'itSystemUsage', groupBy: ['systemUuid'] },
      { kind: 'itSystemUsage', groupBy: ['organizationUuid', 'systemUuid'], organizationUuids: [a, b] },
      { kind: 'itSystemUsage', groupBy: ['responsibleUnitUuid'], filter: { op: 'notNull', field: 'mainContractUuid' } },
      { kind: 'itContract', groupBy: ['supplierUuid'] },
      { kind: 'noSuchKind', groupBy: ['x'] },
    ] as const;
    for (const q of queries) {
      const sql = await groupCount(pgStorage, q);
      expect(sql).toEqual(await countGroupsOfRecords(pgStorage, q));
      expect(sql).toEqual(await groupCount(memory.storage, q));
    }
    const usages = await groupCount(pgStorage, queries[0]);
    expect(usages.length).toBeGreaterThan(100);
    expect(Math.max(...usages.map((g) => g.organizations))).toBe(3);
    await expect(groupCount(pgStorage, { kind: 'itContract', groupBy: ['systemUsageUuids'] })).rejects.toBeInstanceOf(
      KitosError,
    );
    await expect(groupCount(pgStorage, { kind: 'itContract', groupBy: [] })).rejects.toBeInstanceOf(KitosError);
  });

  it('answers the catalogue, who-uses, radar, contracts like mine and landscapes alike', async () => {
    const [, b, c] = data.info.municipalityUuids as [string, string, string];
    const kle = data.kleTasks.find((k) => k.taskKey.split('.').length === 2)?.uuid as string;
    const supplier = data.contracts.find((x) => x.organizationUuid === b && x.supplier.organizationUuid)?.supplier
      .organizationUuid as string;
    const both = async <T>(read: (k: Kitos) => Promise<T>) => {
      const m = await read(memory);
      expect(await read(postgres)).toEqual(m);
      return m;
    };
    const first = await both((k) => k.coordination.catalogue(reader, { organizationUuid: c, limit: 20 }));
    expect(first.entries[0]?.organizations).toBe(3);
    await both((k) => k.coordination.catalogue(reader, { kleUuid: kle, minOrganizations: 2, offset: 5, limit: 10 }));
    await both((k) => k.coordination.catalogue(reader, { rightsHolderUuid: supplier, search: 'a' }));
    const top = first.entries.slice(0, 3).map((e) => e.uuid);
    let radarContracts = 0;
    for (const system of top) {
      await both((k) => k.coordination.systemUse(reader, system));
      radarContracts += (await both((k) => k.coordination.radar(reader, { systemUuid: system, months: 36 }))).contracts;
    }
    expect(radarContracts).toBeGreaterThan(0);
    await both((k) => k.coordination.radar(reader, { supplierUuid: supplier, months: 24 }));
    await both((k) => k.coordination.radar(reader, { kleUuid: kle, months: 24, kinds: ['expiry', 'tenderStart'] }));
    const mine = data.contracts.filter((x) => x.organizationUuid === c && x.systemUsageUuids.length > 0).slice(0, 3);
    for (const contract of mine) await both((k) => k.coordination.contractsLikeMine(reader, contract.uuid));
    const similar = await both((k) => k.coordination.similarLandscapes(reader, { organizationUuid: c }));
    expect(similar.length).toBeGreaterThan(0);
    await both((k) => k.coordination.suggestions(reader, { organizationUuid: c, kleUuid: kle }));
  });
});
