// `npm start`: the demo the way OS2KITOS is deployed. The server runs on the embedded better-sqlite3
// file (.kitos-demo/kitos.db), created and seeded on the first start with several fictional
// municipalities from the sample-data generator and reused afterwards. The same server serves the
// demo page, which reads through the HTTP client with a cookie session and can switch between a
// user of one municipality and a user of another.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bulkLoad, toIsoDate } from '@os2kitos/core';
import { findUserByEmail, loadConfig, openStorage, setPassword, startServer } from '@os2kitos/server';
import { build } from 'esbuild';
import { generatePortfolio } from '../../bench/generator/index.js';
import { shareAcrossMunicipalities, tieReferenceArchitecture } from './coordination-seed.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const dataDir = process.env.KITOS_DEMO_DIR ?? join(root, '.kitos-demo');
const dbPath = join(dataDir, 'kitos.db');
const usersPath = join(dataDir, 'demo-users.json');
/** Municipalities in the demo (the generator's scale). */
const MUNICIPALITIES = Number(process.env.KITOS_DEMO_MUNICIPALITIES ?? 3);
/** The demo users' password: the page signs in with it. Fictional data on a loopback address only. */
const DEMO_PASSWORD = 'demo-password-os2kitos';

/** One demo user the page can sign in as. */
interface DemoUser {
  readonly name: string;
  readonly email: string;
  readonly organizationUuid: string;
  readonly organization: string;
}

/** Seeds an empty file: the generator's municipalities, and a password for each one's local admin. */
async function seed(): Promise<void> {
  const started = performance.now();
  const today = toIsoDate(new Date(), 'Europe/Copenhagen');
  const data = generatePortfolio({ seed: 1, scale: MUNICIPALITIES, today });
  const storage = await openStorage(`file:${dbPath}`);
  await bulkLoad(storage, data, { validate: false });
  await storage.close();
  const users: DemoUser[] = data.info.municipalityUuids.map((org) => {
    const membership = data.memberships.find((m) => m.organizationUuid === org && m.role === 'LocalAdmin');
    const user = data.users.find((u) => u.uuid === membership?.userUuid);
    const organization = data.organizations.find((o) => o.uuid === org);
    if (!user?.email || !organization) throw new Error(`[demo] municipality ${org} has no local admin with e-mail`);
    return {
      name: `${user.firstName} ${user.lastName}`.trim(),
      email: user.email,
      organizationUuid: org,
      organization: organization.name,
    };
  });
  writeFileSync(usersPath, JSON.stringify(users, null, 2));
  console.log(
    `Seeded ${MUNICIPALITIES} municipalities (${data.usages.length} usages, ${data.contracts.length} contracts) in ${Math.round(performance.now() - started)} ms`,
  );
}

/**
 * The demo page: HTML and CSS as files, the script bundled once at start with the widgets from
 * source. The script and style sheets are also served under names with a hash of their content,
 * which the page links to and a browser may keep for good (`immutable`): a return visit then asks
 * only for the page itself, revalidated by its ETag. The page carries the demo users in a JSON
 * block, so the script starts without fetching them. The plain names stay, re-read on every use.
 */
