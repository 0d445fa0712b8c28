/**
 * `/api/v2/it-system-usages`: each organisation's use of catalogue systems.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  DEFAULT_TIME_ZONE,
  type Filter,
  KitosConflictError,
  type ItSystem,
  type ItSystemUsage,
  toIsoDate,
} from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { ETAG_HEADER, IfMatchHeader, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import { listAll, RoleAssignmentIn, WireUuid } from './common.js';
import { actorOf, ifMatch, namesOf, setEtag } from './handler.js';
import {
  CreateItSystemUsageRequest,
  ItSystemUsageResponse,
  UpdateItSystemUsageRequest,
  usageOut,
  usagePatchIn,
} from './it-system-usages.mapping.js';
import { registerResource } from './resource.js';

/** Today in Denmark: the date validity is computed for. */
export const todayInDenmark = () => toIsoDate(new Date(), DEFAULT_TIME_ZONE);

/** Registers the it-system-usages routes. */
export function registerItSystemUsageRoutes(app: OpenAPIHono<ServerEnv>): void {
  registerResource<ItSystemUsage, ItSystemUsageResponse>(app, {
    path: '/api/v2/it-system-usages',
    tag: 'it-system-usages',
    noun: 'system usage',
    param: 'systemUsageUuid',
    protectedKind: 'itSystemUsage',
    service: (k) => k.usages as never,
    response: ItSystemUsageResponse,
    put: true,
    combinedPermissions: true,
    listQuery: {
      organizationUuid: WireUuid.optional(),
      relatedToSystemUuid: WireUuid.optional(),
      relatedToSystemUsageUuid: WireUuid.optional(),
      relatedToContractUuid: WireUuid.optional(),
      systemUuid: WireUuid.optional(),
      systemNameContent: z.string().max(200).optional(),
    },
    async list(kitos, actor, q) {
      const filters: Filter[] = [];
      if (q.systemUuid) filters.push({ op: 'eq', field: 'systemUuid', value: q.systemUuid as string });
      if (q.relatedToSystemUsageUuid)
        filters.push({ op: 'hasAny', field: 'relationTargets', values: [q.relatedToSystemUsageUuid as string] });
      if (q.relatedToContractUuid)
        filters.push({ op: 'hasAny', field: 'relationContractUuids', values: [q.relatedToContractUuid as string] });
      let items = await listAll(kitos.usages.list, actor, {
        organizationUuid: q.organizationUuid as string | undefined,
        filter: filters.length ? { op: 'and', filters } : undefined,
      });
      if (q.relatedToSystemUuid) {
        const targets = await listAll(kitos.usages.list, actor, {
          filter: { op: 'eq', field: 'systemUuid', value: q.relatedToSystemUuid as string },
        });
        const ids = new Set(targets.map((t) => t.uuid));
        items = items.filter((u) => u.outgoingSystemRelations.some((r) => ids.has(r.toUsageUuid)));
      }
      if (q.systemNameContent) {
        const needle = String(q.systemNameContent).toLowerCase();
        const kept: ItSystemUsage[] = [];
        for (const u of items) {
          const system = (await kitos.storage.get<ItSystem>('itSystem', u.systemUuid))?.data;
          if (system?.name.toLowerCase().includes(needle)) kept.push(u);
        }
        items = kept;
      }
      return items;
    },
    nameOf: async (_k, u, names) => (await names.usage(u.uuid)).name,
    out: (_k, _a, names, u) => usageOut(names, u, todayInDenmark()),
    createRequest: CreateItSystemUsageRequest,
    createIn: (body) => ({
      systemUuid: body.systemUuid,
      organizationUuid: body.organizationUuid,
      ...usagePatchIn(body as never),
    }),
    updateRequest: UpdateItSystemUsageRequest,
    patchIn: (body, current) => usagePatchIn(body as never, current),
  });

  // KITOS's role shortcuts: add or remove one assignment without sending the whole list.
  for (const action of ['add', 'remove'] as const)
    app.openapi(
      route({
        method: 'patch',
        path: `/api/v2/it-system-usages/{systemUsageUuid}/roles/${action}`,
        tags: ['it-system-usages'],
        summary: action === 'add' ? 'Add a role assignment' : 'Remove a role assignment',
        request: {
          params: z.object({ systemUsageUuid: WireUuid }),
          headers: IfMatchHeader,
          ...jsonBody(RoleAssignmentIn),
        },
        responses: { 200: { ...json(ItSystemUsageResponse, 'The usage.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
      }),
      async (c) => {
        const kitos = c.get('kitos');
        const actor = actorOf(c);
        const { systemUsageUuid } = c.req.valid('param');
        const role = c.req.valid('json');
        const options = ifMatch(c);
        const current = await kitos.usages.get(actor, systemUsageUuid);
        const same = (r: { roleUuid: string; userUuid: string }) =>
          r.roleUuid.toLowerCase() === role.roleUuid && r.userUuid.toLowerCase() === role.userUuid;
        if (action === 'add' && current.roles.some(same))
          throw new KitosConflictError('usage', 'the user already has this role on the usage', { code: 'duplicate' });
        const roles = action === 'add' ? [...current.roles, role] : current.roles.filter((r) => !same(r));
        const saved = await kitos.usages.patch(actor, systemUsageUuid, { roles }, options);
        setEtag(c, saved.version);
        return c.json(await usageOut(namesOf(c), saved, todayInDenmark()), 200);
      },
    );
}
