/**
 * What the widgets read beyond the overviews: the detail cards of a usage, a contract, a registration and a project, the
 * organisation's unit tree and the column catalogue of each overview. The response schemas are
 * the core's read-model schemas, so the document says exactly what the core returns.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ContractCardSchema,
  DprCardSchema,
  OVERVIEW_COLUMNS,
  ProjectCardSchema,
  UnitTreeNodeSchema,
  UsageCardSchema,
} from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, json, route } from '../openapi.js';
import { WireUuid } from '../v2/common.js';
import { actorOf } from '../v2/handler.js';

const TAG = ['x-os2kitos'];
const IsoDate = z.iso.date().openapi({ example: '2026-03-01' });
const TodayQuery = z.strictObject({
  today: IsoDate.optional().openapi({
    description: 'The day validity and deadlines are computed for (default: today).',
  }),
});

// The core's unit tree schema is recursive (z.lazy), which the document generator cannot follow: the
// document shows one node with its sub-units as nodes of the same shape.
const UnitTreeNodeDoc = (UnitTreeNodeSchema as unknown as z.ZodLazy<z.ZodObject>)
  .unwrap()
  .omit({ children: true })
  .extend({ children: z.array(z.unknown()).openapi({ description: 'Sub-units: nodes of this same shape.' }) })
  .openapi('UnitTreeNode');

const OverviewColumnSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    label: z.object({ da: z.string(), en: z.string() }).passthrough(),
  })
  .passthrough()
  .openapi('OverviewColumn', { description: "One column of an overview (core's `OVERVIEW_COLUMNS`)." });

/** Registers the card, unit tree and column routes under `prefix`. */
export function registerCardRoutes(app: OpenAPIHono<ServerEnv>, prefix: string): void {
  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/it-system-usages/{uuid}/card`,
      tags: TAG,
      summary: 'The detail card of an IT-system usage (what `<kitos-usage-card>` shows)',
      request: { params: z.object({ uuid: WireUuid }), query: TodayQuery },
      responses: { 200: json(UsageCardSchema, 'The card.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const card = await c.get('kitos').cards.usage(actorOf(c), c.req.valid('param').uuid, c.req.valid('query').today);
      return c.json(card as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/it-contracts/{uuid}/card`,
      tags: TAG,
      summary: 'The detail card of a contract with its deadlines (what `<kitos-contract-card>` shows)',
      request: { params: z.object({ uuid: WireUuid }), query: TodayQuery },
      responses: { 200: json(ContractCardSchema, 'The card.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const card = await c
        .get('kitos')
        .cards.contract(actorOf(c), c.req.valid('param').uuid, c.req.valid('query').today);
      return c.json(card as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/data-processing-registrations/{uuid}/card`,
      tags: TAG,
      summary: 'The detail card of a data processing registration (what `<kitos-registration-card>` shows)',
      request: { params: z.object({ uuid: WireUuid }), query: TodayQuery },
      responses: { 200: json(DprCardSchema, 'The card.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const card = await c
        .get('kitos')
        .cards.dataProcessing(actorOf(c), c.req.valid('param').uuid, c.req.valid('query').today);
      return c.json(card as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/it-projects/{uuid}/card`,
      tags: TAG,
      summary: 'The detail card of a project (what `<kitos-project-card>` shows)',
      request: { params: z.object({ uuid: WireUuid }), query: TodayQuery },
      responses: { 200: json(ProjectCardSchema, 'The card.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const card = await c
        .get('kitos')
        .cards.project(actorOf(c), c.req.valid('param').uuid, c.req.valid('query').today);
      return c.json(card as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/unit-tree`,
      tags: TAG,
      summary: "The organisation's unit tree with counts per unit",
      request: { params: z.object({ organizationUuid: WireUuid }) },
      responses: {
        200: json(z.array(UnitTreeNodeDoc), 'The root unit(s) with their sub-units.'),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const tree = await c.get('kitos').overviews.unitTree(actorOf(c), c.req.valid('param').organizationUuid);
      return c.json(tree as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/overviews/{kind}/columns`,
      tags: TAG,
      summary: 'The column catalogue of an overview',
      request: {
        params: z.object({ kind: z.enum(['usages', 'contracts', 'dataProcessing', 'projects', 'catalogue']) }),
      },
      responses: {
        200: json(z.array(OverviewColumnSchema), 'The columns, in their default order.'),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => c.json(OVERVIEW_COLUMNS[c.req.valid('param').kind] as never, 200),
  );
}
