/**
 * The read model of an organisation's system relations as a graph: its IT-system usages as nodes
 * and their relations as directed edges (which system sends what to which, over which interface,
 * how often, under which contract). Filters pick usages by unit, KLE task and system; a focus
 * usage gives its neighbourhood n steps out. Built by {@link relationGraph} from loaded records.
 *
 * @module
 */
import { z } from 'zod';
import { LIMITS } from '../shared/limits.js';
import { unitDescendants } from '../organisation/unit-tree.rules.js';
import { EntityRefSchema, UnitRefSchema } from '../overview/refs.js';
import { UuidSchema } from '../shared/schema.js';

/** Query of the relation graph. */
export const RelationGraphQuerySchema = z.strictObject({
  organizationUuid: UuidSchema,
  /** Usages this unit uses or is responsible for. */
  unitUuid: UuidSchema.optional(),
  /** With `unitUuid`: also its sub-units (default true). */
  includeSubUnits: z.boolean().optional(),
  /** Usages supporting this KLE task (the system's tasks with the usage's local changes). */
  kleUuid: UuidSchema.optional(),
  /** Usages of this catalogue system. */
  systemUuid: UuidSchema.optional(),
  /**
   * A usage whose neighbourhood is shown: the usages up to `depth` relations away, either
   * direction. The other filters then only mark nodes (`matched`), they remove none.
   */
  focusUsageUuid: UuidSchema.optional(),
  /** Steps out from the focus usage, 1–5 (default 1). */
  depth: z.number().int().min(1).max(5).optional(),
});
/** Query of the relation graph. */
export type RelationGraphQuery = z.input<typeof RelationGraphQuerySchema>;

/** A usage in the graph. */
export const RelationNodeSchema = z.strictObject({
  uuid: UuidSchema,
  /** The local call name, else the system's name. */
  name: z.string().max(300),
  systemUuid: UuidSchema,
  responsibleUnit: UnitRefSchema.nullable(),
  /** Whether the usage passes the filters (a neighbour shown for context does not). */
  matched: z.boolean(),
  /** Steps from the focus usage (0 for itself); `null` without a focus. */
  distance: z.number().int().nullable(),
});
/** A usage in the graph. */
export type RelationNode = z.infer<typeof RelationNodeSchema>;

/** Most usages, relations or filter choices one organisation's graph lists (bounds the read model). */
const GRAPH_MAX = 200_000;

/** A relation: `from` sends to `to`. */
export const RelationEdgeSchema = z.strictObject({
  uuid: UuidSchema,
  fromUsageUuid: UuidSchema,
  toUsageUuid: UuidSchema,
  interface: EntityRefSchema.nullable(),
  /** What flows, from the interface's data rows. */
  data: z.array(z.string().max(500)).max(LIMITS.items),
  /** The frequency option's name, e.g. "Dagligt". */
  frequency: z.string().max(200).nullable(),
  contract: EntityRefSchema.nullable(),
  description: z.string().max(2000).nullable(),
});
/** A relation between two usages. */
export type RelationEdge = z.infer<typeof RelationEdgeSchema>;

/** The graph with the choices its filters offer. */
export const RelationGraphSchema = z.strictObject({
  organizationUuid: UuidSchema,
  nodes: z.array(RelationNodeSchema).max(GRAPH_MAX),
  edges: z.array(RelationEdgeSchema).max(GRAPH_MAX),
  /** What the filters can choose from, over all of the organisation's usages. */
  choices: z.strictObject({
    units: z.array(UnitRefSchema).max(GRAPH_MAX),
    kle: z.array(z.strictObject({ uuid: UuidSchema, name: z.string().max(300) })).max(GRAPH_MAX),
    systems: z.array(EntityRefSchema).max(GRAPH_MAX),
    usages: z.array(EntityRefSchema).max(GRAPH_MAX),
  }),
});
/** The relation graph. */
export type RelationGraph = z.infer<typeof RelationGraphSchema>;

/** What the graph is built from. */
export interface RelationGraphInput {
  readonly organizationUuid: string;
  readonly usages: readonly {
    readonly uuid: string;
    readonly systemUuid: string;
    readonly general: { readonly localCallName: string | null };
    readonly organizationUsage: {
      readonly usingUnitUuids: readonly string[];
      readonly responsibleUnitUuid: string | null;
    };
    readonly localKleDeviations: {
      readonly addedKleUuids: readonly string[];
      readonly removedKleUuids: readonly string[];
    };
    readonly outgoingSystemRelations: readonly {
      readonly uuid: string;
      readonly toUsageUuid: string;
      readonly interfaceUuid: string | null;
      readonly contractUuid: string | null;
      readonly frequencyUuid: string | null;
      readonly description: string | null;
    }[];
  }[];
  readonly units: readonly {
    readonly uuid: string;
    readonly name: string;
    readonly parentUuid: string | null;
    readonly organizationUuid: string;
  }[];
  readonly systems: ReadonlyMap<string, { readonly name: string; readonly kleUuids: readonly string[] }>;
  readonly interfaces: ReadonlyMap<string, { readonly name: string; readonly data: readonly string[] }>;
  readonly contracts: ReadonlyMap<string, string>;
  optionName(uuid: string): string | null;
  kleName(uuid: string): string | null;
}

const collator = new Intl.Collator('da', { sensitivity: 'base' });
const byName = <T extends { name: string; uuid: string }>(a: T, b: T) =>
  collator.compare(a.name, b.name) || a.uuid.localeCompare(b.uuid);

/** A usage's tasks: its system's KLE without those removed locally, with those added. */
function kleOf(u: RelationGraphInput['usages'][number], system: { kleUuids: readonly string[] } | undefined) {
  const removed = new Set(u.localKleDeviations.removedKleUuids);
  return new Set([...(system?.kleUuids ?? []).filter((k) => !removed.has(k)), ...u.localKleDeviations.addedKleUuids]);
}

