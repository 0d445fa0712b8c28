import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  KitosConflictError,
  KitosError,
  KitosValidationError,
  type PutRecord,
  type StorageAdapter,
  type StorageSchema,
} from '@os2kitos/core';
import * as vitest from 'vitest';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runStorageConformance } from '../testing/conformance/suite.js';
import { SqlJsReadOnlyError } from './errors.js';
import { loadSqlJs } from './load.js';
import { nodeSqlJsWasm, openSqlJsFile } from './node.js';
import { createSqlJsStorage, type SqlJsStorage } from './storage.js';
import { openSqlJsFromUrl } from './url.js';

const dir = mkdtempSync(join(tmpdir(), 'kitos-sqljs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, `${name}-${randomUUID().slice(0, 8)}.sqlite`);

runStorageConformance({
  create: () => openSqlJsFile(file('conformance')),
  test: vitest,
  label: 'sqljs (Node, database file)',
});

const SCHEMA: StorageSchema = {
  version: 1,
  kinds: [
    {
      kind: 'note',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'size', type: 'number' },
      ],
    },
  ],
};

const note = (title: string, extra: Record<string, unknown> = {}, expectedVersion = 0, uuid: string = randomUUID()) =>
  ({
    kind: 'note',
    uuid,
    organizationUuid: null,
    expectedVersion,
    lastChanged: '2025-01-01T00:00:00.000Z',
    index: { title, size: title.length, ...extra },
    data: { title },
  }) satisfies PutRecord;

const titles = async (s: StorageAdapter) =>
  (await s.query<{ title: string }>({ kind: 'note', sort: [{ field: 'title' }] })).records.map((r) => r.data.title);

async function rawDatabase(bytes: Uint8Array) {
  const SQL = await loadSqlJs(await nodeSqlJsWasm());
  return new SQL.Database(bytes);
}

describe('sql.js database file (Node)', () => {
  it('keeps records, versions and the change-feed position across close and reopen', async () => {
    const path = file('reopen');
    const first = await openSqlJsFile(path);
    await first.migrate(SCHEMA);
    const [a] = await first.transaction(async (tx) => [await tx.put(note('Ærø')), await tx.put(note('Aabenraa'))]);
    await first.close();

    const second = await openSqlJsFile(path);
    await second.migrate(SCHEMA);
    expect(await titles(second)).toEqual(['Ærø', 'Aabenraa']);
    const updated = await second.transaction((tx) => tx.put(note('Ærø 2', {}, 1, a?.uuid)));
    expect(updated.version).toBe(2);
    expect(updated.seq).toBe(3); // the counter continued from the file
    await second.close();
  });

  it('holds a transaction in the file by the time the transaction resolves', async () => {
    const path = file('durable');
    const s = await openSqlJsFile(path);
    await s.migrate(SCHEMA);
    const r = await s.transaction((tx) => tx.put(note('saved')));
    const db = await rawDatabase(readFileSync(path));
    const rows = db.exec('SELECT data FROM kitos_kind_note WHERE uuid = ?', [r.uuid]);
    expect(rows[0]?.values).toEqual([[JSON.stringify({ title: 'saved' })]]);
    db.close();
    await s.close();
  });

  it('with autosave off, saves only on save() and close()', async () => {
    const path = file('manual');
    const s = await openSqlJsFile(path, { autosave: false });
    await s.migrate(SCHEMA);
    await s.transaction((tx) => tx.put(note('later')));
    await s.save();
    await s.transaction((tx) => tx.put(note('at close')));
    const before = await rawDatabase(readFileSync(path));
    expect(before.exec('SELECT count(*) FROM kitos_kind_note')[0]?.values).toEqual([[1]]);
    before.close();
    await s.close();
    const after = await rawDatabase(readFileSync(path));
    expect(after.exec('SELECT count(*) FROM kitos_kind_note')[0]?.values).toEqual([[2]]);
    after.close();
  });
});

