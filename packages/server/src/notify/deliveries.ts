/**
 * Reading and writing the delivery log. Every change is one storage transaction with the record's
 * expected version, so two processes never both take the same delivery: the second write is a
 * conflict, and the process that lost simply leaves the delivery to the winner.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { type Kitos, KitosConflictError, type StoredRecord } from '@os2kitos/core';
import { DELIVERY_KIND, type StoredDelivery } from './kinds.js';

/** A uuid derived from the reminder key, so the same reminder is the same record everywhere. */
export function deliveryUuid(key: string): string {
  const h = createHash('sha256').update(`os2kitos/delivery/${key}`).digest('hex');
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function indexOf(d: StoredDelivery) {
  return { key: d.key, entityUuid: d.entityUuid, status: d.status, nextAttemptAt: d.nextAttemptAt, sendOn: d.sendOn };
}

/**
 * Stores `next` over `expectedVersion` (0 = new). `undefined` when another process wrote first:
 * a version conflict or, for a new record, the same key stored by someone else.
 */
export async function putDelivery(
  kitos: Kitos,
  next: StoredDelivery,
  expectedVersion: number,
): Promise<StoredRecord<StoredDelivery> | undefined> {
  try {
    return await kitos.storage.transaction((tx) =>
      tx.put({
        kind: DELIVERY_KIND,
        uuid: next.uuid,
        organizationUuid: next.organizationUuid,
        expectedVersion,
        lastChanged: next.updatedAt,
        index: indexOf(next),
        data: next,
      }),
    );
  } catch (e) {
    if (e instanceof KitosConflictError) return undefined;
    throw e;
  }
}

/** The delivery of a reminder key, if one was recorded. */
export async function deliveryOf(kitos: Kitos, key: string): Promise<StoredRecord<StoredDelivery> | undefined> {
  return (await kitos.storage.get<StoredDelivery>(DELIVERY_KIND, deliveryUuid(key))) ?? undefined;
}

/** Deliveries waiting for another attempt (retrying, or sending past their lease) by `now`. */
export async function deliveriesToRetry(kitos: Kitos, now: string): Promise<StoredRecord<StoredDelivery>[]> {
  const r = await kitos.storage.query<StoredDelivery>({
    kind: DELIVERY_KIND,
    filter: {
      op: 'and',
      filters: [
        { op: 'in', field: 'status', values: ['retrying', 'sending'] },
        { op: 'lte', field: 'nextAttemptAt', value: now },
      ],
    },
  });
  return [...r.records];
}

/** Query of {@link listDeliveries}. */
export interface DeliveryQuery {
  readonly organizationUuid: string;
  readonly entityUuid?: string;
  readonly status?: readonly StoredDelivery['status'][];
  readonly offset?: number;
  readonly limit?: number;
}

/** An organisation's deliveries (optionally of one record, or with some statuses), newest first. */
export async function listDeliveries(
  kitos: Kitos,
  q: DeliveryQuery,
): Promise<{ items: StoredDelivery[]; total: number }> {
  const filters = [
    ...(q.entityUuid ? [{ op: 'eq' as const, field: 'entityUuid', value: q.entityUuid }] : []),
    ...(q.status?.length ? [{ op: 'in' as const, field: 'status', values: [...q.status] }] : []),
  ];
  const r = await kitos.storage.query<StoredDelivery>({
    kind: DELIVERY_KIND,
    organizationUuids: [q.organizationUuid],
    filter: filters.length === 0 ? undefined : filters.length === 1 ? filters[0] : { op: 'and', filters },
    sort: [
      { field: 'sendOn', direction: 'desc' },
      { field: 'key', direction: 'asc' },
    ],
    offset: q.offset ?? 0,
    limit: q.limit ?? 100,
    count: true,
  });
  return { items: r.records.map((x) => x.data), total: r.total ?? r.records.length };
}
