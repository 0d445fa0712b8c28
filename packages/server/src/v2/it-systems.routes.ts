/**
 * `/api/v2/it-systems`: the national catalogue of IT systems, as KITOS API v2 serves it.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Filter, ItSystem } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, ETAG_HEADER, IfMatchHeader, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import {
  BoundedPaging,
  CollectionPermissions,
  DeltaQuery,
  listAll,
  orderKitos,
  pageOf,
  QueryBoolean,
  WireUuid,
} from './common.js';
import { actorOf, ifMatch, locationOf, namesOf, setEtag } from './handler.js';
import {
  CreateItSystemRequest,
  ItSystemResponse,
  itSystemFieldsIn,
  itSystemOut,
  UpdateItSystemRequest,
} from './it-systems.mapping.js';
import { canCreateIn } from './permissions.js';

const TAG = ['it-systems'];
const Params = z.object({ uuid: WireUuid.openapi({ param: { name: 'uuid', in: 'path' } }) });

const ListQuery = z.strictObject({
  rightsHolderUuid: WireUuid.optional(),
  businessTypeUuid: WireUuid.optional(),
  kleNumber: z.string().max(20).optional(),
  kleUuid: WireUuid.optional(),
  numberOfUsers: z.coerce.number().int().min(0).optional(),
  includeDeactivated: QueryBoolean.optional(),
  usedInOrganizationUuid: WireUuid.optional(),
  nameContains: z.string().max(200).optional(),
  ...DeltaQuery,
  ...BoundedPaging,
});

const SystemPermissions = z
  .object({
    deletionConflicts: z.array(z.enum(['HasItSystemUsages', 'HasChildSystems', 'HasInterfaceExposures'])),
    modifyVisibility: z.boolean(),
    read: z.boolean(),
    modify: z.boolean(),
    delete: z.boolean(),
  })
  .openapi('ItSystemPermissionsResponseDTO');

/** Registers the it-systems routes. */
export function registerItSystemRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/it-systems',
      tags: TAG,
      summary: 'List IT systems the caller may read',
      request: { query: ListQuery },
      responses: { 200: json(z.array(ItSystemResponse), 'A page of systems.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const filters: Filter[] = [];
      if (!q.includeDeactivated) filters.push({ op: 'eq', field: 'deactivated', value: false });
      if (q.rightsHolderUuid) filters.push({ op: 'eq', field: 'rightsHolderUuid', value: q.rightsHolderUuid });
      if (q.nameContains) filters.push({ op: 'contains', field: 'name', value: q.nameContains });
      let items = await listAll(kitos.systems.list, actor, {
        filter: filters.length ? { op: 'and', filters } : undefined,
      });
      if (q.businessTypeUuid) items = items.filter((s) => s.businessTypeUuid?.toLowerCase() === q.businessTypeUuid);
      if (q.kleUuid) items = items.filter((s) => s.kleUuids.some((k) => k.toLowerCase() === q.kleUuid));
      if (q.kleNumber) {
        const tasks = await kitos.kle.list(actor, { prefix: q.kleNumber, includeInactive: true });
        const wanted = new Set(tasks.filter((t) => t.taskKey === q.kleNumber).map((t) => t.uuid));
        items = items.filter((s) => s.kleUuids.some((k) => wanted.has(k)));
      }
      if (q.usedInOrganizationUuid) {
        const usages = await listAll(kitos.usages.list, actor, { organizationUuid: q.usedInOrganizationUuid });
        const used = new Set(usages.map((u) => u.systemUuid));
        items = items.filter((s) => used.has(s.uuid));
      }
      if (q.numberOfUsers !== undefined) {
        const min = q.numberOfUsers;
        const counts = await Promise.all(items.map((s) => kitos.overviews.whoUses(actor, s.uuid)));
        items = items.filter((_, i) => (counts[i]?.length ?? 0) >= min);
      }
      const page = pageOf(
        orderKitos(items, q, (s: ItSystem) => s.name),
        q,
      );
      const names = namesOf(c);
      return c.json(await Promise.all(page.map((s) => itSystemOut(kitos, actor, names, s))), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/it-systems/permissions',
      tags: TAG,
      summary: 'May the caller create systems in an organisation',
      request: { query: z.strictObject({ organizationUuid: WireUuid }) },
      responses: { 200: json(CollectionPermissions, 'The answer.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('query');
      return c.json({ create: await canCreateIn(c.get('kitos'), actorOf(c), 'itSystem', organizationUuid) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/it-systems/{uuid}',
      tags: TAG,
      summary: 'One IT system',
      request: { params: Params },
      responses: { 200: { ...json(ItSystemResponse, 'The system.'), headers: ETAG_HEADER }, ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const s = await kitos.systems.get(actor, c.req.valid('param').uuid);
      setEtag(c, s.version);
      return c.json(await itSystemOut(kitos, actor, namesOf(c), s), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/v2/it-systems',
      tags: TAG,
      summary: 'Create an IT system',
      request: jsonBody(CreateItSystemRequest),
      responses: { 201: { ...json(ItSystemResponse, 'Created.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const body = c.req.valid('json');
      const s = await kitos.systems.create(actor, {
        organizationUuid: body.organizationUuid,
        ...itSystemFieldsIn(body),
      } as never);
      setEtag(c, s.version);
      c.header('Location', locationOf(c, s.uuid));
      return c.json(await itSystemOut(kitos, actor, namesOf(c), s), 201);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: '/api/v2/it-systems/{uuid}',
      tags: TAG,
      summary: 'Change the properties present in the body',
      request: { params: Params, headers: IfMatchHeader, ...jsonBody(UpdateItSystemRequest) },
      responses: { 200: { ...json(ItSystemResponse, 'Changed.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const s = await kitos.systems.patch(
        actor,
        c.req.valid('param').uuid,
        itSystemFieldsIn(c.req.valid('json')) as never,
        ifMatch(c),
      );
      setEtag(c, s.version);
      return c.json(await itSystemOut(kitos, actor, namesOf(c), s), 200);
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: '/api/v2/it-systems/{uuid}',
      tags: TAG,
      summary: 'Delete an IT system (refused while in use, with children or exposed interfaces)',
      request: { params: Params, headers: IfMatchHeader },
      responses: { 204: { description: 'Deleted.' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      await c.get('kitos').systems.delete(actorOf(c), c.req.valid('param').uuid, ifMatch(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/it-systems/{uuid}/permissions',
      tags: TAG,
      summary: 'What the caller may do with one system',
      request: { params: Params },
      responses: { 200: json(SystemPermissions, 'The answer.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const { uuid } = c.req.valid('param');
      const system = await kitos.systems.get(actor, uuid);
      const p = await kitos.systems.permissions(actor, uuid);
      const conflicts: ('HasItSystemUsages' | 'HasChildSystems' | 'HasInterfaceExposures')[] = [];
      // Any usage blocks the delete, also one of an organisation the reader may not see named.
      const used = await kitos.storage.query({
        kind: 'itSystemUsage',
        filter: { op: 'eq', field: 'systemUuid', value: system.uuid },
        limit: 1,
      });
      if (used.records.length) conflicts.push('HasItSystemUsages');
      const children = await kitos.storage.query({
        kind: 'itSystem',
        filter: { op: 'eq', field: 'parentUuid', value: system.uuid },
        limit: 1,
      });
      if (children.records.length) conflicts.push('HasChildSystems');
      const exposed = await kitos.storage.query({
        kind: 'itInterface',
        filter: { op: 'eq', field: 'exposedBySystemUuid', value: system.uuid },
        limit: 1,
      });
      if (exposed.records.length) conflicts.push('HasInterfaceExposures');
      const user = await kitos.users.get(actor, actor.userUuid);
      return c.json({ deletionConflicts: conflicts, modifyVisibility: user.isGlobalAdmin, ...p }, 200);
    },
  );
}
