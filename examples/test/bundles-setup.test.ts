// scripts/bundles-setup.mjs decides whether the tests that read rollup's output need a build first.
// It must build when a bundle is missing or older than a source, and must not build otherwise (or
// `npm test`, which builds first, would build twice).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { bundleInputs, bundleOutputs, staleReason } from '../../scripts/bundles-setup.mjs';

const root = resolve(import.meta.dirname, '../..');

describe('staleReason', () => {
  let dir: string;
  const file = (name: string, seconds: number) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, name);
    utimesSync(path, seconds, seconds);
    return path;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kitos-bundles-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is null when every output is newer than every input', () => {
    file('src/a.ts', 1000);
    file('src/deep/b.ts', 1100);
    const out = [file('dist/a.js', 2000), file('dist/b.js', 2001)];
    expect(staleReason([join(dir, 'src')], out)).toBeNull();
  });

  it('names a missing output', () => {
    file('src/a.ts', 1000);
    expect(staleReason([join(dir, 'src')], [join(dir, 'dist/a.js')])).toMatch(/dist\/a\.js is missing/);
  });

  it('names a source, also deep in a directory, changed after the oldest output', () => {
    file('src/a.ts', 1000);
    file('src/deep/b.ts', 3000);
    const out = [file('dist/a.js', 2000), file('dist/b.js', 4000)];
    expect(staleReason([join(dir, 'src')], out)).toMatch(/src\/deep\/b\.ts changed/);
  });

  it('ignores test files, which no bundle contains', () => {
    file('src/a.ts', 1000);
    file('src/a.test.ts', 3000);
    file('src/a.browser.test.ts', 3000);
    expect(staleReason([join(dir, 'src')], [file('dist/a.js', 2000)])).toBeNull();
  });
});

describe('the bundle tests’ inputs and outputs', () => {
  it('cover every file those tests read', async () => {
    const outputs: string[] = await bundleOutputs();
    for (const file of [
      'packages/core/dist/index.js',
      'packages/storage-adapters/dist/index.js',
      'packages/storage-adapters/dist/sqljs.js',
      'packages/storage-adapters/dist/better-sqlite3.js',
      'packages/widgets/dist/kitos-widgets.bundle.js',
      'examples/embed/dist/kitos-embed.js',
    ]) {
      expect(outputs).toContain(join(root, file));
    }
  });

  it('include every package’s sources and the embed example', () => {
    const inputs: string[] = bundleInputs();
    for (const dir of ['packages/core/src', 'packages/storage-adapters/src', 'packages/widgets/src']) {
      expect(inputs).toContain(join(root, dir));
    }
    expect(inputs).toContain(join(root, 'examples/embed/embed.ts'));
  });
});
