/**
 * Cell types of the import templates and how a cell becomes a value: text, dates written the
 * Danish way or as ISO, whole numbers, yes/no, values of the core's enumerations by name or by
 * their Danish or English label, option names, and references to units, organisations, catalogue
 * systems and usages by name or UUID.
 *
 * @module
 */
import {
  catalogueNameKey,
  ENUM_LABELS,
  ENUMS,
  type EnumName,
  isIsoDate,
  type Label,
  type Language,
  type OptionType,
} from '@os2kitos/core';
import type { ReadCell } from './xlsx.js';

/** A value of an enumeration with its labels. */
export interface Choice {
  readonly value: string;
  readonly da: string;
  readonly en: string;
}

const choiceLists = new Map<EnumName, readonly Choice[]>();

/**
 * The values of an enumeration in its order, each with its Danish and English label from the
 * core's vocabulary (`ENUM_LABELS`), so a template lists and an import accepts exactly what the
 * widgets and exports show.
 *
 * @example
 * ```ts
 * enumChoices('LifeCycleStatus')[3]; // { value: 'Operational', da: 'I drift', en: 'Operational' }
 * ```
 */
export function enumChoices(name: EnumName): readonly Choice[] {
  let list = choiceLists.get(name);
  if (!list) {
    const labels: Readonly<Record<string, Label>> = ENUM_LABELS[name];
    list = (ENUMS[name].values as readonly string[]).map((value) => ({
      value,
      da: labels[value]?.da ?? value,
      en: labels[value]?.en ?? value,
    }));
    choiceLists.set(name, list);
  }
  return list;
}

/**
 * Yes or no in the core's vocabulary (the labels of `Yes` and `No`), for cells and template lists.
 *
 * @example
 * ```ts
 * yesNo(true, 'da'); // 'Ja'
 * ```
 */
export function yesNo(value: boolean, language: Language): string {
  return ENUM_LABELS.YesNoUndecided[value ? 'Yes' : 'No'][language];
}

/**
 * How a column's cells are read.
 *
 * @example
 * ```ts
 * const type: CellType = { t: 'option', optionType: 'business-types' };
 * ```
 */
export type CellType =
  | { readonly t: 'text'; readonly max?: number }
  | { readonly t: 'date' }
  | { readonly t: 'int'; readonly min?: number; readonly max?: number }
  | { readonly t: 'bool' }
  | { readonly t: 'enum'; readonly enum: EnumName }
  | { readonly t: 'option'; readonly optionType: OptionType }
  | { readonly t: 'unit' }
  | { readonly t: 'units' }
  | { readonly t: 'organization' }
  | { readonly t: 'system' }
  | { readonly t: 'usages' }
  | { readonly t: 'uuid' };

/** Something a reference can point at. */
export interface Named {
  readonly uuid: string;
  readonly name: string;
}

/** Looks names and uuids up for one import (loaded once, inside the import's transaction). */
export interface Lookups {
  option(type: OptionType, text: string): Named | 'ambiguous' | undefined;
  optionNames(type: OptionType): string[];
  unit(text: string): Named | 'ambiguous' | undefined;
  organization(text: string): Named | 'ambiguous' | undefined;
  system(text: string): Named | 'ambiguous' | undefined;
  /** The organisation's usage of a system named or identified by `text`. */
  usage(text: string): Named | 'ambiguous' | undefined;
}

/** The result of reading one cell: a value, nothing (empty cell), or a problem. */
export type CellResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly code:
        | 'wrong-type'
        | 'invalid-date'
        | 'unknown-value'
        | 'unknown-option'
        | 'unknown-reference'
        | 'ambiguous-reference'
        | 'invalid-value';
      readonly message: Label;
    };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The comparison key of a name: NFC, trimmed, lower-case (as catalogue uniqueness compares). */
export const nameKey = catalogueNameKey;

/**
 * The comparison key of a choice: as a name, and with every dash a hyphen, because labels such as
 * `10–50` use an en dash and people type a hyphen.
 */
const choiceKey = (text: string) => nameKey(text).replace(/[\u2010-\u2015\u2212]/g, '-');

const choiceIndexes = new Map<EnumName, ReadonlyMap<string, string>>();

/** Choice key of every value's name and labels → the value (a Map: the keys come from files). */
function choiceIndex(name: EnumName): ReadonlyMap<string, string> {
  let index = choiceIndexes.get(name);
  if (!index) {
    const built = new Map<string, string>();
    for (const c of enumChoices(name))
      for (const text of [c.value, c.da, c.en]) if (!built.has(choiceKey(text))) built.set(choiceKey(text), c.value);
    index = built;
    choiceIndexes.set(name, index);
  }
  return index;
}

