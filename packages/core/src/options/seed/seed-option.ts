/**
 * The shape of one seeded option, and small builders that turn KITOS's seed conventions into
 * that shape.
 *
 * @module
 */
import { z } from 'zod';
import { nameSchema } from '../../shared/index.js';
import { OPTION_NAME_MAX_LENGTH } from '../option.schema.js';
import { boundedText, LIMITS } from '../../shared/limits.js';

/**
 * One option as KITOS seeds it. `kitosPriority` is KITOS's own number (higher = listed first;
 * some KITOS scripts start at 0); `seedGlobalOptions` renumbers each type to n..1 in that order.
 */
export const SeedOptionSchema = z.strictObject({
  name: nameSchema(OPTION_NAME_MAX_LENGTH),
  description: boundedText(LIMITS.text).nullable(),
  isObligatory: z.boolean(),
  isEnabled: z.boolean(),
  kitosPriority: z.number().int(),
  hasReadAccess: z.boolean().optional(),
  hasWriteAccess: z.boolean().optional(),
});
/** One option as KITOS seeds it. */
export type SeedOption = z.infer<typeof SeedOptionSchema>;

/**
 * Options from KITOS's main seed: obligatory and enabled, the first name with the highest
 * priority (n) down to 1 for the last. KITOS's placeholder description "..." is left out.
 */
export function configurationSeed(names: readonly string[]): SeedOption[] {
  return names.map((name, i) => ({
    name,
    description: null,
    isObligatory: true,
    isEnabled: true,
    kitosPriority: names.length - i,
  }));
}

/**
 * Options from KITOS's data processing script: obligatory and enabled, priorities 0, 1, 2, … in
 * the listed order (so the last one is listed first), with optional help texts.
 */
export function scriptSeed(rows: readonly (readonly [name: string, description?: string])[]): SeedOption[] {
  return rows.map(([name, description], i) => ({
    name,
    description: description ?? null,
    isObligatory: true,
    isEnabled: true,
    kitosPriority: i,
  }));
}

/** A seeded role option; see the role lists for which flags KITOS sets. */
export function roleSeed(
  name: string,
  kitosPriority: number,
  flags: { write: boolean; obligatory?: boolean; description?: string },
): SeedOption {
  return {
    name,
    description: flags.description ?? null,
    isObligatory: flags.obligatory ?? false,
    isEnabled: true,
    kitosPriority,
    hasReadAccess: true,
    hasWriteAccess: flags.write,
  };
}
