/**
 * Example options for types where KITOS seeds nothing usable, so a demo or a fresh installation
 * has something to pick. These are **not** KITOS data (apart from the two data processing
 * countries, which KITOS's test database creates); replace them with your own lists.
 *
 * @module
 */
import { type SeedOption, configurationSeed } from './seed-option.js';

/**
 * Sensitive personal data categories: the special categories of GDPR article 9(1), in Danish.
 * KITOS seeds none (each installation maintains its own list).
 */
export const SENSITIVE_PERSONAL_DATA_EXAMPLE_SEED: readonly SeedOption[] = configurationSeed([
  'Race eller etnisk oprindelse',
  'Politisk overbevisning',
  'Religiøs eller filosofisk overbevisning',
  'Fagforeningsmæssigt tilhørsforhold',
  'Genetiske data',
  'Biometriske data',
  'Helbredsoplysninger',
  'Seksuelle forhold eller seksuel orientering',
]);

/** Countries where data is processed; KITOS's test database creates exactly these two. */
export const DATA_PROCESSING_COUNTRY_EXAMPLE_SEED: readonly SeedOption[] = configurationSeed(['Danmark', 'EU']);
