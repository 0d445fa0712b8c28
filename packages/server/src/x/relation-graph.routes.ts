/**
 * The relation graph of an organisation (`<kitos-relation-graph>`): its usages and the relations
 * between them, filtered by unit, KLE task and system, or a usage's neighbourhood. The response
 * schema is the core's read-model schema.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { RelationGraphSchema } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, json, route } from '../openapi.js';
import { WireUuid } from '../v2/common.js';
import { actorOf } from '../v2/handler.js';

const TAG = ['x-os2kitos'];

const GraphQuery = z.strictObject({
  unitUuid: WireUuid.optional().openapi({ description: 'Usages this unit uses or is responsible for.' }),
  includeSubUnits: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'With `unitUuid`: also its sub-units (default true).' }),
  kleUuid: WireUuid.optional().openapi({ description: 'Usages supporting this KLE task.' }),
  systemUuid: WireUuid.optional().openapi({ description: 'Usages of this catalogue system.' }),
  focusUsageUuid: WireUuid.optional().openapi({
    description: "A usage's neighbourhood; the other filters then only mark nodes (`matched`).",
  }),
  depth: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional()
    .openapi({ description: 'Steps out from the focus usage, 1–5 (default 1).', example: '2' }),
});

/** Registers the relation graph route under `prefix`. */
export function registerRelationGraphRoutes(app: OpenAPIHono<ServerEnv>, prefix: string): void {
  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/relation-graph`,
      tags: TAG,
      summary: "The organisation's usages and the relations between them (what `<kitos-relation-graph>` draws)",
      request: { params: z.object({ organizationUuid: WireUuid }), query: GraphQuery },
      responses: { 200: json(RelationGraphSchema, 'The graph and its filter choices.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const graph = await c.get('kitos').relations.graph(actorOf(c), {
        organizationUuid: c.req.valid('param').organizationUuid,
        unitUuid: q.unitUuid,
        includeSubUnits: q.includeSubUnits === undefined ? undefined : q.includeSubUnits === 'true',
        kleUuid: q.kleUuid,
        systemUuid: q.systemUuid,
        focusUsageUuid: q.focusUsageUuid,
        depth: q.depth === undefined ? undefined : Number(q.depth),
      });
      return c.json(graph as never, 200);
    },
  );
}
