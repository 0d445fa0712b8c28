/**
 * `/api/v2/data-processing-registrations`: GDPR data processing registrations.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { DataProcessingRegistration, Filter } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { listAll, WireUuid } from './common.js';
import {
  CreateDprRequest,
  dprOut,
  dprPatchIn,
  DprResponse,
  UpdateDprRequest,
} from './data-processing-registrations.mapping.js';
import { todayInDenmark } from './it-system-usages.routes.js';
import { registerResource } from './resource.js';
import { registerRoleShortcuts } from './role-shortcuts.js';

/** Registers the data-processing-registrations routes. */
export function registerDprRoutes(app: OpenAPIHono<ServerEnv>): void {
  registerResource<DataProcessingRegistration, DprResponse>(app, {
    path: '/api/v2/data-processing-registrations',
    tag: 'data-processing-registrations',
    noun: 'data processing registration',
    param: 'dprUuid',
    protectedKind: 'dataProcessingRegistration',
    service: (k) => k.dataProcessing as never,
    response: DprResponse,
    put: true,
    combinedPermissions: true,
    listQuery: {
      organizationUuid: WireUuid.optional(),
      systemUuid: WireUuid.optional(),
      systemUsageUuid: WireUuid.optional(),
      dataProcessorUuid: WireUuid.optional(),
      subDataProcessorUuid: WireUuid.optional(),
      agreementConcluded: z.enum(['true', 'false']).optional(),
      nameContains: z.string().max(200).optional(),
      nameEquals: z.string().max(200).optional(),
    },
    async list(kitos, actor, q) {
      const filters: Filter[] = [];
      if (q.systemUsageUuid)
        filters.push({ op: 'hasAny', field: 'systemUsageUuids', values: [q.systemUsageUuid as string] });
      if (q.nameContains) filters.push({ op: 'contains', field: 'name', value: q.nameContains as string });
      let items = await listAll(kitos.dataProcessing.list, actor, {
        organizationUuid: q.organizationUuid as string | undefined,
        filter: filters.length ? { op: 'and', filters } : undefined,
      });
      if (q.nameEquals) items = items.filter((d) => d.name === q.nameEquals);
      if (q.dataProcessorUuid)
        items = items.filter((d) => d.general.dataProcessorUuids.includes(q.dataProcessorUuid as string));
      if (q.subDataProcessorUuid)
        items = items.filter((d) =>
          d.general.subDataProcessors.some((s) => s.organizationUuid === q.subDataProcessorUuid),
        );
      if (q.agreementConcluded)
        items = items.filter((d) => (d.general.isAgreementConcluded === 'Yes') === (q.agreementConcluded === 'true'));
      if (q.systemUuid) {
        const usages = await listAll(kitos.usages.list, actor, {
          filter: { op: 'eq', field: 'systemUuid', value: q.systemUuid as string },
        });
        const ids = new Set(usages.map((u) => u.uuid));
        items = items.filter((d) => d.systemUsageUuids.some((u) => ids.has(u)));
      }
      return items;
    },
    nameOf: (_k, d) => d.name,
    out: (_k, _a, names, d) => dprOut(names, d, todayInDenmark()),
    createRequest: CreateDprRequest,
    createIn: (body) => ({ organizationUuid: body.organizationUuid, ...dprPatchIn(body as never) }),
    updateRequest: UpdateDprRequest,
    patchIn: (body, current) => dprPatchIn(body as never, current),
  });
  registerRoleShortcuts<DataProcessingRegistration>(app, {
    path: '/api/v2/data-processing-registrations',
    tag: 'data-processing-registrations',
    noun: 'data processing registration',
    param: 'dprUuid',
    response: DprResponse,
    service: (k) => k.dataProcessing,
    out: (names, c) => dprOut(names, c, todayInDenmark()),
  });
}
