/**
 * The layout of `<kitos-relation-graph>`, with d3-force (docs/decisions/0055): loaded by a dynamic
 * import the first time a graph is drawn, so no other widget carries it. The simulation runs to
 * rest synchronously (no animation timer) from d3's deterministic starting spiral with a seeded
 * random source, so the same graph is always drawn the same way.
 *
 * @module
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

/** A placed node. */
export interface Placed {
  readonly uuid: string;
  readonly x: number;
  readonly y: number;
}

/** Where every node goes, and the box around them. */
export interface Layout {
  readonly nodes: ReadonlyMap<string, Placed>;
  readonly minX: number;
  readonly minY: number;
  readonly width: number;
  readonly height: number;
}

interface Node extends SimulationNodeDatum {
  uuid: string;
}

/** A seeded linear congruential generator, as d3's own tests use. */
function lcg(seed = 1): () => number {
  let s = seed;
  return () => {
    s = (1664525 * s + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

/**
 * Lays out `nodes` joined by `edges` (usage uuids) and returns their positions.
 *
 * @example
 * ```ts
 * const layout = layoutGraph(['a', 'b'], [{ from: 'a', to: 'b' }]);
 * layout.nodes.get('a'); // { uuid: 'a', x: …, y: … }
 * ```
 */
export function layoutGraph(
  uuids: readonly string[],
  edges: readonly { readonly from: string; readonly to: string }[],
  options: { readonly spacing?: number } = {},
): Layout {
  const spacing = options.spacing ?? 90;
  const nodes: Node[] = uuids.map((uuid) => ({ uuid }));
  const known = new Set(uuids);
  const links: SimulationLinkDatum<Node>[] = edges
    .filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to)
    .map((e) => ({ source: e.from, target: e.to }));
  const simulation = forceSimulation(nodes)
    .randomSource(lcg())
    .force(
      'link',
      forceLink<Node, SimulationLinkDatum<Node>>(links)
        .id((n) => n.uuid)
        .distance(spacing),
    )
    .force(
      'charge',
      forceManyBody<Node>()
        .strength(-spacing * 2)
        .theta(0.9)
        .distanceMax(spacing * 6),
    )
    // Overlap is prevented only on small graphs: on large ones the repulsion keeps nodes apart, and
    // collision detection would double the cost of every step.
    .force('collide', uuids.length <= 200 ? forceCollide<Node>(spacing / 3) : null)
    // Pull everything gently to the middle so unconnected usages do not drift away.
    .force('x', forceX<Node>(0).strength(0.06))
    .force('y', forceY<Node>(0).strength(0.06))
    .stop();
  // Fewer steps for large graphs (60 instead of d3's 300): a municipality's 600 usages must be laid
  // out and drawn within 500 ms, and the picture changes little after the first steps.
  simulation.alphaDecay(nodes.length > 300 ? 0.11 : 0.0228);
  const steps = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
  simulation.tick(steps);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const placed = new Map<string, Placed>();
  for (const n of nodes) {
    const x = n.x ?? 0;
    const y = n.y ?? 0;
    placed.set(n.uuid, { uuid: n.uuid, x, y });
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (!nodes.length) return { nodes: placed, minX: 0, minY: 0, width: 0, height: 0 };
  return { nodes: placed, minX, minY, width: maxX - minX, height: maxY - minY };
}
