/**
 * The storage conformance suite: one `describe` per capability, run unchanged against every
 * adapter (memory, sql.js in Node and in Chromium, PostgreSQL on a server and on PGlite). Every
 * test builds its own data under a fresh organisation uuid, so tests never see each other's rows
 * even when they share one adapter instance.
 *
 * @module
 */
import {
  KitosConflictError,
  KitosValidationError,
  type StorageAdapter,
  type StorageCapabilities,
  type StorageSchema,
  type StoredRecord,
} from '@os2kitos/core';
import { assertEqual, assertRejects, assertTrue } from './assert.js';
import { type ConcurrencyOptions, concurrencyTests } from './concurrency.js';

/** The test functions of the runner in use (vitest and mocha both fit). */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void): void;
  before?(body: () => Promise<void> | void): void;
  beforeAll?(body: () => Promise<void> | void): void;
  after?(body: () => Promise<void> | void): void;
  afterAll?(body: () => Promise<void> | void): void;
}

/** Options of {@link runStorageConformance}. */
export interface ConformanceOptions {
  /**
   * Creates the adapter under test on a new, empty store. The suite calls it once for its shared
   * tests and again for each concurrency test (which needs an empty store for a first start).
   */
  readonly create: () => Promise<StorageAdapter>;
  /** A second handle on the same store, as another process would open it; see {@link ConcurrencyOptions}. */
  readonly openAnother?: ConcurrencyOptions['openAnother'];
  /** Concurrent writers per concurrency test (default 40). */
  readonly writers?: number;
  /** Test functions of the runner (pass vitest's, or mocha's globals). */
  readonly test: TestApi;
  /** Label in test names, e.g. `sqljs (browser)`. Defaults to the adapter name. */
  readonly label?: string;
}

/** The kind the suite writes; adapters must accept any kind the schema declares. */
export const CONFORMANCE_KIND = 'conformance_item';

/** The storage schema the suite migrates before running. */
export const CONFORMANCE_SCHEMA: StorageSchema = {
  version: 1,
  kinds: [
    {
      kind: CONFORMANCE_KIND,
      fields: [
        { name: 'name', type: 'text' },
        { name: 'code', type: 'text' },
        { name: 'amount', type: 'number' },
        { name: 'due', type: 'date' },
        { name: 'active', type: 'boolean' },
        { name: 'tags', type: 'textList' },
        { name: 'key', type: 'text' },
      ],
      unique: [{ name: 'key', fields: ['key'], perOrganization: true }],
    },
  ],
};

/** An item as the suite writes it (index values = data). */
export interface Item {
  name: string;
  code?: string | null;
  amount?: number | null;
  due?: string | null;
  active?: boolean | null;
  tags?: string[];
  /** Unique per organisation when set. */
  key?: string | null;
}

const NOW = '2025-03-01T12:00:00.000Z';
const uuid = () => globalThis.crypto.randomUUID();

function indexOf(item: Item) {
  return {
    name: item.name,
    code: item.code ?? null,
    amount: item.amount ?? null,
    due: item.due ?? null,
    active: item.active ?? null,
    tags: item.tags ?? [],
    key: item.key ?? null,
  };
}

/**
 * Registers the whole suite with the given test functions.
 *
 * @example
 * ```ts
 * import * as vitest from 'vitest';
 * import { createMemoryStorage } from '@os2kitos/core';
 * import { runStorageConformance } from '@os2kitos/storage-adapters/testing';
 * runStorageConformance({ create: async () => createMemoryStorage(), test: vitest });
 * ```
 */
