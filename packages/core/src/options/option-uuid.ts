/**
 * Deterministic, name-based uuids for seeded options.
 *
 * Seeding the same lists twice (in a test, a demo, a fresh database) should give the same uuids,
 * so references in fixtures stay valid. These uuids are **not** the ones KITOS uses in
 * production: KITOS generates random uuids per installation, so data imported from KITOS keeps
 * its own uuids and options are matched by type and name.
 *
 * @module
 */
import type { OptionType } from './option-type.js';

/** Makes the uuid of a seeded option from its type and name. */
export type OptionUuidFactory = (type: OptionType, name: string) => string;

const encoder = new TextEncoder();

/** 32-bit FNV-1a over `bytes`, started from `seed` so each lane gives different bits. */
function fnv1a(bytes: Uint8Array, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Final avalanche (from murmur3's fmix32) so that similar names differ in every hex digit.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * A stable uuid for a text: four 32-bit FNV-1a hashes of its UTF-8 bytes, formatted as an RFC 9562
 * version 8 ("custom") uuid. Pure and deterministic; not a cryptographic hash.
 *
 * @example
 * ```ts
 * nameBasedUuid('os2kitos/architecture/Serviceplatformen').charAt(14); // '8' (version 8)
 * ```
 */
export function nameBasedUuid(text: string): string {
  const bytes = encoder.encode(text);
  const hex = [0x00000000, 0x9e3779b9, 0x7f4a7c15, 0x3c6ef372]
    .map((seed) => fnv1a(bytes, seed).toString(16).padStart(8, '0'))
    .join('');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A stable uuid for `(type, name)`: {@link nameBasedUuid} of the text
 * `os2kitos/option/<type>/<name>`. Not KITOS's production uuid.
 *
 * @example
 * ```ts
 * optionSeedUuid('business-types', 'GIS') === optionSeedUuid('business-types', 'GIS'); // true
 * optionSeedUuid('business-types', 'GIS').charAt(14); // '8' (version 8)
 * ```
 */
export function optionSeedUuid(type: OptionType, name: string): string {
  return nameBasedUuid(`os2kitos/option/${type}/${name}`);
}
