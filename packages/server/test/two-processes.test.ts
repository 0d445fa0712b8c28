/**
 * Two server processes over one PostgreSQL schema (KITOS_PG_URL): a write through one is visible at
 * once through the other, in records and in the other process's cached overview, and a write in
 * another municipality leaves it correct too. The processes are child processes on 127.0.0.1,
 * port 0, stopped afterwards. Without KITOS_PG_URL the suite is skipped, and says so.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createKitos } from '@os2kitos/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, openStorage } from '../src/index.js';
import { SERVER_KINDS } from '../src/auth/kinds.js';

const url = process.env.KITOS_PG_URL;
const schema = `kitos_two_${Math.random().toString(36).slice(2, 8)}`;
if (!url) console.warn('[kitos] KITOS_PG_URL is not set: the two-process server tests on PostgreSQL are SKIPPED.');

const CHILD = fileURLToPath(new URL('./support/serve-child.ts', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
}

/** Starts a server process and waits (bounded) for the line with its URL. */
async function startChild(): Promise<Child> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', CHILD], {
    env: { ...process.env, KITOS_PG_URL: url, KITOS_TEST_SCHEMA: schema },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the server process exited early (code ${code})`);
  });
  const first = (async () => {
    for await (const line of lines) {
      const parsed = JSON.parse(line) as { url?: string };
      if (parsed.url) return parsed.url;
    }
    throw new Error('the server process closed its output without a URL');
  })();
  const address = await Promise.race([first, exited]);
  exited.catch(() => undefined);
  return { process: child, url: address };
}

/** Stops a server process: closes its input (graceful shutdown) and waits for it to exit. */
async function stopChild(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null) return;
  const exited = once(child.process, 'exit');
  child.process.stdin?.end();
  await exited;
}

describe.skipIf(!url)('two server processes over one PostgreSQL', () => {
  let one: Child | undefined;
  let two: Child | undefined;
  let token = '';
  let otherToken = '';
  let nordby = '';
  let sydby = '';

  const call = async (child: Child | undefined, method: string, path: string, body?: unknown, as = token) => {
    const res = await fetch(`${child?.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${as}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, data: text ? JSON.parse(text) : undefined, etag: res.headers.get('etag') };
  };
  const overview = async (child: Child | undefined) =>
    call(child, 'POST', `/api/v2/x-os2kitos/overviews/contracts`, { organizationUuid: nordby, limit: 50 });

  beforeAll(async () => {
    // The data both processes share, written straight into the schema.
    const storage = await openStorage(url as string, { poolSize: 2, schema });
    try {
      const kitos = await createKitos({ storage, extraKinds: SERVER_KINDS });
      const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'a@nordby.dk' });
      nordby = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
      sydby = (await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
      const user = async (email: string, org: string) => {
        const u = await kitos.users.create(admin, { firstName: 'T', lastName: 'Test', email, hasApiAccess: true });
        await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: org, role: 'User' });
        await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: org, role: 'LocalAdmin' });
        return (await issueToken(kitos, { userUuid: u.uuid, purpose: 'api', ttlSeconds: 3600, now: new Date() }))
          .secret;
      };
      token = await user('anna@nordby.dk', nordby);
      otherToken = await user('bo@sydby.dk', sydby);
    } finally {
      await storage.close();
    }
    [one, two] = await Promise.all([startChild(), startChild()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stopChild(one), stopChild(two)]);
    if (!url) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }, 60_000);

  it('shows a write through one process at once through the other, cached overview included', async () => {
    expect(one?.url).not.toBe(two?.url);
    const empty = await overview(two);
    expect(empty.status, JSON.stringify(empty.data)).toBe(200);
    expect(empty.data.total).toBe(0);
    // Warm process two's caches, then write through process one.
    await overview(two);
    const created = await call(one, 'POST', '/api/v2/it-contracts', { organizationUuid: nordby, name: 'Fælles drift' });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const read = await call(two, 'GET', `/api/v2/it-contracts/${created.data.uuid}`);
    expect(read.status).toBe(200);
    expect(read.data.name).toBe('Fælles drift');
    const listed = await overview(two);
    expect(listed.data.rows.map((r: { name: string }) => r.name)).toEqual(['Fælles drift']);

    // A rename through process two, with the version process one handed out, shows in process one.
    const renamed = await call(two, 'PATCH', `/api/v2/it-contracts/${created.data.uuid}`, { name: 'Fælles drift 2' });
    expect(renamed.status, JSON.stringify(renamed.data)).toBe(200);
    expect((await overview(one)).data.rows.map((r: { name: string }) => r.name)).toEqual(['Fælles drift 2']);
    expect((await overview(two)).data.rows.map((r: { name: string }) => r.name)).toEqual(['Fælles drift 2']);
  });

  it('keeps both processes right when another municipality writes in between', async () => {
    const before = await overview(two);
    const other = await call(
      one,
      'POST',
      '/api/v2/it-contracts',
      { organizationUuid: sydby, name: 'Sydby drift' },
      otherToken,
    );
    expect(other.status, JSON.stringify(other.data)).toBe(201);
    const after = await overview(two);
    expect(after.data.rows).toEqual(before.data.rows);
    const mine = await call(two, 'POST', '/api/v2/it-contracts', { organizationUuid: nordby, name: 'Anden drift' });
    expect(mine.status).toBe(201);
    const names = (await overview(one)).data.rows.map((r: { name: string }) => r.name).sort();
    expect(names).toEqual(['Anden drift', 'Fælles drift 2']);
  });

  it('refuses a stale write through one process after a write through the other', async () => {
    const created = await call(one, 'POST', '/api/v2/it-contracts', { organizationUuid: nordby, name: 'Versioneret' });
    const path = `/api/v2/it-contracts/${created.data.uuid}`;
    const first = await fetch(`${two?.url}${path}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ name: 'Versioneret 2' }),
    });
    expect(first.status).toBe(200);
    const stale = await fetch(`${one?.url}${path}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ name: 'Versioneret 3' }),
    });
    expect(stale.status).toBe(412);
  });
});
