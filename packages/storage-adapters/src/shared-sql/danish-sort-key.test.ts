import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { danishCollator } from '@os2kitos/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collationRepertoire, deriveCollationTables } from './danish-collation.generate.js';
import { danishSortKey, sortKeyFunction } from './danish-sort-key.js';

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sign = (n: number) => Math.sign(n);
/** Compares by sort key the way the SQL adapters do: key, then uuid. */
const byKey = (a: { name: string; uuid: string }, b: { name: string; uuid: string }) =>
  binary(danishSortKey(a.name), danishSortKey(b.name)) || binary(a.uuid, b.uuid);
/** The reference order (memory adapter): Danish collator, ties broken by uuid. */
const byCollator = (a: { name: string; uuid: string }, b: { name: string; uuid: string }) =>
  danishCollator.compare(a.name, b.name) || binary(a.uuid, b.uuid);

const DATA_FILE = fileURLToPath(new URL('./danish-collation-data.ts', import.meta.url));

function dataFileText(tables: ReturnType<typeof deriveCollationTables>): string {
  return `// Generated from Intl.Collator('da') by danish-sort-key.test.ts (run it with KITOS_WRITE_COLLATION=1).
// Do not edit by hand; see danish-collation.generate.ts for how each table is derived.
/* biome-ignore-all format: generated tables */

/** The ICU that the tables were derived from. */
export const COLLATION_SOURCE = 'ICU ${process.versions.icu}, Unicode ${process.versions.unicode}';
/** Primary weights below this belong to spaces, punctuation and symbols; from it on, digits and letters. */
export const FIRST_DIGIT_PRIMARY = ${tables.firstDigitPrimary};
/** Secondary weights of combining marks: \`hex code point:weight\`. */
export const COLLATION_MARKS = '${tables.marks}';
/** Code points without weights (besides control and format characters), in hex. */
export const COLLATION_IGNORABLE = '${tables.ignorable}';
/** One line per element: code points in hex (two for a contraction), then primary.secondary.tertiary per weight. */
export const COLLATION_ELEMENTS = \`${tables.elements}\`;
`;
}

