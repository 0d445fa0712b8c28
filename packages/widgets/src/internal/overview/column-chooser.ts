import { COLUMN_GROUP_LABELS, type ColumnGroup, type OverviewColumn } from '@os2kitos/core';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang, Strings } from '../../i18n/strings.js';
import { columnLabel } from '../cells.js';

/** What the column chooser needs from the grid. */
export interface ColumnChooserContext {
  readonly t: Strings;
  readonly lang: Lang;
  readonly catalogue: readonly OverviewColumn[];
  /** Visible column ids in order. */
  readonly visible: readonly string[];
  readonly onToggle: (column: string, show: boolean) => void;
  readonly onMove: (column: string, delta: -1 | 1) => void;
  readonly onReset: () => void;
  readonly onClose: () => void;
}

/** Columns grouped by section, in catalogue order. */
export function columnGroups(catalogue: readonly OverviewColumn[]): [string, OverviewColumn[]][] {
  const groups = new Map<string, OverviewColumn[]>();
  for (const c of catalogue) {
    const list = groups.get(c.group);
    if (list) list.push(c);
    else groups.set(c.group, [c]);
  }
  return [...groups.entries()];
}

/**
 * The column chooser: the shown columns in order (move up/down with buttons or Alt+arrows, hide),
 * and every column of the catalogue grouped by section with a checkbox. Plain buttons and
 * checkboxes, so it works with the keyboard and screen readers without extra roles.
 */
export function columnChooser(ctx: ColumnChooserContext): TemplateResult {
  const { t, lang } = ctx;
  const byId = new Map(ctx.catalogue.map((c) => [c.id, c]));
  const label = (id: string) => {
    const c = byId.get(id);
    return c ? columnLabel(c, lang) : id;
  };
  const onKeydown = (e: KeyboardEvent, id: string) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    ctx.onMove(id, e.key === 'ArrowUp' ? -1 : 1);
  };
  const last = ctx.visible.length - 1;
  return html`<section id="column-chooser" part="column-chooser" aria-labelledby="column-chooser-title">
    <h3 id="column-chooser-title" part="panel-title">${t.columnChooser}</h3>
    <div part="chooser-shown">
      <h4 id="shown-columns-title">${t.shownColumns}</h4>
      <p part="message">${t.reorderHint}</p>
      <ol aria-labelledby="shown-columns-title">
        ${repeat(
          ctx.visible,
          (id) => id,
          (id, i) =>
            html`<li data-column=${id} @keydown=${(e: KeyboardEvent) => onKeydown(e, id)}>
              <span>${label(id)}</span>
              <button
                type="button"
                data-action="up"
                aria-label=${t.moveUp(label(id))}
                ?disabled=${i === 0}
                @click=${() => ctx.onMove(id, -1)}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                data-action="down"
                aria-label=${t.moveDown(label(id))}
                ?disabled=${i === last}
                @click=${() => ctx.onMove(id, 1)}
              >
                <span aria-hidden="true">↓</span>
              </button>
              <button
                type="button"
                data-action="hide"
                aria-label=${t.hideColumn(label(id))}
                ?disabled=${last === 0}
                @click=${() => ctx.onToggle(id, false)}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>`,
        )}
      </ol>
    </div>
    <div part="chooser-groups">
      <h4>${t.availableColumns}</h4>
      ${columnGroups(ctx.catalogue).map(
        ([group, columns]) =>
          html`<fieldset>
            <legend>${COLUMN_GROUP_LABELS[group as ColumnGroup]?.[lang] ?? group}</legend>
            ${columns.map(
              (c) =>
                html`<label
                  ><input
                    type="checkbox"
                    data-column=${c.id}
                    .checked=${live(ctx.visible.includes(c.id))}
                    ?disabled=${last === 0 && ctx.visible.includes(c.id)}
                    @change=${(e: Event) => ctx.onToggle(c.id, (e.target as HTMLInputElement).checked)}
                  />
                  ${columnLabel(c, lang)}</label
                >`,
            )}
          </fieldset>`,
      )}
    </div>
    <div part="panel-actions">
      <button type="button" @click=${ctx.onReset}>${t.resetColumns}</button>
      <button type="button" data-action="close" @click=${ctx.onClose}>${t.close}</button>
    </div>
  </section>`;
}