/**
 * The relation graph of `input` for a parsed query.
 *
 * @example
 * ```ts
 * const graph = relationGraph(input, { organizationUuid, focusUsageUuid: esdh, depth: 2 });
 * graph.edges; // every relation among ESDH's neighbours two steps out
 * ```
 */
export function relationGraph(
  input: RelationGraphInput,
  query: z.output<typeof RelationGraphQuerySchema>,
): RelationGraph {
  const usages = new Map(input.usages.map((u) => [u.uuid, u]));
  const unitNames = new Map(input.units.map((u) => [u.uuid, u.name]));
  const nameOf = (u: RelationGraphInput['usages'][number]) =>
    u.general.localCallName ?? input.systems.get(u.systemUuid)?.name ?? u.systemUuid;
  const unitScope = query.unitUuid
    ? new Set(
        query.includeSubUnits === false
          ? [query.unitUuid]
          : unitDescendants(input.units, query.unitUuid, { includeSelf: true }).map((x) => x.uuid),
      )
    : undefined;
  const matches = (u: RelationGraphInput['usages'][number]) =>
    (!unitScope ||
      u.organizationUsage.usingUnitUuids.some((x) => unitScope.has(x)) ||
      (u.organizationUsage.responsibleUnitUuid !== null && unitScope.has(u.organizationUsage.responsibleUnitUuid))) &&
    (!query.kleUuid || kleOf(u, input.systems.get(u.systemUuid)).has(query.kleUuid)) &&
    (!query.systemUuid || u.systemUuid === query.systemUuid);

  // Relations either way, only between the organisation's own usages.
  const all = input.usages.flatMap((u) =>
    u.outgoingSystemRelations.filter((r) => usages.has(r.toUsageUuid)).map((r) => ({ from: u.uuid, r })),
  );
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
  for (const { from, r } of all) {
    link(from, r.toUsageUuid);
    link(r.toUsageUuid, from);
  }

  const distance = new Map<string, number>();
  let included: Set<string>;
  if (query.focusUsageUuid) {
    if (usages.has(query.focusUsageUuid)) {
      distance.set(query.focusUsageUuid, 0);
      let frontier = [query.focusUsageUuid];
      for (let step = 1; step <= (query.depth ?? 1) && frontier.length; step++) {
        const next: string[] = [];
        for (const at of frontier)
          for (const n of neighbours.get(at) ?? [])
            if (!distance.has(n)) {
              distance.set(n, step);
              next.push(n);
            }
        frontier = next;
      }
    }
    included = new Set(distance.keys());
  } else {
    const seed = input.usages.filter(matches).map((u) => u.uuid);
    included = new Set(seed);
    // A filtered graph shows where its usages send to and receive from.
    if (unitScope || query.kleUuid || query.systemUuid)
      for (const s of seed) for (const n of neighbours.get(s) ?? []) included.add(n);
  }
  const seedSet = query.focusUsageUuid ? included : new Set(input.usages.filter(matches).map((u) => u.uuid));

  const nodes = [...included]
    .map((uuid) => usages.get(uuid))
    .filter((u): u is RelationGraphInput['usages'][number] => !!u)
    .map((u) => {
      const unit = u.organizationUsage.responsibleUnitUuid;
      const unitName = unit ? unitNames.get(unit) : undefined;
      return {
        uuid: u.uuid,
        name: nameOf(u),
        systemUuid: u.systemUuid,
        responsibleUnit: unit && unitName !== undefined ? { uuid: unit, name: unitName } : null,
        matched: matches(u),
        distance: query.focusUsageUuid ? (distance.get(u.uuid) ?? null) : null,
      };
    })
    .sort(byName);
  const edges = all
    .filter(({ from, r }) =>
      query.focusUsageUuid
        ? included.has(from) && included.has(r.toUsageUuid)
        : seedSet.has(from) || seedSet.has(r.toUsageUuid),
    )
    .map(({ from, r }) => {
      const i = r.interfaceUuid ? input.interfaces.get(r.interfaceUuid) : undefined;
      const contract = r.contractUuid ? input.contracts.get(r.contractUuid) : undefined;
      return {
        uuid: r.uuid,
        fromUsageUuid: from,
        toUsageUuid: r.toUsageUuid,
        interface: r.interfaceUuid && i ? { uuid: r.interfaceUuid, name: i.name } : null,
        data: i ? [...i.data] : [],
        frequency: r.frequencyUuid ? input.optionName(r.frequencyUuid) : null,
        contract: r.contractUuid && contract !== undefined ? { uuid: r.contractUuid, name: contract } : null,
        description: r.description,
      };
    });
  return { organizationUuid: input.organizationUuid, nodes, edges, choices: choicesOf(input, nameOf) };
}

function choicesOf(input: RelationGraphInput, nameOf: (u: RelationGraphInput['usages'][number]) => string) {
  const kle = new Set<string>();
  const systems = new Map<string, string>();
  for (const u of input.usages) {
    for (const k of kleOf(u, input.systems.get(u.systemUuid))) kle.add(k);
    systems.set(u.systemUuid, input.systems.get(u.systemUuid)?.name ?? u.systemUuid);
  }
  return {
    units: input.units.map((u) => ({ uuid: u.uuid, name: u.name })).sort(byName),
    kle: [...kle]
      .map((uuid) => ({ uuid, name: input.kleName(uuid) ?? uuid }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da')),
    systems: [...systems].map(([uuid, name]) => ({ uuid, name })).sort(byName),
    usages: input.usages.map((u) => ({ uuid: u.uuid, name: nameOf(u) })).sort(byName),
  };
}
