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
