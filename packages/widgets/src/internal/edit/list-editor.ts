/**
 * The list editor of the edit forms: the rows of a list field (payment streams, sub-processors,
 * oversight dates, journal periods) or a single object (a procurement plan, a link), each row a
 * labelled group of cells with the right inputs (dd-MM-yyyy dates, amounts in da-DK, option
 * pickers), an add button and a remove button per row. The record editor renders it for `list`
 * fields and keeps the rows in its draft, so validation as the user types, the server's answer at
 * the row or cell, and conflicts work as for any other field. Focus follows the rows: to the new
 * row's first cell after adding, to the row that took a removed row's place (or the add button).
 * Loaded only with the edit modes.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { OptionChoice } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import type { ListEditStrings, ListRowWords } from '../../i18n/list-edit-strings.js';
import type { Lang } from '../../i18n/strings.js';
import { valueLabel } from '../cells.js';
import { type ColumnSpec, listOf, type Row } from './list-draft.js';
import { enumValues, type FieldSpec } from './record-draft.js';

/** What the list editor needs from the form it sits in. */
export interface ListEditorContext {
  readonly field: FieldSpec;
  readonly label: string;
  /** The rows in the draft now (read at each change, so quick changes build on each other). */
  rows(): readonly string[];
  readonly lang: Lang;
  readonly t: EditStrings;
  readonly words: ListEditStrings;
  /** The message shown at a list, row or cell key (`payments.external.1.acquisition`). */
  errorAt(key: string): string | undefined;
  /** Replaces the rows in the draft. */
  set(rows: readonly string[]): void;
  /** Reads a message out in the form's live region. */
  announce(text: string): void;
  /** Focuses the element with `id` once the form has rendered the change. */
  focus(id: string): void;
  /** An option list of the form's choices. */
  options(key: string): readonly OptionChoice[];
  readonly organizations: readonly { readonly uuid: string; readonly name: string }[];
  /** The units of the organisation, indented by depth. */
  readonly units: readonly { readonly value: string; readonly label: string }[];
  /** Someone else changed the list since the form was read. */
  readonly theirs: boolean;
}

/** The element id of a field, row or cell key (the record editor's scheme). */
export const idOfKey = (key: string) => `f-${key.replaceAll('.', '-')}`;

/** The row words of a list field (links share theirs). */
function rowWords(words: ListEditStrings, key: string): ListRowWords {
  return words.rows[key] ?? (words.rows.link as ListRowWords);
}

/** The first cell of a row that is shown (a gated cell may be hidden). */
function firstCell(columns: readonly ColumnSpec[], row: Row): ColumnSpec | undefined {
  return columns.find((c) => !c.gate || row[c.gate] === 'Yes');
}

function cellInput(
  ctx: ListEditorContext,
  c: ColumnSpec,
  row: Row,
  id: string,
  describedBy: string,
  onValue: (value: string) => void,
): TemplateResult {
  const value = row[c.key] ?? '';
  const invalid = describedBy.includes('-error') ? 'true' : 'false';
  const described = describedBy || nothing;
  const onInput = (e: Event) => onValue((e.target as HTMLInputElement).value);
  const select = (choices: readonly { value: string; label: string }[]) =>
    html`<select id=${id} aria-invalid=${invalid} aria-describedby=${described} aria-required=${c.required ? 'true' : nothing}
      @change=${onInput}>
      <option value="" ?selected=${value === ''}>${ctx.t.choose}</option>
      ${choices.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>`;
  switch (c.kind) {
    case 'bool':
      return html`<input id=${id} type="checkbox" aria-invalid=${invalid} aria-describedby=${described}
        .checked=${value === 'true'} @change=${(e: Event) => onValue((e.target as HTMLInputElement).checked ? 'true' : 'false')} />`;
    case 'enum':
      return select(
        enumValues(c.enumName as never).map((v) => ({ value: v, label: valueLabel(v, c.enumName, ctx.lang) })),
      );
    case 'choice':
      return select((c.values ?? []).map((v) => ({ value: v, label: v })));
    case 'option':
      return select(ctx.options(c.options ?? '').map((o) => ({ value: o.uuid, label: o.name })));
    case 'organization':
      return select(ctx.organizations.map((o) => ({ value: o.uuid, label: o.name })));
    case 'unit':
      return select(ctx.units);
    default:
      return html`<input id=${id} type="text" autocomplete="off" maxlength=${c.max ?? nothing}
        inputmode=${c.kind === 'number' || c.kind === 'date' ? 'numeric' : nothing}
        placeholder=${c.kind === 'date' ? ctx.t.dateHint : nothing} aria-required=${c.required ? 'true' : nothing}
        aria-invalid=${invalid} aria-describedby=${described} .value=${value} @input=${onInput} />`;
  }
}

