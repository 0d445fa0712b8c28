/**
 * Node-only helpers for the sql.js adapter (kept in their own subpath so `node:*` never reaches a
 * browser bundle): the packaged `.wasm`, and database files saved atomically, locked against a
 * second writer and checked for damage on open.
 *
 * @example
 * ```ts
 * import { openSqlJsFile } from '@os2kitos/storage-adapters/sqljs/node';
 * const storage = await openSqlJsFile('./kitos.sqlite');
 * ```
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { KitosConflictError, KitosError } from '@os2kitos/core';
import { acquireFileLock } from './file-lock.js';
import { type SqlJsWasmSource, sqlJsLoadedFrom } from './load.js';
import { createSqlJsStorage, type SqlJsStorage, type SqlJsStorageOptions } from './storage.js';

export { SqlJsDamagedError } from './errors.js';
export { SqlJsFileLockedError, type SqlJsLockHolder } from './file-lock.js';

/**
 * Reads the `.wasm` that ships with the installed sql.js package.
 *
 * @example
 * ```ts
 * const SQL = await loadSqlJs(await nodeSqlJsWasm());
 * ```
 */
export async function nodeSqlJsWasm(): Promise<SqlJsWasmSource> {
  const require = createRequire(import.meta.url);
  return { wasmBinary: new Uint8Array(await readFile(require.resolve('sql.js/dist/sql-wasm.wasm'))) };
}

/**
 * Options of {@link writeFileAtomic}.
 *
 * @example
 * ```ts
 * const options: AtomicWriteOptions = { chunkSize: 1 << 20 };
 * ```
 */
export interface AtomicWriteOptions {
  /** Bytes per write call (default 4 MiB). */
  readonly chunkSize?: number;
  /**
   * Called after each chunk reached the temporary file (progress, and tests that crash mid-save;
   * throw to simulate a failed write, e.g. a full disk).
   */
  readonly onChunk?: (written: number, total: number) => void | Promise<void>;
  /**
   * The file as it must still be on disk when it is replaced: the stamp returned by the previous
   * {@link writeFileAtomic} or {@link stampFile}, or `null` for "must not exist". If the file is
   * another one by then (another program wrote it), nothing is replaced and a
   * {@link SqlJsFileChangedError} is thrown. Omit to replace whatever is there.
   */
  readonly expected?: FileStamp | null;
  /**
   * Test hook: called when the temporary file is complete and flushed, just before it is renamed
   * over the target; throw to simulate a failed rename.
   */
  readonly beforeRename?: () => void | Promise<void>;
}

/**
 * Which file a path held at one moment: device, inode, size and modification time (in
 * nanoseconds, as decimal strings so the stamp can be logged as JSON). A program that replaces
 * the file (a new inode) or writes into it (a new modification time) changes the stamp.
 *
 * @example
 * ```ts
 * const stamp: FileStamp = await writeFileAtomic('./kitos.sqlite', bytes);
 * await writeFileAtomic('./kitos.sqlite', next, { expected: stamp }); // refused if someone else wrote it
 * ```
 */
export interface FileStamp {
  readonly dev: string;
  readonly ino: string;
  readonly size: string;
  readonly mtimeNs: string;
}

const stampOf = (s: BigIntStats): FileStamp => ({
  dev: String(s.dev),
  ino: String(s.ino),
  size: String(s.size),
  mtimeNs: String(s.mtimeNs),
});

const sameStamp = (a: FileStamp | null, b: FileStamp | null) =>
  a === b ||
  (a !== null && b !== null && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs);

/**
 * The stamp of the file at `path` now, or `null` if there is none.
 *
 * @example
 * ```ts
 * const before = await stampFile('./kitos.sqlite');
 * ```
 */
