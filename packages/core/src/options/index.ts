/**
 * Options: the two-level configurable choice lists of KITOS (global options with enabled,
 * obligatory and priority; local activation and description per organisation), the rules for
 * availability and assignment, and KITOS's seed values.
 *
 * @module
 */
export * from './option-type.js';
export * from './option.schema.js';
export * from './option.rules.js';
export * from './option-admin.rules.js';
export * from './option-uuid.js';
export {
  KITOS_OPTION_SEED,
  OPTION_EXAMPLE_SEED,
  type OptionSeed,
  type SeedOption,
  SeedOptionSchema,
  seedGlobalOptions,
} from './seed/index.js';
