/**
 * `/api/v2/it-contracts`: each organisation's contracts.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Contract, Filter } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { listAll, WireUuid } from './common.js';
import {
  contractOut,
  contractPatchIn,
  CreateContractRequest,
  ItContractResponse,
  UpdateContractRequest,
} from './it-contracts.mapping.js';
import { todayInDenmark } from './it-system-usages.routes.js';
import { registerResource } from './resource.js';
import { registerRoleShortcuts } from './role-shortcuts.js';

/** Registers the it-contracts routes. */
export function registerItContractRoutes(app: OpenAPIHono<ServerEnv>): void {
  registerResource<Contract, z.infer<typeof ItContractResponse>>(app, {
    path: '/api/v2/it-contracts',
    tag: 'it-contracts',
    noun: 'contract',
    param: 'contractUuid',
    protectedKind: 'itContract',
    service: (k) => k.contracts as never,
    response: ItContractResponse,
    put: true,
    listQuery: {
      organizationUuid: WireUuid.optional(),
      systemUuid: WireUuid.optional(),
      systemUsageUuid: WireUuid.optional(),
      dataProcessingRegistrationUuid: WireUuid.optional(),
      responsibleOrgUnitUuid: WireUuid.optional(),
      supplierUuid: WireUuid.optional(),
      nameContent: z.string().max(200).optional(),
      nameEquals: z.string().max(200).optional(),
    },
    async list(kitos, actor, q) {
      const filters: Filter[] = [];
      const eq = (field: string, value: unknown) => value && filters.push({ op: 'eq', field, value: value as string });
      const any = (field: string, value: unknown) =>
        value && filters.push({ op: 'hasAny', field, values: [value as string] });
      eq('supplierUuid', q.supplierUuid);
      eq('responsibleUnitUuid', q.responsibleOrgUnitUuid);
      any('systemUsageUuids', q.systemUsageUuid);
      any('dprUuids', q.dataProcessingRegistrationUuid);
      if (q.nameContent) filters.push({ op: 'contains', field: 'name', value: q.nameContent as string });
      let items = await listAll(kitos.contracts.list, actor, {
        organizationUuid: q.organizationUuid as string | undefined,
        filter: filters.length ? { op: 'and', filters } : undefined,
      });
      if (q.nameEquals) items = items.filter((c) => c.name === q.nameEquals);
      if (q.systemUuid) {
        const usages = await listAll(kitos.usages.list, actor, {
          filter: { op: 'eq', field: 'systemUuid', value: q.systemUuid as string },
        });
        const ids = new Set(usages.map((u) => u.uuid));
        items = items.filter((c) => c.systemUsageUuids.some((u) => ids.has(u)));
      }
      return items;
    },
    nameOf: (_k, c) => c.name,
    out: (_k, _a, names, c) => contractOut(names, c, todayInDenmark()),
    createRequest: CreateContractRequest,
    createIn: (body) => ({ organizationUuid: body.organizationUuid, ...contractPatchIn(body as never) }),
    updateRequest: UpdateContractRequest,
    patchIn: (body, current) => contractPatchIn(body as never, current),
  });
  registerRoleShortcuts<Contract>(app, {
    path: '/api/v2/it-contracts',
    tag: 'it-contracts',
    noun: 'contract',
    param: 'contractUuid',
    response: ItContractResponse,
    service: (k) => k.contracts,
    out: (names, c) => contractOut(names, c, todayInDenmark()),
  });
}
