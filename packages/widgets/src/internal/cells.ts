import {
  type CellValue,
  ENUM_LABELS,
  type EnumName,
  OVERVIEW_COLUMNS,
  type OverviewColumn,
  type OverviewKind,
  type OverviewRowOf,
} from '@os2kitos/core';
import { formatAmount, formatCount, formatDate } from '../i18n/format.js';
import type { Lang, Strings } from '../i18n/strings.js';

const numberFormats = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/**
 * An enum value in words from the core's vocabulary (`LifeCycleStatus` `NotInUse` → `Ikke i drift`);
 * a value the enumeration does not have is shown as it is.
 */
export function valueLabel(value: string, enumName: EnumName | undefined, lang: Lang): string {
  const labels = enumName ? (ENUM_LABELS[enumName] as Readonly<Record<string, { da: string; en: string }>>) : undefined;
  return labels && Object.hasOwn(labels, value) ? (labels[value] as { da: string; en: string })[lang] : value;
}

/** A row's cell by column id (rows are typed per overview; the grid handles any of them). */
export const cell = (row: object, id: string): CellValue | undefined =>
  (row as Readonly<Record<string, CellValue>>)[id];

/**
 * The label of an overview column, for a card fact that shows the same value: a field is called
 * the same in the grid and on the card, from one definition in the core.
 */
export function fieldLabel<K extends OverviewKind>(kind: K, id: keyof OverviewRowOf<K> & string, lang: Lang): string {
  const column = OVERVIEW_COLUMNS[kind].find((c) => c.id === id);
  return column ? columnLabel(column, lang) : id;
}

/** A column's header in the language. */
export function columnLabel(column: OverviewColumn, lang: Lang): string {
  return column.label[lang] || column.label.da || column.id;
}

/**
 * A cell as the grid shows it: dates `dd-MM-yyyy`, amounts `1.234 kr.`, booleans `Ja`/`Nej`,
 * enum values in words, lists joined with commas. Always plain text (rendered as text, never HTML).
 */
export function cellText(value: CellValue | undefined, column: OverviewColumn, t: Strings, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) {
    return value.map((v) => (column.type === 'enum' ? valueLabel(v, column.enum, lang) : v)).join(', ');
  }
  switch (column.type) {
    case 'date':
      return formatDate(String(value));
    case 'amount':
      return typeof value === 'number' ? formatAmount(value) : String(value);
    case 'number':
      return typeof value === 'number'
        ? Number.isInteger(value)
          ? formatCount(value, lang)
          : numberFormats[lang].format(value)
        : String(value);
    case 'boolean':
      return typeof value === 'boolean' ? (value ? t.yes : t.no) : String(value);
    case 'enum':
      return valueLabel(String(value), column.enum, lang);
    default:
      return typeof value === 'boolean' ? (value ? t.yes : t.no) : String(value);
  }
}
