/**
 * Two reminder schedulers over one PostgreSQL schema (KITOS_PG_URL), each with its own connection
 * pool as two server processes would have, running at the same moment: every reminder reaches the
 * SMTP server exactly once. Also a delivery claimed by a process that died mid-send is taken over
 * after its lease, not before. Without KITOS_PG_URL the suite is skipped, and says so.
 */
import { createKitos, type Kitos, optionSeedUuid } from '@os2kitos/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_KINDS } from '../src/auth/kinds.js';
import { deliveryOf, deliveryUuid, putDelivery } from '../src/notify/deliveries.js';
import {
  createSmtpTransport,
  type MailTransport,
  NotificationScheduler,
  NotificationsConfigSchema,
  openStorage,
  type StoredDelivery,
} from '../src/index.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';

const url = process.env.KITOS_PG_URL;
const schema = `kitos_advis_${Math.random().toString(36).slice(2, 8)}`;
if (!url) console.warn('[kitos] KITOS_PG_URL is not set: the reminder scheduler tests on PostgreSQL are SKIPPED.');

const CONTRACTS = 12;

describe.skipIf(!url)('two reminder schedulers over one PostgreSQL', () => {
  let smtp: TestSmtp;
  let transport: MailTransport;
  const kitoses: Kitos[] = [];
  const clock = { now: new Date('2025-06-15T08:00:00Z') };
  const config = NotificationsConfigSchema.parse({ leaseMs: 60_000 });
  let org = '';
  const scheduler = (kitos: Kitos, processId: string) =>
    new NotificationScheduler({
      kitos,
      transport,
      from: 'kitos@nordby.dk',
      config,
      linkBase: 'https://kitos.nordby.dk',
      now: () => clock.now,
      processId,
    });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    transport = await createSmtpTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      requireTls: false,
      from: 'kitos@nordby.dk',
      timeoutMs: 10_000,
    });
    for (let i = 0; i < 2; i++)
      kitoses.push(
        await createKitos({
          storage: await openStorage(url as string, { poolSize: 4, schema }),
          extraKinds: SERVER_KINDS,
          clock: { now: () => clock.now },
        }),
      );
    const kitos = kitoses[0] as Kitos;
    const admin = await kitos.organizations.bootstrap({
      firstName: 'Ada',
      lastName: 'Admin',
      email: 'admin@nordby.dk',
    });
    org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
    for (let i = 0; i < CONTRACTS; i++)
      await kitos.contracts.create(admin, {
        organizationUuid: org,
        name: `Kontrakt ${i}`,
        general: { validity: { validFrom: '2022-01-01' } },
        agreementPeriod: { isContinuous: true },
        termination: {
          terms: {
            noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', String((i % 6) + 1)),
            noticeByEndOf: 'EndOfCalendarYear',
          },
        },
      });
    await kitos.notifications.rules.create(admin, {
      organizationUuid: org,
      name: 'Ophør',
      entityKind: 'itContract',
      deadlines: ['earliest-end'],
      daysBefore: [365],
      recipients: { addresses: ['it@nordby.dk'] },
    });
  }, 120_000);

  afterAll(async () => {
    transport?.close?.();
    await smtp?.close();
    for (const k of kitoses) await k.storage.close();
    if (!url) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('sends every reminder exactly once when both run at the same moment', async () => {
    const due = await (kitoses[0] as Kitos).notifications.due('2025-06-15');
    expect(due).toHaveLength(CONTRACTS);
    const [a, b] = await Promise.all([
      scheduler(kitoses[0] as Kitos, 'one').runDueJobs(),
      scheduler(kitoses[1] as Kitos, 'two').runDueJobs(),
    ]);
    expect(a.sent + b.sent).toBe(CONTRACTS);
    expect(a.failed + b.failed).toBe(0);
    await smtp.waitFor(CONTRACTS);
    expect(smtp.messages).toHaveLength(CONTRACTS);
    expect(new Set(smtp.messages.map((x) => x.key))).toEqual(new Set(due.map((r) => r.key)));
    const again = await Promise.all([
      scheduler(kitoses[0] as Kitos, 'one').runDueJobs(),
      scheduler(kitoses[1] as Kitos, 'two').runDueJobs(),
    ]);
    expect(again.map((r) => r.claimed)).toEqual([0, 0]);
    expect(smtp.messages).toHaveLength(CONTRACTS);
  });

  it('takes over a delivery claimed by a process that died mid-send, after its lease and only once', async () => {
    const kitos = kitoses[0] as Kitos;
    const key = `advis/00000000-0000-4000-8000-0000000000aa/2025-06-15`;
    const at = clock.now.toISOString();
    const claimed: StoredDelivery & { message: { subject: string; text: string; html: string } } = {
      uuid: deliveryUuid(key),
      key,
      organizationUuid: org,
      source: 'advis',
      sourceUuid: '00000000-0000-4000-8000-0000000000aa',
      entityKind: 'itContract',
      entityUuid: '00000000-0000-4000-8000-0000000000bb',
      entityName: 'Kontrakt 0',
      deadline: null,
      dueDate: null,
      daysBefore: null,
      sendOn: '2025-06-15',
      subject: 'Efterladt',
      recipients: ['it@nordby.dk'],
      rejected: [],
      status: 'sending',
      attempts: [],
      nextAttemptAt: new Date(clock.now.getTime() + config.leaseMs).toISOString(),
      reason: null,
      messageId: null,
      claimedBy: 'a process that was killed',
      createdAt: at,
      updatedAt: at,
      message: { subject: 'Efterladt', text: 'Sendt af en anden proces', html: '<p>Sendt af en anden proces</p>' },
    };
    expect(await putDelivery(kitos, claimed, 0)).toBeDefined();
    const before = smtp.messages.length;
    clock.now = new Date(clock.now.getTime() + config.leaseMs - 1);
    expect((await scheduler(kitos, 'one').runDueJobs()).claimed).toBe(0);
    clock.now = new Date(clock.now.getTime() + 1);
    const runs = await Promise.all([
      scheduler(kitoses[0] as Kitos, 'one').runDueJobs(),
      scheduler(kitoses[1] as Kitos, 'two').runDueJobs(),
    ]);
    expect(runs[0].sent + runs[1].sent).toBe(1);
    await smtp.waitFor(before + 1);
    expect(smtp.messages.slice(before).map((x) => [x.key, x.parsed.subject])).toEqual([[key, 'Efterladt']]);
    const stored = (await deliveryOf(kitos, key))?.data;
    expect(stored?.status).toBe('sent');
    expect(stored?.attempts).toHaveLength(1);
  });
});
