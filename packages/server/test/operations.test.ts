/**
 * Operations: graceful shutdown (stop accepting, drain in-flight requests within a bound) and the
 * `os2kitos` command line on an embedded better-sqlite3 file (migrate, create-admin, token).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { createLogger, loadConfig, openStorage, startServer } from '../src/index.js';
import { ADMIN_EMAIL, PASSWORD, startHarness } from './helpers.js';

/** Polls `check` until it holds (at most ~5 s), instead of sleeping a fixed time. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
}

/** A POST whose body is held open until `finish` is called: an in-flight request we control. */
function slowPost(url: string, token: string, organizationUuid: string) {
  let finish!: () => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(`{"organizationUuid":"${organizationUuid}",`));
      finish = () => {
        controller.enqueue(new TextEncoder().encode('"name":"Sent late"}'));
        controller.close();
      };
    },
  });
  const response = fetch(`${url}/api/v2/it-systems`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
  return { response, finish: () => finish() };
}

describe('graceful shutdown', () => {
  it('stops accepting, lets an in-flight request finish, then closes', async () => {
    const h = await startHarness();
    const org = await h.server.kitos.organizations.create(h.admin, { name: 'Nordby Kommune', type: 'Kommune' });
    const slow = slowPost(h.url, h.token, org.uuid);
    await until(() => h.server.inFlight() === 1);
    const closed = h.server.close();
    await until(async () => {
      try {
        await fetch(`${h.url}/health`);
        return false;
      } catch {
        return true; // refused: the listener is closed
      }
    });
    slow.finish();
    const r = await slow.response;
    expect(r.status).toBe(201);
    expect((await r.json()).name).toBe('Sent late');
    await closed;
    expect(h.server.inFlight()).toBe(0);
  });

  it('closes after the grace period when a request never finishes', async () => {
    const h = await startHarness({ config: { shutdownGraceMs: 200 } });
    const org = await h.server.kitos.organizations.create(h.admin, { name: 'Nordby Kommune', type: 'Kommune' });
    const slow = slowPost(h.url, h.token, org.uuid);
    await until(() => h.server.inFlight() === 1);
    await h.server.close();
    await expect(slow.response).rejects.toThrow();
  });
});

describe('logs and headers', () => {
  it('log one line per request with its id, and never a token, cookie or password', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) });
    const h = await startHarness({ logger });
    try {
      const session = await h.call('POST', '/api/session', {
        token: null,
        body: { email: ADMIN_EMAIL, password: PASSWORD },
      });
      const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const r = await h.call('GET', '/api/v2/kle-options', { headers: { 'x-request-id': 'trace-me-123' } });
      expect(r.headers.get('x-request-id')).toBe('trace-me-123');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('strict-transport-security')).toContain('max-age=');
      await h.call('GET', '/api/session', { token: null, headers: { cookie } });
      const log = lines.join('');
      const entry = lines.map((l) => JSON.parse(l)).find((e) => e.reqId === 'trace-me-123' && e.msg === 'request');
      expect(entry).toMatchObject({ method: 'GET', path: '/api/v2/kle-options', status: 200, auth: 'token' });
      for (const secret of [h.token, PASSWORD, cookie.split('=')[1] as string, session.data.csrfToken as string])
        expect(log).not.toContain(secret);
    } finally {
      await h.close();
    }
  });
});

describe('the os2kitos command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kitos-cli-'));
  const database = `file:${join(dir, 'kitos.db')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[], env: Record<string, string> = {}) {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await main(args, { KITOS_LOG_LEVEL: 'silent', ...env });
      return { code, out: out.join('') };
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
  }

  it('migrates, creates the admin, and issues, lists and revokes tokens', async () => {
    expect((await run(['migrate', '--database', database])).code).toBe(0);
    const created = await run(
      ['create-admin', '--database', database, '--email', ADMIN_EMAIL, '--first-name', 'Ada', '--last-name', 'Admin'],
      { KITOS_ADMIN_PASSWORD: PASSWORD },
    );
    expect(created.code).toBe(0);
    const again = await run(
      ['create-admin', '--database', database, '--email', 'other@nordby.dk', '--first-name', 'B', '--last-name', 'C'],
      { KITOS_ADMIN_PASSWORD: PASSWORD },
    );
    expect(again.code).toBe(1);
    const issued = await run([
      'token',
      'issue',
      '--database',
      database,
      '--email',
      ADMIN_EMAIL,
      '--label',
      'integration',
    ]);
    expect(issued.code).toBe(0);
    const { uuid, token } = JSON.parse(issued.out);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await run(['token', 'list', '--database', database, '--email', ADMIN_EMAIL])).out).toContain(uuid);

    // The token works against a server on the same file once the admin has API access.
    const server = await startServer({
      config: loadConfig({ overrides: { port: 0, logLevel: 'silent' } }),
      storage: await openStorage(database),
    });
    try {
      const admin = { userUuid: created.out.trim() };
      await server.kitos.users.patch(admin, admin.userUuid, { hasApiAccess: true });
      const ok = await fetch(`${server.url}/api/v2/kle-options`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect((await run(['token', 'revoke', '--database', database, '--uuid', uuid])).code).toBe(0);
      const revoked = await fetch(`${server.url}/api/v2/kle-options`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(revoked.status).toBe(401);
    } finally {
      await server.close();
    }
    expect((await run(['bogus'])).code).toBe(2);
  });
});
