// A crash while saving a sql.js database file leaves the previous file intact (DESIGN §8): a child
// process rewrites a ~20 MB database through openSqlJsFile and is killed with SIGKILL mid-save;
// the file must then open and hold one complete generation, never a mix or a torn file.
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSqlJs } from './load.js';
import { nodeSqlJsWasm, openSqlJsFile } from './node.js';

// 24 records of 400 kB: a ~10 MB file, so a save takes long enough to be interrupted.
const BLOBS = 24;
const BLOB_SIZE = 400_000;
const dir = mkdtempSync(join(tmpdir(), 'kitos-crash-'));
const child = join(dir, 'crash-child.cjs');
const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  // Node 20 cannot run TypeScript: bundle the child (and the adapter source it uses) once.
  await build({
    entryPoints: [fileURLToPath(new URL('./testing/fixtures/crash-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    conditions: ['development'],
    outfile: child,
    logLevel: 'error',
  });
});

interface Message {
  type: string;
  generation: number;
  written?: number;
  total?: number;
}

/** Starts the child and SIGKILLs it when `killWhen` says so; resolves with that message. */
function runUntilKilled(path: string, mode: 'hold' | 'run', killWhen: (m: Message) => boolean): Promise<Message> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = fork(child, [path, wasmPath, mode, '3', String(BLOBS), String(BLOB_SIZE)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let trigger: Message | undefined;
    proc.on('message', (m: Message) => {
      if (!trigger && killWhen(m)) {
        trigger = m;
        proc.kill('SIGKILL');
      }
    });
    proc.on('exit', (code, signal) => {
      if (trigger && signal === 'SIGKILL') resolve(trigger);
      else reject(new Error(`the child ended on its own (code ${code}, signal ${signal})`));
    });
  });
}

/** Opens the file directly with sql.js and returns the generation every blob holds (all equal). */
async function generationInFile(path: string): Promise<number> {
  const SQL = await loadSqlJs(await nodeSqlJsWasm());
  const db = new SQL.Database(readFileSync(path));
  try {
    expect(db.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
    const rows = db.exec('SELECT data FROM kitos_kind_blob ORDER BY uuid')[0]?.values ?? [];
    expect(rows).toHaveLength(BLOBS);
    const blobs = rows.map(([data]) => JSON.parse(data as string) as { generation: number; payload: string });
    const generation = blobs[0]?.generation ?? -1;
    for (const b of blobs) {
      expect(b.generation).toBe(generation); // one complete state, never a mix
      expect(b.payload).toBe(String(generation % 10).repeat(BLOB_SIZE));
    }
    return generation;
  } finally {
    db.close();
  }
}

const temps = (name: string) => readdirSync(dir).filter((f) => f.startsWith(`.${name}.`) && f.endsWith('.tmp'));

describe('sql.js file saves survive SIGKILL mid-save', () => {
  it('keeps the previous generation when killed halfway through writing the next', async () => {
    const path = join(dir, 'hold.sqlite');
    const killedAt = await runUntilKilled(path, 'hold', (m) => m.type === 'mid-save');
    expect(killedAt.generation).toBe(3);
    expect(killedAt.written).toBeLessThan(killedAt.total ?? 0); // really in the middle of the write
    expect(temps('hold.sqlite')).toHaveLength(1); // the torn temporary file is all that was hit
    expect(await generationInFile(path)).toBe(2);

    const reopened = await openSqlJsFile(path, await nodeSqlJsWasm());
    expect(temps('hold.sqlite')).toHaveLength(0); // the dead process's temporary file is removed
    expect((await reopened.query({ kind: 'blob', count: true })).total).toBe(BLOBS);
    await reopened.close();
  }, 120_000);

  it('holds one complete generation when killed at an arbitrary point of a save', async () => {
    const path = join(dir, 'run.sqlite');
    await runUntilKilled(path, 'run', (m) => m.type === 'chunk');
    expect(existsSync(path)).toBe(true);
    // Killed while saving generation 3: the file holds 2 or 3 (or later, if the kill was delivered
    // late), and always one whole generation.
    expect(await generationInFile(path)).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
