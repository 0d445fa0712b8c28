// The development server and a headless Chromium for an end-to-end test file or describe block:
// started before its tests, stopped after them.
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error plain ESM helper script without type declarations
import { startKitosDevServer } from '../../scripts/dev-server.mjs';
// @ts-expect-error plain ESM helper script without type declarations
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

/** What {@link devServerAndBrowser} starts; read its fields inside tests (they are set in `beforeAll`). */
export interface DevServerAndBrowser {
  readonly server: { url: string; stop(): Promise<void> };
  readonly browser: Browser;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start the dev server (port 0) and Chromium, and stop both.
 *
 * @example
 * ```ts
 * const env = devServerAndBrowser();
 * it('shows the page', async () => { const page = await env.browser.newPage(); await page.goto(env.server.url); });
 * ```
 */
export function devServerAndBrowser(): DevServerAndBrowser {
  const env = {} as { server: DevServerAndBrowser['server']; browser: Browser };
  beforeAll(async () => {
    env.server = await startKitosDevServer();
    env.browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  }, 60_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
