// createHttpClient against a real server (127.0.0.1, port 0): the same read models as the in-page
// client over the same store, problem responses as the core's typed errors, cookie sessions with
// CSRF, and live updates between two clients.
import {
  KitosConflictError,
  KitosForbiddenError,
  KitosNotFoundError,
  KitosStateError,
  KitosValidationError,
  createMemoryStorage,
} from '@os2kitos/core';
import { issueToken, loadConfig, type RunningServer, setPassword, startServer } from '@os2kitos/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KitosChange } from '../src/data/client.js';
import { createHttpClient, type KitosHttpClient } from '../src/data/http-client.js';
import { errorFromProblem } from '../src/data/http-errors.js';
import { createInPageClient } from '../src/data/in-page-client.js';
import { type Portfolio, PORTFOLIO_TODAY, seedPortfolio } from '../src/testing/fixtures/portfolio.js';

const PASSWORD = 'a long test passphrase';
let server: RunningServer;
let p: Portfolio;
let annaToken: string;
let boToken: string;

beforeAll(async () => {
  server = await startServer({
    config: loadConfig({ overrides: { host: '127.0.0.1', port: 0, logLevel: 'silent', insecureCookies: true } }),
    storage: createMemoryStorage(),
  });
  const kitos = server.kitos;
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'ada@x.dk' });
  p = await seedPortfolio(kitos, admin);
  const token = async (userUuid: string) =>
    (await issueToken(kitos, { userUuid, purpose: 'api', ttlSeconds: 3600, now: new Date() })).secret;
  annaToken = await token(p.anna);
  boToken = await token(p.bo);
  await setPassword(kitos, p.anna, PASSWORD);
});
afterAll(() => server.close());

const anna = (): KitosHttpClient => createHttpClient({ baseUrl: server.url, token: annaToken, today: PORTFOLIO_TODAY });

