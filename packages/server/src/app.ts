/**
 * The HTTP application: middleware (request ids, logs, security headers, CORS, limits, timeouts,
 * authentication, rate limits), every route, the generated OpenAPI document and its reference page.
 *
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { type Kitos, toValidationIssues, type ValidationIssue } from '@os2kitos/core';
import type { z } from 'zod';
import { Scalar } from '@scalar/hono-api-reference';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import pino, { type Logger } from 'pino';
import { authenticate } from './auth/authenticate.js';
import { createOidcVerifier, type OidcVerifier } from './auth/oidc.js';
import { registerAuthRoutes } from './auth/routes.js';
import type { ServerConfig } from './config.js';
import type { ServerEnv } from './env.js';
import { canonicalQuery, declaredQueryNames } from './http/query-names.js';
import { RateLimiter } from './http/rate-limit.js';
import {
  forbiddenProblem,
  ProblemError,
  problemOf,
  problemResponse,
  serverProblem,
  validationProblem,
} from './problem.js';
import { registerV2Routes } from './v2/routes.js';
import { ChangeStreams } from './x/changes.js';
import { registerExtensionRoutes } from './x/routes.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  readonly kitos: Kitos;
  readonly config: ServerConfig;
  /** Structured logger (default: pino at the configured level, to stdout). */
  readonly logger?: Logger;
  /** Source of "now" for token and session expiry (default: the system clock). */
  readonly now?: () => Date;
  /** An OIDC verifier to use instead of one built from `config.oidc` (tests inject fetch this way). */
  readonly oidcVerifier?: OidcVerifier;
  /** Answers `/ready`: true when the store answers (default: a cheap read of the store). */
  readonly ready?: () => Promise<boolean>;
  /** The live-update streams of this process (the server ends them at shutdown; default: a new set). */
  readonly changeStreams?: ChangeStreams;
  /**
   * Public pages served by the same process, before authentication: for `GET`/`HEAD` requests, an
   * answer ends the request and `undefined` passes it on to the API. For an intranet page with the
   * widgets on the server's own origin (no CORS, cookie sessions as is). Never answer with data here.
   */
  readonly pages?: (request: Request) => Response | undefined | Promise<Response | undefined>;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The package version, shown in the OpenAPI document. */
export const SERVER_VERSION = '0.1.0';

/** Loggers never write credentials: these paths are replaced by `[redacted]`. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  'token',
  '*.password',
  '*.token',
];

/** A pino logger with the server's redaction rules. */
export function createLogger(level: ServerConfig['logLevel'], destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: LOG_REDACT, censor: '[redacted]' } }, destination);
}

/** Zod's issues in the core's form: catalogue codes in kebab-case (`unrecognized-keys`, …). */
function zodIssues(error: z.ZodError): ValidationIssue[] {
  return toValidationIssues(error);
}

/**
 * Builds the application. It holds no state besides caches and the in-process rate limiter: every
 * credential, session and record lives in the store, so several processes can serve one database.
 *
 * @example
 * ```ts
 * const kitos = await createKitos({ storage: createMemoryStorage(), extraKinds: SERVER_KINDS });
 * const app = createApp({ kitos, config: loadConfig({ overrides: { port: 0 } }) });
 * const res = await app.request('/health');
 * ```
 */
