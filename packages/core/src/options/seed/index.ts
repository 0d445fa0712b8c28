/**
 * KITOS's option seed as data, and the pure function that turns it into global options.
 *
 * @module
 */
import type { GlobalOption } from '../option.schema.js';
import { OPTION_TYPES, type OptionType, isRoleOptionType } from '../option-type.js';
import { type OptionUuidFactory, optionSeedUuid } from '../option-uuid.js';
import * as contract from './contract.js';
import * as dataProcessing from './data-processing.js';
import { DATA_PROCESSING_COUNTRY_EXAMPLE_SEED, SENSITIVE_PERSONAL_DATA_EXAMPLE_SEED } from './examples.js';
import * as organisation from './organisation.js';
import type { SeedOption } from './seed-option.js';
import * as usage from './usage.js';

export { type SeedOption, SeedOptionSchema } from './seed-option.js';

/** Seed lists per option type; a missing or empty list seeds nothing. */
export type OptionSeed = Partial<Record<OptionType, readonly SeedOption[]>>;

/**
 * The options KITOS seeds, per type: names verbatim (typos included, so KITOS data matches by
 * name), KITOS's order, obligatory flags and write flags.
 *
 * Where this differs from a bare KITOS seed, on purpose:
 * - **Empty lists.** KITOS seeds nothing for sensitive personal data types, data processing
 *   countries (only its test database adds "Danmark" and "EU") and, apart from development
 *   placeholders ("TestLocation1/2", "TestRegisterType1/2"), nothing for archive test locations
 *   and registered data categories. These lists are empty here; see {@link OPTION_EXAMPLE_SEED}.
 * - **Roles are enabled.** KITOS's seed leaves its role options disabled (its test database then
 *   enables every option). Here they are enabled, with KITOS's obligatory flags kept: usage,
 *   contract and unit roles must be activated per organisation, the two data processing roles
 *   are obligatory.
 * - **Every role grants read access.** KITOS never consults a role's read flag (reading follows
 *   organisation membership) and leaves it unset on unit and data processing roles; here it is
 *   `true` for all, so "Standard Læserolle" reads as what it is.
 * - **Country codes** are KITOS's production list (251 codes); its development seed has only
 *   NO, SE and UA.
 * - **Project types** (`it-project-types`) come from the project module KITOS removed in 2022.
 * - Placeholder descriptions ("...") are dropped; real help texts are kept.
 *
 * @example
 * ```ts
 * KITOS_OPTION_SEED['it-contract-notice-period-month-types'].map((o) => o.name); // ['1', '2', …, '12']
 * ```
 */
export const KITOS_OPTION_SEED: Readonly<Record<OptionType, readonly SeedOption[]>> = {
  'business-types': usage.BUSINESS_TYPE_SEED,
  'it-system-usage-role-types': usage.IT_SYSTEM_USAGE_ROLE_SEED,
  'it-system-usage-data-classification-types': usage.DATA_CLASSIFICATION_SEED,
  'it-system-usage-sensitive-personal-data-types': [],
  'it-system-usage-registered-data-category-types': [],
  'it-system-usage-archive-types': usage.ARCHIVE_TYPE_SEED,
  'it-system-usage-archive-location-types': usage.ARCHIVE_LOCATION_SEED,
  'it-system-usage-archive-test-location-types': [],
  'it-system-usage-relation-frequency-types': usage.RELATION_FREQUENCY_SEED,
  'sensitive-data-types': usage.SENSITIVE_DATA_TYPE_SEED,
  'it-interface-interface-types': usage.INTERFACE_TYPE_SEED,
  'it-interface-interface-data-types': usage.INTERFACE_DATA_TYPE_SEED,
  'it-contract-contract-types': contract.CONTRACT_TYPE_SEED,
  'it-contract-contract-template-types': contract.CONTRACT_TEMPLATE_SEED,
  'it-contract-agreement-element-types': contract.AGREEMENT_ELEMENT_SEED,
  'it-contract-criticality-types': contract.CRITICALITY_SEED,
  'it-contract-purchase-types': contract.PURCHASE_FORM_SEED,
  'it-contract-procurement-strategy-types': contract.PROCUREMENT_STRATEGY_SEED,
  'it-contract-payment-model-types': contract.PAYMENT_MODEL_SEED,
  'it-contract-payment-frequency-types': contract.PAYMENT_FREQUENCY_SEED,
  'it-contract-price-regulation-types': contract.PRICE_REGULATION_SEED,
  'it-contract-agreement-extension-option-types': contract.AGREEMENT_EXTENSION_SEED,
  'it-contract-notice-period-month-types': contract.NOTICE_PERIOD_MONTH_SEED,
  'it-contract-role-types': contract.CONTRACT_ROLE_SEED,
  'data-processing-registration-role-types': dataProcessing.DATA_PROCESSING_ROLE_SEED,
  'data-processing-registration-data-responsible-types': dataProcessing.DATA_RESPONSIBLE_SEED,
  'data-processing-registration-basis-for-transfer-types': dataProcessing.BASIS_FOR_TRANSFER_SEED,
  'data-processing-registration-country-types': [],
  'data-processing-registration-oversight-types': dataProcessing.OVERSIGHT_SEED,
  'organization-unit-role-types': organisation.ORGANIZATION_UNIT_ROLE_SEED,
  'country-codes': organisation.COUNTRY_CODE_SEED,
  'it-project-types': organisation.PROJECT_TYPE_SEED,
};

