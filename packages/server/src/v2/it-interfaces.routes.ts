/**
 * `/api/v2/it-interfaces`: interfaces in the shared catalogue.
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Filter, ItInterface } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { listAll, QueryBoolean, WireUuid } from './common.js';
import {
  CreateItInterfaceRequest,
  itInterfaceFieldsIn,
  itInterfaceOut,
  ItInterfaceResponse,
  UpdateItInterfaceRequest,
} from './it-interfaces.mapping.js';
import { registerResource } from './resource.js';

/** Registers the it-interfaces routes. */
export function registerItInterfaceRoutes(app: OpenAPIHono<ServerEnv>): void {
  registerResource<ItInterface, ItInterfaceResponse>(app, {
    path: '/api/v2/it-interfaces',
    tag: 'it-interfaces',
    noun: 'interface',
    param: 'interfaceUuid',
    protectedKind: 'itInterface',
    service: (k) => k.interfaces as never,
    response: ItInterfaceResponse,
    put: false,
    listQuery: {
      exposedBySystemUuid: WireUuid.optional(),
      includeDeactivated: QueryBoolean.optional(),
      nameEquals: z.string().max(200).optional(),
      nameContains: z.string().max(200).optional(),
      nameOrItInterfaceIdContains: z.string().max(200).optional(),
      interfaceId: z.string().max(100).optional(),
      organizationUuid: WireUuid.optional(),
      usedInOrganizationUuid: WireUuid.optional(),
      availableInOrganizationUuid: WireUuid.optional(),
    },
    async list(kitos, actor, q) {
      const filters: Filter[] = [];
      if (!q.includeDeactivated) filters.push({ op: 'eq', field: 'deactivated', value: false });
      if (q.exposedBySystemUuid)
        filters.push({ op: 'eq', field: 'exposedBySystemUuid', value: q.exposedBySystemUuid as string });
      if (q.nameContains) filters.push({ op: 'contains', field: 'name', value: q.nameContains as string });
      let items = await listAll(kitos.interfaces.list, actor, {
        organizationUuid: q.organizationUuid as string | undefined,
        filter: filters.length ? { op: 'and', filters } : undefined,
      });
      if (q.nameEquals) items = items.filter((i) => i.name === q.nameEquals);
      if (q.interfaceId) items = items.filter((i) => i.interfaceId === q.interfaceId);
      if (q.nameOrItInterfaceIdContains) {
        const n = String(q.nameOrItInterfaceIdContains).toLowerCase();
        items = items.filter((i) => i.name.toLowerCase().includes(n) || i.interfaceId.toLowerCase().includes(n));
      }
      if (q.availableInOrganizationUuid)
        items = items.filter(
          (i) => i.accessModifier === 'Public' || i.organizationUuid === q.availableInOrganizationUuid,
        );
      if (q.usedInOrganizationUuid) {
        const usages = await listAll(kitos.usages.list, actor, {
          organizationUuid: q.usedInOrganizationUuid as string,
        });
        const systems = new Set(usages.map((u) => u.systemUuid));
        items = items.filter((i) => i.exposedBySystemUuid !== null && systems.has(i.exposedBySystemUuid));
      }
      return items;
    },
    nameOf: (_k, i) => i.name,
    out: (_k, _a, names, i) => itInterfaceOut(names, i),
    createRequest: CreateItInterfaceRequest,
    createIn: (body) => ({
      organizationUuid: body.organizationUuid,
      ...itInterfaceFieldsIn(body as never),
    }),
    updateRequest: UpdateItInterfaceRequest,
    patchIn: (body, current) => itInterfaceFieldsIn(body as never, current),
  });
}