export function createApp(options: AppOptions): OpenAPIHono<ServerEnv> {
  const { kitos, config } = options;
  const now = options.now ?? (() => new Date());
  const log = options.logger ?? createLogger(config.logLevel);
  const oidc = options.oidcVerifier ?? (config.oidc ? createOidcVerifier(config.oidc) : undefined);
  const streams = options.changeStreams ?? new ChangeStreams();
  const limiter = new RateLimiter(config.rateLimitPerMinute, () => now().getTime());
  if (config.insecureCookies && !['127.0.0.1', 'localhost', '::1'].includes(config.host))
    throw new Error('[kitos] [server] insecureCookies is only allowed when listening on a loopback address');
  if (config.sessionSameSite === 'None' && config.insecureCookies)
    throw new Error('[kitos] [server] sessionSameSite None needs Secure cookies: browsers drop it otherwise');

  const app = new OpenAPIHono<ServerEnv>({
    // Every refused request part becomes a validation problem naming the field (path starts with
    // where it was: query, param, json, header).
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = zodIssues(result.error as z.ZodError).map((i) => ({ ...i, path: [result.target, ...i.path] }));
        return problemResponse(validationProblem('the request is invalid', issues), c.get('requestId'));
      }
    },
  });

  app.use('*', requestId({ headerName: 'x-request-id', limitLength: 64 }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    const reqLog = log.child({ reqId: c.get('requestId') });
    c.set('log', reqLog);
    c.set('kitos', kitos);
    c.set('config', config);
    await next();
    reqLog.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        user: c.get('auth')?.actor.userUuid,
        auth: c.get('auth')?.method,
      },
      'request',
    );
  });
  app.use(
    '*',
    secureHeaders({
      // The API answers JSON; the reference page at /api/docs loads its script and styles from a CDN.
      contentSecurityPolicy: undefined,
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    }),
  );
  if (options.pages) {
    const pages = options.pages;
    app.use('*', async (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const page = await pages(c.req.raw);
        if (page) return page;
      }
      return next();
    });
  }
  // CORS only for the configured origins, with credentials; a preflight from any other origin is
  // refused outright, so a browser never sends the actual request.
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS' && origin && c.req.header('access-control-request-method')) {
      if (!config.corsOrigins.includes(origin))
        return problemResponse(
          forbiddenProblem(`origin ${origin} is not allowed`, 'origin-refused'),
          c.get('requestId'),
        );
    }
    return next();
  });
  app.use(
    '*',
    cors({
      origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
      credentials: true,
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'X-CSRF-Token', 'X-Request-Id'],
      exposeHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(
    '*',
    timeout(
      config.requestTimeoutMs,
      () => new HTTPException(503, { res: problemResponse(serverProblem('timeout', 'the request took too long')) }),
    ),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) =>
        problemResponse(
          serverProblem('payload-too-large', `the request body is larger than ${config.bodyLimitBytes} bytes`),
          c.get('requestId'),
        ),
    }),
  );
  app.use('*', authenticate({ oidc, now }));
  app.use('*', async (c, next) => {
    const key = c.get('auth')?.rateKey ?? `ip:${c.req.header('x-forwarded-for') ?? 'direct'}`;
    const wait = limiter.take(key);
    if (wait > 0)
      return problemResponse(serverProblem('rate-limited', `try again in ${wait} s`), c.get('requestId'), {
        'retry-after': String(wait),
      });
    return next();
  });

  // A successful write wakes this process's live-update streams, so they read the feed at once.
  app.use('*', async (c, next) => {
    await next();
    if (WRITES.has(c.req.method) && c.res.status < 400) streams.wake();
  });

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => {
    let ok = false;
    try {
      if (options.ready) ok = await options.ready();
      else {
        await kitos.storage.query({ kind: 'organization', limit: 1 });
        ok = true;
      }
    } catch (e) {
      c.get('log').warn({ err: (e as Error).message }, 'store not ready');
    }
    return ok
      ? c.json({ status: 'ready' })
      : problemResponse(serverProblem('unavailable', 'the store does not answer'), c.get('requestId'));
  });

  registerAuthRoutes(app, now);
  registerV2Routes(app);
  registerExtensionRoutes(app, streams);

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from POST /api/authorize/GetToken (users with API access only).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'oidc', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "An access token from the municipality's OpenID Connect provider.",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: config.sessionCookieName,
    description: 'The cookie set by POST /api/session; writes also need X-CSRF-Token.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'OS2KITOS API',
      version: SERVER_VERSION,
      description:
        'KITOS API v2 compatible resources under /api/v2, and our own extensions under /api/v2/x-os2kitos. Errors are application/problem+json.',
    },
  });
  app.get('/api/docs', Scalar({ url: '/api/openapi.json', pageTitle: 'OS2KITOS API' }));

  const queryNames = declaredQueryNames(app as never);
  const route = app.fetch.bind(app);
  app.fetch = (request, ...rest) => route(canonicalQuery(request, queryNames), ...rest);

  app.notFound((c) =>
    problemResponse(serverProblem('route-not-found', `no route ${c.req.method} ${c.req.path}`), c.get('requestId')),
  );
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error.problem, c.get('requestId'));
    if (error instanceof HTTPException) {
      if (error.res) return error.res;
      const status = error.status;
      const issues: ValidationIssue[] = [{ path: ['body'], code: 'invalid-format', message: error.message }];
      return status === 400
        ? problemResponse(validationProblem(error.message || 'malformed request', issues), c.get('requestId'))
        : problemResponse({ ...problemOf(error), status, detail: error.message }, c.get('requestId'));
    }
    const problem = problemOf(error);
    if (problem.status >= 500) c.get('log')?.error({ err: error }, 'request failed');
    return problemResponse(problem, c.get('requestId'));
  });
  return app;
}
