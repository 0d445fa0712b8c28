// The relation graph benchmark's page script (see bench/graph-browser.mjs). Timed inside the page
// with performance.now(), from element creation to the drawing in the DOM and laid out (the wait is
// event driven: a MutationObserver on the shadow root, then updateComplete, then a forced layout).
//
// Subject: <kitos-relation-graph> over a client that returns a municipality's graph (600 usages,
// 900 relations, generated with a seeded PRNG): d3-force layout + SVG drawing + the edge table.
// Baseline: the same 600 nodes and 900 edges drawn as a plain SVG at fixed grid positions (no
// layout), built with DOM calls.
import type { RelationGraph } from '@os2kitos/core';

type Widgets = typeof import('@os2kitos/widgets');
const NODES = 600;
const EDGES = 900;
const ORG = '00000000-0000-4000-8000-000000000001';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let seed = 20250615;
const rnd = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

function makeGraph(): RelationGraph {
  const nodes = Array.from({ length: NODES }, (_, i) => ({
    uuid: uuid(i + 10),
    name: `System ${i}`,
    systemUuid: uuid(i + 10_000),
    responsibleUnit: null,
    matched: true,
    distance: null,
  }));
  const edges = Array.from({ length: EDGES }, (_, i) => ({
    uuid: uuid(i + 100_000),
    fromUsageUuid: nodes[Math.floor(rnd() * NODES)]!.uuid,
    toUsageUuid: nodes[Math.floor(rnd() * NODES)]!.uuid,
    interface: null,
    data: ['Sager'],
    frequency: 'Dagligt',
    contract: null,
    description: null,
  }));
  return {
    organizationUuid: ORG,
    nodes,
    edges,
    choices: { units: [], kle: [], systems: [], usages: nodes.map((n) => ({ uuid: n.uuid, name: n.name })) },
  };
}

let widgets: Widgets;
const graph = makeGraph();
const stage = () => document.getElementById('stage') as HTMLElement;

/** Resolves when `test` holds for the element's shadow root (checked on every mutation). */
function whenShadow(el: Element, test: (root: ShadowRoot) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const root = el.shadowRoot;
      if (root && test(root)) {
        observer.disconnect();
        resolve();
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(() => check());
    const attach = () => {
      if (check()) return;
      if (el.shadowRoot) observer.observe(el.shadowRoot, { childList: true, subtree: true });
      else requestAnimationFrame(attach);
    };
    attach();
  });
}

async function subject(): Promise<number> {
  stage().replaceChildren();
  const client = { relationGraph: async () => graph } as unknown as import('@os2kitos/widgets').KitosClient;
  const t = performance.now();
  const el = document.createElement('kitos-relation-graph') as HTMLElement & {
    client: unknown;
    organizationUuid: string;
    updateComplete: Promise<unknown>;
  };
  el.client = client;
  el.organizationUuid = ORG;
  stage().append(el);
  await whenShadow(el, (r) => r.querySelectorAll('svg circle').length === NODES);
  await el.updateComplete;
  el.getBoundingClientRect();
  return performance.now() - t;
}

function baseline(): number {
  stage().replaceChildren();
  const t = performance.now();
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 2500 2500');
  const at = new Map<string, [number, number]>(
    graph.nodes.map((n, i) => [n.uuid, [(i % 25) * 100 + 50, Math.floor(i / 25) * 100 + 50]]),
  );
  for (const e of graph.edges) {
    const [x1, y1] = at.get(e.fromUsageUuid)!;
    const [x2, y2] = at.get(e.toUsageUuid)!;
    const line = document.createElementNS(ns, 'line');
    line.setAttribute('x1', String(x1));
    line.setAttribute('y1', String(y1));
    line.setAttribute('x2', String(x2));
    line.setAttribute('y2', String(y2));
    line.setAttribute('stroke', '#666');
    svg.append(line);
  }
  for (const n of graph.nodes) {
    const [x, y] = at.get(n.uuid)!;
    const c = document.createElementNS(ns, 'circle');
    c.setAttribute('cx', String(x));
    c.setAttribute('cy', String(y));
    c.setAttribute('r', '9');
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', String(x));
    text.setAttribute('y', String(y + 22));
    text.textContent = n.name;
    svg.append(c, text);
  }
  stage().append(svg);
  svg.getBoundingClientRect();
  return performance.now() - t;
}

const api = {
  build: '',
  async measure(what: 'subject' | 'baseline', samples: number, warmup: number) {
    const out: number[] = [];
    for (let i = 0; i < samples + warmup; i++) {
      const ms = what === 'subject' ? await subject() : baseline();
      if (i >= warmup) out.push(ms);
    }
    return { samples: out };
  },
};

declare global {
  interface Window {
    kitosGraphBench?: typeof api;
  }
}

try {
  const build = new URLSearchParams(location.search).get('build') === 'source' ? 'source' : 'bundle';
  const url = build === 'source' ? '/packages/widgets/src/index.ts' : '/packages/widgets/dist/kitos-widgets.bundle.js';
  widgets = (await import(/* @vite-ignore */ url)) as Widgets;
  // The embed bundle defines the graph on first use (docs/decisions/0070): load it now, so that no
  // sample includes fetching its code.
  await (widgets as { loadKitosElement?: (tag: string) => Promise<void> }).loadKitosElement?.('kitos-relation-graph');
  await customElements.whenDefined('kitos-relation-graph');
  api.build = build;
  window.kitosGraphBench = api;
  document.body.dataset.ready = 'true';
} catch (error) {
  document.body.dataset.error = error instanceof Error ? error.message : String(error);
}
