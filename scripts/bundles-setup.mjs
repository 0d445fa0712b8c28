// vitest globalSetup of the tests that read rollup's output instead of the sources (the dist smoke
// test and the embed example; see vitest.config.ts). It runs `rollup -c` once before them when a
// bundle is missing or older than anything it is built from, so `npx vitest run` works on a fresh
// clone without `npm run build`. After a build (as `npm test` does first) it only compares file
// times and builds nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Everything a bundle is built from. Test files are left out: no bundle contains them, and editing
 * one should not cost a rebuild. Dependencies count through package-lock.json.
 */
export function bundleInputs() {
  const packages = readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p));
  return [
    ...packages.map((p) => join(p, 'src')),
    ...packages.map((p) => join(p, 'package.json')),
    join(root, 'examples/embed/embed.ts'),
    join(root, 'rollup.config.js'),
    join(root, 'tsconfig.base.json'),
    join(root, 'package-lock.json'),
  ];
}

/** The files rollup.config.js writes: `<dir>/<entry>.js` for library builds, `file` for bundles. */
export async function bundleOutputs() {
  const { default: configs } = await import(join(root, 'rollup.config.js'));
  return configs.flatMap((config) => {
    const output = config.output;
    if (output.file) return [resolve(root, output.file)];
    // One input into a directory (the one-script bundles, whose edit modes are chunks beside them)
    // names its file through entryFileNames.
    if (typeof config.input === 'string') return [resolve(root, output.dir, output.entryFileNames)];
    return Object.keys(config.input).map((name) => resolve(root, output.dir, `${name}.js`));
  });
}

const isTest = (file) => /\.test\.[cm]?[jt]s$/.test(file);

/** The newest modification time among the files (and the files under the directories) given. */
function newest(paths) {
  let time = 0;
  let which = '';
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && !isTest(e.name))
          .map((e) => join(e.parentPath, e.name))
      : [path];
    for (const file of files) {
      const mtime = statSync(file).mtimeMs;
      if (mtime > time) [time, which] = [mtime, file];
    }
  }
  return { time, which };
}

/** Why the outputs must be rebuilt from the inputs, or `null` when every output is newer than every input. */
export function staleReason(inputs, outputs) {
  const missing = outputs.find((file) => !existsSync(file));
  if (missing) return `${relative(root, missing)} is missing`;
  const input = newest(inputs);
  const oldest = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return input.time > oldest ? `${relative(root, input.which)} changed since the last build` : null;
}

export default async function setup() {
  const reason = staleReason(bundleInputs(), await bundleOutputs());
  if (!reason) return;
  console.log(`[kitos] building the bundles (${reason}): npm run build:bundles`);
  const result = spawnSync('npm', ['run', 'build:bundles'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:bundles failed (exit code ${result.status})`);
}
