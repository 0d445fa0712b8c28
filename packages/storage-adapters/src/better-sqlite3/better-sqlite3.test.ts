// The better-sqlite3 adapter: the whole conformance suite on a database file, then what is its own:
// WAL and the pragmas, the write lock held from BEGIN, busy timeouts, a second process writing to
// the same file, read-only opens, the file format shared with sql.js, backups, and the Kitos facade
// over a file that is closed and reopened.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createKitos,
  KitosConflictError,
  KitosError,
  KitosValidationError,
  type PutRecord,
  type StorageAdapter,
  type StorageSchema,
} from '@os2kitos/core';
import Database from 'better-sqlite3';
import * as vitest from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlJsFile } from '../sqljs/node.js';
import { runStorageConformance } from '../testing/conformance/suite.js';
import { BetterSqliteReadOnlyError } from './errors.js';
import { BETTER_SQLITE_ADAPTER_NAME } from './name.js';
import { createBetterSqliteStorage } from './storage.js';
import {
  COUNTER_SCHEMA,
  COUNTER_UUID,
  createCounter,
  PeerProgress,
  writeInStep,
} from './testing/fixtures/writer-shared.js';

const dir = mkdtempSync(join(tmpdir(), 'kitos-better-sqlite3-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, `${name}-${randomUUID().slice(0, 8)}.sqlite`);

runStorageConformance({
  create: () => createBetterSqliteStorage({ path: file('conformance') }),
  test: vitest,
  label: 'better-sqlite3 (database file)',
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

const note = (title: string, expectedVersion = 0, uuid: string = randomUUID()) =>
  ({
    kind: 'note',
    uuid,
    organizationUuid: null,
    expectedVersion,
    lastChanged: '2025-01-01T00:00:00.000Z',
    index: { title, size: title.length },
    data: { title },
  }) satisfies PutRecord;

const titles = async (s: StorageAdapter) =>
  (await s.query<{ title: string }>({ kind: 'note', sort: [{ field: 'title' }] })).records.map((r) => r.data.title);

/** Opens the file with a second, raw connection that never waits for a lock. */
const raw = (path: string, readonly = false) => new Database(path, { readonly, timeout: 0 });

describe('better-sqlite3 database file', () => {
  it('keeps records, versions and the change-feed position across close and reopen', async () => {
    const path = file('reopen');
    const first = await createBetterSqliteStorage({ path });
    await first.migrate(SCHEMA);
    const [a] = await first.transaction(async (tx) => [await tx.put(note('Ærø')), await tx.put(note('Aabenraa'))]);
    await first.close();
    expect(existsSync(`${path}-wal`)).toBe(false); // closing checkpointed the WAL into the file

    const second = await createBetterSqliteStorage({ path });
    await second.migrate(SCHEMA);
    expect(await titles(second)).toEqual(['Ærø', 'Aabenraa']); // Danish: "aa" is "å", after æ
    const updated = await second.transaction((tx) => tx.put(note('Ærø 2', 1, a?.uuid)));
    expect(updated.version).toBe(2);
    expect(updated.seq).toBe(3); // the counter continued from the file
    expect(second.capabilities).toEqual({ collation: 'da', persistent: true });
    await second.close();
  });

  it('makes a transaction visible to other connections by the time it resolves, without rewriting the file', async () => {
    const path = file('incremental');
    const s = await createBetterSqliteStorage({ path });
    await s.migrate(SCHEMA);
    const r = await s.transaction((tx) => tx.put(note('committed')));
    const other = raw(path, true);
    try {
      const row = other.prepare('SELECT data FROM kitos_kind_note WHERE uuid = ?').get(r.uuid) as { data: string };
      expect(JSON.parse(row.data)).toEqual({ title: 'committed' });
      expect(existsSync(`${path}-wal`)).toBe(true); // the commit went to the write-ahead log
    } finally {
      other.close();
      await s.close();
    }
  });

  it('sets WAL, synchronous, the busy timeout and the cache on a connection it is given, and leaves it open', async () => {
    const path = file('given');
    const db = new Database(path);
    const s = await createBetterSqliteStorage({ database: db, busyTimeoutMs: 1234, cacheSizeKiB: 4096 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(db.pragma('cache_size', { simple: true })).toBe(-4096);
    expect(s.file).toBe(path);
    await s.close();
    expect(db.open).toBe(true);
    db.close();

    const normal = new Database(path);
    const t = await createBetterSqliteStorage({ database: normal, synchronous: 'normal' });
    expect(normal.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    await t.close();
    normal.close();
  });

  it('holds the write lock from BEGIN, before the first write, until COMMIT', async () => {
    const path = file('immediate');
    const s = await createBetterSqliteStorage({ path });
    await s.migrate(SCHEMA);
    const other = raw(path);
    try {
      let lockedOut: unknown;
      await s.transaction(async (tx) => {
        await tx.query({ kind: 'note' }); // a check before any write, as the core's uniqueness checks
        try {
          other.exec('BEGIN IMMEDIATE');
        } catch (e) {
          lockedOut = e;
        }
        await tx.put(note('after the check'));
      });
      expect((lockedOut as { code?: string } | undefined)?.code).toBe('SQLITE_BUSY');
      other.exec('BEGIN IMMEDIATE'); // free again after COMMIT
      other.exec('ROLLBACK');
    } finally {
      other.close();
      await s.close();
    }
  });

  it('gives up after the busy timeout while another connection writes, then works again', async () => {
    const path = file('busy');
    const s = await createBetterSqliteStorage({ path, busyTimeoutMs: 50 });
    await s.migrate(SCHEMA);
    const other = raw(path);
    other.exec('BEGIN IMMEDIATE');
    const error = await s.transaction((tx) => tx.put(note('blocked'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KitosError);
    expect((error as KitosError).context).toMatchObject({ sqliteCode: 'SQLITE_BUSY', busyTimeoutMs: 50 });
    other.exec('ROLLBACK');
    other.close();
    await s.transaction((tx) => tx.put(note('later')));
    expect(await titles(s)).toEqual(['later']);
    await s.close();
  });

  it('rolls back on an error in the work and leaves no transaction open', async () => {
    const db = new Database(file('rollback'));
    const s = await createBetterSqliteStorage({ database: db });
    await s.migrate(SCHEMA);
    await expect(
      s.transaction(async (tx) => {
        await tx.put(note('undone'));
        expect(db.inTransaction).toBe(true);
        throw new Error('injected');
      }),
    ).rejects.toThrow('injected');
    expect(db.inTransaction).toBe(false);
    expect(await titles(s)).toEqual([]);
    expect(await s.position()).toBe(0);
    await s.close();
    db.close();
  });

  it('runs transactions of two adapters on the same file in one process one at a time', async () => {
    const path = file('two-adapters');
    // No busy timeout at all: if the two interleaved, the second BEGIN IMMEDIATE would fail at once.
    const a = await createBetterSqliteStorage({ path, busyTimeoutMs: 0 });
    const b = await createBetterSqliteStorage({ path, busyTimeoutMs: 0 });
    await a.migrate(SCHEMA);
    await b.migrate(SCHEMA);
    const slowWrite = (s: StorageAdapter, title: string) =>
      s.transaction(async (tx) => {
        await tx.put(note(title));
        await new Promise((resolve) => setImmediate(resolve)); // give the other adapter a turn
        await tx.put(note(`${title} 2`));
      });
    await Promise.all([slowWrite(a, 'a'), slowWrite(b, 'b'), slowWrite(a, 'c'), slowWrite(b, 'd')]);
    expect(await titles(b)).toEqual(['a', 'a 2', 'b', 'b 2', 'c', 'c 2', 'd', 'd 2']);
    await a.close();
    await b.close();
  });

  it('loses no write when a second process writes to the same file at the same time', async () => {
    const path = file('two-processes');
    const rounds = 40;
    const s = await createBetterSqliteStorage({ path, busyTimeoutMs: 30_000 });
    await s.migrate(COUNTER_SCHEMA);
    await createCounter(s);
    const child = fork(
      fileURLToPath(new URL('./testing/fixtures/writer-child.ts', import.meta.url)),
      [path, String(rounds), 'child'],
      { execArgv: ['--conditions', 'development', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    const peer = new PeerProgress();
    const ready = new Promise<void>((resolve) => {
      child.on('message', (m: { type: string; done?: number }) => {
        if (m.type === 'ready') resolve();
        if (m.type === 'progress') peer.report(m.done ?? 0);
      });
    });
    // Bounded without timers: a child that dies fails the test instead of leaving it waiting.
    const exited = new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the writer process failed (${code})`))));
    });
    try {
      await Promise.race([ready, exited]);
      child.send({ type: 'go' });
      await Promise.all([
        // The child may have finished and closed the channel before the parent's last progress
        // report: that send fails harmlessly (the child's exit code is what the test checks).
        writeInStep(s, 'parent', rounds, peer, (done) => {
          if (child.connected) child.send({ type: 'progress', done }, () => undefined);
        }),
        exited,
      ]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill(); // only when the test failed halfway
    }

    const counter = await s.get<{ value: number }>('counter', COUNTER_UUID);
    expect(counter?.data.value).toBe(2 * rounds); // every increment of both processes counted
    expect(counter?.version).toBe(2 * rounds + 1);
    const feed = await s.changesSince(0, { kinds: ['entry'] });
    expect(feed.changed).toHaveLength(2 * rounds);
    // Both processes wrote throughout, not one after the other: round i of each before round i + 1.
    const roundOrder = feed.changed.map((r) => (r.data as { round: number }).round);
    expect(roundOrder).toEqual([...roundOrder].sort((a, b) => a - b));
    // One change-feed position per write, none taken twice: 1 for the counter, 2 per transaction.
    expect(new Set(feed.changed.map((r) => r.seq)).size).toBe(2 * rounds);
    expect(await s.position()).toBe(1 + 4 * rounds);
    await s.close();
  }, 60_000);

  it('opens read-only: reads work, writes and schema changes are refused, nothing changes', async () => {
    const path = file('read-only');
    const writer = await createBetterSqliteStorage({ path });
    await writer.migrate(SCHEMA);
    await writer.transaction(async (tx) => {
      await tx.put(note('Øster'));
      await tx.put(note('Alfa'));
    });
    await writer.close();

    const s = await createBetterSqliteStorage({ path, readOnly: true });
    expect(s.readOnly).toBe(true);
    await s.migrate(SCHEMA); // already applied: fine
    expect(await titles(s)).toEqual(['Alfa', 'Øster']);
    await expect(s.transaction((tx) => tx.put(note('new')))).rejects.toBeInstanceOf(BetterSqliteReadOnlyError);
    const wider: StorageSchema = {
      version: 2,
      kinds: [{ kind: 'note', fields: [...(SCHEMA.kinds[0]?.fields ?? []), { name: 'owner', type: 'text' }] }],
    };
    await expect(s.migrate(wider)).rejects.toBeInstanceOf(BetterSqliteReadOnlyError);
    expect(await titles(s)).toEqual(['Alfa', 'Øster']);
    await s.close();

    await expect(createBetterSqliteStorage({ path: file('missing'), readOnly: true })).rejects.toBeInstanceOf(
      KitosError,
    );
  });

  it('reads a file saved by the sql.js adapter, and sql.js reads its files back', async () => {
    const path = file('shared-format');
    const sqljs = await openSqlJsFile(path);
    await sqljs.migrate(SCHEMA);
    await sqljs.transaction(async (tx) => {
      for (const t of ['åben', 'alfa', 'Zebra', 'ærlig']) await tx.put(note(t));
    });
    await sqljs.close();

    const native = await createBetterSqliteStorage({ path });
    await native.migrate(SCHEMA);
    expect(await titles(native)).toEqual(['alfa', 'Zebra', 'ærlig', 'åben']);
    await native.transaction((tx) => tx.put(note('øst')));
    await native.close();

    const back = await openSqlJsFile(path);
    await back.migrate(SCHEMA);
    expect(await titles(back)).toEqual(['alfa', 'Zebra', 'ærlig', 'øst', 'åben']);
    await back.close();
  });

  it('backs the database up to a file while it is open', async () => {
    const s = await createBetterSqliteStorage({ path: file('backup-source') });
    await s.migrate(SCHEMA);
    await s.transaction((tx) => tx.put(note('kept')));
    const copy = file('backup-copy');
    await s.backup(copy);
    await s.transaction((tx) => tx.put(note('after the backup')));
    await s.close();
    const restored = await createBetterSqliteStorage({ path: copy, readOnly: true });
    expect(await titles(restored)).toEqual(['kept']);
    await restored.close();
  });

  it('refuses files that are not databases and options that name no database or two', async () => {
    const junk = file('junk');
    writeFileSync(junk, 'not a database at all, just some text that is long enough to have a header');
    await expect(createBetterSqliteStorage({ path: junk })).rejects.toBeInstanceOf(KitosError);
    await expect(createBetterSqliteStorage({})).rejects.toBeInstanceOf(KitosValidationError);
    const db = new Database(':memory:');
    await expect(createBetterSqliteStorage({ path: file('x'), database: db })).rejects.toBeInstanceOf(
      KitosValidationError,
    );
    db.close();
  });

  it('runs in memory with `:memory:` (not persistent)', async () => {
    const s = await createBetterSqliteStorage({ path: ':memory:' });
    await s.migrate(SCHEMA);
    await s.transaction((tx) => tx.put(note('volatile')));
    expect(await titles(s)).toEqual(['volatile']);
    expect(s.capabilities.persistent).toBe(false);
    expect(s.name).toBe(BETTER_SQLITE_ADAPTER_NAME);
    await s.close();
    await expect(s.query({ kind: 'note' })).rejects.toThrow('closed');
  });
});

describe('the Kitos facade on better-sqlite3', () => {
  it('bootstraps, creates an organisation and a contract, and reads them back after reopening the file', async () => {
    const path = file('facade');
    const storage = await createBetterSqliteStorage({ path });
    const kitos = await createKitos({ storage });
    const admin = await kitos.organizations.bootstrap({
      firstName: 'Ada',
      lastName: 'Admin',
      email: 'admin@example.dk',
    });
    const aarhus = await kitos.organizations.create(admin, { name: 'Aarhus Kommune', type: 'Kommune' });
    const contract = await kitos.contracts.create(admin, { organizationUuid: aarhus.uuid, name: 'ESDH drift' });
    await kitos.contracts.patch(admin, contract.uuid, { general: { notes: 'forlænget' } }, { expectedVersion: 1 });
    await storage.close();

    const reopened = await createBetterSqliteStorage({ path });
    const again = await createKitos({ storage: reopened });
    const back = await again.contracts.get(admin, contract.uuid);
    expect([back.name, back.version, back.general.notes]).toEqual(['ESDH drift', 2, 'forlænget']);
    expect((await again.organizations.get(admin, aarhus.uuid)).name).toBe('Aarhus Kommune');
    const page = await again.contracts.list(admin, { organizationUuid: aarhus.uuid });
    expect(page.items.map((c) => c.uuid)).toEqual([contract.uuid]);
    // The first user is still there, so bootstrapping again is refused.
    const admin2 = { firstName: 'B', lastName: 'B', email: 'b@example.dk' };
    await expect(again.organizations.bootstrap(admin2)).rejects.toBeInstanceOf(KitosConflictError);
    await reopened.close();
  });
});

describe('position tokens on SQLite (shared with sql.js)', () => {
  it('move for a write under one of the keys and for no other write', async () => {
    const storage = await createBetterSqliteStorage({ path: file('positions') });
    await storage.migrate(SCHEMA);
    const [a, b] = [randomUUID(), randomUUID()];
    const put = (org: string | null, uuid: string = randomUUID(), expectedVersion = 0) =>
      storage.transaction((tx) =>
        tx.put({
          kind: 'note',
          uuid,
          organizationUuid: org,
          expectedVersion,
          lastChanged: '2025-01-01T00:00:00.000Z',
          index: { title: 'x', size: 1 },
          data: { title: 'x' },
        }),
      );
    const ofA = [`kind:note@${a}`];
    const first = await put(a);
    const before = await storage.positionsOf?.(ofA);
    await put(b);
    await put(null);
    expect(await storage.positionsOf?.(ofA), 'writes in another organisation').toBe(before);
    await put(a, first.uuid, 1);
    const afterUpdate = await storage.positionsOf?.(ofA);
    expect(afterUpdate, 'an update under the key').not.toBe(before);
    await storage.transaction((tx) => tx.delete('note', first.uuid, 2, '2025-01-02T00:00:00.000Z'));
    expect(await storage.positionsOf?.(ofA), 'a deletion under the key').not.toBe(afterUpdate);
    const global = await storage.positionsOf?.(['kind:note@']);
    await put(a);
    expect(await storage.positionsOf?.(['kind:note@']), 'records of no organisation').toBe(global);
    await put(null);
    expect(await storage.positionsOf?.(['kind:note@']), 'a record of no organisation').not.toBe(global);
    await storage.close();
  });

  it('give the token a fresh store computes, whatever mix of kinds was written since the last read', async () => {
    const path = file('positions-kinds');
    const TWO: StorageSchema = {
      version: 1,
      kinds: [
        { kind: 'note', fields: [{ name: 'title', type: 'text' }] },
        { kind: 'memo', fields: [{ name: 'title', type: 'text' }] },
      ],
    };
    const storage = await createBetterSqliteStorage({ path });
    await storage.migrate(TWO);
    const orgs = [randomUUID(), randomUUID(), null];
    const keySets = [
      [`kind:note@${orgs[0]}`, `kind:memo@${orgs[1]}`],
      [`kind:note@${orgs[0]}`, `kind:note@${orgs[1]}`, 'kind:memo'],
      ['kind:memo@', `kind:note@${orgs[1]}`],
    ];
    const live: { kind: string; uuid: string; org: string | null; version: number }[] = [];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    for (let step = 0; step < 120; step++) {
      const op = random(4);
      const target = live[random(Math.max(1, live.length))];
      if (op === 3 && target) {
        await storage.transaction((tx) =>
          tx.delete(target.kind, target.uuid, target.version, '2025-01-02T00:00:00.000Z'),
        );
        live.splice(live.indexOf(target), 1);
      } else {
        const record =
          op === 2 && target
            ? target
            : { kind: random(2) ? 'note' : 'memo', uuid: randomUUID(), org: orgs[random(3)] ?? null, version: 0 };
        await storage.transaction((tx) =>
          tx.put({
            kind: record.kind,
            uuid: record.uuid,
            organizationUuid: record.org,
            expectedVersion: record.version,
            lastChanged: '2025-01-01T00:00:00.000Z',
            index: { title: `t${step}` },
            data: { title: `t${step}` },
          }),
        );
        if (record.version === 0) live.push(record);
        record.version++;
      }
      const keys = keySets[step % keySets.length] as string[];
      const fresh = await createBetterSqliteStorage({ path, readOnly: true });
      expect(await storage.positionsOf?.(keys), `step ${step}`).toBe(await fresh.positionsOf?.(keys));
      await fresh.close();
    }
    await storage.close();
  });
});
