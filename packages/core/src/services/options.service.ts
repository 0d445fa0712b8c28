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
import { optionsAvailableInOrganization, type OptionSortOrder } from '../options/option.rules.js';
import type { GlobalOption } from '../options/option.schema.js';
import { type OptionType, OptionTypeSchema } from '../options/option-type.js';
import { seedGlobalOptions } from '../options/seed/index.js';
import { KitosForbiddenError, KitosNotFoundError, KitosValidationError } from '../shared/errors.js';
import { parse, UuidSchema } from '../shared/schema.js';
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
}

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
        const existing = (
          await allOf<StoredLocalOption>(call.tx, LOCAL_OPTION.kind, i.organizationUuid, {
            op: 'eq',
            field: 'optionUuid',
            value: i.optionUuid,
          })
        )[0];
        const next = {
          uuid: existing?.uuid ?? call.write.newUuid(),
          organizationUuid: i.organizationUuid,
          optionUuid: i.optionUuid,
          isActive: i.isActive,
          description: i.description === undefined ? (existing?.description ?? null) : i.description,
        };
        return writeEntity(call.tx, LOCAL_OPTION, call.write, next, existing);
      }),
  };
}