/** One cell: its label, input, hint and the message at it. */
function cell(ctx: ListEditorContext, rowKey: string, row: Row, c: ColumnSpec, onValue: (v: string) => void) {
  const key = `${rowKey}.${c.key}`;
  const id = idOfKey(key);
  const error = ctx.errorAt(key);
  const hint = c.kind === 'date' ? ctx.t.dateHint : c.kind === 'amount' ? ctx.words.amountHint : '';
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div part=${c.kind === 'bool' ? 'field check-field cell' : 'field cell'} data-cell=${c.key}
    class=${c.kind === 'text' && (c.max ?? 0) > 200 ? 'wide' : ''}>
    <label for=${id}>${ctx.words.columns[c.key] ?? c.key}</label>
    ${cellInput(ctx, c, row, id, describedBy, onValue)}
    ${hint ? html`<span part="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
    ${error ? html`<span part="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
  </div>`;
}

/**
 * The editor of one list field.
 *
 * @example
 * ```ts
 * // In the record editor's render, for a field of kind 'list':
 * listEditor({ field, label, rows: draft[field.key], lang, t, words, errorAt, set, announce, focus, … });
 * ```
 */
export function listEditor(ctx: ListEditorContext): TemplateResult {
  const { field: f, words } = ctx;
  const spec = listOf(f);
  const rows = ctx.rows().map((r) => spec.parse(r));
  const id = idOfKey(f.key);
  const names = rowWords(words, f.key);
  const listError = ctx.errorAt(f.key);
  const addId = `${id}-add`;
  const cellId = (index: number, row: Row) => {
    const c = firstCell(spec.columns, row);
    return c ? idOfKey(`${f.key}.${index}.${c.key}`) : addId;
  };
  const add = () => {
    const row = spec.newRow();
    const now = ctx.rows();
    ctx.set([...now, spec.format(row)]);
    ctx.announce(words.added(names.row(now.length + 1)));
    ctx.focus(cellId(now.length, row));
  };
  const remove = (index: number) => {
    const next = ctx.rows().filter((_, i) => i !== index);
    ctx.set(next);
    ctx.announce(words.removed(names.row(index + 1)));
    // The row that took its place, else the one before it, else the add button.
    const to = Math.min(index, next.length - 1);
    ctx.focus(to >= 0 ? cellId(to, spec.parse(next[to] as string)) : addId);
  };
  const update = (index: number, column: string, value: string) => {
    const now = ctx.rows();
    const row = { ...spec.parse(now[index] ?? '{}'), [column]: value };
    ctx.set(now.map((r, i) => (i === index ? spec.format(row) : r)));
  };
  const full = spec.single && rows.length >= 1;
  return html`<fieldset part="field list" class="wide" data-field=${f.key} id=${id} tabindex="-1"
    aria-describedby=${listError ? `${id}-error` : nothing}>
    <legend>${ctx.label}</legend>
    ${rows.length ? nothing : html`<p part="hint">${names.empty}</p>`}
    ${rows.map((row, index) => {
      const rowKey = `${f.key}.${index}`;
      const rowId = idOfKey(rowKey);
      const rowError = ctx.errorAt(rowKey);
      const name = names.row(index + 1);
      const cells = spec.columns
        .filter((c) => !c.gate || row[c.gate] === 'Yes')
        .map((c) => cell(ctx, rowKey, row, c, (v) => update(index, c.key, v)));
      const body = html`<div part="fields">${cells}</div>
        ${rowError ? html`<span part="field-error" id=${`${rowId}-error`}>${rowError}</span>` : nothing}
        <div part="row-actions">
          <button type="button" part="remove-row" @click=${() => remove(index)}>${words.remove(name)}</button>
        </div>`;
      // A single object (a link, a plan) is named by the field's own legend.
      if (spec.single)
        return html`<div part="list-row single" data-row=${index} id=${rowId} tabindex="-1">${body}</div>`;
      return html`<fieldset part="list-row" data-row=${index} id=${rowId} tabindex="-1"
        aria-describedby=${rowError ? `${rowId}-error` : nothing}>
        <legend>${name}</legend>
        ${body}
      </fieldset>`;
    })}
    ${full ? nothing : html`<div part="row-actions"><button type="button" part="add-row" id=${addId} @click=${add}>${names.add}</button></div>`}
    ${ctx.theirs ? html`<span part="changed">${ctx.t.changedByOthers}</span>` : nothing}
    ${listError ? html`<span part="field-error" id=${`${id}-error`}>${listError}</span>` : nothing}
  </fieldset>`;
}

/** The list editor's styles, added to the edit form's. */
export const listStyles = css`
  [part~='list'] {
    display: grid;
    gap: 0.6rem;
  }
  [part~='list-row'] {
    display: grid;
    gap: 0.5rem;
    background: var(--kitos-color-row-alt, #fafafa);
  }
  [part~='list-row'] > legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  [part~='list-row'] [part~='fields'] {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
  }
  [part~='row-actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  [part~='list'] > p {
    margin: 0;
  }
`;
