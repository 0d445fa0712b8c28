import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { cleanRequest, issueMessage, requestFromResponse } from './convert.js';
import { KitosSource, KitosSourceError } from './source.js';

const Request = z.strictObject({
  name: z.string().max(10).nullish(),
  parentUuid: z.string().nullish(),
  dataProcessorUuids: z.array(z.string()).nullish(),
  registeredDataCategoryUuids: z.array(z.string()).nullish(),
  localKleDeviations: z.strictObject({ addedKLEUuids: z.array(z.string()).nullish() }).nullish(),
  roles: z.array(z.strictObject({ roleUuid: z.string(), userUuid: z.string() })).nullish(),
  level: z.enum(['Low', 'High']).nullish(),
  notStored: z.null().optional(),
});

describe('requestFromResponse', () => {
  it('finds each request property by name, pair, list of pairs, plural, case and rename', () => {
    const notHeld: [string, unknown][] = [];
    const body = requestFromResponse(
      Request,
      {
        uuid: 'u1',
        name: 'ESDH',
        parentSystem: { uuid: 'p1', name: 'Parent' },
        dataProcessors: [{ uuid: 'd1', name: 'A', cvr: null }],
        registeredDataCategories: [{ uuid: 'c1', name: 'C' }],
        localKLEDeviations: { addedKLE: [{ uuid: 'k1', name: '01' }], removedKLE: [] },
        roles: [{ role: { uuid: 'r1', name: 'Ejer' }, user: { uuid: 'x1', name: 'Ida' } }],
        level: 'High',
        lastModified: '2025-01-01T00:00:00Z',
        extra: { deep: 'x', empty: null },
        flag: false,
      },
      new Set(['uuid', 'lastModified']),
      (field, value) => notHeld.push([field, value]),
    );
    expect(body).toEqual({
      name: 'ESDH',
      parentUuid: 'p1',
      dataProcessorUuids: ['d1'],
      registeredDataCategoryUuids: ['c1'],
      localKleDeviations: { addedKLEUuids: ['k1'] },
      roles: [{ roleUuid: 'r1', userUuid: 'x1' }],
      level: 'High',
    });
    // Only non-empty leaves with no place in the request, minus the read-only ones.
    expect(notHeld).toEqual([['extra.deep', 'x']]);
  });
});

describe('cleanRequest', () => {
  it('reports and removes each refused value, and keeps the rest', () => {
    const reports: [string, unknown][] = [];
    const out = cleanRequest(
      Request,
      {
        name: 'A name far too long',
        level: 'Medium',
        roles: [{ roleUuid: 'r1', userUuid: 'u1' }, { roleUuid: 'r2' }],
        notStored: 'x',
        parentUuid: 'p1',
      },
      (field, value) => reports.push([field, value]),
    );
    expect(out).toEqual({ roles: [{ roleUuid: 'r1', userUuid: 'u1' }], parentUuid: 'p1' });
    expect(reports.map(([f]) => f).sort()).toEqual(['level', 'name', 'notStored', 'roles[1]']);
    expect(reports.find(([f]) => f === 'level')?.[1]).toBe('Medium');
  });

  it('words every issue in Danish and English', () => {
    const m = issueMessage('invalid-value', 'gdpr.dpiaDate', '2025-13-01', 'Invalid date');
    expect(m.da).toBe('Værdien "2025-13-01" i gdpr.dpiaDate er ugyldig her (Invalid date) og er ikke overført.');
    expect(m.en).toBe('The value "2025-13-01" of gdpr.dpiaDate is not valid here (Invalid date) and was not imported.');
  });
});

describe('KitosSource', () => {
  const answer = (status: number, body: unknown = []) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('retries network failures with doubling backoff, and does not retry a 404', async () => {
    const waits: number[] = [];
    let calls = 0;
    const source = new KitosSource({
      baseUrl: 'http://kitos.invalid/',
      token: 't',
      backoffMs: 10,
      sleep: async (ms) => void waits.push(ms),
      fetch: async () => {
        calls++;
        if (calls <= 2) throw new TypeError('fetch failed');
        return calls === 3 ? answer(200, [{ uuid: 'a' }]) : answer(404, { message: 'no' });
      },
    });
    expect(await source.get('api/v2/it-contracts')).toEqual([{ uuid: 'a' }]);
    expect(waits).toEqual([10, 20]);
    await expect(source.get('api/v2/it-contracts/x')).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(4);
  });

  it('pages with pageSize 250 until a short page, and refuses a non-list', async () => {
    const urls: string[] = [];
    const source = new KitosSource({
      baseUrl: 'http://kitos.invalid',
      token: 't',
      fetch: async (url) => {
        urls.push(String(url));
        const page = Number(new URL(String(url)).searchParams.get('page'));
        return answer(200, page < 2 ? Array.from({ length: 250 }, (_, i) => i) : [1, 2]);
      },
    });
    expect(await source.all('api/v2/it-system-usages', { organizationUuid: 'o' })).toHaveLength(502);
    expect(urls.map((u) => new URL(u).search)).toEqual([
      '?organizationUuid=o&page=0&pageSize=250',
      '?organizationUuid=o&page=1&pageSize=250',
      '?organizationUuid=o&page=2&pageSize=250',
    ]);
    const bad = new KitosSource({ baseUrl: 'http://kitos.invalid', token: 't', fetch: async () => answer(200, {}) });
    await expect(bad.all('api/v2/it-contracts', {})).rejects.toBeInstanceOf(KitosSourceError);
  });
});
