/**
 * OIDC bearer tokens against a real OpenID Connect provider (`oidc-provider`) started here on
 * 127.0.0.1, port 0: discovery, JWKS, signature, issuer, audience and lifetime are checked by the
 * server, and the `email` claim names the KITOS user.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, startHarness } from './helpers.js';

const AUDIENCE = 'https://kitos.nordby.dk/api';
const CLIENTS: Record<string, string> = {
  'anna-client': 'anna@nordby.dk',
  'ghost-client': 'ghost@nordby.dk',
};

let issuer: string;
/** The provider's signing key, so a test can sign tokens the provider would (expired ones, say). */
let providerKey: CryptoKey;
let idp: Server;
let h: Harness;
let m: Municipalities;

/** Listens first, so the issuer URL is known before the server under test starts. */
async function listenProvider(): Promise<void> {
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
}

/** The provider, once the server under test's callback URL is known. */
async function startProvider(callback: string): Promise<void> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  providerKey = privateKey;
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    clients: [
      ...Object.keys(CLIENTS).map((client_id) => ({
        client_id,
        client_secret: 'a-client-secret-for-tests',
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
      })),
      {
        client_id: 'kitos-web',
        client_secret: 'a-web-client-secret',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [callback],
      },
    ],
    cookies: { keys: ['a-cookie-signing-key-for-tests'] },
    claims: { openid: ['sub'], email: ['email'] },
    // The sign-in name typed at the provider is the account id, and its e-mail.
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id }),
    }),
    features: {
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        // Access tokens for any requested resource are JWTs whose audience is that resource.
        getResourceServerInfo: (_ctx: unknown, resource: string) => ({
          scope: 'kitos',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 300,
        }),
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { clientId?: string }) => ({ email: CLIENTS[token.clientId ?? ''] }),
  });
  idp.on('request', provider.callback());
}

