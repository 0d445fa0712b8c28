/**
 * What an import looks up, loaded once inside the import's transaction: units, organisations,
 * catalogue systems, the organisation's usages and the option lists its columns use.
 *
 * @module
 */
import {
  type Actor,
  type ItSystem,
  type ItSystemUsage,
  listAll,
  type OptionType,
  type OrganizationUnit,
  type UnitOfWorkServices,
} from '@os2kitos/core';
import { type Lookups, type Named, nameIndex, nameKey } from './cells.js';
import type { ImportColumn } from './templates.js';

/** Lookups plus the raw lists the kinds need. */
export interface ImportContext extends Lookups {
  readonly units: readonly OrganizationUnit[];
  readonly systems: readonly ItSystem[];
  readonly usages: readonly ItSystemUsage[];
  /** Adds names that rows of the same file create (units referring to new parents). */
  withExtraUnits(extra: readonly Named[]): ImportContext;
}

/**
 * Loads everything the columns may refer to.
 *
 * @example
 * ```ts
 * const ctx = await loadImportContext(services, actor, organizationUuid, IMPORT_TEMPLATES.usages.columns);
 * ctx.unit('Borgerservice'); // { uuid, name } | 'ambiguous' | undefined
 * ```
 */
export async function loadImportContext(
  s: UnitOfWorkServices,
  actor: Actor,
  organizationUuid: string,
  columns: readonly ImportColumn[],
): Promise<ImportContext> {
  // Every record, not the first page of each list: a reference to the 101st unit is as good as
  // one to the first.
  const [units, orgs, systems, usages] = await Promise.all([
    listAll((q) => s.units.list(actor, q), { organizationUuid }),
    listAll((q) => s.organizations.list(actor, q)),
    listAll((q) => s.systems.list(actor, q)),
    listAll((q) => s.usages.list(actor, q), { organizationUuid }),
  ]);
  const optionTypes = [
    ...new Set(columns.flatMap((c) => (c.type.t === 'option' ? [c.type.optionType] : []))),
  ] as OptionType[];
  const options = new Map<OptionType, Named[]>();
  for (const type of optionTypes) options.set(type, await s.options.available(actor, type, organizationUuid));
  const optionIndex = new Map([...options].map(([t, list]) => [t, nameIndex(list)]));
  const organization = nameIndex(
    orgs.map((o) => ({ uuid: o.uuid, name: o.name, cvr: o.cvr })),
    (o) => (o.cvr ? [nameKey(o.cvr)] : []),
  );
  const system = nameIndex(systems);
  const systemByUuid = new Map(systems.map((x) => [x.uuid, x]));
  const usageIndex = nameIndex(
    usages.map((u) => ({
      uuid: u.uuid,
      name: systemByUuid.get(u.systemUuid)?.name ?? u.systemUuid,
      system: u.systemUuid,
    })),
    (u) => [nameKey(u.system)],
  );
  const build = (extra: readonly Named[]): ImportContext => {
    const unit = nameIndex([...units, ...extra]);
    return {
      units,
      systems,
      usages,
      option: (type, text) => optionIndex.get(type)?.(text),
      optionNames: (type) => (options.get(type) ?? []).map((o) => o.name),
      unit,
      organization,
      system,
      usage: usageIndex,
      withExtraUnits: (more) => build([...extra, ...more]),
    };
  };
  return build([]);
}
