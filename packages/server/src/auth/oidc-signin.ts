/**
 * Sign-in to a cookie session through the municipality's identity provider: authorization code
 * with PKCE (`openid-client`). `GET /api/session/oidc?returnTo=` sends the browser to the provider;
 * the provider sends it back to `GET /api/session/oidc/callback`, which checks the answer, finds
 * the KITOS user by the configured claim, starts a session and returns to the page.
 *
 * The pending sign-in (PKCE verifier, nonce, where to return) is a short-lived record in the store
 * keyed by the hash of `state`, so the callback may reach any server process.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import * as client from 'openid-client';
import type { OidcConfig, ServerConfig } from '../config.js';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, route } from '../openapi.js';
import { ProblemError, type ServerIssueCode, serverProblem, validationProblem } from '../problem.js';
import { originAllowed } from './authenticate.js';
import { findUserByEmail, findValidToken, issueToken, revokeToken } from './credentials.js';

/** A pending sign-in expires after ten minutes. */
const PENDING_TTL_SECONDS = 600;

/** Settings of the code flow, when configured. */
type CodeFlow = OidcConfig & { clientId: string; redirectUri: string };

/**
 * The code flow's settings when a client id is configured. The callback URL defaults to this
 * server's own (`publicUrl`, else the request's origin) + `/api/session/oidc/callback`.
 */
function codeFlowOf(config: ServerConfig, requestUrl: string): CodeFlow | undefined {
  const o = config.oidc;
  if (!o?.clientId) return undefined;
  const base = (config.publicUrl ?? new URL(requestUrl).origin).replace(/\/$/, '');
  return { ...o, clientId: o.clientId, redirectUri: o.redirectUri ?? `${base}/api/session/oidc/callback` };
}

/** Sets the session cookie (shared with the password sign-in). */
export function setSessionCookie(c: Context<ServerEnv>, secret: string): void {
  const config = c.get('config');
  setCookie(c, config.sessionCookieName, secret, {
    httpOnly: true,
    secure: !config.insecureCookies,
    sameSite: config.sessionSameSite,
    path: '/',
    maxAge: config.sessionTtlSeconds,
  });
}

/** Registers the OIDC sign-in routes (they answer 404 problems when the code flow is not configured). */
export function registerOidcSignIn(app: OpenAPIHono<ServerEnv>, now: () => Date): void {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (flow: CodeFlow) => {
    discovered ??= client
      .discovery(
        new URL(flow.issuer),
        flow.clientId,
        flow.clientSecret,
        undefined,
        flow.allowInsecureIssuer ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((e) => {
        discovered = undefined;
        throw e;
      });
    return discovered;
  };
  const flowOf = (c: Context<ServerEnv>) => {
    const flow = codeFlowOf(c.get('config'), c.req.url);
    if (!flow) throw new ProblemError(serverProblem('route-not-found', 'sign-in with OIDC is not configured'));
    return flow;
  };
  const providerDown = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      throw new ProblemError(serverProblem('unavailable', 'the identity provider cannot be reached or refused'));
    }
  };

  app.openapi(
    route({
      method: 'get',
      path: '/api/session/oidc',
      tags: ['authorization'],
      summary: 'Sign in through the identity provider (redirects there)',
      security: [],
      request: {
        query: z.strictObject({
          returnTo: z.url().openapi({ description: 'Page to return to: this server or an allowed origin.' }),
        }),
      },
      responses: { 302: { description: 'To the identity provider.' }, ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const flow = flowOf(c);
      const { returnTo } = c.req.valid('query');
      if (!originAllowed(new URL(returnTo).origin, c.req.url, c.get('config').corsOrigins))
        throw new ProblemError(
          validationProblem('returnTo is not an allowed origin', [
            {
              path: ['query', 'returnTo'],
              code: 'invalid-value',
              message: 'returnTo must be this server or an allowed origin',
            },
          ]),
        );
      const config = await providerDown(() => configuration(flow));
      const codeVerifier = client.randomPKCECodeVerifier();
      const nonce = client.randomNonce();
      // The pending sign-in is a token record whose secret is the `state`: the callback finds it by
      // the state's hash. The user is not known yet.
      const { secret: state } = await issueToken(c.get('kitos'), {
        userUuid: '',
        purpose: 'oidc-state',
        ttlSeconds: PENDING_TTL_SECONDS,
        label: 'oidc sign-in',
        now: now(),
        pending: { codeVerifier, nonce, returnTo },
      });
      const target = client.buildAuthorizationUrl(config, {
        redirect_uri: flow.redirectUri,
        scope: flow.scope,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return c.redirect(target.href, 302);
    },
  );

  const text = z.string().max(4096).optional();
  app.openapi(
    route({
      method: 'get',
      path: '/api/session/oidc/callback',
      tags: ['authorization'],
      summary: 'Where the identity provider returns after sign-in',
      security: [],
      request: {
        query: z.strictObject({
          code: text,
          state: text,
          iss: text,
          session_state: text,
          scope: text,
          error: text,
          error_description: text,
          error_uri: text,
        }),
      },
      responses: { 302: { description: 'Back to the page, signed in.' }, ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const flow = flowOf(c);
      const kitos = c.get('kitos');
      const q = c.req.valid('query');
      const refused = (detail: string, specificCode: ServerIssueCode) =>
        new ProblemError(serverProblem('unauthenticated', detail, { specificCode }));
      const pending = q.state ? await findValidToken(kitos, q.state, 'oidc-state', now()) : undefined;
      if (!pending?.pending) throw refused('the sign-in is unknown, expired or already used', 'invalid-state');
      // One use only: a replayed callback finds nothing.
      await revokeToken(kitos, pending.uuid, now());
      if (q.error) throw refused(`the identity provider refused: ${q.error}`, 'provider-refused');
      const config = await providerDown(() => configuration(flow));
      const callback = new URL(flow.redirectUri);
      callback.search = new URL(c.req.url).search;
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: pending.pending.codeVerifier,
          expectedState: q.state,
          expectedNonce: pending.pending.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (e) {
        c.get('log').info({ err: (e as Error).message }, 'OIDC code exchange refused');
        throw refused('the identity provider’s answer could not be verified', 'invalid-grant');
      }
      const key = claims?.[flow.userClaim];
      const user = typeof key === 'string' ? await findUserByEmail(kitos, key) : undefined;
      if (!user) throw refused('no KITOS user matches the signed-in identity', 'unknown-user');
      const session = await issueToken(kitos, {
        userUuid: user.uuid,
        purpose: 'session',
        ttlSeconds: c.get('config').sessionTtlSeconds,
        label: 'oidc',
        now: now(),
      });
      setSessionCookie(c, session.secret);
      c.get('log').info(
        { event: 'session_started', sessionUuid: session.record.uuid, userUuid: user.uuid, via: 'oidc' },
        'signed in',
      );
      return c.redirect(pending.pending.returnTo, 302);
    },
  );
}
