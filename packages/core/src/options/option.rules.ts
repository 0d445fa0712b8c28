import type { GlobalOption, LocalOption } from './option.schema.js';

const danish = new Intl.Collator('da', { numeric: true });

/**
 * Compares two option names the Danish way: æ, ø and å come after z (and a leading "aa" sorts
 * as å, as in Danish town names). Digits compare as numbers, so notice periods "2" < "10".
 *
 * @example
 * ```ts
 * ['Øvrigt', 'Zoneplan', 'Arkiv'].sort(compareOptionNames); // ['Arkiv', 'Zoneplan', 'Øvrigt']
 * ```
 */
export function compareOptionNames(a: string, b: string): number {
  return danish.compare(a, b);
}

/** How {@link optionsAvailableInOrganization} orders its result. */
export type OptionSortOrder = 'name' | 'priority';

function localFor(option: GlobalOption, locals: readonly LocalOption[], organizationUuid: string) {
  return locals.find((l) => l.optionUuid === option.uuid && l.organizationUuid === organizationUuid);
}

/**
 * True when `option` may be picked in the organisation: enabled, and obligatory or activated
 * locally. A local activation never revives a disabled option.
 *
 * @example
 * ```ts
 * isOptionAvailable({ ...option, isEnabled: true, isObligatory: true }, [], orgUuid); // true
 * isOptionAvailable({ ...option, isEnabled: false, isObligatory: true }, [], orgUuid); // false
 * ```
 */
export function isOptionAvailable(option: GlobalOption, locals: readonly LocalOption[], organizationUuid: string) {
  if (!option.isEnabled) return false;
  return option.isObligatory || localFor(option, locals, organizationUuid)?.isActive === true;
}

/**
 * The options an organisation may pick, each with its effective description (the local one when
 * it is not blank, even if the local row itself is inactive, as KITOS does for obligatory options).
 * Sorted by name with Danish collation (`'name'`, the pick-list order) or by priority, highest
 * first (`'priority'`, the admin order); ties fall back to the other key.
 *
 * @example
 * ```ts
 * const list = optionsAvailableInOrganization(globals, locals, orgUuid);
 * list.map((o) => o.name); // enabled obligatory options plus those the organisation activated
 * ```
 */
export function optionsAvailableInOrganization(
  globals: readonly GlobalOption[],
  locals: readonly LocalOption[],
  organizationUuid: string,
  sort: OptionSortOrder = 'name',
): GlobalOption[] {
  const available = globals
    .filter((o) => isOptionAvailable(o, locals, organizationUuid))
    .map((o) => {
      const localDescription = localFor(o, locals, organizationUuid)?.description;
      return localDescription && localDescription.trim() !== '' ? { ...o, description: localDescription } : o;
    });
  const byName = (a: GlobalOption, b: GlobalOption) => compareOptionNames(a.name, b.name);
  const byPriority = (a: GlobalOption, b: GlobalOption) => b.priority - a.priority;
  return available.sort(
    sort === 'name' ? (a, b) => byName(a, b) || byPriority(a, b) : (a, b) => byPriority(a, b) || byName(a, b),
  );
}
