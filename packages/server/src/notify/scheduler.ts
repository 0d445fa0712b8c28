/**
 * The reminder scheduler. Each run asks the core for the reminders due today (in every
 * organisation with rules or advis), claims each one by writing its delivery record — the store
 * refuses a second record with the same key, so across processes each reminder is claimed once —
 * then sends it and records what the SMTP server said. Failed attempts are retried with doubling
 * waits; a delivery claimed by a process that died mid-send is taken over after its lease. The log
 * lives in the store, so a restart loses nothing and sends nothing twice (see ADR 0030).
 *
 * @module
 */
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { DEFAULT_TIME_ZONE, type Kitos, type PlannedReminder, todayBy } from '@os2kitos/core';
import type { Logger } from 'pino';
import type { NotificationsConfig } from '../config.js';
import { deliveriesToRetry, deliveryOf, deliveryUuid, putDelivery } from './deliveries.js';
import type { StoredDelivery } from './kinds.js';
import type { MailTransport } from './mailer.js';
import { composeReminder, type ReminderMessage, reminderLink } from './messages.js';

/** Options of {@link NotificationScheduler}. */
export interface SchedulerOptions {
  readonly kitos: Kitos;
  readonly transport: MailTransport;
  /** The sender address. */
  readonly from: string;
  readonly config: NotificationsConfig;
  /** Base of the default links (`publicUrl`, else the server's own URL). */
  readonly linkBase: string;
  /** Source of "now" (default: the system clock); tests move it instead of waiting. */
  readonly now?: () => Date;
  /** Time zone of "today" (default `Europe/Copenhagen`). */
  readonly timeZone?: string;
  readonly logger?: Logger;
  /** Names this process in the log of claims (default: host and pid). */
  readonly processId?: string;
}

/** What one run did. */
export interface RunReport {
  /** Deliveries this process claimed (new and retried). */
  readonly claimed: number;
  readonly sent: number;
  /** Attempts that failed (some will be retried). */
  readonly failed: number;
}

/** Events: `sent`, `retrying` and `failed` with the delivery; `run` with the {@link RunReport}. */
export interface SchedulerEvents {
  sent: [StoredDelivery];
  retrying: [StoredDelivery];
  failed: [StoredDelivery];
  run: [RunReport];
}

/** A 5xx reply is permanent (unknown mailbox, refused sender): trying again will not help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function reasonOf(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown };
  return String(typeof e.response === 'string' ? e.response : (e.message ?? error)).slice(0, 1000);
}

/**
 * Sends due reminders. `runDueJobs()` does one run now; `start()` runs every `intervalMs`.
 *
 * @example
 * ```ts
 * const scheduler = new NotificationScheduler({ kitos, transport: await createSmtpTransport(config.smtp),
 *   from: config.smtp.from, config: config.notifications, linkBase: 'https://kitos.nordby.dk' });
 * scheduler.on('failed', (d) => console.warn(d.key, d.reason));
 * const report = await scheduler.runDueJobs(); // { claimed: 3, sent: 3, failed: 0 }
 * ```
 */
export class NotificationScheduler extends EventEmitter<SchedulerEvents> {
  readonly #o: SchedulerOptions;
  readonly #now: () => Date;
  readonly #id: string;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<RunReport> | undefined;

  constructor(options: SchedulerOptions) {
    super();
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
    this.#id = options.processId ?? `${hostname()}:${process.pid}`;
  }

