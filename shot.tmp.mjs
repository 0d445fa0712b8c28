import { chromium } from 'playwright-core';
const width = Number(process.argv[2] ?? 1440);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width, height: 1000 } });
const errors = [];
p.on('pageerror', (e) => errors.push(String(e)));
p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await p.goto('http://127.0.0.1:8147/', { waitUntil: 'load' });
await p.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
await p.click('#tab-coordination');
await p.waitForFunction(() => {
  const r = document.querySelector('kitos-procurement-radar');
  return r?.shadowRoot?.querySelector('[role="grid"]') && document.querySelector('kitos-similar-landscapes')?.shadowRoot?.querySelector('[part~="suggestion"]');
}, null, { timeout: 60000 });
const sys = await p.evaluate(() => document.querySelector('kitos-catalogue').shadowRoot.querySelectorAll('[part~="system"]')[1]?.click());
await p.waitForTimeout(1500);
const overflow = await p.evaluate(() => {
  const out = [];
  const check = (root, label) => { for (const el of root.querySelectorAll('*')) { if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && el.clientWidth > 0) out.push(label + ':' + el.tagName + '.' + el.className + '[' + (el.getAttribute('part')||'') + '] ' + el.scrollWidth + '>' + el.clientWidth); if (el.shadowRoot) check(el.shadowRoot, el.tagName); } };
  check(document, 'doc');
  return { doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth], out: out.slice(0, 15) };
});
console.log(JSON.stringify(overflow));
await p.screenshot({ path: `/tmp/coordw-${width}.png`, fullPage: true });
console.log('errors', errors.slice(0, 5));
await b.close();
