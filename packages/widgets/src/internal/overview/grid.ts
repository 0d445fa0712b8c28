import type { OverviewColumn, OverviewKind, OverviewRow, OverviewSort } from '@os2kitos/core';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Lang, Strings } from '../../i18n/strings.js';
import { cell, cellText, columnLabel } from '../cells.js';
import { fillLinkTemplate } from '../links.js';
import { reasonText, rowReasons } from '../status-text.js';

/** What the grid's header and rows need from the overview. */
export interface GridContext {
  readonly t: Strings;
  readonly lang: Lang;
  readonly kind: OverviewKind;
  readonly linkTemplate: string;
  readonly sort: readonly OverviewSort[];
  /** The one row whose link is in the Tab order. */
  readonly tabbableIndex: number;
  /** Sorts by a column; `descendingFirst` when Shift was held. */
  readonly onSort: (column: string, descendingFirst: boolean) => void;
  readonly onRowClick: (e: MouseEvent, row: OverviewRow, href: string | undefined) => void;
  readonly onRowKeydown: (e: KeyboardEvent, index: number) => void;
  readonly onRowFocus: (index: number) => void;
}

/** The header row: one sort button per column, `aria-sort` on the sorted one. */
export function gridHeader(columns: readonly OverviewColumn[], ctx: GridContext): TemplateResult {
  const sorted = ctx.sort[0];
  return html`<div role="rowgroup" part="header">
    <div role="row" part="header-row" aria-rowindex="1">
      ${columns.map((c) => {
        const direction = sorted?.column === c.id ? (sorted.direction ?? 'asc') : null;
        const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined;
        return html`<div role="columnheader" part="header-cell" aria-sort=${ifDefined(ariaSort)} data-column=${c.id}>
          <button type="button" part="sort-button" title=${ctx.t.sortHint}
            @click=${(e: MouseEvent) => ctx.onSort(c.id, e.shiftKey)}>
            ${columnLabel(c, ctx.lang)}<span aria-hidden="true" part="sort-icon"
              >${direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}</span
            >
          </button>
        </div>`;
      })}
    </div>
  </div>`;
}

/** A status cell: the badge with the reasons in words, as plain text. */
function statusCell(row: OverviewRow, active: boolean, ctx: GridContext): TemplateResult {
  const reason = active
    ? ''
    : rowReasons(row)
        .map((r) => reasonText(r, ctx.t, ctx.lang))
        .join('; ');
  return html`<div role="cell" part="cell status-cell" title=${reason}>
    <kitos-status-badge .active=${active} reason=${reason} lang=${ctx.lang}></kitos-status-badge>
  </div>`;
}

/** The cell with the row's link (a button without a link template). */
function linkCell(row: OverviewRow, text: string, index: number, ctx: GridContext): TemplateResult {
  const href = fillLinkTemplate(ctx.linkTemplate, row.uuid);
  const tabindex = index === ctx.tabbableIndex ? 0 : -1;
  const label = text || row.uuid;
  const click = (e: MouseEvent) => ctx.onRowClick(e, row, href);
  const keydown = (e: KeyboardEvent) => ctx.onRowKeydown(e, index);
  const focus = () => ctx.onRowFocus(index);
  return html`<div role="cell" part="cell link-cell" title=${label}>
    ${
      href
        ? html`<a part="link" data-row-link href=${href} tabindex=${tabindex} @click=${click} @keydown=${keydown}
            @focus=${focus}>${label}</a>`
        : html`<button type="button" part="link" data-row-link tabindex=${tabindex} @click=${click}
            @keydown=${keydown} @focus=${focus}>${label}</button>`
    }
  </div>`;
}

/** One row; a placeholder row while its chunk is loading. Every value is rendered as text. */
export function gridRow(
  index: number,
  row: OverviewRow | undefined,
  columns: readonly OverviewColumn[],
  linkColumn: string,
  ctx: GridContext,
): TemplateResult {
  if (!row) {
    return html`<div role="row" part="row" aria-rowindex=${index + 2} data-index=${index}>
      ${columns.map((_, i) => html`<div role="cell" part="cell">${i === 0 ? ctx.t.rowLoading : ''}</div>`)}
    </div>`;
  }
  return html`<div role="row" part="row" aria-rowindex=${index + 2} data-index=${index}>
    ${columns.map((c) => {
      const value = cell(row, c.id);
      if (c.id === 'active' && typeof value === 'boolean') return statusCell(row, value, ctx);
      const text = cellText(value, c, ctx.t, ctx.lang);
      if (c.id === linkColumn) return linkCell(row, text, index, ctx);
      return html`<div role="cell" part="cell" title=${text}>${text}</div>`;
    })}
  </div>`;
}
