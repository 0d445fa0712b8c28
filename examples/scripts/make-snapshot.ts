// Example 3: generate a fictional municipality and publish it as a sql.js snapshot file, which the
// smallest embed (examples/embed/index.html) reads read-only from a URL.
//
//   npx tsx examples/scripts/make-snapshot.ts [output.sqlite]
//
// Writes the snapshot and, beside it, `<name>.json` naming the organisation and a reader (a plain
// member of the municipality) so a page knows whose portfolio to show.
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bulkLoad, createKitos, toIsoDate } from '@os2kitos/core';
import { openSqlJsFile } from '@os2kitos/storage-adapters/sqljs/node';
import { generatePortfolio } from '../../bench/generator/index.js';

/** What the snapshot's sidecar JSON says. */
export interface SnapshotInfo {
  readonly organizationUuid: string;
  readonly organizationName: string;
  readonly userUuid: string;
  readonly today: string;
}

/** Generates the municipality and writes `path` (replacing it) plus `path` with `.json`. */
export async function makeSnapshot(
  path: string,
  today = toIsoDate(new Date(), 'Europe/Copenhagen'),
): Promise<SnapshotInfo> {
  const data = generatePortfolio({ seed: 1, scale: 1, today });
  await rm(path, { force: true });
  const storage = await openSqlJsFile(path, { autosave: false });
  await bulkLoad(storage, data, { validate: false });
  const kitos = await createKitos({ storage });
  const organizationUuid = data.info.municipalityUuids[0] as string;
  const reader = data.memberships.find((m) => m.organizationUuid === organizationUuid && m.role === 'User');
  if (!reader) throw new Error('the generated municipality has no plain member');
  const org = await kitos.organizations.get({ userUuid: reader.userUuid }, organizationUuid);
  await storage.close(); // saves the file atomically
  const info: SnapshotInfo = { organizationUuid, organizationName: org.name, userUuid: reader.userUuid, today };
  await writeFile(path.replace(/\.sqlite$/, '.json'), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? 'examples/embed/snapshot.sqlite';
  const info = await makeSnapshot(out);
  console.log(`Wrote ${out}: ${info.organizationName} (${info.organizationUuid}), reader ${info.userUuid}`);
}
