/**
 * CSV as RFC 4180 describes it (quoted fields, doubled quotes, line breaks inside quotes), with
 * the two settings Danish Excel needs: `;` as separator (Excel in a Danish locale splits on it,
 * because `,` is the decimal mark) and a UTF-8 byte order mark (without it Excel reads æ, ø, å as
 * Windows-1252).
 *
 * @module
 */
import { importIssue } from '@os2kitos/core';
import { SpreadsheetReadError } from './read-error.js';

/**
 * Settings for writing CSV.
 *
 * @example
 * ```ts
 * toCsv(rows, { separator: ',', bom: false } satisfies CsvWriteOptions);
 * ```
 */
export interface CsvWriteOptions {
  /** Field separator (default `;`, as Danish Excel expects). */
  readonly separator?: ';' | ',' | '\t';
  /** Start with a UTF-8 byte order mark (default true, so Excel detects UTF-8). */
  readonly bom?: boolean;
}

/**
 * A value in a CSV field: written as text, numbers as given.
 *
 * @example
 * ```ts
 * const row: CsvField[] = ['ESDH', 1234.5, true, null];
 * ```
 */
export type CsvField = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[";,\t\r\n]|^\s|\s$/;
/**
 * Text starting with one of these is read as a formula by spreadsheet programs ("CSV injection"),
 * so such text gets a leading apostrophe, which Excel shows as text and hides.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvField, separator: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const text = String(value);
    return separator === ';' ? text.replace('.', ',') : text;
  }
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes rows as CSV text with CRLF line ends. Numbers use a decimal comma when the separator is
 * `;` (Danish Excel); text that would start a formula is prefixed with `'`.
 *
 * @example
 * ```ts
 * toCsv([['Navn', 'Beløb'], ['Løn "A"', 1234.5]]); // '\uFEFFNavn;Beløb\r\n"Løn ""A""";1234,5\r\n'
 * ```
 */
export function toCsv(rows: readonly (readonly CsvField[])[], options: CsvWriteOptions = {}): string {
  const separator = options.separator ?? ';';
  const body = rows.map((r) => r.map((v) => field(v, separator)).join(separator)).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

/**
 * Settings for reading CSV.
 *
 * @example
 * ```ts
 * parseCsv(text, { separator: '\t' } satisfies CsvReadOptions);
 * ```
 */
export interface CsvReadOptions {
  /** Field separator; by default guessed from the first line (`;`, `,` or tab, whichever is most common). */
  readonly separator?: ';' | ',' | '\t';
  /** Most fields in the whole file; beyond it the file is refused (code `too-many-cells`) without reading on. */
  readonly maxCells?: number;
}

function guessSeparator(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const counts = [';', ',', '\t'].map((s) => [s, firstLine.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ';';
}

/**
 * Parses CSV text (a leading byte order mark is dropped) into rows of strings. Empty trailing
 * lines are dropped. An unterminated quoted field, or a quote in the middle of an unquoted field,
 * is a {@link SpreadsheetReadError} naming the line.
 *
 * @example
 * ```ts
 * parseCsv('Navn;Noter\r\nLøn;"to\r\nlinjer"\r\n'); // [['Navn', 'Noter'], ['Løn', 'to\r\nlinjer']]
 * ```
 */
export function parseCsv(input: string, options: CsvReadOptions = {}): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = options.separator ?? guessSeparator(text);
  const maxCells = options.maxCells ?? Number.POSITIVE_INFINITY;
  const rows: string[][] = [];
  let row: string[] = [];
  let cells = 0;
  let value = '';
  // True once the current field was quoted (an empty quoted field is still a field).
  let quoted = false;
  let line = 1;
  let i = 0;
  const fail = (en: string, da: string): never => {
    throw new SpreadsheetReadError([importIssue('malformed-file', { sheet: 'CSV', row: line }, da, en)]);
  };
  const push = (field: string) => {
    if (++cells > maxCells)
      throw new SpreadsheetReadError([
        importIssue(
          'too-many-cells',
          { sheet: 'CSV', row: line },
          `filen har mere end ${maxCells} celler; del den op i mindre filer`,
          `the file has more than ${maxCells} cells; split it into smaller files`,
        ),
      ]);
    row.push(field);
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && value === '' && !quoted) {
      const start = line;
      i++;
      for (;;) {
        if (i >= text.length) {
          line = start;
          fail('a quoted field is never closed', 'et felt i anførselstegn bliver aldrig afsluttet');
        }
        const q = text[i] as string;
        if (q === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        value += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== sep && next !== '\r' && next !== '\n')
        fail('text follows a closing quote', 'der står tekst efter et afsluttende anførselstegn');
      quoted = true;
      continue;
    }
    if (c === sep) {
      push(value);
      value = '';
      quoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      push(value);
      rows.push(row);
      row = [];
      value = '';
      quoted = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      if (c === '"' || quoted)
        fail('a quote inside an unquoted field', 'et anførselstegn midt i et felt uden anførselstegn');
      value += c;
      i++;
    }
  }
  if (value !== '' || quoted || row.length > 0) {
    push(value);
    rows.push(row);
  }
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((v) => v === '')) rows.pop();
  return rows;
}
