/**
 * Roles across an organisation (`<kitos-roles>`): who holds which role where, a person's roles,
 * moving a person's roles to another in one transaction (with a preview), and the roles as a
 * spreadsheet. The response schemas are the core's read-model schemas; the core validates every
 * body (a `KitosValidationError` becomes a 400 problem naming the fields).
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  RoleObjectKindSchema,
  RolesOverviewSchema,
  RoleTransferPreviewSchema,
  RoleTransferResultSchema,
} from '@os2kitos/core';
import { exportRoles } from '@os2kitos/io';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import { WireUuid } from '../v2/common.js';
import { actorOf } from '../v2/handler.js';

const TAG = ['x-os2kitos'];

const RolesQueryDoc = z.strictObject({
  userUuid: WireUuid.optional().openapi({ description: "Only this person's roles." }),
  objectKinds: z.string().max(200).optional().openapi({
    description: 'Only roles on these kinds of record, comma-separated',
    example: 'itSystemUsage,itContract',
  }),
});

const TransferBody = z
  .strictObject({
    fromUserUuid: WireUuid,
    toUserUuid: WireUuid,
    items: z
      .array(
        z.strictObject({
          objectKind: RoleObjectKindSchema,
          objectUuid: WireUuid,
          roleUuid: WireUuid,
          expectedVersion: z.number().int().positive().optional(),
        }),
      )
      .max(5000)
      .optional()
      .openapi({ description: 'The roles to move; without it, every role the person holds moves.' }),
  })
  .openapi('RoleTransfer');

const kinds = (value: string | undefined) =>
  value === undefined ? undefined : (value.split(',').filter(Boolean) as z.infer<typeof RoleObjectKindSchema>[]);

/** Registers the roles routes under `prefix`. */
export function registerRolesRoutes(app: OpenAPIHono<ServerEnv>, prefix: string): void {
  const Params = z.object({ organizationUuid: WireUuid });
  const base = `${prefix}/organizations/{organizationUuid}/roles`;

  app.openapi(
    route({
      method: 'get',
      path: base,
      tags: TAG,
      summary: 'Who holds which role on which usage, contract, registration and unit (what `<kitos-roles>` shows)',
      request: { params: Params, query: RolesQueryDoc },
      responses: { 200: json(RolesOverviewSchema, 'The roles.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const overview = await c.get('kitos').roles.overview(actorOf(c), {
        organizationUuid: c.req.valid('param').organizationUuid,
        userUuid: q.userUuid,
        objectKinds: kinds(q.objectKinds),
      });
      return c.json(overview as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${base}/transfer-preview`,
      tags: TAG,
      summary: "What moving a person's roles to another would do, and whether it is allowed (changes nothing)",
      request: { params: Params, ...jsonBody(TransferBody) },
      responses: {
        200: json(RoleTransferPreviewSchema, 'The plan.'),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const plan = await c.get('kitos').roles.previewTransfer(actorOf(c), {
        ...c.req.valid('json'),
        organizationUuid: c.req.valid('param').organizationUuid,
      });
      return c.json(plan as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${base}/transfer`,
      tags: TAG,
      summary: "Move a person's roles to another person in one transaction",
      description:
        'Every item passes the checks of a single role write (permission, version, role option, membership). ' +
        "One refused item refuses the whole transfer with that item's problem (its `context.item` or the " +
        'issue path `items.<n>` names it) and nothing changes.',
      request: { params: Params, ...jsonBody(TransferBody) },
      responses: {
        200: json(RoleTransferResultSchema, 'What moved.'),
        ...WRITE_PROBLEMS,
      },
    }),
    async (c) => {
      const result = await c.get('kitos').roles.transfer(actorOf(c), {
        ...c.req.valid('json'),
        organizationUuid: c.req.valid('param').organizationUuid,
      });
      return c.json(result as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${base}/export`,
      tags: TAG,
      summary: 'The roles as a spreadsheet (XLSX or CSV for Danish Excel)',
      request: {
        params: Params,
        query: RolesQueryDoc.extend({
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
          language: z.enum(['da', 'en']).default('da'),
        }),
      },
      responses: {
        200: {
          description: 'The file.',
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().openapi({ format: 'binary' }),
            },
            'text/csv': { schema: z.string() },
          },
        },
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const file = await exportRoles(
        c.get('kitos'),
        actorOf(c),
        {
          organizationUuid: c.req.valid('param').organizationUuid,
          userUuid: q.userUuid,
          objectKinds: kinds(q.objectKinds),
        },
        { format: q.format, language: q.language },
      );
      return c.body(file.data as never, 200, {
        'Content-Type': file.mediaType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
      });
    },
  );
}
