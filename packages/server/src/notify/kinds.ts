/**
 * The delivery log: one record per reminder the scheduler took on, named by the reminder's key.
 * The record is written (claimed) before the e-mail goes out, and the store refuses a second record
 * with the same key, so of several processes only one sends a reminder; the record then says
 * whether it was sent, to whom, and why not.
 *
 * @module
 */
import type { KindDefinition } from '@os2kitos/core';

/** Kind of the delivery records. */
export const DELIVERY_KIND = 'serverNotificationDelivery';

/**
 * Where a delivery stands: `sending` (claimed, e-mail on its way), `sent`, `retrying` (an attempt
 * failed, another is planned), `failed` (no attempts left, or refused for good).
 */
export type DeliveryStatus = 'sending' | 'sent' | 'retrying' | 'failed';

/** One attempt to send. */
export interface DeliveryAttempt {
  readonly at: string;
  readonly ok: boolean;
  /** The SMTP server's answer or the error, e.g. `550 5.1.1 mailbox unavailable`. */
  readonly response: string | null;
}

/** A stored delivery. */
export interface StoredDelivery {
  readonly uuid: string;
  readonly key: string;
  readonly organizationUuid: string;
  readonly source: 'rule' | 'advis';
  readonly sourceUuid: string;
  readonly entityKind: string;
  readonly entityUuid: string;
  readonly entityName: string;
  readonly deadline: string | null;
  readonly dueDate: string | null;
  readonly daysBefore: number | null;
  readonly sendOn: string;
  readonly subject: string;
  readonly recipients: readonly string[];
  /** Recipients the SMTP server refused (the others got the message). */
  readonly rejected: readonly string[];
  readonly status: DeliveryStatus;
  readonly attempts: readonly DeliveryAttempt[];
  /** When a `retrying` delivery is tried again, or a `sending` one may be taken over. */
  readonly nextAttemptAt: string | null;
  /** Why the last attempt failed. */
  readonly reason: string | null;
  readonly messageId: string | null;
  /** The process that holds a `sending` delivery. */
  readonly claimedBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The delivery kind for `createKitos({ extraKinds })`. */
export const DELIVERY_KIND_DEFINITION: KindDefinition = {
  kind: DELIVERY_KIND,
  fields: [
    { name: 'key', type: 'text' },
    { name: 'entityUuid', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'nextAttemptAt', type: 'text' },
    { name: 'sendOn', type: 'text' },
  ],
  unique: [{ name: 'delivery_key', fields: ['key'], perOrganization: false }],
};
