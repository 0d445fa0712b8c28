/**
 * The relation graph of an organisation (`<kitos-relation-graph>`): its usages and the relations
 * between them, filtered by unit, KLE task and system, or a usage's neighbourhood. Members of the
 * organisation and global admins read it, as every portfolio read.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import type { ItInterface } from '../catalogue/it-interface.schema.js';
import { KitosForbiddenError } from '../shared/errors.js';
import { parse } from '../shared/schema.js';
import type { CallRunner } from '../engine/service.js';
import {
  type RelationGraph,
  type RelationGraphQuery,
  RelationGraphQuerySchema,
  relationGraph,
} from '../usage/relation-graph.read-model.js';
import { INTERFACE } from './kinds.js';
import { byIndex, loadReadContext } from './read-context.service.js';

/** The relation graph service. */
export interface RelationGraphService {
  /**
   * The organisation's usages and their relations.
   *
   * @example
   * ```ts
   * const { nodes, edges } = await kitos.relations.graph(actor, { organizationUuid, focusUsageUuid, depth: 2 });
   * ```
   */
  graph(actor: Actor, query: RelationGraphQuery): Promise<RelationGraph>;
}

/** Builds the relation graph service. */
export function relationGraphService(runner: CallRunner): RelationGraphService {
  return {
    graph: (actor, input) =>
      runner.read(actor, async (call) => {
        const q = parse(RelationGraphQuerySchema, input, 'usage');
        if (!call.actor.isGlobalAdmin && !call.actor.roles.has(q.organizationUuid))
          throw new KitosForbiddenError(
            'access',
            'you may only see the portfolio of organisations you are a member of',
            {
              organizationUuid: q.organizationUuid,
            },
          );
        const ctx = await loadReadContext(call, q.organizationUuid, call.today);
        // A relation's interface is exposed by the receiving usage's system.
        const interfaces = await byIndex<ItInterface>(
          call.tx,
          INTERFACE.kind,
          'exposedBySystemUuid',
          ctx.usages.map((u) => u.systemUuid),
        );
        return relationGraph(
          {
            organizationUuid: q.organizationUuid,
            usages: ctx.usages,
            units: ctx.units,
            systems: new Map(
              ctx.usages.map((u) => [u.systemUuid, ctx.system(u.systemUuid) ?? { name: u.systemUuid, kleUuids: [] }]),
            ),
            interfaces: new Map(
              interfaces.map((i) => [
                i.uuid,
                { name: i.name, data: i.dataRows.flatMap((d) => (d.data ? [d.data] : [])) },
              ]),
            ),
            contracts: new Map(ctx.contracts.map((c) => [c.uuid, c.name])),
            optionName: (uuid) => ctx.optionName(uuid),
            kleName: (uuid) => ctx.kleText(uuid),
          },
          q,
        );
      }),
  };
}
