/**
 * The options service: the two-level option lists (global lists managed by global admins, local
 * activation and descriptions managed by each organisation's local admins).
 *
 * @module
 */
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { hasRole, isMemberOf } from '../access/actor.js';
import type { CallContext } from '../engine/call.js';
import { GLOBAL_OPTION, LOCAL_OPTION, type StoredGlobalOption, type StoredLocalOption } from './kinds.js';
import { writeEntity } from '../engine/repository.js';
import { type CallRunner, organizationLock } from '../engine/service.js';
import {
  disableGlobalOption,
  newGlobalOption,
  normalizeOptionPriorities,
  patchGlobalOption,
  setLocalOptionActive,
} from '../options/option-admin.rules.js';
import { optionsAvailableInOrganization, type OptionSortOrder } from '../options/option.rules.js';
import {
  type GlobalOption,
  type GlobalOptionCreate,
  GlobalOptionCreateSchema,
  type GlobalOptionPatch,
  GlobalOptionPatchSchema,
} from '../options/option.schema.js';
import { type OptionType, OptionTypeSchema } from '../options/option-type.js';
import { seedGlobalOptions } from '../options/seed/index.js';
import { KitosForbiddenError, KitosNotFoundError, KitosValidationError } from '../shared/errors.js';
import { parse, UuidSchema } from '../shared/schema.js';
import { enforce } from './enforce.js';
import { allOf } from './lookup.js';

/** The options service. */
export interface OptionsService {
  /** Loads KITOS's seed values (global admins; existing options are left alone). Returns how many were added. */
  seed(actor: Actor): Promise<number>;
  /** Options of a type available in an organisation (obligatory or locally activated), local descriptions applied. */
  available(actor: Actor, type: OptionType, organizationUuid: string, sort?: OptionSortOrder): Promise<GlobalOption[]>;
  /** Every global option of a type (for administration). */
  global(actor: Actor, type: OptionType): Promise<StoredGlobalOption[]>;
  /** Activates or deactivates a global option in an organisation, optionally with a local description (local admins). */
  setLocal(
    actor: Actor,
    input: { organizationUuid: string; optionUuid: string; isActive: boolean; description?: string | null },
  ): Promise<StoredLocalOption>;
  /** Creates a global option (global admins): disabled and last in priority until enabled, as in KITOS. */
  createGlobal(actor: Actor, input: GlobalOptionCreate): Promise<StoredGlobalOption>;
  /**
   * Changes a global option (global admins): rename, describe, enable or disable, make obligatory,
   * role flags, or a new priority (the options in between shift by one). Returns every option of
   * the type that changed.
   */
  patchGlobal(actor: Actor, optionUuid: string, patch: GlobalOptionPatch): Promise<StoredGlobalOption[]>;
  /** Disables a global option (global admins): options are never deleted, since records point at them. */
  disableGlobal(actor: Actor, optionUuid: string): Promise<StoredGlobalOption>;
  /** Renumbers a type's priorities n..1 in their current order (global admins); returns the changed options. */
  normalizePriorities(actor: Actor, type: OptionType): Promise<StoredGlobalOption[]>;
}

/** One lock for the global option lists: priorities of a type are renumbered together. */
const GLOBAL_OPTIONS_LOCK = 'global-options';

const LocalInputSchema = z.strictObject({
  organizationUuid: UuidSchema,
  optionUuid: UuidSchema,
  isActive: z.boolean(),
  description: z.string().max(2000).nullable().optional(),
});

const plain = (o: StoredGlobalOption): GlobalOption => ({
  uuid: o.uuid,
  type: o.type,
  name: o.name,
  description: o.description,
  isEnabled: o.isEnabled,
  isObligatory: o.isObligatory,
  priority: o.priority,
  ...(o.hasReadAccess === undefined ? {} : { hasReadAccess: o.hasReadAccess }),
  ...(o.hasWriteAccess === undefined ? {} : { hasWriteAccess: o.hasWriteAccess }),
});

/** Loads the seed in a transaction (used by the service and by `bootstrap`). */
export async function seedOptions(call: CallContext): Promise<number> {
  let added = 0;
  for (const option of seedGlobalOptions()) {
    if (await call.tx.get(GLOBAL_OPTION.kind, option.uuid)) continue;
    await writeEntity(call.tx, GLOBAL_OPTION, call.write, option, undefined);
    added++;
  }
  return added;
}

function onlyGlobalAdmin(call: CallContext): void {
  if (!call.actor.isGlobalAdmin)
    throw new KitosForbiddenError('options', 'only global admins manage the global option lists');
}

function globalsOf(call: CallContext, type: OptionType): Promise<StoredGlobalOption[]> {
  return allOf<StoredGlobalOption>(call.tx, GLOBAL_OPTION.kind, undefined, { op: 'eq', field: 'type', value: type });
}

async function globalOption(call: CallContext, optionUuid: string): Promise<StoredGlobalOption> {
  const found = await call.tx.get<StoredGlobalOption>(GLOBAL_OPTION.kind, parse(UuidSchema, optionUuid, 'options'));
  if (!found) throw new KitosNotFoundError('options', `option ${optionUuid} does not exist`, { optionUuid });
  return found.data;
}

