/**
 * Running the app on Node: listen, count in-flight requests, and shut down gracefully (stop
 * accepting, let in-flight requests finish within a bound, close the connections and the store).
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { type Clock, createKitos, type Kitos, type StorageAdapter } from '@os2kitos/core';
import type { Logger } from 'pino';
import { type AppOptions, createApp, createLogger } from './app.js';
import { SERVER_KINDS } from './auth/kinds.js';
import type { OidcVerifier } from './auth/oidc.js';
import type { ServerConfig } from './config.js';
import { createSmtpTransport, type MailTransport } from './notify/mailer.js';
import { NotificationScheduler } from './notify/scheduler.js';
import { ChangeStreams } from './x/changes.js';

/** A running server. */
export interface RunningServer {
  /** `http://host:port` it listens on. */
  readonly url: string;
  readonly port: number;
  readonly kitos: Kitos;
  /**
   * The reminder scheduler of this process: present when e-mail is configured (`smtp`, or a
   * `mailTransport` given) and `notifications.enabled` is on.
   */
  readonly notifications: NotificationScheduler | undefined;
  /** Requests being served right now. */
  inFlight(): number;
  /**
   * Stops accepting, waits for in-flight requests (at most `shutdownGraceMs`), closes the
   * remaining connections and the store. Safe to call twice.
   */
  close(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartOptions {
  readonly config: ServerConfig;
  /** The store (it is migrated here, the server's own kinds included, and closed on shutdown). */
  readonly storage: StorageAdapter;
  readonly logger?: Logger;
  /** Source of "now" for token and session expiry (default: the system clock). */
  readonly now?: () => Date;
  /**
   * Source of "now" for the core (the "today" of rules and plans, write timestamps) and the
   * reminder scheduler (default: the system clock). Tests move it instead of waiting.
   */
  readonly clock?: Clock;
  readonly oidcVerifier?: OidcVerifier;
  /** Public pages served beside the API (see {@link AppOptions.pages}). */
  readonly pages?: AppOptions['pages'];
  /** Sends reminders through this instead of an SMTP transport built from `config.smtp`. */
  readonly mailTransport?: MailTransport;
  /**
   * Start the scheduler's timer (default true). Tests pass false and call
   * `notifications.runDueJobs()` themselves, with their own clock.
   */
  readonly startScheduler?: boolean;
}

/**
 * Starts the server.
 *
 * @example
 * ```ts
 * const server = await startServer({ config: loadConfig({ overrides: { port: 0 } }), storage: createMemoryStorage() });
 * console.log(server.url);
 * await server.close();
 * ```
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.logger ?? createLogger(config.logLevel);
  const kitos = await createKitos({ storage: options.storage, extraKinds: SERVER_KINDS, clock: options.clock });
  const changeStreams = new ChangeStreams();
  const app = createApp({
    kitos,
    config,
    logger: log,
    now: options.now,
    oidcVerifier: options.oidcVerifier,
    changeStreams,
    pages: options.pages,
  });
  // In flight means: from the request's arrival until its response is written out (the app's
  // fetch resolves earlier, when the Response exists but is not yet sent).
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info: AddressInfo) =>
      resolve({ server: s, port: info.port }),
    );
    s.once('error', reject);
  });
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log.info({ url, storage: options.storage.name }, 'listening');

  const transport =
    options.mailTransport ??
    (config.smtp && config.notifications.enabled ? await createSmtpTransport(config.smtp) : undefined);
  const notifications =
    transport && config.notifications.enabled
      ? new NotificationScheduler({
          kitos,
          transport,
          from: config.smtp?.from ?? 'OS2KITOS <kitos@localhost>',
          config: config.notifications,
          linkBase: config.publicUrl ?? url,
          now: options.clock ? () => options.clock!.now() : undefined,
          logger: log,
        })
      : undefined;
  if (notifications && options.startScheduler !== false) notifications.start();
  if (!transport) log.info('no smtp configured: reminders are planned but not sent');

  // Requests in progress per connection, so shutdown closes idle keep-alive connections at once
  // and busy ones as soon as their response is sent.
  const busy = new Map<Socket, number>();
  let closing: Promise<void> | undefined;
  server.on('connection', (socket: Socket) => {
    busy.set(socket, 0);
    socket.once('close', () => busy.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
      const left = (busy.get(socket) ?? 1) - 1;
      busy.set(socket, left);
      if (closing && left === 0) socket.destroySoon();
    });
  });
  const close = () => {
    closing ??= (async () => {
      log.info({ inFlight }, 'shutting down');
      // Live-update streams never end by themselves: end them first, so they do not hold up the drain.
      changeStreams.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const [socket, n] of busy) if (n === 0) socket.destroySoon();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, config.shutdownGraceMs);
          drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      for (const socket of busy.keys()) socket.destroy();
      await stopped;
      // A run in progress finishes (its claims are recorded) before the store closes.
      await notifications?.stop();
      transport?.close?.();
      await options.storage.close();
      log.info('stopped');
    })();
    return closing;
  };
  return { url, port, kitos, notifications, inFlight: () => inFlight, close };
}
