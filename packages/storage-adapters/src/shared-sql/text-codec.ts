/**
 * How index text is stored in typed SQL columns, so that equality, `LIKE`/`instr` substring tests and
 * folding behave exactly like the reference (memory) adapter for every JavaScript string.
 *
 * PostgreSQL `text` cannot hold U+0000, and neither engine can store a lone UTF-16 surrogate (the
 * drivers turn it into U+FFFD). So those code units are written as escape sequences, together with
 * the noncharacters U+FDD0–U+FDEF that the escapes are made of:
 *
 * - escape = U+FDEF followed by exactly three characters from U+FDD0–U+FDDF (a hex number 0–4095);
 * - U+0000 → 0, U+FDD0–U+FDEF → 1–32, U+D800–U+DFFF (unpaired) → 33–2080.
 *
 * Every other character is stored as itself, so columns stay readable. The encoding is injective
 * (equality is exact) and substring-safe: the lead and continuation characters never occur
 * unescaped, so an encoded needle can only match an encoded haystack at character boundaries.
 * (One deliberate limit: a needle holding an unpaired surrogate never matches half of a surrogate
 * pair in the haystack, where JavaScript's `includes` would; see text-codec.test.ts.)
 * The full record (data and index) is stored as JSON text, which escapes these characters itself;
 * the other text columns (uuid, organisation, timestamps) are decoded when read back.
 *
 * @module
 */

const LEAD = '\uFDEF';
const DIGIT0 = 0xfdd0;

function escapeCode(index: number): string {
  return (
    LEAD + String.fromCharCode(DIGIT0 + ((index >> 8) & 0xf), DIGIT0 + ((index >> 4) & 0xf), DIGIT0 + (index & 0xf))
  );
}

// Unpaired surrogates, NUL and the noncharacters used by the escape itself.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what must be found here
const NEEDS_ESCAPE = /[\u0000\uFDD0-\uFDEF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Encodes a string for a typed text column (value, folded value, list element) and for the
 * parameters compared with it.
 *
 * @example
 * ```ts
 * encodeText('Ærø'); // 'Ærø' (unchanged)
 * encodeText('nul\u0000byte'); // 'nul' + '\uFDEF\uFDD0\uFDD0\uFDD0' + 'byte'
 * ```
 */
export function encodeText(text: string): string {
  return text.replace(NEEDS_ESCAPE, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0) return escapeCode(0);
    if (c >= 0xfdd0 && c <= 0xfdef) return escapeCode(1 + c - 0xfdd0);
    return escapeCode(33 + c - 0xd800);
  });
}

const ESCAPED = /\uFDEF[\uFDD0-\uFDDF]{3}/g;

/**
 * Reverses {@link encodeText} (for the key columns read back from SQL: uuids, organisations,
 * timestamps).
 *
 * @example
 * ```ts
 * decodeText(encodeText('a\u0000b')); // 'a\u0000b'
 * ```
 */
export function decodeText(text: string): string {
  return text.replace(ESCAPED, (code) => {
    const index =
      ((code.charCodeAt(1) - DIGIT0) << 8) | ((code.charCodeAt(2) - DIGIT0) << 4) | (code.charCodeAt(3) - DIGIT0);
    if (index === 0) return '\u0000';
    if (index <= 32) return String.fromCharCode(0xfdd0 + index - 1);
    return String.fromCharCode(0xd800 + index - 33);
  });
}

/** Case folding of the reference adapter (`contains`, `startsWith`): Danish lower case. */
export function foldText(text: string): string {
  return text.toLocaleLowerCase('da');
}

/** Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
