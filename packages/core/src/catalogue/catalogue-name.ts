/**
 * How catalogue names are compared for uniqueness.
 *
 * KITOS enforces "name unique per creating organisation" with a database index under SQL Server's
 * case-insensitive, accent-sensitive collation, which also ignores trailing spaces. The library
 * keeps that behaviour, so data moved between KITOS and the library never meets a duplicate on
 * one side only: names are compared after Unicode normalisation (NFC), trimming and lower-casing.
 * `'SAP'`, `'sap'` and `' Sap '` are the same name; `'Æble'` and `'Aeble'` are not.
 *
 * @module
 */

/**
 * The comparison key of a catalogue name (system name, interface name or interface id).
 *
 * @example
 * ```ts
 * catalogueNameKey(' Økonomisystem ') === catalogueNameKey('ØKONOMISYSTEM'); // true
 * ```
 */
export function catalogueNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}
