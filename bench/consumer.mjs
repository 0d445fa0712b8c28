// Bundles a page the way an app that installed the packages from npm would: bare imports of
// `@os2kitos/*` resolve through each package.json `exports` to the built `dist/` files (default and
// browser conditions, never `development`), the packages' "sideEffects" fields apply, and the
// result is minified. Unlike the embed bundle (rollup.config.js), nothing here reads the sources,
// so this measures what the published packages give an app. Run `npm run build` first.
//
// Two bundlers, because apps use both and they tree-shake differently: rollup + terser (as Vite
// builds for production) and esbuild (its own minifier).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { build } from 'esbuild';
import { rollup } from 'rollup';

// The page's imports resolve from the repository, where node_modules/@os2kitos/* link to packages/*.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = join(ROOT, 'bench', 'app-page.js'); // never written: the page is served from memory

/**
 * The pages measured in `npm run bench` (bench/sizes.mjs): every widget, the largest widget, and
 * the widget that calls into core at run time (date functions), which is the one whose size depends
 * on core being tree-shakeable (the overview only uses core's types).
 */
export const APP_PAGES = [
  { name: 'every widget', what: 'all-in-one @os2kitos/widgets', code: "import '@os2kitos/widgets';\n" },
  { name: 'one widget', what: '@os2kitos/widgets/overview', code: "import '@os2kitos/widgets/overview';\n" },
  // A card: its edit mode is a dynamic import, which esbuild without code splitting puts in the page.
  { name: 'one widget', what: '@os2kitos/widgets/usage-card', code: "import '@os2kitos/widgets/usage-card';\n" },
  {
    name: 'one widget',
    what: '@os2kitos/widgets/contract-deadlines',
    code: "import '@os2kitos/widgets/contract-deadlines';\n",
  },
];

async function withRollup(code, minify) {
  const bundle = await rollup({
    input: PAGE,
    plugins: [
      { name: 'app-page', resolveId: (id) => (id === PAGE ? id : null), load: (id) => (id === PAGE ? code : null) },
      // An app's production build. Pinned, because the plugin otherwise adds `development` whenever
      // NODE_ENV is set to something else than production (vitest sets "test"), and that condition
      // would resolve our packages to their sources.
      nodeResolve({ browser: true, exportConditions: ['production'] }),
    ],
    onwarn(warning) {
      // Circular imports and misplaced annotations inside zod are zod's own business; an import that
      // does not resolve means the package exports are broken.
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es', plugins: minify ? [terser()] : [] });
    return { code: output[0].code, modules: Object.keys(output[0].modules) };
  } finally {
    await bundle.close();
  }
}

async function withEsbuild(code, minify, splitting = false) {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, sourcefile: PAGE, loader: 'js' },
    bundle: true,
    minify,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    ...(splitting ? { splitting: true, outdir: join(ROOT, 'bench', 'app-out'), entryNames: 'page' } : {}),
  });
  const outputs = result.metafile.outputs;
  if (!splitting) {
    const inputs = Object.values(outputs)[0].inputs;
    return {
      code: result.outputFiles[0].text,
      modules: Object.keys(inputs).filter((id) => inputs[id].bytesInOutput > 0),
    };
  }
  // With splitting, what the page loads first: the entry and the chunks it imports statically (the
  // dynamic imports, such as the cards' edit modes, come later).
  const entry = Object.keys(outputs).find((k) => k.endsWith('/page.js'));
  const first = new Set();
  const walk = (key) => {
    if (first.has(key)) return;
    first.add(key);
    for (const i of outputs[key].imports) if (i.kind === 'import-statement' && !i.external) walk(i.path);
  };
  walk(entry);
  const files = [...first].map((key) => result.outputFiles.find((f) => f.path === join(ROOT, key)));
  const inputs = Object.assign({}, ...[...first].map((key) => outputs[key].inputs));
  return {
    code: files.map((f) => f.text).join('\n'),
    modules: Object.keys(inputs).filter((id) => inputs[id].bytesInOutput > 0),
  };
}

/** The bundlers measured: 'esbuild-splitting' is esbuild with code splitting, measured as the files a page loads first. */
export const BUNDLERS = ['rollup', 'esbuild', 'esbuild-splitting'];

/**
 * Bundles `code` (an ES module, e.g. `import '@os2kitos/widgets/overview';`) with `bundler`
 * ('rollup', 'esbuild' or 'esbuild-splitting'); returns the code, its raw and gzip -9 sizes in bytes and the modules
 * that contributed to it. `minify: false` skips minification (tests that read the output; faster).
 */
export async function bundleForApp(code, bundler = 'rollup', { minify = true } = {}) {
  const out =
    bundler === 'rollup'
      ? await withRollup(code, minify)
      : await withEsbuild(code, minify, bundler === 'esbuild-splitting');
  const bytes = Buffer.from(out.code);
  return { ...out, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
