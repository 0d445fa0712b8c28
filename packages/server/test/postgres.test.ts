/**
 * The server on PostgreSQL (KITOS_PG_URL): sign-in, writes with ETags, tenancy and the deleted
 * feed over real HTTP, in a schema of its own that is dropped afterwards. Without KITOS_PG_URL the
 * suite is skipped, and says so.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../src/index.js';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, startHarness } from './helpers.js';

const url = process.env.KITOS_PG_URL;
const schema = `kitos_server_${Math.random().toString(36).slice(2, 8)}`;
if (!url) console.warn('[kitos] KITOS_PG_URL is not set: the server tests on PostgreSQL are SKIPPED.');

describe.skipIf(!url)('the server on PostgreSQL', () => {
  let h: Harness;
  let m: Municipalities;
  beforeAll(async () => {
    h = await startHarness({ storage: await openStorage(url as string, { poolSize: 4, schema }) });
    m = await twoMunicipalities(h);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('signs in, writes with ETags and keeps municipalities apart', async () => {
    expect((await h.call('GET', '/ready', { token: null })).status).toBe(200);
    const c = await h.call('POST', '/api/v2/it-contracts', {
      token: m.anna.token,
      body: { organizationUuid: m.nordby, name: 'PG-kontrakt' },
    });
    expect(c.status, JSON.stringify(c.data)).toBe(201);
    const path = `/api/v2/it-contracts/${c.data.uuid}`;
    const patched = await h.call('PATCH', path, {
      token: m.anna.token,
      body: { general: { notes: 'a' } },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.status).toBe(200);
    const stale = await h.call('PATCH', path, {
      token: m.anna.token,
      body: { general: { notes: 'b' } },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect((await h.call('GET', path, { token: m.bo.token })).status).toBe(404);
    const before = new Date(Date.now() - 1000).toISOString();
    expect((await h.call('DELETE', path, { token: m.anna.token })).status).toBe(204);
    const feed = await h.call('GET', `/api/v2/delta-feed/deleted-entities?deletedSinceUTC=${before}`, {
      token: m.anna.token,
    });
    expect(feed.data.map((e: { entityUuid: string }) => e.entityUuid)).toContain(c.data.uuid);
  });
});
