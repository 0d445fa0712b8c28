/**
 * Danish sort keys: a string per text value whose plain binary order (SQLite `BINARY`, PostgreSQL
 * `COLLATE "C"`, JavaScript `<`) is the order of the reference collator `Intl.Collator('da')`,
 * including its ties. SQL adapters store it in a companion column and sort on that, so sorting needs
 * no ICU in the database (PGlite and many servers have none) and every engine agrees with memory.
 *
 * The key follows the Unicode Collation Algorithm as ICU applies it with the CLDR Danish tailoring
 * (æ, ø, å after z; "aa" as "å"; upper case first): the text is normalised to NFD and split into
 * collation elements (contractions such as "aa" and "a + ring" first, then single characters,
 * expansions such as "ß" → "ss"), and the key lists all primary weights, then all secondary
 * (accent) weights, then all tertiary (case and variant) weights, each level separated by U+0001.
 *
 * The weights come from `danish-collation-data.ts`, derived from ICU by the generator in
 * `danish-sort-key.test.ts`, which also proves the order on random strings. They cover Latin (all
 * blocks), Greek, Cyrillic, general punctuation and currency symbols. Characters outside that
 * repertoire (CJK, emoji, other scripts) fall back to code point order inside their group
 * (symbols before digits, letters after the known letters) and can differ from ICU.
 *
 * @module
 */
import {
  COLLATION_ELEMENTS,
  COLLATION_IGNORABLE,
  COLLATION_MARKS,
  COLLATION_SOURCE,
  FIRST_DIGIT_PRIMARY,
} from './danish-collation-data.js';

/** One collation element: primary, secondary and tertiary weight (0 primary = accent only). */
export type CollationElement = readonly [primary: number, secondary: number, tertiary: number];

/** The weight tables a sort key function works from. */
export interface CollationData {
  /** Elements by their characters (one code point, or two for a contraction), after NFD. */
  readonly elements: ReadonlyMap<string, readonly CollationElement[]>;
  /** Secondary weights of combining marks, by code point. */
  readonly marks: ReadonlyMap<number, number>;
  /** Code points without any weight (beyond control and format characters). */
  readonly ignorable: ReadonlySet<number>;
  /** Primaries below this belong to spaces, punctuation and symbols; from it on, digits and letters. */
  readonly firstDigitPrimary: number;
}

/** The text form of {@link CollationData}, as `danish-collation-data.ts` stores it. */
export interface CollationDataText {
  readonly elements: string;
  readonly marks: string;
  readonly ignorable: string;
  readonly firstDigitPrimary: number;
}

