/**
 * The configurable choice lists ("option types") of KITOS.
 *
 * Every dropdown whose values an administrator may change is an option type: business types of
 * catalogue systems, contract types, role names and so on. Each type is identified here by the
 * path segment KITOS API v2 uses for it (`api/v2/business-types`), so data and URLs map both ways.
 *
 * @module
 */
import { z } from 'zod';
import type { KitosModule } from '../shared/index.js';

/** What the library knows about one option type. */
export interface OptionTypeInfo {
  /** Name of the KITOS entity (table) holding the global options. */
  readonly kitosEntity: string;
  /** Module whose objects use the option. */
  readonly module: KitosModule;
  /** True for role options: they carry `hasReadAccess`/`hasWriteAccess`. */
  readonly isRole: boolean;
  /**
   * True when organisations can activate the options locally. When false (country codes) only
   * obligatory options are ever available, because there is no local activation to fall back on.
   */
  readonly hasLocalOptions: boolean;
  /** Public KITOS API v2 path (`api/v2/<path>`), or `null` when KITOS exposes none. */
  readonly apiV2Path: string | null;
}

const info = (
  kitosEntity: string,
  module: KitosModule,
  apiV2Path: string | null,
  flags: { isRole?: boolean; hasLocalOptions?: boolean } = {},
): OptionTypeInfo => ({
  kitosEntity,
  module,
  isRole: flags.isRole ?? false,
  hasLocalOptions: flags.hasLocalOptions ?? true,
  apiV2Path,
});

/**
 * Every option type with its KITOS entity, module and API v2 path, in the order of KITOS's
 * option table (systems and usages, interfaces, contracts, data processing, organisation).
 *
 * Two entries go beyond current KITOS: `sensitive-data-types` is a legacy usage list that API v2
 * no longer exposes (kept so old data maps), and `it-project-types` is the project type list of
 * the project module KITOS removed in 2022 (this library keeps projects).
 *
 * @example
 * ```ts
 * OPTION_TYPE_INFO['it-contract-role-types'].isRole; // true
 * OPTION_TYPE_INFO['country-codes'].hasLocalOptions; // false
 * ```
 */
export const OPTION_TYPE_INFO = {
  'business-types': info('BusinessType', 'catalogue', 'business-types'),
  'it-system-usage-role-types': info('ItSystemRole', 'usage', 'it-system-usage-role-types', { isRole: true }),
  'it-system-usage-data-classification-types': info(
    'ItSystemCategories',
    'usage',
    'it-system-usage-data-classification-types',
  ),
  'it-system-usage-sensitive-personal-data-types': info(
    'SensitivePersonalDataType',
    'usage',
    'it-system-usage-sensitive-personal-data-types',
  ),
  'it-system-usage-registered-data-category-types': info(
    'RegisterType',
    'usage',
    'it-system-usage-registered-data-category-types',
  ),
  'it-system-usage-archive-types': info('ArchiveType', 'usage', 'it-system-usage-archive-types'),
  'it-system-usage-archive-location-types': info('ArchiveLocation', 'usage', 'it-system-usage-archive-location-types'),
  'it-system-usage-archive-test-location-types': info(
    'ArchiveTestLocation',
    'usage',
    'it-system-usage-archive-test-location-types',
  ),
  'it-system-usage-relation-frequency-types': info(
    'RelationFrequencyType',
    'usage',
    'it-system-usage-relation-frequency-types',
  ),
  'sensitive-data-types': info('SensitiveDataType', 'usage', null),
  'it-interface-interface-types': info('InterfaceType', 'catalogue', 'it-interface-interface-types'),
  'it-interface-interface-data-types': info('DataType', 'catalogue', 'it-interface-interface-data-types'),
  'it-contract-contract-types': info('ItContractType', 'contract', 'it-contract-contract-types'),
  'it-contract-contract-template-types': info(
    'ItContractTemplateType',
    'contract',
    'it-contract-contract-template-types',
  ),
  'it-contract-agreement-element-types': info(
    'AgreementElementType',
    'contract',
    'it-contract-agreement-element-types',
  ),
  'it-contract-criticality-types': info('CriticalityType', 'contract', 'it-contract-criticality-types'),
  'it-contract-purchase-types': info('PurchaseFormType', 'contract', 'it-contract-purchase-types'),
  'it-contract-procurement-strategy-types': info(
    'ProcurementStrategyType',
    'contract',
    'it-contract-procurement-strategy-types',
  ),
  'it-contract-payment-model-types': info('PaymentModelType', 'contract', 'it-contract-payment-model-types'),
  'it-contract-payment-frequency-types': info('PaymentFreqencyType', 'contract', 'it-contract-payment-frequency-types'),
  'it-contract-price-regulation-types': info('PriceRegulationType', 'contract', 'it-contract-price-regulation-types'),
  'it-contract-agreement-extension-option-types': info(
    'OptionExtendType',
    'contract',
    'it-contract-agreement-extension-option-types',
  ),
  'it-contract-notice-period-month-types': info(
    'TerminationDeadlineType',
    'contract',
    'it-contract-notice-period-month-types',
  ),
  'it-contract-role-types': info('ItContractRole', 'contract', 'it-contract-role-types', { isRole: true }),
  'data-processing-registration-role-types': info(
    'DataProcessingRegistrationRole',
    'data-processing',
    'data-processing-registration-role-types',
    { isRole: true },
  ),
  'data-processing-registration-data-responsible-types': info(
    'DataProcessingDataResponsibleOption',
    'data-processing',
    'data-processing-registration-data-responsible-types',
  ),
  'data-processing-registration-basis-for-transfer-types': info(
    'DataProcessingBasisForTransferOption',
    'data-processing',
    'data-processing-registration-basis-for-transfer-types',
  ),
  'data-processing-registration-country-types': info(
    'DataProcessingCountryOption',
    'data-processing',
    'data-processing-registration-country-types',
  ),
  'data-processing-registration-oversight-types': info(
    'DataProcessingOversightOption',
    'data-processing',
    'data-processing-registration-oversight-types',
  ),
  'organization-unit-role-types': info('OrganizationUnitRole', 'organisation', 'organization-unit-role-types', {
    isRole: true,
  }),
  'country-codes': info('CountryCode', 'organisation', null, { hasLocalOptions: false }),
  'it-project-types': info('ItProjectType', 'project', null),
} as const satisfies Record<string, OptionTypeInfo>;

/** An option type identifier, e.g. `'business-types'` or `'it-contract-role-types'`. */
export type OptionType = keyof typeof OPTION_TYPE_INFO;

/** Every option type identifier, in the order of {@link OPTION_TYPE_INFO}. */
export const OPTION_TYPES = Object.keys(OPTION_TYPE_INFO) as [OptionType, ...OptionType[]];

/** Accepts exactly the identifiers in {@link OPTION_TYPES}. */
export const OptionTypeSchema = z.enum(OPTION_TYPES).describe('Option type');

/** The role option types: their options carry read/write access flags. */
export const ROLE_OPTION_TYPES: readonly OptionType[] = OPTION_TYPES.filter((t) => OPTION_TYPE_INFO[t].isRole);

/**
 * True when options of `type` are roles (and so carry `hasReadAccess`/`hasWriteAccess`).
 *
 * @example
 * ```ts
 * isRoleOptionType('organization-unit-role-types'); // true
 * isRoleOptionType('business-types');               // false
 * ```
 */
export function isRoleOptionType(type: OptionType): boolean {
  return OPTION_TYPE_INFO[type].isRole;
}
