// The server the widget browser tests read through: 127.0.0.1, port 0, on a better-sqlite3 file in
// a temporary directory, seeded with the tests' portfolio. Prints one JSON line (address, portfolio,
// API tokens) and serves until SIGTERM or stdin closes; then it stops and deletes the directory.
// Started by scripts/wtr-kitos-server.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, loadConfig, openStorage, startServer } from '@os2kitos/server';
import { seedPortfolio } from '../packages/widgets/src/testing/fixtures/portfolio.js';

const dir = mkdtempSync(join(tmpdir(), 'kitos-wtr-'));
const corsOrigins = (process.env.KITOS_TEST_ORIGINS ?? '').split(',').filter(Boolean);
const server = await startServer({
  config: loadConfig({
    overrides: {
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      corsOrigins,
      database: `file:${join(dir, 'kitos.db')}`,
    },
  }),
  storage: await openStorage(`file:${join(dir, 'kitos.db')}`),
});
const kitos = server.kitos;
const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'ada@test.dk' });
const portfolio = await seedPortfolio(kitos, admin);
const token = async (userUuid: string) =>
  (await issueToken(kitos, { userUuid, purpose: 'api', ttlSeconds: 3600, now: new Date() })).secret;
const tokens = {
  anna: await token(portfolio.anna),
  bo: await token(portfolio.bo),
  dorte: await token(portfolio.dorte),
};
process.stdout.write(`${JSON.stringify({ url: server.url, portfolio, tokens })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent died without a signal: stdin closes.
process.stdin.on('end', stop);
process.stdin.resume();
