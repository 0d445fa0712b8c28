/**
 * Problems found while reading or importing a file, each named by sheet, row and column and
 * explained in Danish and English, so a report can be shown to the person who filled the sheet.
 * Portfolio documents report with them here; the spreadsheet import of `@os2kitos/io` reports with
 * the same type, so an application shows both kinds of report alike.
 *
 * @module
 */
import type { IssueCode } from '../shared/issue-codes.js';
import type { Label } from '../vocabulary/label.js';

/**
 * Stable codes of import problems, of portfolio documents and of spreadsheets (`@os2kitos/io`):
 * the part of the error-code catalogue ({@link ISSUE_CODES}) a file report uses.
 *
 * @example
 * ```ts
 * IMPORT_ISSUE_CODES.includes('malformed-file'); // true
 * ```
 */
export const IMPORT_ISSUE_CODES = [
  'not-a-spreadsheet',
  'unsupported-format',
  'malformed-file',
  'empty-file',
  'formula',
  'cell-too-long',
  'too-many-rows',
  'too-many-columns',
  'too-many-cells',
  'unpacked-too-large',
  'read-timeout',
  'missing-column',
  'unknown-column',
  'duplicate-column',
  'required',
  'wrong-type',
  'invalid-date',
  'unknown-value',
  'unknown-option',
  'unknown-reference',
  'ambiguous-reference',
  'duplicate-in-file',
  'duplicate-in-store',
  'invalid-value',
  'forbidden',
  'write-failed',
  'invalid-document',
] as const satisfies readonly IssueCode[];

/** One of {@link IMPORT_ISSUE_CODES}. */
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

/**
 * One problem. `row` is the row number as the spreadsheet shows it (the header is row 1), or the
 * index path in a JSON document; `column` is the header text of the column.
 *
 * @example
 * ```ts
 * for (const i of report.issues) console.log(`${i.sheet} ${i.row} ${i.column}: ${i.message.da}`);
 * ```
 */
export interface ImportIssue {
  readonly code: ImportIssueCode;
  /** Sheet name (XLSX), `CSV`, or `JSON` for portfolio documents; `null` for the whole file. */
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
  /** The cell as text (cut to 200 characters), or `null`. */
  readonly value: string | null;
  readonly message: Label;
}

/** Where in a file an issue is. */
export interface IssueLocation {
  readonly sheet?: string | null;
  readonly row?: number | null;
  readonly column?: string | null;
  readonly value?: unknown;
}

/** Shows a cell value in a report: text, cut to 200 characters. */
function showValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text =
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Builds an {@link ImportIssue}; the value is shown as text, cut to 200 characters.
 *
 * @example
 * ```ts
 * importIssue('required', { sheet: 'Data', row: 4, column: 'IT System' }, 'Feltet skal udfyldes', 'The field is required');
 * ```
 */
export function importIssue(code: ImportIssueCode, at: IssueLocation, da: string, en: string): ImportIssue {
  return {
    code,
    sheet: at.sheet ?? null,
    row: at.row ?? null,
    column: at.column ?? null,
    value: showValue(at.value),
    message: { da, en },
  };
}
