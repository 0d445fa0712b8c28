// The build step that marks core's load-time code as pure (scripts/pure-top-level.mjs,
// docs/decisions/0018): what it marks, what it must leave alone, and that bundlers then really drop
// an unused schema chain while a used one keeps everything it needs.
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { markPureCalls } from '../../../scripts/pure-top-level.mjs';

const MARK = '/*#__PURE__*/ ';
const mark = (code: string): string => markPureCalls(code, parseAst(code), 'test.js')?.code ?? code;
/** Evaluates an ES module's source and returns its exports. */
const load = (code: string) => import(`data:text/javascript,${encodeURIComponent(code)}`);

describe('marking load-time calls', () => {
  it('marks a chain once, at its start, and the calls in its arguments', () => {
    expect(mark('export const A = z.strictObject({ a: z.string().max(2), b: [z.number()] }).extend({ c: f() });')).toBe(
      `export const A = ${MARK}z.strictObject({ a: ${MARK}z.string().max(2), b: [${MARK}z.number()] }).extend({ c: ${MARK}f() });`,
    );
    expect(mark('const B = new Map([[1, g()]]);')).toBe(`const B = ${MARK}new Map([[1, ${MARK}g()]]);`);
    expect(mark('export default f(1);')).toBe(`export default ${MARK}f(1);`);
  });

  it('wraps an initialiser whose property reads would keep it: a marker covers calls only', () => {
    expect(mark('const U = z.union([Kind.schema, S]);')).toBe(
      `const U = /*#__PURE__*/ (() => (${MARK}z.union([Kind.schema, S])))();`,
    );
    expect(mark('const O = { ...A.shape, b: 1 };')).toBe('const O = /*#__PURE__*/ (() => ({ ...A.shape, b: 1 }))();');
  });

  it('leaves function bodies, expression statements and known side effects alone', () => {
    const untouched = [
      'function f() { return z.string(); }',
      'const f = () => z.string();',
      'const o = { m() { return g(); } };',
      "customElements.define('kitos-x', X);",
      'if (!registry.has(k)) registry.set(k, make());',
      'const r = schema.register(registry, { id: "x" });',
      'const a = Object.assign(existing, { b: 1 });',
      'const once = (() => { counter++; return 1; })();',
      'const x = a.b = c();',
      'const d = await load();',
    ];
    for (const code of untouched) expect(mark(code), code).toBe(code);
    // A fresh literal may be frozen or assigned to: the call changes nothing else.
    expect(mark('const F = Object.freeze({ a: 1 });')).toBe(`const F = ${MARK}Object.freeze({ a: 1 });`);
  });

  it('never wraps a slot that also holds a side effect, but still marks its other calls', () => {
    expect(mark('const m = [f(x.y), registry.register(s)];')).toBe(`const m = [${MARK}f(x.y), registry.register(s)];`);
  });

  it('leaves a chain unmarked when a call in it has a side effect, since one marker covers all', () => {
    const chains = ['const s = z.string().register(reg, {}).describe("x");', 'const t = register`x`;'];
    for (const code of chains) expect(mark(code), code).toBe(code);
    expect(mark('const u = f(g()).h(reg.add(k));')).toBe(`const u = ${MARK}f(${MARK}g()).h(reg.add(k));`);
  });

  it('keeps the name a function or class takes from its variable', async () => {
    const out = mark('export const f = () => A.b; export const C = class { static s = g(A.b); };');
    expect(out).not.toContain('(() => (() =>');
    const mod = await load(`const A = { b: 1 }; const g = (x) => x; ${out}`);
    expect([mod.f.name, mod.C.name, mod.C.s]).toEqual(['f', 'C', 1]);
  });

  it('places markers by character, also after non-ASCII text', async () => {
    const code = "const æøå = 'Ørestad ™ 😀'; export const S = wrap(String(æøå), pick(T.x)); export const n = 1;";
    const out = mark(code);
    expect(out).toBe(
      `const æøå = 'Ørestad ™ 😀'; export const S = /*#__PURE__*/ (() => (${MARK}wrap(${MARK}String(æøå), ${MARK}pick(T.x))))(); export const n = 1;`,
    );
    const prelude = 'const wrap = (a, b) => a + b; const pick = (x) => x; const T = { x: "!" };';
    expect((await load(`${prelude} ${out}`)).S).toBe('Ørestad ™ 😀!');
  });

  it('returns a source map for the inserted markers', () => {
    const code = 'export const A = z.object({ a: z.string() });\n';
    const result = markPureCalls(code, parseAst(code), 'a.js');
    expect(result.map.sources).toEqual(['a.js']);
    expect(result.map.mappings).not.toBe('');
  });
});

// A small "library" whose schemas log their construction, bundled the way an app would.
const LIB_SOURCE = `
  const log = (globalThis.__built ??= []);
  const z = { object: (s) => (log.push('object'), { s, extend: (e) => (log.push('extend'), { ...s, ...e }) }) };
  const Fields = z.object({ a: 1 });
  export const Used = z.object({ ...Fields.s, b: 2 }).extend({ c: 3 });
  export const Unused = z.object({ x: z.object({ y: 1 }) }).extend(Fields.s);
`;
const APP = "import { Used } from './lib.js'; export const value = Used;";

async function withRollup(lib: string): Promise<string> {
  const files: Record<string, string> = { '/app.js': APP, '/lib.js': lib };
  const bundle = await rollup({
    input: '/app.js',
    plugins: [
      {
        name: 'memory',
        resolveId: (id) => (id === './lib.js' ? '/lib.js' : id in files ? id : null),
        load: (id) => files[id] ?? null,
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  return output[0].code;
}

async function withEsbuild(lib: string): Promise<string> {
  const result = await build({
    stdin: { contents: APP, resolveDir: '/', loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'memory',
        setup(b) {
          b.onResolve({ filter: /^\.\/lib\.js$/ }, () => ({ path: '/lib.js', namespace: 'memory' }));
          b.onLoad({ filter: /.*/, namespace: 'memory' }, () => ({ contents: lib, loader: 'js' }));
        },
      },
    ],
  });
  return result.outputFiles[0]?.text ?? '';
}

describe.each([
  ['rollup', withRollup],
  ['esbuild', withEsbuild],
])('%s and the marked output', (_name, bundle) => {
  it('keeps an unused schema chain without the markers (the problem)', async () => {
    expect(await bundle(LIB_SOURCE)).toContain('y: 1');
  });

  it('drops an unused schema chain with them, and keeps a used one whole', async () => {
    const code = await bundle(mark(LIB_SOURCE));
    expect(code).not.toContain('Unused');
    expect(code).not.toContain('y: 1');
    const globals = globalThis as { __built?: string[] };
    globals.__built = [];
    expect((await load(code)).value).toEqual({ a: 1, b: 2, c: 3 });
    expect(globals.__built).toEqual(['object', 'object', 'extend']);
  });
});
