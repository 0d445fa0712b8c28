/**
 * Every specific reason the core gives when it refuses something, in one catalogue: the code (one
 * casing, kebab-case), which error class it belongs to (and so its HTTP status, see
 * {@link KITOS_ERROR_CLASSES}), and what it means in Danish and English. Validation issues, rule
 * violations and the `code` in a conflict's context all use these codes; a code outside the
 * catalogue does not compile where the types reach, and a test checks the rest.
 *
 * @module
 */
import type { KitosErrorCode } from './errors.js';

/** One entry: the class of error the code is reported as, and its meaning in both languages. */
export interface IssueCodeInfo {
  readonly class: Extract<KitosErrorCode, 'validation' | 'state' | 'conflict' | 'forbidden' | 'not-found' | 'storage'>;
  readonly da: string;
  readonly en: string;
}

const v = (da: string, en: string): IssueCodeInfo => ({ class: 'validation', da, en });
const s = (da: string, en: string): IssueCodeInfo => ({ class: 'state', da, en });
const c = (da: string, en: string): IssueCodeInfo => ({ class: 'conflict', da, en });

/** The catalogue. */
export const ISSUE_CODES = {
  // The shape of the input (zod's checks, in the same casing as ours).
  required: v('Feltet skal udfyldes', 'The field is required'),
  'invalid-type': v('Forkert type', 'Wrong type'),
  'invalid-value': v('Ugyldig værdi', 'Invalid value'),
  'invalid-format': v('Ugyldigt format', 'Invalid format'),
  'invalid-union': v('Passer ikke til nogen af de tilladte former', 'Matches none of the allowed shapes'),
  'invalid-key': v('Ugyldig nøgle', 'Invalid key'),
  'invalid-element': v('Ugyldigt element', 'Invalid element'),
  'too-big': v('For stor eller for lang', 'Too big or too long'),
  'too-small': v('For lille, for kort eller tom', 'Too small, too short or empty'),
  'not-multiple-of': v('Ikke et multiplum', 'Not a multiple'),
  'unrecognized-keys': v('Ukendt felt', 'Unknown field'),
  custom: v('Ugyldig værdi', 'Invalid value'),
  'invalid-date': v('Ikke en rigtig dato (ÅÅÅÅ-MM-DD)', 'Not a real date (YYYY-MM-DD)'),
  'invalid-period': v('Slutdatoen ligger før startdatoen', 'The end date is before the start date'),
  'date-in-past': v('Datoen ligger i fortiden', 'The date is in the past'),
  'date-order': v('Datoerne er i forkert rækkefølge', 'The dates are in the wrong order'),
  'invalid-interval': v('Ugyldigt interval', 'Invalid interval'),
  'invalid-number': v('Ugyldigt tal', 'Invalid number'),
  'not-a-number': v('Ikke et helt tal', 'Not a whole number'),
  unparseable: v('Kan ikke læses', 'Cannot be read'),
  'out-of-range': v('Uden for det tilladte interval', 'Out of range'),
  empty: v('Tom', 'Empty'),
  duplicate: v('Står der to gange', 'Listed twice'),
  immutable: v('Kan ikke ændres efter oprettelsen', 'Cannot change after creation'),
  cycle: v('Ville give en løkke', 'Would make a cycle'),
  'relation-to-self': v('En relation kan ikke pege på sig selv', 'A relation cannot point at itself'),
  'multiple-master-references': v('Kun én reference kan være stamreference', 'Only one reference can be the master'),
  'phase-overlap': v('Faserne overlapper', 'The phases overlap'),
  'phase-ends-before-start': v('Fasen slutter før den starter', 'The phase ends before it starts'),
  'priority-out-of-range': v('Prioriteten findes ikke', 'No such priority'),
  'no-root': v('Organisationen har ingen rodenhed', 'The organisation has no root unit'),
  'multiple-roots': v('Organisationen har flere rodenheder', 'The organisation has several root units'),
  'root-unit': v('Rodenheden kan ikke flyttes', 'The root unit cannot be moved'),
  'kle-added-and-removed': v(
    'En KLE-opgave kan ikke både tilføjes og fravælges',
    'A KLE task cannot be both added and removed',
  ),
  'kle-parent-missing': v('Den overordnede KLE-opgave mangler', 'The parent KLE task is missing'),
  'kle-unexpected-parent': v('En hovedgruppe har ingen overordnet', 'A main group has no parent'),
  'kle-parent-key-mismatch': v(
    'Den overordnede KLE-opgave skal være nummeret uden sidste led',
    'The parent KLE task must be the key without its last level',
  ),
  'kle-duplicate-task-key': v('KLE-nummeret står der to gange', 'The KLE key is listed twice'),
  'kle-type-mismatch': v('KLE-typen passer ikke til nummeret', 'The KLE type does not match its number'),
  'archive-duty-comment-without-recommendation': v(
    'En bemærkning kræver en arkiveringsanbefaling',
    'A comment needs an archiving recommendation',
  ),
  'exposed-by-several-systems': v(
    'En snitflade udstilles af højst ét system',
    'An interface is exposed by at most one system',
  ),
  // Queries.
  'unknown-field': v('Ukendt felt', 'Unknown field'),
  'unknown-column': v('Ukendt kolonne', 'Unknown column'),
  'unknown-operator': v('Ukendt filteroperator', 'Unknown filter operator'),
  'invalid-operator': v('Operatoren passer ikke til kolonnen', 'The operator does not suit the column'),
  'invalid-enum-value': v('Ikke en af de tilladte værdier', 'Not one of the allowed values'),
  'too-deep': v('Filtrene er indlejret for dybt', 'The filters are nested too deeply'),
  'invalid-name': v('Ugyldigt navn', 'Invalid name'),
  'invalid-version': v('Ugyldigt versionsnummer', 'Invalid version number'),
  'invalid-field': v('Ugyldigt felt', 'Invalid field'),
  'invalid-options': v('Ugyldige indstillinger', 'Invalid options'),
  // Reading and importing files (spreadsheets and portfolio documents).
  'not-a-spreadsheet': v('Filen er ikke et regneark', 'The file is not a spreadsheet'),
  'unsupported-format': v('Filformatet understøttes ikke', 'The file format is not supported'),
  'malformed-file': v('Filen er beskadiget eller ufuldstændig', 'The file is damaged or incomplete'),
  'empty-file': v('Filen er tom', 'The file is empty'),
  formula: v('Cellen indeholder en formel', 'The cell holds a formula'),
  'cell-too-long': v('Cellen er for lang', 'The cell is too long'),
  'too-many-rows': v('For mange rækker', 'Too many rows'),
  'too-many-columns': v('For mange kolonner', 'Too many columns'),
  'too-many-cells': v('For mange celler', 'Too many cells'),
  'unpacked-too-large': v('Filen fylder for meget udpakket', 'The file is too large unpacked'),
  'read-timeout': v('Det tog for lang tid at læse filen', 'Reading the file took too long'),
  'missing-column': v('En påkrævet kolonne mangler', 'A required column is missing'),
  'duplicate-column': v('Kolonnen står der to gange', 'The column appears twice'),
  'wrong-type': v('Forkert type', 'Wrong type'),
  'unknown-value': v('Ukendt værdi', 'Unknown value'),
  'unknown-option': v('Ukendt valgmulighed', 'Unknown option'),
  'unknown-reference': v('Det nævnte findes ikke', 'The named record does not exist'),
  'ambiguous-reference': v('Navnet passer på flere', 'The name matches several records'),
  'duplicate-in-file': v('Står der to gange i filen', 'Appears twice in the file'),
  'invalid-document': v('Dokumentet har ikke det forventede format', 'The document does not have the expected format'),
  // References to records that do not exist (or that the actor may not know exist).
  'not-found': v('Findes ikke', 'Does not exist'),
  'parent-not-found': v('Den overordnede findes ikke', 'The parent does not exist'),
  'reference-not-found': v('Det tilknyttede findes ikke', 'The linked record does not exist'),
  'system-not-found': v('IT-systemet findes ikke', 'The IT system does not exist'),
  'unit-not-found': v('Enheden findes ikke', 'The unit does not exist'),
  'option-not-found': v('Valgmuligheden findes ikke', 'The option does not exist'),
  'membership-not-found': v('Brugeren har ikke den rolle', 'The user does not have that role'),
  'role-assignment-not-found': v('Rolletildelingen findes ikke', 'No such role assignment'),
  'item-not-found': {
    class: 'not-found',
    da: 'Værdien står ikke på listen',
    en: 'The value is not in the list',
  },
  'contact-role-missing': v(
    'Kontaktpersoner kan kun deles, når det er valgt, hvilken rolle der er kontakt',
    'Contacts can only be shared once the contact role is chosen',
  ),
  'not-same-organisation': v('Hører til en anden organisation', 'Belongs to another organisation'),
  'owner-participates': v(
    'Ejerorganisationen leder projektet og står ikke blandt deltagerne',
    'The owning organisation leads the project and is not listed among its participants',
  ),
  'participants-mismatch': v(
    'De fælles organisationer skal være deltagernes organisationer',
    'The joint organisations must be the organisations of the participants',
  ),
  'link-not-mirrored': v(
    'Forbindelsen står kun på den ene af de to poster',
    'The link is listed on only one of its two records',
  ),
  // The record's state refuses what is asked (a well-formed request).
  'gate-closed': s('Kun når spørgsmålet er besvaret Ja', 'Only when the question is answered Yes'),
  'main-contract-not-associated': s(
    'Den markerede kontrakt skal dække systemet/registreringen',
    'The main contract must cover the usage or registration',
  ),
  'system-deactivated': s('IT-systemet er deaktiveret', 'The IT system is deactivated'),
  'system-not-visible': s(
    'IT-systemet er lokalt i en anden organisation',
    'The IT system is local to another organisation',
  ),
  'kle-already-on-system': s('IT-systemet har allerede KLE-opgaven', 'The IT system already has the KLE task'),
  'kle-not-on-system': s('IT-systemet har ikke KLE-opgaven', 'The IT system does not have the KLE task'),
  'option-not-available': s(
    'Valgmuligheden er ikke aktiv i organisationen',
    'The option is not available in the organisation',
  ),
  'option-disabled': s('Valgmuligheden er slået fra', 'The option is disabled'),
  'option-obligatory': s(
    'En obligatorisk valgmulighed kan ikke fravælges',
    'An obligatory option cannot be switched off',
  ),
  'role-not-available': s('Rollen er ikke aktiv i organisationen', 'The role is not available in the organisation'),
  'not-a-role-type': s('Ikke en rolle af den rigtige slags', 'Not a role of the right type'),
  'role-flag-missing': s('Rollen mangler læse- eller skriveadgang', 'The role lacks its read or write flag'),
  'user-not-member': s('Brugeren er ikke medlem af organisationen', 'The user is not a member of the organisation'),
  'responsible-unit-not-using': s(
    'Den ansvarlige enhed skal være blandt de relevante enheder',
    'The responsible unit must be one of the relevant units',
  ),
  'unit-not-using': s('Enheden er ikke blandt de relevante enheder', 'The unit is not one of the relevant units'),
  'interface-not-exposed': s(
    'Snitfladen udstilles ikke af målsystemet',
    'The target system does not expose the interface',
  ),
  'no-local-options': s('Typen har ingen lokale valgmuligheder', 'The type has no local options'),
  'cannot-delete-self': s('Man kan ikke slette sig selv', 'You cannot delete yourself'),
  'unit-from-directory': s(
    'Enheden kommer fra FK Organisation og ændres dér',
    'The unit comes from FK Organisation and is changed there',
  ),
  // What is stored already.
  'name-taken': c('Navnet er allerede brugt i organisationen', 'The name is already used in the organisation'),
  'duplicate-name': c('Navnet er allerede brugt', 'The name is already used'),
  'duplicate-name-and-interface-id': c(
    'Navn og snitflade-ID er allerede brugt',
    'Name and interface id are already used',
  ),
  'usage-exists': c(
    'IT-systemet er allerede i brug i organisationen',
    'The IT system is already in use in the organisation',
  ),
  'duplicate-email': c('E-mailadressen er allerede brugt', 'The e-mail address is already used'),
  'duplicate-membership': c('Brugeren har allerede rollen', 'The user already has the role'),
  'duplicate-role-assignment': c('Brugeren har allerede rollen her', 'The user already holds the role here'),
  'duplicate-option': c('Valgmuligheden findes allerede', 'The option already exists'),
  'duplicate-uuid': c('UUID er allerede brugt', 'The uuid is already used'),
  'already-exists': c('Findes allerede', 'Already exists'),
  'in-use': c('Er i brug og kan ikke slettes', 'Is in use and cannot be deleted'),
  'has-children': c('Har underordnede og kan ikke slettes', 'Has children and cannot be deleted'),
  'has-interface-exhibits': c('Udstiller snitflader og kan ikke slettes', 'Exposes interfaces and cannot be deleted'),
  'exposed-by-system': c('Udstilles af et system og kan ikke slettes', 'Is exposed by a system and cannot be deleted'),
  'duplicate-in-store': c('Findes allerede', 'Already exists'),
  'version-mismatch': c('En anden har gemt en nyere udgave', 'Someone else saved a newer version'),
  deadlock: c('Samtidige ændringer stødte sammen; prøv igen', 'Concurrent changes collided; try again'),
  serialization: c('Samtidige ændringer stødte sammen; prøv igen', 'Concurrent changes collided; try again'),
  // Permission and storage, as reported per row by imports.
  forbidden: { class: 'forbidden', da: 'Du har ikke lov', en: 'You are not allowed' },
  'write-failed': { class: 'storage', da: 'Kunne ikke gemmes', en: 'Could not be saved' },
} as const satisfies Readonly<Record<string, IssueCodeInfo>>;

/** A code of the catalogue. */
export type IssueCode = keyof typeof ISSUE_CODES;

/**
 * Whether a string is a code of the catalogue.
 *
 * @example
 * ```ts
 * isIssueCode('gate-closed'); // true
 * ```
 */
export function isIssueCode(code: string): code is IssueCode {
  return Object.hasOwn(ISSUE_CODES, code);
}

/** A code as the catalogue knows it: itself when catalogued, else `custom` (a refinement without its own code). */
export function catalogueCode(code: string): IssueCode {
  return isIssueCode(code) ? code : 'custom';
}

/** zod's issue codes in the catalogue's casing (`invalid_type` → `invalid-type`). */
export function kebabCode(code: string): string {
  return code.replaceAll('_', '-');
}
