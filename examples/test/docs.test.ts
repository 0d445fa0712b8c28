// The guides cannot rot: every ```ts block in docs/guides/*.md is type-checked against the sources,
// and run (its node:assert lines are the checks) unless its fence says `ts compile`. A block marked
// `ts setup` is also put in front of every later block of the same guide, so a guide can build its
// example data once and continue from it.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const guides = join(root, 'docs/guides');
const out = join(root, '.kitos-test/docs');

interface Block {
  guide: string;
  index: number;
  file: string;
  run: boolean;
  line: number;
}

function extract(): Block[] {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const blocks: Block[] = [];
  for (const guide of readdirSync(guides)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const text = readFileSync(join(guides, guide), 'utf8');
    let index = 0;
    let setup = '';
    for (const m of text.matchAll(/^```ts([^\n]*)\n([\s\S]*?)^```/gm)) {
      const flags = (m[1] ?? '').trim().split(/\s+/);
      const file = join(out, `${guide.replace(/\.md$/, '')}-${++index}.ts`);
      writeFileSync(file, `${setup}${m[2]}\nexport {};\n`);
      if (flags.includes('setup')) setup += `${m[2]}\n`;
      blocks.push({
        guide,
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

describe('code blocks in docs/guides', () => {
  it('exist', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });
  describe.each(blocks)('$guide block $index (line $line)', (block) => {
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
