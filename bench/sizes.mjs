// Gzip sizes of each package build and of the one-script embed bundle (widgets + Lit + core + zod).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function measure(name, file) {
  const raw = readFileSync(file);
  return { name, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}

/** Sizes of the built files; run `npm run build` first. */
export function measureSizes() {
  const out = [];
  for (const pkg of ['core', 'storage-adapters', 'io', 'widgets']) {
    const dir = join('packages', pkg, 'dist');
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.js') && !f.includes('bundle'));
    const total = files.reduce(
      (acc, f) => {
        const m = measure(f, join(dir, f));
        return { raw: acc.raw + m.raw, gzip: acc.gzip + m.gzip };
      },
      { raw: 0, gzip: 0 },
    );
    out.push({ name: `@os2kitos/${pkg} (library build, dependencies external)`, ...total });
  }
  const bundle = 'packages/widgets/dist/kitos-widgets.bundle.js';
  if (existsSync(bundle)) out.push(measure('embed bundle: every widget + Lit + core + zod', bundle));
  return out;
}
