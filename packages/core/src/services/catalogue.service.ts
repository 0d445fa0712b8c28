/**
 * Services of the shared catalogue: IT systems and interfaces.
 *
 * @module
 */
import { organizationsWithRole } from '../access/actor.js';
import { canEditLegalProperties, canRead, canSetAccessModifier, readFilter } from '../access/policy.js';
import type { Filter } from '../storage/port.js';
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
import { INTERFACE, SYSTEM, USAGE } from './kinds.js';
import { deleteEntity, writeEntity } from '../engine/repository.js';
import { detachReferrers } from '../engine/references.js';
import { type CallRunner, createEntityService, organizationLock } from '../engine/service.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { KitosForbiddenError } from '../shared/errors.js';
import { enforce } from './enforce.js';
import { allOf } from './lookup.js';
import { DETACHING_REFERENCES } from './references.js';
import { SYSTEM_LISTS } from './list-fields.js';

/** Permission facts of a system. */
export const protectSystem = (_: CallContext, s: ItSystem) => ({
  kind: 'itSystem' as const,
  uuid: s.uuid,
  organizationUuid: s.organizationUuid,
  accessModifier: s.accessModifier,
  rightsHolderUuid: s.rightsHolderUuid,
});

/** Lock key of one catalogue system: its deletion, usages and exposed interfaces serialise on it. */
export function systemLock(systemUuid: string): string {
  return `itSystem:${systemUuid}`;
}

/** Lock key of the shared system hierarchy (parents may be systems of any organisation). */
export const SYSTEM_HIERARCHY_LOCK = 'itSystem:hierarchy';

/** Catalogue systems. */
export function systemService(runner: CallRunner) {
  return createEntityService(runner, {
    def: SYSTEM,
    lists: SYSTEM_LISTS,
    fieldsSchema: ItSystemFieldsSchema,
    createSchema: ItSystemCreateSchema,
    patchSchema: ItSystemPatchSchema,
    protect: protectSystem,
    createOrganization: (i) => i.organizationUuid,
    extraLocks: ({ input, current }) => {
      const keys = current ? [systemLock(current.uuid)] : [];
      const parent = (input as { parentUuid?: unknown } | undefined)?.parentUuid;
      if (parent !== undefined || current?.parentUuid) keys.push(SYSTEM_HIERARCHY_LOCK);
      return keys;
    },
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
    check: async (call, next, current) => {
      const same = await allOf<ItSystem>(call.tx, SYSTEM.kind, next.organizationUuid, {
        op: 'eq',
        field: 'nameKey',
        value: catalogueNameKey(next.name),
      });
      enforce(itSystemNameIsUnique(next, same), 'catalogue');
      // A parent the actor cannot see does not exist for them: the same refusal as an unknown one.
      if (next.parentUuid && next.parentUuid !== current?.parentUuid) {
        const parent = (await call.tx.get<ItSystem>(SYSTEM.kind, next.parentUuid))?.data;
        if (!parent || !canRead(call.actor, protectSystem(call, parent)))
          enforce(
            {
              ok: false,
              violations: [
                { code: 'parent-not-found', message: 'the parent system does not exist', path: ['parentUuid'] },
              ],
            },
            'catalogue',
          );
      }
      if (next.parentUuid)
        enforce(
          itSystemParentChange(await allOf<ItSystem>(call.tx, SYSTEM.kind), next.uuid, next.parentUuid),
          'catalogue',
        );
    },
    breakBindings: breakSystemBindings,
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
    // Rights holders read the interfaces their systems expose, which the index cannot say alone.
    readScope: async (call) => {
      const base = readFilter(call.actor, 'itInterface');
      const holders = organizationsWithRole(call.actor, 'RightsHolderAccess');
      if (base === 'all' || holders.length === 0) return base;
      const held = await allOf<ItSystem>(call.tx, SYSTEM.kind, undefined, {
        op: 'in',
        field: 'rightsHolderUuid',
        values: holders,
      });
      const exposed: Filter = { op: 'in', field: 'exposedBySystemUuid', values: held.map((x) => x.uuid) };
      return base === 'none' ? exposed : { op: 'or', filters: [base, exposed] };
    },
    extraLocks: ({ input, current }) => {
      const systems = [current?.exposedBySystemUuid, (input as { exposedBySystemUuid?: unknown })?.exposedBySystemUuid];
      return systems.filter((x): x is string => typeof x === 'string').map(systemLock);
    },
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
    check: async (call, next, current) => {
      const same = await allOf<ItInterface>(call.tx, INTERFACE.kind, next.organizationUuid);
      enforce(itInterfaceIdentityIsUnique(next, same), 'catalogue');
      // A system the actor cannot see does not exist for them (no probing other municipalities'
      // local systems through the error), and an interface can only hang on a visible system.
      const exposing = next.exposedBySystemUuid
        ? (await call.tx.get<ItSystem>(SYSTEM.kind, next.exposedBySystemUuid))?.data
        : undefined;
      const unchanged = current?.exposedBySystemUuid === next.exposedBySystemUuid;
      if (
        next.exposedBySystemUuid &&
        (!exposing || (!unchanged && !canRead(call.actor, protectSystem(call, exposing))))
      ) {
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
    detach: DETACHING_REFERENCES,
  });
}

/** Relations that used an interface lose it when the interface moves or disappears (KITOS behaviour). */
async function clearInterfaceOnRelations(call: CallContext, interfaceUuid: string): Promise<void> {
  await detachReferrers(
    call,
    DETACHING_REFERENCES.filter((r) => r.target === INTERFACE.kind),
    { kind: INTERFACE.kind, uuid: interfaceUuid, organizationUuid: null },
  );
}

/**
 * KITOS's "break bindings" for a catalogue system about to be deleted (global admins only): every
 * usage of it, in every organisation, is deleted with its cascades; its sub-systems become
 * top-level; its interfaces are no longer exposed (relations lose them).
 */
async function breakSystemBindings(call: CallContext, system: ItSystem): Promise<void> {
  if (!call.actor.isGlobalAdmin)
    throw new KitosForbiddenError('catalogue', 'only global admins delete a system together with its bindings');
  const usages = await allOf<ItSystemUsage>(call.tx, USAGE.kind, undefined, {
    op: 'eq',
    field: 'systemUuid',
    value: system.uuid,
  });
  // The usages' organisations are locked as their own writes would lock them.
  await call.tx.lock([...new Set(usages.map((u) => organizationLock(u.organizationUuid)))]);
  for (const usage of usages) {
    await deleteEntity(call.tx, USAGE, call.write, usage);
    await detachReferrers(call, DETACHING_REFERENCES, {
      kind: USAGE.kind,
      uuid: usage.uuid,
      organizationUuid: usage.organizationUuid,
    });
  }
  for (const child of await allOf<ItSystem>(call.tx, SYSTEM.kind, undefined, {
    op: 'eq',
    field: 'parentUuid',
    value: system.uuid,
  }))
    await writeEntity(call.tx, SYSTEM, call.write, { ...child, parentUuid: null }, child);
  for (const iface of await allOf<ItInterface>(call.tx, INTERFACE.kind, undefined, {
    op: 'eq',
    field: 'exposedBySystemUuid',
    value: system.uuid,
  })) {
    await writeEntity(call.tx, INTERFACE, call.write, { ...iface, exposedBySystemUuid: null }, iface);
    await clearInterfaceOnRelations(call, iface.uuid);
  }
}
