/**
 * Reads made under an organisation's lock, remembered for the rest of one transaction.
 *
 * Every write to an organisation's records takes that organisation's lock first
 * (`organizationLock`, see `lockForWrite`); the lock is held until the transaction ends. So once a
 * transaction holds it, a record of that organisation it reads cannot change under it except by
 * its own writes. A bulk write that calls the single-write services many times (the roles
 * transfer: one patch per record, each loading the record twice, its organisation's units and the
 * unit role's unit) can therefore answer those repeated reads from memory, kept current by its own
 * writes, while the services run every check exactly as in a single write. On PostgreSQL that
 * turns about nine statements per transferred record into about four.
 *
 * What is remembered:
 * - a record read by `get` or returned by any `query`, when its organisation's lock was held
 *   when the read began (records of no organisation never: their writers take other locks);
 * - the complete list of one kind in one organisation (a query with no filter, sort or paging),
 *   under the same condition;
 * - lock keys already taken: taking one again is a no-op, so it is not sent again.
 *
 * It is only sound while every write of the transaction passes through the wrapper (as with
 * `withEqualityIndex`, which it sits under).
 *
 * @module
 */
import type { PutRecord, Query, QueryResult, StorageTransaction, StoredRecord } from '../storage/port.js';
import { organizationLock } from './service.js';

const byUuid = (a: StoredRecord, b: StoredRecord) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);

/** A query for every record of one kind in one organisation, nothing more. */
function wholeList(q: Query): string | undefined {
  if (q.filter || q.sort?.length || q.offset || q.limit !== undefined || q.count) return undefined;
  const org = q.organizationUuids?.length === 1 ? q.organizationUuids[0] : undefined;
  return typeof org === 'string' ? org : undefined;
}

/**
 * Wraps a write transaction so that reads made under an organisation lock it holds are answered
 * from memory afterwards (see the module comment).
 *
 * @example
 * ```ts
 * await storage.transaction(async (raw) => {
 *   const tx = withLockedReads(raw);
 *   await tx.lock([organizationLock(org)]);
 *   await tx.get('itSystemUsage', uuid); // one statement
 *   await tx.get('itSystemUsage', uuid); // none: remembered
 * });
 * ```
 */
export function withLockedReads(tx: StorageTransaction): StorageTransaction {
  const held = new Set<string>();
  const records = new Map<string, StoredRecord>();
  const lists = new Map<string, Map<string, StoredRecord>>();
  const recordKey = (kind: string, uuid: string) => `${kind}\u0000${uuid}`;
  const listKey = (kind: string, org: string) => `${kind}\u0000${org}`;
  const covered = (org: string | null) => org !== null && held.has(organizationLock(org));
  const remember = (r: StoredRecord, orgs: ReadonlySet<string>) => {
    if (r.organizationUuid !== null && orgs.has(r.organizationUuid)) records.set(recordKey(r.kind, r.uuid), r);
  };
  /** The organisations whose locks are held now: reads that begin now may be remembered. */
  const prefix = organizationLock('');
  const coveredNow = () => new Set([...held].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));

  return {
    async lock(keys) {
      const fresh = [...new Set(keys)].filter((k) => !held.has(k));
      if (fresh.length === 0) return;
      await tx.lock(fresh);
      for (const k of fresh) held.add(k);
    },
    async get<T>(kind: string, uuid: string): Promise<StoredRecord<T> | undefined> {
      const known = records.get(recordKey(kind, uuid));
      if (known) return known as StoredRecord<T>;
      const orgs = coveredNow();
      const r = await tx.get<T>(kind, uuid);
      if (r) remember(r as StoredRecord, orgs);
      return r;
    },
    async query<T>(q: Query): Promise<QueryResult<T>> {
      const org = wholeList(q);
      if (org !== undefined && covered(org)) {
        const list = lists.get(listKey(q.kind, org));
        if (list) return { records: [...list.values()].sort(byUuid) as StoredRecord<T>[] };
      }
      const orgs = coveredNow();
      const result = await tx.query<T>(q);
      for (const r of result.records) remember(r as StoredRecord, orgs);
      if (org !== undefined && orgs.has(org))
        lists.set(listKey(q.kind, org), new Map(result.records.map((r) => [r.uuid, r as StoredRecord])));
      return result;
    },
    changesSince: (since, options) => tx.changesSince(since, options),
    ...(tx.groupCount ? { groupCount: tx.groupCount.bind(tx) } : {}),
    async put<T>(record: PutRecord<T>): Promise<StoredRecord<T>> {
      const stored = await tx.put<T>(record);
      const key = recordKey(stored.kind, stored.uuid);
      const list =
        stored.organizationUuid === null ? undefined : lists.get(listKey(stored.kind, stored.organizationUuid));
      if (covered(stored.organizationUuid)) {
        if (records.has(key)) records.set(key, stored as StoredRecord);
        list?.set(stored.uuid, stored as StoredRecord);
      } else {
        records.delete(key);
        list?.delete(stored.uuid);
      }
      return stored;
    },
    async delete(kind, uuid, expectedVersion, deletedAt) {
      await tx.delete(kind, uuid, expectedVersion, deletedAt);
      records.delete(recordKey(kind, uuid));
      for (const [key, list] of lists) if (key.startsWith(`${kind}\u0000`)) list.delete(uuid);
    },
  };
}
