/**
 * The lock file that keeps a second writer off a sql.js database file (Node only).
 *
 * Why a lock: the adapter holds the whole database in memory and saves it by replacing the file.
 * Two processes writing the same file would each replace the other's saves, and every write of
 * one of them would be lost with no error. So a process that opens the file for writing first
 * creates `<file>.lock` exclusively (`O_EXCL`: of two processes trying at once, exactly one
 * succeeds) with its pid, host and start time, and removes it on close and on process exit.
 * Readers (read-only opens) never write, so they need no lock.
 *
 * A lock whose holder is gone (killed, crashed, or the machine restarted) is taken over, but only
 * when that is certain: the holder ran on this host and its pid no longer runs, runs a newer
 * process, or belongs to an earlier boot. A lock from another host is never taken over (its
 * process cannot be checked from here); the error names it, to be removed by hand.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { KitosConflictError, KitosError } from '@os2kitos/core';

/**
 * Who holds a database file's lock, as written in `<file>.lock` (JSON).
 *
 * @example
 * ```ts
 * const holder: SqlJsLockHolder = { pid: 4242, host: 'app-1', since: '2025-06-01T08:00:00.000Z', token: '…' };
 * ```
 */
export interface SqlJsLockHolder {
  /** The process id. */
  readonly pid: number;
  /** `os.hostname()` of the machine it runs on. */
  readonly host: string;
  /** When the lock was taken (ISO timestamp). */
  readonly since: string;
  /** Tells this lock apart from any later one, so a process only ever removes its own. */
  readonly token: string;
  /** Linux: the boot the process runs in (a lock from an earlier boot is stale). */
  readonly boot?: string;
  /** Linux: the process's start time, so a pid reused by another process is not taken for the holder. */
  readonly started?: string;
}

/**
 * A second process (or a second store in the same process) tried to open a database file for
 * writing while another one has it open for writing. Nothing was opened or changed. Open it
 * read-only instead, or close the other one; if the holder is certainly gone, remove the lock file
 * named in the message.
 *
 * @example
 * ```ts
 * try {
 *   await openSqlJsFile('./kitos.sqlite');
 * } catch (e) {
 *   if (e instanceof SqlJsFileLockedError) console.error(`in use by pid ${e.holder?.pid}`);
 * }
 * ```
 */
export class SqlJsFileLockedError extends KitosConflictError {
  /** The lock's holder, if the lock file could be read. */
  readonly holder: SqlJsLockHolder | undefined;

  constructor(path: string, lockPath: string, holder: SqlJsLockHolder | undefined) {
    const who = holder ? `process ${holder.pid} on ${holder.host} (since ${holder.since})` : 'another process';
    super(
      'storage',
      `${path} is open for writing by ${who}; open it read-only, or close the other one ` +
        `(if that process is certainly gone, remove ${lockPath})`,
      { adapter: 'sqljs', path, lockPath, holder },
    );
    this.name = 'SqlJsFileLockedError';
    this.holder = holder;
  }
}

/** A lock held by this process; `release()` removes the lock file if it is still this lock's. */
export interface FileLock {
  readonly lockPath: string;
  release(): Promise<void>;
}

/** How long a lock file without readable contents is taken for one being written right now. */
const UNREADABLE_GRACE_MS = 10_000;

/** Lock files this process holds, with the text it wrote into each. */
const held = new Map<string, string>();
let exitHookInstalled = false;

/**
 * On exit (a normal end, `process.exit()`, an uncaught error) remove every lock still held.
 * Only synchronous work runs there. SIGKILL and power loss run nothing: those locks are left
 * behind and taken over as stale by the next writer.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [lockPath, mine] of held) {
      try {
        if (readFileSync(lockPath, 'utf8') === mine) unlinkSync(lockPath);
      } catch {
        // gone already, or not removable: the next writer finds it stale
      }
    }
    held.clear();
  });
}

/**
 * Takes the lock of a database file (`<path>.lock`) for writing, or throws
 * {@link SqlJsFileLockedError} if another writer holds it.
 *
 * @example
 * ```ts
 * const lock = await acquireFileLock('./kitos.sqlite');
 * try { … } finally { await lock.release(); }
 * ```
 */
