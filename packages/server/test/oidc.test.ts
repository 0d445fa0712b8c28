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

async function startProvider(): Promise<void> {
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  providerKey = privateKey;
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    clients: Object.keys(CLIENTS).map((client_id) => ({
      client_id,
      client_secret: 'a-client-secret-for-tests',
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
    })),
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

beforeAll(async () => {
  await startProvider();
  h = await startHarness({ config: { oidc: { issuer, audience: AUDIENCE, allowInsecureIssuer: true } } });
  m = await twoMunicipalities(h);
});
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
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
    expect(r.data.specificCode).toBe('invalid_token');
  });

  it('refuses a token whose user is unknown', async () => {
    const r = await h.call('GET', '/api/session', { token: await accessToken('ghost-client') });
    expect(r.status).toBe(401);
    expect(r.data.specificCode).toBe('unknown_user');
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
