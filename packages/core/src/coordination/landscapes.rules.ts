/**
 * Landscapes like mine: which organisations' portfolios are most like one organisation's, by the
 * cosine of their portfolios with each system weighted by how rare it is (inverse document
 * frequency: a system everyone uses says nothing, one that few use says a lot), explained by the
 * systems they share; and, for a KLE task, the systems similar organisations use that this one
 * does not. Portfolios are "uses system X" only, which every organisation shares.
 *
 * @module
 */
import { z } from 'zod';
import { UuidSchema } from '../shared/schema.js';
import { type CoordinationData, compareDanish } from './data.js';
import type { NamedRef, Viewer } from './viewer.js';

/** Query of similar landscapes. */
export const SimilarLandscapesQuerySchema = z.strictObject({
  organizationUuid: UuidSchema,
  limit: z.int().min(1).max(100).default(10),
  /**
   * The share of the score that comes from KLE task coverage (the tasks of the catalogue systems in
   * each portfolio, weighted by rarity like the systems): 0, the default, compares systems only; 1
   * compares tasks only.
   */
  kleWeight: z.number().min(0).max(1).default(0),
});
/** Query of similar landscapes (input). */
export type SimilarLandscapesQuery = z.input<typeof SimilarLandscapesQuerySchema>;

/** Query of system suggestions for a KLE task. */
export const LandscapeSuggestionsQuerySchema = z.strictObject({
  organizationUuid: UuidSchema,
  kleUuid: UuidSchema,
  /** How many of the most similar organisations to draw from. */
  neighbours: z.int().min(1).max(100).default(10),
  limit: z.int().min(1).max(100).default(20),
});
/** Query of system suggestions (input). */
export type LandscapeSuggestionsQuery = z.input<typeof LandscapeSuggestionsQuerySchema>;

/** A sentence in Danish and English. */
export interface Explanation {
  readonly da: string;
  readonly en: string;
}

/** One similar organisation. */
export interface SimilarLandscape {
  readonly organization: NamedRef;
  /** Weighted cosine similarity, 0 (nothing rare in common) to 1 (the same portfolio). */
  readonly score: number;
  /** How many systems both use. */
  readonly sharedSystems: number;
  /** The rarest shared systems (at most five), which weigh most. */
  readonly rarestShared: readonly NamedRef[];
  /** How many KLE tasks both portfolios cover (counted when the query weighs tasks, else 0). */
  readonly sharedKleTasks: number;
  readonly explanation: Explanation;
}

/** A system similar organisations use for a task and this one does not. */
export interface LandscapeSuggestion {
  readonly system: NamedRef;
  /** Sum of the similarities of the similar organisations that use it. */
  readonly score: number;
  readonly usedBy: readonly NamedRef[];
  readonly explanation: Explanation;
}

/** Rarity weights of systems and the norms of portfolios (see {@link portfolioWeights}). */
export interface PortfolioWeights {
  readonly weight: ReadonlyMap<string, number>;
  readonly norm: ReadonlyMap<string, number>;
}

const weightsCache = new WeakMap<CoordinationData['portfolios'], PortfolioWeights>();

/**
 * Rarity weight of each system, `ln(1 + N / n)` for `n` of the `N` portfolios holding it, and each
 * portfolio's norm; computed once per set of portfolios.
 */
export function portfolioWeights(data: Pick<CoordinationData, 'portfolios'>): PortfolioWeights {
  return weightsOf(data.portfolios);
}

/** Rarity weights and norms of any "organisation → items" map (systems, or KLE tasks), cached per map. */
function weightsOf(portfolios: CoordinationData['portfolios']): PortfolioWeights {
  const hit = weightsCache.get(portfolios);
  if (hit) return hit;
  const n = portfolios.size;
  const holders = new Map<string, number>();
  for (const items of portfolios.values()) for (const s of items) holders.set(s, (holders.get(s) ?? 0) + 1);
  const weight = new Map<string, number>();
  for (const [item, count] of holders) weight.set(item, Math.log(1 + n / count));
  const norm = new Map<string, number>();
  for (const [org, items] of portfolios) {
    // Summed in one fixed order (the items sorted), so every path that loads the same portfolios
    // in another order gives the very same number.
    let sum = 0;
    for (const s of [...items].sort()) sum += (weight.get(s) ?? 0) ** 2;
    norm.set(org, Math.sqrt(sum));
  }
  const w = { weight, norm };
  weightsCache.set(portfolios, w);
  return w;
}

const taskPortfoliosCache = new WeakMap<
  CoordinationData['portfolios'],
  WeakMap<CoordinationData['systems'], ReadonlyMap<string, ReadonlySet<string>>>
