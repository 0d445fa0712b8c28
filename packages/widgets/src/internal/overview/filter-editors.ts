import type { ColumnFilter, OverviewColumn } from '@os2kitos/core';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatDate } from '../../i18n/format.js';
import type { Lang, Strings } from '../../i18n/strings.js';
import { columnLabel, valueLabel } from '../cells.js';

/** A unit as the unit filter lists it: flattened tree order with its depth. */
export interface UnitOption {
  readonly uuid: string;
  readonly name: string;
  readonly depth: number;
}

/** What a filter editor needs from the grid. */
export interface FilterEditorContext {
  readonly t: Strings;
  readonly lang: Lang;
  readonly units: readonly UnitOption[];
  /** The filters on this column now. */
  readonly current: readonly ColumnFilter[];
  /** Replaces the column's filters. */
  readonly onChange: (column: string, filters: ColumnFilter[]) => void;
}

type Fields = HTMLFormControlsCollection;
const field = (els: Fields, name: string) => els.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
const readValue = (els: Fields, name: string) => field(els, name)?.value.trim() ?? '';
const parseNumber = (text: string): number | null => {
  if (!text) return null;
  // Danish input first: "1.234,5" has grouping dots and a decimal comma; "1.5" and "1,5" are both 1.5.
  const danishGrouping = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text);
  const n = Number((danishGrouping ? text.replace(/\./g, '') : text).replace(',', '.'));
  return Number.isFinite(n) ? n : null;
};

/** The "has a value / has none" part every editor but boolean and enum shares. */
function filledSelect(ctx: FilterEditorContext) {
  const { t } = ctx;
  const op = ctx.current.find((f) => f.op === 'has' || f.op === 'hasNot')?.op ?? '';
  return html`<label
    >${t.filled}
    <select name="filled">
      <option value="" ?selected=${op === ''}>${t.anyValue}</option>
      <option value="has" ?selected=${op === 'has'}>${t.opHas}</option>
      <option value="hasNot" ?selected=${op === 'hasNot'}>${t.opHasNot}</option>
    </select></label
  >`;
}

/** Reads one editor's controls into the column's filters. */
function readFilters(column: OverviewColumn, els: Fields, ctx: FilterEditorContext): ColumnFilter[] {
  const id = column.id;
  const filled = readValue(els, 'filled');
  if (filled === 'has' || filled === 'hasNot') return [{ column: id, op: filled }];
  switch (editorType(column, ctx)) {
    case 'text': {
      const value = readValue(els, 'value');
      const op = readValue(els, 'op') === 'equals' ? 'equals' : 'contains';
      return value ? [{ column: id, op, value }] : [];
    }
    case 'number': {
      const min = parseNumber(readValue(els, 'min'));
      const max = parseNumber(readValue(els, 'max'));
      return min === null && max === null ? [] : [{ column: id, op: 'between', min, max }];
    }
    case 'date': {
      const after = readValue(els, 'after');
      const before = readValue(els, 'before');
      const out: ColumnFilter[] = [];
      if (after) out.push({ column: id, op: 'onOrAfter', date: after });
      if (before) out.push({ column: id, op: 'onOrBefore', date: before });
      return out;
    }
    case 'boolean': {
      const v = readValue(els, 'is');
      return v ? [{ column: id, op: 'is', value: v === 'true' }] : [];
    }
    case 'enum': {
      const values = (column.values ?? []).filter((v) => (field(els, `in:${v}`) as HTMLInputElement | null)?.checked);
      return values.length ? [{ column: id, op: 'in', values }] : [];
    }
    case 'unit': {
      const unitUuid = readValue(els, 'unit');
      const sub = (field(els, 'sub') as HTMLInputElement | null)?.checked ?? true;
      return unitUuid ? [{ column: id, op: 'unit', unitUuid, includeSubUnits: sub }] : [];
    }
  }
}

/** The member of `ColumnFilter` whose `op` can be `O` (some members allow two ops). */
type FilterWith<O extends ColumnFilter['op']> = ColumnFilter extends infer F
  ? F extends { op: infer P }
    ? O extends P
      ? F
      : never
    : never
  : never;

type EditorType = 'text' | 'number' | 'date' | 'boolean' | 'enum' | 'unit';

function editorType(column: OverviewColumn, ctx: FilterEditorContext): EditorType {
  switch (column.type) {
    case 'number':
    case 'amount':
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return column.values?.length ? 'enum' : 'text';
    case 'unit':
      // Without a unit tree the unit column is filtered by its name.
      return ctx.units.length ? 'unit' : 'text';
    default:
      return 'text';
  }
}

