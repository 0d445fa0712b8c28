/**
 * What every request carries through the middleware chain: the authenticated caller, how they
 * signed in, the request id and a logger bound to it.
 *
 * @module
 */
import type { Actor, Kitos } from '@os2kitos/core';
import type { Logger } from 'pino';
import type { ServerConfig } from './config.js';

/** How a request was authenticated. */
export type AuthMethod = 'token' | 'oidc' | 'session';

/** The authenticated caller of a request. */
export interface RequestAuth {
  /** The core's actor: only the user uuid; the core resolves roles itself on every call. */
  readonly actor: Actor;
  readonly method: AuthMethod;
  /** For sessions: the session record's uuid (sign-out revokes it). */
  readonly sessionUuid?: string;
  /** For sessions: the CSRF token writes must send in `X-CSRF-Token`. */
  readonly csrfToken?: string;
  /** For sessions: when the session ends. */
  readonly expiresAt?: string;
  /** A key that identifies the credential for rate limiting (never the secret itself). */
  readonly rateKey: string;
}

/** The Hono environment of the server's app. */
export interface ServerEnv {
  Variables: {
    requestId: string;
    log: Logger;
    auth: RequestAuth | undefined;
    kitos: Kitos;
    config: ServerConfig;
  };
}
