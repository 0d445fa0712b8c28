/**
 * XLSX reading and writing on `read-excel-file` and `write-excel-file` (see docs/decisions/0020),
 * with the checks a hostile or broken file needs before the parser sees it: the ZIP is listed with
 * `fflate` first, so entries that inflate beyond a limit, sheets with too many rows or columns, and
 * cells with formulas are refused with a clear report instead of exhausting memory or importing a
 * value nobody typed.
 *
 * @module
 */
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile, { type Feature } from 'write-excel-file/universal';
import { issue, SpreadsheetReadError } from './issues.js';

/** A cell as read: text, number, boolean, a date (UTC midnight) or empty. */
export type ReadCell = string | number | boolean | Date | null;

/** One sheet as read. */
export interface ReadSheet {
  readonly name: string;
  readonly rows: ReadCell[][];
}

/** Limits that protect the reader. */
export interface XlsxReadLimits {
  /** Most data rows (header excluded). */
  readonly maxRows: number;
  /** Most columns. */
  readonly maxColumns: number;
  /** Largest total size of the unpacked files, in bytes. */
  readonly maxUnpackedBytes: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** True when the bytes start like a ZIP archive (an XLSX file is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

function fail(code: 'malformed_file' | 'too_many_rows' | 'too_many_columns' | 'formula', da: string, en: string) {
  return new SpreadsheetReadError([issue(code, {}, da, en)]);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Path of the first worksheet, from the workbook and its relationships. */
function firstSheet(files: Record<string, Uint8Array>): { name: string; path: string } {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels)
    throw fail('malformed_file', 'filen er ikke et gyldigt XLSX-regneark', 'the file is not a valid XLSX workbook');
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(strFromU8(workbook))?.[0] ?? '';
  const name = /\bname="([^"]*)"/.exec(sheet)?.[1] ?? 'Ark1';
  const id = /\br:id="([^"]*)"/.exec(sheet)?.[1] ?? /\bid="([^"]*)"/.exec(sheet)?.[1];
  const rel = [...strFromU8(rels).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((r) => r.includes(`Id="${id}"`));
  const target = rel ? /\bTarget="([^"]*)"/.exec(rel)?.[1] : undefined;
  if (!target) throw fail('malformed_file', 'regnearket har ingen ark', 'the workbook has no worksheet');
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return { name: name.replaceAll('&amp;', '&'), path };
}

/**
 * Checks the first sheet's XML before parsing: row and column counts within the limits, and no
 * formulas (a formula's cached result may be stale, or absent when the file was written by a
 * program that does not calculate, so only typed values are imported).
 */
function prescan(xml: string, sheet: string, limits: XlsxReadLimits): void {
  let maxRow = 0;
  let maxCol = 0;
  const formulas: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const ref = /\br="([A-Z]+)(\d+)"/.exec(m[1] ?? '');
    if (ref) {
      maxRow = Math.max(maxRow, Number(ref[2]));
      maxCol = Math.max(maxCol, columnNumber(ref[1] as string));
    }
    if (m[3] && /<(?:\w+:)?f[\s>/]/.test(m[3])) formulas.push(ref ? `${ref[1]}${ref[2]}` : '?');
  }
  for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\br="(\d+)"/g)) maxRow = Math.max(maxRow, Number(m[1]));
  if (maxRow - 1 > limits.maxRows) {
    throw new SpreadsheetReadError([
      issue(
        'too_many_rows',
        { sheet, row: maxRow },
        `arket har ${maxRow - 1} rækker; højst ${limits.maxRows} kan importeres ad gangen`,
        `the sheet has ${maxRow - 1} rows; at most ${limits.maxRows} can be imported at once`,
      ),
    ]);
  }
  if (maxCol > limits.maxColumns) {
    throw new SpreadsheetReadError([
      issue(
        'too_many_columns',
        { sheet },
        `arket har ${maxCol} kolonner; højst ${limits.maxColumns} er tilladt`,
        `the sheet has ${maxCol} columns; at most ${limits.maxColumns} are allowed`,
      ),
    ]);
  }
  if (formulas.length > 0) {
    throw new SpreadsheetReadError(
      formulas.slice(0, 50).map((cell) => {
        const [, letters = '', row = '0'] = /^([A-Z]*)(\d*)$/.exec(cell) ?? [];
        return issue(
          'formula',
          { sheet, row: Number(row) || null, column: letters || null, value: cell },
          `cellen ${cell} indeholder en formel; kopiér og indsæt den som værdi`,
          `cell ${cell} holds a formula; copy it and paste it as a value`,
        );
      }),
    );
  }
}

/**
 * Reads the first sheet of an XLSX file after the safety checks (see the module description).
 *
 * @example
 * ```ts
 * const sheet = await readFirstSheet(bytes, { maxRows: 20_000, maxColumns: 200, maxUnpackedBytes: 200e6 });
 * sheet.rows[0]; // the header row
 * ```
 */