function controls(column: OverviewColumn, ctx: FilterEditorContext): TemplateResult {
  const { t, current } = ctx;
  const find = <O extends ColumnFilter['op']>(...ops: O[]) =>
    current.find((f): f is FilterWith<O> => (ops as string[]).includes(f.op));
  switch (editorType(column, ctx)) {
    case 'text': {
      const f = find('contains', 'equals');
      return html`<label
          >${t.condition}
          <select name="op">
            <option value="contains" ?selected=${f?.op !== 'equals'}>${t.opContains}</option>
            <option value="equals" ?selected=${f?.op === 'equals'}>${t.opEquals}</option>
          </select></label
        >
        <label>${t.value} <input name="value" type="text" .value=${f?.value ?? ''} /></label>
        ${filledSelect(ctx)}`;
    }
    case 'number': {
      const f = find('between');
      return html`<label>${t.min} <input name="min" inputmode="decimal" .value=${f?.min?.toString() ?? ''} /></label>
        <label>${t.max} <input name="max" inputmode="decimal" .value=${f?.max?.toString() ?? ''} /></label>
        ${filledSelect(ctx)}`;
    }
    case 'date': {
      const after = find('onOrAfter');
      const before = find('onOrBefore');
      return html`<label>${t.opOnOrAfter} <input name="after" type="date" .value=${after?.date ?? ''} /></label>
        <label>${t.opOnOrBefore} <input name="before" type="date" .value=${before?.date ?? ''} /></label>
        ${filledSelect(ctx)}`;
    }
    case 'boolean': {
      const v = find('is')?.value;
      return html`<label
        >${t.value}
        <select name="is">
          <option value="" ?selected=${v === undefined}>${t.anyValue}</option>
          <option value="true" ?selected=${v === true}>${t.yes}</option>
          <option value="false" ?selected=${v === false}>${t.no}</option>
        </select></label
      >`;
    }
    case 'enum': {
      const chosen = find('in')?.values ?? [];
      return html`${(column.values ?? []).map(
        (v) =>
          html`<label part="filter-option"
            ><input type="checkbox" name=${`in:${v}`} .checked=${live(chosen.includes(v))} /> ${valueLabel(v, column.enum, ctx.lang)}</label
          >`,
      )}`;
    }
    case 'unit': {
      const f = find('unit');
      return html`<label
          >${t.value}
          <select name="unit">
            <option value="" ?selected=${!f}>${t.allUnits}</option>
            ${ctx.units.map(
              (u) =>
                html`<option value=${u.uuid} ?selected=${f?.unitUuid === u.uuid}>
                  ${'\u00a0\u00a0'.repeat(u.depth)}${u.name}
                </option>`,
            )}
          </select></label
        >
        <label><input type="checkbox" name="sub" .checked=${live(f?.includeSubUnits ?? true)} /> ${t.includeSubUnits}</label>
        ${filledSelect(ctx)}`;
    }
  }
}

/**
 * The typed filter editor of one column: a fieldset whose controls rebuild the column's filters
 * on every `change` (text inputs commit on Enter or when leaving the field). Text fields bind
 * `.value` without `live()`, so a re-render while the user types (rows arriving) keeps the draft;
 * checkboxes use `live()` so a refused change snaps back.
 */
export function filterEditor(column: OverviewColumn, ctx: FilterEditorContext): TemplateResult {
  const onChange = (e: Event) => {
    const fieldset = e.currentTarget as HTMLFieldSetElement;
    ctx.onChange(column.id, readFilters(column, fieldset.elements, ctx));
  };
  return html`<fieldset part="filter" data-column=${column.id} @change=${onChange}>
    <legend>${columnLabel(column, ctx.lang)}</legend>
    ${controls(column, ctx)}
  </fieldset>`;
}

/** A filter in words for the list of active filters: `Slutdato for anvendelse på eller før 31-12-2025`. */
export function describeFilter(
  f: ColumnFilter,
  column: OverviewColumn | undefined,
  ctx: Pick<FilterEditorContext, 't' | 'lang' | 'units'>,
): string {
  const { t } = ctx;
  const label = column ? columnLabel(column, ctx.lang) : f.column;
  switch (f.op) {
    case 'contains':
      return `${label} ${t.opContains} "${f.value}"`;
    case 'equals':
      return `${label} ${t.opEquals} "${f.value}"`;
    case 'between':
      return `${label} ${t.opBetween} ${f.min ?? '…'} – ${f.max ?? '…'}`;
    case 'onOrAfter':
      return `${label} ${t.opOnOrAfter} ${formatDate(f.date)}`;
    case 'onOrBefore':
      return `${label} ${t.opOnOrBefore} ${formatDate(f.date)}`;
    case 'in':
      return `${label} ${t.opIn} ${f.values.map((v) => valueLabel(v, column?.enum, ctx.lang)).join(', ')}`;
    case 'is':
      return `${label} ${t.opIs} ${f.value ? t.yes : t.no}`;
    case 'has':
      return `${label} ${t.opHas}`;
    case 'hasNot':
      return `${label} ${t.opHasNot}`;
    case 'unit': {
      const name = ctx.units.find((u) => u.uuid === f.unitUuid)?.name ?? f.unitUuid;
      return `${label} ${t.opUnit} ${name}${f.includeSubUnits ? ` (${t.includeSubUnits.toLowerCase()})` : ''}`;
    }
  }
}
