/**
 * Live updates over real HTTP: the change stream needs a credential, carries only what the caller
 * may read of the organisation asked for, and resumes from Last-Event-ID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, revokeToken } from '../src/index.js';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, type Json, startHarness } from './helpers.js';

interface SseEvent {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: Json;
}

/** Opens a stream and reads its events one at a time (comment lines are skipped). */
async function open(h: Harness, path: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const res = await fetch(`${h.url}${path}`, { headers, signal: abort.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const next = async (): Promise<SseEvent> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = block.split('\n').filter((l) => !l.startsWith(':'));
        if (!fields.length) continue;
        const get = (name: string) =>
          fields
            .filter((l) => l.startsWith(`${name}:`))
            .map((l) => l.slice(name.length + 1).trimStart())
            .join('\n');
        return { event: get('event') || 'message', id: get('id') || undefined, data: JSON.parse(get('data')) };
      }
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the stream ended');
      buffer += chunk.value;
    }
  };
  /** Reads events until one matches; returns every event read. */
  const until = async (match: (e: SseEvent) => boolean): Promise<SseEvent[]> => {
    const seen: SseEvent[] = [];
    for (;;) {
      const e = await next();
      seen.push(e);
      if (match(e)) return seen;
    }
  };
  return { res, next, until, close: () => abort.abort() };
}

const names = (e: SseEvent): string[] => (e.event === 'change' ? e.data.changed.map((c: Json) => c.uuid) : []);

let h: Harness;
let m: Municipalities;
const stream = (org: string) => `/api/v2/x-os2kitos/organizations/${org}/changes/stream`;
const newContract = async (token: string, organizationUuid: string, name: string) => {
  const r = await h.call('POST', '/api/v2/it-contracts', { token, body: { organizationUuid, name } });
  expect(r.status, JSON.stringify(r.data)).toBe(201);
  return r.data.uuid as string;
};

beforeAll(async () => {
  // A short poll: the catalogue write below goes around the HTTP layer, as a write through another
  // server process would, and arrives through polling.
  h = await startHarness({ config: { streamPollMs: 100 } });
  m = await twoMunicipalities(h);
});
afterAll(() => h.close());

