/**
 * KITOS's seeded options for catalogue systems, interfaces and system usages.
 *
 * Names are KITOS's, verbatim (spelling included, e.g. "Desing, visualisering og grafik"), so
 * that data exported from KITOS matches by name. Order and flags follow KITOS's seed.
 *
 * @module
 */
import { type SeedOption, configurationSeed, roleSeed } from './seed-option.js';

/** Business types of catalogue systems (`BusinessType`, 18 entries). */
export const BUSINESS_TYPE_SEED: readonly SeedOption[] = configurationSeed([
  'Desing, visualisering og grafik',
  'Kommunikation',
  'Hjemmesider og portaler',
  'Selvbetjening og indberetning',
  'E-læring',
  'ESDH og Journalisering',
  'Specialsystemer',
  'Processtyring',
  'IT management',
  'Økonomi og betaling',
  'Løn, personale og HR',
  'BI og ledelsesinformation',
  'Master data og registre',
  'GIS',
  'Bruger- og rettighedsstyring',
  'Sikkerhed og overvågning',
  'Sagsbærende',
  'Administrativt',
]);

/**
 * Roles on a system usage (`ItSystemRole`): all grant read and write access on the usage and
 * are not obligatory, so each organisation activates the roles it uses.
 */
export const IT_SYSTEM_USAGE_ROLE_SEED: readonly SeedOption[] = [
  'Systemejer',
  'Systemansvarlig',
  'Forretningsejer',
  'Superbrugeransvarlig',
  'Superbruger',
  'Sikkerhedsansvarlig',
  'Changemanager',
  'Dataejer',
  'Systemadminstrator',
].map((name, i, all) => roleSeed(name, all.length - i, { write: true }));

/** Data classification of a usage (`ItSystemCategories`). */
export const DATA_CLASSIFICATION_SEED: readonly SeedOption[] = configurationSeed([
  'Offentlige data',
  'Interne data',
  'Fortrolige data',
  'Hemmelige data',
]);

/** Archive types (`ArchiveType`). */
export const ARCHIVE_TYPE_SEED: readonly SeedOption[] = configurationSeed([
  'Arkiveret',
  'Ikke arkiveret',
  'Arkiveringspligt',
  'Ikke arkiveringspligt',
  'Øjebliksbillede',
  'Periode',
  'Løbende',
]);

/** Archive locations (`ArchiveLocation`): 49 municipal archives, in KITOS's seed order. */
export const ARCHIVE_LOCATION_SEED: readonly SeedOption[] = configurationSeed([
  'Aalborg',
  'Aabenraa',
  'Vejle',
  'Vejen',
  'Tårnby',
  'Tønder',
  'Thisted',
  'Sønderborg',
  'Syddjurs',
  'Struer',
  'Slagelse',
  'Skive',
  'Silkeborg',
  'Rudersdal',
  'Roskilde',
  'Randers',
  'Odense',
  'Næstved',
  'Norddjurs',
  'Mariagerfjord',
  'Læsø',
  'Lyngby-Taarbæk',
  'Lolland',
  'København',
  'Kolding',
  'Ishøj',
  'Hørsholm',
  'Horsens',
  'Holbæk',
  'Hjørring',
  'Helsingør',
  'Hedensted',
  'Haderslev',
  'Guldborgsund',
  'Gribskov',
  'Greve',
  'Gladsaxe',
  'Gentofte',
  'Furesø',
  'Frederikssund',
  'Frederikshavn',
  'Fredensborg',
  'Faxe',
  'Esbjerg',
  'Egedal',
  'Dragør',
  'Brøndby',
  'Bornholm',
  'Billund',
]);

/** Frequency of a relation between two usages (`RelationFrequencyType`). */
export const RELATION_FREQUENCY_SEED: readonly SeedOption[] = configurationSeed([
  'Dagligt',
  'Ugentligt',
  'Månedligt',
  'Årligt',
  'Kvartal',
  'Halvårligt',
]);

/** The legacy yes/no "sensitive data" list of a usage (`SensitiveDataType`; not in API v2). */
export const SENSITIVE_DATA_TYPE_SEED: readonly SeedOption[] = configurationSeed(['Ja', 'Nej']);

/** Interface types of catalogue interfaces (`InterfaceType`). */
export const INTERFACE_TYPE_SEED: readonly SeedOption[] = configurationSeed([
  'CSV',
  'WS SOAP',
  'WS REST',
  'MOX',
  'OIO REST',
  'LDAP',
  'User interface',
  'ODBC (SQL)',
  'Andet',
]);

/** Data types of an interface's data rows (`DataType`). */
export const INTERFACE_DATA_TYPE_SEED: readonly SeedOption[] = configurationSeed([
  'Person',
  'Virksomhed',
  'Sag',
  'Dokument',
  'Organisation',
  'Klassikfikation',
  'Ejendom',
  'GIS',
  'Andet',
]);
