/**
 * Typed UI dictionaries. Danish is the default (KITOS's vocabulary); English is the second
 * language. Every language must define every key: the `Strings` type makes a missing translation a
 * compile error.
 *
 * @module
 */

/** Every UI string the widgets use. */
export interface Strings {
  readonly active: string;
  readonly inactive: string;
  readonly statusLabel: string;
}

/** Danish strings (default). */
export const da: Strings = {
  active: 'Aktiv',
  inactive: 'Ikke aktiv',
  statusLabel: 'Status',
};

/** English strings. */
export const en: Strings = {
  active: 'Active',
  inactive: 'Not active',
  statusLabel: 'Status',
};

/** Languages the widgets speak. */
export type Lang = 'da' | 'en';

const dictionaries: Record<Lang, Strings> = { da, en };

/**
 * The dictionary for a language; anything other than `'en'` falls back to Danish.
 *
 * @example
 * ```ts
 * strings('en').inactive; // 'Not active'
 * ```
 */
export function strings(lang: string | null | undefined): Strings {
  return dictionaries[lang === 'en' ? 'en' : 'da'];
}
