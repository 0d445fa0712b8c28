// The guides and READMEs cannot rot: every ```ts block in docs/guides/*.md, the root README.md and
// each package's README.md is type-checked against the sources, and run (its node:assert lines are
// the checks) unless its fence says `ts compile`. A block marked `ts setup` is also put in front of
// every later block of the same file, so a guide can build its example data once and continue from it.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, '.kitos-test/docs');

/** The checked Markdown files, relative to the repository root. */
function documents(): string[] {
  const guides = readdirSync(join(root, 'docs/guides'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/guides/${f}`);
  const readmes = readdirSync(join(root, 'packages'))
    .sort()
    .map((p) => `packages/${p}/README.md`)
    .filter((f) => existsSync(join(root, f)));
  return [...guides, 'README.md', ...readmes];
}

interface Block {
  doc: string;
  index: number;
  file: string;
  run: boolean;
  line: number;
}

function extract(): Block[] {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const blocks: Block[] = [];
  for (const doc of documents()) {
    const text = readFileSync(join(root, doc), 'utf8');
    let index = 0;
    let setup = '';
    for (const m of text.matchAll(/^```ts([^\n]*)\n([\s\S]*?)^```/gm)) {
      const flags = (m[1] ?? '').trim().split(/\s+/);
      const file = join(out, `${doc.replace(/\.md$/, '').replaceAll('/', '-')}-${++index}.ts`);
      writeFileSync(file, `${setup}${m[2]}\nexport {};\n`);
      if (flags.includes('setup')) setup += `${m[2]}\n`;
      blocks.push({
        doc,
        index,
        file,
        run: !flags.includes('compile'),
        line: text.slice(0, m.index).split('\n').length,
      });
    }
  }
  return blocks;
}

const blocks = extract();

let diagnostics: Map<string, string[]>;
beforeAll(() => {
  const program = ts.createProgram(
    blocks.map((b) => b.file),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      customConditions: ['development'],
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      useDefineForClassFields: false,
    },
  );
  diagnostics = new Map();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? '';
    const list = diagnostics.get(file) ?? [];
    list.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    diagnostics.set(file, list);
  }
}, 120_000);

describe('code blocks in the guides and READMEs', () => {
  it('exist', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });
  it('are found in every package README', () => {
    for (const p of readdirSync(join(root, 'packages'))) {
      expect(
        blocks.some((b) => b.doc === `packages/${p}/README.md`),
        `packages/${p}/README.md`,
      ).toBe(true);
    }
  });
  describe.each(blocks)('$doc block $index (line $line)', (block) => {
    it('type-checks', () => {
      expect(diagnostics.get(block.file) ?? []).toEqual([]);
    });
    // Compile-only blocks (browser-only APIs, files, servers) get no run test at all.
    if (block.run) {
      it('runs', async () => {
        await import(block.file);
      });
    }
  });
});