  /** Runs every `intervalMs` (and once at once) until {@link stop}. */
  start(): void {
    if (this.#timer) return;
    const tick = () => {
      this.runDueJobs().catch((e: unknown) => this.#o.logger?.error({ err: e }, 'reminder run failed'));
    };
    this.#timer = setInterval(tick, this.#o.config.intervalMs);
    this.#timer.unref?.();
    tick();
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  /**
   * One run now: claims and sends every due reminder not yet recorded, and retries the deliveries
   * whose next attempt has come. Runs in this process never overlap (a second call joins the first).
   */
  runDueJobs(): Promise<RunReport> {
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #run(): Promise<RunReport> {
    const now = this.#now();
    const today = todayBy({ now: () => now }, this.#o.timeZone ?? DEFAULT_TIME_ZONE);
    const claimed: { delivery: StoredDelivery; version: number; message: ReminderMessage | undefined }[] = [];
    for (const reminder of await this.#o.kitos.notifications.due(today)) {
      if (await deliveryOf(this.#o.kitos, reminder.key)) continue;
      const c = await this.#claimNew(reminder, now, today);
      if (c) claimed.push(c);
    }
    for (const record of await deliveriesToRetry(this.#o.kitos, now.toISOString())) {
      const c = await this.#claimAgain(record.data, record.version, now);
      if (c) claimed.push(c);
    }
    let sent = 0;
    let failed = 0;
    for (const c of claimed) {
      const d = await this.#send(c.delivery, c.version, c.message);
      if (d?.status === 'sent') sent++;
      else if (d) failed++;
    }
    const report = { claimed: claimed.length, sent, failed };
    this.emit('run', report);
    return report;
  }

  async #claimNew(r: PlannedReminder, now: Date, today: string) {
    const message = composeReminder(r, reminderLink(this.#o.config.linkTemplate, this.#o.linkBase, r), today);
    const at = now.toISOString();
    const delivery: StoredDelivery & { message: ReminderMessage } = {
      uuid: deliveryUuid(r.key),
      key: r.key,
      organizationUuid: r.organizationUuid,
      source: r.source,
      sourceUuid: r.sourceUuid,
      entityKind: r.entityKind,
      entityUuid: r.entityUuid,
      entityName: r.entityName,
      deadline: r.deadline,
      dueDate: r.dueDate,
      daysBefore: r.daysBefore,
      sendOn: r.sendOn,
      subject: message.subject,
      recipients: r.recipients.map((x) => x.email),
      rejected: [],
      status: 'sending',
      attempts: [],
      nextAttemptAt: new Date(now.getTime() + this.#o.config.leaseMs).toISOString(),
      reason: null,
      messageId: null,
      claimedBy: this.#id,
      createdAt: at,
      updatedAt: at,
      // The message itself is kept, so a retry sends exactly what the first attempt tried.
      message,
    };
    const stored = await putDelivery(this.#o.kitos, delivery, 0);
    return stored ? { delivery, version: stored.version, message } : undefined;
  }

  async #claimAgain(current: StoredDelivery, version: number, now: Date) {
    const next: StoredDelivery = {
      ...current,
      status: 'sending',
      claimedBy: this.#id,
      nextAttemptAt: new Date(now.getTime() + this.#o.config.leaseMs).toISOString(),
      updatedAt: now.toISOString(),
    };
    const stored = await putDelivery(this.#o.kitos, next, version);
    const message = (current as { message?: ReminderMessage }).message;
    return stored ? { delivery: next, version: stored.version, message } : undefined;
  }

  /** One attempt; records the outcome over the claimed version. */
  async #send(d: StoredDelivery, version: number, message: ReminderMessage | undefined) {
    const now = this.#now();
    const at = now.toISOString();
    let next: StoredDelivery;
    try {
      if (d.recipients.length === 0)
        throw Object.assign(new Error('no recipients: nobody holds the chosen roles and no address is given'), {
          responseCode: 550,
        });
      if (!message)
        throw Object.assign(new Error('the message was not stored with the delivery'), { responseCode: 554 });
      const result = await this.#o.transport.sendMail({
        from: this.#o.from,
        to: d.recipients,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'X-OS2KITOS-Reminder': d.key },
      });
      next = {
        ...d,
        status: 'sent',
        rejected: result.rejected,
        messageId: result.messageId,
        attempts: [...d.attempts, { at, ok: true, response: result.response }],
        nextAttemptAt: null,
        reason: result.rejected.length ? `refused by the server: ${result.rejected.join(', ')}` : null,
        claimedBy: null,
        updatedAt: at,
      };
    } catch (error) {
      const attempts = [...d.attempts, { at, ok: false, response: reasonOf(error) }];
      const final = isPermanent(error) || attempts.length >= this.#o.config.maxAttempts;
      const wait = this.#o.config.backoffMs * 2 ** (attempts.length - 1);
      next = {
        ...d,
        status: final ? 'failed' : 'retrying',
        rejected: ((error as { rejected?: unknown }).rejected as string[] | undefined) ?? d.rejected,
        attempts,
        nextAttemptAt: final ? null : new Date(now.getTime() + wait).toISOString(),
        reason: reasonOf(error),
        claimedBy: null,
        updatedAt: at,
      };
      this.#o.logger?.warn({ key: d.key, reason: next.reason, final }, 'reminder not sent');
    }
    const stored = await putDelivery(this.#o.kitos, next, version);
    if (!stored) {
      // Our lease ran out and another process took the delivery over; its record stands.
      this.#o.logger?.warn({ key: d.key }, 'reminder delivery was taken over before its outcome was recorded');
      return undefined;
    }
    this.emit(next.status === 'sent' ? 'sent' : next.status === 'retrying' ? 'retrying' : 'failed', next);
    return next;
  }
}
