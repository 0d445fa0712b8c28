/**
 * Our extensions beyond KITOS, under `/api/v2/x-os2kitos/…`: the audit history of a record,
 * contract deadlines from the deadline engine, the portfolio overviews, the widgets' cards and unit
 * tree, live updates (the change feed as server-sent events) and coordination across municipalities.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type OverviewKind, type OverviewQuery, toValidationIssues } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, json, jsonBody, route } from '../openapi.js';
import { validationProblem, ProblemError } from '../problem.js';
import { WireUuid } from '../v2/common.js';
import { actorOf } from '../v2/handler.js';
import { registerNotificationRoutes } from '../notify/routes.js';
import { registerCardRoutes } from './cards.routes.js';
import { type ChangeStreams, registerChangeStream } from './changes.js';
import { registerCoordinationRoutes } from './coordination.routes.js';
import { registerRelationGraphRoutes } from './relation-graph.routes.js';
import { registerRolesRoutes } from './roles.routes.js';
import { registerRegisterRoutes } from './registers.routes.js';
import { OverviewPageSchema } from './overview-rows.js';
import { registerRecordEditRoutes } from './record-edit.routes.js';
import { registerUsageEditRoutes } from './usage-edit.routes.js';

/** The prefix of every extension route: KITOS will never use an `x-` segment. */
export const EXTENSION_PREFIX = '/api/v2/x-os2kitos';

const TAG = ['x-os2kitos'];
const IsoDate = z.iso.date().openapi({ example: '2026-03-01' });

const AuditEntry = z
  .object({
    uuid: z.string(),
    at: z.string(),
    actorUuid: z.string().nullable(),
    action: z.enum(['create', 'update', 'delete']),
    entityKind: z.string(),
    entityUuid: z.string(),
    organizationUuid: z.string().nullable(),
    version: z.number().int(),
    changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() }).passthrough()),
  })
  .openapi('AuditEntry');

const HistoryKind = z
  .enum([
    'itSystem',
    'itInterface',
    'itSystemUsage',
    'itContract',
    'dataProcessingRegistration',
    'project',
    'organization',
    'organizationUnit',
  ])
  .openapi('HistoryKind');

const OverviewKindSchema = z
  .enum(['usages', 'contracts', 'dataProcessing', 'projects', 'catalogue'])
  .openapi('OverviewKind');

const ColumnFilter = z
  .union([
    z.strictObject({ column: z.string().max(100), op: z.enum(['contains', 'equals']), value: z.string().max(500) }),
    z.strictObject({
      column: z.string().max(100),
      op: z.literal('between'),
      min: z.number().nullish(),
      max: z.number().nullish(),
    }),
    z.strictObject({ column: z.string().max(100), op: z.enum(['onOrAfter', 'onOrBefore']), date: IsoDate }),
    z.strictObject({
      column: z.string().max(100),
      op: z.literal('in'),
      values: z.array(z.string().max(500)).max(1000),
    }),
    z.strictObject({ column: z.string().max(100), op: z.literal('is'), value: z.boolean() }),
    z.strictObject({ column: z.string().max(100), op: z.enum(['has', 'hasNot']) }),
    z.strictObject({
      column: z.string().max(100),
      op: z.literal('unit'),
      unitUuid: WireUuid,
      includeSubUnits: z.boolean(),
    }),
  ])
  .openapi('ColumnFilter');

/** An overview query: the core's `OverviewQuery`, validated here before it reaches the core. */
export const OverviewQuerySchema = z
  .strictObject({
    organizationUuid: WireUuid,
    today: IsoDate.optional(),
    filters: z.array(ColumnFilter).max(100).optional(),
    search: z.string().max(500).optional(),
    sort: z
      .array(z.strictObject({ column: z.string().max(100), direction: z.enum(['asc', 'desc']).optional() }))
      .max(10)
      .optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).max(10_000).optional(),
  })
  .openapi('OverviewQuery');

