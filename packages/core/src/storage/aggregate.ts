/**
 * Grouped counts over any reader: the store's own {@link StorageReader.groupCount} where it has
 * one (PostgreSQL computes it in SQL), else the reference computation over the records of a query.
 * Both give the same groups in the same order, which the adapter tests check.
 *
 * @module
 */
import { KitosValidationError } from '../shared/errors.js';
import type { GroupCount, GroupCountQuery, StorageReader } from './port.js';

const compareValues = (a: GroupCount, b: GroupCount) => {
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i] as string;
    const y = b.values[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** Refuses a group-by that is not one or two field names. */
export function assertValidGroupBy(q: GroupCountQuery): void {
  const g: unknown = q?.groupBy;
  if (!Array.isArray(g) || g.length < 1 || g.length > 2 || !g.every((f) => typeof f === 'string'))
    throw new KitosValidationError('storage', [
      { path: ['groupBy'], code: 'invalid-value', message: 'groupBy is one or two index field names' },
    ]);
}

/**
 * The reference grouped count: reads the records of the query and counts them in JavaScript.
 *
 * @example
 * ```ts
 * await countGroupsOfRecords(storage, { kind: 'itSystemUsage', groupBy: ['systemUuid'] });
 * // [{ values: [systemUuid], records: 3, organizations: 3 }, …]
 * ```
 */
export async function countGroupsOfRecords(reader: StorageReader, q: GroupCountQuery): Promise<GroupCount[]> {
  assertValidGroupBy(q);
  const { records } = await reader.query({ kind: q.kind, organizationUuids: q.organizationUuids, filter: q.filter });
  const groups = new Map<string, { values: string[]; records: number; orgs: Set<string> }>();
  for (const r of records) {
    const values: string[] = [];
    for (const f of q.groupBy) {
      const v = r.index[f];
      if (Array.isArray(v))
        throw new KitosValidationError('storage', [
          { path: ['groupBy'], code: 'invalid-field', message: `"${f}" is a list; group only by text fields` },
        ]);
      if (typeof v === 'string') values.push(v);
    }
    if (values.length !== q.groupBy.length) continue;
    const key = values.join('\u0000');
    const g = groups.get(key) ?? { values, records: 0, orgs: new Set() };
    g.records++;
    if (r.organizationUuid !== null) g.orgs.add(r.organizationUuid);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ values: g.values, records: g.records, organizations: g.orgs.size }))
    .sort(compareValues);
}

/**
 * A grouped count: the store's where it offers one, else {@link countGroupsOfRecords}; sorted by
 * the group values (code-unit order) either way.
 *
 * @example
 * ```ts
 * const users = await groupCount(tx, { kind: 'itSystemUsage', groupBy: ['systemUuid'] });
 * new Map(users.map((g) => [g.values[0], g.organizations])); // organisations per system
 * ```
 */
export async function groupCount(reader: StorageReader, q: GroupCountQuery): Promise<GroupCount[]> {
  if (!reader.groupCount) return countGroupsOfRecords(reader, q);
  assertValidGroupBy(q);
  return [...(await reader.groupCount(q))].sort(compareValues);
}