/** Writes the options whose fields differ from the stored ones; returns what was written. */
async function writeChanged(
  call: CallContext,
  stored: readonly StoredGlobalOption[],
  next: readonly GlobalOption[],
): Promise<StoredGlobalOption[]> {
  const byUuid = new Map(stored.map((o) => [o.uuid, o]));
  const written: StoredGlobalOption[] = [];
  for (const o of next) {
    const current = byUuid.get(o.uuid);
    if (!current || JSON.stringify(plain(current)) === JSON.stringify(o)) continue;
    written.push(await writeEntity(call.tx, GLOBAL_OPTION, call.write, o, current));
  }
  return written;
}

/** Options. */
export function optionsService(runner: CallRunner): OptionsService {
  return {
    seed: (actor) =>
      runner.write(actor, async (call) => {
        if (!call.actor.isGlobalAdmin)
          throw new KitosForbiddenError('options', 'only global admins load the option seed');
        return seedOptions(call);
      }),
    available: (actor, type, organizationUuid, sort = 'name') =>
      runner.read(actor, async (call) => {
        parse(OptionTypeSchema, type, 'options');
        parse(UuidSchema, organizationUuid, 'options');
        // Local choices and descriptions are the organisation's own data.
        if (!call.actor.isGlobalAdmin && !isMemberOf(call.actor, organizationUuid))
          throw new KitosNotFoundError(
            'options',
            `organisation ${organizationUuid} does not exist or is not visible to you`,
            {
              organizationUuid,
            },
          );
        const globals = await allOf<StoredGlobalOption>(call.tx, GLOBAL_OPTION.kind, undefined, {
          op: 'eq',
          field: 'type',
          value: type,
        });
        const locals = await allOf<StoredLocalOption>(call.tx, LOCAL_OPTION.kind, organizationUuid);
        return optionsAvailableInOrganization(globals.map(plain), locals, organizationUuid, sort);
      }),
    global: (actor, type) =>
      runner.read(actor, async (call) => {
        parse(OptionTypeSchema, type, 'options');
        return allOf<StoredGlobalOption>(call.tx, GLOBAL_OPTION.kind, undefined, {
          op: 'eq',
          field: 'type',
          value: type,
        });
      }),
    setLocal: (actor, input) =>
      runner.write(actor, async (call) => {
        const i = parse(LocalInputSchema, input, 'options');
        if (!call.actor.isGlobalAdmin && !hasRole(call.actor, i.organizationUuid, 'LocalAdmin')) {
          throw new KitosForbiddenError('options', 'only local admins manage the organisation’s options');
        }
        await call.tx.lock([organizationLock(i.organizationUuid)]);
        const option = await call.tx.get<StoredGlobalOption>(GLOBAL_OPTION.kind, i.optionUuid);
        if (!option)
          throw new KitosValidationError('options', [
            { path: ['optionUuid'], code: 'option-not-found', message: 'no such option' },
          ]);
        const locals = await allOf<StoredLocalOption>(call.tx, LOCAL_OPTION.kind, i.organizationUuid, {
          op: 'eq',
          field: 'optionUuid',
          value: i.optionUuid,
        });
        const existing = locals[0];
        const local = enforce(
          setLocalOptionActive(plain(option.data), locals, i.organizationUuid, i.isActive),
          'options',
        );
        const next = {
          ...local,
          uuid: existing?.uuid ?? call.write.newUuid(),
          description: i.description === undefined ? (existing?.description ?? null) : i.description,
        };
        return writeEntity(call.tx, LOCAL_OPTION, call.write, next, existing);
      }),
    createGlobal: (actor, input) =>
      runner.write(actor, async (call) => {
        onlyGlobalAdmin(call);
        const i = parse(GlobalOptionCreateSchema, input, 'options');
        await call.tx.lock([GLOBAL_OPTIONS_LOCK]);
        const siblings = await globalsOf(call, i.type);
        const created = newGlobalOption(i, call.write.newUuid(), siblings.map(plain));
        return writeEntity(call.tx, GLOBAL_OPTION, call.write, created, undefined);
      }),
    patchGlobal: (actor, optionUuid, patch) =>
      runner.write(actor, async (call) => {
        onlyGlobalAdmin(call);
        const p = parse(GlobalOptionPatchSchema, patch, 'options');
        await call.tx.lock([GLOBAL_OPTIONS_LOCK]);
        const option = await globalOption(call, optionUuid);
        const siblings = await globalsOf(call, option.type);
        return writeChanged(call, siblings, enforce(patchGlobalOption(siblings.map(plain), option.uuid, p), 'options'));
      }),
    disableGlobal: (actor, optionUuid) =>
      runner.write(actor, async (call) => {
        onlyGlobalAdmin(call);
        await call.tx.lock([GLOBAL_OPTIONS_LOCK]);
        const option = await globalOption(call, optionUuid);
        const [saved] = await writeChanged(call, [option], [disableGlobalOption(plain(option))]);
        return saved ?? option;
      }),
    normalizePriorities: (actor, type) =>
      runner.write(actor, async (call) => {
        onlyGlobalAdmin(call);
        parse(OptionTypeSchema, type, 'options');
        await call.tx.lock([GLOBAL_OPTIONS_LOCK]);
        const siblings = await globalsOf(call, type);
        return writeChanged(call, siblings, normalizeOptionPriorities(siblings.map(plain)));
      }),
  };
}
