import type { OverviewColumn, OverviewRow } from '@os2kitos/core';
import type { Lang, Strings } from '../../i18n/strings.js';
import { cell, columnLabel } from '../cells.js';
import { csvCell, csvDocument, csvValue } from '../csv.js';
import { fillLinkTemplate } from '../links.js';

/**
 * The rows as CSV for Danish Excel: the given columns in order, status as "Aktiv"/"Ikke aktiv",
 * and an absolute link column when there is a link template (links must survive the export).
 */
export function overviewCsv(
  rows: readonly OverviewRow[],
  columns: readonly OverviewColumn[],
  options: { readonly t: Strings; readonly lang: Lang; readonly linkTemplate: string },
): string {
  const { t, lang, linkTemplate } = options;
  const header = [...columns.map((c) => columnLabel(c, lang)), ...(linkTemplate ? [t.linkColumn] : [])];
  const lines = rows.map((row) => {
    const cells = columns.map((c) => {
      const v = cell(row, c.id);
      if (c.id === 'active' && typeof v === 'boolean') return csvCell(v ? t.active : t.inactive);
      return csvCell(csvValue(v, c, t, lang), typeof v === 'number' ? 'number' : 'text');
    });
    const href = fillLinkTemplate(linkTemplate, row.uuid);
    if (href) cells.push(csvCell(new URL(href, document.baseURI).href));
    return cells;
  });
  return csvDocument(header, lines);
}
