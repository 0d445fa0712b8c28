// Elements defined on first use, for the one-script embed bundle (src/bundle.ts, docs/decisions/0070).
// The bundle registers a loader per element name; the first time an element with that name is in the
// page (in the HTML, added later by innerHTML/appendChild, or in an observed shadow root), its module
// is imported, which defines it, and the browser upgrades every instance already in the page. Lit
// takes over properties set on an element before its upgrade (`el.client = …`) at the element's first
// update, so pages need no changes (examples/test/embed-bundle.e2e.test.ts).
import { KitosWidgetError } from '../data/errors.js';

/** Imports the module that defines one element. */
export type ElementLoader = () => Promise<unknown>;

const loaders = new Map<string, ElementLoader>();
const loading = new Map<string, Promise<void>>();
const observed = new WeakSet<Node>();

/** Registers lazily defined elements: name → the import that defines it. Names already registered keep their loader. */
export function registerLazyElements(entries: Readonly<Record<string, ElementLoader>>): void {
  for (const [tag, loader] of Object.entries(entries)) {
    if (!loaders.has(tag)) loaders.set(tag, loader);
  }
}

/** The element names the bundle defines on first use. */
export function lazyElementNames(): string[] {
  return [...loaders.keys()];
}

/**
 * Loads and defines one element now (for example before calling a method on an element created with
 * `document.createElement` and not yet in the page). Resolves once the element is defined; rejects
 * with a {@link KitosWidgetError} (`not-found`) for a name the bundle does not know. A failed
 * download rejects, and the next call (or the next element of that name added to the page) tries again.
 */
export function loadKitosElement(tag: string): Promise<void> {
  const name = tag.toLowerCase();
  if (customElements.get(name)) return Promise.resolve();
  const loader = loaders.get(name);
  if (!loader) {
    return Promise.reject(
      new KitosWidgetError('not-found', `no element named <${name}> in this bundle`, {
        tag: name,
        known: [...loaders.keys()],
      }),
    );
  }
  let pending = loading.get(name);
  if (!pending) {
    pending = loader().then(
      () => customElements.whenDefined(name).then(() => undefined),
      (error: unknown) => {
        loading.delete(name);
        throw error;
      },
    );
    loading.set(name, pending);
  }
  return pending;
}

function loadQuietly(tag: string): void {
  loadKitosElement(tag).catch((error: unknown) => {
    console.error(`[kitos] [widgets] could not load <${tag}>`, error);
  });
}

/** Loads every registered element that occurs, not yet defined, in `node` or below it. */
function scan(node: Node): void {
  if (!(node instanceof Element || node instanceof Document || node instanceof DocumentFragment)) return;
  const waiting = new Set<string>();
  const add = (el: Element) => {
    if (loaders.has(el.localName) && !customElements.get(el.localName)) waiting.add(el.localName);
  };
  if (node instanceof Element) add(node);
  for (const el of node.querySelectorAll(':not(:defined)')) add(el);
  for (const name of waiting) loadQuietly(name);
}

/**
 * Watches `root` (the document, which the bundle watches by itself, or a shadow root of your own
 * element that contains `<kitos-*>` elements) and loads each registered element the first time one
 * is in it.
 */
export function observeKitosElements(root: Document | ShadowRoot | Element): void {
  if (observed.has(root)) return;
  observed.add(root);
  scan(root);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const added of record.addedNodes) scan(added);
    }
  }).observe(root, { childList: true, subtree: true });
}
