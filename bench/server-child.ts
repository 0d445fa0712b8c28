// One server process for bench/server-load.ts: the real server over PostgreSQL (KITOS_PG_URL,
// KITOS_BENCH_SCHEMA) and, beside it, a bare Hono route that returns a stored JSON payload from
// memory (the baseline). Both on 127.0.0.1, port 0; prints {"url", "bare"} on one line and stops
// when its standard input closes.
import { serve } from '@hono/node-server';
import { loadConfig, openStorage, startServer } from '@os2kitos/server';
import { Hono } from 'hono';

const url = process.env.KITOS_PG_URL;
const schema = process.env.KITOS_BENCH_SCHEMA;
if (!url || !schema) throw new Error('server-child needs KITOS_PG_URL and KITOS_BENCH_SCHEMA');
const server = await startServer({
  config: loadConfig({ overrides: { host: '127.0.0.1', port: 0, logLevel: 'silent', rateLimitPerMinute: 1_000_000 } }),
  storage: await openStorage(url, { poolSize: 10, schema }),
});
let payload = '{}';
const bare = new Hono();
bare.put('/payload', async (c) => {
  payload = await c.req.text();
  return c.body(null, 204);
});
bare.post('/overview', (c) => c.body(payload, 200, { 'content-type': 'application/json' }));
const bareUrl = await new Promise<string>((resolve) => {
  serve({ fetch: bare.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(`http://127.0.0.1:${info.port}`));
});
process.stdout.write(`${JSON.stringify({ url: server.url, bare: bareUrl })}\n`);
const stop = () => server.close().then(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.resume();
