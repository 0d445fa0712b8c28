/**
 * The roles and relation graph routes over real HTTP: the roles overview, the transfer preview, the transfer (all or
 * nothing, problem+json naming the refused item) and the spreadsheet export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, type Json, startHarness } from './helpers.js';

let h: Harness;
let m: Municipalities;
let usage: string;
let role: string;
const X = '/api/v2/x-os2kitos';
beforeAll(async () => {
  h = await startHarness();
  m = await twoMunicipalities(h);
  const kitos = h.server.kitos;
  role = (await kitos.options.available(h.admin, 'it-system-usage-role-types', m.nordby))[0]!.uuid;
  usage = (
    await kitos.usages.create(h.admin, {
      organizationUuid: m.nordby,
      systemUuid: m.system,
      roles: [{ roleUuid: role, userUuid: m.carl.uuid }],
    })
  ).uuid;
});
afterAll(() => h.close());

describe('roles routes', () => {
  it('lists the roles to members only, and a person’s roles by query', async () => {
    const r = await h.call('GET', `${X}/organizations/${m.nordby}/roles?userUuid=${m.carl.uuid}`, {
      token: m.anna.token,
    });
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    expect(r.data.rows.map((x: Json) => [x.objectUuid, x.user, x.mayChange])).toEqual([[usage, 'Carl Test', true]]);
    expect((await h.call('GET', `${X}/organizations/${m.nordby}/roles`, { token: m.bo.token })).status).toBe(403);
    const bad = await h.call('GET', `${X}/organizations/${m.nordby}/roles?objectKinds=nonsense`, {
      token: m.anna.token,
    });
    expect(bad.status).toBe(400);
  });

  it('previews and transfers, refusing as a whole with the item named', async () => {
    const body = { fromUserUuid: m.carl.uuid, toUserUuid: m.anna.uuid };
    const preview = await h.call('POST', `${X}/organizations/${m.nordby}/roles/transfer-preview`, {
      token: m.anna.token,
      body,
    });
    expect(preview.status, JSON.stringify(preview.data)).toBe(200);
    expect(preview.data).toMatchObject({ allowed: true, refused: 0, items: [{ objectUuid: usage }] });
    const stale = await h.call('POST', `${X}/organizations/${m.nordby}/roles/transfer`, {
      token: m.anna.token,
      body: {
        ...body,
        items: [{ objectKind: 'itSystemUsage', objectUuid: usage, roleUuid: role, expectedVersion: 9 }],
      },
    });
    // A stale version is the same 412 a single write gets, naming the refused item.
    expect(stale.status).toBe(412);
    expect(JSON.stringify(stale.data)).toContain(usage);
    const done = await h.call('POST', `${X}/organizations/${m.nordby}/roles/transfer`, { token: m.anna.token, body });
    expect(done.status, JSON.stringify(done.data)).toBe(200);
    expect(done.data).toEqual({ moved: 1, records: [{ objectKind: 'itSystemUsage', objectUuid: usage, version: 2 }] });
    const after = await h.call('GET', `${X}/organizations/${m.nordby}/roles`, { token: m.anna.token });
    expect(after.data.holders.map((x: Json) => x.user)).toEqual(['Anna Test']);
  });

  it('exports the roles as XLSX and CSV', async () => {
    const xlsx = await fetch(`${h.url}${X}/organizations/${m.nordby}/roles/export`, {
      headers: { authorization: `Bearer ${m.anna.token}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const csv = await fetch(`${h.url}${X}/organizations/${m.nordby}/roles/export?format=csv&language=en`, {
      headers: { authorization: `Bearer ${m.anna.token}` },
    });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.split('\r\n')[0]).toBe('\uFEFFName;E-mail;Role;Type;Record');
    expect(text).toContain('Anna Test;anna@nordby.dk;');
  });
});

describe('relation graph route', () => {
  it('answers the graph with its filters to members only, validated before the core', async () => {
    const r = await h.call('GET', `${X}/organizations/${m.nordby}/relation-graph?focusUsageUuid=${usage}&depth=2`, {
      token: m.anna.token,
    });
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    expect(r.data.nodes.map((n: Json) => [n.uuid, n.distance])).toEqual([[usage, 0]]);
    expect(r.data.choices.usages.map((u: Json) => u.uuid)).toEqual([usage]);
    expect((await h.call('GET', `${X}/organizations/${m.nordby}/relation-graph`, { token: m.bo.token })).status).toBe(
      403,
    );
    const bad = await h.call('GET', `${X}/organizations/${m.nordby}/relation-graph?depth=9`, { token: m.anna.token });
    expect(bad.status).toBe(400);
  });
});
