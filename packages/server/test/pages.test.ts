/**
 * Public pages beside the API: `pages` answers GET requests before authentication, and everything
 * it passes on (and every other method) meets the API's authentication as before.
 */
import { createKitos, createMemoryStorage } from '@os2kitos/core';
import { describe, expect, it } from 'vitest';
import { createApp, loadConfig, SERVER_KINDS } from '../src/index.js';

describe('pages', () => {
  it('serves public pages and leaves the API authenticated', async () => {
    const kitos = await createKitos({ storage: createMemoryStorage(), extraKinds: SERVER_KINDS });
    const app = createApp({
      kitos,
      config: loadConfig({ overrides: { logLevel: 'silent' } }),
      pages: (request) =>
        new URL(request.url).pathname === '/'
          ? new Response('<h1>Intranet</h1>', { headers: { 'content-type': 'text/html' } })
          : undefined,
    });
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<h1>Intranet</h1>');
    // The security headers still apply to pages.
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await app.request('/', { method: 'POST' })).status).toBe(401);
    expect((await app.request('/api/v2/x-os2kitos/overviews/usages/columns')).status).toBe(401);
    expect((await app.request('/other')).status).toBe(401);
  });
});
