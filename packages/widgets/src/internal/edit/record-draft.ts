/**
 * The edit forms' model, for every kind of record: which fields a form edits (a path into the
 * record and an input), the draft (what the inputs hold, as text), the changes between two drafts,
 * and the patch a draft makes against the record it was read from. Each kind lists its fields
 * (usage-draft.ts, contract-draft.ts); the editor, the conflict view and the server's answers at
 * the fields all work on these. Loaded only with the edit modes.
 */
import { ENUM_LABELS, type EnumName, type IssueCode, type ValidationIssue } from '@os2kitos/core';

/** How a field is edited. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'enum'
  | 'option'
  | 'number'
  | 'bool'
  | 'yes-no'
  | 'enum-set'
  | 'option-set'
  | 'organization-set'
  | 'units'
  | 'unit'
  | 'organization'
  | 'roles'
  | 'list';

/**
 * How a list field (payment streams, sub-processors, a link) is kept in the draft and sent: each row
 * is one string of the draft's list (list-draft.ts makes these; the list editor shows them).
 */
export interface ListCodec {
  /** The rows of the stored value, as the draft keeps them. */
  draftOf(value: unknown): readonly string[];
  /** The value the rows give the core, and the cells the form cannot read (issues under `key`). */
  valueOf(key: string, rows: readonly string[]): { value: unknown; issues: ValidationIssue[] };
  /** True for a single object or `null` (a procurement plan, a link) rather than a list. */
  readonly single: boolean;
}

/** One edited field: its path in the record (`general.validity.validFrom`) and its input. */
export interface FieldSpec {
  readonly key: string;
  readonly kind: FieldKind;
  /** The form group the field sits in (`general`, `supplier`, …). */
  readonly group: string;
  /** For `enum` and `enum-set`: the core's enumeration. */
  readonly enumName?: EnumName;
  /** For `option`, `option-set` and `roles`: the key of the option list in the form's choices. */
  readonly options?: string;
  /** For text: the longest value the core accepts (shown as the input's maxlength). */
  readonly max?: number;
  /**
   * What an empty input means: for `number`, `0` (counts; the default) or `null`; for text, `null`
   * (the default) or `''` (a name, which the core then refuses as blank rather than as missing).
   */
  readonly empty?: 0 | null | '';
  /** For `unit`: the list field whose units it may be one of (otherwise any unit of the tree). */
  readonly unitsFrom?: string;
  /** For details behind a gate question: the question's key. */
  readonly gate?: string;
  /** The answer that opens the gate (`Yes` unless given; for a set, a value it must hold). */
  readonly gateValue?: string;
  /** For `list`: how its rows are kept and sent (see list-draft.ts). */
  readonly list?: ListCodec;
}

/** What the inputs hold: text for single values, a list for sets. */
export type DraftValue = string | readonly string[];
/** The whole form. */
export type Draft = Readonly<Record<string, DraftValue>>;

const read = (record: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), record);

/** A role assignment in the draft: `<role uuid>/<user uuid>` (a set of these compares by value). */
export const roleKey = (roleUuid: string, userUuid: string) => `${roleUuid}/${userUuid}`;

/** `2025-03-01` → `01-03-2025`. */
export const toDanishDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
};

/**
 * `01-03-2025` (also `1-3-2025`, `01.03.2025`, `01/03/2025`) → `2025-03-01`; `undefined` when it is
 * not a real day, so a typo is reported rather than sent.
 */
