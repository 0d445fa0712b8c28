/**
 * Live updates: the change feed of one organisation as server-sent events. Each connection reads
 * the core's change feed for its caller (so it carries only what that user may read) and keeps the
 * entries of the organisation it asked for. The event id is the feed position after the batch, so
 * a client that reconnects with `Last-Event-ID` (or `?since=`) misses nothing.
 *
 * A stream wakes at once after a write through this process and otherwise polls the feed every
 * `streamPollMs`, which is how writes through other processes over the same database arrive
 * (docs/decisions/0025). It ends after `streamMaxMs`, so a client comes back through
 * authentication (a revoked credential stops receiving). The server holds no other state: any
 * process can resume any stream.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Actor, Kitos } from '@os2kitos/core';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, route } from '../openapi.js';
import { ProblemError, validationProblem } from '../problem.js';
import { WireUuid } from '../v2/common.js';
import { actorOf } from '../v2/handler.js';

/**
 * The live-update streams of one process: a write wakes them, shutdown ends them. `startServer`
 * makes one; pass your own to `createApp` when you run the app yourself.
 *
 * @example
 * ```ts
 * const streams = new ChangeStreams();
 * const app = createApp({ kitos, config, changeStreams: streams });
 * // at shutdown, before draining requests:
 * streams.close();
 * ```
 */
export class ChangeStreams {
  private waiters = new Set<() => void>();
  private closed = false;
  private readonly shutdown = new AbortController();

  /** Aborted when the server shuts down: every stream ends. */
  get signal(): AbortSignal {
    return this.shutdown.signal;
  }

  /** Something was written: every waiting stream reads the feed now. */
  wake(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const w of waiting) w();
  }

  /** Resolves on the next {@link ChangeStreams.wake}, after `ms`, or when `signal` or shutdown aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.closed || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        this.shutdown.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
      this.shutdown.signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Ends every stream (the server is shutting down). */
  close(): void {
    this.closed = true;
    this.shutdown.abort();
    this.wake();
  }

  /** True once {@link ChangeStreams.close} ran. */
  get isClosed(): boolean {
    return this.closed;
  }
}

/** One changed entity in a `change` event (the record itself is read through the API). */
export const StreamChangeSchema = z
  .object({
    kind: z.string(),
    uuid: z.string(),
    organizationUuid: z.string().nullable(),
    version: z.number().int(),
    lastChanged: z.string(),
  })
  .openapi('StreamChange');

/** One deleted entity in a `change` event. */
export const StreamDeletionSchema = z
  .object({ kind: z.string(), uuid: z.string(), organizationUuid: z.string().nullable(), deletedAt: z.string() })
  .openapi('StreamDeletion');

/** The data of a `change` event. */
export const ChangeEventSchema = z
  .object({ changed: z.array(StreamChangeSchema), deleted: z.array(StreamDeletionSchema) })
  .openapi('ChangeEvent');
/** The data of a `change` event. */
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

/** Feed entries read per batch. */
const BATCH = 500;
/** A comment line at least this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/** The feed position to start from: `Last-Event-ID` wins over `since`; neither means "from now". */
function startPosition(c: Context<ServerEnv>, since: string | undefined): number | undefined {
  const raw = c.req.header('last-event-id') ?? since;
  if (raw === undefined) return undefined;
  if (!/^\d{1,15}$/.test(raw))
    throw new ProblemError(
      validationProblem('Last-Event-ID must be a feed position', [
        { path: ['header', 'last-event-id'], code: 'invalid-number', message: 'a non-negative integer' },
      ]),
    );
  return Number(raw);
}

/** The current end of the feed (every adapter of the server can tell; else the feed is paged through). */
async function headPosition(kitos: Kitos, actor: Actor): Promise<number> {
  if (kitos.storage.position) return kitos.storage.position();
  let point = 0;
  for (;;) {
    const page = await kitos.feed.changesSince(actor, point, { limit: 10_000 });
    if (page.next === point) return point;
    point = page.next;
  }
}

