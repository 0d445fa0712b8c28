/**
 * Sign-in endpoints: KITOS's `POST /api/authorize/GetToken` (API tokens for API users) and the
 * cookie session of intranet pages (`POST /api/session` to sign in, `GET` to see who is signed in
 * and get the CSRF token again, `DELETE` to sign out).
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, json, jsonBody, route } from '../openapi.js';
import { forbiddenProblem, ProblemError, serverProblem } from '../problem.js';
import { instantOut } from '../v2/common.js';
import { originAllowed } from './authenticate.js';
import { checkPassword, findUser, issueToken, revokeToken } from './credentials.js';
import { registerOidcSignIn, setSessionCookie } from './oidc-signin.js';

const Credentials = z
  .strictObject({
    email: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(1024),
  })
  .openapi('GetTokenRequest');

const GetTokenResponse = z
  .object({
    msg: z.string(),
    response: z.object({
      token: z.string(),
      email: z.string(),
      loginSuccessful: z.boolean(),
      expires: z.string(),
    }),
  })
  .openapi('GetTokenResponse');

const KitosEnvelopeFailure = z.object({ msg: z.string(), response: z.object({}) }).openapi('GetTokenFailure');

const SessionInfo = z
  .object({
    user: z.object({ uuid: z.string(), name: z.string(), email: z.string() }),
    csrfToken: z.string().nullable().openapi({
      description: 'Send it in X-CSRF-Token on every write with the session cookie (null for bearer tokens).',
    }),
    expires: z.string().nullable().openapi({ description: 'When the session ends (null for bearer tokens).' }),
  })
  .openapi('SessionInfo');

/** KITOS's refusal text for GetToken, kept so integrations that show it keep working. */
const GET_TOKEN_REFUSED = 'Du har ikke adgang til denne funktion log ind med en bruger og prøv igen';

/** Registers the sign-in routes. */
export function registerAuthRoutes(app: OpenAPIHono<ServerEnv>, now: () => Date): void {
  registerOidcSignIn(app, now);
  app.openapi(
    route({
      method: 'post',
      path: '/api/authorize/GetToken',
      tags: ['authorization'],
      summary: 'Get an API token (KITOS compatible)',
      description:
        'Exchanges the e-mail and password of a user with API access for a bearer token (24 hours by default). Users without API access get 401, as in KITOS.',
      security: [],
      request: jsonBody(Credentials),
      responses: {
        200: json(GetTokenResponse, 'The token, in the KITOS v1 envelope.'),
        400: COMMON_PROBLEMS[400],
        401: json(KitosEnvelopeFailure, 'Wrong e-mail or password, or no API access.'),
        429: COMMON_PROBLEMS[429],
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const kitos = c.get('kitos');
      const user = await checkPassword(kitos, body.email, body.password);
      if (!user?.hasApiAccess) {
        c.get('log').info({ event: 'get_token_refused' }, 'GetToken refused');
        return c.json({ msg: GET_TOKEN_REFUSED, response: {} }, 401);
      }
      const issued = await issueToken(kitos, {
        userUuid: user.uuid,
        purpose: 'api',
        ttlSeconds: c.get('config').tokenTtlSeconds,
        label: 'GetToken',
        now: now(),
      });
      c.get('log').info({ event: 'token_issued', tokenUuid: issued.record.uuid, userUuid: user.uuid }, 'token issued');
      return c.json(
        {
          msg: '',
          response: {
            token: issued.secret,
            email: body.email,
            loginSuccessful: true,
            expires: instantOut(issued.record.expiresAt),
          },
        },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/session',
      tags: ['authorization'],
      summary: 'Sign in with a password (cookie session)',
      description:
        'Sets an HttpOnly session cookie and returns the CSRF token that writes with the cookie must send in X-CSRF-Token.',
      security: [],
      request: jsonBody(Credentials),
      responses: { 200: json(SessionInfo, 'Signed in.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const config = c.get('config');
      const origin = c.req.header('origin');
      // A sign-in posted from a foreign page would log the visitor in as someone else (login CSRF).
      if (origin && !originAllowed(origin, c.req.url, config.corsOrigins))
        throw new ProblemError(forbiddenProblem('sign-in from this origin is not allowed', 'origin-refused'));
      const body = c.req.valid('json');
      const kitos = c.get('kitos');
      const user = await checkPassword(kitos, body.email, body.password);
      if (!user)
        throw new ProblemError(
          serverProblem('unauthenticated', 'wrong e-mail or password', { specificCode: 'bad-credentials' }),
        );
      const issued = await issueToken(kitos, {
        userUuid: user.uuid,
        purpose: 'session',
        ttlSeconds: config.sessionTtlSeconds,
        label: 'session',
        now: now(),
      });
      setSessionCookie(c, issued.secret);
      c.get('log').info(
        { event: 'session_started', sessionUuid: issued.record.uuid, userUuid: user.uuid },
        'signed in',
      );
      return c.json(
        {
          user: { uuid: user.uuid, name: `${user.firstName} ${user.lastName}`.trim(), email: user.email },
          csrfToken: issued.csrfToken,
          expires: instantOut(issued.record.expiresAt),
        },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/session',
      tags: ['authorization'],
      summary: 'Who is signed in',
      responses: { 200: json(SessionInfo, 'The caller.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const auth = c.get('auth')!;
      const user = await findUser(c.get('kitos'), auth.actor.userUuid);
      if (!user) throw new ProblemError(serverProblem('unauthenticated', 'the user is gone'));
      return c.json(
        {
          user: { uuid: user.uuid, name: `${user.firstName} ${user.lastName}`.trim(), email: user.email },
          csrfToken: auth.csrfToken ?? null,
          expires: auth.expiresAt ? instantOut(auth.expiresAt) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: '/api/session',
      tags: ['authorization'],
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out; the session is revoked in the store.' }, ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const auth = c.get('auth')!;
      if (auth.sessionUuid) await revokeToken(c.get('kitos'), auth.sessionUuid, now());
      deleteCookie(c, c.get('config').sessionCookieName, { path: '/' });
      return c.body(null, 204);
    },
  );
}