/** Registers the extension routes. */
export function registerExtensionRoutes(app: OpenAPIHono<ServerEnv>, streams: ChangeStreams): void {
  registerCardRoutes(app, EXTENSION_PREFIX);
  registerUsageEditRoutes(app, EXTENSION_PREFIX);
  registerRecordEditRoutes(app, EXTENSION_PREFIX);
  registerChangeStream(app, EXTENSION_PREFIX, streams);
  registerNotificationRoutes(app, EXTENSION_PREFIX);
  registerCoordinationRoutes(app, EXTENSION_PREFIX);
  registerRolesRoutes(app, EXTENSION_PREFIX);
  registerRelationGraphRoutes(app, EXTENSION_PREFIX);
  registerRegisterRoutes(app, EXTENSION_PREFIX);

  app.openapi(
    route({
      method: 'get',
      path: `${EXTENSION_PREFIX}/history/{kind}/{uuid}`,
      tags: TAG,
      summary: 'Audit history of a record, oldest first',
      description: "Who changed what and when; only for members of the record's organisation and global admins.",
      request: { params: z.object({ kind: HistoryKind, uuid: WireUuid }) },
      responses: { 200: json(z.array(AuditEntry), 'The audit entries.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { kind, uuid } = c.req.valid('param');
      return c.json((await c.get('kitos').feed.history(actorOf(c), kind, uuid)) as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${EXTENSION_PREFIX}/it-contracts/{contractUuid}/deadlines`,
      tags: TAG,
      summary: "A contract's terms and deadlines from the deadline engine",
      request: { params: z.object({ contractUuid: WireUuid }), query: z.strictObject({ today: IsoDate.optional() }) },
      responses: {
        200: json(z.object({ today: z.string() }).passthrough().openapi('ContractDeadlines'), 'The deadlines.'),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const { contractUuid } = c.req.valid('param');
      const { today } = c.req.valid('query');
      return c.json((await c.get('kitos').overviews.contractDeadlines(actorOf(c), contractUuid, today)) as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${EXTENSION_PREFIX}/organizations/{organizationUuid}/deadlines`,
      tags: TAG,
      summary: "Every dated deadline of the organisation's contracts, by date",
      request: {
        params: z.object({ organizationUuid: WireUuid }),
        query: z.strictObject({
          today: IsoDate.optional(),
          from: IsoDate.optional(),
          to: IsoDate.optional(),
          responsibleUnitUuid: WireUuid.optional(),
          includeSubUnits: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: {
        200: json(
          z.array(
            z
              .object({
                contractUuid: z.string(),
                contractName: z.string(),
                supplier: z.string().nullable(),
                responsibleUnitUuid: z.string().nullable(),
                responsibleUnitName: z.string().nullable(),
                kind: z.string(),
                date: z.string(),
                daysLeft: z.number().int(),
              })
              .openapi('DeadlineListItem'),
          ),
          'The deadlines.',
        ),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const q = c.req.valid('query');
      const items = await c.get('kitos').overviews.deadlines(actorOf(c), {
        organizationUuid,
        today: q.today,
        from: q.from,
        to: q.to,
        responsibleUnitUuid: q.responsibleUnitUuid,
        includeSubUnits: q.includeSubUnits === undefined ? undefined : q.includeSubUnits === 'true',
      });
      return c.json(items as never, 200);
    },
  );

  const overview = (kind: OverviewKind, query: OverviewQuery, c: Parameters<Parameters<typeof app.openapi>[1]>[0]) =>
    c.get('kitos').overviews.query(actorOf(c), kind, query);

  app.openapi(
    route({
      method: 'post',
      path: `${EXTENSION_PREFIX}/overviews/{kind}`,
      tags: TAG,
      summary: 'One page of a portfolio overview (query in the body)',
      request: { params: z.object({ kind: OverviewKindSchema }), ...jsonBody(OverviewQuerySchema) },
      responses: { 200: json(OverviewPageSchema, 'The page.'), ...COMMON_PROBLEMS },
    }),
    async (c) => c.json((await overview(c.req.valid('param').kind, c.req.valid('json'), c)) as never, 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: `${EXTENSION_PREFIX}/overviews/{kind}`,
      tags: TAG,
      summary: 'One page of a portfolio overview (query as JSON in `q`)',
      request: {
        params: z.object({ kind: OverviewKindSchema }),
        query: z.strictObject({ q: z.string().max(20_000).openapi({ description: 'The OverviewQuery as JSON.' }) }),
      },
      responses: { 200: json(OverviewPageSchema, 'The page.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      let raw: unknown;
      try {
        raw = JSON.parse(c.req.valid('query').q);
      } catch {
        throw new ProblemError(
          validationProblem('q is not JSON', [
            { path: ['query', 'q'], code: 'invalid-format', message: 'q must be JSON' },
          ]),
        );
      }
      const parsed = OverviewQuerySchema.safeParse(raw);
      if (!parsed.success)
        throw new ProblemError(
          validationProblem(
            'the overview query is invalid',
            toValidationIssues(parsed.error).map((i) => ({ ...i, path: ['query', 'q', ...i.path] })),
          ),
        );
      return c.json((await overview(c.req.valid('param').kind, parsed.data, c)) as never, 200);
    },
  );
}