describe('the change stream', () => {
  it('refuses anonymous callers, unknown organisations and a malformed Last-Event-ID', async () => {
    const anonymous = await fetch(`${h.url}${stream(m.nordby)}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    // An organisation the caller may not see is as unknown as one that does not exist.
    expect((await h.call('GET', stream(m.nordby), { token: m.bo.token })).status).toBe(404);
    const unknown = await h.call('GET', stream('0b6a3b36-2f6e-4a59-9d07-1f1c6f1c0000'), { token: m.anna.token });
    expect(unknown.status).toBe(404);
    const bad = await h.call('GET', stream(m.nordby), { token: m.anna.token, headers: { 'last-event-id': 'x1' } });
    expect(bad.status).toBe(400);
    expect(bad.data.code).toBe('validation');
    const extra = await h.call('GET', `${stream(m.nordby)}?from=1`, { token: m.anna.token });
    expect(extra.status).toBe(400);
  });

  it("streams the organisation's changes to its members, and to others only what they may read", async () => {
    // Nordby shares itself: Bo of Sydby may see the organisation and its public catalogue, never its contracts.
    await h.server.kitos.organizations.patch(h.admin, m.nordby, { accessModifier: 'Public' });
    const anna = await open(h, stream(m.nordby), { authorization: `Bearer ${m.anna.token}` });
    const bo = await open(h, stream(m.nordby), { authorization: `Bearer ${m.bo.token}` });
    try {
      expect(anna.res.status).toBe(200);
      expect(anna.res.headers.get('content-type')).toContain('text/event-stream');
      expect((await anna.next()).event).toBe('ready');
      expect(bo.res.status).toBe(200);
      expect((await bo.next()).event).toBe('ready');
      const contract = await newContract(m.anna.token, m.nordby, 'Drift 2027');
      const sydby = await newContract(m.bo.token, m.sydby, 'Sydby drift');
      // A public catalogue system of Nordby: Bo may read it, so it ends his wait.
      const system = (
        await h.server.kitos.systems.create(h.admin, {
          organizationUuid: m.nordby,
          name: 'Fælles booking',
          accessModifier: 'Public',
        })
      ).uuid;
      const annaSeen = await anna.until((e) => names(e).includes(system));
      expect(annaSeen.flatMap(names)).toContain(contract);
      expect(annaSeen.flatMap(names)).not.toContain(sydby);
      const change = annaSeen.find((e) => names(e).includes(contract))!;
      expect(change.data.changed.find((c: Json) => c.uuid === contract)).toMatchObject({
        kind: 'itContract',
        organizationUuid: m.nordby,
        version: 1,
      });
      // Only references: the record itself is read through the API, with its own permission check.
      expect(Object.keys(change.data.changed[0]).sort()).toEqual([
        'kind',
        'lastChanged',
        'organizationUuid',
        'uuid',
        'version',
      ]);
      const boSeen = await bo.until((e) => names(e).includes(system));
      expect(boSeen.flatMap(names)).not.toContain(contract);
      expect(boSeen.flatMap(names)).not.toContain(sydby);
    } finally {
      anna.close();
      bo.close();
    }
  });

  it('resumes from Last-Event-ID (or since) without losing or repeating changes', async () => {
    const first = await open(h, stream(m.nordby), { authorization: `Bearer ${m.anna.token}` });
    const ready = await first.next();
    const a = await newContract(m.anna.token, m.nordby, 'Før afbrydelse');
    const seenA = await first.until((e) => names(e).includes(a));
    const lastId = seenA.at(-1)!.id!;
    expect(Number(lastId)).toBeGreaterThan(Number(ready.id));
    first.close();

    // Written while disconnected.
    const b = await newContract(m.anna.token, m.nordby, 'Under afbrydelse');
    const resumed = await open(h, stream(m.nordby), {
      authorization: `Bearer ${m.anna.token}`,
      'last-event-id': lastId,
    });
    try {
      expect(await resumed.next()).toMatchObject({ event: 'ready', id: lastId });
      const seenB = await resumed.until((e) => names(e).includes(b));
      expect(seenB.flatMap(names)).not.toContain(a);
    } finally {
      resumed.close();
    }
    // `since` does the same for clients that cannot set headers; from the first ready both come.
    const again = await open(h, `${stream(m.nordby)}?since=${ready.id}`, { authorization: `Bearer ${m.anna.token}` });
    try {
      await again.next();
      const seen = await again.until((e) => names(e).includes(b));
      expect(seen.flatMap(names)).toEqual(expect.arrayContaining([a, b]));
    } finally {
      again.close();
    }
  });

  it('ends after streamMaxMs, so a revoked credential cannot reconnect', async () => {
    const own = await startHarness({ config: { streamMaxMs: 300, streamPollMs: 100 } });
    try {
      const mm = await twoMunicipalities(own);
      const issued = await issueToken(own.server.kitos, {
        userUuid: mm.anna.uuid,
        purpose: 'api',
        ttlSeconds: 3600,
        now: own.clock.now,
      });
      const headers = { authorization: `Bearer ${issued.secret}` };
      const s = await open(own, stream(mm.nordby), headers);
      const ready = await s.next();
      await revokeToken(own.server.kitos, issued.record.uuid, own.clock.now);
      await expect(s.next()).rejects.toThrow('the stream ended');
      const again = await fetch(`${own.url}${stream(mm.nordby)}`, {
        headers: { ...headers, 'last-event-id': ready.id! },
      });
      expect(again.status).toBe(401);
    } finally {
      await own.close();
    }
  });

  it('is ended by shutdown, so draining does not wait for open streams', async () => {
    const own = await startHarness();
    const mm = await twoMunicipalities(own);
    const s = await open(own, stream(mm.nordby), { authorization: `Bearer ${mm.anna.token}` });
    await s.next();
    const started = Date.now();
    await own.close();
    await expect(s.next()).rejects.toThrow();
    // The default grace is 10 s; ending the streams first makes shutdown immediate.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