>();

/**
 * The KLE tasks each organisation's portfolio covers: the catalogue KLE of the systems it uses
 * (the catalogue's tasks, not a usage's local deviations), computed once per portfolios and catalogue.
 */
export function taskPortfolios(
  data: Pick<CoordinationData, 'portfolios' | 'systems'>,
): ReadonlyMap<string, ReadonlySet<string>> {
  let bySystems = taskPortfoliosCache.get(data.portfolios);
  if (!bySystems) {
    bySystems = new WeakMap();
    taskPortfoliosCache.set(data.portfolios, bySystems);
  }
  let tasks = bySystems.get(data.systems);
  if (!tasks) {
    const out = new Map<string, ReadonlySet<string>>();
    for (const [org, systems] of data.portfolios) {
      const covered = new Set<string>();
      for (const s of systems) for (const k of data.systems.get(s)?.kleUuids ?? []) covered.add(k);
      out.set(org, covered);
    }
    tasks = out;
    bySystems.set(data.systems, tasks);
  }
  return tasks;
}

/**
 * Weighted cosine of one organisation's items (systems or tasks) against every other's: the
 * squared weights of its items are looked up once, then each other portfolio is probed for them.
 */
function scorer(portfolios: CoordinationData['portfolios'], w: PortfolioWeights, a: string): (b: string) => number {
  const pa = portfolios.get(a);
  const na = w.norm.get(a) ?? 0;
  if (!pa || na === 0) return () => 0;
  const items = [...pa].sort();
  const squares = items.map((s) => (w.weight.get(s) ?? 0) ** 2);
  return (b) => {
    const pb = portfolios.get(b);
    const nb = w.norm.get(b) ?? 0;
    if (!pb || nb === 0) return 0;
    let dot = 0;
    for (let i = 0; i < items.length; i++) if (pb.has(items[i] as string)) dot += squares[i] as number;
    return dot / (na * nb);
  };
}

/** The items two organisations' portfolios share. */
function sharedItems(portfolios: CoordinationData['portfolios'], a: string, b: string): string[] {
  const pa = portfolios.get(a);
  const pb = portfolios.get(b);
  if (!pa || !pb) return [];
  const [small, large] = pa.size <= pb.size ? [pa, pb] : [pb, pa];
  const out: string[] = [];
  for (const s of small) if (large.has(s)) out.push(s);
  return out;
}

const list = (names: readonly string[], and: string) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;

function explainSimilar(name: string, count: number, rarest: readonly string[], tasks: number | null): Explanation {
  const systems =
    count === 0
      ? { da: `Bruger ingen af de samme systemer som ${name}`, en: `Uses none of ${name}'s systems` }
      : {
          da: `Bruger ${count} af de samme systemer som ${name}; de sjældneste er ${list(rarest, 'og')}`,
          en: `Uses ${count} of the same systems as ${name}; the rarest are ${list(rarest, 'and')}`,
        };
  if (tasks === null) return { da: `${systems.da}.`, en: `${systems.en}.` };
  return {
    da: `${systems.da}. Dækker ${tasks} af de samme KLE-opgaver.`,
    en: `${systems.en}. Covers ${tasks} of the same KLE tasks.`,
  };
}

interface Ranked {
  readonly org: NamedRef;
  readonly score: number;
}

/**
 * The organisations most like `organizationUuid`, that the reader may name: the weighted cosine of
 * their systems, blended with that of their KLE tasks by `kleWeight`.
 */
function ranked(v: Viewer, organizationUuid: string, kleWeight = 0): Ranked[] {
  const bySystems = scorer(v.data.portfolios, portfolioWeights(v.data), organizationUuid);
  const tasks = kleWeight > 0 ? taskPortfolios(v.data) : undefined;
  const byTasks = tasks ? scorer(tasks, weightsOf(tasks), organizationUuid) : () => 0;
  const out: Ranked[] = [];
  for (const other of v.data.portfolios.keys()) {
    if (other === organizationUuid) continue;
    const org = v.organization(other);
    if (!org) continue;
    const score = (1 - kleWeight) * bySystems(other) + (kleWeight > 0 ? kleWeight * byTasks(other) : 0);
    if (score > 0) out.push({ org, score });
  }
  return out.sort((a, b) => b.score - a.score || compareDanish(a.org.name, b.org.name));
}

const rarityCache = new WeakMap<
  PortfolioWeights,
  WeakMap<CoordinationData['nameRank'], { byRarity: string[]; place: Map<string, number> }>
>();

