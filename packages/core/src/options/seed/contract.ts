/**
 * KITOS's seeded options for contracts. Names verbatim (e.g. the payment model
 * "icens - flatrate" as KITOS spells it), order and flags as KITOS seeds them.
 *
 * @module
 */
import { type SeedOption, configurationSeed, roleSeed } from './seed-option.js';

/** Contract types (`ItContractType`). */
export const CONTRACT_TYPE_SEED: readonly SeedOption[] = configurationSeed([
  'Hovedkontrakt',
  'Tillægskontrakt',
  'Snitflade',
  'Serviceaftale',
  'Databehandleraftale',
]);

/** Contract templates (`ItContractTemplateType`). */
export const CONTRACT_TEMPLATE_SEED: readonly SeedOption[] = configurationSeed([
  'K01',
  'K02',
  'K03',
  'Egen',
  'KOMBIT',
  'Leverandør',
  'OPI',
  'Anden',
]);

/** Purchase forms (`PurchaseFormType`). */
export const PURCHASE_FORM_SEED: readonly SeedOption[] = configurationSeed([
  'SKI',
  'SKI 02.18',
  'SKI 02.19',
  'Udbud',
  'EU udbud',
  'Direkte tildeling',
  'Annoncering',
]);

/** Criticality (`CriticalityType`). */
export const CRITICALITY_SEED: readonly SeedOption[] = configurationSeed(['Kritikalitet 1', 'Kritikalitet 2']);

/** Payment models (`PaymentModelType`). */
export const PAYMENT_MODEL_SEED: readonly SeedOption[] = configurationSeed([
  'Licens',
  'icens - flatrate',
  'Licens - forbrug',
  'Licens - indbyggere',
  'Licens - pr. sag',
  'Gebyr',
  'Engangsydelse',
]);

/** Agreement elements (`AgreementElementType`, a multi-choice field). */
export const AGREEMENT_ELEMENT_SEED: readonly SeedOption[] = configurationSeed([
  'Licens',
  'Udvikling',
  'Drift',
  'Vedligehold',
  'Support',
  'Serverlicenser',
  'Serverdrift',
  'Databaselicenser',
  'Backup',
  'Overvågning',
]);

/** Options to extend the agreement (`OptionExtendType`). */
export const AGREEMENT_EXTENSION_SEED: readonly SeedOption[] = configurationSeed(['2 x 1 år', '1 x 1 år', '1 x ½ år']);

/** Payment frequencies (`PaymentFreqencyType`). */
export const PAYMENT_FREQUENCY_SEED: readonly SeedOption[] = configurationSeed([
  'Månedligt',
  'Kvartalsvis',
  'Halvårligt',
  'Årligt',
]);

/** Price regulation (`PriceRegulationType`). */
export const PRICE_REGULATION_SEED: readonly SeedOption[] = configurationSeed([
  'TSA',
  'KL pris og lønskøn',
  'Nettoprisindeks',
]);

/** Procurement strategies (`ProcurementStrategyType`). */
export const PROCUREMENT_STRATEGY_SEED: readonly SeedOption[] = configurationSeed([
  'Direkte tildeling',
  'Annoncering',
  'Udbud',
  'EU udbud',
  'Mini-udbud',
  'SKI - direkte tildeling',
  'SKI - mini-udbud',
  'Underhåndsbud',
]);

/**
 * Notice periods in months (`TerminationDeadlineType`): the names "1" … "12" are read as numbers
 * by the contract deadline rules, so keep them numeric.
 */
export const NOTICE_PERIOD_MONTH_SEED: readonly SeedOption[] = configurationSeed(
  Array.from({ length: 12 }, (_, i) => String(i + 1)),
);

/** Contract roles (`ItContractRole`): all grant write access and are not obligatory. */
export const CONTRACT_ROLE_SEED: readonly SeedOption[] = [
  'Kontraktejer',
  'Kontraktmanager',
  'Juridisk rådgiver',
  'Konsulent',
  'Fakturamodtager',
  'Budgetansvarlig',
].map((name, i, all) => roleSeed(name, all.length - i, { write: true }));
