// The built one-script embed bundle (packages/widgets/dist/kitos-widgets.bundle.js) in Chromium, as
// a page with one script tag meets it: elements are defined on first use (docs/decisions/0070), also
// when they are added later, and a property a page set on an element before its module arrived
// (`el.client = …` right after `createElement`) is still there after the upgrade.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devServerAndBrowser } from './dev-browser.js';

const BUNDLE = '/packages/widgets/dist/kitos-widgets.bundle.js';

describe('the built embed bundle, elements added after the page loaded', () => {
  const env = devServerAndBrowser();

  async function pageWithBundle(): Promise<{ page: Page; errors: string[] }> {
    expect(existsSync(`.${BUNDLE}`), 'the embed bundle is built by `npm run build`').toBe(true);
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // A page of the dev server's origin with nothing but the bundle's script tag.
    const blank = `${env.server.url}/embed-bundle-test.html`;
    await page.route(blank, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body><div id="host"></div><script type="module" src="${BUNDLE}"></script></body></html>`,
      }),
    );
    await page.goto(blank);
    await page.waitForFunction(() => customElements.get('kitos-provider') !== undefined, null, { timeout: 30_000 });
    return { page, errors };
  }

  it('keeps a client set on an element before its module arrived, and the element reads through it', async () => {
    const { page, errors } = await pageWithBundle();
    // A string, so that the test runner leaves the page's own dynamic import alone.
    const kept = await page.evaluate(`(async () => {
      const { createStaticClient } = await import('${BUNDLE}');
      const client = createStaticClient({});
      const catalogue = document.createElement('kitos-catalogue');
      catalogue.setAttribute('lang', 'en');
      const before = customElements.get('kitos-catalogue') === undefined;
      catalogue.client = client;
      document.getElementById('host').append(catalogue);
      await customElements.whenDefined('kitos-catalogue');
      // Lit takes the property over at the element's first update.
      await catalogue.updateComplete;
      return { before, same: catalogue.client === client };
    })()`);
    expect(kept).toEqual({ before: true, same: true });
    // The static client has no national catalogue: the element says so, which it can only know from
    // the client it was given (without one it asks for a client instead).
    await page.waitForFunction(
      () =>
        /not available from this data source/.test(
          document.querySelector('kitos-catalogue')?.shadowRoot?.textContent ?? '',
        ),
      null,
      { timeout: 30_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('defines an element added later by innerHTML', async () => {
    const { page, errors } = await pageWithBundle();
    const defined = await page.evaluate(async () => {
      const host = document.getElementById('host') as HTMLElement;
      const before = customElements.get('kitos-similar-landscapes') === undefined;
      host.innerHTML = '<kitos-similar-landscapes lang="en"></kitos-similar-landscapes>';
      await customElements.whenDefined('kitos-similar-landscapes');
      const el = host.firstElementChild as HTMLElement;
      return { before, upgraded: el.constructor === customElements.get('kitos-similar-landscapes') };
    });
    expect(defined).toEqual({ before: true, upgraded: true });
    await page.waitForFunction(
      () => (document.querySelector('kitos-similar-landscapes')?.shadowRoot?.textContent ?? '').trim().length > 0,
      null,
      { timeout: 30_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
