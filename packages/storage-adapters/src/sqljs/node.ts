/**
 * Node-only helpers for the sql.js adapter (kept in their own subpath so `node:*` never reaches a
 * browser bundle): the packaged `.wasm`, and database files saved atomically.
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
import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { KitosError } from '@os2kitos/core';
import { type SqlJsWasmSource, sqlJsLoadedFrom } from './load.js';
import { createSqlJsStorage, type SqlJsStorage, type SqlJsStorageOptions } from './storage.js';

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
  /** Called after each chunk reached the temporary file (progress, and tests that crash mid-save). */
  readonly onChunk?: (written: number, total: number) => void | Promise<void>;
}

const tempPrefix = (path: string) => `.${basename(path)}.`;

/**
 * Replaces a file atomically: writes a temporary file in the same directory, flushes it to disk
 * (fsync), renames it over the target and flushes the directory. A crash at any point leaves either
 * the old file or the new one, never a mix; at worst a stray temporary file remains, which
 * {@link openSqlJsFile} removes.
 *
 * @example
 * ```ts
 * await writeFileAtomic('./kitos.sqlite', bytes);
 * ```
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `${tempPrefix(path)}${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  const mode = await stat(path).then(
    (s) => s.mode & 0o777,
    () => 0o666,
  );
  const chunk = options.chunkSize ?? 4 << 20;
  const handle = await open(temp, 'wx', mode);
  try {
    for (let offset = 0; offset < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, offset, Math.min(chunk, bytes.length - offset), offset);
      offset += bytesWritten;
      await options.onChunk?.(offset, bytes.length);
    }
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (cause) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new KitosError('storage', 'storage', `could not save ${path}`, { adapter: 'sqljs', path }, { cause });
  }
  await syncDirectory(dir);
}

/** Makes the rename durable (Linux/macOS; Windows cannot open directories, and NTFS logs renames). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes temporary files of saves whose process died (a crash mid-save). */
async function removeStaleTemps(path: string): Promise<void> {
  const prefix = tempPrefix(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
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
 * Options of {@link openSqlJsFile}: those of `createSqlJsStorage` except `data` and `persist`
 * (the file provides both). Without `wasmBinary`/`locateFile`, the `.wasm` of the installed
 * sql.js package is used ({@link nodeSqlJsWasm}).
 *
 * @example
 * ```ts
 * const options: SqlJsFileOptions = { autosave: false }; // save() yourself, e.g. after an import
 * ```
 */
export interface SqlJsFileOptions extends Omit<SqlJsStorageOptions, 'data' | 'persist'> {
  /** Tuning of the atomic write. */
  readonly atomicWrite?: AtomicWriteOptions;
}

/**
 * Opens a database file (or starts an empty database if it does not exist) and saves it
 * atomically ({@link writeFileAtomic}) after each committed write transaction, before the
 * transaction resolves. One process should own a file at a time.
 *
 * @example
 * ```ts
 * import { openSqlJsFile } from '@os2kitos/storage-adapters/sqljs/node';
 * const storage = await openSqlJsFile('./data/kitos.sqlite');
 * const kitos = await createKitos({ storage });
 * ```
 */
export async function openSqlJsFile(path: string, options: SqlJsFileOptions = {}): Promise<SqlJsStorage> {
  const wasm: SqlJsWasmSource =
    options.wasmBinary || options.locateFile ? options : (sqlJsLoadedFrom() ?? (await nodeSqlJsWasm()));
  await removeStaleTemps(path);
  const data = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw new KitosError('storage', 'storage', `could not read ${path}`, { adapter: 'sqljs', path }, { cause: e });
  });
  return createSqlJsStorage({
    ...options,
    ...wasm,
    data: data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : undefined,
    persist: (bytes) => writeFileAtomic(path, bytes, options.atomicWrite),
  });
}
