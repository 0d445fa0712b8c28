/**
 * Maintaining option lists: creating, re-prioritising, disabling, and local activation.
 *
 * Priorities within one option type form a sequence 1..n where the highest number is listed
 * first. A new option gets `max + 1` (it appears at the top of the admin view, disabled until a
 * global administrator enables it). Moving one option to another priority shifts the options in
 * between by one, so the numbers stay a permutation. Options are never deleted: objects may
 * still point at them, so they are disabled instead.
 *
 * @module
 */
import { type RuleResult, fail, ok } from '../shared/index.js';
import { compareOptionNames } from './option.rules.js';
import type { GlobalOption, GlobalOptionCreate, GlobalOptionPatch, LocalOption } from './option.schema.js';
import { OPTION_TYPE_INFO, type OptionType, isRoleOptionType } from './option-type.js';

/**
 * The priority a new option of `type` gets: one more than the highest existing one, or 1.
 *
 * @example
 * ```ts
 * nextOptionPriority([], 'business-types'); // 1
 * ```
 */
export function nextOptionPriority(options: readonly GlobalOption[], type: OptionType): number {
  return options.reduce((max, o) => (o.type === type ? Math.max(max, o.priority) : max), 0) + 1;
}

/**
 * Builds a new global option the way KITOS creates one: disabled, not obligatory unless asked,
 * priority {@link nextOptionPriority}. Roles default to read access without write access.
 *
 * @example
 * ```ts
 * const created = newGlobalOption({ type: 'business-types', name: 'Borgerservice' }, uuid, existing);
 * created.isEnabled; // false – a global administrator enables it when ready
 * ```
 */
export function newGlobalOption(
  input: GlobalOptionCreate,
  uuid: string,
  existing: readonly GlobalOption[],
): GlobalOption {
  const base: GlobalOption = {
    uuid,
    type: input.type,
    name: input.name,
    description: input.description ?? null,
    isEnabled: false,
    isObligatory: input.isObligatory ?? false,
    priority: nextOptionPriority(existing, input.type),
  };
  if (!isRoleOptionType(input.type)) return base;
  return { ...base, hasReadAccess: input.hasReadAccess ?? true, hasWriteAccess: input.hasWriteAccess ?? false };
}

/**
 * Moves one option to `newPriority` and shifts the options of the same type in between by one.
 * Returns all `options` (other types untouched) in their input order. Fails with
 * `option-not-found`, or `priority-out-of-range` outside 1..(highest priority of the type).
 *
 * @example
 * ```ts
 * // priorities a=3, b=2, c=1; move c to the top
 * moveOptionPriority([a, b, c], c.uuid, 3); // ok: a=2, b=1, c=3
 * ```
 */
export function moveOptionPriority(
  options: readonly GlobalOption[],
  optionUuid: string,
  newPriority: number,
): RuleResult<GlobalOption[]> {
  const moved = options.find((o) => o.uuid === optionUuid);
  if (!moved) return fail({ code: 'option-not-found', message: 'no such option', context: { optionUuid } });
  const max = nextOptionPriority(options, moved.type) - 1;
  if (!Number.isInteger(newPriority) || newPriority < 1 || newPriority > max) {
    return fail({
      code: 'priority-out-of-range',
      message: `priority must be a whole number from 1 to ${max}`,
      path: ['priority'],
      context: { newPriority, max },
    });
  }
  const old = moved.priority;
  const shift = newPriority > old ? -1 : 1;
  const lo = Math.min(old, newPriority);
  const hi = Math.max(old, newPriority);
  return ok(
    options.map((o) => {
      if (o.uuid === optionUuid) return { ...o, priority: newPriority };
      if (o.type !== moved.type || o.priority < lo || o.priority > hi) return o;
      return { ...o, priority: o.priority + shift };
    }),
  );
}

/**
 * Applies a patch to one global option; a priority change shifts its siblings
 * ({@link moveOptionPriority}). Returns all `options`. Violations: `option-not-found`,
 * `not-a-role-type` (role flags on a non-role type), `priority-out-of-range`.
 *
 * @example
 * ```ts
 * patchGlobalOption(all, option.uuid, { isEnabled: true, priority: 1 });
 * ```
 */
