/**
 * Server configuration: one zod schema, read from a JSON file and environment variables
 * (environment wins), so every setting is documented and validated in one place.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** OpenID Connect settings for bearer tokens issued by the municipality's identity provider. */
export const OidcConfigSchema = z.strictObject({
  /** Issuer URL; its `/.well-known/openid-configuration` names the JWKS. */
  issuer: z.url(),
  /** Accepted audience(s) of access tokens (`aud`). */
  audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** Claim holding the user's e-mail address, matched against KITOS users (default `email`). */
  userClaim: z.string().min(1).default('email'),
  /** Allowed clock skew in seconds when checking `exp`/`nbf` (default 30). */
  clockToleranceSeconds: z.number().int().min(0).max(300).default(30),
  /** Allow an `http:` issuer (only for loopback test providers; default false). */
  allowInsecureIssuer: z.boolean().default(false),
  /** Sign-in with the provider (authorization code + PKCE) for cookie sessions: this server's client id. */
  clientId: z.string().min(1).optional(),
  /** The client's secret, if the provider issued one (confidential client). */
  clientSecret: z.string().min(1).optional(),
  /**
   * This server's callback as registered at the provider (default: `publicUrl`, else the request's
   * origin, + `/api/session/oidc/callback`).
   */
  redirectUri: z.url().optional(),
  /** Scopes asked for at sign-in (default `openid email`). */
  scope: z.string().min(1).default('openid email'),
});
/** OpenID Connect settings. */
export type OidcConfig = z.infer<typeof OidcConfigSchema>;

/** The SMTP server reminders are sent through (nodemailer). */
export const SmtpConfigSchema = z.strictObject({
  host: z.string().min(1),
  /** Port (default 587, submission with STARTTLS). */
  port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  /** Refuse to send unless the connection is upgraded with STARTTLS (default false). */
  requireTls: z.boolean().default(false),
  user: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  /** The sender, e.g. `KITOS <kitos@kommune.dk>`. */
  from: z.string().min(3),
  /** Give up on a connection or a reply after this long, in ms (default 30 s). */
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
});
/** SMTP settings. */
export type SmtpConfig = z.infer<typeof SmtpConfigSchema>;

/** The reminder scheduler. */
export const NotificationsConfigSchema = z.strictObject({
  /** Run the scheduler in this process (default true; it needs `smtp`). */
  enabled: z.boolean().default(true),
  /** How often the scheduler looks for due reminders, in ms (default 5 min). */
  intervalMs: z.number().int().min(1000).max(86_400_000).default(300_000),
  /** Attempts per message before it is left as failed (default 5). */
  maxAttempts: z.number().int().min(1).max(50).default(5),
  /** Wait before the first retry, in ms; it doubles with every attempt (default 1 min). */
  backoffMs: z.number().int().min(0).max(86_400_000).default(60_000),
  /**
   * A message claimed by a process that then stopped (killed mid-send) is taken over after this
   * long, in ms (default 15 min).
   */
  leaseMs: z.number().int().min(1000).max(86_400_000).default(900_000),
  /**
   * The link in every reminder: `{kind}`, `{uuid}` and `{organizationUuid}` are filled in
   * (default: `publicUrl` + the record's card in the API).
   */
  linkTemplate: z.string().min(1).max(2000).optional(),
});
/** Scheduler settings. */
export type NotificationsConfig = z.infer<typeof NotificationsConfigSchema>;