export async function readFirstSheet(bytes: Uint8Array, limits: XlsxReadLimits): Promise<ReadSheet> {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        return f.name.endsWith('.xml') || f.name.endsWith('.rels');
      },
    });
  } catch (e) {
    throw fail(
      'malformed_file',
      'filen ligner et XLSX-regneark, men ZIP-indholdet er ødelagt',
      `the file looks like an XLSX workbook but its ZIP content is broken (${(e as Error).message})`,
    );
  }
  if (unpacked > limits.maxUnpackedBytes) {
    throw fail(
      'malformed_file',
      'filen fylder for meget udpakket',
      `the file unpacks to ${unpacked} bytes, more than ${limits.maxUnpackedBytes}`,
    );
  }
  const { name, path } = firstSheet(files);
  const xml = files[path];
  if (!xml)
    throw fail('malformed_file', 'det første ark mangler i filen', 'the first worksheet is missing from the file');
  prescan(strFromU8(xml), name, limits);
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const sheets = await readXlsxFile(buffer);
    const first = sheets[0];
    return { name: first?.sheet ?? name, rows: (first?.data ?? []) as unknown as ReadCell[][] };
  } catch (e) {
    throw fail('malformed_file', 'regnearket kan ikke læses', `the workbook cannot be read: ${(e as Error).message}`);
  }
}

/**
 * A cell to write: text, number, boolean, a calendar date, or empty.
 *
 * @example
 * ```ts
 * const row: WriteCell[] = ['ESDH', 45500, true, { date: '2027-12-31' }, null];
 * ```
 */
export type WriteCell = string | number | boolean | { readonly date: string } | null;

/** One sheet to write. */
export interface WriteSheet {
  readonly name: string;
  /** Header row, shown bold and kept visible while scrolling. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly WriteCell[])[];
  /** Column widths in characters. */
  readonly widths?: readonly number[];
  /** Hyperlinks: zero-based data row and column, and the URL. */
  readonly links?: readonly { readonly row: number; readonly column: number; readonly url: string }[];
}

const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * A `write-excel-file` feature that adds real hyperlinks (`<hyperlinks>` with external
 * relationships), which the library has no option for. A `HYPERLINK()` formula would work in
 * Excel too, but this importer refuses formulas, and a formula has no cached text for other readers.
 */
function hyperlinks(sheets: readonly WriteSheet[]): Feature<Blob> {
  const linksOf = (index: number) => sheets[index]?.links ?? [];
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (content, _options, { sheetIndex }) => {
            const links = linksOf(sheetIndex);
            if (links.length === 0) return content;
            const refs = links
              .map((l, i) => `<hyperlink ref="${columnLetters(l.column)}${l.row + 2}" r:id="rIdLink${i + 1}"/>`)
              .join('');
            return content.replace('</sheetData>', `</sheetData><hyperlinks>${refs}</hyperlinks>`);
          },
        },
        'xl/worksheets/_rels/sheet{id}.xml.rels': {
          insert: (_options, { sheetIndex }) =>
            linksOf(sheetIndex)
              .map(
                (l, i) =>
                  `<Relationship Id="rIdLink${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escapeXml(l.url)}" TargetMode="External"/>`,
              )
              .join(''),
        },
      },
    },
  };
}

const DATE_FORMAT = 'dd-mm-yyyy';

function cellOf(value: WriteCell, linked: boolean) {
  if (value === null) return null;
  if (typeof value === 'object') {
    const [y, m, d] = value.date.split('-').map(Number);
    return { value: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), type: Date, format: DATE_FORMAT };
  }
  if (typeof value === 'number') return { value, type: Number };
  if (typeof value === 'boolean') return { value, type: Boolean };
  return linked
    ? { value, type: String, textColor: '#0563C1', textDecoration: { underline: true } }
    : { value, type: String };
}

/**
 * Writes sheets as an XLSX file: real date cells formatted `dd-mm-yyyy`, numbers as numbers, a
 * bold, frozen header row and hyperlinks.
 *
 * @example
 * ```ts
 * const bytes = await writeWorkbook([
 *   { name: 'Kontrakter', header: ['Navn', 'Udløber'], rows: [['ESDH', { date: '2026-12-31' }]] },
 * ]);
 * ```
 */
export async function writeWorkbook(sheets: readonly WriteSheet[]): Promise<Uint8Array> {
  const data = sheets.map((s) => {
    const linked = new Set((s.links ?? []).map((l) => `${l.row}:${l.column}`));
    return {
      sheet: s.name,
      stickyRowsCount: 1,
      columns: s.header.map((h, i) => ({ width: s.widths?.[i] ?? Math.min(60, Math.max(10, h.length + 2)) })),
      data: [
        s.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })),
        ...s.rows.map((r, ri) => r.map((v, ci) => cellOf(v, linked.has(`${ri}:${ci}`)))),
      ],
    };
  });
  const blob = await writeXlsxFile(data as never, { features: [hyperlinks(sheets)] }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