/** Systems rarest first, ties by name, with each system's place in that order (per weights and names). */
function rarityOrder(w: PortfolioWeights, rank: CoordinationData['nameRank']) {
  let byRank = rarityCache.get(w);
  if (!byRank) {
    byRank = new WeakMap();
    rarityCache.set(w, byRank);
  }
  let order = byRank.get(rank);
  if (!order) {
    const byRarity = [...w.weight.keys()].sort(
      (a, b) => (w.weight.get(b) ?? 0) - (w.weight.get(a) ?? 0) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0),
    );
    order = { byRarity, place: new Map(byRarity.map((s, i) => [s, i])) };
    byRank.set(rank, order);
  }
  return order;
}

/**
 * The organisations whose portfolios are most like the given one's.
 *
 * @example
 * ```ts
 * similarLandscapes(viewer, { organizationUuid, limit: 5 })[0]?.explanation.da;
 * // 'Bruger 212 af de samme systemer som Nordby Kommune; de sjældneste er A, B og C.'
 * ```
 */
export function similarLandscapes(v: Viewer, q: z.output<typeof SimilarLandscapesQuerySchema>): SimilarLandscape[] {
  const { byRarity, place } = rarityOrder(portfolioWeights(v.data), v.data.nameRank);
  const self = v.data.organizations.get(q.organizationUuid)?.name ?? q.organizationUuid;
  const weighsTasks = q.kleWeight > 0;
  return ranked(v, q.organizationUuid, q.kleWeight)
    .slice(0, q.limit)
    .map(({ org, score }) => {
      // What they share is worked out for the organisations shown only.
      const shared = sharedItems(v.data.portfolios, q.organizationUuid, org.uuid);
      const sharedTasks = weighsTasks ? sharedItems(taskPortfolios(v.data), q.organizationUuid, org.uuid).length : 0;
      // Rarest first, ties by name; only the first five the reader may see are named.
      const ordered = Int32Array.from(shared, (s) => place.get(s) ?? 0).sort();
      const rarest: NamedRef[] = [];
      for (const i of ordered) {
        const sys = v.system(byRarity[i] as string);
        if (sys) rarest.push({ uuid: sys.uuid, name: sys.name });
        if (rarest.length === 5) break;
      }
      return {
        organization: org,
        score,
        sharedSystems: shared.length,
        rarestShared: rarest,
        sharedKleTasks: weighsTasks ? sharedTasks : 0,
        explanation: explainSimilar(
          self,
          shared.length,
          rarest.map((r) => r.name),
          weighsTasks ? sharedTasks : null,
        ),
      };
    });
}

/**
 * Systems for a KLE task (or a task under it) that the most similar organisations use and this one
 * does not, most supported first.
 *
 * @example
 * ```ts
 * landscapeSuggestions(viewer, { organizationUuid, kleUuid, neighbours: 10, limit: 5 })[0]?.usedBy;
 * ```
 */
export function landscapeSuggestions(
  v: Viewer,
  q: z.output<typeof LandscapeSuggestionsQuerySchema>,
): LandscapeSuggestion[] {
  const key = v.data.kle.get(q.kleUuid)?.taskKey;
  if (key === undefined) return [];
  const mine = v.data.portfolios.get(q.organizationUuid) ?? new Set<string>();
  const forTask = (systemUuid: string) =>
    (v.system(systemUuid)?.kleUuids ?? []).some((k) => {
      const t = v.data.kle.get(k)?.taskKey;
      return t !== undefined && (t === key || t.startsWith(`${key}.`));
    });
  const found = new Map<string, { score: number; usedBy: NamedRef[] }>();
  for (const n of ranked(v, q.organizationUuid).slice(0, q.neighbours))
    for (const s of v.data.portfolios.get(n.org.uuid) ?? []) {
      if (mine.has(s) || !forTask(s)) continue;
      const f = found.get(s) ?? { score: 0, usedBy: [] };
      f.score += n.score;
      f.usedBy.push(n.org);
      found.set(s, f);
    }
  return [...found]
    .map(([uuid, f]) => {
      const name = v.data.systems.get(uuid)?.name ?? uuid;
      const names = f.usedBy.slice(0, 3).map((o) => o.name);
      const more = f.usedBy.length - names.length;
      return {
        system: { uuid, name },
        score: f.score,
        usedBy: f.usedBy,
        explanation: {
          da: `Bruges af ${list(names, 'og')}${more > 0 ? ` og ${more} andre` : ''} blandt de mest lignende.`,
          en: `Used by ${list(names, 'and')}${more > 0 ? ` and ${more} more` : ''} among the most similar.`,
        },
      };
    })
    .sort((a, b) => b.score - a.score || compareDanish(a.system.name, b.system.name))
    .slice(0, q.limit);
}
