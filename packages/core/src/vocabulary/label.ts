/**
 * A text in the two languages the widgets, exports and the server speak.
 *
 * @module
 */

/** The languages of the vocabulary: Danish (KITOS's own, the default) and English. */
export type Language = 'da' | 'en';

/** One text in Danish and English. */
export interface Label {
  readonly da: string;
  readonly en: string;
}
