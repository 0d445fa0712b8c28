// Faults around sql.js database files: two writers on one file, opening without
// changes, saves that fail, and files that are empty or damaged. The rule each test holds the
// adapter to: a write resolves only when the file holds it, a refused write is never saved later,
// nothing is written that did not change, and a damaged file is refused instead of opened.
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KitosConflictError, KitosError, type PutRecord, type StorageSchema } from '@os2kitos/core';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSqlJs } from './load.js';
import { nodeSqlJsWasm, openSqlJsFile } from './node.js';
import { createSqlJsStorage, type SqlJsStorage } from './storage.js';

const dir = mkdtempSync(join(tmpdir(), 'kitos-faults-'));
const child = join(dir, 'writer-child.cjs');
const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
const file = (name: string) => join(dir, `${name}-${randomUUID().slice(0, 8)}.sqlite`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  // Node 20 cannot run TypeScript: bundle the child (and the adapter source it uses) once.
  await build({
    entryPoints: [fileURLToPath(new URL('./testing/fixtures/writer-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    conditions: ['development'],
    outfile: child,
    logLevel: 'error',
  });
});

const SCHEMA: StorageSchema = { version: 1, kinds: [{ kind: 'note', fields: [{ name: 'title', type: 'text' }] }] };

const note = (title: string, uuid: string = randomUUID()) =>
  ({
    kind: 'note',
    uuid,
    organizationUuid: null,
    expectedVersion: 0,
    lastChanged: '2025-01-01T00:00:00.000Z',
    index: { title },
    data: { title },
  }) satisfies PutRecord;

const titles = async (s: SqlJsStorage) =>
  (await s.query<{ title: string }>({ kind: 'note', sort: [{ field: 'title' }] })).records.map((r) => r.data.title);

/** The note titles a file holds, read with sql.js directly (not through the adapter under test). */
async function titlesInFile(path: string): Promise<string[]> {
  const SQL = await loadSqlJs(await nodeSqlJsWasm());
  const db = new SQL.Database(readFileSync(path));
  try {
    const rows = db.exec("SELECT json_extract(data, '$.title') FROM kitos_kind_note ORDER BY 1")[0]?.values ?? [];
    return rows.map(([t]) => String(t));
  } finally {
    db.close();
  }
}

/** Everything about a file that a rewrite would change: bytes, inode, modification time. */
function fingerprint(path: string) {
  const s = statSync(path, { bigint: true });
  return { bytes: readFileSync(path).toString('base64'), ino: s.ino, mtimeNs: s.mtimeNs, size: s.size };
}

/** A file holding SCHEMA and the given notes, written and closed through the adapter. */
async function fileWith(name: string, notes: readonly string[]): Promise<string> {
  const path = file(name);
  const s = await openSqlJsFile(path);
  await s.migrate(SCHEMA);
  await s.transaction(async (tx) => {
    for (const t of notes) await tx.put(note(t));
  });
  await s.close();
  return path;
}

const failure = (code: string) => Object.assign(new Error(`${code}: simulated by the test`), { code });

interface Message {
  type: string;
  pid: number;
  acknowledged?: string[];
  error?: { name: string; code?: string; message: string; context?: Record<string, unknown> };
}

/** A child process running testing/fixtures/writer-child.ts, with its IPC messages queued. */
class Child {
  readonly proc: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly inbox: Message[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(path: string, mode: 'writer' | 'hold' | 'exit', label = 'w', writes = 1) {
    this.proc = fork(child, [path, wasmPath, mode, label, String(writes)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (m: Message) => {
      this.inbox.push(m);
      for (const l of this.listeners) l();
    });
    this.exited = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => {
        resolve({ code, signal });
        for (const l of this.listeners) l();
      });
    });
  }

  /** The first message of one of `types`; rejects if the child exits without sending one. */
  next(...types: string[]): Promise<Message> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const i = this.inbox.findIndex((m) => types.includes(m.type));
        if (i >= 0) {
          this.listeners.delete(check);
          resolve(this.inbox.splice(i, 1)[0] as Message);
        } else if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
          this.listeners.delete(check);
          reject(new Error(`the child exited without sending ${types.join(' or ')}`));
        }
      };
      this.listeners.add(check);
      check();
    });
  }

  send(message: string): void {
    this.proc.send(message);
  }
}