/** True for an empty cell (nothing, or only spaces). */
export function isBlank(cell: ReadCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const bad = (code: Extract<CellResult, { ok: false }>['code'], da: string, en: string): CellResult => ({
  ok: false,
  code,
  message: { da, en },
});

function text(cell: ReadCell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/**
 * Reads a date written `dd-mm-yyyy`, `dd.mm.yyyy`, `dd/mm/yyyy`, `ddmmyyyy` or `yyyy-mm-dd`, or a
 * real date cell; `undefined` when it is none of these or the day does not exist.
 *
 * @example
 * ```ts
 * parseDanishDate('31-01-2025'); // '2025-01-31'
 * parseDanishDate('30.02.2025'); // undefined
 * ```
 */
export function parseDanishDate(cell: ReadCell): string | undefined {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  }
  const s = text(cell);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  const date = iso
    ? `${iso[1]}-${iso[2]}-${iso[3]}`
    : dk
      ? `${dk[3]}-${(dk[2] as string).padStart(2, '0')}-${(dk[1] as string).padStart(2, '0')}`
      : undefined;
  return date && isIsoDate(date) ? date : undefined;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', 'sand', 'true', '1']);
const NO = new Set(['nej', 'n', 'no', 'falsk', 'false', '0']);

function reference(found: Named | 'ambiguous' | undefined, what: Label, raw: string): CellResult {
  if (found === 'ambiguous')
    return bad(
      'ambiguous-reference',
      `flere ${what.da} hedder "${raw}"; angiv UUID i stedet`,
      `several ${what.en} are named "${raw}"; give the UUID instead`,
    );
  if (!found) return bad('unknown-reference', `ukendt ${what.da}: "${raw}"`, `unknown ${what.en}: "${raw}"`);
  return { ok: true, value: found.uuid };
}

/** Splits a list cell on `;` or line breaks (commas may occur inside names). */
export function splitList(cell: ReadCell): string[] {
  return text(cell)
    .split(/[;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function list(cell: ReadCell, one: (s: string) => CellResult): CellResult {
  const out: unknown[] = [];
  for (const part of splitList(cell)) {
    const r = one(part);
    if (!r.ok) return r;
    if (!out.includes(r.value)) out.push(r.value);
  }
  return { ok: true, value: out };
}

/**
 * Reads a non-empty cell as `type` (empty cells never reach this function).
 *
 * @example
 * ```ts
 * readCell({ t: 'bool' }, 'Ja', lookups); // { ok: true, value: true }
 * ```
 */
export function readCell(type: CellType, cell: ReadCell, lookups: Lookups): CellResult {
  const raw = text(cell);
  switch (type.t) {
    case 'uuid':
      return UUID.test(raw)
        ? { ok: true, value: raw.toLowerCase() }
        : bad('wrong-type', 'ikke et gyldigt UUID', 'not a valid UUID');
    case 'text':
      if (typeof cell === 'boolean') return bad('wrong-type', 'forventede tekst', 'expected text');
      if (type.max !== undefined && raw.length > type.max)
        return bad(
          'invalid-value',
          `højst ${type.max} tegn (der er ${raw.length})`,
          `at most ${type.max} characters (got ${raw.length})`,
        );
      return { ok: true, value: raw };
    case 'date': {
      const date = parseDanishDate(cell);
      if (date) return { ok: true, value: date };
      return bad('invalid-date', 'ikke en gyldig dato; skriv dd-mm-åååå', 'not a valid date; write dd-mm-yyyy');
    }
    case 'int': {
      const n = typeof cell === 'number' ? cell : /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isInteger(n)) return bad('wrong-type', 'forventede et helt tal', 'expected a whole number');
      if ((type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max))
        return bad(
          'invalid-value',
          `tallet skal være mellem ${type.min} og ${type.max}`,
          `the number must be between ${type.min} and ${type.max}`,
        );
      return { ok: true, value: n };
    }
    case 'bool': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const k = raw.toLowerCase();
      if (YES.has(k)) return { ok: true, value: true };
      if (NO.has(k)) return { ok: true, value: false };
      return bad('wrong-type', 'skriv Ja eller Nej', 'write Yes or No');
    }
    case 'enum': {
      const hit = choiceIndex(type.enum).get(choiceKey(raw));
      if (hit !== undefined) return { ok: true, value: hit };
      const choices = enumChoices(type.enum);
      return bad(
        'unknown-value',
        `ukendt værdi; vælg en af: ${choices.map((c) => c.da).join(', ')}`,
        `unknown value; choose one of: ${choices.map((c) => c.en).join(', ')}`,
      );
    }
    case 'option': {
      const found = lookups.option(type.optionType, raw);
      if (found && found !== 'ambiguous') return { ok: true, value: found.uuid };
      const names = lookups.optionNames(type.optionType).slice(0, 15).join(', ');
      return bad(
        'unknown-option',
        `ukendt eller ikke aktiveret valgmulighed; mulige: ${names}`,
        `unknown or inactive option; available: ${names}`,
      );
    }
    case 'unit':
      return reference(lookups.unit(raw), { da: 'organisationsenhed', en: 'organisation unit' }, raw);
    case 'units':
      return list(cell, (s) => reference(lookups.unit(s), { da: 'organisationsenhed', en: 'organisation unit' }, s));
    case 'organization':
      return reference(lookups.organization(raw), { da: 'organisation', en: 'organisation' }, raw);
    case 'system':
      return reference(lookups.system(raw), { da: 'IT-system', en: 'IT system' }, raw);
    case 'usages':
      return list(cell, (s) =>
        reference(
          lookups.usage(s),
          { da: 'IT-system i organisationen', en: 'IT system in use in the organisation' },
          s,
        ),
      );
  }
}

/** An index of named things by uuid and by name key; a name shared by several is ambiguous. */
export function nameIndex<T extends Named>(items: readonly T[], extraKeys?: (item: T) => string[]) {
  const byUuid = new Map(items.map((i) => [i.uuid.toLowerCase(), i]));
  const byName = new Map<string, T | 'ambiguous'>();
  for (const item of items) {
    for (const key of [nameKey(item.name), ...(extraKeys?.(item) ?? [])]) {
      const seen = byName.get(key);
      byName.set(key, seen && seen !== 'ambiguous' && seen.uuid !== item.uuid ? 'ambiguous' : item);
    }
  }
  return (text: string): T | 'ambiguous' | undefined =>
    byUuid.get(text.trim().toLowerCase()) ?? byName.get(nameKey(text));
}
