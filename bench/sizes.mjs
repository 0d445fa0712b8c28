// Gzip sizes of each package build, of the one-script embed bundle (widgets + Lit + core + zod, from
// the sources) and of pages an app builds from the published packages (bench/consumer.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_PAGES, BUNDLERS, bundleForApp } from './consumer.mjs';

function measure(name, file) {
  const raw = readFileSync(file);
  return { name, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}

/** The library build's files: the entries in dist/ and the code they share in dist/chunks/. */
function libraryFiles(dir) {
  const js = (d) =>
    existsSync(d)
      ? readdirSync(d)
          .filter((f) => f.endsWith('.js') && !f.includes('bundle'))
          .map((f) => join(d, f))
      : [];
  return [...js(dir), ...js(join(dir, 'chunks'))];
}

/** Sizes of the built files and of the app pages; run `npm run build` first. */
export async function measureSizes() {
  const out = [];
  for (const pkg of ['core', 'storage-adapters', 'io', 'widgets']) {
    const dir = join('packages', pkg, 'dist');
    if (!existsSync(dir)) continue;
    const total = libraryFiles(dir).reduce(
      (acc, file) => {
        const m = measure(file, file);
        return { raw: acc.raw + m.raw, gzip: acc.gzip + m.gzip };
      },
      { raw: 0, gzip: 0 },
    );
    out.push({ name: `@os2kitos/${pkg} (library build, dependencies external)`, ...total });
  }
  const bundle = 'packages/widgets/dist/kitos-widgets.bundle.js';
  if (existsSync(bundle)) {
    // The file a page with the one script tag loads first: the provider, the badge, the clients and
    // the loader that defines every other element on first use (docs/decisions/0070).
    out.push(measure('embed bundle: first file (provider, badge, clients, loader) + Lit + core', bundle));
    // Not a budget line: the first file with the element most pages show, and every file together.
    const dir = 'packages/widgets/dist';
    const chunks = readdirSync(dir).filter((f) => f.startsWith('kitos-widgets.bundle.') && f.endsWith('.js'));
    const overview = chunks
      .filter((f) => /^kitos-widgets\.bundle\.overview-/.test(f))
      .map((f) => measure(f, join(dir, f)));
    const sum = (ms) => ms.reduce((a, m) => ({ raw: a.raw + m.raw, gzip: a.gzip + m.gzip }), { raw: 0, gzip: 0 });
    const first = measure('', bundle);
    out.push({ name: 'the same with the overview loaded (two files)', ...sum([first, ...overview]) });
    out.push({
      name: `the same with every element loaded (${chunks.length + 1} files)`,
      ...sum([first, ...chunks.map((f) => measure(f, join(dir, f)))]),
    });
  }
  if (existsSync('packages/widgets/dist/index.js')) {
    for (const page of APP_PAGES) {
      for (const bundler of BUNDLERS) {
        const { raw, gzip } = await bundleForApp(page.code, bundler);
        out.push({ name: `app bundle from npm, ${page.name} (${page.what}) + Lit + core, ${bundler}`, raw, gzip });
      }
    }
  }
  return out;
}