export async function stampFile(path: string): Promise<FileStamp | null> {
  try {
    return stampOf(await stat(path, { bigint: true }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

const tempPrefix = (path: string) => `.${basename(path)}.`;

/**
 * Replaces a file atomically: writes a temporary file in the same directory, flushes it to disk
 * (fsync), renames it over the target and flushes the directory. A crash at any point leaves either
 * the old file or the new one, never a mix; at worst a stray temporary file remains, which
 * {@link openSqlJsFile} removes. With `expected`, refuses (a {@link SqlJsFileChangedError},
 * nothing replaced) if the file on disk is no longer the expected one. Returns the new file's stamp.
 *
 * @example
 * ```ts
 * let stamp = await writeFileAtomic('./kitos.sqlite', bytes);
 * stamp = await writeFileAtomic('./kitos.sqlite', moreBytes, { expected: stamp });
 * ```
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<FileStamp> {
  const dir = dirname(path);
  const temp = join(dir, `${tempPrefix(path)}${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  const mode = await stat(path).then(
    (s) => s.mode & 0o777,
    () => 0o666,
  );
  const chunk = options.chunkSize ?? 4 << 20;
  const handle = await open(temp, 'wx', mode).catch((cause: unknown) => {
    const reason = (cause as Error).message;
    throw new KitosError(
      'storage',
      'storage',
      `could not save ${path}: ${reason}`,
      { adapter: 'sqljs', path },
      { cause },
    );
  });
  let written: FileStamp;
  try {
    for (let offset = 0; offset < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, offset, Math.min(chunk, bytes.length - offset), offset);
      offset += bytesWritten;
      await options.onChunk?.(offset, bytes.length);
    }
    await handle.sync();
    // The stamp the file keeps after the rename (a rename changes neither inode nor mtime).
    written = stampOf(await handle.stat({ bigint: true }));
    await handle.close();
    await options.beforeRename?.();
    if (options.expected !== undefined) {
      // Checked as late as possible, right before the rename. The lock file keeps other writers
      // of this adapter away; this catches everything else (another program, a restored backup,
      // a writer on a file system where the lock is not seen).
      const onDisk = await stampFile(path);
      if (!sameStamp(onDisk, options.expected)) throw new SqlJsFileChangedError(path, options.expected, onDisk);
    }
    await rename(temp, path);
  } catch (cause) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    if (cause instanceof SqlJsFileChangedError) throw cause;
    throw new KitosError(
      'storage',
      'storage',
      `could not save ${path}: ${(cause as Error).message}`,
      { adapter: 'sqljs', path },
      { cause },
    );
  }
  // The rename is the one moment the save takes effect: everything before it can fail and leave
  // the old file, nothing after it may turn the save into a failure. A failure report here would
  // undo in memory a change the file already holds (reported as refused, yet saved).
  await syncDirectory(dir);
  return written;
}

/**
 * A save was refused because the database file on disk is no longer the one this store loaded or
 * last saved: another program wrote, replaced or removed it. Nothing was written; the refused
 * change was undone in memory. Open the file again to continue from what it holds now.
 *
 * @example
 * ```ts
 * try {
 *   await storage.transaction((tx) => tx.put(record));
 * } catch (e) {
 *   if (e instanceof SqlJsFileChangedError) await reopen();
 * }
 * ```
 */
export class SqlJsFileChangedError extends KitosConflictError {
  constructor(path: string, expected: FileStamp | null, found: FileStamp | null) {
    super(
      'storage',
      `${path} was ${found ? 'changed' : 'removed'} on disk by another program since it was ` +
        `${expected ? 'loaded or last saved' : 'opened'} here; nothing was saved, open it again`,
      { adapter: 'sqljs', path, expected, found },
    );
    this.name = 'SqlJsFileChangedError';
  }
}

/**
 * Makes the rename durable (Linux/macOS; Windows cannot open directories, and NTFS logs renames).
 * Best effort, like SQLite's own fsync of the directory after it creates a file (whose result it
 * ignores): the rename has happened, so the file holds the new bytes whatever this reports.
 */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // see above: not a failed save
  }
}

/** Removes temporary files of saves whose process died (a crash mid-save). */
async function removeStaleTemps(path: string): Promise<void> {
  const prefix = tempPrefix(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pidText = name.slice(prefix.length).split('.')[0] ?? '';
    // Not digits: the temporary file of another database whose name starts with this one's.
    if (!/^\d+$/.test(pidText)) continue;
    const pid = Number(pidText);
    if (pid !== process.pid && isAlive(pid)) continue; // another process is saving right now
    await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Options of {@link openSqlJsFile}: those of `createSqlJsStorage` except `data`, `persist` and
 * `origin` (the file provides them). Without `wasmBinary`/`locateFile`, the `.wasm` of the
 * installed sql.js package is used ({@link nodeSqlJsWasm}). With `readOnly`, the file is only
 * read: no lock, no save, not even of migrations.
 *
 * @example
 * ```ts
 * const options: SqlJsFileOptions = { autosave: false }; // save() yourself, e.g. after an import
 * const reader: SqlJsFileOptions = { readOnly: 'nightly report' };
 * ```
 */
export interface SqlJsFileOptions extends Omit<SqlJsStorageOptions, 'data' | 'persist' | 'origin'> {
  /** Tuning of the atomic write (and its test hooks); `expected` is managed by the store. */
  readonly atomicWrite?: Omit<AtomicWriteOptions, 'expected'>;
}

/**
 * Opens a database file (or, for writing, starts an empty database if none exists) and saves it
 * atomically ({@link writeFileAtomic}) after each committed write transaction that changed
 * something, before the transaction resolves.
 *
 * - One writer per file: opening for writing takes the lock file `<path>.lock` (released on
 *   `close()` and on process exit; a killed holder's lock is taken over). A second writer gets a
 *   {@link SqlJsFileLockedError}. Read-only opens (`readOnly`) take no lock and never write.
 * - Before each save, the file on disk must still be the one this store loaded or last saved;
 *   if another program changed it, the save is refused with a {@link SqlJsFileChangedError}.
 * - A save that fails rejects the transactions waiting for it with a `KitosError` and puts the
 *   database back to its last saved state, so a refused change is never saved later.
 * - An empty (0-byte) or damaged file is refused with a {@link SqlJsDamagedError} naming the path
 *   (SQLite's `integrity_check`; see `integrityCheck`). A missing file is refused read-only.
 *
 * @example
 * ```ts
 * import { openSqlJsFile } from '@os2kitos/storage-adapters/sqljs/node';
 * const storage = await openSqlJsFile('./data/kitos.sqlite');
 * const kitos = await createKitos({ storage });
 * // elsewhere, alongside it:
 * const report = await openSqlJsFile('./data/kitos.sqlite', { readOnly: 'monthly report' });
 * ```
 */
export async function openSqlJsFile(path: string, options: SqlJsFileOptions = {}): Promise<SqlJsStorage> {
  const wasm: SqlJsWasmSource =
    options.wasmBinary || options.locateFile ? options : (sqlJsLoadedFrom() ?? (await nodeSqlJsWasm()));
  const readOnly = options.readOnly !== undefined;
  const lock = readOnly ? undefined : await acquireFileLock(path);
  try {
    if (!readOnly) await removeStaleTemps(path);
    const loaded = await readDatabaseFile(path, readOnly);
    // The file as this store last saw it; each save checks the disk still holds exactly that.
    let onDisk: FileStamp | null = loaded?.stamp ?? null;
    const storage = await createSqlJsStorage({
      ...options,
      ...wasm,
      origin: { path },
      data: loaded?.bytes,
      persist: readOnly
        ? undefined
        : async (bytes) => {
            onDisk = await writeFileAtomic(path, bytes, { ...options.atomicWrite, expected: onDisk });
          },
    });
    if (!lock) return storage;
    return { ...storage, close: () => storage.close().finally(() => lock.release()) };
  } catch (e) {
    await lock?.release();
    throw e;
  }
}

/** Reads the file and its stamp from one open handle (so both describe the same file). */
async function readDatabaseFile(
  path: string,
  readOnly: boolean,
): Promise<{ bytes: Uint8Array; stamp: FileStamp } | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && !readOnly) return undefined; // a new database
    const why = missing ? 'it does not exist (a read-only open never creates it)' : (cause as Error).message;
    throw new KitosError('storage', 'storage', `could not read ${path}: ${why}`, { adapter: 'sqljs', path }, { cause });
  }
  try {
    const stamp = stampOf(await handle.stat({ bigint: true }));
    const data = await handle.readFile();
    return { bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), stamp };
  } catch (cause) {
    throw new KitosError(
      'storage',
      'storage',
      `could not read ${path}: ${(cause as Error).message}`,
      { adapter: 'sqljs', path },
      { cause },
    );
  } finally {
    await handle.close();
  }
}