/** Registers `GET …/organizations/{organizationUuid}/changes/stream`. */
export function registerChangeStream(app: OpenAPIHono<ServerEnv>, prefix: string, streams: ChangeStreams): void {
  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/changes/stream`,
      tags: ['x-os2kitos'],
      summary: "Live updates: the organisation's change feed as server-sent events",
      description:
        'A `ready` event first (its id is the position the stream starts from), then one `change` event per batch of ' +
        'changes the caller may read, with the feed position as the event id. Reconnect with `Last-Event-ID` (or ' +
        '`since`) to resume where the stream ended. Comment lines keep an idle stream open.',
      request: {
        params: z.object({ organizationUuid: WireUuid }),
        query: z.strictObject({
          since: z
            .string()
            .max(15)
            .optional()
            .openapi({ description: 'Feed position to resume from (like Last-Event-ID, which wins).' }),
        }),
        headers: z.object({
          'last-event-id': z.string().max(15).optional().openapi({ description: 'The id of the last event seen.' }),
        }),
      },
      responses: {
        200: {
          description: 'The event stream (`text/event-stream`); each `change` event carries a ChangeEvent as JSON.',
          content: { 'text/event-stream': { schema: ChangeEventSchema } },
        },
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const { streamPollMs: pollMs, streamMaxMs } = c.get('config');
      // The organisation must be visible to the caller: otherwise 404, as for any record.
      await kitos.organizations.get(actor, organizationUuid);
      let position = startPosition(c, c.req.valid('query').since) ?? (await headPosition(kitos, actor));
      const log = c.get('log');
      // Proxies (nginx) must pass events on at once rather than buffer the response.
      c.header('X-Accel-Buffering', 'no');
      return streamSSE(
        c,
        async (sse) => {
          const closed = new AbortController();
          sse.onAbort(() => closed.abort());
          await sse.writeSSE({ event: 'ready', id: String(position), data: JSON.stringify({ position }) });
          let lastWrite = Date.now();
          // The stream ends after streamMaxMs; the client comes back through authentication.
          const endAt = Date.now() + streamMaxMs;
          while (!closed.signal.aborted && !streams.isClosed && Date.now() < endAt) {
            const page = await kitos.feed.changesSince(actor, position, { limit: BATCH });
            const event: ChangeEvent = {
              changed: page.changed
                .filter((x) => x.organizationUuid === organizationUuid)
                .map(({ kind, uuid, organizationUuid: org, version, lastChanged }) => ({
                  kind,
                  uuid,
                  organizationUuid: org,
                  version,
                  lastChanged,
                })),
              deleted: page.deleted
                .filter((x) => x.organizationUuid === organizationUuid)
                .map(({ kind, uuid, organizationUuid: org, deletedAt }) => ({
                  kind,
                  uuid,
                  organizationUuid: org,
                  deletedAt,
                })),
            };
            const advanced = page.next !== position;
            position = page.next;
            if (event.changed.length || event.deleted.length) {
              await sse.writeSSE({ event: 'change', id: String(position), data: JSON.stringify(event) });
              lastWrite = Date.now();
            } else if (Date.now() - lastWrite >= HEARTBEAT_MS) {
              await sse.write(': keep-alive\n\n');
              lastWrite = Date.now();
            }
            // A full batch: read on at once; otherwise wait for a write or the next poll.
            if (!advanced || page.changed.length + page.deleted.length < BATCH)
              await streams.wait(Math.max(0, Math.min(pollMs, endAt - Date.now())), closed.signal);
          }
        },
        async (error, sse) => {
          log.warn({ err: error.message }, 'change stream failed');
          await sse.writeSSE({ event: 'error', data: JSON.stringify({ detail: 'the change stream failed' }) });
        },
      ) as never;
    },
  );
}
