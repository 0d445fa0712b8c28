/**
 * KITOS's seeded options for organisations (unit roles, foreign country codes) and the project
 * types of the former KITOS project module.
 *
 * @module
 */
import { KITOS_COUNTRY_CODES } from './country-codes.js';
import { type SeedOption, configurationSeed, roleSeed } from './seed-option.js';

/**
 * Roles on an organisation unit (`OrganizationUnitRole`), not obligatory. "Medarbejder" and
 * "Direktør" grant no write access; the others do.
 */
export const ORGANIZATION_UNIT_ROLE_SEED: readonly SeedOption[] = [
  roleSeed('Chef', 7, { write: true, description: 'Lederen af en organisationsenhed' }),
  roleSeed('Ressourceperson', 6, { write: true }),
  roleSeed('Medarbejder', 5, { write: false }),
  roleSeed('Digitaliseringskonsulent', 4, { write: true }),
  roleSeed('IT konsulent', 3, { write: true }),
  roleSeed('Leder', 2, { write: true }),
  roleSeed('Direktør', 1, { write: false }),
];

/** Foreign country codes: name = code, description = Danish country name; from `KITOS_COUNTRY_CODES`. */
export const COUNTRY_CODE_SEED: readonly SeedOption[] = KITOS_COUNTRY_CODES.map(([code, name], i) => ({
  name: code,
  description: name,
  isObligatory: true,
  isEnabled: true,
  kitosPriority: i + 1,
}));

/** Project types of the KITOS project module as it stood before its removal in 2022 (`ItProjectType`). */
export const PROJECT_TYPE_SEED: readonly SeedOption[] = configurationSeed([
  'Fællesoffentlig',
  'Fælleskommunal',
  'Lokal',
  'Tværkommunal',
  'SKAL',
  'Udvikling',
  'Implementering',
]);
