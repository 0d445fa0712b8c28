/**
 * Where an import from KITOS remembers how far it got, per source (KITOS base URL + organisation):
 * the change-time watermark per kind for `changedSinceGtEq` and the deletion watermark for the
 * deleted-entities feed. Only an applied run moves them; a dry run leaves them.
 *
 * @module
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** How far one source has been imported. */
export interface KitosImportState {
  /** Per kind with change times (`usages`, `contracts`, `dataProcessingRegistrations`): the largest `lastModified` imported. */
  readonly changedSince: Readonly<Record<string, string>>;
  /** The largest deletion time seen (or, after the first run, the largest change time). */
  readonly deletedSince: string | null;
  /** When the run that stored this state finished. */
  readonly importedAt: string;
}

/** Keeps {@link KitosImportState} per source key. */
export interface KitosImportStateStore {
  load(source: string): Promise<KitosImportState | undefined>;
  save(source: string, state: KitosImportState): Promise<void>;
}

/** The key of a source: the base URL without trailing slash and the organisation, lower-case. */
export function sourceKey(baseUrl: string, organizationUuid: string): string {
  return `${baseUrl.replace(/\/+$/, '').toLowerCase()}#${organizationUuid.toLowerCase()}`;
}

/** A state store in memory (tests, one process). */
export function memoryImportStateStore(): KitosImportStateStore & { readonly states: Map<string, KitosImportState> } {
  const states = new Map<string, KitosImportState>();
  return {
    states,
    load: async (source) => states.get(source),
    save: async (source, state) => {
      states.set(source, state);
    },
  };
}

/**
 * A state store in a JSON file (the CLI's default `./.kitos-import-state.json`): every source in
 * one object, written to a temporary file and renamed, so a crash never leaves half a file.
 */
export function fileImportStateStore(path: string): KitosImportStateStore {
  const readAll = async (): Promise<Record<string, KitosImportState>> => {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as Record<string, KitosImportState>;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new Error(`the import state file ${path} cannot be read: ${(e as Error).message}`);
    }
  };
  return {
    load: async (source) => (await readAll())[source],
    save: async (source, state) => {
      const all = { ...(await readAll()), [source]: state };
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify(all, null, 2)}\n`);
      await rename(tmp, path);
    },
  };
}