/**
 * Clearly marked **example** lists (not KITOS data) for the types {@link KITOS_OPTION_SEED} leaves
 * empty but a user interface needs: GDPR article 9 categories for sensitive personal data, and
 * "Danmark"/"EU" for data processing countries. Merge them in only if you want them.
 *
 * @example
 * ```ts
 * const options = seedGlobalOptions(optionSeedUuid, { ...KITOS_OPTION_SEED, ...OPTION_EXAMPLE_SEED });
 * ```
 */
export const OPTION_EXAMPLE_SEED: OptionSeed = {
  'it-system-usage-sensitive-personal-data-types': SENSITIVE_PERSONAL_DATA_EXAMPLE_SEED,
  'data-processing-registration-country-types': DATA_PROCESSING_COUNTRY_EXAMPLE_SEED,
};

/** Priorities n..1 for one list, highest `kitosPriority` first; ties keep the listed order. */
function seedPriorities(list: readonly SeedOption[]): number[] {
  const order = list.map((o, i) => ({ o, i })).sort((a, b) => b.o.kitosPriority - a.o.kitosPriority || a.i - b.i);
  const priorities = new Array<number>(list.length);
  order.forEach(({ i }, rank) => {
    priorities[i] = list.length - rank;
  });
  return priorities;
}

/**
 * Turns a seed into global option records. Pure and deterministic: uuids come from `uuidFor`
 * (default {@link optionSeedUuid}, name-based and stable, **not** KITOS's production uuids), and
 * each type's priorities are renumbered n..1 in KITOS's order so they form the permutation the
 * priority rules expect. Types come out in the order of `OPTION_TYPES`.
 *
 * @example
 * ```ts
 * const options = seedGlobalOptions();
 * options.find((o) => o.type === 'business-types' && o.name === 'GIS')?.isObligatory; // true
 * const custom = seedGlobalOptions((type, name) => myUuids.get(`${type}/${name}`)!);
 * ```
 */
export function seedGlobalOptions(
  uuidFor: OptionUuidFactory = optionSeedUuid,
  seed: OptionSeed = KITOS_OPTION_SEED,
): GlobalOption[] {
  return OPTION_TYPES.flatMap((type) => {
    const list = seed[type] ?? [];
    const priorities = seedPriorities(list);
    return list.map((s, i): GlobalOption => {
      const option: GlobalOption = {
        uuid: uuidFor(type, s.name),
        type,
        name: s.name,
        description: s.description,
        isEnabled: s.isEnabled,
        isObligatory: s.isObligatory,
        priority: priorities[i] ?? 1,
      };
      if (!isRoleOptionType(type)) return option;
      return { ...option, hasReadAccess: s.hasReadAccess ?? true, hasWriteAccess: s.hasWriteAccess ?? false };
    });
  });
}