export function runStorageConformance(options: ConformanceOptions): void {
  const { test } = options;
  const ctx: { adapter?: StorageAdapter } = {};
  const setup = test.beforeAll ?? test.before;
  const teardown = test.afterAll ?? test.after;
  if (!setup || !teardown) throw new Error('[kitos] [storage] the test API needs beforeAll/afterAll (or before/after)');

  test.describe(`storage conformance: ${options.label ?? 'adapter'}`, () => {
    setup(async () => {
      const adapter = await options.create();
      await adapter.migrate(CONFORMANCE_SCHEMA);
      ctx.adapter = adapter;
    });
    teardown(async () => {
      await ctx.adapter?.close();
    });
    // What an adapter declares about itself decides what the suite expects of it.
    const env = () => {
      const adapter = ctx.adapter as StorageAdapter;
      return { adapter, expect: adapter.capabilities };
    };
    recordTests(test, env);
    filterTests(test, env);
    sortAndPageTests(test, env);
    transactionTests(test, env);
    changeFeedTests(test, env);
    hostileValueTests(test, env);
    inputErrorTests(test, env);
    uniqueTests(test, env);
    concurrencyTests(test, { create: options.create, openAnother: options.openAnother, writers: options.writers });
  });
}

type Env = () => { adapter: StorageAdapter; expect: StorageCapabilities };

/** Writes items for a fresh organisation in one transaction; returns the org and records. */
export async function seedItems(adapter: StorageAdapter, items: Item[], org = uuid()) {
  const records = await adapter.transaction(async (tx) => {
    const out: StoredRecord<Item>[] = [];
    for (const item of items) {
      out.push(
        await tx.put({
          kind: CONFORMANCE_KIND,
          uuid: uuid(),
          organizationUuid: org,
          expectedVersion: 0,
          lastChanged: NOW,
          index: indexOf(item),
          data: item,
        }),
      );
    }
    return out;
  });
  return { org, records };
}

const names = (rs: readonly StoredRecord[]) => rs.map((r) => (r.data as Item).name);

function recordTests(t: TestApi, env: Env) {
  t.describe('records and versions', () => {
    t.it('creates at version 1 and reads back exactly what was written', async () => {
      const { adapter } = env();
      const { records } = await seedItems(adapter, [{ name: 'Ærø', amount: 12.5, due: '2025-02-28', tags: ['a'] }]);
      const r = records[0] as StoredRecord<Item>;
      assertEqual(r.version, 1, 'version');
      const back = await adapter.get<Item>(CONFORMANCE_KIND, r.uuid);
      assertEqual(back?.data, { name: 'Ærø', amount: 12.5, due: '2025-02-28', tags: ['a'] }, 'data');
      assertEqual(back?.version, 1, 'stored version');
    });
    t.it('returns undefined for a missing record', async () => {
      assertEqual(await env().adapter.get(CONFORMANCE_KIND, uuid()), undefined);
    });
    t.it('refuses to create a record twice', async () => {
      const { adapter } = env();
      const { org, records } = await seedItems(adapter, [{ name: 'x' }]);
      const r = records[0] as StoredRecord;
      await assertRejects(
        adapter.transaction((tx) =>
          tx.put({
            kind: CONFORMANCE_KIND,
            uuid: r.uuid,
            organizationUuid: org,
            expectedVersion: 0,
            lastChanged: NOW,
            index: indexOf({ name: 'y' }),
            data: { name: 'y' },
          }),
        ),
        (e) => e instanceof KitosConflictError,
        'second create',
      );
    });
    t.it('bumps the version on update and rejects a stale version without changing the record', async () => {
      const { adapter } = env();
      const { org, records } = await seedItems(adapter, [{ name: 'v1' }]);
      const r = records[0] as StoredRecord;
      const put = (name: string, expectedVersion: number) =>
        adapter.transaction((tx) =>
          tx.put({
            kind: CONFORMANCE_KIND,
            uuid: r.uuid,
            organizationUuid: org,
            expectedVersion,
            lastChanged: NOW,
            index: indexOf({ name }),
            data: { name },
          }),
        );
      assertEqual((await put('v2', 1)).version, 2, 'updated version');
      await assertRejects(put('stale', 1), (e) => e instanceof KitosConflictError, 'stale write');
      assertEqual((await adapter.get<Item>(CONFORMANCE_KIND, r.uuid))?.data.name, 'v2', 'unchanged after conflict');
    });
    t.it('deletes only at the expected version', async () => {
      const { adapter } = env();
      const { records } = await seedItems(adapter, [{ name: 'gone' }]);
      const r = records[0] as StoredRecord;
      await assertRejects(
        adapter.transaction((tx) => tx.delete(CONFORMANCE_KIND, r.uuid, 7, NOW)),
        (e) => e instanceof KitosConflictError,
        'delete with wrong version',
      );
      await adapter.transaction((tx) => tx.delete(CONFORMANCE_KIND, r.uuid, 1, NOW));
      assertEqual(await adapter.get(CONFORMANCE_KIND, r.uuid), undefined, 'deleted');
    });
  });
}

