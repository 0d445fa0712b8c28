// Gzip sizes of each package build, of the one-script embed bundle (widgets + Lit + core + zod, from
// the sources) and of pages an app builds from the published packages (bench/consumer.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_PAGES, bundleForApp } from './consumer.mjs';

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
  for (const pkg of ['core', 'storage-adapters', 'widgets']) {
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
  if (existsSync(bundle)) out.push(measure('embed bundle: every widget + Lit + core + zod', bundle));
  if (existsSync('packages/widgets/dist/index.js')) {
    for (const page of APP_PAGES) {
      for (const bundler of ['rollup', 'esbuild']) {
        const { raw, gzip } = await bundleForApp(page.code, bundler);
        out.push({ name: `app bundle from npm, ${page.name} (${page.what}) + Lit + core, ${bundler}`, raw, gzip });
      }
    }
  }
  return out;
}