/** Every setting of the server, with its default. */
export const ServerConfigSchema = z.strictObject({
  /** Interface to listen on (default `127.0.0.1`: put a reverse proxy in front). */
  host: z.string().min(1).default('127.0.0.1'),
  /** Port; 0 picks a free one (default 8080). */
  port: z.number().int().min(0).max(65535).default(8080),
  /** `file:<path>` (better-sqlite3), `postgres://…` or `memory` (default `file:./kitos.db`). */
  database: z.string().min(1).default('file:./kitos.db'),
  /** Size of the PostgreSQL connection pool (default 10). */
  databasePoolSize: z.number().int().min(1).max(200).default(10),
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  /** A request that takes longer is answered with 503 (default 30 s). */
  requestTimeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  /** How long shutdown waits for in-flight requests before closing connections (default 10 s). */
  shutdownGraceMs: z.number().int().min(0).max(600_000).default(10_000),
  /** Requests per minute per credential (token, session or OIDC subject), in one process (default 600). */
  rateLimitPerMinute: z.number().int().min(1).max(1_000_000).default(600),
  /** Lifetime of API tokens from GetToken, in seconds (default 24 h, as KITOS). */
  tokenTtlSeconds: z
    .number()
    .int()
    .min(60)
    .max(366 * 24 * 3600)
    .default(24 * 3600),
  /** Lifetime of cookie sessions, in seconds (default 8 h). */
  sessionTtlSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(8 * 3600),
  /** Name of the session cookie (default `kitos_session`). */
  sessionCookieName: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .default('kitos_session'),
  /**
   * Send the session cookie without `Secure` (only for plain-http development on loopback; the
   * server refuses it on any other host).
   */
  insecureCookies: z.boolean().default(false),
  /**
   * `SameSite` of the session cookie (default `Lax`). Widgets on an intranet page of another site
   * need `None` (which browsers accept only with `Secure`).
   */
  sessionSameSite: z.enum(['Strict', 'Lax', 'None']).default('Lax'),
  /** Origins (scheme://host[:port]) allowed to call with credentials: the intranet pages with widgets. */
  corsOrigins: z.array(z.url()).max(100).default([]),
  /** Municipal SSO: accept OIDC bearer tokens from this issuer. */
  oidc: OidcConfigSchema.optional(),
  /** Absolute base URL as clients see it (for `Location` headers behind a proxy); default: from the request. */
  publicUrl: z.url().optional(),
  /**
   * How often an open live-update stream reads the change feed when nothing was written through
   * this process, in ms (default 1000): writes through other processes arrive within this time.
   */
  streamPollMs: z.number().int().min(50).max(60_000).default(1000),
  /**
   * A live-update stream ends after this long, in ms (default 5 min); the client reconnects from
   * its last event, through authentication again, so a revoked or expired credential stops
   * receiving within this time.
   */
  streamMaxMs: z.number().int().min(100).max(86_400_000).default(300_000),
  /** The SMTP server for reminders; without it no reminder is sent (rules can still be kept). */
  smtp: SmtpConfigSchema.optional(),
  /** The reminder scheduler. */
  notifications: NotificationsConfigSchema.prefault({}),
  /** Log level (default `info`). */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
/** Every setting of the server (parsed, defaults applied). */
export type ServerConfig = z.infer<typeof ServerConfigSchema>;
/** Settings as written in a file or passed in code (every field optional). */
export type ServerConfigInput = z.input<typeof ServerConfigSchema>;

/** Environment variables and the setting each one sets. */
export const CONFIG_ENVIRONMENT: Readonly<
  Record<
    string,
    | keyof ServerConfig
    | `oidc.${keyof OidcConfig}`
    | `smtp.${keyof SmtpConfig}`
    | `notifications.${keyof NotificationsConfig}`
  >
> = {
  KITOS_HOST: 'host',
  KITOS_PORT: 'port',
  KITOS_DATABASE: 'database',
  KITOS_DATABASE_POOL_SIZE: 'databasePoolSize',
  KITOS_BODY_LIMIT_BYTES: 'bodyLimitBytes',
  KITOS_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  KITOS_SHUTDOWN_GRACE_MS: 'shutdownGraceMs',
  KITOS_RATE_LIMIT_PER_MINUTE: 'rateLimitPerMinute',
  KITOS_TOKEN_TTL_SECONDS: 'tokenTtlSeconds',
  KITOS_SESSION_TTL_SECONDS: 'sessionTtlSeconds',
  KITOS_SESSION_COOKIE_NAME: 'sessionCookieName',
  KITOS_INSECURE_COOKIES: 'insecureCookies',
  KITOS_SESSION_SAME_SITE: 'sessionSameSite',
  KITOS_CORS_ORIGINS: 'corsOrigins',
  KITOS_PUBLIC_URL: 'publicUrl',
  KITOS_STREAM_POLL_MS: 'streamPollMs',
  KITOS_STREAM_MAX_MS: 'streamMaxMs',
  KITOS_LOG_LEVEL: 'logLevel',
  KITOS_OIDC_ISSUER: 'oidc.issuer',
  KITOS_OIDC_AUDIENCE: 'oidc.audience',
  KITOS_OIDC_USER_CLAIM: 'oidc.userClaim',
  KITOS_OIDC_CLIENT_ID: 'oidc.clientId',
  KITOS_OIDC_CLIENT_SECRET: 'oidc.clientSecret',
  KITOS_OIDC_REDIRECT_URI: 'oidc.redirectUri',
  KITOS_SMTP_HOST: 'smtp.host',
  KITOS_SMTP_PORT: 'smtp.port',
  KITOS_SMTP_SECURE: 'smtp.secure',
  KITOS_SMTP_REQUIRE_TLS: 'smtp.requireTls',
  KITOS_SMTP_USER: 'smtp.user',
  KITOS_SMTP_PASSWORD: 'smtp.password',
  KITOS_SMTP_FROM: 'smtp.from',
  KITOS_SMTP_TIMEOUT_MS: 'smtp.timeoutMs',
  KITOS_NOTIFICATIONS_ENABLED: 'notifications.enabled',
  KITOS_NOTIFICATIONS_INTERVAL_MS: 'notifications.intervalMs',
  KITOS_NOTIFICATIONS_MAX_ATTEMPTS: 'notifications.maxAttempts',
  KITOS_NOTIFICATIONS_BACKOFF_MS: 'notifications.backoffMs',
  KITOS_NOTIFICATIONS_LEASE_MS: 'notifications.leaseMs',
  KITOS_NOTIFICATIONS_LINK_TEMPLATE: 'notifications.linkTemplate',
};

const NUMBERS = new Set<string>([
  'port',
  'databasePoolSize',
  'bodyLimitBytes',
  'requestTimeoutMs',
  'shutdownGraceMs',
  'rateLimitPerMinute',
  'tokenTtlSeconds',
  'sessionTtlSeconds',
  'streamPollMs',
  'streamMaxMs',
  'smtp.port',
  'smtp.timeoutMs',
  'notifications.intervalMs',
  'notifications.maxAttempts',
  'notifications.backoffMs',
  'notifications.leaseMs',
]);

const BOOLEANS = new Set<string>(['insecureCookies', 'smtp.secure', 'smtp.requireTls', 'notifications.enabled']);

/** Turns one environment value into the type its setting takes (numbers, booleans, comma lists). */
function fromEnvironment(key: string, value: string): unknown {
  if (NUMBERS.has(key)) return /^\d+$/.test(value) ? Number(value) : value;
  if (BOOLEANS.has(key))
    return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
  if (key === 'corsOrigins')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return value;
}

/**
 * Reads the configuration: defaults, then the JSON file (if given), then `KITOS_*` environment
 * variables, then `overrides` (command-line flags). Throws a `z.ZodError` naming every bad setting.
 *
 * @example
 * ```ts
 * const config = loadConfig({ env: process.env, file: './kitos.json', overrides: { port: 0 } });
 * ```
 */
export function loadConfig(
  options: { env?: Record<string, string | undefined>; file?: string; overrides?: ServerConfigInput } = {},
): ServerConfig {
  const fromFile: Record<string, unknown> = options.file ? JSON.parse(readFileSync(options.file, 'utf8')) : {};
  const merged: Record<string, unknown> = { ...fromFile };
  // Nested sections: a variable sets one field and keeps the file's others.
  const sections: Record<string, Record<string, unknown>> = {};
  for (const section of ['oidc', 'smtp', 'notifications'])
    sections[section] = { ...((fromFile[section] as Record<string, unknown> | undefined) ?? {}) };
  for (const [name, key] of Object.entries(CONFIG_ENVIRONMENT)) {
    const value = options.env?.[name];
    if (value === undefined || value === '') continue;
    const dot = key.indexOf('.');
    if (dot > 0)
      (sections[key.slice(0, dot)] as Record<string, unknown>)[key.slice(dot + 1)] = fromEnvironment(key, value);
    else merged[key] = fromEnvironment(key, value);
  }
  for (const [section, values] of Object.entries(sections)) if (Object.keys(values).length) merged[section] = values;
  return ServerConfigSchema.parse({ ...merged, ...(options.overrides ?? {}) });
}