describe('createHttpClient', () => {
  it('answers every KitosClient method exactly as the in-page client over the same store', async () => {
    const http = anna();
    const local = createInPageClient(server.kitos, { userUuid: p.anna }, { today: PORTFOLIO_TODAY });
    const query = { organizationUuid: p.nordby, sort: [{ column: 'systemName' as const }], limit: 5 };
    expect(await http.overview('usages', query)).toEqual(await local.overview('usages', query));
    const filtered = {
      organizationUuid: p.nordby,
      filters: [{ column: 'responsibleUnit', op: 'unit' as const, unitUuid: p.units.it, includeSubUnits: true }],
    };
    const page = await http.overview('usages', filtered);
    expect(page).toEqual(await local.overview('usages', filtered));
    expect(page.total).toBe(8);
    expect(await http.overview('contracts', { organizationUuid: p.nordby })).toEqual(
      await local.overview('contracts', { organizationUuid: p.nordby }),
    );
    expect(await http.columns('contracts')).toEqual(await local.columns('contracts'));
    expect(await http.usageCard(p.usage)).toEqual(await local.usageCard(p.usage));
    expect(await http.contractCard(p.contract)).toEqual(await local.contractCard(p.contract));
    const deadlines = { organizationUuid: p.nordby, responsibleUnitUuid: p.units.it, includeSubUnits: true };
    expect(await http.contractDeadlines(deadlines)).toEqual(await local.contractDeadlines(deadlines));
    expect(await http.unitTree(p.nordby)).toEqual(await local.unitTree(p.nordby));
  });

  it('answers the same GET asked for twice at once with one request, each caller with its own copy', async () => {
    const paths: string[] = [];
    const client = createHttpClient({
      baseUrl: server.url,
      token: annaToken,
      today: PORTFOLIO_TODAY,
      fetch: (input, init) => {
        paths.push(`${init?.method} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
    });
    const [a, b] = await Promise.all([client.unitTree(p.nordby), client.unitTree(p.nordby)]);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(paths.filter((x) => x.endsWith('/unit-tree'))).toHaveLength(1);
    // Once answered, the next ask is a new request (nothing is cached beyond the one in flight).
    await client.unitTree(p.nordby);
    expect(paths.filter((x) => x.endsWith('/unit-tree'))).toHaveLength(2);
    // Any GET path is shared the same way while it is on its way.
    await Promise.all([client.whoAmI(), client.whoAmI()]);
    expect(paths.filter((x) => x === 'GET /api/session')).toHaveLength(1);
  });

  it('posts an overview query too long for the URL', async () => {
    const values = Array.from({ length: 300 }, (_, i) => `leverandør ${i}`);
    const page = await anna().overview('usages', {
      organizationUuid: p.nordby,
      filters: [{ column: 'supplier', op: 'in', values }],
    });
    expect(page.total).toBe(0);
  });

  it('turns problem responses into the core typed errors with the catalogue code', async () => {
    const http = anna();
    const missing = http.usageCard('0b6a3b36-2f6e-4a59-9d07-1f1c6f1c0000');
    await expect(missing).rejects.toBeInstanceOf(KitosNotFoundError);
    const bad = await http.usageCard('not-a-uuid').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(KitosValidationError);
    expect((bad as KitosValidationError).issues[0]?.path).toEqual(['param', 'uuid']);
    expect((bad as KitosValidationError).context.status).toBe(400);
    // Sydby's admin may not see Nordby's usage: as unknown as one that does not exist.
    const bo = createHttpClient({ baseUrl: server.url, token: boToken });
    await expect(bo.usageCard(p.usage)).rejects.toBeInstanceOf(KitosNotFoundError);
    const forbidden = await bo
      .request('POST', '/api/v2/it-contracts', { body: { organizationUuid: p.nordby, name: 'Ikke din' } })
      .catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(KitosForbiddenError);
    const stale = await http
      .request('PATCH', `/api/v2/it-contracts/${p.spareContract}`, { body: { name: 'x' }, ifMatch: 'W/"0"' })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(KitosConflictError);
    expect((stale as KitosConflictError).context).toMatchObject({ status: 412, code: 'version-mismatch' });
    const dup = await http
      .request('POST', '/api/v2/it-contracts', { body: { organizationUuid: p.nordby, name: 'ESDH drift' } })
      .catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(KitosConflictError);
    expect((dup as KitosConflictError).context.code).toBe('name-taken');
    const nobody = createHttpClient({ baseUrl: server.url, token: 'no-such-token' });
    const refused = await nobody.unitTree(p.nordby).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KitosForbiddenError);
    expect((refused as KitosForbiddenError).context).toMatchObject({ status: 401, code: 'invalid-token' });
    expect(errorFromProblem(422, { code: 'state', detail: 'gate', specificCode: 'gate-closed' })).toBeInstanceOf(
      KitosStateError,
    );
  });

  it('signs in with a cookie session and sends the CSRF token on writes', async () => {
    const http = createHttpClient({
      baseUrl: server.url,
      credentials: { email: 'anna@nordby.dk', password: PASSWORD },
      today: PORTFOLIO_TODAY,
    });
    expect((await http.whoAmI()).user.email).toBe('anna@nordby.dk');
    expect((await http.usageCard(p.usage)).organizationUuid).toBe(p.nordby);
    const created = await http.request<{ uuid: string }>('POST', '/api/v2/it-contracts', {
      body: { organizationUuid: p.nordby, name: 'Via session' },
    });
    expect((await http.contractCard(created.uuid)).name).toBe('Via session');
    await http.signOut();
    const wrong = createHttpClient({ baseUrl: server.url, credentials: { email: 'anna@nordby.dk', password: 'nej' } });
    const e = await wrong.unitTree(p.nordby).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KitosForbiddenError);
    expect((e as KitosForbiddenError).context.code).toBe('bad-credentials');
  });

  it('delivers a write through one client to the subscription of another', async () => {
    const reader = anna();
    const writer = anna();
    const changes: KitosChange[] = [];
    let connected!: () => void;
    const ready = new Promise<void>((r) => {
      connected = r;
    });
    let seen!: () => void;
    const arrived = new Promise<void>((r) => {
      seen = r;
    });
    const stop = reader.subscribe(
      p.nordby,
      (change) => {
        changes.push(change);
        if (change.changed.some((c) => c.uuid === p.spareContract)) seen();
      },
      { onReady: () => connected() },
    );
    try {
      await ready;
      await writer.request('PATCH', `/api/v2/it-contracts/${p.spareContract}`, { body: { name: 'Serviceaftale 2' } });
      await arrived;
      const change = changes.flatMap((c) => c.changed).find((c) => c.uuid === p.spareContract);
      expect(change).toMatchObject({ kind: 'itContract', organizationUuid: p.nordby });
      expect((await reader.contractCard(p.spareContract)).name).toBe('Serviceaftale 2');
    } finally {
      stop();
    }
  });

  it('reconnects by itself when the server ends a stream, and keeps delivering', async () => {
    const short = await startServer({
      config: loadConfig({
        overrides: { host: '127.0.0.1', port: 0, logLevel: 'silent', streamMaxMs: 200, streamPollMs: 50 },
      }),
      storage: createMemoryStorage(),
    });
    try {
      const kitos = short.kitos;
      const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'ada@x.dk' });
      const q = await seedPortfolio(kitos, admin);
      const secret = (await issueToken(kitos, { userUuid: q.anna, purpose: 'api', ttlSeconds: 3600, now: new Date() }))
        .secret;
      const client = createHttpClient({ baseUrl: short.url, token: secret });
      const readies: string[] = [];
      let reconnected!: () => void;
      const twice = new Promise<void>((r) => {
        reconnected = r;
      });
      let seen!: () => void;
      const arrived = new Promise<void>((r) => {
        seen = r;
      });
      const stop = client.subscribe(
        q.nordby,
        (change) => {
          if (change.changed.some((c) => c.uuid === q.spareContract)) seen();
        },
        {
          onReady: (position) => {
            readies.push(position);
            if (readies.length === 2) reconnected();
          },
        },
      );
      try {
        await twice;
        // Nothing was written in between: the second connection starts where the first ended.
        expect(readies[1]).toBe(readies[0]);
        await client.request('PATCH', `/api/v2/it-contracts/${q.spareContract}`, {
          body: { name: 'Efter genopkobling' },
        });
        await arrived;
      } finally {
        stop();
      }
    } finally {
      await short.close();
    }
  });
});
