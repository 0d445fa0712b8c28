/**
 * A forward-only XML tag scanner for the parts of an uploaded workbook, and the budget that bounds
 * reading it. Regular expressions with unbounded repetition that search for a closing tag are
 * retried from every start position, so a part full of unterminated tags costs quadratic time
 * (a few kilobytes zipped froze the event loop for most of a minute). This scanner finds every `<`
 * and `>` with one `indexOf` or one character step each and never goes back, and it counts the
 * characters it examines, so its work is bounded by the size of the part and can be checked.
 *
 * @module
 */
import { type ImportIssueCode, type IssueLocation, importIssue } from '@os2kitos/core';
import { SpreadsheetReadError } from './read-error.js';

/** Throws a {@link SpreadsheetReadError} with one issue. */
export function refuse(code: ImportIssueCode, at: IssueLocation, da: string, en: string): never {
  throw new SpreadsheetReadError([importIssue(code, at, da, en)]);
}

/** How often (in examined characters) the clock is looked at. */
const CLOCK_EVERY = 1 << 16;

/**
 * Counts the work done while reading one file and stops it at a deadline. `steps` is the number of
 * characters and bytes examined; the clock is only read every 64 Ki steps and between phases, so
 * checking costs nothing measurable.
 *
 * @example
 * ```ts
 * const budget = new ReadBudget(20_000);
 * scanXml(xml, budget, 'xl/styles.xml', () => {});
 * budget.steps; // at most a small multiple of xml.length
 * ```
 */
export class ReadBudget {
  /** Characters and bytes examined so far. */
  steps = 0;
  private readonly deadline: number;
  private nextLook = CLOCK_EVERY;

  constructor(
    private readonly maxMillis: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + maxMillis;
  }

  /** Records `n` steps of work, and looks at the clock when enough work was done since the last look. */
  spend(n: number): void {
    this.steps += n;
    if (this.steps >= this.nextLook) {
      this.nextLook = this.steps + CLOCK_EVERY;
      this.check();
    }
  }

  /** Refuses the file when the deadline has passed. */
  check(): void {
    if (this.now() <= this.deadline) return;
    const seconds = Math.round(this.maxMillis / 100) / 10;
    refuse(
      'read-timeout',
      {},
      `filen kunne ikke læses inden for ${seconds} sekunder (${this.maxMillis} ms); del den op i mindre filer`,
      `the file could not be read within ${this.maxMillis} ms; split it into smaller files`,
    );
  }

  /** `text.indexOf(search, from)`, counting the characters it passes. */
  find(text: string, search: string, from: number): number {
    const at = text.indexOf(search, from);
    this.spend((at < 0 ? text.length : at + search.length) - from);
    return at;
  }
}

/** One tag as the scanner sees it. */
export interface ScannedTag {
  /** The element's local name (without a namespace prefix). */
  readonly name: string;
  /** `</name>`. */
  readonly closing: boolean;
  /** `<name … />`. */
  readonly selfClosing: boolean;
  /** Everything between `<` and `>`; read attributes with {@link attributesOf}. */
  readonly inner: string;
}

const LT = 0x3c;
const GT = 0x3e;
const QUOTE = 0x22;
const APOS = 0x27;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Where in the file a problem is: the part (ZIP entry) it was found in. */
function broken(part: string, da: string, en: string): never {
  refuse('malformed-file', { value: part }, `${part}: ${da}`, `${part}: ${en}`);
}

/**
 * Calls `onTag` for every element tag of `xml`, in order, in one forward pass. Comments, CDATA and
 * processing instructions are skipped; a document type declaration is refused (workbook parts
 * never have one, and its entity definitions are how "billion laughs" files expand), as are tags
 * that never close and `<` inside a tag. Text between tags is not looked at.
 *
 * @example
 * ```ts
 * scanXml('<a x="1"><b/></a>', new ReadBudget(1000), 'part.xml', (t) => console.log(t.name, t.closing));
 * ```
 */