export async function acquireFileLock(path: string): Promise<FileLock> {
  const lockPath = `${path}.lock`;
  const me: SqlJsLockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
    boot: bootId(),
    started: startTimeOf(process.pid),
  };
  const text = `${JSON.stringify(me)}\n`;
  // A few rounds at most: each round either takes the lock, finds it held (and throws), or removes
  // a stale one; only if other processes keep taking and dropping it in between does it give up.
  for (let round = 0; round < 5; round++) {
    if (await createExclusive(path, lockPath, text)) {
      installExitHook();
      held.set(lockPath, text);
      return { lockPath, release: () => release(lockPath, text) };
    }
    const found = await readLock(lockPath);
    if (found === undefined) continue; // released in the meantime: try again
    if (!isStale(found)) throw new SqlJsFileLockedError(path, lockPath, found.holder);
    await removeStale(path, lockPath, found.text);
  }
  throw new SqlJsFileLockedError(path, lockPath, (await readLock(lockPath))?.holder);
}

async function release(lockPath: string, text: string): Promise<void> {
  if (held.get(lockPath) !== text) return;
  held.delete(lockPath);
  try {
    // Only our own lock: if it was (wrongly) taken over, the other holder's lock stays.
    if ((await readFile(lockPath, 'utf8')) === text) await unlink(lockPath);
  } catch {
    // gone already
  }
}

/** Creates the lock file with O_EXCL and writes it; false if it exists already. */
async function createExclusive(path: string, lockPath: string, text: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(lockPath, 'wx', 0o644);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new KitosError(
      'storage',
      'storage',
      `cannot open ${path} for writing: creating its lock file ${lockPath} failed ` +
        `(${(cause as Error).message}); to only read it, open it read-only`,
      { adapter: 'sqljs', path, lockPath },
      { cause },
    );
  }
  try {
    await handle.writeFile(text);
    await handle.close();
    return true;
  } catch (cause) {
    await handle.close().catch(() => undefined);
    await unlink(lockPath).catch(() => undefined);
    throw new KitosError(
      'storage',
      'storage',
      `cannot open ${path} for writing: writing its lock file ${lockPath} failed (${(cause as Error).message})`,
      { adapter: 'sqljs', path, lockPath },
      { cause },
    );
  }
}

interface FoundLock {
  readonly text: string;
  readonly holder: SqlJsLockHolder | undefined;
  readonly modifiedMs: number;
}

/** Reads a lock file; undefined if there is none. */
async function readLock(lockPath: string): Promise<FoundLock | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    return { text, holder: parseHolder(text), modifiedMs: info.mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function parseHolder(text: string): SqlJsLockHolder | undefined {
  try {
    const v = JSON.parse(text) as Partial<SqlJsLockHolder>;
    if (typeof v.pid === 'number' && typeof v.host === 'string') {
      return { since: '?', token: '', ...v } as SqlJsLockHolder;
    }
  } catch {
    // not JSON: see isStale
  }
  return undefined;
}

/** Whether a lock's holder is certainly gone (see the module description). */
function isStale(found: FoundLock): boolean {
  const h = found.holder;
  // Unreadable: its creator died between creating and writing it, or is writing it right now.
  if (!h) return Date.now() - found.modifiedMs > UNREADABLE_GRACE_MS;
  if (h.host !== hostname()) return false;
  const boot = bootId();
  if (h.boot && boot && h.boot !== boot) return true; // the machine restarted since
  if (!isAlive(h.pid)) return true;
  const started = startTimeOf(h.pid);
  return Boolean(h.started && started && h.started !== started); // the pid now belongs to another process
}

/**
 * Removes a stale lock, unless someone replaced it meanwhile. Why not simply unlink: two openers
 * may both find the same stale lock; if the first removes it and creates its own, a plain unlink
 * by the second would delete the first one's live lock. Renaming is atomic, so the second moves
 * whatever lock is there aside, checks it is the stale one it examined, and puts it back if not.
 */
async function removeStale(path: string, lockPath: string, staleText: string): Promise<void> {
  const aside = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID().slice(0, 8)}.lock.tmp`);
  try {
    await rename(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // another opener removed it
    throw e;
  }
  if ((await readFile(aside, 'utf8').catch(() => undefined)) === staleText) {
    await unlink(aside).catch(() => undefined);
    return;
  }
  // A live lock, taken by another opener after we read the stale one: put it back.
  await rename(aside, lockPath);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to another user
  }
}

/** Linux's id of the current boot; undefined elsewhere. */
function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Linux: when a process started (clock ticks since boot, field 22 of /proc/<pid>/stat). */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; count fields from after its closing ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
