/**
 * Who is calling: an API token (`Authorization: Bearer <token>` from GetToken), an OIDC access
 * token from the municipal identity provider (a JWT in the same header), or a session cookie. Only
 * health, readiness, the API documents and the sign-in endpoints are open to anonymous callers.
 *
 * Cookie-authenticated writes must carry the session's CSRF token in `X-CSRF-Token` (derived from
 * the session secret; the page gets it at sign-in or from `GET /api/session`, which CORS lets only
 * allowed origins read; a cross-site form cannot know it), and a browser's `Origin`, when sent,
 * must be this server's own or one of the configured CORS origins.
 *
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ServerEnv } from '../env.js';
import { forbiddenProblem, problemResponse, type ServerIssueCode, serverProblem } from '../problem.js';
import { type StoredUser, findUser, findUserByEmail, findValidToken } from './credentials.js';
import type { OidcVerifier } from './oidc.js';
import { csrfTokenOf } from './secrets.js';
import { timingSafeEqual } from 'node:crypto';

/** Paths anyone may call. */
export function isPublicPath(method: string, path: string): boolean {
  if (path === '/health' || path === '/ready' || path === '/api/openapi.json' || path === '/api/docs') return true;
  if (method === 'POST' && (path === '/api/authorize/GetToken' || path === '/api/session')) return true;
  if (method === 'GET' && (path === '/api/session/oidc' || path === '/api/session/oidc/callback')) return true;
  return false;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True when an Origin header names this server or an allowed origin. */
export function originAllowed(origin: string, requestUrl: string, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true;
  try {
    return new URL(requestUrl).origin === origin;
  } catch {
    return false;
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Options of {@link authenticate}. */
export interface AuthenticateOptions {
  readonly oidc?: OidcVerifier;
  readonly now: () => Date;
}

/**
 * The authentication middleware: sets `auth` on the context or answers 401/403.
 *
 * @example
 * ```ts
 * app.use('*', authenticate({ now: () => new Date() }));
 * ```
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    c.set('auth', undefined);
    const kitos = c.get('kitos');
    const config = c.get('config');
    const requestId = c.get('requestId');
    const refuse = (status: 'unauthenticated' | 'forbidden', detail: string, specificCode: ServerIssueCode) =>
      status === 'unauthenticated'
        ? problemResponse(serverProblem('unauthenticated', detail, { specificCode }), requestId, {
            'www-authenticate': 'Bearer',
          })
        : problemResponse(forbiddenProblem(detail, specificCode), requestId);
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const isPublic = isPublicPath(c.req.method, c.req.path);
    if (header !== undefined && !bearer && !isPublic)
      return refuse('unauthenticated', 'the Authorization header must be "Bearer <token>"', 'malformed-authorization');

    if (bearer) {
      let user: StoredUser | undefined;
      if (bearer.split('.').length === 3) {
        if (!options.oidc) return refuse('unauthenticated', 'OIDC tokens are not accepted here', 'oidc-not-configured');
        let who: Awaited<ReturnType<OidcVerifier['verify']>>;
        try {
          who = await options.oidc.verify(bearer);
        } catch (e) {
          c.get('log').warn({ err: (e as Error).message }, 'OIDC discovery failed');
          return problemResponse(serverProblem('unavailable', 'the identity provider cannot be reached'), requestId);
        }
        if (!who) return refuse('unauthenticated', 'the OIDC token is not valid', 'invalid-token');
        user = await findUserByEmail(kitos, who.userKey);
        if (!user) return refuse('unauthenticated', 'no KITOS user matches the OIDC token', 'unknown-user');
        c.set('auth', { actor: { userUuid: user.uuid }, method: 'oidc', rateKey: `oidc:${who.subject}` });
      } else {
        const token = await findValidToken(kitos, bearer, 'api', options.now());
        if (!token) return refuse('unauthenticated', 'the token is unknown, expired or revoked', 'invalid-token');
        user = await findUser(kitos, token.userUuid);
        if (!user) return refuse('unauthenticated', 'the token is unknown, expired or revoked', 'invalid-token');
        // KITOS: only API users may call with a token, also when API access was taken away later.
        if (!user.hasApiAccess)
          return refuse('forbidden', 'Du har ikke tilladelse til at kalde API endpoints', 'no-api-access');
        c.set('auth', { actor: { userUuid: user.uuid }, method: 'token', rateKey: `token:${token.uuid}` });
      }
      return next();
    }

    const cookie = getCookie(c, config.sessionCookieName);
    if (cookie) {
      const session = await findValidToken(kitos, cookie, 'session', options.now());
      if (session && (await findUser(kitos, session.userUuid))) {
        if (UNSAFE.has(c.req.method) && !isPublic) {
          const origin = c.req.header('origin');
          if (origin && !originAllowed(origin, c.req.url, config.corsOrigins))
            return refuse('forbidden', 'the request comes from an origin that is not allowed', 'origin-refused');
          const csrf = c.req.header('x-csrf-token');
          if (!csrf || !same(csrf, csrfTokenOf(cookie)))
            return refuse('forbidden', 'a write with a session cookie needs the X-CSRF-Token of the session', 'csrf');
        }
        c.set('auth', {
          actor: { userUuid: session.userUuid },
          method: 'session',
          sessionUuid: session.uuid,
          csrfToken: csrfTokenOf(cookie),
          expiresAt: session.expiresAt,
          rateKey: `session:${session.uuid}`,
        });
        return next();
      }
    }
    if (isPublic) return next();
    return refuse('unauthenticated', 'sign in, or send a bearer token', 'missing-credentials');
  };
}
