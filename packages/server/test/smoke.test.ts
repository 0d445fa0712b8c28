import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('smoke', () => {
  it('serves health and systems', async () => {
    expect((await h.call('GET', '/health', { token: null })).status).toBe(200);
    const r = await h.call('GET', '/api/v2/it-systems');
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    const anon = await h.call('GET', '/api/v2/it-systems', { token: null });
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
  });
});
