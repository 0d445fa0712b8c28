/**
 * Running the app on Node: listen, count in-flight requests, and shut down gracefully (stop
 * accepting, let in-flight requests finish within a bound, close the connections and the store).
 *
 * @module
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createKitos, type Kitos, type StorageAdapter } from '@os2kitos/core';
import type { Logger } from 'pino';
import { createApp, createLogger } from './app.js';
import { SERVER_KINDS } from './auth/kinds.js';
import type { OidcVerifier } from './auth/oidc.js';
import type { ServerConfig } from './config.js';

/** A running server. */
export interface RunningServer {
  /** `http://host:port` it listens on. */
  readonly url: string;
  readonly port: number;
  readonly kitos: Kitos;
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
  readonly now?: () => Date;
  readonly oidcVerifier?: OidcVerifier;
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
  const kitos = await createKitos({ storage: options.storage, extraKinds: SERVER_KINDS });
  const app = createApp({ kitos, config, logger: log, now: options.now, oidcVerifier: options.oidcVerifier });
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const fetch = async (request: Request, env: unknown) => {
    inFlight++;
    try {
      return await app.fetch(request, env as never);
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  };
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const s = serve({ fetch, hostname: config.host, port: config.port }, (info: AddressInfo) =>
      resolve({ server: s, port: info.port }),
    );
    s.once('error', reject);
  });
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log.info({ url, storage: options.storage.name }, 'listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      log.info({ inFlight }, 'shutting down');
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would hold close() open; in-flight ones finish first.
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, config.shutdownGraceMs);
          drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await stopped;
      await options.storage.close();
      log.info('stopped');
    })();
    return closing;
  };
  return { url, port, kitos, inFlight: () => inFlight, close };
}