function filterTests(t: TestApi, env: Env) {
  const data: Item[] = [
    { name: 'Økonomi', code: 'A1', amount: 10, due: '2025-01-31', active: true, tags: ['drift', 'licens'] },
    { name: 'ESDH', code: 'B2', amount: 20, due: '2025-02-28', active: false, tags: ['drift'] },
    { name: 'Løn', code: null, amount: null, due: null, active: null, tags: [] },
    { name: 'Ærø Borgerservice', code: 'C3', amount: 30, due: '2025-03-01', active: true, tags: ['udvikling'] },
  ];
  const run = async (filter: Parameters<StorageAdapter['query']>[0]['filter']) => {
    const { adapter } = env();
    const { org } = await seedItems(adapter, data);
    const r = await adapter.query<Item>({
      kind: CONFORMANCE_KIND,
      organizationUuids: [org],
      filter,
      sort: [{ field: 'name' }],
    });
    return names(r.records).sort();
  };
  t.describe('filter operators', () => {
    t.it('eq and ne (ne also matches missing values)', async () => {
      assertEqual(await run({ op: 'eq', field: 'code', value: 'B2' }), ['ESDH']);
      assertEqual(await run({ op: 'ne', field: 'code', value: 'B2' }), ['Løn', 'Ærø Borgerservice', 'Økonomi'].sort());
    });
    t.it('number ranges are inclusive with lte/gte and exclude missing values', async () => {
      assertEqual(await run({ op: 'gte', field: 'amount', value: 20 }), ['ESDH', 'Ærø Borgerservice'].sort());
      assertEqual(await run({ op: 'lt', field: 'amount', value: 20 }), ['Økonomi']);
    });
    t.it('dates compare as calendar days: on or before, after', async () => {
      assertEqual(await run({ op: 'lte', field: 'due', value: '2025-02-28' }), ['ESDH', 'Økonomi'].sort());
      assertEqual(await run({ op: 'gt', field: 'due', value: '2025-02-28' }), ['Ærø Borgerservice']);
    });
    t.it('in, isNull and notNull', async () => {
      assertEqual(
        await run({ op: 'in', field: 'code', values: ['A1', 'C3', 'Z9'] }),
        ['Ærø Borgerservice', 'Økonomi'].sort(),
      );
      assertEqual(await run({ op: 'isNull', field: 'amount' }), ['Løn']);
      assertEqual((await run({ op: 'notNull', field: 'due' })).length, 3);
    });
    t.it('contains and startsWith ignore case, Danish letters included', async () => {
      assertEqual(await run({ op: 'contains', field: 'name', value: 'ØKO' }), ['Økonomi']);
      assertEqual(await run({ op: 'contains', field: 'name', value: 'borger' }), ['Ærø Borgerservice']);
      assertEqual(await run({ op: 'startsWith', field: 'name', value: 'æ' }), ['Ærø Borgerservice']);
    });
    t.it('booleans and list membership (hasAny)', async () => {
      assertEqual(await run({ op: 'eq', field: 'active', value: true }), ['Ærø Borgerservice', 'Økonomi'].sort());
      assertEqual(
        await run({ op: 'hasAny', field: 'tags', values: ['licens', 'udvikling'] }),
        ['Ærø Borgerservice', 'Økonomi'].sort(),
      );
    });
    t.it('and, or and not combine', async () => {
      assertEqual(
        await run({
          op: 'or',
          filters: [
            {
              op: 'and',
              filters: [
                { op: 'eq', field: 'active', value: true },
                { op: 'gt', field: 'amount', value: 15 },
              ],
            },
            { op: 'eq', field: 'code', value: 'B2' },
          ],
        }),
        ['ESDH', 'Ærø Borgerservice'].sort(),
      );
      assertEqual(
        await run({ op: 'not', filter: { op: 'hasAny', field: 'tags', values: ['drift'] } }),
        ['Løn', 'Ærø Borgerservice'].sort(),
      );
    });
  });
}

