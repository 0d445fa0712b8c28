/**
 * API tokens and cookie sessions over real HTTP: GetToken, hasApiAccess, expiry, revocation,
 * hashing at rest, the session cookie's flags, CSRF, CORS per origin, and what anonymous callers reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_KIND, TOKEN_KIND } from '../src/auth/kinds.js';
import { issueToken, revokeToken } from '../src/index.js';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, PASSWORD, startHarness } from './helpers.js';

const ALLOWED = 'https://intranet.nordby.dk';
const REFUSED = 'https://evil.example';

let h: Harness;
let m: Municipalities;
beforeAll(async () => {
  h = await startHarness({ config: { corsOrigins: [ALLOWED], sessionSameSite: 'Strict' } });
  m = await twoMunicipalities(h);
});
afterAll(() => h.close());

describe('anonymous callers', () => {
  it('reach health, readiness and the API documents, and nothing else', async () => {
    for (const path of ['/health', '/ready', '/api/openapi.json', '/api/docs'])
      expect((await h.call('GET', path, { token: null })).status, path).toBe(200);
    for (const path of [
      '/api/v2/it-systems',
      '/api/v2/organizations',
      `/api/v2/x-os2kitos/overviews/usages?q={}`,
      '/api/session',
    ]) {
      const r = await h.call('GET', path, { token: null });
      expect(r.status, path).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.headers.get('www-authenticate')).toBe('Bearer');
    }
    const malformed = await h.call('GET', '/api/v2/it-systems', {
      token: null,
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.status).toBe(401);
  });
});

describe('API tokens (GetToken)', () => {
  it('issues a 256-bit token to API users in the KITOS envelope', async () => {
    const r = await h.call('POST', '/api/authorize/GetToken', {
      token: null,
      body: { email: 'ANNA@nordby.dk', password: PASSWORD },
    });
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ msg: '', response: { email: 'ANNA@nordby.dk', loginSuccessful: true } });
    expect(r.data.response.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.data.response.expires).toMatch(/Z$/);
    const me = await h.call('GET', '/api/session', { token: r.data.response.token });
    expect(me.data.user.uuid).toBe(m.anna.uuid);
  });

  it('refuses wrong passwords, unknown e-mails and users without API access with 401', async () => {
    for (const body of [
      { email: m.anna.email, password: 'wrong password!!' },
      { email: 'nobody@nordby.dk', password: PASSWORD },
      { email: m.carl.email, password: PASSWORD },
    ]) {
      const r = await h.call('POST', '/api/authorize/GetToken', { token: null, body });
      expect(r.status, JSON.stringify(body)).toBe(401);
      expect(r.data).toEqual({ msg: expect.stringContaining('Du har ikke adgang'), response: {} });
    }
    const invalid = await h.call('POST', '/api/authorize/GetToken', { token: null, body: { email: m.anna.email } });
    expect(invalid.status).toBe(400);
  });

  it('refuses token calls from a user whose API access was taken away (403)', async () => {
    const kitos = h.server.kitos;
    const u = await kitos.users.create(h.admin, {
      firstName: 'Api',
      lastName: 'Bruger',
      email: 'api@nordby.dk',
      hasApiAccess: true,
    });
    const { secret } = await issueToken(kitos, {
      userUuid: u.uuid,
      purpose: 'api',
      ttlSeconds: 3600,
      now: h.clock.now,
    });
    expect((await h.call('GET', '/api/v2/kle-options', { token: secret })).status).toBe(200);
    await kitos.users.patch(h.admin, u.uuid, { hasApiAccess: false });
    const r = await h.call('GET', '/api/v2/kle-options', { token: secret });
    expect(r.status).toBe(403);
    expect(r.data.detail).toBe('Du har ikke tilladelse til at kalde API endpoints');
  });

  it('refuses expired and revoked tokens', async () => {
    const kitos = h.server.kitos;
    const issued = await issueToken(kitos, { userUuid: m.anna.uuid, purpose: 'api', ttlSeconds: 60, now: h.clock.now });
    expect((await h.call('GET', '/api/v2/kle-options', { token: issued.secret })).status).toBe(200);
    const saved = h.clock.now;
    try {
      h.clock.now = new Date(saved.getTime() + 61_000);
      expect((await h.call('GET', '/api/v2/kle-options', { token: issued.secret })).status).toBe(401);
    } finally {
      h.clock.now = saved;
    }
    expect((await h.call('GET', '/api/v2/kle-options', { token: issued.secret })).status).toBe(200);
    expect(await revokeToken(kitos, issued.record.uuid)).toBe(true);
    const r = await h.call('GET', '/api/v2/kle-options', { token: issued.secret });
    expect(r.status).toBe(401);
    expect(r.data.specificCode).toBe('invalid-token');
  });

  it('keeps only hashes of tokens and passwords in the store', async () => {
    const r = await h.call('POST', '/api/authorize/GetToken', {
      token: null,
      body: { email: m.anna.email, password: PASSWORD },
    });
    const secret: string = r.data.response.token;
    const tokens = await h.server.kitos.storage.query({ kind: TOKEN_KIND });
    const credentials = await h.server.kitos.storage.query({ kind: CREDENTIAL_KIND });
    const dump = JSON.stringify([tokens.records, credentials.records]);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(PASSWORD);
    expect(
      credentials.records.every((c) => (c.data as { passwordHash: string }).passwordHash.startsWith('scrypt$')),
    ).toBe(true);
  });
});

describe('cookie sessions', () => {
  async function signIn(headers: Record<string, string> = {}) {
    const r = await h.call('POST', '/api/session', {
      token: null,
      headers,
      body: { email: m.anna.email, password: PASSWORD },
    });
    const setCookie = r.headers.get('set-cookie') ?? '';
    return { r, setCookie, cookie: setCookie.split(';')[0] as string, csrf: r.data.csrfToken as string };
  }

  it('signs in with a password and sets an HttpOnly SameSite cookie', async () => {
    const wrong = await h.call('POST', '/api/session', {
      token: null,
      body: { email: m.anna.email, password: 'nope nope nope' },
    });
    expect(wrong.status).toBe(401);
    const { r, setCookie, cookie } = await signIn();
    expect(r.status).toBe(200);
    expect(setCookie).toMatch(/^kitos_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain('Secure'); // this harness listens on loopback with insecureCookies
    const me = await h.call('GET', '/api/session', { token: null, headers: { cookie } });
    expect(me.data.user.email).toBe(m.anna.email);
    // After a reload the page asks again for the CSRF token: the same one, derived from the session.
    expect(me.data.csrfToken).toBe(r.data.csrfToken);
    expect(me.data.expires).toBe(r.data.expires);
    const list = await h.call('GET', `/api/v2/it-contracts?organizationUuid=${m.nordby}`, {
      token: null,
      headers: { cookie },
    });
    expect(list.status).toBe(200);
  });

  it('refuses writes without the CSRF token or from a foreign origin', async () => {
    const { cookie, csrf } = await signIn();
    const body = { organizationUuid: m.nordby, name: `Session-kontrakt ${Date.now()}` };
    const noCsrf = await h.call('POST', '/api/v2/it-contracts', { token: null, headers: { cookie }, body });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.data.specificCode).toBe('csrf');
    const wrongCsrf = await h.call('POST', '/api/v2/it-contracts', {
      token: null,
      headers: { cookie, 'x-csrf-token': 'A'.repeat(43) },
      body,
    });
    expect(wrongCsrf.status).toBe(403);
    const foreign = await h.call('POST', '/api/v2/it-contracts', {
      token: null,
      headers: { cookie, 'x-csrf-token': csrf, origin: REFUSED },
      body,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.data.specificCode).toBe('origin-refused');
    const ok = await h.call('POST', '/api/v2/it-contracts', {
      token: null,
      headers: { cookie, 'x-csrf-token': csrf, origin: ALLOWED },
      body,
    });
    expect(ok.status, JSON.stringify(ok.data)).toBe(201);
    const foreignSignIn = await h.call('POST', '/api/session', {
      token: null,
      headers: { origin: REFUSED },
      body: { email: m.anna.email, password: PASSWORD },
    });
    expect(foreignSignIn.status).toBe(403);
  });

  it('answers CORS preflights from allowed origins only, with credentials', async () => {
    const preflight = (origin: string) =>
      fetch(`${h.url}/api/v2/it-contracts`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-csrf-token',
        },
      });
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-csrf-token');
    const refused = await preflight(REFUSED);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await h.call('GET', '/health', { token: null, headers: { origin: REFUSED } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('signs out: the session is revoked in the store', async () => {
    const { cookie, csrf } = await signIn();
    const out = await h.call('DELETE', '/api/session', { token: null, headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    expect((await h.call('GET', '/api/session', { token: null, headers: { cookie } })).status).toBe(401);
  });

  it('marks the cookie Secure unless insecure cookies are allowed on loopback', async () => {
    const secure = await startHarness({ config: { insecureCookies: false } });
    try {
      const r = await secure.call('POST', '/api/session', {
        token: null,
        body: { email: 'admin@nordby.dk', password: PASSWORD },
      });
      expect(r.headers.get('set-cookie')).toContain('Secure');
    } finally {
      await secure.close();
    }
  });
});

describe('limits', () => {
  it('answers a request that takes too long with 503', async () => {
    const slow = await startHarness({ config: { requestTimeoutMs: 1000 } });
    try {
      // A body that never ends keeps the handler waiting; the timeout answers instead.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"organizationUuid":'));
        },
      });
      const r = await fetch(`${slow.url}/api/v2/it-systems`, {
        method: 'POST',
        headers: { authorization: `Bearer ${slow.token}`, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(r.status).toBe(503);
      expect(((await r.json()) as { code: string }).code).toBe('timeout');
    } finally {
      await slow.close();
    }
  });

  it('refuses oversized bodies with 413 and counts requests per credential', async () => {
    const small = await startHarness({ config: { bodyLimitBytes: 2048, rateLimitPerMinute: 5 } });
    try {
      const big = await small.call('POST', '/api/v2/it-systems', {
        body: { organizationUuid: '4f6ad6e4-65c3-4c49-9a41-5b2e0d5a2f10', name: 'x', description: 'x'.repeat(5000) },
      });
      expect(big.status).toBe(413);
      expect(big.headers.get('content-type')).toContain('application/problem+json');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await small.call('GET', '/api/v2/kle-options')).status);
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    } finally {
      await small.close();
    }
  });
});
