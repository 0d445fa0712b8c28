import type { ColumnFilter, OverviewColumn } from '@os2kitos/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, Strings } from '../../i18n/strings.js';
import { describeFilter, filterEditor, type UnitOption } from './filter-editors.js';

/** What the filter panel and the list of active filters need from the grid. */
export interface FilterPanelContext {
  readonly t: Strings;
  readonly lang: Lang;
  readonly units: readonly UnitOption[];
  /** Columns that get an editor (the visible ones). */
  readonly columns: readonly OverviewColumn[];
  /** Every column, to name filters on hidden ones. */
  readonly byId: ReadonlyMap<string, OverviewColumn>;
  readonly filters: readonly ColumnFilter[];
  readonly onColumnFilters: (column: string, filters: ColumnFilter[]) => void;
  readonly onFilters: (filters: ColumnFilter[]) => void;
  readonly onClose: () => void;
  readonly onKeydown: (e: KeyboardEvent) => void;
}

/** The filters panel: one typed editor per visible column. */
export function filterPanel(ctx: FilterPanelContext): TemplateResult {
  const { t } = ctx;
  return html`<section id="filter-panel" part="filter-panel" aria-labelledby="filter-panel-title"
    @keydown=${ctx.onKeydown}>
    <h3 id="filter-panel-title" part="panel-title">${t.filterPanel}</h3>
    <div part="filter-grid">
      ${ctx.columns.map((c) =>
        filterEditor(c, {
          t,
          lang: ctx.lang,
          units: ctx.units,
          current: ctx.filters.filter((f) => f.column === c.id),
          onChange: ctx.onColumnFilters,
        }),
      )}
    </div>
    <div part="panel-actions">
      <button type="button" data-action="close" @click=${ctx.onClose}>${t.close}</button>
    </div>
  </section>`;
}

/** The active filters in words, each with a remove button, and "clear all". */
export function activeFilters(ctx: FilterPanelContext): TemplateResult | typeof nothing {
  const { t, filters } = ctx;
  if (!filters.length) return nothing;
  return html`<div part="active-filters">
    <ul aria-label=${t.activeFilters}>
      ${filters.map((f, i) => {
        const text = describeFilter(f, ctx.byId.get(f.column), ctx);
        return html`<li part="filter-chip">
          ${text}
          <button type="button" aria-label=${t.removeFilter(text)}
            @click=${() => ctx.onFilters(filters.filter((_, j) => j !== i))}>
            <span aria-hidden="true">✕</span>
          </button>
        </li>`;
      })}
    </ul>
    <button type="button" @click=${() => ctx.onFilters([])}>${t.clearFilters}</button>
  </div>`;
}