describe('sql.js saving', () => {
  it('shares saves between transactions that commit while a save runs', async () => {
    const saved: Uint8Array[] = [];
    const s = await createSqlJsStorage({ ...(await nodeSqlJsWasm()), persist: async (b) => void saved.push(b) });
    await s.migrate(SCHEMA);
    saved.length = 0;
    const writes = Array.from({ length: 20 }, (_, i) => s.transaction((tx) => tx.put(note(`n${i}`))));
    await Promise.all(writes);
    expect(saved.length).toBeLessThanOrEqual(3);
    const last = await rawDatabase(saved.at(-1) as Uint8Array);
    expect(last.exec('SELECT count(*) FROM kitos_kind_note')[0]?.values).toEqual([[20]]);
    last.close();
    await s.close();
  });

  it('rejects a transaction whose save failed and undoes it, so the next save does not store it', async () => {
    let fail = true;
    const saved: Uint8Array[] = [];
    const s = await createSqlJsStorage({
      ...(await nodeSqlJsWasm()),
      persist: async (b) => {
        if (fail) throw new Error('disk full');
        saved.push(b);
      },
    });
    fail = false;
    await s.migrate(SCHEMA);
    fail = true;
    const error = await s.transaction((tx) => tx.put(note('unsaved'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KitosError);
    expect((error as KitosError).context).toMatchObject({ committed: false, undone: true });
    expect(await titles(s)).toEqual([]);
    fail = false;
    await s.transaction((tx) => tx.put(note('saved')));
    const db = await rawDatabase(saved.at(-1) as Uint8Array);
    expect(db.exec("SELECT json_extract(data, '$.title') FROM kitos_kind_note")[0]?.values).toEqual([['saved']]);
    db.close();
    await s.close();
  });

  it('re-applies cache size and journal mode after every export', async () => {
    const SQL = await loadSqlJs(await nodeSqlJsWasm());
    const original = SQL.Database.prototype.export;
    const instances: InstanceType<typeof SQL.Database>[] = [];
    // Older sql.js reset connection settings on export; simulate that, and check the adapter undoes it.
    const spy = vi.spyOn(SQL.Database.prototype, 'export').mockImplementation(function (
      this: InstanceType<typeof SQL.Database>,
    ) {
      const bytes = original.call(this);
      this.run('PRAGMA cache_size = -2000; PRAGMA journal_mode = DELETE');
      instances.push(this);
      return bytes;
    });
    try {
      const s = await createSqlJsStorage({ ...(await nodeSqlJsWasm()), persist: async () => undefined });
      await s.migrate(SCHEMA);
      await s.transaction((tx) => tx.put(note('x')));
      const db = instances.at(-1);
      expect(db?.exec('PRAGMA cache_size')[0]?.values).toEqual([[-32768]]);
      expect(db?.exec('PRAGMA journal_mode')[0]?.values).toEqual([['memory']]);
      await s.close();
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses bytes that are not a SQLite database', async () => {
    await expect(
      createSqlJsStorage({ ...(await nodeSqlJsWasm()), data: new TextEncoder().encode('not a database at all') }),
    ).rejects.toBeInstanceOf(KitosError);
  });
});

describe('sql.js read-only snapshots', () => {
  async function snapshot(): Promise<Uint8Array> {
    const s = await createSqlJsStorage(await nodeSqlJsWasm());
    await s.migrate(SCHEMA);
    await s.transaction(async (tx) => {
      await tx.put(note('Øster'));
      await tx.put(note('Alfa'));
    });
    const bytes = await s.export();
    await s.close();
    return bytes;
  }

  it('answers queries and refuses writes with SqlJsReadOnlyError, changing nothing', async () => {
    const s = await createSqlJsStorage({ ...(await nodeSqlJsWasm()), data: await snapshot(), readOnly: 'test' });
    await s.migrate(SCHEMA);
    expect(await titles(s)).toEqual(['Alfa', 'Øster']);
    await expect(s.transaction((tx) => tx.put(note('new')))).rejects.toBeInstanceOf(SqlJsReadOnlyError);
    expect(await titles(s)).toEqual(['Alfa', 'Øster']);
    await s.close();
  });

  it('opens a snapshot from a URL read-only, and reports HTTP errors', async () => {
    const bytes = await snapshot();
    const server = createServer((req, res) => {
      if (req.url === '/snapshot.sqlite') res.end(Buffer.from(bytes));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const s = await openSqlJsFromUrl(`${base}/snapshot.sqlite`, await nodeSqlJsWasm());
      await s.migrate(SCHEMA);
      expect(await titles(s)).toEqual(['Alfa', 'Øster']);
      expect(s.capabilities.persistent).toBe(false);
      await expect(s.transaction((tx) => tx.delete('note', randomUUID(), 1, 'x'))).rejects.toBeInstanceOf(
        SqlJsReadOnlyError,
      );
      await s.close();
      await expect(openSqlJsFromUrl(`${base}/missing.sqlite`, await nodeSqlJsWasm())).rejects.toThrow('HTTP 404');
    } finally {
      server.close();
    }
  });
});

describe('sql.js schema migrations', () => {
  const open = async () => createSqlJsStorage(await nodeSqlJsWasm());

  it('adds a field and fills it from the index each record already stores', async () => {
    const s = await open();
    await s.migrate(SCHEMA);
    await s.transaction(async (tx) => {
      await tx.put(note('a', { owner: 'Økonomi' }));
      await tx.put(note('b', { owner: 'Løn' }));
    });
    await s.migrate({
      version: 2,
      kinds: [{ kind: 'note', fields: [...(SCHEMA.kinds[0]?.fields ?? []), { name: 'owner', type: 'text' }] }],
    });
    const r = await s.query<{ title: string }>({ kind: 'note', filter: { op: 'eq', field: 'owner', value: 'Løn' } });
    expect(r.records.map((x) => x.data.title)).toEqual(['b']);
    await s.close();
  });

  it('retypes a field (values that no longer fit become missing) and drops removed fields', async () => {
    const s = await open();
    await s.migrate(SCHEMA);
    await s.transaction((tx) => tx.put(note('x', { code: '12' })));
    await s.migrate({
      version: 2,
      kinds: [
        {
          kind: 'note',
          fields: [
            { name: 'title', type: 'text' },
            { name: 'code', type: 'text' },
          ],
        },
      ],
    });
    expect((await s.query({ kind: 'note', filter: { op: 'eq', field: 'code', value: '12' } })).records).toHaveLength(1);
    await s.migrate({
      version: 3,
      kinds: [
        {
          kind: 'note',
          fields: [
            { name: 'title', type: 'text' },
            { name: 'code', type: 'number' },
          ],
        },
      ],
    });
    expect((await s.query({ kind: 'note', filter: { op: 'isNull', field: 'code' } })).records).toHaveLength(1);
    await expect(s.query({ kind: 'note', filter: { op: 'eq', field: 'size', value: 1 } })).rejects.toBeInstanceOf(
      KitosError,
    );
    await s.close();
  });

  it('refuses to go back to an older schema version', async () => {
    const s = await open();
    await s.migrate({ ...SCHEMA, version: 5 });
    await expect(s.migrate({ ...SCHEMA, version: 4 })).rejects.toThrow('newer');
    await s.close();
  });

  it('rejects names that are not plain identifiers before touching the database', async () => {
    const s = await open();
    const bad = { version: 1, kinds: [{ kind: 'note"; DROP TABLE x; --', fields: [] }] };
    await expect(s.migrate(bad)).rejects.toBeInstanceOf(KitosValidationError);
    const twice = {
      version: 1,
      kinds: [
        {
          kind: 'note',
          fields: [
            { name: 'a', type: 'text' as const },
            { name: 'A', type: 'text' as const },
          ],
        },
      ],
    };
    await expect(s.migrate(twice)).rejects.toBeInstanceOf(KitosValidationError);
    await s.close();
  });

  it('recomputes stored sort keys when the collation tables change', async () => {
    const s = await open();
    await s.migrate(SCHEMA);
    await s.transaction(async (tx) => {
      for (const t of ['åben', 'alfa', 'Zebra']) await tx.put(note(t));
    });
    const db = await rawDatabase(await s.export());
    await s.close();
    // Pretend the keys were written by other collation tables: wrong keys, another version.
    db.run("UPDATE kitos_kind_note SET s_title = CASE v_title WHEN 'åben' THEN 'a' WHEN 'alfa' THEN 'c' ELSE 'b' END");
    db.run("UPDATE kitos_meta SET value = 'older' WHERE name = 'sort_key_version'");
    const stale = await createSqlJsStorage({ ...(await nodeSqlJsWasm()), data: db.export() });
    db.close();
    expect(await titles(stale)).toEqual(['åben', 'Zebra', 'alfa']);
    await stale.migrate(SCHEMA);
    expect(await titles(stale)).toEqual(['alfa', 'Zebra', 'åben']);
    await stale.close();
  });
});

describe('sql.js transactions and input checks', () => {
  let s: SqlJsStorage;
  vitest.beforeAll(async () => {
    s = await createSqlJsStorage(await nodeSqlJsWasm());
    await s.migrate(SCHEMA);
  });
  afterAll(() => s.close());

  it('makes reads outside a running transaction wait for its commit (no dirty reads)', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted = '';
    const writing = s.transaction(async (tx) => {
      inserted = (await tx.put(note('pending'))).uuid;
      await gate;
    });
    await vi.waitFor(() => expect(inserted).not.toBe(''));
    let seen: unknown = 'not yet';
    const reading = s.get('note', inserted).then((r) => {
      seen = r?.version;
    });
    await new Promise((resolve) => setImmediate(resolve)); // let every pending microtask run
    expect(seen).toBe('not yet');
    release();
    await writing;
    await reading;
    expect(seen).toBe(1);
  });

  it('refuses index values that do not fit the declared type, writing nothing', async () => {
    await expect(s.transaction((tx) => tx.put(note('bad', { size: 'large' })))).rejects.toBeInstanceOf(
      KitosValidationError,
    );
    expect((await s.query({ kind: 'note', filter: { op: 'eq', field: 'title', value: 'bad' } })).records).toEqual([]);
  });

  it('refuses filters on undeclared fields and number comparisons with strings', async () => {
    await expect(s.query({ kind: 'note', filter: { op: 'eq', field: 'nope', value: 1 } })).rejects.toBeInstanceOf(
      KitosError,
    );
    await expect(s.query({ kind: 'note', filter: { op: 'gt', field: 'size', value: '3' } })).rejects.toBeInstanceOf(
      KitosError,
    );
  });

  it('refuses writes through a transaction that has ended', async () => {
    let kept: Parameters<Parameters<StorageAdapter['transaction']>[0]>[0] | undefined;
    await s.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept?.put(note('late'))).rejects.toThrow('already ended');
  });

  it('round-trips NUL and unpaired surrogates in uuids, organisations and timestamps', async () => {
    const uuid = `id\u0000${randomUUID()}\uD800`;
    const org = `org\u0000\uDFFF${randomUUID()}`;
    const at = '2025-01-01T00:00:00.000Z\u0000';
    const put = { ...note('odd keys'), uuid, organizationUuid: org, lastChanged: at };
    await s.transaction((tx) => tx.put(put));
    const back = await s.get('note', uuid);
    expect([back?.uuid, back?.organizationUuid, back?.lastChanged]).toEqual([uuid, org, at]);
    const scoped = await s.query({ kind: 'note', organizationUuids: [org] });
    expect(scoped.records.map((r) => r.uuid)).toEqual([uuid]);
    const start = (await s.changesSince(0, { organizationUuids: [org] })).next;
    await s.transaction((tx) => tx.delete('note', uuid, 1, at));
    const feed = await s.changesSince(start, { organizationUuids: [org] });
    expect(feed.deleted.map((d) => [d.uuid, d.organizationUuid, d.deletedAt])).toEqual([[uuid, org, at]]);
  });

  it('reports a conflict for a stale delete and keeps the record', async () => {
    const r = await s.transaction((tx) => tx.put(note('keep')));
    await expect(s.transaction((tx) => tx.delete('note', r.uuid, 2, 'x'))).rejects.toBeInstanceOf(KitosConflictError);
    expect((await s.get('note', r.uuid))?.version).toBe(1);
  });
});