async function accessToken(clientId: string, resource = AUDIENCE): Promise<string> {
  const r = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:a-client-secret-for-tests`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'kitos' }),
  });
  const body = (await r.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.access_token;
}

const PAGE = 'https://intranet.nordby.dk';

beforeAll(async () => {
  await listenProvider();
  h = await startHarness({
    config: {
      corsOrigins: [PAGE],
      oidc: {
        issuer,
        audience: AUDIENCE,
        allowInsecureIssuer: true,
        clientId: 'kitos-web',
        clientSecret: 'a-web-client-secret',
      },
    },
  });
  await startProvider(`${h.url}/api/session/oidc/callback`);
  m = await twoMunicipalities(h);
});

/**
 * A browser, as far as the sign-in needs one: follows redirects by hand, keeps the provider's
 * cookies, and submits the provider's login and consent forms. Returns the last redirect target
 * outside the provider and the session cookie the server set.
 */
async function browserSignIn(
  start: string,
  login: string,
): Promise<{ landedOn: string; cookie: string | undefined; callback: string | undefined }> {
  const jar = new Map<string, string>();
  let sessionCookie: string | undefined;
  let callback: string | undefined;
  let url = start;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const onProvider = url.startsWith(issuer);
    if (url.startsWith(`${h.url}/api/session/oidc/callback`)) callback = url;
    const headers: Record<string, string> = {};
    if (onProvider && jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const r = await fetch(url, { method, headers, body, redirect: 'manual' });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair as string).split('=');
      if (onProvider) jar.set(k as string, v ?? '');
      else if (k === 'kitos_session') sessionCookie = pair;
    }
    method = 'GET';
    body = undefined;
    if (r.status >= 300 && r.status < 400) {
      url = new URL(r.headers.get('location') as string, url).href;
      if (!url.startsWith(issuer) && !url.startsWith(h.url)) return { landedOn: url, cookie: sessionCookie, callback };
      continue;
    }
    const html = await r.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!onProvider || !prompt) throw new Error(`unexpected page ${r.status} at ${url}: ${html.slice(0, 300)}`);
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }).toString();
  }
  throw new Error('too many redirects');
}
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
});

describe('sign-in through the identity provider (authorization code with PKCE)', () => {
  it('signs a known user in to a cookie session and returns to the page', async () => {
    const { landedOn, cookie, callback } = await browserSignIn(
      `${h.url}/api/session/oidc?returnTo=${encodeURIComponent(`${PAGE}/portfolio`)}`,
      'anna@nordby.dk',
    );
    expect(landedOn).toBe(`${PAGE}/portfolio`);
    expect(cookie).toMatch(/^kitos_session=/);
    const me = await h.call('GET', '/api/session', { token: null, headers: { cookie: cookie as string } });
    expect(me.data.user.uuid).toBe(m.anna.uuid);
    // The provider's answer is good for one sign-in only.
    const replay = await fetch(callback as string, { redirect: 'manual' });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { specificCode: string }).specificCode).toBe('invalid-state');
  });

  it('refuses an unknown user, an unknown state and a foreign returnTo', async () => {
    await expect(
      browserSignIn(`${h.url}/api/session/oidc?returnTo=${encodeURIComponent(PAGE)}`, 'ghost@nordby.dk'),
    ).rejects.toThrow(/unknown-user/);
    const foreign = await h.call('GET', `/api/session/oidc?returnTo=${encodeURIComponent('https://evil.example/')}`, {
      token: null,
    });
    expect(foreign.status).toBe(400);
    const unknown = await h.call('GET', `/api/session/oidc/callback?code=abc&state=${'A'.repeat(43)}`, { token: null });
    expect(unknown.status).toBe(401);
    expect(unknown.data.specificCode).toBe('invalid-state');
  });
});

describe('OIDC bearer tokens', () => {
  it('accepts a token from the provider and maps its email claim to the user', async () => {
    const token = await accessToken('anna-client');
    expect(token.split('.')).toHaveLength(3);
    const me = await h.call('GET', '/api/session', { token });
    expect(me.status, JSON.stringify(me.data)).toBe(200);
    expect(me.data.user.uuid).toBe(m.anna.uuid);
    const contracts = await h.call('GET', `/api/v2/it-contracts?organizationUuid=${m.nordby}`, { token });
    expect(contracts.status).toBe(200);
    const mine = await h.call('GET', `/api/v2/it-contracts/permissions?organizationUuid=${m.nordby}`, { token });
    expect(mine.data).toEqual({ create: true });
    const other = await h.call('GET', `/api/v2/it-contracts/permissions?organizationUuid=${m.sydby}`, { token });
    expect(other.status).toBe(404);
  });

  it('refuses a token for another audience', async () => {
    const token = await accessToken('anna-client', 'https://other.example/api');
    const r = await h.call('GET', '/api/session', { token });
    expect(r.status).toBe(401);
    expect(r.data.specificCode).toBe('invalid-token');
  });

  it('refuses a token whose user is unknown', async () => {
    const r = await h.call('GET', '/api/session', { token: await accessToken('ghost-client') });
    expect(r.status).toBe(401);
    expect(r.data.specificCode).toBe('unknown-user');
  });

  it('refuses a token signed with a key the provider does not publish, and an expired one', async () => {
    const sign = (key: CryptoKey, expires: string | number) =>
      new SignJWT({ email: 'anna@nordby.dk' })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(issuer)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expires)
        .sign(key);
    // The provider's own key makes a token the server accepts: the refusals below are about the key and the time.
    expect((await h.call('GET', '/api/session', { token: await sign(providerKey, '5m') })).status).toBe(200);
    const { privateKey: otherKey } = await generateKeyPair('RS256');
    expect((await h.call('GET', '/api/session', { token: await sign(otherKey, '5m') })).status).toBe(401);
    const expired = await sign(providerKey, Math.floor(Date.now() / 1000) - 120);
    expect((await h.call('GET', '/api/session', { token: expired })).status).toBe(401);
  });
});