export function fromDanishDate(text: string): string | undefined {
  const m = /^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The draft of a stored record: what the inputs show when the form opens. */
export function draftOfRecord(fields: readonly FieldSpec[], record: unknown): Draft {
  const draft: Record<string, DraftValue> = {};
  for (const f of fields) {
    const value = read(record, f.key);
    if (f.kind === 'list') draft[f.key] = (f.list as ListCodec).draftOf(value);
    else if (f.kind === 'roles')
      draft[f.key] = ((value ?? []) as { roleUuid: string; userUuid: string }[]).map((r) =>
        roleKey(r.roleUuid, r.userUuid),
      );
    else if (f.kind === 'enum-set' || f.kind === 'option-set' || f.kind === 'organization-set' || f.kind === 'units')
      draft[f.key] = Array.isArray(value) ? value.map(String) : [];
    else if (f.kind === 'date') draft[f.key] = typeof value === 'string' ? toDanishDate(value) : '';
    else if (f.kind === 'bool') draft[f.key] = value === true ? 'true' : 'false';
    // A nullable yes/no keeps "not answered" apart from "no".
    else if (f.kind === 'yes-no') draft[f.key] = value === true ? 'true' : value === false ? 'false' : '';
    else if (f.kind === 'number')
      draft[f.key] = typeof value === 'number' && !(value === 0 && (f.empty ?? 0) === 0) ? String(value) : '';
    else draft[f.key] = value === null || value === undefined ? '' : String(value);
  }
  return draft;
}

const same = (a: DraftValue | undefined, b: DraftValue | undefined): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')
    : a === b;

/** The keys whose values differ between two drafts. */
export function changedFieldKeys(fields: readonly FieldSpec[], from: Draft, to: Draft): string[] {
  return fields.filter((f) => !same(from[f.key], to[f.key])).map((f) => f.key);
}

/** True when the field is shown: not behind a gate, or its gate question is answered Yes. */
export function gateOpen(draft: Draft, f: FieldSpec): boolean {
  if (!f.gate) return true;
  const answer = draft[f.gate];
  const open = f.gateValue ?? 'Yes';
  return Array.isArray(answer) ? answer.includes(open) : answer === open;
}

/** A local problem (a date the form cannot read) in the core's issue shape. */
const issue = (key: string, code: IssueCode, message: string): ValidationIssue => ({
  path: key.split('.'),
  code,
  message,
});

/** The value a draft field gives the core, or an issue when the text cannot be read. */
export function inputValue(f: FieldSpec, value: DraftValue): { value: unknown } | { issue: ValidationIssue } {
  if (f.kind === 'list') {
    const v = (f.list as ListCodec).valueOf(f.key, value as readonly string[]);
    return v.issues[0] ? { issue: v.issues[0] } : { value: v.value };
  }
  if (f.kind === 'roles')
    return {
      value: (value as readonly string[]).map((k) => {
        const [roleUuid, userUuid] = k.split('/');
        return { roleUuid, userUuid };
      }),
    };
  if (Array.isArray(value)) return { value: [...value] };
  const text = (value as string).trim();
  switch (f.kind) {
    case 'bool':
      return { value: text === 'true' };
    case 'yes-no':
      return { value: text === '' ? null : text === 'true' };
    case 'date': {
      if (!text) return { value: null };
      const iso = fromDanishDate(text);
      return iso ? { value: iso } : { issue: issue(f.key, 'invalid-date', `${text} is not a date dd-MM-yyyy`) };
    }
    case 'number': {
      if (!text) return { value: f.empty === undefined || f.empty === '' ? 0 : f.empty };
      return /^\d{1,6}$/.test(text)
        ? { value: Number(text) }
        : { issue: issue(f.key, 'not-a-number', `${text} is not a whole number`) };
    }
    default:
      return { value: text === '' ? (f.empty === '' ? '' : null) : (value as string) };
  }
}

/** The value of a field in a draft as the core takes it (`null` when the text cannot be read). */
export function draftValue(fields: readonly FieldSpec[], draft: Draft, key: string): unknown {
  const f = fields.find((x) => x.key === key);
  if (!f) return null;
  const v = inputValue(f, draft[key] ?? '');
  return 'value' in v ? v.value : null;
}

const put = (target: Record<string, unknown>, key: string, value: unknown) => {
  const parts = key.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) {
    o[p] ??= {};
    o = o[p] as Record<string, unknown>;
  }
  o[parts[parts.length - 1] as string] = value;
};

/**
 * The patch the draft makes against `base` (the draft of the record it was read from): only changed
 * fields, and no detail behind a gate that is not answered Yes (the core clears those itself when
 * the answer moves away from Yes). Dates and numbers the form cannot read are issues instead.
 */
export function patchOfDraft(
  fields: readonly FieldSpec[],
  base: Draft,
  draft: Draft,
): { patch: Record<string, unknown>; issues: ValidationIssue[] } {
  const patch: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const key of changedFieldKeys(fields, base, draft)) {
    const f = fields.find((x) => x.key === key) as FieldSpec;
    if (!gateOpen(draft, f)) continue;
    if (f.kind === 'list') {
      const v = (f.list as ListCodec).valueOf(key, draft[key] as readonly string[]);
      issues.push(...v.issues);
      put(patch, key, v.value);
      continue;
    }
    const v = inputValue(f, draft[key] as DraftValue);
    if ('issue' in v) issues.push(v.issue);
    else put(patch, key, v.value);
  }
  return { patch, issues };
}

/**
 * Where an issue is shown: the longest field key its path starts with (an issue on an item of a
 * set belongs to the set), or `''` for the whole record. In a `list` field an issue on a row or a
 * cell is shown there: `payments.external.2` (the row) or `payments.external.2.acquisition`.
 */
export function fieldKeyIn(fields: readonly FieldSpec[], i: ValidationIssue): string {
  const path = i.path.map(String);
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    const f = fields.find((x) => x.key === key);
    if (!f) continue;
    if (f.kind !== 'list' || n === path.length) return key;
    // A single object (a link) has no row index: its one row is row 0.
    const rest = f.list?.single ? ['0', ...path.slice(n)] : path.slice(n);
    return [key, ...rest.slice(0, 2)].join('.');
  }
  return '';
}

/** The field a key shown in the form belongs to (a row or a cell key belongs to its list). */
export function fieldOfKey(fields: readonly FieldSpec[], key: string): FieldSpec | undefined {
  return fields.find((f) => f.key === key) ?? fields.find((f) => f.kind === 'list' && key.startsWith(`${f.key}.`));
}

/** One message per field: the first issue the core gives for it. */
export function firstPerField(fields: readonly FieldSpec[], issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = fieldKeyIn(fields, i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The values of an enumeration, in the vocabulary's order. */
export function enumValues(name: EnumName): string[] {
  return Object.keys(ENUM_LABELS[name]);
}
