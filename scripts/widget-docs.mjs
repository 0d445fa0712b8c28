// `npm run docs:widgets`: rewrites the element reference in docs/guides/widgets.md from the Custom
// Elements Manifest (packages/widgets/custom-elements.json), so the guide says what the components'
// JSDoc says (@summary, @attr, @fires, @csspart, @cssprop, @slot and the property comments).
//
// Each element's block sits between a pair of marker comments; the guide decides where each element
// appears and may keep prose between them:
//
//   <!-- element:kitos-overview:start -->
//   …generated heading, summary and tables…
//   <!-- element:kitos-overview:end -->
//
// examples/test/widget-docs.test.ts runs the same code on a manifest freshly analyzed from the
// sources and fails when the guide differs, so the tables cannot drift from the components.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const guidePath = join(root, 'docs/guides/widgets.md');
export const widgetsDir = join(root, 'packages/widgets');
export const manifestPath = join(widgetsDir, 'custom-elements.json');

/**
 * Analyzes the widget sources with the package's own analyzer config and returns the manifest
 * without writing it, so a test needs no prior build.
 */
export async function analyzeWidgets() {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  return cli({
    argv: ['analyze', '--config', join(widgetsDir, 'custom-elements-manifest.config.mjs'), '--quiet'],
    cwd: widgetsDir,
    noWrite: true,
  });
}

/** Every custom element declaration in the manifest, by tag name. */
export function elementsOf(manifest) {
  const elements = new Map();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, declaration);
    }
  }
  return elements;
}

// JSDoc descriptions span several source lines; a table cell is one line. A `|` would end the cell
// early, also inside backticks, so it is escaped (GitHub's Markdown reads `\|` in a cell as `|`).
// Where the manifest has no value (a type the analyzer cannot infer), the cell shows a dash.
const text = (s) =>
  (s ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('|', '\\|')
    .trim();
const code = (s) => (s ? `\`${text(s)}\`` : '—');

function table(head, rows) {
  if (rows.length === 0) return [];
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

const isPublic = (member) => !member.static && (member.privacy ?? 'public') === 'public';

/** The markdown of one element: heading, summary, then one table per kind of API it has. */
export function renderElement(element) {
  const members = element.members ?? [];
  const propertyRows = members
    .filter((m) => isPublic(m) && m.kind === 'field' && !m.attribute)
    .map((m) => [code(m.name), code(m.type?.text), text(m.description)]);
  const methodRows = members
    .filter((m) => isPublic(m) && m.kind === 'method')
    .map((m) => {
      const params = (m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');
      return [code(`${m.name}(${params})`), code(m.return?.type?.text), text(m.description)];
    });
  return [
    `### \`<${element.tagName}>\``,
    '',
    ...(element.summary ? [text(element.summary), ''] : []),
    ...table(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      (element.attributes ?? []).map((a) => [
        code(a.name),
        code(a.fieldName),
        code(a.type?.text),
        code(a.default),
        text(a.description),
      ]),
    ),
    ...table(['Property or method', 'Type', 'Description'], [...propertyRows, ...methodRows]),
    ...table(
      ['Event', 'Type', 'Description'],
      (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), text(e.description)]),
    ),
    ...table(
      ['Part', 'Description'],
      (element.cssParts ?? []).map((p) => [code(p.name), text(p.description)]),
    ),
    ...table(
      ['Custom property', 'Description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), text(p.description)]),
    ),
    ...table(
      ['Slot', 'Description'],
      (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', text(s.description)]),
    ),
  ]
    .join('\n')
    .trimEnd();
}

const MARKERS = /<!-- element:([a-z][a-z0-9-]*):start -->\n[\s\S]*?<!-- element:\1:end -->/g;

/**
 * The guide with every element block regenerated from the manifest. Throws when an element of the
 * manifest has no block in the guide, or a block names an element the manifest does not have, so
 * a new or renamed element cannot go undocumented.
 */
export function updateGuide(guide, manifest) {
  const elements = elementsOf(manifest);
  const seen = new Set();
  const problems = [];
  const updated = guide.replace(MARKERS, (block, tag) => {
    const element = elements.get(tag);
    if (!element) {
      problems.push(`the guide has a block for <${tag}>, which the manifest does not declare`);
      return block;
    }
    seen.add(tag);
    return `<!-- element:${tag}:start -->\n${renderElement(element)}\n<!-- element:${tag}:end -->`;
  });
  for (const tag of elements.keys()) {
    if (!seen.has(tag)) {
      problems.push(
        `<${tag}> has no block in the guide: add "<!-- element:${tag}:start -->" and "<!-- element:${tag}:end -->" lines where it should appear`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`docs/guides/widgets.md:\n- ${problems.join('\n- ')}`);
  return updated;
}

// Run as a script: regenerate the guide from the manifest on disk (`npm run docs:widgets` analyzes first).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const before = readFileSync(guidePath, 'utf8');
  const after = updateGuide(before, manifest);
  if (after !== before) writeFileSync(guidePath, after);
  console.log(`docs/guides/widgets.md: ${after === before ? 'already up to date' : 'element reference rewritten'}`);
}
