import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper script without type declarations
import { startKitosDevServer } from '../../scripts/dev-server.mjs';
// @ts-expect-error plain ESM helper script without type declarations
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

let server: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await startKitosDevServer();
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the demo page (npm start)', () => {
  it('loads without console errors, shows the contracts with a status badge, and is screenshotted', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 500 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/examples/index.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => page.locator('kitos-status-badge [part=badge]').count()).toBe(3);
    expect(await page.locator('#contracts tr').first().textContent()).toContain('ESDH');
    expect(await page.locator('kitos-status-badge [part=reason]').first().textContent()).toContain('er passeret');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/demo.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