async function pages(): Promise<(request: Request) => Response | undefined> {
  const bundle = await build({
    entryPoints: [join(here, 'live.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    minify: true,
    conditions: ['development'],
    tsconfig: join(root, 'tsconfig.base.json'),
    logLevel: 'warning',
  });
  // The page signs in as these users; the password is the demo's, on a loopback address only.
  const users = JSON.stringify(
    (JSON.parse(readFileSync(usersPath, 'utf8')) as DemoUser[]).map((u) => ({ ...u, password: DEMO_PASSWORD })),
  );
  type File = { body: string | Uint8Array; type: string; cache: string; etag?: string };
  const files: Record<string, File> = {};
  const NO_CACHE = 'no-cache';
  const IMMUTABLE = 'public, max-age=31536000, immutable';
  const hashOf = (body: string | Uint8Array) => createHash('sha256').update(body).digest('hex').slice(0, 16);
  let html = readFileSync(join(here, 'index.html'), 'utf8');
  const assets: [string, string | Uint8Array, string][] = [
    ['/demo/demo.css', readFileSync(join(here, '..', 'demo.css'), 'utf8'), 'text/css; charset=utf-8'],
    ['/demo/live.css', readFileSync(join(here, 'live.css'), 'utf8'), 'text/css; charset=utf-8'],
    ['/demo/live.js', bundle.outputFiles[0]?.contents ?? '', 'text/javascript; charset=utf-8'],
  ];
  for (const [path, body, type] of assets) {
    const hash = hashOf(body);
    const hashed = path.replace(/\.(\w+)$/, `.${hash}.$1`);
    files[path] = { body, type, cache: NO_CACHE, etag: `"${hash}"` };
    files[hashed] = { body, type, cache: IMMUTABLE };
    html = html.replace(`"${path}"`, `"${hashed}"`);
  }
  // "<" escaped so that no user name can end the JSON block.
  html = html.replace(
    '</head>',
    `  <script id="demo-users" type="application/json">${users.replaceAll('<', '\\u003c')}</script>\n  </head>`,
  );
  files['/'] = { body: html, type: 'text/html; charset=utf-8', cache: NO_CACHE, etag: `"${hashOf(html)}"` };
  files['/demo/users.json'] = { body: users, type: 'application/json', cache: 'no-store' };
  return (request) => {
    const file = files[new URL(request.url).pathname];
    if (!file) return undefined;
    const headers: Record<string, string> = { 'content-type': file.type, 'cache-control': file.cache };
    if (file.etag) {
      headers.etag = file.etag;
      if (request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers });
    }
    return new Response(file.body as BodyInit, { headers });
  };
}

mkdirSync(dataDir, { recursive: true });
if (!existsSync(dbPath) || !existsSync(usersPath)) await seed();
const config = loadConfig({
  env: process.env,
  overrides: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 8000),
    database: `file:${dbPath}`,
    // Plain http on a loopback address: the session cookie goes without Secure (refused elsewhere).
    insecureCookies: true,
    logLevel: (process.env.KITOS_LOG_LEVEL as 'info' | undefined) ?? 'warn',
  },
});
const server = await startServer({ config, storage: await openStorage(config.database), pages: await pages() });
const users = JSON.parse(readFileSync(usersPath, 'utf8')) as DemoUser[];
// Passwords are set on every start (cheap), so the demo users can always sign in.
const localAdmins: { organizationUuid: string; actor: { userUuid: string } }[] = [];
for (const u of users) {
  const user = await findUserByEmail(server.kitos, u.email);
  if (user) await setPassword(server.kitos, user.uuid, DEMO_PASSWORD);
  if (user) localAdmins.push({ organizationUuid: u.organizationUuid, actor: { userUuid: user.uuid } });
}
// What the municipalities share with each other (the "Fælles" tab), where none is stored yet.
await shareAcrossMunicipalities(server.kitos, localAdmins);
// The joint reference architecture, loaded by the generator's global admin, with a few systems tied.
const globalAdmin = await findUserByEmail(server.kitos, 'admin@faelles-kommune.example');
if (globalAdmin) await tieReferenceArchitecture(server.kitos, { userUuid: globalAdmin.uuid });
console.log(`\nOS2KITOS demo: open ${server.url}/\n(API reference: ${server.url}/api/docs; stop with Ctrl+C)`);

// Warm the read models the page shows first (overviews and deadlines of each demo municipality)
// while the first visitor is still opening the page: the server computes them once and keeps them
// up to date from the change feed, so no visitor waits for the first computation.
void (async () => {
  const started = performance.now();
  const today = toIsoDate(new Date(), 'Europe/Copenhagen');
  for (const u of users) {
    const user = await findUserByEmail(server.kitos, u.email);
    if (!user) continue;
    const actor = { userUuid: user.uuid };
    for (const kind of ['usages', 'contracts', 'dataProcessing'] as const)
      await server.kitos.overviews.query(actor, kind, { organizationUuid: u.organizationUuid, today, limit: 1 });
    await server.kitos.overviews.deadlines(actor, { organizationUuid: u.organizationUuid, today });
  }
  console.log(`Read models of ${users.length} municipalities ready in ${Math.round(performance.now() - started)} ms`);
})().catch((error: unknown) => console.warn('[demo] warming the read models failed:', error));

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
