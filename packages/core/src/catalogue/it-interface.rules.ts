/**
 * Pure rules for interfaces: unique (name, interfaceId), exposure by at most one system, the
 * rights holder inherited from the exposing system, the initial scope and delete conflicts.
 *
 * @module
 */
import { type AccessModifier, type RuleResult, type Uuid, fail, ok } from '../shared/index.js';
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
