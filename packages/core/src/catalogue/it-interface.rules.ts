/**
 * Pure rules for interfaces: unique (name, interfaceId), exposure by at most one system, the
 * rights holder inherited from the exposing system, the initial scope and delete conflicts.
 *
 * @module
 */
import { type AccessModifier, type RuleResult, type RuleViolation, type Uuid, fail, ok } from '../shared/index.js';
import { catalogueNameKey } from './catalogue-name.js';
import type { ItInterface } from './it-interface.schema.js';
import type { ItSystem } from './it-system.schema.js';

/**
 * Checks that no other interface created in the same organisation has the same name and
 * interface id, both compared as {@link catalogueNameKey} does (case-insensitive, trimmed). An
 * empty interface id is a value like any other. Violation: `duplicate-name-and-interface-id`.
 *
 * @example
 * ```ts
 * itInterfaceIdentityIsUnique({ organizationUuid: org, name: 'CPR opslag', interfaceId: '' }, interfaces);
 * ```
 */
export function itInterfaceIdentityIsUnique(
  candidate: { uuid?: Uuid | undefined; organizationUuid: Uuid; name: string; interfaceId: string },
  existing: readonly Pick<ItInterface, 'uuid' | 'organizationUuid' | 'name' | 'interfaceId'>[],
): RuleResult<void> {
  const name = catalogueNameKey(candidate.name);
  const id = catalogueNameKey(candidate.interfaceId);
  const clash = existing.find(
    (i) =>
      i.uuid !== candidate.uuid &&
      i.organizationUuid === candidate.organizationUuid &&
      catalogueNameKey(i.name) === name &&
      catalogueNameKey(i.interfaceId) === id,
  );
  if (!clash) return ok(undefined);
  return fail({
    code: 'duplicate-name-and-interface-id',
    message: 'an interface with this name and interface id already exists in the organisation',
    path: ['name'],
    context: { name: candidate.name, interfaceId: candidate.interfaceId, conflictingUuid: clash.uuid },
  });
}

/**
 * Changes the system exposing an interface (`null` un-exposes it). An interface has at most one
 * exposing system, so setting a new one replaces the old; `previousSystemUuid` tells the caller
 * whose system relations must drop the interface. Violation: `system-not-found`.
 *
 * @example
 * ```ts
 * const r = itInterfaceExposureChange(iface, systemUuid, systems);
 * if (r.ok && r.value.changed) clearRelationsUsing(iface.uuid, r.value.previousSystemUuid);
 * ```
 */
export function itInterfaceExposureChange(
  iface: Pick<ItInterface, 'exposedBySystemUuid'>,
  systemUuid: Uuid | null,
  systems: readonly Pick<ItSystem, 'uuid'>[],
): RuleResult<{ exposedBySystemUuid: Uuid | null; previousSystemUuid: Uuid | null; changed: boolean }> {
  if (systemUuid !== null && !systems.some((s) => s.uuid === systemUuid)) {
    return fail({
      code: 'system-not-found',
      message: 'the exposing system does not exist',
      path: ['exposedBySystemUuid'],
      context: { systemUuid },
    });
  }
  const previousSystemUuid = iface.exposedBySystemUuid;
  return ok({ exposedBySystemUuid: systemUuid, previousSystemUuid, changed: previousSystemUuid !== systemUuid });
}

/**
 * Checks exposure rows given as (interface, system) pairs, as KITOS stores them: an interface may
 * be exposed by at most one system (`exposed-by-several-systems`, one violation per interface).
 * Useful when importing from a source that keeps exposures as separate rows.
 *
 * @example
 * ```ts
 * itInterfaceExhibitsValidity([{ interfaceUuid: a, systemUuid: s1 }, { interfaceUuid: a, systemUuid: s2 }]); // fails
 * ```
 */
export function itInterfaceExhibitsValidity(
  exhibits: readonly { interfaceUuid: Uuid; systemUuid: Uuid }[],
): RuleResult<void> {
  const systemsByInterface = new Map<Uuid, Set<Uuid>>();
  for (const e of exhibits) {
    const set = systemsByInterface.get(e.interfaceUuid) ?? new Set<Uuid>();
    set.add(e.systemUuid);
    systemsByInterface.set(e.interfaceUuid, set);
  }
  const violations: RuleViolation[] = [];
  for (const [interfaceUuid, systemUuids] of systemsByInterface) {
    if (systemUuids.size > 1) {
      violations.push({
        code: 'exposed-by-several-systems',
        message: 'an interface can be exposed by only one system',
        context: { interfaceUuid, systemUuids: [...systemUuids] },
      });
    }
  }
  return violations.length ? fail(...violations) : ok(undefined);
}

/**
 * The interfaces exposed by a system.
 *
 * @example
 * ```ts
 * itSystemExposedInterfaces(systemUuid, interfaces).map((i) => i.name);
 * ```
 */
export function itSystemExposedInterfaces<I extends Pick<ItInterface, 'exposedBySystemUuid'>>(
  systemUuid: Uuid,
  interfaces: readonly I[],
): I[] {
  return interfaces.filter((i) => i.exposedBySystemUuid === systemUuid);
}

/**
 * The rights holder of an interface: the rights holder of the system exposing it, or `null` when
 * the interface is not exposed (or its system has none). Interfaces carry no rights holder of
 * their own.
 *
 * @example
 * ```ts
 * itInterfaceRightsHolder(iface, systems); // the vendor organisation's uuid
 * ```
 */
export function itInterfaceRightsHolder(
  iface: Pick<ItInterface, 'exposedBySystemUuid'>,
  systems: readonly Pick<ItSystem, 'uuid' | 'rightsHolderUuid'>[],
): Uuid | null {
  if (iface.exposedBySystemUuid === null) return null;
  return systems.find((s) => s.uuid === iface.exposedBySystemUuid)?.rightsHolderUuid ?? null;
}

/**
 * The scope a new interface gets: `Public` when its creator may publish catalogue entries (a
 * global admin), otherwise `Local`. Catalogue systems, by contrast, always start out `Public`.
 *
 * @example
 * ```ts
 * itInterfaceInitialAccessModifier(false); // 'Local'
 * ```
 */
export function itInterfaceInitialAccessModifier(creatorMayPublish: boolean): AccessModifier {
  return creatorMayPublish ? 'Public' : 'Local';
}

/**
 * Checks whether an interface can be deleted: not while a system exposes it
 * (`exposed-by-system`); un-expose it first.
 *
 * @example
 * ```ts
 * itInterfaceDeletion({ uuid, exposedBySystemUuid: null }).ok; // true
 * ```
 */
export function itInterfaceDeletion(iface: Pick<ItInterface, 'uuid' | 'exposedBySystemUuid'>): RuleResult<void> {
  if (iface.exposedBySystemUuid === null) return ok(undefined);
  return fail({
    code: 'exposed-by-system',
    message: 'the interface is exposed by a system and cannot be deleted',
    context: { interfaceUuid: iface.uuid, systemUuid: iface.exposedBySystemUuid },
  });
}
