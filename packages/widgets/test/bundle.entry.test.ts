// The embed bundle's entry (src/bundle.ts) against the package entry (src/index.ts): every element
// of `@os2kitos/widgets` is in the bundle, defined at once or on first use, and every other value the
// package exports the bundle exports too (docs/decisions/0070). Read from the sources' syntax, so a
// new element added to index.ts and forgotten in bundle.ts fails here.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = new URL('../src/', import.meta.url);

interface Exports {
  /** Exported value name → the module it comes from. */
  values: Map<string, string>;
  /** Modules imported with `import(…)`. */
  dynamic: Set<string>;
}

function read(file: string): Exports {
  const sf = ts.createSourceFile(file, readFileSync(new URL(file, src), 'utf8'), ts.ScriptTarget.Latest, true);
  const values = new Map<string, string>();
  const dynamic = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) dynamic.add(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  for (const s of sf.statements) {
    if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause && ts.isNamedExports(s.exportClause)) {
      const from = s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : file;
      for (const e of s.exportClause.elements) if (!e.isTypeOnly) values.set(e.name.text, from);
    }
    visit(s);
  }
  return { values, dynamic };
}

/** Lives in the deadlines element's module, so the bundle would load that element at once to export it. */
const WITH_ITS_ELEMENT = ['deadlineUrgency'];
/**
 * Left out of the embed bundle on purpose: a static snapshot of several municipalities is for tests
 * and documentation built from npm, and would put the core's coordination code in the first file.
 */
const NOT_EMBEDDED = ['staticCoordination'];

describe('the embed bundle entry (src/bundle.ts)', () => {
  const index = read('index.ts');
  const bundle = read('bundle.ts');

  it('has every element of the package: defined at once, or loaded on first use', () => {
    const elements = [...index.values].filter(([name]) => /^Kitos[A-Z]/.test(name) && name !== 'KitosWidgetError');
    expect(elements.length).toBeGreaterThan(15);
    for (const [name, from] of elements) {
      expect(bundle.values.has(name) || bundle.dynamic.has(from), `${name} (${from})`).toBe(true);
    }
    // And nothing is both (an element defined at once has no loader).
    for (const [name, from] of elements) {
      expect(bundle.values.has(name) && bundle.dynamic.has(from), name).toBe(false);
    }
  });

  it('exports every other value the package exports', () => {
    const lazy = new Set([...index.values].filter(([, from]) => bundle.dynamic.has(from)).map(([name]) => name));
    const missing = [...index.values.keys()].filter(
      (name) =>
        !lazy.has(name) && !WITH_ITS_ELEMENT.includes(name) && !NOT_EMBEDDED.includes(name) && !bundle.values.has(name),
    );
    expect(missing).toEqual([]);
  });
});
