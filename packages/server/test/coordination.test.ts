/**
 * Coordination across municipalities over real HTTP: the sharing setting with ETags and its
 * permission, and what the catalogue, who-uses and the radar show the other municipality before
 * and after the owner shares; validation of query strings; the routes in the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, type Json, startHarness } from './helpers.js';

let h: Harness;
let m: Municipalities;
let sydbyContract: string;
const X = '/api/v2/x-os2kitos';

beforeAll(async () => {
  h = await startHarness();
  m = await twoMunicipalities(h);
  const kitos = h.server.kitos;
  for (const org of [m.nordby, m.sydby]) await kitos.organizations.patch(h.admin, org, { accessModifier: 'Public' });
  await kitos.usages.create(h.admin, { organizationUuid: m.nordby, systemUuid: m.system });
  const usage = await kitos.usages.create(h.admin, { organizationUuid: m.sydby, systemUuid: m.system });
  sydbyContract = (
    await kitos.contracts.create(h.admin, {
      organizationUuid: m.sydby,
      name: 'ESDH drift',
      systemUsageUuids: [usage.uuid],
      general: { validity: { validFrom: '2024-01-01', validTo: '2026-12-31' } },
    })
  ).uuid;
});
afterAll(() => h.close());

describe('coordination over HTTP', () => {
  it('reads and changes the sharing setting with ETags, only by the organisation’s admin', async () => {
    const read = await h.call('GET', `${X}/organizations/${m.sydby}/sharing`, { token: m.bo.token });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"0"');
    expect(read.data).toMatchObject({ uuid: null, version: 0, contracts: { scope: 'Local' } });
    const foreign = await h.call('PATCH', `${X}/organizations/${m.sydby}/sharing`, {
      token: m.anna.token,
      body: { contracts: { scope: 'Public' } },
    });
    expect(foreign.status).toBe(403);
    const bad = await h.call('PATCH', `${X}/organizations/${m.sydby}/sharing`, {
      token: m.bo.token,
      body: { contracts: { scope: 'Everyone' } },
    });
    expect(bad.status).toBe(400);
    const ok = await h.call('PATCH', `${X}/organizations/${m.sydby}/sharing`, {
      token: m.bo.token,
      headers: { 'if-match': '"0"' },
      body: { contracts: { scope: 'Public', fields: ['endQuarter'] } },
    });
    expect(ok.status, JSON.stringify(ok.data)).toBe(200);
    expect(ok.headers.get('etag')).toBe('"1"');
    const stale = await h.call('PATCH', `${X}/organizations/${m.sydby}/sharing`, {
      token: m.bo.token,
      headers: { 'if-match': '"0"' },
      body: { usages: { scope: 'Public' } },
    });
    expect([409, 412]).toContain(stale.status);
  });

  it('serves the national catalogue and who uses a system', async () => {
    const page = await h.call('GET', `${X}/coordination/catalogue?minOrganizations=2&limit=10`, {
      token: m.anna.token,
    });
    expect(page.status, JSON.stringify(page.data)).toBe(200);
    expect(page.data.entries.map((e: Json) => [e.name, e.organizations])).toEqual([['ESDH Fælles', 2]]);
    expect((await h.call('GET', `${X}/coordination/catalogue?limit=0`, { token: m.anna.token })).status).toBe(400);
    expect((await h.call('GET', `${X}/coordination/catalogue?bogus=1`, { token: m.anna.token })).status).toBe(400);
    const filters = await h.call('GET', `${X}/coordination/catalogue/filters`, { token: m.anna.token });
    expect(filters.status, JSON.stringify(filters.data)).toBe(200);
    expect(filters.data).toMatchObject({ kle: [], businessTypes: [], maxOrganizations: 2 });
    const use = await h.call('GET', `${X}/coordination/it-systems/${m.system}/use`, { token: m.anna.token });
    expect(use.status).toBe(200);
    expect(use.data.usages.map((u: Json) => u.organization.name)).toEqual(['Nordby Kommune', 'Sydby Kommune']);
    expect(use.data.usages.find((u: Json) => u.organizationUuid === m.sydby).shared).toEqual([]);
  });

  it('puts the shared contract on the radar by quarter, without its name', async () => {
    const r = await h.call('GET', `${X}/coordination/radar?systemUuid=${m.system}&from=2026-01-10&months=12`, {
      token: m.anna.token,
    });
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    expect(r.data.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const entry = r.data.groups[0].quarters.find((q: Json) => q.quarter === '2026-Q4').entries[0];
    expect(entry.organization.name).toBe('Sydby Kommune');
    expect(entry.contract.uuid).toBe(sydbyContract);
    expect(entry.contract.name).toBeUndefined();
    const both = await h.call('GET', `${X}/coordination/radar?systemUuid=${m.system}&kleUuid=${m.system}`, {
      token: m.anna.token,
    });
    expect(both.status).toBe(400);
    const kinds = await h.call('GET', `${X}/coordination/radar?systemUuid=${m.system}&kinds=bogus`, {
      token: m.anna.token,
    });
    expect(kinds.status).toBe(400);
  });

  it('answers landscapes like mine for members only, and documents every route', async () => {
    const similar = await h.call('GET', `${X}/coordination/organizations/${m.nordby}/similar`, { token: m.anna.token });
    expect(similar.status).toBe(200);
    expect(similar.data[0].organization.name).toBe('Sydby Kommune');
    expect(similar.data[0].sharedKleTasks).toBe(0);
    const byTasks = await h.call('GET', `${X}/coordination/organizations/${m.nordby}/similar?kleWeight=0.5`, {
      token: m.anna.token,
    });
    expect(byTasks.status).toBe(200);
    expect(typeof byTasks.data[0]?.sharedKleTasks).toBe('number');
    expect(
      (await h.call('GET', `${X}/coordination/organizations/${m.nordby}/similar?kleWeight=2`, { token: m.anna.token }))
        .status,
    ).toBe(400);
    expect(
      (await h.call('GET', `${X}/coordination/organizations/${m.sydby}/similar`, { token: m.anna.token })).status,
    ).toBe(403);
    const doc = await h.call('GET', '/api/openapi.json', { token: null });
    const paths = Object.keys(doc.data.paths ?? {});
    for (const p of [
      '/organizations/{organizationUuid}/sharing',
      '/coordination/catalogue',
      '/coordination/catalogue/filters',
      '/coordination/it-systems/{systemUuid}/use',
      '/coordination/radar',
      '/coordination/it-contracts/{contractUuid}/like-mine',
      '/coordination/organizations/{organizationUuid}/similar',
      '/coordination/organizations/{organizationUuid}/suggestions',
      '/coordination/architecture-elements',
      '/coordination/architecture-elements/{uuid}',
      '/coordination/organizations/{organizationUuid}/architecture',
    ])
      expect(paths).toContain(`${X}${p}`);
  });

  it('keeps the reference architecture (global admins) and answers a municipality’s coverage', async () => {
    const body = { name: 'Fælles ESDH-platform', kind: 'infrastructure', systemUuids: [m.system] };
    expect(
      (await h.call('POST', `${X}/coordination/architecture-elements`, { token: m.anna.token, body })).status,
    ).toBe(403);
    const created = await h.call('POST', `${X}/coordination/architecture-elements`, { body });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const list = await h.call('GET', `${X}/coordination/architecture-elements`, { token: m.bo.token });
    expect(list.data.map((e: Json) => e.name)).toEqual(['Fælles ESDH-platform']);
    const stale = await h.call('PATCH', `${X}/coordination/architecture-elements/${created.data.uuid}`, {
      headers: { 'if-match': '"7"' },
      body: { description: 'x' },
    });
    expect(stale.status).toBe(412);
    const coverage = await h.call('GET', `${X}/coordination/organizations/${m.nordby}/architecture`, {
      token: m.anna.token,
    });
    expect(coverage.status).toBe(200);
    expect(coverage.data).toMatchObject({ total: 1, tied: 1, elements: [{ name: 'Fælles ESDH-platform', usages: 1 }] });
  });
  it('seeds the joint municipal reference architecture (global admins only, idempotent)', async () => {
    const seed = `${X}/coordination/architecture-elements/seed`;
    expect((await h.call('POST', seed, { token: m.anna.token })).status).toBe(403);
    const first = await h.call('POST', seed);
    expect(first.status, JSON.stringify(first.data)).toBe(200);
    expect(first.data.added).toBeGreaterThan(10);
    expect((await h.call('POST', seed)).data).toEqual({ added: 0 });
    const list = await h.call('GET', `${X}/coordination/architecture-elements`, { token: m.bo.token });
    expect(list.data.map((e: Json) => e.name)).toEqual(
      expect.arrayContaining(['Serviceplatformen', 'MitID', 'Fælles ESDH-platform']),
    );
    const doc = (await h.call('GET', '/api/openapi.json', { token: null })).data;
    expect(Object.keys(doc.paths[`${X}/coordination/architecture-elements/seed`])).toEqual(['post']);
  });

  it('shows a joint project’s participants and the reader’s role in the project overview', async () => {
    const p = await h.server.kitos.projects.create(h.admin, {
      organizationUuid: m.nordby,
      name: 'Fælles borgerservice',
      participants: [{ organizationUuid: m.sydby, role: 'observer' }],
    });
    const page = await h.call('POST', `${X}/overviews/projects`, {
      token: m.bo.token,
      body: { organizationUuid: m.sydby, limit: 10 },
    });
    expect(page.status, JSON.stringify(page.data)).toBe(200);
    expect(page.data.rows.find((r: Json) => r.uuid === p.uuid)).toMatchObject({
      participants: 'Sydby Kommune',
      role: 'observer',
      ownedHere: false,
    });
    const doc = (await h.call('GET', '/api/openapi.json', { token: null })).data;
    const json = JSON.stringify(doc.components.schemas.ProjectOverviewPage);
    expect(json).toContain('"participants"');
    expect(json).toContain('"observer"');
  });
});