function sortAndPageTests(t: TestApi, env: Env) {
  t.describe('sorting and paging', () => {
    t.it('sorts text with the declared collation (Danish: æ, ø, å after z)', async () => {
      const { adapter, expect } = env();
      const { org } = await seedItems(
        adapter,
        ['åben', 'Zebra', 'ærlig', 'alfa', 'øst', 'Bæver'].map((name) => ({ name })),
      );
      const r = await adapter.query<Item>({
        kind: CONFORMANCE_KIND,
        organizationUuids: [org],
        sort: [{ field: 'name' }],
      });
      const expected =
        expect.collation === 'da'
          ? ['alfa', 'Bæver', 'Zebra', 'ærlig', 'øst', 'åben']
          : ['Bæver', 'Zebra', 'alfa', 'åben', 'ærlig', 'øst'];
      assertEqual(names(r.records), expected, 'sorted names');
    });
    t.it('sorts descending with missing values last and several keys', async () => {
      const { adapter } = env();
      const { org } = await seedItems(adapter, [
        { name: 'a', amount: 1, code: 'x' },
        { name: 'b', amount: null, code: 'x' },
        { name: 'c', amount: 3, code: 'y' },
        { name: 'd', amount: 2, code: 'x' },
      ]);
      const desc = await adapter.query<Item>({
        kind: CONFORMANCE_KIND,
        organizationUuids: [org],
        sort: [{ field: 'amount', direction: 'desc' }],
      });
      assertEqual(names(desc.records), ['c', 'd', 'a', 'b'], 'descending, null last');
      const two = await adapter.query<Item>({
        kind: CONFORMANCE_KIND,
        organizationUuids: [org],
        sort: [{ field: 'code' }, { field: 'amount', direction: 'desc' }],
      });
      assertEqual(names(two.records), ['d', 'a', 'b', 'c'], 'two keys');
    });
    t.it('pages a filtered ascending sort across its missing values like the whole list', async () => {
      const { adapter } = env();
      const { org } = await seedItems(
        adapter,
        Array.from({ length: 17 }, (_, i) => ({
          name: `n${i}`,
          code: i % 4 === 0 ? null : `c${i % 3}`,
          amount: i % 5 === 0 ? null : i % 3,
          active: i % 6 !== 1,
        })),
      );
      const base = {
        kind: CONFORMANCE_KIND,
        organizationUuids: [org],
        filter: { op: 'eq', field: 'active', value: true },
      } as const;
      for (const sort of [
        [{ field: 'code' }],
        [{ field: 'code' }, { field: 'amount', direction: 'desc' }],
        [{ field: 'amount' }, { field: 'code' }],
      ] as const) {
        const all = await adapter.query<Item>({ ...base, sort });
        const paged: string[] = [];
        for (let offset = 0; offset < 20; offset += 4) {
          const page = await adapter.query<Item>({ ...base, sort, offset, limit: 4, count: true });
          assertEqual(page.total, all.records.length, 'total');
          paged.push(...names(page.records));
        }
        assertEqual(paged, names(all.records), `pages of ${JSON.stringify(sort)}`);
        assertEqual(names(all.records).length, 14, 'every active record');
      }
    });
    t.it('pages in a stable total order even when every sort value ties, with a total count', async () => {
      const { adapter } = env();
      const { org, records } = await seedItems(
        adapter,
        Array.from({ length: 23 }, (_, i) => ({ name: 'same', amount: i % 2 })),
      );
      const seen: string[] = [];
      for (let offset = 0; offset < 30; offset += 5) {
        const page = await adapter.query({
          kind: CONFORMANCE_KIND,
          organizationUuids: [org],
          sort: [{ field: 'name' }],
          offset,
          limit: 5,
          count: true,
        });
        assertEqual(page.total, 23, 'total');
        seen.push(...page.records.map((r) => r.uuid));
      }
      assertEqual(seen.length, 23, 'every record once');
      assertEqual([...seen].sort(), records.map((r) => r.uuid).sort(), 'same records');
      assertEqual(seen, [...seen].sort(), 'ties broken by uuid');
    });
    t.it('scopes by organisation, with null meaning global records', async () => {
      const { adapter } = env();
      const a = await seedItems(adapter, [{ name: 'A' }]);
      const b = await seedItems(adapter, [{ name: 'B' }]);
      const r = await adapter.query<Item>({ kind: CONFORMANCE_KIND, organizationUuids: [a.org], count: true });
      assertEqual(names(r.records), ['A']);
      const both = await adapter.query<Item>({
        kind: CONFORMANCE_KIND,
        organizationUuids: [a.org, b.org],
        sort: [{ field: 'name' }],
      });
      assertEqual(names(both.records), ['A', 'B']);
    });
  });
}

