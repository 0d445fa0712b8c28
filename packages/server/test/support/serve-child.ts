/**
 * One server process for the multi-process tests: opens the PostgreSQL schema given in the
 * environment (KITOS_PG_URL, KITOS_TEST_SCHEMA), listens on 127.0.0.1 port 0, prints
 * `{"url": "…"}` on one line, and shuts down gracefully when its standard input closes or it gets
 * SIGTERM.
 */
import { loadConfig, openStorage, startServer } from '../../src/index.js';

const url = process.env.KITOS_PG_URL;
const schema = process.env.KITOS_TEST_SCHEMA;
if (!url || !schema) throw new Error('serve-child needs KITOS_PG_URL and KITOS_TEST_SCHEMA');
const server = await startServer({
  config: loadConfig({ overrides: { host: '127.0.0.1', port: 0, logLevel: 'silent' } }),
  storage: await openStorage(url, { poolSize: 4, schema }),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