export function patchGlobalOption(
  options: readonly GlobalOption[],
  optionUuid: string,
  patch: GlobalOptionPatch,
): RuleResult<GlobalOption[]> {
  const current = options.find((o) => o.uuid === optionUuid);
  if (!current) return fail({ code: 'option-not-found', message: 'no such option', context: { optionUuid } });
  const { priority, ...fields } = patch;
  const flag = (['hasReadAccess', 'hasWriteAccess'] as const).find((k) => fields[k] !== undefined);
  if (flag && !isRoleOptionType(current.type)) {
    return fail({ code: 'not-a-role-type', message: `only role option types carry ${flag}`, path: [flag] });
  }
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const patched = options.map((o) => (o.uuid === optionUuid ? { ...o, ...defined } : o));
  if (priority === undefined || priority === current.priority) return ok(patched);
  return moveOptionPriority(patched, optionUuid, priority);
}

/**
 * The replacement for deleting an option: it stays (objects may point at it) but is no longer
 * available anywhere.
 *
 * @example
 * ```ts
 * disableGlobalOption(option).isEnabled; // false
 * ```
 */
export function disableGlobalOption(option: GlobalOption): GlobalOption {
  return { ...option, isEnabled: false };
}

/**
 * Renumbers priorities per type to n..1, keeping the current order (priority, highest first;
 * ties by Danish name, then uuid). Use it to repair imported lists with gaps or duplicates.
 * Returns all options in their input order.
 *
 * @example
 * ```ts
 * normalizeOptionPriorities([{ ...a, priority: 10 }, { ...b, priority: 4 }]); // a=2, b=1
 * ```
 */
export function normalizeOptionPriorities(options: readonly GlobalOption[]): GlobalOption[] {
  const rank = new Map<string, number>();
  const byType = new Map<OptionType, GlobalOption[]>();
  for (const o of options) byType.set(o.type, [...(byType.get(o.type) ?? []), o]);
  for (const list of byType.values()) {
    list
      .sort((a, b) => b.priority - a.priority || compareOptionNames(a.name, b.name) || a.uuid.localeCompare(b.uuid))
      .forEach((o, i) => {
        rank.set(o.uuid, list.length - i);
      });
  }
  return options.map((o) => ({ ...o, priority: rank.get(o.uuid) ?? o.priority }));
}

/**
 * Activates or deactivates `option` in one organisation and returns the resulting local option
 * (an existing one keeps its description). Violations, first match wins:
 * `no-local-options` (the type has no local level, e.g. country codes), `option-disabled`
 * (activating a disabled option), `option-obligatory` (deactivating an obligatory option would
 * have no effect, so it is refused rather than silently ignored).
 *
 * @example
 * ```ts
 * setLocalOptionActive(option, locals, orgUuid, true); // ok({ organizationUuid, optionUuid, isActive: true, ... })
 * ```
 */
export function setLocalOptionActive(
  option: GlobalOption,
  locals: readonly LocalOption[],
  organizationUuid: string,
  isActive: boolean,
): RuleResult<LocalOption> {
  const context = { optionUuid: option.uuid, organizationUuid };
  if (!OPTION_TYPE_INFO[option.type].hasLocalOptions) {
    return fail({ code: 'no-local-options', message: `${option.type} cannot be activated locally`, context });
  }
  if (isActive && !option.isEnabled) {
    return fail({ code: 'option-disabled', message: 'a disabled option cannot be activated', context });
  }
  if (!isActive && option.isObligatory) {
    return fail({ code: 'option-obligatory', message: 'an obligatory option is always active', context });
  }
  const existing = locals.find((l) => l.optionUuid === option.uuid && l.organizationUuid === organizationUuid);
  return ok(
    existing ? { ...existing, isActive } : { organizationUuid, optionUuid: option.uuid, isActive, description: null },
  );
}
