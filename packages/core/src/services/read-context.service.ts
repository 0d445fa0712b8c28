/**
 * Loads what the read models of one organisation need: its own units, contracts, usages and
 * registrations, and then only the shared records those mention (the systems it uses and their
 * parents, the suppliers, processors and rights holders, the role holders, the KLE tasks). The
 * country's other users, organisations and systems are never read.
 *
 * @module
 */
import type { ItSystem } from '../catalogue/it-system.schema.js';
import type { Contract } from '../contract/contract.schema.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import type { CallContext } from '../engine/call.js';
import {
  CONTRACT,
  DPR,
  GLOBAL_OPTION,
  KLE,
  ORGANIZATION,
  type StoredGlobalOption,
  SYSTEM,
  UNIT,
  USAGE,
  USER,
} from './kinds.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import { type ReadContext, type ReadRecords, readContext } from '../overview/read-context.js';
import type { IsoDate } from '../shared/dates.js';
import type { StorageReader } from '../storage/port.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { allOf } from './lookup.js';

/** Records of `kind` whose index field `field` is one of `uuids` (one query, whatever their number). */
export async function byIndex<T>(
  tx: StorageReader,
  kind: string,
  field: string,
  uuids: Iterable<string>,
): Promise<T[]> {
  const values = [...new Set(uuids)];
  if (values.length === 0) return [];
  return allOf<T>(tx, kind, undefined, { op: 'in', field, values });
}

/** Extra records the caller already has (e.g. the catalogue's systems), so they are not read again. */
export interface ReadContextExtras {
  readonly systems?: readonly ItSystem[];
  /** Organisations whose names are needed besides those the records mention. */
  readonly organizations?: readonly string[];
}

/**
 * Loads the read context of one organisation for `today`.
 *
 * @example
 * ```ts
 * const ctx = await loadReadContext(call, organizationUuid, call.today);
 * ```
 */
export async function loadReadContext(
  call: CallContext,
  organizationUuid: string,
  today: IsoDate,
  extras: ReadContextExtras = {},
): Promise<ReadContext> {
  return readContext(await loadReadRecords(call.tx, organizationUuid, today, extras));
}

/**
 * The records of {@link loadReadContext}: the organisation's own, then the shared ones they mention.
 * With `known` (records loaded before, still current), only shared records not among them are read.
 */
export async function loadReadRecords(
  tx: StorageReader,
  organizationUuid: string,
  today: IsoDate,
  extras: ReadContextExtras = {},
): Promise<ReadRecords> {
  // One statement at a time: inside a unit of work these share one connection.
  const units = await allOf<OrganizationUnit>(tx, UNIT.kind, organizationUuid);
  const contracts = await allOf<Contract>(tx, CONTRACT.kind, organizationUuid);
  const usages = await allOf<ItSystemUsage>(tx, USAGE.kind, organizationUuid);
  const registrations = await allOf<DataProcessingRegistration>(tx, DPR.kind, organizationUuid);
  const options = await allOf<StoredGlobalOption>(tx, GLOBAL_OPTION.kind);
  const own = { today, organizationUuid, units, contracts, usages, registrations, options };
  return { ...own, ...(await loadSharedRecords(tx, own, extras)) };
}

/** The shared records of a read context: catalogue systems, organisations, users and KLE tasks. */
type SharedRecords = Pick<ReadRecords, 'systems' | 'organizations' | 'users' | 'kle'>;

/**
 * The shared records that an organisation's own records mention, reading only those not in `known`
 * (which are kept: a superset only answers look-ups nothing asks for).
 */
export async function loadSharedRecords(
  tx: StorageReader,
  own: Pick<ReadRecords, 'contracts' | 'usages' | 'registrations'>,
  extras: ReadContextExtras = {},
  known?: SharedRecords,
): Promise<SharedRecords> {
  const { contracts, usages, registrations } = own;
  const systemsByUuid = new Map([...(known?.systems ?? []), ...(extras.systems ?? [])].map((s) => [s.uuid, s]));
  const wanted = new Set(usages.map((u) => u.systemUuid));
  // Systems, then their parents (one more round is enough for a parent's name).
  for (let round = 0; round < 2 && wanted.size > 0; round++) {
    const missing = [...wanted].filter((u) => !systemsByUuid.has(u));
    for (const s of await byIndex<ItSystem>(tx, SYSTEM.kind, 'uuid', missing)) systemsByUuid.set(s.uuid, s);
    wanted.clear();
    for (const uuid of round === 0 ? usages.map((u) => u.systemUuid) : []) {
      const s = systemsByUuid.get(uuid);
      if (s?.parentUuid && !systemsByUuid.has(s.parentUuid)) wanted.add(s.parentUuid);
    }
  }
  const systems = [...systemsByUuid.values()];

  const organizations = new Set<string>(extras.organizations ?? []);
  for (const c of contracts) if (c.supplier.organizationUuid) organizations.add(c.supplier.organizationUuid);
  for (const s of systems) if (s.rightsHolderUuid) organizations.add(s.rightsHolderUuid);
  for (const d of registrations) {
    for (const o of d.general.dataProcessorUuids) organizations.add(o);
    for (const o of d.general.subDataProcessors) organizations.add(o.organizationUuid);
  }
  const users = new Set<string>();
  for (const x of [...usages, ...contracts, ...registrations]) for (const r of x.roles) users.add(r.userUuid);
  const kle = new Set<string>();
  for (const s of systems) for (const k of s.kleUuids) kle.add(k);
  for (const u of usages) for (const k of u.localKleDeviations.addedKleUuids) kle.add(k);

  /** The known records plus those of `uuids` not among them, read in one query. */
  const more = async <T extends { uuid: string }>(
    kind: string,
    field: string,
    uuids: Set<string>,
    have: readonly T[] = [],
  ): Promise<T[]> => {
    const present = new Set(have.map((x) => x.uuid));
    return [
      ...have,
      ...(await byIndex<T>(
        tx,
        kind,
        field,
        [...uuids].filter((u) => !present.has(u)),
      )),
    ];
  };
  return {
    systems,
    organizations: await more<ReadRecords['organizations'][number]>(
      ORGANIZATION.kind,
      'organizationUuid',
      organizations,
      known?.organizations,
    ),
    users: await more<ReadRecords['users'][number]>(USER.kind, 'uuid', users, known?.users),
    kle: await more<ReadRecords['kle'][number]>(KLE.kind, 'uuid', kle, known?.kle),
  };
}
