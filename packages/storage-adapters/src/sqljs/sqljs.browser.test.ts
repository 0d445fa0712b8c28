// sql.js in Chromium: the conformance suite on IndexedDB persistence, reopening from IndexedDB,
// the guard against another tab's save, and a read-only snapshot opened from a URL.
import { KitosConflictError, type PutRecord, type StorageSchema } from '@os2kitos/core';
import { expect } from '@open-wc/testing';
import { runStorageConformance } from '../testing/conformance/suite.js';
import { SqlJsReadOnlyError } from './errors.js';
import { deleteSqlJsIndexedDb, openSqlJsIndexedDb } from './indexeddb.js';
import { createSqlJsStorage } from './storage.js';
import { openSqlJsFromUrl } from './url.js';

const wasm = { locateFile: (f: string) => `/node_modules/sql.js/dist/${f}` };
const unique = (name: string) => `${name}-${crypto.randomUUID()}`;
const created: string[] = [];
const database = (name: string) => {
  const n = unique(name);
  created.push(n);
  return n;
};
after(async () => {
  for (const n of created) await deleteSqlJsIndexedDb(n);
});

runStorageConformance({
  create: () => openSqlJsIndexedDb(database('conformance'), wasm),
  test: { describe, it, before, after },
  label: 'sqljs (browser, IndexedDB)',
});

const SCHEMA: StorageSchema = { version: 1, kinds: [{ kind: 'note', fields: [{ name: 'title', type: 'text' }] }] };
const note = (title: string): PutRecord => ({
  kind: 'note',
  uuid: crypto.randomUUID(),
  organizationUuid: null,
  expectedVersion: 0,
  lastChanged: '2025-01-01T00:00:00.000Z',
  index: { title },
  data: { title },
});
const titles = async (s: Awaited<ReturnType<typeof createSqlJsStorage>>) =>
  (await s.query<{ title: string }>({ kind: 'note', sort: [{ field: 'title' }] })).records.map((r) => r.data.title);

describe('sql.js in the browser', () => {
  it('keeps the database in IndexedDB across close and reopen', async () => {
    const name = database('reopen');
    const first = await openSqlJsIndexedDb(name, wasm);
    await first.migrate(SCHEMA);
    await first.transaction(async (tx) => {
      await tx.put(note('Ærø'));
      await tx.put(note('Aabenraa'));
    });
    await first.close();
    const second = await openSqlJsIndexedDb(name, wasm);
    expect(await titles(second)).to.deep.equal(['Ærø', 'Aabenraa']);
    expect(second.capabilities.persistent).to.equal(true);
    await second.close();
  });

  it("refuses to overwrite another tab's save of the same database", async () => {
    const name = database('tabs');
    const tabA = await openSqlJsIndexedDb(name, wasm);
    await tabA.migrate(SCHEMA);
    const tabB = await openSqlJsIndexedDb(name, wasm);
    await tabA.transaction((tx) => tx.put(note('from A')));
    let error: unknown;
    try {
      await tabB.transaction((tx) => tx.put(note('from B')));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(KitosConflictError);
    expect(await titles(tabB)).to.deep.equal([]); // the refused write was undone in tab B too
    await tabA.close();
    const reopened = await openSqlJsIndexedDb(name, wasm);
    expect(await titles(reopened)).to.deep.equal(['from A']);
    await reopened.close();
    await tabB.close(); // nothing left to save
  });

  it('opens a snapshot from a URL read-only', async () => {
    const source = await createSqlJsStorage(wasm);
    await source.migrate(SCHEMA);
    await source.transaction(async (tx) => {
      await tx.put(note('Øst'));
      await tx.put(note('Alfa'));
    });
    const url = URL.createObjectURL(
      new Blob([new Uint8Array(await source.export())], { type: 'application/vnd.sqlite3' }),
    );
    await source.close();
    try {
      const snapshot = await openSqlJsFromUrl(url, wasm);
      await snapshot.migrate(SCHEMA);
      expect(await titles(snapshot)).to.deep.equal(['Alfa', 'Øst']);
      let error: unknown;
      try {
        await snapshot.transaction((tx) => tx.put(note('new')));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(SqlJsReadOnlyError);
      expect(await titles(snapshot)).to.deep.equal(['Alfa', 'Øst']);
      await snapshot.close();
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
