// One shared build for every package (docs/decisions/0002):
// - library builds: ESM, one file per public entry, every bare import external (lit, zod, drivers,
//   sibling packages), so an app's bundler decides what to include;
// - the embed bundle: widgets + Lit + core + zod in one minified file for a single <script> tag.
// Type declarations come from `tsc -b` (npm run build:types), not from rollup.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { existsSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import esbuild from 'rollup-plugin-esbuild';
import { pureTopLevel } from './scripts/pure-top-level.mjs';

const require = createRequire(import.meta.url);
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', sourceMap: true });
const isBare = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

// zod 4 has comments rollup cannot place and benign cycles; everything else stays loud.
function onwarn(warning, warn) {
  const ids = [warning.id, ...(warning.ids ?? [])].filter(Boolean).join(' ');
  if (ids.includes('node_modules/zod') && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
}

/**
 * Removes a package's dist/chunks before its library build. Chunk names carry a content hash, so
 * without this every change would leave the old chunks behind, and `npm pack` would ship them.
 */
function cleanChunks(pkg) {
  return {
    name: 'clean-chunks',
    buildStart() {
      rmSync(`packages/${pkg}/dist/chunks`, { recursive: true, force: true });
    },
  };
}

/**
 * Core's sources import zod as `import { z } from 'zod'`, and a library build keeps that import as it
 * is. zod's `z` is a namespace object re-exported by name, and esbuild cannot see through it: an app
 * that uses one schema then gets the whole namespace (every schema, JSON Schema conversion and 40
 * locales: 132 KB gzip for the overview page instead of 55 KB with rollup). A namespace import,
 * zod's documented form, lets esbuild keep only the members used, as rollup does
 * (docs/decisions/0070). The rewrite is exact; any other form of zod import is left as written.
 */
export const ZOD_NAMED_IMPORT = "import { z } from 'zod';";
export function zodNamespaceImport({ include }) {
  return {
    name: 'zod-namespace-import',
    transform(code, id) {
      if (!id.startsWith(include) || !code.includes(ZOD_NAMED_IMPORT)) return null;
      const s = new MagicString(code);
      s.replaceAll(ZOD_NAMED_IMPORT, "import * as z from 'zod';");
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}

/**
 * A library build of one package: its entries → packages/<pkg>/dist/<name>.js.
 * `markPure`: mark the code that runs at load time (zod schemas, constant tables) as free of side
 * effects, so that an app's bundler drops what the app does not use (docs/decisions/0018). Only for
 * packages whose modules register nothing when loaded: core and storage-adapters, not widgets,
 * whose modules define custom elements.
 */
function library(pkg, entries, { markPure = false, plugins = [] } = {}) {
  const src = resolve(`packages/${pkg}/src`);
  return {
    input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, `packages/${pkg}/src/${file}`])),
    external: isBare,
    plugins: [
      ...plugins,
      cleanChunks(pkg),
      zodNamespaceImport({ include: `${src}/` }),
      ts(),
      ...(markPure ? [pureTopLevel({ include: [`${src}/`] })] : []),
    ],
    output: {
      dir: `packages/${pkg}/dist`,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    onwarn,
  };
}

/**
 * Resolves sibling workspace packages to their sources, so the embed bundle never needs a prior
 * build. The packages declare "sideEffects": false; the plugin keeps that promise for every core
 * source file, so unused modules (and zod with them) are tree-shaken out of the bundle.
 */
function workspaceSources() {
  const map = {
    '@os2kitos/core': 'packages/core/src/index.ts',
    '@os2kitos/widgets': 'packages/widgets/src/index.ts',
    '@os2kitos/storage-adapters/sqljs': 'packages/storage-adapters/src/sqljs/index.ts',
  };
  const coreSrc = resolve('packages/core/src');
  return {
    name: 'workspace-sources',
    resolveId(id, importer) {
      if (map[id]) return { id: resolve(map[id]), moduleSideEffects: id === '@os2kitos/core' ? false : null };
      if (importer?.startsWith(coreSrc) && id.startsWith('.')) {
        const target = resolve(dirname(importer), id.replace(/\.js$/, '.ts'));
        if (existsSync(target)) return { id: target, moduleSideEffects: false };
      }
      return null;
    },
  };
}

/**
 * The usage editor's schema checks as a file of their own beside a build. Rollup puts each module
 * in one chunk, and zod's parser lives in modules the read-only widgets load too (in an app's
 * build, core is even one module): left in, calling it from the edit chunk would add 9–15 KB gzip
 * to every page that shows a card. So the edit chunk imports `target`, built by
 * {@link validationBundle} with its own copy of the parts of core and zod it needs, and loaded only
 * with the edit mode.
 */
const VALIDATE_MODULE = resolve('packages/widgets/src/internal/edit/usage-validate.ts');
function separateValidation(target) {
  const placeholder = '\0kitos-usage-validate';
  return {
    name: 'separate-validation',
    resolveId(id, importer) {
      if (
        importer &&
        id.startsWith('.') &&
        resolve(dirname(importer), id.replace(/\.js$/, '.ts')) === VALIDATE_MODULE
      ) {
        return { id: placeholder, external: true };
      }
      return null;
    },
    // The import is written relative to each chunk, so the files keep working wherever the folder
    // is served from.
    renderChunk(code, chunk, options) {
      if (!code.includes(placeholder)) return null;
      const from = dirname(resolve(options.dir ?? dirname(options.file), chunk.fileName));
      const path = relative(from, resolve(target)).split(sep).join('/');
      const s = new MagicString(code);
      s.replaceAll(placeholder, path.startsWith('.') ? path : `./${path}`);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}

/** The schema checks for {@link separateValidation}, minified, into `target`. */
function validationBundle(target) {
  return {
    input: VALIDATE_MODULE,
    plugins: [
      workspaceSources(),
      browserResolve(),
      ts(),
      pureTopLevel({ include: [`${resolve('packages/core/src')}/`] }),
      terser(),
    ],
    output: { file: target, format: 'es', sourcemap: true },
    onwarn,
  };
}

/**
 * Resolution for the browser bundles, always with the `production` condition: without it,
 * @rollup/plugin-node-resolve picks `development` whenever NODE_ENV is set to anything else (vitest
 * sets `test`, so a build started from a test's global setup shipped Lit's development build, with
 * its console warning and extra checks).
 */
function browserResolve() {
  return nodeResolve({ browser: true, exportConditions: ['browser', 'production'] });
}

/** Copies sql.js's browser wasm next to a bundle that loads it with `new URL(file, import.meta.url)`. */
export function sqlWasmAsset() {
  return {
    name: 'sql-wasm',
    async buildStart() {
      this.emitFile({
        type: 'asset',
        fileName: 'sql-wasm-browser.wasm',
        source: await readFile(require.resolve('sql.js/dist/sql-wasm-browser.wasm')),
      });
    },
  };
}

/** The per-element subpaths of @os2kitos/widgets (package.json `exports`, src/entries/<name>.ts). */
const WIDGET_ENTRIES = [
  'overview',
  'usage-card',
  'usage-create',
  'contract-card',
  'contract-create',
  'registration-card',
  'registration-create',
  'project-card',
  'project-create',
  'contract-deadlines',
  'notifications',
  'org-tree',
  'roles',
  'relation-graph',
  'provider',
  'status-badge',
  'catalogue',
  'procurement-radar',
  'similar-landscapes',
  'architecture-coverage',
  'data-quality',
  'gdpr-register',
];

export default [
  library('core', { index: 'index.ts' }, { markPure: true }),
  library(
    'storage-adapters',
    {
      index: 'index.ts',
      memory: 'memory/index.ts',
      sqljs: 'sqljs/index.ts',
      'sqljs-node': 'sqljs/node.ts',
      'better-sqlite3': 'better-sqlite3/index.ts',
      postgres: 'postgres/index.ts',
      testing: 'testing/index.ts',
    },
    { markPure: true },
  ),
  // The all-in-one entry plus one entry per element (`@os2kitos/widgets/overview`, …): a page that
  // imports one subpath defines only that element and loads only what it uses. Code shared by
  // several entries lands in dist/chunks/, which package.json lists under "sideEffects" because
  // the element definitions (customElements.define) may end up there.
  library(
    'widgets',
    {
      index: 'index.ts',
      ...Object.fromEntries(WIDGET_ENTRIES.map((name) => [name, `entries/${name}.ts`])),
    },
    { plugins: [separateValidation('packages/widgets/dist/usage-validate.js')] },
  ),
  validationBundle('packages/widgets/dist/usage-validate.js'),
  library('io', { index: 'index.ts' }),
  library('server', { index: 'index.ts', cli: 'cli.ts' }),
  {
    // The one-script-tag embed: every widget with Lit, core and zod, minified. Core's sources get
    // the same pure markers as its library build (only core's: the widget modules define elements),
    // so the schemas the widgets never use are dropped here too.
    // src/bundle.ts defines the provider and the status badge at once and every other element on
    // first use (docs/decisions/0070): each element's module is a chunk beside the bundle.
    input: 'packages/widgets/src/bundle.ts',
    // The edit chunks import what they share from the bundle itself, instead of both importing a
    // third file: the page still loads one file to read.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      separateValidation('packages/widgets/dist/kitos-widgets.bundle.validate.js'),
      workspaceSources(),
      browserResolve(),
      ts(),
      pureTopLevel({ include: [`${resolve('packages/core/src')}/`] }),
      terser(),
    ],
    // The edit modes are loaded on first use (dynamic imports): they go in a chunk beside the bundle,
    // which the bundle loads from its own URL, so a page that only reads never downloads them.
    // experimentalMinChunkSize reports how many chunks it merged, at info level, on every build.
    onLog(level, log, handler) {
      if (log.code !== 'OPTIMIZE_CHUNK_STATUS') handler(level, log);
    },
    output: {
      dir: 'packages/widgets/dist',
      entryFileNames: 'kitos-widgets.bundle.js',
      chunkFileNames: 'kitos-widgets.bundle.[name]-[hash].js',
      // Code shared by a few elements is merged into a larger chunk that is loaded anyway, rather than
      // fetched as a file of a few hundred bytes of its own.
      experimentalMinChunkSize: 4000,
      format: 'es',
      sourcemap: true,
    },
    onwarn,
  },
  validationBundle('packages/widgets/dist/kitos-widgets.bundle.validate.js'),
  {
    // Example 1 (examples/embed): every widget, core, the sql.js adapter and its wasm, for one
    // <script> tag that reads a published snapshot. sql.js is UMD, hence commonjs().
    input: 'examples/embed/embed.ts',
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      separateValidation('examples/embed/dist/kitos-embed.validate.js'),
      workspaceSources(),
      browserResolve(),
      commonjs(),
      ts(),
      terser(),
      sqlWasmAsset(),
    ],
    output: {
      dir: 'examples/embed/dist',
      entryFileNames: 'kitos-embed.js',
      chunkFileNames: 'kitos-embed.[name]-[hash].js',
      format: 'es',
      sourcemap: true,
    },
    onwarn,
  },
  validationBundle('examples/embed/dist/kitos-embed.validate.js'),
];
