/**
 * Services of the shared catalogue: IT systems and interfaces.
 *
 * @module
 */
import { canEditLegalProperties, canSetAccessModifier } from '../access/policy.js';
import {
  itInterfaceDeletion,
  itInterfaceIdentityIsUnique,
  itInterfaceRightsHolder,
} from '../catalogue/it-interface.rules.js';
import {
  type ItInterface,
  ItInterfaceCreateSchema,
  ItInterfaceFieldsSchema,
  ItInterfacePatchSchema,
} from '../catalogue/it-interface.schema.js';
import { itSystemDeletion, itSystemNameIsUnique, itSystemParentChange } from '../catalogue/it-system.rules.js';
import {
  type ItSystem,
  ItSystemCreateSchema,
  ItSystemFieldsSchema,
  ItSystemPatchSchema,
} from '../catalogue/it-system.schema.js';
import { catalogueNameKey } from '../catalogue/catalogue-name.js';
import type { CallContext } from '../engine/call.js';
import { INTERFACE, SYSTEM, USAGE } from '../engine/kinds.js';
import { writeEntity } from '../engine/repository.js';
import { type CallRunner, createEntityService } from '../engine/service.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { KitosForbiddenError } from '../shared/errors.js';
import { enforce } from './enforce.js';
import { allOf } from './lookup.js';

/** Permission facts of a system. */
export const protectSystem = (_: CallContext, s: ItSystem) => ({
  kind: 'itSystem' as const,
  uuid: s.uuid,
  organizationUuid: s.organizationUuid,
  accessModifier: s.accessModifier,
  rightsHolderUuid: s.rightsHolderUuid,
});

/** Catalogue systems. */
export function systemService(runner: CallRunner) {
  return createEntityService(runner, {
    def: SYSTEM,
    fieldsSchema: ItSystemFieldsSchema,
    createSchema: ItSystemCreateSchema,
    patchSchema: ItSystemPatchSchema,
    protect: protectSystem,
    createOrganization: (i) => i.organizationUuid,
    guard: (call, next, current) => {
      const e = { kind: 'itSystem' as const, uuid: current?.uuid ?? '', organizationUuid: next.organizationUuid };
      if (next.accessModifier !== (current?.accessModifier ?? 'Public') && !canSetAccessModifier(call.actor, e)) {
        throw new KitosForbiddenError('catalogue', 'only global admins change the scope of catalogue systems');
      }
      const legal = (s?: Pick<ItSystem, 'legalName' | 'legalDataProcessorName'>) =>
        `${s?.legalName ?? ''}\u0000${s?.legalDataProcessorName ?? ''}`;
      if (legal(next) !== legal(current) && !canEditLegalProperties(call.actor)) {
        throw new KitosForbiddenError('catalogue', 'only system integrators edit the legal properties');
      }
    },
    check: async (call, next) => {
      const same = await allOf<ItSystem>(call.tx, SYSTEM.kind, next.organizationUuid, {
        op: 'eq',
        field: 'nameKey',
        value: catalogueNameKey(next.name),
      });
      enforce(itSystemNameIsUnique(next, same), 'catalogue');
      if (next.parentUuid)
        enforce(
          itSystemParentChange(await allOf<ItSystem>(call.tx, SYSTEM.kind), next.uuid, next.parentUuid),
          'catalogue',
        );
    },
    beforeDelete: async (call, system) => {
      const usages = await call.tx.query({
        kind: USAGE.kind,
        filter: { op: 'eq', field: 'systemUuid', value: system.uuid },
      });
      const children = await allOf<ItSystem>(call.tx, SYSTEM.kind, undefined, {
        op: 'eq',
        field: 'parentUuid',
        value: system.uuid,
      });
      const interfaces = await allOf<ItInterface>(call.tx, INTERFACE.kind, undefined, {
        op: 'eq',
        field: 'exposedBySystemUuid',
        value: system.uuid,
      });
      enforce(
        itSystemDeletion(system.uuid, { usageUuids: usages.records.map((r) => r.uuid), systems: children, interfaces }),
        'catalogue',
      );
    },
  });
}

/** Catalogue interfaces. */
export function interfaceService(runner: CallRunner) {
  return createEntityService(runner, {
    def: INTERFACE,
    fieldsSchema: ItInterfaceFieldsSchema,
    createSchema: ItInterfaceCreateSchema,
    patchSchema: ItInterfacePatchSchema,
    protect: async (call, i) => {
      const system = i.exposedBySystemUuid
        ? (await call.tx.get<ItSystem>(SYSTEM.kind, i.exposedBySystemUuid))?.data
        : undefined;
      return {
        kind: 'itInterface' as const,
        uuid: i.uuid,
        organizationUuid: i.organizationUuid,
        accessModifier: i.accessModifier,
        rightsHolderUuid: itInterfaceRightsHolder(i, system ? [system] : []),
      };
    },
    createOrganization: (i) => i.organizationUuid,
    prepareCreate: (call, input) => ({
      description: null,
      interfaceVersion: null,
      url: null,
      note: null,
      interfaceTypeUuid: null,
      dataRows: [],
      exposedBySystemUuid: null,
      deactivated: false,
      // Interfaces start Local unless the creator may publish (global admins), as in KITOS.
      accessModifier: (call.actor.isGlobalAdmin ? 'Public' : 'Local') as 'Public' | 'Local',
      ...input,
    }),
    guard: (call, next, current) => {
      const before = current?.accessModifier ?? (call.actor.isGlobalAdmin ? 'Public' : 'Local');
      if (next.accessModifier !== before && !call.actor.isGlobalAdmin) {
        throw new KitosForbiddenError('catalogue', 'only global admins change the scope of interfaces');
      }
    },
    check: async (call, next) => {
      const same = await allOf<ItInterface>(call.tx, INTERFACE.kind, next.organizationUuid);
      enforce(itInterfaceIdentityIsUnique(next, same), 'catalogue');
      if (next.exposedBySystemUuid && !(await call.tx.get(SYSTEM.kind, next.exposedBySystemUuid))) {
        enforce(
          {
            ok: false,
            violations: [
              {
                code: 'system-not-found',
                message: 'the exposing system does not exist',
                path: ['exposedBySystemUuid'],
              },
            ],
          },
          'catalogue',
        );
      }
    },
    afterWrite: async (call, iface, previous) => {
      if (previous && previous.exposedBySystemUuid !== iface.exposedBySystemUuid)
        await clearInterfaceOnRelations(call, iface.uuid);
    },
    beforeDelete: (_call, iface) => {
      enforce(itInterfaceDeletion(iface), 'catalogue');
    },
    afterDelete: (call, iface) => clearInterfaceOnRelations(call, iface.uuid),
  });
}

/** Relations that used an interface lose it when the interface moves or disappears (KITOS behaviour). */
async function clearInterfaceOnRelations(call: CallContext, interfaceUuid: string): Promise<void> {
  const usages = await allOf<ItSystemUsage>(call.tx, USAGE.kind);
  for (const u of usages) {
    if (!u.outgoingSystemRelations.some((r) => r.interfaceUuid === interfaceUuid)) continue;
    const next = {
      ...u,
      outgoingSystemRelations: u.outgoingSystemRelations.map((r) =>
        r.interfaceUuid === interfaceUuid ? { ...r, interfaceUuid: null } : r,
      ),
    };
    await writeEntity(call.tx, USAGE, call.write, next, u);
  }
}