export function scanXml(xml: string, budget: ReadBudget, part: string, onTag: (tag: ScannedTag) => void): void {
  const n = xml.length;
  let i = 0;
  for (;;) {
    const lt = budget.find(xml, '<', i);
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === BANG) {
      if (xml.startsWith('<!--', lt)) {
        const end = budget.find(xml, '-->', lt + 4);
        if (end < 0) broken(part, 'en kommentar bliver aldrig afsluttet', 'a comment is never closed');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = budget.find(xml, ']]>', lt + 9);
        if (end < 0) broken(part, 'en CDATA-sektion bliver aldrig afsluttet', 'a CDATA section is never closed');
        i = end + 3;
      } else {
        broken(
          part,
          'dokumenttypeerklæringer (DOCTYPE) er ikke tilladt i et regneark',
          'document type declarations (DOCTYPE) are not allowed in a workbook',
        );
      }
      continue;
    }
    if (next === QUESTION) {
      const end = budget.find(xml, '?>', lt + 2);
      if (end < 0) broken(part, 'en XML-erklæring bliver aldrig afsluttet', 'a processing instruction is never closed');
      i = end + 2;
      continue;
    }
    // The tag runs to the first `>` outside quotes; a `<` before it means the tag never closed.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === LT) break;
      } else if (c === QUOTE || c === APOS) quote = c;
      else if (c === GT || c === LT) break;
    }
    budget.spend(j - lt);
    if (j >= n || xml.charCodeAt(j) !== GT)
      broken(part, 'et XML-mærke bliver aldrig afsluttet', `a tag starting at character ${lt} is never closed`);
    const closing = next === SLASH;
    const selfClosing = xml.charCodeAt(j - 1) === SLASH;
    let end = lt + (closing ? 2 : 1);
    const start = end;
    while (end < j) {
      const c = xml.charCodeAt(end);
      if (isSpace(c) || c === SLASH) break;
      end++;
    }
    budget.spend(end - start);
    const qualified = xml.slice(start, end);
    const colon = qualified.lastIndexOf(':');
    onTag({
      name: colon < 0 ? qualified : qualified.slice(colon + 1),
      closing,
      selfClosing,
      inner: xml.slice(lt + 1, j),
    });
    i = j + 1;
  }
}

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decodes the five predefined entities and character references; anything else is kept as written. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(Number.parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(Number(ref.slice(1))) ?? whole;
    return ENTITIES.get(ref) ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/**
 * The attributes of a scanned tag by local name (a later duplicate wins, as the workbook reader
 * does), values decoded. One pass over the tag; a Map, because the names come from the file.
 *
 * @example
 * ```ts
 * attributesOf('c r="A1" t="s"', budget, 'sheet.xml').get('r'); // 'A1'
 * ```
 */
export function attributesOf(inner: string, budget: ReadBudget, part: string): Map<string, string> {
  const out = new Map<string, string>();
  const n = inner.length;
  let k = 0;
  // Skip the element name.
  while (k < n && !isSpace(inner.charCodeAt(k))) k++;
  for (;;) {
    while (k < n && isSpace(inner.charCodeAt(k))) k++;
    if (k >= n || inner.charCodeAt(k) === SLASH) break;
    const nameStart = k;
    while (k < n) {
      const c = inner.charCodeAt(k);
      if (isSpace(c) || c === 0x3d || c === SLASH) break;
      k++;
    }
    const qualified = inner.slice(nameStart, k);
    while (k < n && isSpace(inner.charCodeAt(k))) k++;
    if (inner.charCodeAt(k) !== 0x3d)
      broken(part, `attributten ${qualified} har ingen værdi`, `the attribute ${qualified} has no value`);
    k++;
    while (k < n && isSpace(inner.charCodeAt(k))) k++;
    const quote = inner.charCodeAt(k);
    if (quote !== QUOTE && quote !== APOS)
      broken(part, `attributten ${qualified} står ikke i anførselstegn`, `the attribute ${qualified} is not quoted`);
    const close = inner.indexOf(String.fromCharCode(quote), k + 1);
    if (close < 0)
      broken(part, `attributten ${qualified} bliver aldrig afsluttet`, `the attribute ${qualified} is never closed`);
    const colon = qualified.indexOf(':');
    // `xmlns:x` declares a namespace; it is no attribute of the element.
    if (!qualified.startsWith('xmlns'))
      out.set(colon < 0 ? qualified : qualified.slice(colon + 1), decodeEntities(inner.slice(k + 1, close)));
    k = close + 1;
  }
  budget.spend(n);
  return out;
}
