/**
 * `/api/v2/it-system-usages`: each organisation's use of catalogue systems.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { DEFAULT_TIME_ZONE, type Filter, type ItSystem, type ItSystemUsage, toIsoDate } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { listAll, WireUuid } from './common.js';
import {
  CreateItSystemUsageRequest,
  ItSystemUsageResponse,
  UpdateItSystemUsageRequest,
  usageOut,
  usagePatchIn,
} from './it-system-usages.mapping.js';
import { registerResource } from './resource.js';
import { registerRoleShortcuts } from './role-shortcuts.js';

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

  registerRoleShortcuts<ItSystemUsage>(app, {
    path: '/api/v2/it-system-usages',
    tag: 'it-system-usages',
    noun: 'system usage',
    param: 'systemUsageUuid',
    response: ItSystemUsageResponse,
    service: (k) => k.usages,
    out: (names, u) => usageOut(names, u, todayInDenmark()),
  });
}
