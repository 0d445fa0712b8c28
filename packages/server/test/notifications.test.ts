/**
 * Reminders over real HTTP and a real SMTP server (smtp-server on 127.0.0.1, port 0): rules and
 * manual advis through the extension routes, the scheduler driven by an injected clock and
 * `runDueJobs()`, what arrives (recipients, dates, the terms behind them, the link), bounces and
 * retries kept in the delivery log, and a restart over the same store that sends nothing twice.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { optionSeedUuid } from '@os2kitos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, loadConfig, openStorage, type RunningServer, startServer } from '../src/index.js';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, type Json, startHarness } from './helpers.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';

const OWNER = optionSeedUuid('it-contract-role-types', 'Kontraktejer');
const dir = mkdtempSync(join(tmpdir(), 'kitos-advis-'));
const file = join(dir, 'kitos.db');

let smtp: TestSmtp;
let h: Harness;
let m: Municipalities;
let dora: { uuid: string; token: string };
let contract: string;
let ruleUuid: string;
const base = (org: string) => `/api/v2/x-os2kitos/organizations/${org}`;
const smtpConfig = () => ({ host: '127.0.0.1', port: smtp.port, from: 'KITOS Nordby <kitos@nordby.dk>' });
const scheduler = (server: RunningServer) => {
  if (!server.notifications) throw new Error('the scheduler should run when smtp is configured');
  return server.notifications;
};

beforeAll(async () => {
  smtp = await startTestSmtp();
  h = await startHarness({
    storage: await openStorage(`file:${file}`),
    config: { smtp: smtpConfig(), notifications: { backoffMs: 60_000, maxAttempts: 3 } },
    now: new Date('2025-06-15T08:00:00Z'),
  });
  m = await twoMunicipalities(h);
  const kitos = h.server.kitos;
  // Dora: a plain member of Nordby with API access, and the contract's owner.
  const d = await kitos.users.create(h.admin, {
    firstName: 'Dora',
    lastName: 'Ejer',
    email: 'dora@nordby.dk',
    hasApiAccess: true,
  });
  await kitos.memberships.grant(h.admin, { userUuid: d.uuid, organizationUuid: m.nordby, role: 'User' });
  dora = {
    uuid: d.uuid,
    token: (await issueToken(kitos, { userUuid: d.uuid, purpose: 'api', ttlSeconds: 3600, now: h.clock.now })).secret,
  };
  await kitos.options.setLocal(h.admin, { organizationUuid: m.nordby, optionUuid: OWNER, isActive: true });
  contract = (
    await kitos.contracts.create(h.admin, {
      organizationUuid: m.nordby,
      name: 'ESDH <drift>',
      general: { validity: { validFrom: '2022-01-01' } },
      agreementPeriod: { isContinuous: true },
      termination: {
        terms: {
          noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', '6'),
          noticeByEndOf: 'EndOfCalendarYear',
        },
      },
      roles: [{ roleUuid: OWNER, userUuid: d.uuid }],
    })
  ).uuid;
});
afterAll(async () => {
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reminder settings', () => {
  it('reads SMTP and scheduler settings from the environment over the file, and names a bad one', () => {
    const config = loadConfig({
      env: {
        KITOS_SMTP_HOST: 'smtp.nordby.dk',
        KITOS_SMTP_PORT: '2525',
        KITOS_SMTP_SECURE: 'true',
        KITOS_SMTP_FROM: 'KITOS <kitos@nordby.dk>',
        KITOS_NOTIFICATIONS_MAX_ATTEMPTS: '3',
        KITOS_NOTIFICATIONS_LINK_TEMPLATE: 'https://intra.nordby.dk/kitos#/{kind}/{uuid}',
      },
    });
    expect(config.smtp).toMatchObject({ host: 'smtp.nordby.dk', port: 2525, secure: true, requireTls: false });
    expect(config.notifications).toMatchObject({ enabled: true, maxAttempts: 3, backoffMs: 60_000 });
    expect(() =>
      loadConfig({ env: { KITOS_SMTP_HOST: 'x', KITOS_SMTP_FROM: 'a@b.dk', KITOS_SMTP_PORT: 'many' } }),
    ).toThrow(/smtp[\s\S]*port/);
    expect(loadConfig({}).smtp).toBeUndefined();
  });
});

describe('reminder rules over HTTP', () => {
  it('refuses unknown roles, invalid addresses and advis in the past with typed problems, and stores nothing', async () => {
    const rule = (recipients: unknown) => ({
      name: 'Opsigelse',
      entityKind: 'itContract',
      deadlines: ['notice'],
      daysBefore: [30],
      recipients,
    });
    const unknown = await h.call('POST', `${base(m.nordby)}/notification-rules`, {
      token: m.anna.token,
      body: rule({ roleUuids: ['00000000-0000-4000-8000-000000000009'] }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.data.errors ?? unknown.data.issues).toBeDefined();
    expect(JSON.stringify(unknown.data)).toContain('option-not-found');
    const address = await h.call('POST', `${base(m.nordby)}/notification-rules`, {
      token: m.anna.token,
      body: rule({ addresses: ['ikke en adresse'] }),
    });
    expect(address.status).toBe(400);
    const past = await h.call('POST', `${base(m.nordby)}/advis`, {
      token: m.anna.token,
      body: {
        entityKind: 'itContract',
        entityUuid: contract,
        subject: 'For sent',
        body: '…',
        alarmDate: '2025-06-14',
        recipients: { addresses: ['it@nordby.dk'] },
      },
    });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.data)).toContain('date-in-past');
    const list = await h.call('GET', `${base(m.nordby)}/notification-rules`, { token: m.anna.token });
    expect(list.data.total).toBe(0);
  });

  it('lets members read and only writers change, and hides the organisation from others', async () => {
    const body = {
      name: 'x',
      entityKind: 'itContract',
      deadlines: ['notice'],
      daysBefore: [7],
      recipients: { addresses: ['a@nordby.dk'] },
    };
    expect((await h.call('POST', `${base(m.nordby)}/notification-rules`, { token: dora.token, body })).status).toBe(
      403,
    );
    expect((await h.call('POST', `${base(m.nordby)}/notification-rules`, { token: m.bo.token, body })).status).toBe(
      403,
    );
    expect((await h.call('GET', `${base(m.nordby)}/reminders`, { token: m.bo.token })).status).toBe(403);
    expect((await h.call('GET', `${base(m.nordby)}/notification-deliveries`, { token: m.bo.token })).status).toBe(403);
    expect((await h.call('GET', `${base(m.nordby)}/reminders`, { token: dora.token })).status).toBe(200);
  });

  it('plans the reminders of a rule and sends the due one once, to the role holder and the fixed address', async () => {
    const created = await h.call('POST', `${base(m.nordby)}/notification-rules`, {
      token: m.anna.token,
      body: {
        name: 'Opsigelsesfrist',
        entityKind: 'itContract',
        deadlines: ['notice'],
        daysBefore: [90, 30, 7],
        recipients: { roleUuids: [OWNER], addresses: ['IT@nordby.dk'] },
      },
    });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    ruleUuid = created.data.uuid;

    const plan = await h.call('GET', `${base(m.nordby)}/reminders?until=2025-12-31`, { token: dora.token });
    expect(plan.status).toBe(200);
    expect(plan.data.due.map((r: Json) => [r.deadline, r.dueDate, r.daysBefore, r.sendOn, r.delivery])).toEqual([
      ['notice', '2025-06-30', 30, '2025-05-31', null],
    ]);
    expect(plan.data.ahead.map((r: Json) => [r.daysBefore, r.sendOn])).toEqual([[7, '2025-06-23']]);

    const report = await scheduler(h.server).runDueJobs();
    expect(report).toEqual({ claimed: 1, sent: 1, failed: 0 });
    await smtp.waitFor(1);
    const mail = smtp.messages[0];
    expect(mail?.to.sort()).toEqual(['dora@nordby.dk', 'it@nordby.dk']);
    expect(mail?.from).toBe('kitos@nordby.dk');
    expect(mail?.parsed.subject).toBe(
      'Påmindelse: Sidste frist for opsigelse for ESDH <drift> den 30-06-2025 (om 15 dage)',
    );
    const text = mail?.parsed.text ?? '';
    expect(text).toContain('Opsigelsesvarsel: 6 måneder');
    expect(text).toContain('Ophør kun ved udgangen af: kalenderåret');
    expect(text).toContain('Ophører: 31-12-2025');
    expect(text).toContain(`${h.url}/api/v2/it-contracts/${contract}`);
    expect(text).toContain('fordi du er Kontraktejer');
    const html = String(mail?.parsed.html);
    expect(html).toContain('ESDH &lt;drift&gt;');
    expect(html).not.toContain('<drift>');

    expect(await scheduler(h.server).runDueJobs()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const after = await h.call('GET', `${base(m.nordby)}/reminders`, { token: dora.token });
    expect(after.data.due[0].delivery.status).toBe('sent');
    const log = await h.call('GET', `${base(m.nordby)}/notification-deliveries?entityUuid=${contract}`, {
      token: dora.token,
    });
    expect(log.data.items.map((d: Json) => [d.status, d.daysBefore, d.recipients.length, d.attempts.length])).toEqual([
      ['sent', 30, 2, 1],
    ]);
  });

  it('keeps a bounced message in the log with the reason, and retries a temporary failure after its wait', async () => {
    const bounce = await h.call('POST', `${base(m.nordby)}/notification-rules`, {
      token: m.anna.token,
      body: {
        name: 'Udløb',
        entityKind: 'itContract',
        deadlines: ['earliest-end'],
        daysBefore: [200],
        recipients: { addresses: ['bounce@nordby.dk'] },
      },
    });
    expect(bounce.status).toBe(201);
    smtp.failNext(0);
    expect(await scheduler(h.server).runDueJobs()).toEqual({ claimed: 1, sent: 0, failed: 1 });
    const failed = await h.call('GET', `${base(m.nordby)}/notification-deliveries?status=failed`, {
      token: dora.token,
    });
    expect(failed.data.items).toHaveLength(1);
    expect(failed.data.items[0].reason).toMatch(/550|bounce@nordby\.dk/);
    expect(failed.data.items[0].rejected).toEqual(['bounce@nordby.dk']);

    const advis = await h.call('POST', `${base(m.nordby)}/advis`, {
      token: m.anna.token,
      body: {
        entityKind: 'itContract',
        entityUuid: contract,
        subject: 'Prisregulering',
        body: 'Husk at forhandle prisen.',
        alarmDate: '2025-06-15',
        repeat: 'month',
        language: 'en',
        recipients: { roleUuids: [OWNER] },
      },
    });
    expect(advis.status, JSON.stringify(advis.data)).toBe(201);
    smtp.failNext(1);
    const before = smtp.messages.length;
    expect(await scheduler(h.server).runDueJobs()).toEqual({ claimed: 1, sent: 0, failed: 1 });
    const retrying = await h.call('GET', `${base(m.nordby)}/notification-deliveries?status=retrying`, {
      token: dora.token,
    });
    expect(retrying.data.items.map((d: Json) => [d.subject, d.nextAttemptAt])).toEqual([
      ['Prisregulering', '2025-06-15T08:01:00.000Z'],
    ]);
    expect(retrying.data.items[0].reason).toContain('451');
    // Not before its wait is over …
    h.clock.now = new Date('2025-06-15T08:00:59Z');
    expect(await scheduler(h.server).runDueJobs()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    // … and then once.
    h.clock.now = new Date('2025-06-15T08:01:00Z');
    expect(await scheduler(h.server).runDueJobs()).toEqual({ claimed: 1, sent: 1, failed: 0 });
    await smtp.waitFor(before + 1);
    const mail = smtp.messages[before];
    expect(mail?.parsed.subject).toBe('Prisregulering');
    expect(mail?.parsed.text).toContain('Husk at forhandle prisen.');
    expect(mail?.parsed.text).toContain('Contract: ESDH <drift>');
    expect(mail?.to).toEqual(['dora@nordby.dk']);
  });

  it('records a reminder nobody can receive as failed, with the reason, instead of dropping it', async () => {
    const orphan = (await h.server.kitos.contracts.create(h.admin, { organizationUuid: m.nordby, name: 'Uden ejer' }))
      .uuid;
    const advis = await h.call('POST', `${base(m.nordby)}/advis`, {
      token: m.anna.token,
      body: {
        entityKind: 'itContract',
        entityUuid: orphan,
        subject: 'Ingen modtager',
        body: 'x',
        alarmDate: '2025-06-15',
        recipients: { roleUuids: [OWNER] },
      },
    });
    expect(advis.status, JSON.stringify(advis.data)).toBe(201);
    const sent = smtp.messages.length;
    expect(await scheduler(h.server).runDueJobs()).toEqual({ claimed: 1, sent: 0, failed: 1 });
    expect(smtp.messages).toHaveLength(sent);
    const log = await h.call('GET', `${base(m.nordby)}/notification-deliveries?entityUuid=${orphan}`, {
      token: dora.token,
    });
    expect(log.data.items.map((d: Json) => [d.status, d.subject, d.recipients])).toEqual([
      ['failed', 'Ingen modtager', []],
    ]);
    expect(log.data.items[0].reason).toContain('no recipients');
  });

  it('sends nothing twice after a restart over the same store, and the next reminder on its day', async () => {
    const sent = smtp.messages.length;
    await h.close();
    const server = await startServer({
      config: loadConfig({ overrides: { host: '127.0.0.1', port: 0, logLevel: 'silent', smtp: smtpConfig() } }),
      storage: await openStorage(`file:${file}`),
      now: () => h.clock.now,
      clock: { now: () => h.clock.now },
      startScheduler: false,
    });
    try {
      expect(await scheduler(server).runDueJobs()).toEqual({ claimed: 0, sent: 0, failed: 0 });
      h.clock.now = new Date('2025-06-23T06:00:00Z');
      const report = await scheduler(server).runDueJobs();
      expect(report.sent).toBe(1);
      await smtp.waitFor(sent + 1);
      const mail = smtp.messages[sent];
      expect(mail?.key).toBe(`rule/${ruleUuid}/${contract}/notice/2025-06-30/7`);
      expect(mail?.parsed.subject).toContain('(om 7 dage)');
      expect(await scheduler(server).runDueJobs()).toEqual({ claimed: 0, sent: 0, failed: 0 });
      expect(smtp.messages).toHaveLength(sent + 1);
    } finally {
      await server.close();
    }
  });
});

describe('the scheduler timer', () => {
  it('runs by itself every intervalMs once started, and stops with the server', async () => {
    const t = await startHarness({
      config: { smtp: smtpConfig(), notifications: { intervalMs: 1000 } },
      now: new Date('2025-06-15T08:00:00Z'),
      startScheduler: true,
    });
    try {
      const kitos = t.server.kitos;
      const org = (await kitos.organizations.create(t.admin, { name: 'Timerby Kommune', type: 'Kommune' })).uuid;
      const c = await kitos.contracts.create(t.admin, { organizationUuid: org, name: 'Timer' });
      const sent = once(scheduler(t.server), 'sent');
      await kitos.notifications.advis.create(t.admin, {
        organizationUuid: org,
        entityKind: 'itContract',
        entityUuid: c.uuid,
        subject: 'Fra timeren',
        body: 'x',
        alarmDate: '2025-06-15',
        recipients: { addresses: ['timer@nordby.dk'] },
      });
      const [delivery] = (await sent) as [{ subject: string; recipients: string[] }];
      expect([delivery.subject, delivery.recipients]).toEqual(['Fra timeren', ['timer@nordby.dk']]);
      expect(smtp.messages.some((x) => x.parsed.subject === 'Fra timeren')).toBe(true);
    } finally {
      await t.close();
    }
  });
});