function transactionTests(t: TestApi, env: Env) {
  t.describe('transactions', () => {
    t.it('rolls back every write when the work fails midway', async () => {
      const { adapter } = env();
      const org = uuid();
      const before = await adapter.changesSince(0, { organizationUuids: [org] });
      await assertRejects(
        adapter.transaction(async (tx) => {
          await tx.put({
            kind: CONFORMANCE_KIND,
            uuid: uuid(),
            organizationUuid: org,
            expectedVersion: 0,
            lastChanged: NOW,
            index: indexOf({ name: 'one' }),
            data: { name: 'one' },
          });
          await tx.put({
            kind: CONFORMANCE_KIND,
            uuid: uuid(),
            organizationUuid: org,
            expectedVersion: 0,
            lastChanged: NOW,
            index: indexOf({ name: 'two' }),
            data: { name: 'two' },
          });
          throw new Error('injected failure');
        }),
        (e) => e instanceof Error && e.message === 'injected failure',
        'the original error surfaces',
      );
      const r = await adapter.query({ kind: CONFORMANCE_KIND, organizationUuids: [org], count: true });
      assertEqual(r.total, 0, 'nothing written');
      assertEqual(
        (await adapter.changesSince(0, { organizationUuids: [org] })).changed.length,
        before.changed.length,
        'no feed entries',
      );
    });
    t.it('rolls back earlier writes when a later write conflicts', async () => {
      const { adapter } = env();
      const { org, records } = await seedItems(adapter, [{ name: 'keep' }]);
      const existing = records[0] as StoredRecord;
      await assertRejects(
        adapter.transaction(async (tx) => {
          await tx.put({
            kind: CONFORMANCE_KIND,
            uuid: uuid(),
            organizationUuid: org,
            expectedVersion: 0,
            lastChanged: NOW,
            index: indexOf({ name: 'new' }),
            data: { name: 'new' },
          });
          await tx.put({
            kind: CONFORMANCE_KIND,
            uuid: existing.uuid,
            organizationUuid: org,
            expectedVersion: 5,
            lastChanged: NOW,
            index: indexOf({ name: 'bad' }),
            data: { name: 'bad' },
          });
        }),
        (e) => e instanceof KitosConflictError,
        'conflict',
      );
      const r = await adapter.query<Item>({ kind: CONFORMANCE_KIND, organizationUuids: [org] });
      assertEqual(names(r.records), ['keep'], 'only the original remains');
    });
    t.it('sees its own writes inside the transaction', async () => {
      const { adapter } = env();
      const org = uuid();
      const id = uuid();
      const seen = await adapter.transaction(async (tx) => {
        await tx.put({
          kind: CONFORMANCE_KIND,
          uuid: id,
          organizationUuid: org,
          expectedVersion: 0,
          lastChanged: NOW,
          index: indexOf({ name: 'inside' }),
          data: { name: 'inside' },
        });
        const got = await tx.get<Item>(CONFORMANCE_KIND, id);
        const q = await tx.query({ kind: CONFORMANCE_KIND, organizationUuids: [org], count: true });
        return { name: got?.data.name, total: q.total };
      });
      assertEqual(seen, { name: 'inside', total: 1 });
    });
    t.it('lets exactly one of two concurrent writers of the same version win', async () => {
      const { adapter } = env();
      const { org, records } = await seedItems(adapter, [{ name: 'start' }]);
      const r = records[0] as StoredRecord;
      const write = (name: string) =>
        adapter.transaction((tx) =>
          tx.put({
            kind: CONFORMANCE_KIND,
            uuid: r.uuid,
            organizationUuid: org,
            expectedVersion: 1,
            lastChanged: NOW,
            index: indexOf({ name }),
            data: { name },
          }),
        );
      const results = await Promise.allSettled([write('first'), write('second')]);
      assertEqual(results.filter((x) => x.status === 'fulfilled').length, 1, 'one success');
      const rejected = results.find((x) => x.status === 'rejected') as PromiseRejectedResult | undefined;
      assertTrue(rejected?.reason instanceof KitosConflictError, 'the other is a conflict');
      assertEqual((await adapter.get(CONFORMANCE_KIND, r.uuid))?.version, 2, 'one version bump');
    });
  });
}

