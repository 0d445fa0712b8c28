import type { CellValue, OverviewColumn } from '@os2kitos/core';
import { formatDate } from '../i18n/format.js';
import type { Lang, Strings } from '../i18n/strings.js';
import { valueLabel } from './cells.js';

/**
 * CSV the way Danish Excel opens it: a UTF-8 byte order mark (else æ, ø, å break), semicolons
 * (Excel's list separator in Danish), CRLF line ends, dates `dd-MM-yyyy`, numbers with a decimal
 * comma and no grouping (so they stay numbers), and cells quoted with `"` doubled when needed.
 */
export const CSV_BOM = '\uFEFF';

/**
 * Quotes a cell when it holds `;`, `"`, a line break or edge spaces. Text starting with `=`, `+`,
 * `-`, `@`, a tab or CR gets a leading `'`, so a hostile name cannot become an Excel formula.
 */
export function csvCell(value: string, kind: 'text' | 'number' = 'text'): string {
  let v = value;
  if (kind === 'text' && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[";\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One value as CSV text (before quoting). */
export function csvValue(value: CellValue | undefined, column: OverviewColumn, t: Strings, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value !== 'string')
    return value.map((v) => (column.type === 'enum' ? valueLabel(v, column.enum, lang) : v)).join(', ');
  if (column.type === 'date') return formatDate(value);
  if (column.type === 'enum') return valueLabel(value, column.enum, lang);
  return value;
}

/** The whole file: BOM, header line, one line per row, CRLF after every line. */
export function csvDocument(header: readonly string[], lines: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.join(';');
  return `${CSV_BOM}${[line(header.map((h) => csvCell(h))), ...lines.map(line)].join('\r\n')}\r\n`;
}
