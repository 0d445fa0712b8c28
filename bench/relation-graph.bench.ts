// The relation graph (issue 18) in Node: the core query of a municipality's 600 usages with 900
// relations on memory (baseline: a plain loop over the same usages collecting their relations), and
// the widget's d3-force layout of that graph (baseline: the same nodes placed on a fixed grid).
// Drawing is measured in Chromium by bench/graph-browser.mjs (budget: laid out and drawn ≤ 500 ms).
import { createKitos, createMemoryStorage, fixedClock } from '@os2kitos/core';
import { bench, describe } from 'vitest';
import { layoutGraph } from '../packages/widgets/src/components/relation-graph/layout.js';
import { benchOptions } from './options.js';

const USAGES = 600;
const RELATIONS = 900;
let seed = 20250615;
const rnd = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

const ready = (async () => {
  const kitos = await createKitos({ storage: createMemoryStorage(), clock: fixedClock('2025-06-15T10:00:00Z') });
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@g.dk' });
  const org = (await kitos.organizations.create(admin, { name: 'Grafby Kommune', type: 'Kommune' })).uuid;
  const usages: string[] = [];
  await kitos.unitOfWork(admin, async (s) => {
    for (let i = 0; i < USAGES; i++) {
      const system = await s.systems.create(admin, { organizationUuid: org, name: `System ${i}` });
      usages.push((await s.usages.create(admin, { organizationUuid: org, systemUuid: system.uuid })).uuid);
    }
    const outgoing = new Map<string, { uuid: string; toUsageUuid: string }[]>();
    for (let i = 0; i < RELATIONS; i++) {
      const from = usages[Math.floor(rnd() * USAGES)] as string;
      let to = usages[Math.floor(rnd() * USAGES)] as string;
      if (to === from) to = usages[(usages.indexOf(from) + 1) % USAGES] as string;
      outgoing.set(from, [...(outgoing.get(from) ?? []), { uuid: crypto.randomUUID(), toUsageUuid: to }]);
    }
    for (const [from, relations] of outgoing) await s.usages.patch(admin, from, { outgoingSystemRelations: relations });
  });
  const graph = await kitos.relations.graph(admin, { organizationUuid: org });
  return { kitos, admin, org, graph };
})();

describe('relation graph query, 600 usages, memory', () => {
  bench(
    'baseline: loop over the stored usages collecting their relations',
    async () => {
      const { kitos, org } = await ready;
      const r = await kitos.storage.query<{ uuid: string; outgoingSystemRelations: { toUsageUuid: string }[] }>({
        kind: 'itSystemUsage',
        organizationUuids: [org],
      });
      let n = 0;
      for (const u of r.records) n += u.data.outgoingSystemRelations.length;
      if (n === 0) throw new Error('no relations');
    },
    benchOptions,
  );
  bench(
    'kitos.relations.graph (permission, names, interfaces, filters)',
    async () => {
      const { kitos, admin, org } = await ready;
      const g = await kitos.relations.graph(admin, { organizationUuid: org });
      if (g.nodes.length !== USAGES) throw new Error(`${g.nodes.length} nodes`);
    },
    benchOptions,
  );
});

describe('relation graph layout, 600 usages, Node', () => {
  bench(
    'baseline: the nodes placed on a fixed grid',
    async () => {
      const { graph } = await ready;
      const at = new Map(graph.nodes.map((n, i) => [n.uuid, { x: (i % 25) * 90, y: Math.floor(i / 25) * 90 }]));
      if (at.size !== USAGES) throw new Error('lost nodes');
    },
    benchOptions,
  );
  bench(
    'layoutGraph (d3-force, synchronous to rest)',
    async () => {
      const { graph } = await ready;
      const layout = layoutGraph(
        graph.nodes.map((n) => n.uuid),
        graph.edges.map((e) => ({ from: e.fromUsageUuid, to: e.toUsageUuid })),
      );
      if (layout.nodes.size !== USAGES) throw new Error('lost nodes');
    },
    { ...benchOptions, iterations: process.env.KITOS_BENCH_QUICK ? 3 : 10, time: 0 },
  );
});
