/**
 * Danish and English labels for the core's other closed sets of names: contract deadline kinds and
 * states, overviews, column groups, option types. Each table is typed from the set it labels, so a
 * missing label does not compile. (Contract deadline kinds are an enumeration: see `ENUM_LABELS`.)
 *
 * @module
 */
import type { ContractDeadlines } from '../contract/deadlines.rules.js';
import type { OptionType } from '../options/option-type.js';
import type { ColumnGroup, OverviewKind } from '../overview/query.js';
import type { Label } from './label.js';

const l = (da: string, en: string): Label => ({ da, en });

/** Where a contract is in its life, as the deadline engine says. */
export const CONTRACT_STATE_LABELS: { readonly [S in ContractDeadlines['state']]: Label } = {
  'not-started': l('Ikke startet', 'Not started'),
  running: l('Løber', 'Running'),
  terminated: l('Opsagt', 'Terminated'),
  ended: l('Ophørt', 'Ended'),
};

/** A contract's term: for a fixed period, running until terminated, or not registered. */
export const CONTRACT_TERM_LABELS: { readonly [T in ContractDeadlines['term']]: Label } = {
  fixed: l('Tidsbegrænset', 'Fixed term'),
  continuous: l('Løbende', 'Continuous'),
  unknown: l('Ikke angivet', 'Not set'),
};

/** The overviews, as KITOS names its screens. */
export const OVERVIEW_LABELS: { readonly [K in OverviewKind]: Label } = {
  usages: l('IT-systemer i organisationen', 'IT systems in the organisation'),
  contracts: l('IT-kontrakter', 'IT contracts'),
  dataProcessing: l('Databehandling', 'Data processing'),
  projects: l('IT-projekter', 'IT projects'),
  catalogue: l('IT-systemkatalog', 'IT system catalogue'),
};

/** The sections of the column chooser (KITOS groups columns by tab). */
export const COLUMN_GROUP_LABELS: { readonly [G in ColumnGroup]: Label } = {
  status: l('Status', 'Status'),
  system: l('System', 'System'),
  organisation: l('Organisation', 'Organisation'),
  kle: l('KLE', 'KLE'),
  gdpr: l('GDPR', 'GDPR'),
  archiving: l('Arkivering', 'Archiving'),
  dataProcessing: l('Databehandling', 'Data processing'),
  relations: l('Relationer', 'Relations'),
  contracts: l('Kontrakter', 'Contracts'),
  roles: l('Roller', 'Roles'),
  audit: l('Sidst redigeret', 'Last changed'),
  core: l('Generelt', 'General'),
  links: l('Tilknytninger', 'Links'),
  economy: l('Økonomi', 'Economy'),
  deadlines: l('Aftalefrister', 'Deadlines'),
  oversight: l('Tilsyn', 'Oversight'),
  quality: l('Datakvalitet', 'Data quality'),
};

/** The option lists, as KITOS's administration names them. */
export const OPTION_TYPE_LABELS: { readonly [T in OptionType]: Label } = {
  'business-types': l('Forretningstyper', 'Business types'),
  'it-system-usage-role-types': l('Systemroller', 'System roles'),
  'it-system-usage-data-classification-types': l('Klassifikation af data', 'Data classification'),
  'it-system-usage-sensitive-personal-data-types': l('Følsomme personoplysninger', 'Sensitive personal data'),
  'it-system-usage-registered-data-category-types': l('Registrerede datakategorier', 'Registered data categories'),
  'it-system-usage-archive-types': l('Arkiveringstyper', 'Archive types'),
  'it-system-usage-archive-location-types': l('Arkiveringssteder', 'Archive locations'),
  'it-system-usage-archive-test-location-types': l('Arkiveringsteststeder', 'Archive test locations'),
  'it-system-usage-relation-frequency-types': l('Frekvenser', 'Relation frequencies'),
  'sensitive-data-types': l('Følsomme data (tidligere felt)', 'Sensitive data (former field)'),
  'it-interface-interface-types': l('Snitfladetyper', 'Interface types'),
  'it-interface-interface-data-types': l('Datatyper', 'Data types'),
  'it-contract-contract-types': l('Kontrakttyper', 'Contract types'),
  'it-contract-contract-template-types': l('Kontraktskabeloner', 'Contract templates'),
  'it-contract-agreement-element-types': l('Aftaleelementer', 'Agreement elements'),
  'it-contract-criticality-types': l('Kritikalitet', 'Criticality'),
  'it-contract-purchase-types': l('Indkøbsformer', 'Purchase types'),
  'it-contract-procurement-strategy-types': l('Genanskaffelsesstrategier', 'Procurement strategies'),
  'it-contract-payment-model-types': l('Betalingsmodeller', 'Payment models'),
  'it-contract-payment-frequency-types': l('Betalingsfrekvenser', 'Payment frequencies'),
  'it-contract-price-regulation-types': l('Prisreguleringer', 'Price regulations'),
  'it-contract-agreement-extension-option-types': l('Optioner', 'Extension options'),
  'it-contract-notice-period-month-types': l('Opsigelsesvarsler', 'Notice periods'),
  'it-contract-role-types': l('Kontraktroller', 'Contract roles'),
  'data-processing-registration-role-types': l('Databehandlingsroller', 'Data processing roles'),
  'data-processing-registration-data-responsible-types': l('Dataansvarlige', 'Data controllers'),
  'data-processing-registration-basis-for-transfer-types': l('Overførselsgrundlag', 'Bases for transfer'),
  'data-processing-registration-country-types': l('Tredjelande', 'Third countries'),
  'data-processing-registration-oversight-types': l('Tilsynsmuligheder', 'Oversight options'),
  'organization-unit-role-types': l('Organisationsroller', 'Organisation unit roles'),
  'country-codes': l('Landekoder', 'Country codes'),
  'it-project-types': l('Projekttyper', 'Project types'),
};
