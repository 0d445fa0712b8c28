// The examples run as written: the PostgreSQL deadline script, the snapshot script, and the smallest
// embed page reading that snapshot in Chromium (a screenshot is saved as a test artefact).
import { existsSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devServerAndBrowser } from './dev-browser.js';
import { makeSnapshot } from '../scripts/make-snapshot.js';
import { noticeDeadlinesWithin90Days } from '../scripts/postgres-deadlines.js';

describe('example 2: notice deadlines on PostgreSQL', () => {
  it('prints the contracts whose notice deadline falls in the next 90 days', async () => {
    const lines = await noticeDeadlinesWithin90Days({
      url: process.env.KITOS_PG_URL,
      schema: 'kitos_example_test',
      today: '2025-06-15',
    });
    expect(lines).toEqual([
      { contract: 'ESDH drift', supplier: 'Nordlys Data A/S', latestNoticeDay: '2025-07-15', daysLeft: 30 },
      { contract: 'Økonomisystem licens', supplier: 'Nordlys Data A/S', latestNoticeDay: '2025-08-15', daysLeft: 61 },
    ]);
  }, 120_000);
});

describe('examples 1 and 3: a published snapshot in the smallest embed', () => {
  const env = devServerAndBrowser();

  it('writes the snapshot, and the embed page shows its contract deadlines without errors', async () => {
    const info = await makeSnapshot('examples/embed/snapshot.sqlite');
    expect(info.organizationName).toBe('Nordby Kommune');
    expect(existsSync('examples/embed/dist/kitos-embed.js'), 'the embed bundle is built by `npm run build`').toBe(true);
    const page = await env.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${env.server.url}/examples/embed/index.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await expect
      .poll(() => page.locator('kitos-contract-deadlines [part~="item"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/embed.png' });
    expect(errors).toEqual([]);
  }, 180_000);
});
