// The per-element subpaths (`@os2kitos/widgets/overview`, …) against the BUILT files, as an app gets
// them from npm: each subpath defines its own element (plus the status badge the overview and the
// cards show, and the reminders the cards can show) and no other, both when Node imports it and after an app's bundler has tree-shaken it.
// The second half guards package.json "sideEffects": the definitions live in dist/chunks/, and a
// bundler drops any file not listed there whose exports the page does not use.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { bundleForApp } from '../../../bench/consumer.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}packages/widgets/package.json`, 'utf8')) as {
  exports: Record<string, unknown>;
};

const ALL = [
  'kitos-provider',
  'kitos-status-badge',
  'kitos-contract-card',
  'kitos-contract-create',
  'kitos-contract-deadlines',
  'kitos-notifications',
  'kitos-org-tree',
  'kitos-overview',
  'kitos-relation-graph',
  'kitos-roles',
  'kitos-registration-card',
  'kitos-registration-create',
  'kitos-project-card',
  'kitos-project-create',
  'kitos-usage-card',
  'kitos-usage-create',
  'kitos-catalogue',
  'kitos-procurement-radar',
  'kitos-similar-landscapes',
  'kitos-architecture-coverage',
  'kitos-data-quality',
  'kitos-gdpr-register',
];
/** What each subpath must define, and nothing more. */
const EXPECTED: Record<string, string[]> = {
  '.': ALL,
  './overview': ['kitos-overview', 'kitos-status-badge'],
  './usage-card': ['kitos-usage-card', 'kitos-status-badge', 'kitos-notifications'],
  './contract-card': ['kitos-contract-card', 'kitos-status-badge', 'kitos-notifications'],
  './contract-deadlines': ['kitos-contract-deadlines'],
  './notifications': ['kitos-notifications'],
  './org-tree': ['kitos-org-tree'],
  './relation-graph': ['kitos-relation-graph'],
  './roles': ['kitos-roles'],
  './provider': ['kitos-provider'],
  './status-badge': ['kitos-status-badge'],
  './usage-create': ['kitos-usage-create'],
  './catalogue': ['kitos-catalogue'],
  './procurement-radar': ['kitos-procurement-radar'],
  './similar-landscapes': ['kitos-similar-landscapes'],
  './architecture-coverage': ['kitos-architecture-coverage'],
  './contract-create': ['kitos-contract-create'],
  './registration-card': ['kitos-registration-card', 'kitos-status-badge', 'kitos-notifications'],
  './registration-create': ['kitos-registration-create'],
  './project-card': ['kitos-project-card', 'kitos-notifications'],
  './project-create': ['kitos-project-create'],
  './data-quality': ['kitos-data-quality'],
  './gdpr-register': ['kitos-gdpr-register'],
};
/**
 * The edit modes' elements, loaded by a dynamic import on first use: rollup keeps them in chunks of
 * their own, esbuild (without code splitting) inlines them into the app bundle.
 */
const EDITOR = ['kitos-usage-editor', 'kitos-usage-delete'];
const CONTRACT_EDITOR = ['kitos-contract-editor', 'kitos-contract-delete'];
const REGISTRATION_EDITOR = ['kitos-registration-editor', 'kitos-registration-delete'];
const PROJECT_EDITOR = ['kitos-project-editor', 'kitos-project-delete'];
const LAZY: Record<string, string[]> = {
  '.': [
    ...EDITOR,
    ...CONTRACT_EDITOR,
    ...REGISTRATION_EDITOR,
    ...PROJECT_EDITOR,
    'kitos-usage-create-dialog',
    'kitos-contract-create-dialog',
    'kitos-registration-create-dialog',
    'kitos-project-create-dialog',
  ],
  './usage-card': EDITOR,
  './contract-card': CONTRACT_EDITOR,
  './registration-card': REGISTRATION_EDITOR,
  './registration-create': ['kitos-registration-create-dialog'],
  './project-card': PROJECT_EDITOR,
  './project-create': ['kitos-project-create-dialog'],
  './usage-create': ['kitos-usage-create-dialog'],
  './contract-create': ['kitos-contract-create-dialog'],
};
const specifier = (subpath: string) => `@os2kitos/widgets${subpath.slice(1)}`;
const sorted = (tags: Iterable<string>) => [...new Set(tags)].sort();

describe('@os2kitos/widgets subpaths (dist)', () => {
  it('package.json exports exactly the expected subpaths, each with built files and types', () => {
    const subpaths = Object.keys(pkg.exports).filter((s) => s !== './package.json');
    expect(subpaths.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const s of subpaths) {
      const entry = pkg.exports[s] as { default: string; types: string };
      expect(existsSync(`${root}packages/widgets/${entry.default}`), `${entry.default}: run npm run build`).toBe(true);
      expect(existsSync(`${root}packages/widgets/${entry.types}`), entry.types).toBe(true);
    }
  });

  // Node resolves the subpath through `exports` with its default conditions, so this imports dist/.
  // Lit's Node build provides a `customElements` registry; each import runs in a fresh process, so
  // one subpath's definitions cannot leak into another's result.
  it.each(Object.keys(EXPECTED))('importing %s in Node defines its elements and no others', async (subpath) => {
    const probe = `await import(${JSON.stringify(specifier(subpath))});
      const tags = ${JSON.stringify(ALL)};
      console.log(JSON.stringify(tags.filter((t) => customElements.get(t) !== undefined)));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', probe], { cwd: root });
    expect(sorted(JSON.parse(stdout))).toEqual(sorted(EXPECTED[subpath] ?? []));
  });

  // Unminified, so the definitions can be read back from the output.
  const bundles = Object.keys(EXPECTED).flatMap((s) => [[s, 'rollup'] as const, [s, 'esbuild'] as const]);
  it.each(bundles)('an app bundle of %s (%s) keeps exactly its definitions', async (subpath, bundler) => {
    const { code } = await bundleForApp(`import '${specifier(subpath)}';\n`, bundler, { minify: false });
    const defined = [...code.matchAll(/customElements\.define\(\s*["'](kitos-[a-z-]+)["']/g)].map((m) => m[1] ?? '');
    const lazy = bundler === 'esbuild' ? (LAZY[subpath] ?? []) : [];
    expect(sorted(defined)).toEqual(sorted([...(EXPECTED[subpath] ?? []), ...lazy]));
  });
});
