// The offline demo page (`npm run example:offline`) in Chromium: seeds the sql.js database in
// IndexedDB from the generator, then shows the usage overview, the deadline timeline and the unit tree; a contract
// card opens from the contracts tab; English works. A screenshot is saved as a test artefact.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devServerAndBrowser } from './dev-browser.js';

const env = devServerAndBrowser();

describe('the offline demo page (npm run example:offline)', () => {
  it('seeds the municipality and shows the overview, the timeline and the tree without errors', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // The virtualizer's benign "ResizeObserver loop" notice is not an error of ours.
      if (m.type() === 'error' && !m.text().includes('ResizeObserver')) errors.push(m.text());
    });
    await page.goto(`${env.server.url}/examples/index.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    const count = () => page.locator('kitos-overview [part~="count"]').first().textContent();
    await expect.poll(count, { timeout: 30_000 }).toMatch(/600/);
    await expect
      .poll(() => page.locator('kitos-contract-deadlines [part~="item"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('kitos-org-tree [role="treeitem"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(1);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/demo.png' });

    await page.click('#tab-contracts');
    await expect.poll(count, { timeout: 30_000 }).toMatch(/300/);
    await page.locator('kitos-overview [part~="link"]').first().click();
    await expect.poll(() => page.locator('kitos-contract-card [part~="title"]').count(), { timeout: 30_000 }).toBe(1);

    await page.selectOption('#lang', 'en');
    expect(await page.locator('h1').textContent()).toBe('The IT portfolio of Nordby Municipality');
    expect(errors).toEqual([]);
  }, 240_000);
});