function changeFeedTests(t: TestApi, env: Env) {
  t.describe('change feed', () => {
    t.it('reports its position (when offered): moved by commits, not by rollbacks', async () => {
      const { adapter } = env();
      assertTrue(typeof adapter.position === 'function', `${adapter.name} should report its change-feed position`);
      const before = (await adapter.position?.()) ?? 0;
      await seedItems(adapter, [{ name: 'p' }]);
      const after = (await adapter.position?.()) ?? 0;
      assertTrue(after > before, 'a commit moves the position');
      await assertRejects(
        adapter.transaction(async (tx) => {
          await tx.put({
            kind: CONFORMANCE_KIND,
            uuid: uuid(),
            organizationUuid: uuid(),
            expectedVersion: 0,
            lastChanged: NOW,
            index: indexOf({ name: 'x' }),
            data: { name: 'x' },
          });
          throw new Error('rollback');
        }),
        (e) => e instanceof Error,
        'rolled back',
      );
      assertEqual(await adapter.position?.(), after, 'a rollback does not');
      assertEqual((await adapter.changesSince(0)).next >= after, true, 'the feed reaches the position');
    });
    t.it('lists created and changed records (latest version) and deletions after a point', async () => {
      const { adapter } = env();
      const { org, records } = await seedItems(adapter, [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
      const start = (await adapter.changesSince(0, { organizationUuids: [org] })).next;
      const [a, b] = records as [StoredRecord, StoredRecord];
      await adapter.transaction(async (tx) => {
        await tx.put({
          kind: CONFORMANCE_KIND,
          uuid: a.uuid,
          organizationUuid: org,
          expectedVersion: 1,
          lastChanged: NOW,
          index: indexOf({ name: 'a2' }),
          data: { name: 'a2' },
        });
        await tx.delete(CONFORMANCE_KIND, b.uuid, 1, NOW);
      });
      const feed = await adapter.changesSince(start, { organizationUuids: [org] });
      assertEqual(names(feed.changed), ['a2'], 'changed');
      assertEqual(
        feed.deleted.map((d) => d.uuid),
        [b.uuid],
        'deleted',
      );
      assertTrue(feed.next > start, 'the position moves on');
      const after = await adapter.changesSince(feed.next, { organizationUuids: [org] });
      assertEqual(
        [after.changed.length, after.deleted.length, after.next],
        [0, 0, feed.next],
        'nothing after the new point',
      );
    });
    t.it(
      'gives readers that include unsettled changes everything committed, and a next that misses nothing',
      async () => {
        const { adapter } = env();
        const { org } = await seedItems(adapter, [{ name: 'x' }]);
        const start = (await adapter.changesSince(0, { organizationUuids: [org] })).next;
        await seedItems(adapter, [{ name: 'y' }], org);
        const feed = await adapter.changesSince(start, { organizationUuids: [org], includeUnsettled: true });
        assertEqual(names(feed.changed), ['y'], 'the committed change');
        assertTrue(feed.next >= start, 'next never goes back');
        await seedItems(adapter, [{ name: 'z' }], org);
        const again = await adapter.changesSince(feed.next, { organizationUuids: [org], includeUnsettled: true });
        assertTrue(names(again.changed).includes('z'), 'asked from next, the later change is there');
      },
    );
    t.it('filters by kind and organisation and pages with a limit', async () => {
      const { adapter } = env();
      const { org } = await seedItems(adapter, [{ name: '1' }, { name: '2' }, { name: '3' }]);
      await seedItems(adapter, [{ name: 'other org' }]);
      const first = await adapter.changesSince(0, { organizationUuids: [org], kinds: [CONFORMANCE_KIND], limit: 2 });
      const rest = await adapter.changesSince(first.next, {
        organizationUuids: [org],
        kinds: [CONFORMANCE_KIND],
        limit: 2,
      });
      assertEqual([...names(first.changed), ...names(rest.changed)], ['1', '2', '3'], 'all three in seq order, once');
      const none = await adapter.changesSince(0, { organizationUuids: [org], kinds: ['no_such_kind'] });
      assertEqual(none.changed.length, 0, 'other kinds excluded');
    });
  });
}

function hostileValueTests(t: TestApi, env: Env) {
  const hostile = [
    `O'Brien "quoted" \\ backslash`,
    `'; DROP TABLE records; --`,
    'nul\u0000byte',
    '😀 emoji 👩‍💻 and æøå ÆØÅ',
    '<img src=x onerror=alert(1)>',
    'x'.repeat(100_000),
    '%_ like wildcards %',
  ];
  t.describe('hostile values', () => {
    t.it('round-trip exactly through data and index, and filter as plain text', async () => {
      const { adapter } = env();
      const { org, records } = await seedItems(
        adapter,
        hostile.map((name) => ({ name, code: name })),
      );
      for (const r of records) {
        const back = await adapter.get<Item>(CONFORMANCE_KIND, r.uuid);
        assertEqual(back?.data.name, (r.data as Item).name, 'data round-trip');
        assertEqual(back?.index.name, (r.data as Item).name, 'index round-trip');
      }
      for (const value of hostile) {
        const eq = await adapter.query<Item>({
          kind: CONFORMANCE_KIND,
          organizationUuids: [org],
          filter: { op: 'eq', field: 'code', value },
        });
        assertEqual(names(eq.records), [value], `eq ${value.slice(0, 20)}`);
      }
      const like = await adapter.query<Item>({
        kind: CONFORMANCE_KIND,
        organizationUuids: [org],
        filter: { op: 'contains', field: 'name', value: '%_' },
      });
      assertEqual(names(like.records), ['%_ like wildcards %'], 'LIKE wildcards are literal');
      const all = await adapter.query({ kind: CONFORMANCE_KIND, organizationUuids: [org], count: true });
      assertEqual(all.total, hostile.length, 'nothing dropped');
    });
  });
}

/** A malformed call is a `KitosValidationError` naming the field, the same on every adapter. */
function inputErrorTests(t: TestApi, env: Env) {
  const invalid = (e: unknown, path: string) =>
    e instanceof KitosValidationError && e.issues.some((i) => i.path.join('.') === path);
  t.describe('malformed input', () => {
    const cases: [string, (a: StorageAdapter) => Promise<unknown>, string][] = [
      [
        'an unknown filter operator',
        (a) => a.query({ kind: CONFORMANCE_KIND, filter: { op: 'like', field: 'name', value: 'x' } as never }),
        'filter.op',
      ],
      [
        'and without filters',
        (a) => a.query({ kind: CONFORMANCE_KIND, filter: { op: 'and' } as never }),
        'filter.filters',
      ],
      [
        'a filter on an unknown field',
        (a) => a.query({ kind: CONFORMANCE_KIND, filter: { op: 'eq', field: 'nope', value: 'x' } }),
        'filter.field',
      ],
      [
        'a number compared with text',
        (a) => a.query({ kind: CONFORMANCE_KIND, filter: { op: 'gt', field: 'amount', value: '5' } }),
        'filter.value',
      ],
      [
        'a sort on an unknown field',
        (a) => a.query({ kind: CONFORMANCE_KIND, sort: [{ field: 'nope' }] }),
        'sort.0.field',
      ],
      ['a negative limit', (a) => a.query({ kind: CONFORMANCE_KIND, limit: -1 }), 'limit'],
      ['a negative offset', (a) => a.query({ kind: CONFORMANCE_KIND, offset: -3 }), 'offset'],
      ['a fractional limit', (a) => a.query({ kind: CONFORMANCE_KIND, limit: 2.5 }), 'limit'],
      ['a uuid that is not a string', (a) => a.get(CONFORMANCE_KIND, 42 as never), 'uuid'],
      ['a feed position that is not a number', (a) => a.changesSince(Number.NaN), 'since'],
      ['a negative feed position', (a) => a.changesSince(-1), 'since'],
      ['a feed limit of zero', (a) => a.changesSince(0, { limit: 0 }), 'limit'],
      ['lock keys that are not strings', (a) => a.transaction((tx) => tx.lock([42 as never])), 'keys'],
    ];
    for (const [what, call, path] of cases) {
      t.it(`refuses ${what} with a validation error naming ${path}`, async () => {
        await assertRejects(call(env().adapter), (e) => invalid(e, path), what);
      });
    }
  });
}

/** Unique constraints of the schema hold in the store itself. */
function uniqueTests(t: TestApi, env: Env) {
  const put = (
    adapter: StorageAdapter,
    org: string,
    item: Item,
    uuid: string = globalThis.crypto.randomUUID(),
    version = 0,
  ) =>
    adapter.transaction((tx) =>
      tx.put({
        kind: CONFORMANCE_KIND,
        uuid,
        organizationUuid: org,
        expectedVersion: version,
        lastChanged: NOW,
        index: indexOf(item),
        data: item,
      }),
    );
  t.describe('unique constraints', () => {
    t.it('refuses a second record with the same key in one organisation, and writes nothing', async () => {
      const { adapter } = env();
      const org = uuid();
      await put(adapter, org, { name: 'a', key: 'K-1' });
      await assertRejects(
        put(adapter, org, { name: 'b', key: 'K-1' }),
        (e) => e instanceof KitosConflictError,
        'duplicate key',
      );
      const all = await adapter.query({ kind: CONFORMANCE_KIND, organizationUuids: [org] });
      assertEqual(all.records.length, 1, 'records after the refused write');
    });
    t.it('allows the same key in another organisation and any number of empty keys', async () => {
      const { adapter } = env();
      await put(adapter, uuid(), { name: 'a', key: 'K-2' });
      await put(adapter, uuid(), { name: 'b', key: 'K-2' });
      const org = uuid();
      await put(adapter, org, { name: 'c' });
      await put(adapter, org, { name: 'd' });
    });
    t.it('frees a key when its record changes it or is deleted', async () => {
      const { adapter } = env();
      const org = uuid();
      const a = await put(adapter, org, { name: 'a', key: 'K-3' });
      await put(adapter, org, { name: 'a', key: 'K-4' }, a.uuid, 1);
      await put(adapter, org, { name: 'b', key: 'K-3' });
      const b = (
        await adapter.query<Item>({
          kind: CONFORMANCE_KIND,
          organizationUuids: [org],
          filter: { op: 'eq', field: 'key', value: 'K-4' },
        })
      ).records[0] as StoredRecord;
      await adapter.transaction((tx) => tx.delete(CONFORMANCE_KIND, b.uuid, b.version, NOW));
      await put(adapter, org, { name: 'c', key: 'K-4' });
    });
    t.it('sees keys taken earlier in the same transaction', async () => {
      const { adapter } = env();
      const org = uuid();
      await assertRejects(
        adapter.transaction(async (tx) => {
          for (const name of ['x', 'y'])
            await tx.put({
              kind: CONFORMANCE_KIND,
              uuid: globalThis.crypto.randomUUID(),
              organizationUuid: org,
              expectedVersion: 0,
              lastChanged: NOW,
              index: indexOf({ name, key: 'K-5' }),
              data: { name, key: 'K-5' },
            });
        }),
        (e) => e instanceof KitosConflictError,
        'duplicate inside one transaction',
      );
      const all = await adapter.query({ kind: CONFORMANCE_KIND, organizationUuids: [org] });
      assertEqual(all.records.length, 0, 'nothing of the failed transaction');
    });
  });
}
