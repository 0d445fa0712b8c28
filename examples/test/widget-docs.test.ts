// The element reference in docs/guides/widgets.md is generated from the Custom Elements Manifest
// (scripts/widget-docs.mjs, `npm run docs:widgets`). This test analyzes the widget sources afresh
// (no build needed) and fails when the guide's tables differ from what the components' JSDoc says,
// so a changed attribute, event, part or custom property cannot leave the guide behind.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { analyzeWidgets, elementsOf, guidePath, renderElement, updateGuide } from '../../scripts/widget-docs.mjs';

interface Manifest {
  modules: { path: string; declarations?: { name: string; tagName?: string; customElement?: boolean }[] }[];
}

let manifest: Manifest;
beforeAll(async () => {
  manifest = await analyzeWidgets();
}, 60_000);

describe('docs/guides/widgets.md', () => {
  it('has the element reference the manifest gives (run `npm run docs:widgets` to update it)', () => {
    const guide = readFileSync(guidePath, 'utf8');
    expect(updateGuide(guide, manifest)).toBe(guide);
  });

  it('documents every element the package registers', () => {
    const guide = readFileSync(guidePath, 'utf8');
    const tags = [...elementsOf(manifest).keys()];
    // A floor, so an analyzer config that silently finds no components fails here.
    expect(tags.length).toBeGreaterThanOrEqual(7);
    for (const tag of tags) expect(guide).toContain(`<!-- element:${tag}:start -->`);
  });
});

describe('the generator', () => {
  const element = {
    kind: 'class',
    name: 'KitosExample',
    tagName: 'kitos-example',
    customElement: true,
    summary: 'An example.',
    attributes: [
      { name: 'kind', fieldName: 'kind', type: { text: "'a' | 'b'" }, default: "'a'", description: 'Which\n  one.' },
    ],
    members: [
      { kind: 'field', name: 'kind', attribute: 'kind' },
      { kind: 'field', name: 'value', type: { text: 'string' }, description: 'Script only.' },
      { kind: 'field', name: 'hidden', privacy: 'private' },
      { kind: 'method', name: 'run', parameters: [{ name: 'n', optional: true }], return: { type: { text: 'void' } } },
    ],
    cssParts: [{ name: 'base', description: 'The box.' }],
    slots: [{ name: '', description: 'Content.' }],
  };
  const example: Manifest = { modules: [{ path: 'src/example.ts', declarations: [element] }] };

  it('writes one table row per attribute, public property or method, part and slot', () => {
    expect(renderElement(element)).toBe(
      [
        '### `<kitos-example>`',
        '',
        'An example.',
        '',
        '| Attribute | Property | Type | Default | Description |',
        '| --- | --- | --- | --- | --- |',
        "| `kind` | `kind` | `'a' \\| 'b'` | `'a'` | Which one. |",
        '',
        '| Property or method | Type | Description |',
        '| --- | --- | --- |',
        '| `value` | `string` | Script only. |',
        '| `run(n?)` | `void` |  |',
        '',
        '| Part | Description |',
        '| --- | --- |',
        '| `base` | The box. |',
        '',
        '| Slot | Description |',
        '| --- | --- |',
        '| (default) | Content. |',
      ].join('\n'),
    );
  });

  it('replaces only what lies between an element’s markers', () => {
    const guide =
      'Prose.\n<!-- element:kitos-example:start -->\nstale\n<!-- element:kitos-example:end -->\nMore prose.\n';
    const updated = updateGuide(guide, example);
    expect(updated.startsWith('Prose.\n<!-- element:kitos-example:start -->\n### `<kitos-example>`')).toBe(true);
    expect(updated.endsWith('| (default) | Content. |\n<!-- element:kitos-example:end -->\nMore prose.\n')).toBe(true);
  });

  it('refuses an element without markers, and markers without an element', () => {
    expect(() => updateGuide('No markers.\n', example)).toThrow(/<kitos-example> has no block/);
    const orphan =
      '<!-- element:kitos-example:start -->\n<!-- element:kitos-example:end -->\n<!-- element:kitos-gone:start -->\n<!-- element:kitos-gone:end -->\n';
    expect(() => updateGuide(orphan, example)).toThrow(/block for <kitos-gone>/);
  });
});
