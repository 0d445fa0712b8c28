/**
 * KITOS API v2 over real HTTP: status codes, DTO shapes, problem details, ETags and If-Match,
 * paging bounds, `changedSinceGtEq`, the deleted-entities feed, permission probes and tenancy
 * across two municipalities.
 */
import { ISSUE_CODES } from '@os2kitos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, type Json, startHarness } from './helpers.js';

let h: Harness;
let m: Municipalities;
beforeAll(async () => {
  h = await startHarness();
  m = await twoMunicipalities(h);
});
afterAll(() => h.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function expectProblem(r: Response & { data: Json }, status: number, code: string) {
  expect(r.status, JSON.stringify(r.data)).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.data).toMatchObject({ status, code, type: expect.stringContaining(code) });
  expect(r.data.titles.da).toBeTruthy();
  expect(r.data.titles.en).toBeTruthy();
  expect(r.data.messages.da).toBeTruthy();
  expect(r.data.messages.en).toBeTruthy();
}

describe('it-systems', () => {
  it('answers the KITOS shape with every key, lower-case uuids and UTC times', async () => {
    const r = await h.call('GET', `/api/v2/it-systems/${m.system.toUpperCase()}`, { token: m.anna.token });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(Object.keys(r.data)).toEqual([
      'usingOrganizations',
      'lastModified',
      'lastModifiedBy',
      'scope',
      'organizationContext',
      'legalName',
      'legalDataProcessorName',
      'uuid',
      'externalUuid',
      'parentSystem',
      'name',
      'formerName',
      'description',
      'externalReferences',
      'kle',
      'deactivated',
      'businessType',
      'rightsHolder',
      'created',
      'createdBy',
      'recommendedArchiveDuty',
      'mainContractSuppliers',
    ]);
    expect(r.data.uuid).toMatch(UUID);
    expect(r.data.uuid).toBe(m.system);
    expect(r.data.lastModified).toMatch(UTC);
    expect(r.data.scope).toBe('Global');
    expect(r.data.parentSystem).toBeNull();
    expect(r.data.organizationContext).toEqual({ cvr: '11111111', uuid: m.nordby, name: 'Nordby Kommune' });
    expect(r.data.recommendedArchiveDuty).toEqual({ comment: null, id: 'Undecided' });
  });

  it('creates with 201 and Location, patches by presence, refuses a stale If-Match with 412', async () => {
    const created = await h.call('POST', '/api/v2/it-systems', {
      body: { organizationUuid: m.nordby, name: 'Lønsystem', description: 'Løn', scope: 'Local' },
    });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const uuid = created.data.uuid;
    expect(created.headers.get('location')).toBe(`${h.url}/api/v2/it-systems/${uuid}`);
    expect(created.data.scope).toBe('Local');
    const patched = await h.call('PATCH', `/api/v2/it-systems/${uuid}`, {
      body: { formerName: undefined, previousName: 'Gammel løn' },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.status, JSON.stringify(patched.data)).toBe(200);
    expect(patched.data.description).toBe('Løn');
    expect(patched.data.formerName).toBe('Gammel løn');
    expect(patched.headers.get('etag')).toBe('"2"');
    const stale = await h.call('PATCH', `/api/v2/it-systems/${uuid}`, {
      body: { description: null },
      headers: { 'if-match': '"1"' },
    });
    expectProblem(stale, 412, 'precondition-failed');
    expect(stale.data.specificCode).toBe('version-mismatch');
    expect(stale.data.messages).toEqual({
      da: ISSUE_CODES['version-mismatch'].da,
      en: ISSUE_CODES['version-mismatch'].en,
    });
    const unchanged = await h.call('GET', `/api/v2/it-systems/${uuid}`);
    expect(unchanged.data.description).toBe('Løn');
    const cleared = await h.call('PATCH', `/api/v2/it-systems/${uuid}`, { body: { description: null } });
    expect(cleared.data.description).toBeNull();
    const badEtag = await h.call('PATCH', `/api/v2/it-systems/${uuid}`, { body: {}, headers: { 'if-match': 'W/x' } });
    expectProblem(badEtag, 400, 'validation');
    expect((await h.call('DELETE', `/api/v2/it-systems/${uuid}`, { headers: { 'if-match': '"3"' } })).status).toBe(204);
    expectProblem(await h.call('GET', `/api/v2/it-systems/${uuid}`), 404, 'not-found');
  });

  it('refuses unknown query parameters, unknown body properties and bad paging with a validation problem', async () => {
    const unknown = await h.call('GET', '/api/v2/it-systems?nameContains=x&foo=1');
    expectProblem(unknown, 400, 'validation');
    expect(unknown.data.issues[0]).toMatchObject({ path: ['query'], code: 'unrecognized-keys' });
    expectProblem(await h.call('GET', '/api/v2/it-systems?pageSize=251'), 400, 'validation');
    expectProblem(await h.call('GET', '/api/v2/it-systems?pageSize=0'), 400, 'validation');
    expectProblem(await h.call('GET', '/api/v2/it-systems?page=-1'), 400, 'validation');
    const body = await h.call('POST', '/api/v2/it-systems', {
      body: { organizationUuid: m.nordby, name: 'X', bogus: 1 },
    });
    expectProblem(body, 400, 'validation');
    expect(body.data.issues[0].path[0]).toBe('json');
    const emptyUuid = await h.call('GET', '/api/v2/it-systems/00000000-0000-0000-0000-000000000000');
    expectProblem(emptyUuid, 400, 'validation');
    const malformed = await h.call('POST', '/api/v2/it-systems', { rawBody: '{"name": ' });
    expectProblem(malformed, 400, 'validation');
  });

  it('pages from 0 with at most pageSize items and orders by creation by default', async () => {
    for (const name of ['Page A', 'Page B', 'Page C'])
      expect((await h.call('POST', '/api/v2/it-systems', { body: { organizationUuid: m.nordby, name } })).status).toBe(
        201,
      );
    const all = await h.call('GET', '/api/v2/it-systems?nameContains=Page');
    expect(all.data.map((s: Json) => s.name)).toEqual(['Page A', 'Page B', 'Page C']);
    const p0 = await h.call('GET', '/api/v2/it-systems?nameContains=Page&pageSize=2&page=0');
    const p1 = await h.call('GET', '/api/v2/it-systems?nameContains=Page&pageSize=2&page=1');
    expect(p0.data.map((s: Json) => s.name)).toEqual(['Page A', 'Page B']);
    expect(p1.data.map((s: Json) => s.name)).toEqual(['Page C']);
    // KITOS binds query names case-insensitively; its generated client sends Page and PageSize.
    const capitalised = await h.call('GET', '/api/v2/it-systems?NameContains=Page&PageSize=2&Page=1');
    expect(capitalised.data.map((s: Json) => s.name)).toEqual(['Page C']);
    const byName = await h.call('GET', '/api/v2/it-systems?nameContains=Page&orderByProperty=Name');
    expect(byName.data.map((s: Json) => s.name)).toEqual(['Page A', 'Page B', 'Page C']);
  });

  it('answers the permission probes', async () => {
    // The creating organisation's local admin may change the entry; another municipality may only read it.
    const one = await h.call('GET', `/api/v2/it-systems/${m.system}/permissions`, { token: m.anna.token });
    expect(one.data).toMatchObject({ read: true, modify: true, delete: true, modifyVisibility: false });
    const other = await h.call('GET', `/api/v2/it-systems/${m.system}/permissions`, { token: m.bo.token });
    expect(other.data).toMatchObject({ read: true, modify: false, delete: false, modifyVisibility: false });
    const admin = await h.call('GET', `/api/v2/it-systems/${m.system}/permissions`);
    expect(admin.data).toMatchObject({ read: true, modify: true, delete: true, modifyVisibility: true });
    const collection = await h.call('GET', `/api/v2/it-systems/permissions?organizationUuid=${m.nordby}`, {
      token: m.anna.token,
    });
    expect(collection.data).toEqual({ create: false });
    expectProblem(await h.call('GET', '/api/v2/it-systems/permissions'), 400, 'validation');
  });
});

describe('it-system-usages, contracts and registrations', () => {
  it('runs a usage through create, PATCH, PUT, deltas, the deleted feed and delete', async () => {
    const created = await h.call('POST', '/api/v2/it-system-usages', {
      token: m.anna.token,
      body: {
        systemUuid: m.system,
        organizationUuid: m.nordby,
        general: {
          localCallName: 'ESDH',
          validity: { validFrom: '2024-01-01T00:00:00Z', lifeCycleStatus: 'Operational' },
        },
        gdpr: { dataSensitivityLevels: ['PersonData'], riskAssessmentResult: 'Medium', riskAssessmentConducted: 'Yes' },
      },
    });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const u = created.data;
    expect(created.headers.get('location')).toBe(`${h.url}/api/v2/it-system-usages/${u.uuid}`);
    expect(u.systemContext).toEqual({ uuid: m.system, name: 'ESDH Fælles' });
    expect(u.general.validity).toMatchObject({
      validFrom: '2024-01-01T00:00:00Z',
      validTo: null,
      lifeCycleStatus: 'Operational',
      valid: true,
      mainContractState: 'NoContract',
    });
    expect(u.gdpr.dataSensitivityLevels).toEqual(['PersonData']);
    expect(u.gdpr.riskAssessmentResult).toBe('Medium');
    expect(u.general.isSociallyCritical).toBeNull();
    expect(u.createdAt).toBe('2024-01-01T00:00:00Z');

    const patched = await h.call('PATCH', `/api/v2/it-system-usages/${u.uuid}`, {
      token: m.anna.token,
      body: { general: { notes: 'noter', hostedAt: 'OnPremise' } },
    });
    expect(patched.status, JSON.stringify(patched.data)).toBe(200);
    expect(patched.data.general.localCallName).toBe('ESDH');
    expect(patched.data.general.notes).toBe('noter');
    expect(patched.data.general.hostedAt).toBe('OnPremise');

    const notStored = await h.call('PATCH', `/api/v2/it-system-usages/${u.uuid}`, {
      token: m.anna.token,
      body: { general: { isSociallyCritical: 'Yes' } },
    });
    expectProblem(notStored, 400, 'validation');

    const since = new Date(Date.parse(patched.data.lastModified) + 1).toISOString();
    const put = await h.call('PUT', `/api/v2/it-system-usages/${u.uuid}`, {
      token: m.anna.token,
      body: { general: { localCallName: 'Kun dette' } },
      headers: { 'if-match': patched.headers.get('etag') as string },
    });
    expect(put.status, JSON.stringify(put.data)).toBe(200);
    expect(put.data.general.localCallName).toBe('Kun dette');
    expect(put.data.general.notes).toBeNull();
    expect(put.data.general.validity.validFrom).toBeNull();
    expect(put.data.gdpr.dataSensitivityLevels).toEqual([]);

    const delta = await h.call(
      'GET',
      `/api/v2/it-system-usages?organizationUuid=${m.nordby}&changedSinceGtEq=${since}`,
      {
        token: m.anna.token,
      },
    );
    expect(delta.data.map((x: Json) => x.uuid)).toEqual([u.uuid]);
    const future = new Date(Date.parse(put.data.lastModified) + 1000).toISOString();
    const none = await h.call('GET', `/api/v2/it-system-usages?changedSinceGtEq=${future}`, { token: m.anna.token });
    expect(none.data).toEqual([]);

    const before = new Date(Date.now() - 1000).toISOString();
    expect((await h.call('DELETE', `/api/v2/it-system-usages/${u.uuid}`, { token: m.anna.token })).status).toBe(204);
    const feed = await h.call(
      'GET',
      `/api/v2/delta-feed/deleted-entities?entityType=ItSystemUsage&deletedSinceUTC=${before}`,
      { token: m.anna.token },
    );
    expect(feed.status, JSON.stringify(feed.data)).toBe(200);
    expect(feed.data).toEqual([
      { occurredAtUtc: expect.stringMatching(UTC), entityUuid: u.uuid, entityType: 'ItSystemUsage' },
    ]);
    const otherTenant = await h.call('GET', `/api/v2/delta-feed/deleted-entities?deletedSinceUTC=${before}`, {
      token: m.bo.token,
    });
    expect(otherTenant.data.map((e: Json) => e.entityUuid)).not.toContain(u.uuid);
  });

  it('keeps each municipality to its own usages, contracts and registrations', async () => {
    const usage = await h.call('POST', '/api/v2/it-system-usages', {
      token: m.anna.token,
      body: { systemUuid: m.system, organizationUuid: m.nordby },
    });
    const contract = await h.call('POST', '/api/v2/it-contracts', {
      token: m.anna.token,
      body: { organizationUuid: m.nordby, name: 'Driftsaftale', general: { notes: 'hemmelig' } },
    });
    const dpr = await h.call('POST', '/api/v2/data-processing-registrations', {
      token: m.anna.token,
      body: { organizationUuid: m.nordby, name: 'Databehandling ESDH' },
    });
    for (const r of [usage, contract, dpr]) expect(r.status, JSON.stringify(r.data)).toBe(201);
    const paths = [
      `/api/v2/it-system-usages/${usage.data.uuid}`,
      `/api/v2/it-contracts/${contract.data.uuid}`,
      `/api/v2/data-processing-registrations/${dpr.data.uuid}`,
    ];
    for (const path of paths) {
      expectProblem(await h.call('GET', path, { token: m.bo.token }), 404, 'not-found');
      expectProblem(await h.call('PATCH', path, { token: m.bo.token, body: {} }), 404, 'not-found');
      expectProblem(await h.call('PUT', path, { token: m.bo.token, body: {} }), 404, 'not-found');
      expectProblem(await h.call('DELETE', path, { token: m.bo.token }), 404, 'not-found');
      expectProblem(await h.call('GET', `${path}/permissions`, { token: m.bo.token }), 404, 'not-found');
      expect((await h.call('GET', path, { token: m.anna.token })).status).toBe(200);
    }
    for (const list of ['it-system-usages', 'it-contracts', 'data-processing-registrations']) {
      const theirs = await h.call('GET', `/api/v2/${list}`, { token: m.bo.token });
      expect(theirs.status).toBe(200);
      expect(theirs.data).toEqual([]);
      const filtered = await h.call('GET', `/api/v2/${list}?organizationUuid=${m.nordby}`, { token: m.bo.token });
      expect(filtered.data).toEqual([]);
    }
    const intoOther = await h.call('POST', '/api/v2/it-contracts', {
      token: m.bo.token,
      body: { organizationUuid: m.nordby, name: 'Indbrud' },
    });
    expectProblem(intoOther, 403, 'forbidden');
    const probe = await h.call('GET', `/api/v2/it-contracts/permissions?organizationUuid=${m.nordby}`, {
      token: m.anna.token,
    });
    expect(probe.data).toEqual({ create: true });
    const mine = await h.call('GET', `/api/v2/it-contracts/${contract.data.uuid}/permissions`, { token: m.anna.token });
    expect(mine.data).toEqual({ read: true, modify: true, delete: true });
  });

  it('adds and removes usage roles, refuses a duplicate with 409, and answers combined permissions', async () => {
    const system = await h.call('POST', '/api/v2/it-systems', {
      body: { organizationUuid: m.nordby, name: 'Rollesystem' },
    });
    const usage = await h.call('POST', '/api/v2/it-system-usages', {
      token: m.anna.token,
      body: { systemUuid: system.data.uuid, organizationUuid: m.nordby },
    });
    const [role] = (
      await h.call('GET', `/api/v2/it-system-usage-role-types?organizationUuid=${m.nordby}`, { token: m.anna.token })
    ).data;
    const assignment = { roleUuid: role.uuid, userUuid: m.carl.uuid };
    const path = `/api/v2/it-system-usages/${usage.data.uuid}`;
    const added = await h.call('PATCH', `${path}/roles/add`, { token: m.anna.token, body: assignment });
    expect(added.status, JSON.stringify(added.data)).toBe(200);
    expect(added.data.roles).toEqual([
      { user: { uuid: m.carl.uuid, name: 'Carl Test' }, role: { uuid: role.uuid, name: role.name } },
    ]);
    expectProblem(
      await h.call('PATCH', `${path}/roles/add`, { token: m.anna.token, body: assignment }),
      409,
      'conflict',
    );
    const removed = await h.call('PATCH', `${path}/roles/remove`, { token: m.anna.token, body: assignment });
    expect(removed.data.roles).toEqual([]);
    const probe = await h.call('GET', `${path}/permissions`, { token: m.anna.token });
    expect(probe.data).toEqual({ fieldPermissions: { fields: [] }, read: true, modify: true, delete: true });
  });

  it('maps contract sections and answers a duplicate name with 409', async () => {
    const c = await h.call('POST', '/api/v2/it-contracts', {
      token: m.anna.token,
      body: {
        organizationUuid: m.nordby,
        name: 'Licens 2025',
        general: {
          contractId: 'K-1',
          validity: { validFrom: '2025-01-01T00:00:00Z', validTo: '2026-12-31T00:00:00Z' },
        },
        procurement: { procurementPlan: { quarterOfYear: 2, year: 2026 }, procurementInitiated: 'Yes' },
        agreementPeriod: { durationYears: 2, durationMonths: 0 },
        termination: { terms: { noticeByEndOf: 'EndOfQuarter' } },
        payments: { external: [{ acquisition: 1000, operation: 200, auditStatus: 'Green' }] },
      },
    });
    expect(c.status, JSON.stringify(c.data)).toBe(201);
    expect(c.data.general.validity).toMatchObject({
      validFrom: '2025-01-01T00:00:00Z',
      validTo: '2026-12-31T00:00:00Z',
    });
    expect(c.data.procurement.procurementPlan).toEqual({ quarterOfYear: 2, year: 2026 });
    expect(c.data.termination.terms.noticeByEndOf).toBe('EndOfQuarter');
    expect(c.data.payments.external[0]).toMatchObject({
      id: 1,
      acquisition: 1000,
      operation: 200,
      auditStatus: 'Green',
    });
    expect(c.data.supplier.supplierType).toBe('External');
    const dup = await h.call('POST', '/api/v2/it-contracts', {
      token: m.anna.token,
      body: { organizationUuid: m.nordby, name: 'Licens 2025' },
    });
    expectProblem(dup, 409, 'conflict');
    expect(dup.data.specificCode).toBeTruthy();
  });
});

describe('organizations, options and KLE', () => {
  it('lists organisations, users with roles and units', async () => {
    const orgs = await h.call('GET', '/api/v2/organizations?onlyWhereUserHasMembership=true', { token: m.anna.token });
    expect(orgs.status).toBe(200);
    expect(orgs.data).toEqual([
      {
        organizationType: 'Municipality',
        isSupplier: false,
        disabled: false,
        cvr: '11111111',
        uuid: m.nordby,
        name: 'Nordby Kommune',
      },
    ]);
    expectProblem(
      await h.call('GET', '/api/v2/organizations?changedSinceGtEq=2020-01-01T00:00:00Z'),
      400,
      'validation',
    );
    const users = await h.call('GET', `/api/v2/organizations/${m.nordby}/users?orderByProperty=Name`, {
      token: m.anna.token,
    });
    expect(users.data.map((u: Json) => u.email)).toEqual(['anna@nordby.dk', 'carl@nordby.dk']);
    expect(users.data[0].roles.sort()).toEqual(['LocalAdmin', 'User']);
    const admins = await h.call('GET', `/api/v2/organizations/${m.nordby}/users?roleQuery=LocalAdmin`, {
      token: m.anna.token,
    });
    expect(admins.data.map((u: Json) => u.uuid)).toEqual([m.anna.uuid]);
    const units = await h.call('GET', `/api/v2/organizations/${m.nordby}/organization-units`, { token: m.anna.token });
    expect(units.status).toBe(200);
    expect(units.data.length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(units.data[0])).toEqual([
      'externalOriginUuid',
      'parentOrganizationUnit',
      'ean',
      'unitId',
      'origin',
      'uuid',
      'name',
    ]);
    // Another municipality sees no members (the core answers members only to members and admins).
    const other = await h.call('GET', `/api/v2/organizations/${m.nordby}/users`, { token: m.bo.token });
    expect(other.data).toEqual([]);
    expectProblem(
      await h.call('GET', `/api/v2/organizations/${m.nordby}/users/${m.anna.uuid}`, { token: m.bo.token }),
      404,
      'not-found',
    );
  });

  it('serves option types available in an organisation, and one option with isAvailable', async () => {
    const roles = await h.call('GET', `/api/v2/it-system-usage-role-types?organizationUuid=${m.nordby}`, {
      token: m.anna.token,
    });
    expect(roles.status, JSON.stringify(roles.data)).toBe(200);
    expect(roles.data.length).toBeGreaterThan(0);
    expect(Object.keys(roles.data[0])).toEqual([
      'writeAccess',
      'isExternallyAvailable',
      'externallyAvailableDescription',
      'description',
      'uuid',
      'name',
    ]);
    const names = roles.data.map((r: Json) => r.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'da')));
    const one = await h.call(
      'GET',
      `/api/v2/it-system-usage-role-types/${roles.data[0].uuid}?organizationUuid=${m.nordby}`,
      {
        token: m.anna.token,
      },
    );
    expect(one.data).toMatchObject({ isAvailable: true, uuid: roles.data[0].uuid });
    const types = await h.call('GET', `/api/v2/it-contract-contract-types?organizationUuid=${m.nordby}&pageSize=1`, {
      token: m.anna.token,
    });
    expect(types.data.length).toBeLessThanOrEqual(1);
    if (types.data.length) expect(Object.keys(types.data[0])).toEqual(['description', 'uuid', 'name']);
    expectProblem(await h.call('GET', '/api/v2/business-types', { token: m.anna.token }), 400, 'validation');
    expectProblem(
      await h.call('GET', `/api/v2/business-types?organizationUuid=${m.sydby}`, { token: m.anna.token }),
      404,
      'not-found',
    );
  });

  it('serves KLE options in the KITOS envelope', async () => {
    const kle = await h.call('GET', '/api/v2/kle-options', { token: m.anna.token });
    expect(kle.status).toBe(200);
    expect(kle.data).toEqual({ referenceVersion: '0001-01-01T00:00:00Z', payload: expect.any(Array) });
  });
});