describe('danishSortKey', () => {
  it('uses tables that are current for this ICU (regenerate with KITOS_WRITE_COLLATION=1)', () => {
    const tables = deriveCollationTables(sortKeyFunction);
    const expected = dataFileText(tables);
    const actual = readFileSync(DATA_FILE, 'utf8');
    const strip = (s: string) => s.replace(/^export const COLLATION_SOURCE.*$/m, '');
    if (strip(actual) !== strip(expected) && process.env.KITOS_WRITE_COLLATION) writeFileSync(DATA_FILE, expected);
    else expect(strip(actual), 'danish-collation-data.ts is stale for this ICU').toBe(strip(expected));
  }, 120_000);

  it('orders the conformance names like the suite expects', () => {
    const names = ['åben', 'Zebra', 'ærlig', 'alfa', 'øst', 'Bæver'];
    expect([...names].sort((a, b) => binary(danishSortKey(a), danishSortKey(b)))).toEqual([
      'alfa',
      'Bæver',
      'Zebra',
      'ærlig',
      'øst',
      'åben',
    ]);
  });

  it('reads "aa" as "å", puts upper case first and treats ignorable characters as absent', () => {
    const order = ['Aalborg', 'Ålborg', 'aalborg', 'ålborg', 'Alborg', 'Åben', 'Zulu'];
    expect([...order].sort((a, b) => binary(danishSortKey(a), danishSortKey(b)))).toEqual(
      [...order].sort(danishCollator.compare),
    );
    expect(danishSortKey('nul\u0000byte')).toBe(danishSortKey('nulbyte'));
    expect(danishCollator.compare('nul\u0000byte', 'nulbyte')).toBe(0);
  });

  it('produces keys without NUL, so PostgreSQL text can hold them', () => {
    for (const s of ['', 'a\u0000b', '😀', '\uD800', 'x'.repeat(1000)])
      expect(danishSortKey(s)).not.toContain('\u0000');
  });

  it('orders a corpus of Danish portfolio names exactly like the reference (ties broken by uuid)', () => {
    const names = [
      'Aabenraa Kommune',
      'Aalborg Kommune',
      'Århus Kommune',
      'Aarhus Kommune',
      'Ærø Kommune',
      'Æblehaven',
      'Ølstykke',
      'Øresund',
      'Odense Kommune',
      'Ødsted',
      'Zealand',
      'zealand',
      'ZEALAND',
      'ESDH',
      'esdh',
      'E-mail',
      'Email',
      'e mail',
      'Økonomi',
      'Løn',
      'Lønsystem 2',
      'Lønsystem 10',
      'Løn (ny)',
      'Borgerservice',
      'Bæver',
      'Bøger',
      'Bager',
      'Ægir',
      'Éclair',
      'Eclair',
      'Ecláir',
      'Straße',
      'Strasse',
      'Þór',
      'Thor',
      'Œuvre',
      'Oeuvre',
      'Ďábel',
      'Đorđe',
      'Łódź',
      'Lodz',
      'Müller',
      'Mueller',
      'Myller',
      'Göteborg',
      'Gøteborg',
      'Günther',
      'Gynther',
      'Ångström',
      'Angstrom',
      "O'Brien",
      'OBrien',
      '"quoted"',
      '<img src=x>',
      "'; DROP TABLE records; --",
      '%_ like wildcards %',
      '',
      ' ',
      '123',
      '12',
      'Ärger',
      'Ørsted',
      'Örsted',
      'Ősz',
      'Ýr',
      'ÿ',
      'Åse',
      'Aase',
      'AASE',
      'aAse',
      'Københavns Kommune',
      'Kobenhavn',
      'Κόσμος',
      'Москва',
      'Zürich',
    ];
    const rows = names.flatMap((name, i) => [
      { name, uuid: `u${String(i).padStart(3, '0')}b` },
      { name, uuid: `u${String(i).padStart(3, '0')}a` },
    ]);
    expect([...rows].sort(byKey)).toEqual([...rows].sort(byCollator));
  });

  it('puts "ß" after "Śs" like the reference (a counterexample the random test once found)', () => {
    expect(danishCollator.compare('Śs', 'ß')).toBe(-1);
    expect(binary(danishSortKey('Śs'), danishSortKey('ß'))).toBe(-1);
  });

  // The class behind it: a letter that expands to two ("ß" = "ss", "œ" = "oe", "ǆ" = "dž") against
  // those letters with any accent after either of them, in either case, and with a further accent
  // after it; its weights had been fitted to the letters' own variants only. Every combining mark
  // of U+0300–U+036F but the grapheme joiner U+034F, which weighs nothing but keeps ICU from reading
  // "dž" as one unit: the key does not model that (open, like "ǳ" + caron against "ǆ").
  const EXPANSIONS: readonly (readonly [string, string])[] = [
    ['ß', 'ss'],
    ['ẞ', 'ss'],
    ['œ', 'oe'],
    ['Œ', 'OE'],
    ['ǆ', 'dž'],
    ['ǅ', 'Dž'],
    ['Ǆ', 'DŽ'],
    ['ǉ', 'lj'],
    ['ǌ', 'nj'],
    ['ǳ', 'dz'],
    ['ĳ', 'ij'],
    ['þ', 'th'],
  ];
  it('orders letters that expand against their letters with accents like the reference', () => {
    const marks = Array.from({ length: 0x70 }, (_, i) => String.fromCodePoint(0x300 + i)).filter(
      (mark) => mark !== '\u034f',
    );
    const wrong: string[] = [];
    const check = (a: string, b: string) => {
      if (sign(binary(danishSortKey(a), danishSortKey(b))) !== sign(danishCollator.compare(a, b)))
        wrong.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    };
    for (const [letter, letters] of EXPANSIONS) {
      expect(new Intl.Collator('da', { sensitivity: 'base' }).compare(letter, letters), letter).toBe(0);
      const parts = [...letters.normalize('NFD')];
      for (const mark of marks) {
        for (let at = 1; at <= parts.length; at++) {
          for (const cased of [parts, parts.map((c) => c.toUpperCase()), parts.map((c) => c.toLowerCase())]) {
            check(letter, [...cased.slice(0, at), mark, ...cased.slice(at)].join(''));
          }
        }
        check(`${letter}${mark}`, letters);
        check(`${letter}${mark}`, letters.toUpperCase());
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  // The proof: for random strings over the covered repertoire, key order = collator order, ties included.
  const repertoire = collationRepertoire();
  const danish = [...'aAåÅæÆøØäÄöÖüÜyYoOuUeE sSßtThHþÞ-'];
  const combining = ['\u0301', '\u0308', '\u030a', '\u0323', '\u0327', '\u0300'];
  const text = fc.string({
    unit: fc.oneof(fc.constantFrom(...repertoire), fc.constantFrom(...danish), fc.constantFrom(...combining)),
    maxLength: 8,
  });
  // A fixed seed, so that every CI run checks the same 50,000 pairs; KITOS_FUZZ_SEED=<n> explores
  // others. The counterexample "Śs" against "ß" that one seed found is a fixed case above.
  const seed = Number(process.env.KITOS_FUZZ_SEED ?? 20_261_206);
  it('agrees with Intl.Collator("da") on random strings over the covered repertoire', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sign(binary(danishSortKey(a), danishSortKey(b))), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
          sign(danishCollator.compare(a, b)),
        );
      }),
      { numRuns: 50_000, seed },
    );
  });
  it('sorts random lists like the reference, including equal-comparing texts', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), (list) => {
        const rows = list.map((name, i) => ({ name, uuid: String(i).padStart(3, '0') }));
        expect([...rows].sort(byKey)).toEqual([...rows].sort(byCollator));
      }),
      { numRuns: 2_000, seed },
    );
  });
});
