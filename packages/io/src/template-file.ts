/**
 * The downloadable import template: a workbook with the kind's columns (Danish headers by
 * default), one example row, and a second sheet listing the values each choice column accepts.
 *
 * @module
 */
import { type OptionType, seedGlobalOptions } from '@os2kitos/core';
import { enumChoices, yesNo } from './cells.js';
import { choiceIssue, refuseOptions } from './choice.js';
import { type ImportColumn, type ImportKind, importTemplateOf } from './templates.js';
import { type WriteCell, writeWorkbook } from './xlsx.js';

/**
 * Options of {@link spreadsheetTemplate}.
 *
 * @example
 * ```ts
 * await spreadsheetTemplate('usages', { language: 'en' } satisfies SpreadsheetTemplateOptions);
 * ```
 */
export interface SpreadsheetTemplateOptions {
  /** Header and help language (default `da`). */
  readonly language?: 'da' | 'en';
  /**
   * Names of the options available for an option type, e.g. from `kitos.options.available`
   * (default: the enabled values of KITOS's seed).
   */
  readonly optionNames?: (type: OptionType) => readonly string[];
}

/** A column's example in the template's language: choices by their label, yes/no in words. */
function example(c: ImportColumn, language: 'da' | 'en'): WriteCell {
  if (c.type.t === 'enum') return enumChoices(c.type.enum).find((x) => x.value === c.example)?.[language] ?? c.example;
  if (c.type.t === 'bool' && typeof c.example === 'boolean') return yesNo(c.example, language);
  return c.example;
}

function seedNames(type: OptionType): string[] {
  return seedGlobalOptions()
    .filter((o) => o.type === type && o.isEnabled)
    .map((o) => o.name);
}

/**
 * Builds the import template of a kind as XLSX bytes. An unknown kind or language is a
 * `KitosValidationError` naming the option.
 *
 * @example
 * ```ts
 * import { spreadsheetTemplate } from '@os2kitos/io';
 * const bytes = await spreadsheetTemplate('usages', {
 *   optionNames: (type) => [], // or names from kitos.options.available(actor, type, organizationUuid)
 * });
 * ```
 */
export async function spreadsheetTemplate(
  kind: ImportKind,
  options: SpreadsheetTemplateOptions = {},
): Promise<Uint8Array> {
  const language = options.language ?? 'da';
  refuseOptions([choiceIssue(language, ['da', 'en'], 'language', 'language')]);
  const template = importTemplateOf(kind);
  const names = options.optionNames ?? seedNames;
  const header = template.columns.map((c) => `${c[language]}${c.required ? ' *' : ''}`);
  const examples: WriteCell[] = template.columns.map((c) => example(c, language));
  const lists: { title: string; values: readonly string[] }[] = [];
  for (const c of template.columns) {
    const values =
      c.type.t === 'enum'
        ? enumChoices(c.type.enum).map((x) => x[language])
        : c.type.t === 'option'
          ? names(c.type.optionType)
          : c.type.t === 'bool'
            ? [yesNo(true, language), yesNo(false, language)]
            : c.type.t === 'date'
              ? [language === 'da' ? 'dd-mm-åååå' : 'dd-mm-yyyy']
              : c.type.t === 'units' || c.type.t === 'usages'
                ? [language === 'da' ? 'Flere værdier adskilles med ;' : 'Separate several values with ;']
                : [];
    if (values.length > 0) lists.push({ title: c[language], values });
  }
  const depth = Math.max(0, ...lists.map((l) => l.values.length));
  const choices: WriteCell[][] = Array.from({ length: depth }, (_, i) => lists.map((l) => l.values[i] ?? null));
  return writeWorkbook([
    { name: template.sheet[language], header, rows: [examples], widths: header.map((h) => Math.max(14, h.length + 4)) },
    { name: language === 'da' ? 'Valgmuligheder' : 'Choices', header: lists.map((l) => l.title), rows: choices },
  ]);
}
