// `npm start` in Chromium: the server seeds its better-sqlite3 file with several municipalities on
// the first start (and reuses it on the next), serves the demo page, and the page reads through the
// HTTP client signed in as a user of one municipality; switching to a user of another municipality
// shows that municipality, and a card left open from the first can no longer be read. Screenshots
// of the page and the cards are saved as test artefacts.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper script without type declarations
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

const dir = mkdtempSync(join(tmpdir(), 'kitos-demo-'));
let browser: Browser;

/** Starts `npm start`'s server on port 0 over `dir`; resolves with its address and what it printed. */
function start(): Promise<{ url: string; child: ChildProcess; log: string[] }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, KITOS_DEMO_DIR: dir, KITOS_DEMO_MUNICIPALITIES: '2', PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${log.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log.push(line);
      const url = line.match(/open (http:\/\/127\.0\.0\.1:\d+)\//)?.[1];
      if (url) resolve({ url, child, log });
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo through the server (npm start)', () => {
  it('seeds once, signs in, and keeps each municipality to its own data', async () => {
    const first = await start();
    try {
      expect(first.log.some((l) => /^Seeded 2 municipalities/.test(l))).toBe(true);
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        // The 404 of the card read as the other municipality's user is the point of the switch.
        if (m.type() === 'error' && !m.text().includes('ResizeObserver') && !m.text().includes('404'))
          errors.push(`${m.text()} (${m.location().url})`);
      });
      await page.goto(`${first.url}/`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      const title = () => page.locator('h1').textContent();
      const firstTitle = await title();
      expect(firstTitle).toMatch(/^IT-porteføljen i .+ Kommune$/);
      const count = () => page.locator('kitos-overview [part~="count"]').first().textContent();
      await expect.poll(count, { timeout: 30_000 }).toBe('600 systemer');
      await expect.poll(() => page.locator('#live').getAttribute('data-state'), { timeout: 30_000 }).toBe('connected');
      await expect
        .poll(() => page.locator('kitos-contract-deadlines [part~="item"]').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/live-demo.png' });

      await page.locator('kitos-overview [part~="link"]').first().click();
      const usageCard = page.locator('kitos-usage-card [part~="title"]');
      await expect.poll(() => usageCard.count(), { timeout: 30_000 }).toBe(1);
      await page.locator('kitos-usage-card').screenshot({ path: 'test-results/live-demo-usage-card.png' });
      await page.click('#tab-contracts');
      await expect.poll(count, { timeout: 30_000 }).toBe('300 kontrakter');
      await page.locator('kitos-overview [part~="link"]').first().click();
      const contractCard = page.locator('kitos-contract-card [part~="title"]');
      await expect.poll(() => contractCard.count(), { timeout: 30_000 }).toBe(1);
      await page.locator('kitos-contract-card').screenshot({ path: 'test-results/live-demo-contract-card.png' });

      // Projects: the card opens from the overview and edits in place; "Nyt projekt" sits with the
      // other create buttons.
      await page.click('#tab-projects');
      expect(await page.locator('.create-row kitos-project-create [part~="create-button"]').textContent()).toContain(
        'Nyt projekt',
      );
      await page.locator('kitos-overview [part~="link"]').first().click();
      const projectCard = page.locator('kitos-project-card [part~="title"]');
      await expect.poll(() => projectCard.count(), { timeout: 30_000 }).toBe(1);
      await page.locator('kitos-project-card [part~="edit-button"]').click();
      const projectName = page.locator('kitos-project-card kitos-project-editor #f-name');
      await expect.poll(() => projectName.count(), { timeout: 30_000 }).toBe(1);
      await projectName.fill(`${await projectName.inputValue()} (demo)`);
      await page.locator('kitos-project-card kitos-project-editor [part~="save"]').click();
      await expect
        .poll(() => page.locator('kitos-project-card [part~="title"]').textContent(), { timeout: 30_000 })
        .toMatch(/\(demo\)$/);
      await page.locator('kitos-project-card').screenshot({ path: 'test-results/live-demo-project-card.png' });
      await page.click('#tab-contracts');

      // "Fælles": what the municipalities share with each other, from the same server.
      await page.click('#tab-coordination');
      await expect
        .poll(() => page.locator('kitos-catalogue [part~="count"]').textContent(), { timeout: 30_000 })
        .toMatch(/^[\d.]+ systemer$/);
      await expect
        .poll(() => page.locator('kitos-procurement-radar [part~="entry"]').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      // The radar from the point of view of the viewer's own contract on that system.
      await expect
        .poll(() => page.locator('kitos-procurement-radar [part~="like-mine-table"] tbody tr').count(), {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      await expect
        .poll(() => page.locator('kitos-similar-landscapes [part~="organization"]').count(), { timeout: 30_000 })
        .toBe(1);
      // How much of the portfolio stands on the joint reference architecture the demo ties systems to.
      await expect
        .poll(() => page.locator('kitos-architecture-coverage [part~="summary"] p').textContent(), { timeout: 30_000 })
        .toMatch(/^\s*[1-9]\d* af [\d.]+ systemer i brug \(\d+ %\) er knyttet/);
      await expect
        .poll(() => page.locator('kitos-architecture-coverage [part~="elements"] tbody tr').first().textContent())
        .toMatch(/^\s*Serviceplatformen\s*[1-9]/);
      expect(await page.locator('#overview-panel').isHidden()).toBe(true);
      await page.screenshot({ path: 'test-results/live-demo-coordination.png', fullPage: true });
      await page.click('#tab-contracts');
      expect(await page.locator('#coordination-panel').isHidden()).toBe(true);
      // One tab is selected at a time, also going from a view (the GDPR register) back to a kind.
      const selectedTabs = () =>
        page.locator('[role=tab][aria-selected="true"]').evaluateAll((tabs) => tabs.map((t) => t.id));
      await page.click('#tab-gdpr');
      expect(await selectedTabs()).toEqual(['tab-gdpr']);
      await page.click('#tab-coordination');
      expect(await selectedTabs()).toEqual(['tab-coordination']);
      await page.click('#tab-contracts');
      expect(await selectedTabs()).toEqual(['tab-contracts']);

      // The other municipality's user: its own portfolio, and the open card is refused.
      const other = await page.locator('#user option').nth(1).getAttribute('value');
      await page.selectOption('#user', other!);
      await expect.poll(title, { timeout: 30_000 }).not.toBe(firstTitle);
      await expect
        .poll(() => page.locator('#permission').textContent(), { timeout: 30_000 })
        .toContain('kan ikke se det åbne kort');
      await expect.poll(() => page.locator('kitos-contract-card [part~="title"]').count()).toBe(0);
      await expect.poll(count, { timeout: 30_000 }).toBe('300 kontrakter');
      await expect.poll(() => page.locator('kitos-overview [part~="link"]').count()).toBeGreaterThan(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: 'test-results/live-demo-switched.png' });
      // A return visit goes on with the session it has (the switched user), without signing in again.
      const switchedTitle = await title();
      const signIns: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/session')) signIns.push(r.url());
      });
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      expect(await title()).toBe(switchedTitle);
      await expect.poll(() => page.locator('kitos-overview [part~="link"]').count()).toBeGreaterThan(0);
      expect(signIns).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await stop(first.child);
    }
    // The second start reuses the file.
    const second = await start();
    try {
      expect(second.log.some((l) => l.startsWith('Seeded'))).toBe(false);
      const health = await fetch(`${second.url}/api/v2/x-os2kitos/overviews/usages/columns`);
      expect(health.status).toBe(401);
    } finally {
      await stop(second.child);
    }
  }, 240_000);
});
