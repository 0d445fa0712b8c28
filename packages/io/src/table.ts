/**
 * Turns an uploaded file (XLSX bytes, CSV bytes or CSV text) into one table: the header row and the
 * data rows with their spreadsheet row numbers. Recognises files that are not spreadsheets at all
 * (images, PDFs, old `.xls`, random bytes) and reports them instead of guessing.
 *
 * @module
 */
import { parseCsv } from './csv.js';
import { importIssue } from '@os2kitos/core';
import { SpreadsheetReadError } from './read-error.js';
import { looksLikeZip, MAX_CELLS, MAX_UNPACKED_BYTES, type ReadCell, readFirstSheet } from './xlsx.js';

/**
 * File formats of spreadsheet import and export.
 *
 * @example
 * ```ts
 * const format: SpreadsheetFormat = file.name.endsWith('.csv') ? 'csv' : 'xlsx';
 * ```
 */
export type SpreadsheetFormat = 'xlsx' | 'csv';

/**
 * Excel's limit on the characters in one cell.
 *
 * @example
 * ```ts
 * text.length <= MAX_CELL_LENGTH; // fits in one Excel cell
 * ```
 */
export const MAX_CELL_LENGTH = 32_767;

/** A table read from a file. */
export interface Table {
  /** Sheet name (`CSV` for CSV files). */
  readonly sheet: string;
  readonly header: readonly string[];
  /** Data rows; `number` is the row number the spreadsheet shows (the header is 1). */
  readonly rows: readonly { readonly number: number; readonly cells: readonly ReadCell[] }[];
}

/** Limits of {@link readTable}. */
export interface TableLimits {
  /** Most data rows (default 20,000). */
  readonly maxRows?: number;
  /** Most columns (default 200). */
  readonly maxColumns?: number;
  /** Most cells (default 1,000,000; see `MAX_CELLS`). */
  readonly maxCells?: number;
}

const SIGNATURES: readonly [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF'],
  [[0x1f, 0x8b], 'gzip'],
];

function notASpreadsheet(what: string): SpreadsheetReadError {
  return new SpreadsheetReadError([
    importIssue(
      'not-a-spreadsheet',
      {},
      `filen er ikke et regneark (${what}); brug XLSX eller CSV`,
      `the file is not a spreadsheet (${what}); use XLSX or CSV`,
    ),
  ]);
}

/** Decides the format of bytes, or throws when they are no spreadsheet. */
export function sniffFormat(bytes: Uint8Array): SpreadsheetFormat {
  if (looksLikeZip(bytes)) return 'xlsx';
  if (bytes.length === 0)
    throw new SpreadsheetReadError([importIssue('empty-file', {}, 'filen er tom', 'the file is empty')]);
  for (const [magic, name] of SIGNATURES) if (magic.every((b, i) => bytes[i] === b)) throw notASpreadsheet(name);
  if ([0xd0, 0xcf, 0x11, 0xe0].every((b, i) => bytes[i] === b)) {
    throw new SpreadsheetReadError([
      importIssue(
        'unsupported-format',
        {},
        'det gamle Excel-format (.xls) understøttes ikke; gem filen som .xlsx',
        'the old Excel format (.xls) is not supported; save the file as .xlsx',
      ),
    ]);
  }
  return 'csv';
}

function decodeText(bytes: Uint8Array): string {
  if (bytes.subarray(0, 4096).includes(0)) throw notASpreadsheet('binary data');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notASpreadsheet('text that is not UTF-8; save the CSV as "CSV UTF-8"');
  }
}

function tooManyRows(sheet: string, rows: number, max: number): SpreadsheetReadError {
  return new SpreadsheetReadError([
    importIssue(
      'too-many-rows',
      { sheet },
      `filen har ${rows} rækker; højst ${max} kan importeres ad gangen`,
      `the file has ${rows} rows; at most ${max} can be imported at once`,
    ),
  ]);
}

function toTable(sheet: string, raw: readonly (readonly ReadCell[])[], maxColumns: number): Table {
  const [head, ...body] = raw;
  if (!head || head.every((c) => c === null || c === '')) {
    throw new SpreadsheetReadError([
      importIssue('empty-file', { sheet }, 'arket har ingen overskriftsrække', 'the sheet has no header row'),
    ]);
  }
  if (head.length > maxColumns) {
    throw new SpreadsheetReadError([
      importIssue(
        'too-many-columns',
        { sheet },
        `for mange kolonner (${head.length})`,
        `too many columns (${head.length})`,
      ),
    ]);
  }
  const rows = body
    .map((cells, i) => ({ number: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c !== null && c !== ''));
  return { sheet, header: head.map((h) => (h === null ? '' : String(h).trim())), rows };
}

/**
 * Reads the first sheet of an XLSX file, or a CSV file (bytes or text), into a {@link Table}.
 * Throws a {@link SpreadsheetReadError} for anything that is not a readable spreadsheet within the
 * limits.
 *
 * @example
 * ```ts
 * const table = await readTable('IT System;Livscyklus\r\nESDH;I drift\r\n');
 * table.rows[0]; // { number: 2, cells: ['ESDH', 'I drift'] }
 * ```
 */
export async function readTable(
  file: Uint8Array | string,
  format?: SpreadsheetFormat,
  limits: TableLimits = {},
): Promise<Table> {
  const maxRows = limits.maxRows ?? 20_000;
  const maxColumns = limits.maxColumns ?? 200;
  const maxCells = limits.maxCells ?? MAX_CELLS;
  const actual = typeof file === 'string' ? 'csv' : sniffFormat(file);
  if (format && format !== actual) {
    throw new SpreadsheetReadError([
      importIssue(
        'unsupported-format',
        {},
        `filen er ${actual.toUpperCase()}, men der blev bedt om ${format.toUpperCase()}`,
        `the file is ${actual.toUpperCase()} but ${format.toUpperCase()} was requested`,
      ),
    ]);
  }
  if (actual === 'xlsx') {
    const sheet = await readFirstSheet(file as Uint8Array, {
      maxRows,
      maxColumns,
      maxCells,
      maxUnpackedBytes: MAX_UNPACKED_BYTES,
    });
    if (sheet.rows.length - 1 > maxRows) throw tooManyRows(sheet.name, sheet.rows.length - 1, maxRows);
    return toTable(sheet.name, sheet.rows, maxColumns);
  }
  const text = typeof file === 'string' ? file : decodeText(file);
  const rows = parseCsv(text, { maxCells });
  if (rows.length - 1 > maxRows) throw tooManyRows('CSV', rows.length - 1, maxRows);
  return toTable(
    'CSV',
    rows.map((r) => r.map((c) => (c === '' ? null : c))),
    maxColumns,
  );
}
