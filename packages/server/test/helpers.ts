/**
 * Test harness: a real server on 127.0.0.1, port 0, over a fresh in-memory store, with a bootstrapped
 * global admin who has a password and API access, and a small fetch wrapper.
 */
import { type Actor, createMemoryStorage, type StorageAdapter } from '@os2kitos/core';
import { type RunningServer, type ServerConfigInput, loadConfig, setPassword, startServer } from '../src/index.js';
import type { Logger } from 'pino';
import type { OidcVerifier } from '../src/auth/oidc.js';

/** Parsed response bodies: tests read them by path, so a loose type keeps them short. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
export type Json = any;

export const ADMIN_EMAIL = 'admin@nordby.dk';
export const PASSWORD = 'a long test passphrase';

export interface Harness {
  readonly server: RunningServer;
  readonly url: string;
  readonly admin: Actor;
  /** An API token of the admin. */
  readonly token: string;
  /** A clock the tests may move (token and session expiry). */
  readonly clock: { now: Date };
  call(method: string, path: string, options?: CallOptions): Promise<Response & { data: Json }>;
  close(): Promise<void>;
}

export interface CallOptions {
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
}

export async function startHarness(
  options: {
    config?: ServerConfigInput;
    storage?: StorageAdapter;
    oidcVerifier?: OidcVerifier;
    logger?: Logger;
    /** Start the reminder scheduler's timer (default false: tests run it with `runDueJobs()`). */
    startScheduler?: boolean;
    /**
     * Where the clock starts (default: now). Given, the core and the reminder scheduler read the
     * same clock, so the test moves "today" instead of waiting.
     */
    now?: Date;
  } = {},
): Promise<Harness> {
  const clock = { now: options.now ?? new Date() };
  const server = await startServer({
    config: loadConfig({
      overrides: { host: '127.0.0.1', port: 0, logLevel: 'silent', insecureCookies: true, ...options.config },
    }),
    storage: options.storage ?? createMemoryStorage(),
    now: () => clock.now,
    oidcVerifier: options.oidcVerifier,
    logger: options.logger,
    startScheduler: options.startScheduler ?? false,
    clock: options.now ? { now: () => clock.now } : undefined,
  });
  const kitos = server.kitos;
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: ADMIN_EMAIL });
  await kitos.users.patch(admin, admin.userUuid, { hasApiAccess: true });
  await setPassword(kitos, admin.userUuid, PASSWORD);
  const call: Harness['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.rawBody !== undefined) body = o.rawBody;
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await res.text();
    let data: unknown = text;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {}
    return Object.assign(res, { data });
  };
  const got = await call('POST', '/api/authorize/GetToken', { body: { email: ADMIN_EMAIL, password: PASSWORD } });
  if (got.status !== 200) throw new Error(`GetToken failed: ${got.status} ${JSON.stringify(got.data)}`);
  return {
    server,
    url: server.url,
    admin,
    token: got.data.response.token,
    clock,
    call: (method, path, o = {}) =>
      call(method, path, { ...o, token: o.token === undefined ? got.data.response.token : o.token }),
    close: () => server.close(),
  };
}
