/**
 * The extensions under /api/v2/x-os2kitos over real HTTP: audit history, contract deadlines and
 * the overviews, with their tenancy and validation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, type Json, startHarness } from './helpers.js';

let h: Harness;
let m: Municipalities;
let contract: string;
beforeAll(async () => {
  h = await startHarness();
  m = await twoMunicipalities(h);
  const c = await h.call('POST', '/api/v2/it-contracts', {
    token: m.anna.token,
    body: {
      organizationUuid: m.nordby,
      name: 'Hosting 2026',
      general: { validity: { validFrom: '2024-01-01T00:00:00Z', validTo: '2026-12-31T00:00:00Z' } },
    },
  });
  contract = c.data.uuid;
  await h.call('PATCH', `/api/v2/it-contracts/${contract}`, {
    token: m.anna.token,
    body: { general: { notes: 'ny' } },
  });
});
afterAll(() => h.close());

describe('x-os2kitos', () => {
  it('answers the audit history to the owner only', async () => {
    const r = await h.call('GET', `/api/v2/x-os2kitos/history/itContract/${contract}`, { token: m.anna.token });
    expect(r.status).toBe(200);
    expect(r.data.map((e: Json) => e.action)).toEqual(['create', 'update']);
    const other = await h.call('GET', `/api/v2/x-os2kitos/history/itContract/${contract}`, { token: m.bo.token });
    expect(other.data).toEqual([]);
    expect((await h.call('GET', `/api/v2/x-os2kitos/history/bogus/${contract}`, { token: m.anna.token })).status).toBe(
      400,
    );
  });

  it('answers contract deadlines from the deadline engine', async () => {
    const one = await h.call('GET', `/api/v2/x-os2kitos/it-contracts/${contract}/deadlines?today=2026-06-01`, {
      token: m.anna.token,
    });
    expect(one.status, JSON.stringify(one.data)).toBe(200);
    expect(one.data).toMatchObject({ today: '2026-06-01', expiry: '2026-12-31' });
    expect(
      (await h.call('GET', `/api/v2/x-os2kitos/it-contracts/${contract}/deadlines`, { token: m.bo.token })).status,
    ).toBe(404);
    const list = await h.call(
      'GET',
      `/api/v2/x-os2kitos/organizations/${m.nordby}/deadlines?today=2026-06-01&from=2026-01-01&to=2027-12-31`,
      { token: m.anna.token },
    );
    expect(list.status, JSON.stringify(list.data)).toBe(200);
    expect(list.data.some((d: Json) => d.contractUuid === contract && d.date === '2026-12-31')).toBe(true);
  });

  it('serves overviews from a JSON body or query string, validated before the core', async () => {
    const query = { organizationUuid: m.nordby, search: 'Hosting', limit: 10 };
    const post = await h.call('POST', '/api/v2/x-os2kitos/overviews/contracts', { token: m.anna.token, body: query });
    expect(post.status, JSON.stringify(post.data)).toBe(200);
    expect(post.data.total).toBe(1);
    expect(post.data.rows[0].uuid).toBe(contract);
    const get = await h.call(
      'GET',
      `/api/v2/x-os2kitos/overviews/contracts?q=${encodeURIComponent(JSON.stringify(query))}`,
      {
        token: m.anna.token,
      },
    );
    expect(get.data).toEqual(post.data);
    const bad = await h.call('POST', '/api/v2/x-os2kitos/overviews/contracts', {
      token: m.anna.token,
      body: { ...query, limit: -1 },
    });
    expect(bad.status).toBe(400);
    const badJson = await h.call('GET', '/api/v2/x-os2kitos/overviews/contracts?q=%7B', { token: m.anna.token });
    expect(badJson.status).toBe(400);
    const theirs = await h.call('POST', '/api/v2/x-os2kitos/overviews/contracts', {
      token: m.bo.token,
      body: query,
    });
    expect(theirs.status).toBe(403);
  });

  it("writes a usage in the core's shape: create, read with its ETag, patch with If-Match, 412, 400, 409", async () => {
    const created = await h.call('POST', '/api/v2/x-os2kitos/it-system-usages', {
      token: m.anna.token,
      body: { organizationUuid: m.nordby, systemUuid: m.system },
    });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const uuid = created.data.uuid as string;
    const twice = await h.call('POST', '/api/v2/x-os2kitos/it-system-usages', {
      token: m.anna.token,
      body: { organizationUuid: m.nordby, systemUuid: m.system },
    });
    expect(twice.status).toBe(409);

    const record = `/api/v2/x-os2kitos/it-system-usages/${uuid}/record`;
    const read = await h.call('GET', record, { token: m.anna.token });
    expect(read.status).toBe(200);
    expect(read.data.general.validity).toEqual({ validFrom: null, validTo: null, lifeCycleStatus: null });
    const patched = await h.call('PATCH', record, {
      token: m.anna.token,
      headers: { 'if-match': '"1"' },
      body: { general: { localCallName: 'Sag', validity: { validFrom: '2025-01-01' } } },
    });
    expect(patched.status, JSON.stringify(patched.data)).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(patched.data.general.validity.validFrom).toBe('2025-01-01');

    const stale = await h.call('PATCH', record, {
      token: m.anna.token,
      headers: { 'if-match': '"1"' },
      body: { general: { localCallName: 'Gammel' } },
    });
    expect(stale.status).toBe(412);
    const invalid = await h.call('PATCH', record, {
      token: m.anna.token,
      body: { general: { validity: { validFrom: '2025-02-30' } } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.data.issues[0].path).toEqual(['general', 'validity', 'validFrom']);
    const after = await h.call('GET', record, { token: m.anna.token });
    expect(after.data.version).toBe(2);
    expect(after.data.general.localCallName).toBe('Sag');

    // Another municipality neither reads nor writes it.
    expect((await h.call('GET', record, { token: m.bo.token })).status).toBe(404);
    const choices = await h.call('GET', `/api/v2/x-os2kitos/organizations/${m.nordby}/usage-edit-choices`, {
      token: m.anna.token,
    });
    expect(choices.status).toBe(200);
    expect(choices.data.dataClassifications.length).toBeGreaterThan(0);
    // The archiving and GDPR option lists, and the organisations an archiving supplier can be.
    expect(choices.data.archiveTypes.map((o: Json) => o.name)).toContain('Arkiveret');
    // Lists the organisation has no options in yet are there, empty.
    for (const key of ['archiveLocations', 'archiveTestLocations', 'sensitivePersonalData', 'registeredDataCategories'])
      expect(choices.data[key]).toBeInstanceOf(Array);
    expect(choices.data.organizations.map((o: Json) => o.uuid)).toContain(m.nordby);
    expect(choices.data.users.map((u: Json) => u.uuid)).toContain(m.anna.uuid);
  });

  it('writes a project, which KITOS has no API for: card, record, patch with If-Match, 412, 400, probe, choices, delete', async () => {
    const x = '/api/v2/x-os2kitos';
    const probe = await h.call('GET', `${x}/it-projects/permissions?organizationUuid=${m.nordby}`, {
      token: m.anna.token,
    });
    expect(probe.data).toEqual({ create: true });
    const refused = await h.call('GET', `${x}/it-projects/permissions?organizationUuid=${m.nordby}`, {
      token: m.bo.token,
    });
    // Another municipality's user does not see Nordby, so the probe answers as for an unknown organisation.
    expect(refused.status, JSON.stringify(refused.data)).toBe(404);
    const created = await h.call('POST', `${x}/it-projects`, {
      token: m.anna.token,
      body: { organizationUuid: m.nordby, name: 'Nyt ESDH' },
    });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const uuid = created.data.uuid as string;
    const record = `${x}/it-projects/${uuid}/record`;
    const phases = (created.data.phases as Json[]).map((p, i) => (i === 0 ? { ...p, startDate: '2025-01-01' } : p));
    const patched = await h.call('PATCH', record, {
      token: m.anna.token,
      headers: { 'if-match': '"1"' },
      body: { phases, currentPhase: 2 },
    });
    expect(patched.status, JSON.stringify(patched.data)).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    const stale = await h.call('PATCH', record, {
      token: m.anna.token,
      headers: { 'if-match': '"1"' },
      body: { note: 'x' },
    });
    expect(stale.status).toBe(412);
    const bad = phases.map((p, i) => (i === 0 ? { ...p, endDate: '2024-12-31' } : p));
    const invalid = await h.call('PATCH', record, { token: m.anna.token, body: { phases: bad } });
    expect(invalid.status).toBe(400);
    expect(invalid.data.issues[0].path).toEqual(['phases', 0, 'endDate']);
    const card = await h.call('GET', `${x}/it-projects/${uuid}/card`, { token: m.anna.token });
    expect(card.data).toMatchObject({ name: 'Nyt ESDH', currentPhase: 2, version: 2 });
    expect((await h.call('GET', record, { token: m.bo.token })).status).toBe(404);
    const choices = await h.call('GET', `${x}/organizations/${m.nordby}/project-edit-choices`, { token: m.anna.token });
    expect(choices.data.options.projectTypes.length).toBeGreaterThan(0);
    expect(choices.data.options.projects.map((p: Json) => p.uuid)).toContain(uuid);
    const report = await h.call('GET', `${x}/it-projects/${uuid}/delete-consequences`, { token: m.anna.token });
    expect(report.data).toMatchObject({ kind: 'project', uuid, version: 2 });
    expect(
      (await h.call('DELETE', `${x}/it-projects/${uuid}`, { token: m.anna.token, headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(412);
    expect(
      (await h.call('DELETE', `${x}/it-projects/${uuid}`, { token: m.anna.token, headers: { 'if-match': '"2"' } }))
        .status,
    ).toBe(204);
    expect((await h.call('GET', record, { token: m.anna.token })).status).toBe(404);
  });
});