describe('faults: sql.js files', () => {
  describe('a second writer', () => {
    it('refuses a second process that opens the file for writing, so every acknowledged write is in the file', async () => {
      const path = file('two-processes');
      const writers = [new Child(path, 'writer', 'a', 20), new Child(path, 'writer', 'b', 20)];
      // Both have opened (or been refused) before either writes: the two really overlap.
      const opened = await Promise.all(writers.map((w) => w.next('opened', 'refused')));
      writers.forEach((w, i) => {
        if (opened[i]?.type === 'opened') w.send('go');
      });
      const results = await Promise.all(
        writers.map((w, i) => (opened[i]?.type === 'opened' ? w.next('done') : (opened[i] as Message))),
      );
      await Promise.all(writers.map((w) => w.exited));

      const acknowledged = results.flatMap((r) => r.acknowledged ?? []);
      const inFile = new Set((await titlesInFile(path)).map((t) => t.replace(' ', '-')));
      expect(acknowledged.filter((uuid) => !inFile.has(uuid))).toEqual([]); // no acknowledged write lost
      expect(acknowledged).toHaveLength(20);
      const refused = results.filter((r) => r.type === 'refused');
      expect(refused).toHaveLength(1);
      const holder = results.find((r) => r.type === 'done');
      expect(refused[0]?.error).toMatchObject({ name: 'SqlJsFileLockedError', code: 'conflict' });
      expect(refused[0]?.error?.message).toMatch(/^\[kitos\] \[storage\] /);
      expect(refused[0]?.error?.context).toMatchObject({ adapter: 'sqljs', path, holder: { pid: holder?.pid } });
    }, 60_000);

    it('refuses a second writer in the same process, lets read-only openers in and frees the file on close', async () => {
      const path = await fileWith('same-process', ['first']);
      const writer = await openSqlJsFile(path);
      const second = await openSqlJsFile(path).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(KitosConflictError);
      expect((second as KitosError).message).toContain(path);
      expect((second as KitosError).context).toMatchObject({ adapter: 'sqljs', path, holder: { pid: process.pid } });

      const reader = await openSqlJsFile(path, { readOnly: 'a report' });
      await reader.migrate(SCHEMA);
      expect(await titles(reader)).toEqual(['first']);
      await reader.close();

      await writer.close();
      expect(existsSync(`${path}.lock`)).toBe(false);
      const next = await openSqlJsFile(path);
      await next.migrate(SCHEMA);
      await next.transaction((tx) => tx.put(note('second')));
      await next.close();
      expect(await titlesInFile(path)).toEqual(['first', 'second']);
    });

    it('refuses to replace a file another program changed since it was loaded, and undoes the write', async () => {
      const path = await fileWith('replaced', ['ours']);
      const s = await openSqlJsFile(path);
      await s.migrate(SCHEMA);
      // Another program (a restore from backup, a tool that ignores the lock) writes the file in place.
      const other = await createSqlJsStorage({ ...(await nodeSqlJsWasm()), data: readFileSync(path) });
      await other.migrate(SCHEMA);
      await other.transaction((tx) => tx.put(note('theirs')));
      const theirs = await other.export();
      await other.close();
      writeFileSync(path, theirs);

      const error = await s.transaction((tx) => tx.put(note('lost?'))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KitosConflictError);
      expect((error as KitosError).context).toMatchObject({ adapter: 'sqljs', path });
      expect(readFileSync(path).equals(Buffer.from(theirs))).toBe(true); // their file is kept as it is
      expect(await titles(s)).toEqual(['ours']); // and the refused write is not visible here either
      await s.close();
      expect(await titlesInFile(path)).toEqual(['ours', 'theirs']);
    });

    it('takes over the lock of a writer that was killed', async () => {
      const path = await fileWith('killed', ['before']);
      const holder = new Child(path, 'hold');
      const opened = await holder.next('opened');
      expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: opened.pid });
      await expect(openSqlJsFile(path)).rejects.toBeInstanceOf(KitosConflictError); // alive: held
      holder.proc.kill('SIGKILL');
      expect((await holder.exited).signal).toBe('SIGKILL');
      expect(existsSync(`${path}.lock`)).toBe(true); // SIGKILL runs no exit handler

      const s = await openSqlJsFile(path);
      expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
      await s.migrate(SCHEMA);
      await s.transaction((tx) => tx.put(note('after')));
      await s.close();
      expect(existsSync(`${path}.lock`)).toBe(false);
      expect(await titlesInFile(path)).toEqual(['after', 'before']);
    }, 60_000);

    it('releases the lock when the writing process exits without closing', async () => {
      const path = file('exit');
      const writer = new Child(path, 'exit', 'x');
      await writer.next('written');
      expect(existsSync(`${path}.lock`)).toBe(true);
      writer.send('go');
      expect((await writer.exited).code).toBe(0);
      expect(existsSync(`${path}.lock`)).toBe(false);
      expect(await titlesInFile(path)).toEqual(['x 0']);
    }, 60_000);

    it('refuses a lock held by a process on another host, whose liveness it cannot check', async () => {
      const path = await fileWith('other-host', ['kept']);
      const lock = { pid: 4242, host: 'another-host.example', since: '2025-01-01T00:00:00.000Z', token: 'x' };
      writeFileSync(`${path}.lock`, JSON.stringify(lock));
      const before = fingerprint(path);
      const error = await openSqlJsFile(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KitosConflictError);
      expect((error as KitosError).message).toContain('another-host.example');
      expect((error as KitosError).context).toMatchObject({
        path,
        holder: { pid: 4242, host: 'another-host.example' },
      });
      expect(fingerprint(path)).toEqual(before);
      expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toEqual(lock); // not ours to remove
    });
  });

  describe('opening without changes', () => {
    it('never writes a file opened read-only, even when migrating it in memory', async () => {
      const path = await fileWith('read-only', ['a', 'b']);
      const before = fingerprint(path);
      const listing = readdirSync(dir).sort();

      const s = await openSqlJsFile(path, { readOnly: 'a report' });
      await s.migrate({ version: 2, kinds: [{ kind: 'note', fields: [...(SCHEMA.kinds[0]?.fields ?? [])] }] });
      await s.migrate({
        version: 3,
        kinds: [
          {
            kind: 'note',
            fields: [
              { name: 'title', type: 'text' },
              { name: 'owner', type: 'text' },
            ],
          },
        ],
      });
      expect(await titles(s)).toEqual(['a', 'b']);
      await s.save();
      await s.close();

      expect(fingerprint(path)).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(listing); // no lock, no temporary file
    });

    it('does not rewrite a file opened for writing when nothing changed', async () => {
      const path = await fileWith('unchanged', ['a']);
      const before = fingerprint(path);
      const s = await openSqlJsFile(path);
      await s.migrate(SCHEMA);
      await s.migrate(SCHEMA);
      expect(await titles(s)).toEqual(['a']);
      await s.transaction(async (tx) => void (await tx.get('note', randomUUID()))); // reads only
      await s.save();
      await s.close();
      expect(fingerprint(path)).toEqual(before);
    });

    it('never hands a read-only database to persist, whatever is called', async () => {
      const data = await (async () => {
        const s = await createSqlJsStorage(await nodeSqlJsWasm());
        await s.migrate(SCHEMA);
        await s.transaction((tx) => tx.put(note('x')));
        const bytes = await s.export();
        await s.close();
        return bytes;
      })();
      const persist = vi.fn(async () => {
        throw failure('EROFS'); // a read-only file system
      });
      const s = await createSqlJsStorage({ ...(await nodeSqlJsWasm()), data, persist, readOnly: 'test' });
      await s.migrate({ ...SCHEMA, version: 2 });
      await s.save();
      await s.close();
      expect(persist).not.toHaveBeenCalled();
    });
  });

  describe('failed saves', () => {
    it('rejects a write whose save failed, undoes it in memory and never saves it later', async () => {
      let failing = false;
      const path = file('enospc');
      const s = await openSqlJsFile(path, {
        atomicWrite: {
          onChunk: () => {
            if (failing) throw failure('ENOSPC');
          },
        },
      });
      await s.migrate(SCHEMA);
      await s.transaction((tx) => tx.put(note('saved 1')));
      failing = true;
      const error = await s.transaction((tx) => tx.put(note('refused'))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KitosError);
      expect(error).not.toBeInstanceOf(KitosConflictError);
      expect((error as KitosError).code).toBe('storage');
      expect((error as KitosError).message).toContain('ENOSPC');
      expect((error as KitosError).context).toMatchObject({ adapter: 'sqljs', path });
      expect(await titles(s)).toEqual(['saved 1']); // undone in memory
      expect(await titlesInFile(path)).toEqual(['saved 1']);

      failing = false;
      await s.transaction((tx) => tx.put(note('saved 2')));
      await s.close();
      expect(await titlesInFile(path)).toEqual(['saved 1', 'saved 2']); // the refused write never reached the file
    });

    it('rejects every write that waited on a failed rename, and the writes built on them', async () => {
      const path = file('rename');
      let calls = 0;
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let renameStarted = false;
      const s = await openSqlJsFile(path, {
        atomicWrite: {
          async beforeRename() {
            calls++;
            if (calls !== 3) return; // 1: migrate, 2: 'kept', 3: fails
            renameStarted = true;
            await gate;
            throw failure('EIO');
          },
        },
      });
      await s.migrate(SCHEMA);
      await s.transaction((tx) => tx.put(note('kept')));
      const first = s.transaction((tx) => tx.put(note('in the failed save'))).catch((e: unknown) => e);
      await vi.waitFor(() => expect(renameStarted).toBe(true), { timeout: 10_000, interval: 10 });
      // These commit while the failing save runs; they build on the state it could not save.
      const later = ['later 1', 'later 2', 'later 3'].map((t) =>
        s.transaction((tx) => tx.put(note(t))).catch((e: unknown) => e),
      );
      release();
      const errors = await Promise.all([first, ...later]);
      for (const e of errors) {
        expect(e).toBeInstanceOf(KitosError);
        expect((e as KitosError).message).toContain('EIO');
      }
      expect(await titles(s)).toEqual(['kept']);
      await s.transaction((tx) => tx.put(note('next')));
      await s.close();
      expect(await titlesInFile(path)).toEqual(['kept', 'next']);
    });

    it('with autosave off, a failed save() puts memory back at the last saved state', async () => {
      let failing = false;
      const path = file('manual');
      const s = await openSqlJsFile(path, {
        autosave: false,
        atomicWrite: {
          beforeRename: () => {
            if (failing) throw failure('EIO');
          },
        },
      });
      await s.migrate(SCHEMA);
      await s.transaction((tx) => tx.put(note('saved')));
      await s.save();
      await s.transaction((tx) => tx.put(note('unsaved')));
      failing = true;
      await expect(s.save()).rejects.toBeInstanceOf(KitosError);
      expect(await titles(s)).toEqual(['saved']);
      failing = false;
      await s.close();
      expect(await titlesInFile(path)).toEqual(['saved']);
    });

    it('undoes a write whose custom persist failed, so a later save cannot store it', async () => {
      let failing = false;
      const saved: Uint8Array[] = [];
      const s = await createSqlJsStorage({
        ...(await nodeSqlJsWasm()),
        persist: async (bytes) => {
          if (failing) throw failure('ECONNRESET');
          saved.push(bytes);
        },
      });
      await s.migrate(SCHEMA);
      failing = true;
      await expect(s.transaction((tx) => tx.put(note('refused')))).rejects.toBeInstanceOf(KitosError);
      expect(await titles(s)).toEqual([]);
      failing = false;
      await s.save();
      await s.transaction((tx) => tx.put(note('accepted')));
      const SQL = await loadSqlJs(await nodeSqlJsWasm());
      for (const bytes of saved) {
        const db = new SQL.Database(bytes);
        const rows = db.exec("SELECT count(*) FROM kitos_kind_note WHERE json_extract(data, '$.title') = 'refused'");
        expect(rows[0]?.values).toEqual([[0]]);
        db.close();
      }
      expect(await titles(s)).toEqual(['accepted']);
      await s.close();
    });
  });

  describe('empty and damaged files', () => {
    async function expectRefused(path: string, readOnly: boolean) {
      const error = await openSqlJsFile(path, readOnly ? { readOnly: 'check' } : {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KitosError);
      expect((error as KitosError).code).toBe('storage');
      expect((error as KitosError).message).toMatch(/^\[kitos\] \[storage\] /);
      expect((error as KitosError).message).toContain(path);
      expect((error as KitosError).context).toMatchObject({ adapter: 'sqljs', path });
      expect(existsSync(`${path}.lock`)).toBe(false); // a refused open leaves no lock behind
      return error as KitosError;
    }

    it('refuses a zero-byte file and leaves it as it is', async () => {
      const path = file('empty');
      writeFileSync(path, new Uint8Array(0));
      const before = fingerprint(path);
      expect((await expectRefused(path, false)).message).toContain('empty');
      await expectRefused(path, true);
      expect(fingerprint(path)).toEqual(before);
    });

    it('starts an empty database only where no file exists yet, and never for a read-only open', async () => {
      const path = file('new');
      await expectRefused(path, true);
      expect(existsSync(path)).toBe(false);
      const s = await openSqlJsFile(path);
      await s.migrate(SCHEMA);
      expect(await titles(s)).toEqual([]);
      await s.close();
      expect(await titlesInFile(path)).toEqual([]);
    });

    // A deterministic stream of arbitrary bytes (a linear congruential generator).
    const noise = (length: number, seed: number) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        out[i] = seed >> 16;
      }
      return out;
    };

    it.each([
      [
        'a page in the middle overwritten',
        (b: Uint8Array) => b.set(noise(4096, 7), 4096 * Math.floor(b.length / 8192)),
      ],
      ['256 bytes in the middle overwritten', (b: Uint8Array) => b.set(noise(256, 11), Math.floor(b.length / 2))],
      ['the second half cut off', (b: Uint8Array) => b.subarray(0, Math.floor(b.length / 2))],
    ])('refuses a damaged file, naming it: %s', async (_, damage) => {
      const path = await fileWith(
        'damaged',
        Array.from({ length: 1500 }, (_, i) => `note ${i} ${'x'.repeat(80)}`),
      );
      const bytes = new Uint8Array(readFileSync(path));
      writeFileSync(path, damage(bytes) ?? bytes);
      const before = fingerprint(path);
      const error = await expectRefused(path, false);
      expect(error.message).toMatch(/damaged|malformed|not a database/);
      await expectRefused(path, true);
      expect(fingerprint(path)).toEqual(before);
    });
  });
});
