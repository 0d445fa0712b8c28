/**
 * Which options an organisation may pick, and whether a field may be set to an option.
 *
 * KITOS rule: an option is **available** in organisation X when it is enabled globally and either
 * obligatory or activated by X. A non-blank local description replaces the global one. When an
 * object's option later becomes unavailable, the object keeps it until someone changes the field;
 * a change must then pick an available option (clearing is always allowed).
 *
 * @module
 */
import { type RuleResult, type RuleViolation, fail, ok } from '../shared/index.js';
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

function isUuidList(value: readonly { uuid: string }[] | ReadonlySet<string>): value is readonly { uuid: string }[] {
  return Array.isArray(value);
}

function toUuidSet(available: readonly { uuid: string }[] | ReadonlySet<string>): ReadonlySet<string> {
  return isUuidList(available) ? new Set(available.map((o) => o.uuid)) : available;
}

function notAvailable(optionUuid: string, path: (string | number)[]): RuleViolation {
  return {
    code: 'option-not-available',
    message: 'the option is not available in this organisation',
    path,
    context: { optionUuid },
  };
}

/**
 * Checks setting a single-choice field from `current` to `next` (option uuids, `null` = empty).
 * Allowed: clearing; keeping the current option even if it is no longer available; picking an
 * available option. Anything else fails with `option-not-available`.
 *
 * @param available the options available in the object's organisation (e.g. the result of
 *   {@link optionsAvailableInOrganization}), or a set of their uuids.
 * @example
 * ```ts
 * checkOptionAssignment(oldUuid, oldUuid, []);   // ok: unchanged, even though unavailable
 * checkOptionAssignment(oldUuid, null, []);      // ok(null): clearing
 * checkOptionAssignment(null, otherUuid, []);    // fails: 'option-not-available'
 * ```
 */
export function checkOptionAssignment(
  current: string | null | undefined,
  next: string | null | undefined,
  available: readonly { uuid: string }[] | ReadonlySet<string>,
): RuleResult<string | null> {
  if (next === null || next === undefined) return ok(null);
  if (next === current || toUuidSet(available).has(next)) return ok(next);
  return fail(notAvailable(next, []));
}

/**
 * Checks setting a multi-choice field (e.g. agreement elements, sensitive personal data types)
 * from `current` to `next`. Options already on the object may stay; each added one must be
 * available. Violations, in list order: `duplicate-option` for a repeated uuid, then
 * `option-not-available` for an added, unavailable one (path = its index in `next`).
 *
 * @example
 * ```ts
 * checkOptionSetAssignment([kept], [kept, added], [{ uuid: added }]); // ok([kept, added])
 * checkOptionSetAssignment([], [a, a], [{ uuid: a }]);               // fails: 'duplicate-option'
 * ```
 */
export function checkOptionSetAssignment(
  current: readonly string[],
  next: readonly string[],
  available: readonly { uuid: string }[] | ReadonlySet<string>,
): RuleResult<string[]> {
  const availableSet = toUuidSet(available);
  const seen = new Set<string>();
  const violations: RuleViolation[] = [];
  next.forEach((uuid, index) => {
    if (seen.has(uuid)) {
      violations.push({ code: 'duplicate-option', message: 'the option is listed twice', path: [index] });
    } else if (!current.includes(uuid) && !availableSet.has(uuid)) {
      violations.push(notAvailable(uuid, [index]));
    }
    seen.add(uuid);
  });
  return violations.length ? fail(...violations) : ok([...next]);
}
