/**
 * Small storage look-ups the services share.
 *
 * @module
 */
import { KitosValidationError, type KitosModule } from '../shared/errors.js';
import type { Filter, StorageReader } from '../storage/port.js';

/** Uuids of every record of a kind in one organisation. */
export async function uuidsInOrganization(
  tx: StorageReader,
  kind: string,
  organizationUuid: string,
): Promise<Set<string>> {
  const r = await tx.query({ kind, organizationUuids: [organizationUuid] });
  return new Set(r.records.map((x) => x.uuid));
}

/**
 * Which of `uuids` are records of a kind in one organisation: the same answer as intersecting them
 * with {@link uuidsInOrganization}. A few uuids (a usage's using units) are looked up one by one
 * instead of reading every record of the organisation; none are read when `uuids` is empty.
 */
export async function uuidsInOrganizationAmong(
  tx: StorageReader,
  kind: string,
  organizationUuid: string,
  uuids: readonly string[],
): Promise<Set<string>> {
  const wanted = new Set(uuids);
  if (wanted.size > FEW_LOOK_UPS) {
    const all = await uuidsInOrganization(tx, kind, organizationUuid);
    return new Set([...wanted].filter((uuid) => all.has(uuid)));
  }
  const found = new Set<string>();
  for (const uuid of wanted) {
    const r = await tx.get(kind, uuid);
    if (r && r.uuid === uuid && r.organizationUuid === organizationUuid) found.add(uuid);
  }
  return found;
}
/** Up to this many uuids are read one by one (see {@link uuidsInOrganizationAmong}). */
const FEW_LOOK_UPS = 16;

/** All records' data of a kind (optionally in one organisation, optionally filtered). */
export async function allOf<T>(
  tx: StorageReader,
  kind: string,
  organizationUuid?: string | null,
  filter?: Filter,
): Promise<T[]> {
  const r = await tx.query<T>({
    kind,
    organizationUuids: organizationUuid === undefined ? undefined : [organizationUuid],
    filter,
  });
  return r.records.map((x) => x.data);
}

/** Reads a referenced record or fails with a validation error naming the field. */
export async function mustExist<T>(
  tx: StorageReader,
  kind: string,
  uuid: string,
  path: (string | number)[],
  module: KitosModule,
): Promise<T> {
  const r = await tx.get<T>(kind, uuid);
  if (!r)
    throw new KitosValidationError(module, [{ path, code: 'not-found', message: `no ${kind} with uuid ${uuid}` }]);
  return r.data;
}