/** Parses the text form of the tables. */
export function parseCollationData(text: CollationDataText): CollationData {
  const elements = new Map<string, readonly CollationElement[]>();
  for (const line of text.elements.split('\n')) {
    if (!line) continue;
    const [key = '', ...ces] = line.split(' ');
    const chars = key.split('+').map((h) => String.fromCodePoint(Number.parseInt(h, 16)));
    elements.set(
      chars.join(''),
      ces.map((ce) => ce.split('.').map(Number) as unknown as CollationElement),
    );
  }
  const marks = new Map<number, number>();
  for (const pair of text.marks.split(' ')) {
    if (!pair) continue;
    const [cp = '', weight = ''] = pair.split(':');
    marks.set(Number.parseInt(cp, 16), Number(weight));
  }
  const ignorable = new Set(
    text.ignorable
      .split(' ')
      .filter(Boolean)
      .map((h) => Number.parseInt(h, 16)),
  );
  return { elements, marks, ignorable, firstDigitPrimary: text.firstDigitPrimary };
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const EMBEDDED: CollationDataText = {
  elements: COLLATION_ELEMENTS,
  marks: COLLATION_MARKS,
  ignorable: COLLATION_IGNORABLE,
  firstDigitPrimary: FIRST_DIGIT_PRIMARY,
};

/**
 * Identifies the key function and its data. Stored with the database; when it changes, adapters
 * recompute the stored sort keys on the next `migrate()`.
 */
export const DANISH_SORT_KEY_VERSION = `1-${fnv1a(COLLATION_ELEMENTS + COLLATION_MARKS + COLLATION_IGNORABLE)}`;

/** Where the embedded tables came from (ICU version), for diagnostics. */
export const DANISH_COLLATION_SOURCE = COLLATION_SOURCE;

// Weight → key characters. Every weight is one character in U+0100–U+07FF (two UTF-8 bytes), or,
// for characters without table data, a lead character plus one more; lead characters never occur
// as one-character weights, so concatenated weights compare like the weight sequences.
const chr = String.fromCharCode;
const KNOWN_SYMBOL = 0x100; // primaries below FIRST_DIGIT_PRIMARY
const UNKNOWN_SYMBOL = 0x200; // lead + (cp >> 12), then 0x1000 + (cp & 0xfff)
const KNOWN_LETTER = 0x400; // primaries from FIRST_DIGIT_PRIMARY on
const UNKNOWN_LETTER = 0x680;
const LOW = 0x1000;
const LEVEL_SEPARATOR = '\u0001';

const SYMBOLISH = /[\p{P}\p{S}\p{Z}]/u;
const IGNORABLE_CATEGORY = /[\p{Cc}\p{Cf}]/u;
const MARK = /\p{M}/u;
const SURROGATE = /\p{Cs}/u;

/** Two marks block each other in a discontiguous contraction when they have the same combining class. */
function sameCombiningClass(a: string, b: string): boolean {
  return (a + b).normalize('NFD') === a + b && (b + a).normalize('NFD') === b + a;
}

/**
 * The Danish sort key of a text: compare two keys with plain `<` (or binary SQL collation) to get
 * the order of `Intl.Collator('da')`; equal keys mean the collator calls the texts equal.
 *
 * @example
 * ```ts
 * const names = ['åben', 'Zebra', 'ærlig', 'alfa', 'øst', 'Aalborg'];
 * names.sort((a, b) => (danishSortKey(a) < danishSortKey(b) ? -1 : 1));
 * // ['alfa', 'Zebra', 'ærlig', 'øst', 'åben', 'Aalborg'] ("aa" sorts as "å")
 * ```
 */
export function danishSortKey(text: string): string {
  embedded ??= sortKeyFunction(parseCollationData(EMBEDDED));
  return embedded(text);
}

let embedded: ((text: string) => string) | undefined;

/** The three levels of a key under construction. */
interface KeyParts {
  p: string;
  s: string;
  t: string;
}

/** A sort key function over the given tables (the generator fits weights with it). */
export function sortKeyFunction(data: CollationData): (text: string) => string {
  const { elements, marks, ignorable, firstDigitPrimary } = data;
  const contractionStarts = new Set<string>();
  for (const key of elements.keys()) if ([...key].length === 2) contractionStarts.add([...key][0] as string);
  const emit = (parts: KeyParts, ces: readonly CollationElement[]) => {
    for (const [cp, cs, ct] of ces) {
      if (cp) parts.p += chr(cp < firstDigitPrimary ? KNOWN_SYMBOL + cp : KNOWN_LETTER + cp);
      parts.s += chr(0x100 + cs);
      parts.t += chr(0x100 + ct);
    }
  };
  return (text) => {
    const chars = [...text.normalize('NFD')];
    const parts: KeyParts = { p: '', s: '', t: '' };
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (contractionStarts.has(ch) && i + 1 < chars.length) {
        const pair = elements.get(ch + chars[i + 1]);
        // Discontiguous contraction: "a" + dot below + ring is "å" + dot below, as in ICU.
        const hit = pair ? i + 1 : findDiscontiguous(chars, i, elements);
        if (hit > 0) {
          emit(parts, elements.get(ch + chars[hit]) as readonly CollationElement[]);
          if (hit === i + 1) i++;
          else chars.splice(hit, 1);
          continue;
        }
      }
      const single = elements.get(ch);
      const mark = marks.get(ch.codePointAt(0) as number);
      if (single) emit(parts, single);
      else if (mark !== undefined) emit(parts, [[0, mark, 1]]);
      else if (!ignorable.has(ch.codePointAt(0) as number)) appendUnknown(parts, ch);
    }
    return parts.p + LEVEL_SEPARATOR + parts.s + LEVEL_SEPARATOR + parts.t;
  };
}

/** A character without table data: ignorable, an accent, or a primary in code point order. */
function appendUnknown(parts: KeyParts, character: string): void {
  if (IGNORABLE_CATEGORY.test(character)) return;
  const ch = SURROGATE.test(character) ? '\uFFFD' : character; // ICU reads an unpaired surrogate as U+FFFD
  const code = ch.codePointAt(0) as number;
  const weight = (lead: number) => chr(lead + (code >> 12)) + chr(LOW + (code & 0xfff));
  if (MARK.test(ch)) {
    parts.s += weight(UNKNOWN_SYMBOL);
    parts.t += chr(0x101);
    return;
  }
  parts.p += weight(SYMBOLISH.test(ch) ? UNKNOWN_SYMBOL : UNKNOWN_LETTER);
  parts.s += chr(0x102); // common secondary
  parts.t += chr(0x109);
}

function findDiscontiguous(
  chars: string[],
  start: number,
  elements: ReadonlyMap<string, readonly CollationElement[]>,
): number {
  const head = chars[start] as string;
  for (let j = start + 1; j < chars.length && MARK.test(chars[j] as string); j++) {
    const mark = chars[j] as string;
    if (!elements.has(head + mark)) continue;
    let blocked = false;
    for (let k = start + 1; k < j; k++) if (sameCombiningClass(chars[k] as string, mark)) blocked = true;
    if (!blocked) return j;
  }
  return -1;
}
