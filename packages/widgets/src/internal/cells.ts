import type { CellValue, OverviewColumn } from '@os2kitos/core';
import { formatAmount, formatCount, formatDate } from '../i18n/format.js';
import type { Lang, Strings } from '../i18n/strings.js';

const numberFormats = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** An enum value in words (`NotInUse` → `Ikke i drift`); unknown values are shown as they are. */
export function valueLabel(value: string, t: Strings): string {
  return Object.hasOwn(t.values, value) ? (t.values[value] as string) : value;
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
    return value.map((v) => (column.type === 'enum' ? valueLabel(v, t) : v)).join(', ');
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
      return valueLabel(String(value), t);
    default:
      return typeof value === 'boolean' ? (value ? t.yes : t.no) : String(value);
  }
}
