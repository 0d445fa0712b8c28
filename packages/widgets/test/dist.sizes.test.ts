// The one-widget budget (DESIGN §7: one widget + Lit + core ≤ 60 KB gzip) against the BUILT files,
// for both bundlers an app may use (bench/consumer.mjs), and for the one-script embed bundle, whose
// first file defines the other elements on first use (docs/decisions/0070). Run `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { bundleForApp } from '../../../bench/consumer.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUDGET = 60 * 1024;

describe('bundle sizes (dist)', () => {
  it.each(['rollup', 'esbuild'])(
    'an app page with the overview, built with %s, stays within 60 KB gzip',
    async (bundler) => {
      const { gzip, modules } = await bundleForApp("import '@os2kitos/widgets/overview';\n", bundler);
      expect(gzip).toBeLessThanOrEqual(BUDGET);
      // What used to double the esbuild page: zod's whole namespace, with every locale and the JSON
      // Schema import (rollup.config.js, zodNamespaceImport).
      const zod = (modules as string[]).filter((m) => m.includes('node_modules/zod/'));
      expect(zod.length).toBeGreaterThan(0); // the overview validates its query with core's schemas
      expect(zod.filter((m) => /locales\/(?!en\.js)|from-json-schema/.test(m))).toEqual([]);
    },
    120_000,
  ); // rollup takes a while on shared cores

  it('core keeps a namespace import of zod in its library build', () => {
    const core = readFileSync(`${root}packages/core/dist/index.js`, 'utf8');
    expect(core).toContain("import * as z from 'zod';");
    expect(core).not.toMatch(/import \{[^}]*\bz\b[^}]*\} from 'zod'/);
  });

  it('the first file of the embed bundle stays within 60 KB gzip', () => {
    const file = `${root}packages/widgets/dist/kitos-widgets.bundle.js`;
    expect(existsSync(file), `${file}: run npm run build`).toBe(true);
    expect(gzipSync(readFileSync(file), { level: 9 }).length).toBeLessThanOrEqual(BUDGET);
  });

  it('the browser bundles carry the production build of Lit, whatever NODE_ENV the build ran with', () => {
    for (const file of ['packages/widgets/dist/kitos-widgets.bundle.js', 'examples/embed/dist/kitos-embed.js']) {
      expect(existsSync(`${root}${file}`), `${file}: run npm run build`).toBe(true);
      expect(readFileSync(`${root}${file}`, 'utf8'), file).not.toContain('Lit is in dev mode');
    }
  });
});
