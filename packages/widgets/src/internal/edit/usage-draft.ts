/**
 * The usage editor's form model: which fields it edits, in which group, the draft (what the inputs
 * hold, as text), the patch a draft makes against the record it was read from, and validation with
 * the core's own schemas. Loaded only with the edit mode, so read-only embeds never carry it.
 */
import {
  ENUM_LABELS,
  type EnumName,
  type ItSystemUsage,
  type IssueCode,
  UsageGdprGates,
  type ValidationIssue,
} from '@os2kitos/core';
import type { UsagePatch } from '../../data/client.js';
import { checkUsageSections } from './usage-validate.js';

/** How a field is edited. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'enum'
  | 'option'
  | 'number'
  | 'enum-set'
  | 'units'
  | 'unit'
  | 'roles';

/** One edited field: its path in the usage (`general.validity.validFrom`) and its input. */
export interface FieldSpec {
  readonly key: string;
  readonly kind: FieldKind;
  readonly group: 'general' | 'organisation' | 'roles' | 'gdpr';
  /** For `enum` and `enum-set`: the core's enumeration. */
  readonly enumName?: EnumName;
  /** For text: the longest value the core accepts (shown as the input's maxlength). */
  readonly max?: number;
  /** For GDPR details: the gate question the field is behind. */
  readonly gate?: string;
}

const gdprGate = (answer: string, details: readonly string[]): FieldSpec[] => [
  { key: `gdpr.${answer}`, kind: 'enum', group: 'gdpr', enumName: 'YesNoDontKnow' },
  ...details.map((d) => detailSpec(d, `gdpr.${answer}`)),
];

function detailSpec(field: string, gate: string): FieldSpec {
  const key = `gdpr.${field}`;
  if (field.endsWith('Date')) return { key, kind: 'date', group: 'gdpr', gate };
  if (field === 'riskAssessmentResult') return { key, kind: 'enum', group: 'gdpr', enumName: 'GdprRiskLevel', gate };
  if (field === 'riskAssessmentNotes') return { key, kind: 'textarea', group: 'gdpr', max: 10_000, gate };
  if (field === 'technicalPrecautionsApplied')
    return { key, kind: 'enum-set', group: 'gdpr', enumName: 'TechnicalPrecaution', gate };
  if (field === 'dataRetentionEvaluationFrequencyInMonths') return { key, kind: 'number', group: 'gdpr', gate };
  return { key, kind: 'text', group: 'gdpr', gate };
}

// The gate table is the core's: a gate added there reaches the form without a change here. Links
// (documentation) are left for a later slice, so only their siblings are edited.
const GATES = UsageGdprGates.map((g) => ({
  answer: g.answer as string,
  details: (g.details as readonly string[]).filter((d) => !d.endsWith('Documentation')),
}));

/** Every field the editor shows, in order. */
export const USAGE_FIELDS: readonly FieldSpec[] = [
  { key: 'general.localCallName', kind: 'text', group: 'general', max: 100 },
  { key: 'general.localSystemId', kind: 'text', group: 'general', max: 200 },
  { key: 'general.systemVersion', kind: 'text', group: 'general', max: 100 },
  { key: 'general.dataClassificationUuid', kind: 'option', group: 'general' },
  { key: 'general.numberOfExpectedUsers', kind: 'enum', group: 'general', enumName: 'UsageUserCount' },
  { key: 'general.validity.lifeCycleStatus', kind: 'enum', group: 'general', enumName: 'LifeCycleStatus' },
  { key: 'general.validity.validFrom', kind: 'date', group: 'general' },
  { key: 'general.validity.validTo', kind: 'date', group: 'general' },
  { key: 'general.notes', kind: 'textarea', group: 'general', max: 10_000 },
  { key: 'organizationUsage.usingUnitUuids', kind: 'units', group: 'organisation' },
  { key: 'organizationUsage.responsibleUnitUuid', kind: 'unit', group: 'organisation' },
  { key: 'roles', kind: 'roles', group: 'roles' },
  { key: 'gdpr.purpose', kind: 'textarea', group: 'gdpr', max: 10_000 },
  { key: 'gdpr.businessCritical', kind: 'enum', group: 'gdpr', enumName: 'YesNoDontKnow' },
  { key: 'gdpr.hostedAt', kind: 'enum', group: 'gdpr', enumName: 'UsageHostedAt' },
  { key: 'gdpr.dataSensitivityLevels', kind: 'enum-set', group: 'gdpr', enumName: 'SensitiveDataLevel' },
  ...GATES.flatMap((g) => gdprGate(g.answer, g.details)),
  { key: 'gdpr.plannedRiskAssessmentDate', kind: 'date', group: 'gdpr' },
];

/** The fields by key. */
export const FIELD_BY_KEY: ReadonlyMap<string, FieldSpec> = new Map(USAGE_FIELDS.map((f) => [f.key, f]));

/** The detail fields behind each gate question (by key). */
export const GATE_DETAILS: ReadonlyMap<string, readonly string[]> = new Map(
  GATES.map((g) => [`gdpr.${g.answer}`, g.details.map((d) => `gdpr.${d}`)]),
);

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

/** The draft of a stored usage: what the inputs show when the form opens. */
export function draftOf(usage: ItSystemUsage): Draft {
  const draft: Record<string, DraftValue> = {};
  for (const f of USAGE_FIELDS) {
    const value = read(usage, f.key);
    if (f.kind === 'roles') draft[f.key] = usage.roles.map((r) => roleKey(r.roleUuid, r.userUuid));
    else if (f.kind === 'enum-set' || f.kind === 'units') draft[f.key] = Array.isArray(value) ? value.map(String) : [];
    else if (f.kind === 'date') draft[f.key] = typeof value === 'string' ? toDanishDate(value) : '';
    else if (f.kind === 'number') draft[f.key] = typeof value === 'number' && value !== 0 ? String(value) : '';
    else draft[f.key] = value === null || value === undefined ? '' : String(value);
  }
  return draft;
}

const same = (a: DraftValue | undefined, b: DraftValue | undefined): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')
    : a === b;

/** The keys whose values differ between two drafts. */
export function changedKeys(from: Draft, to: Draft): string[] {
  return USAGE_FIELDS.filter((f) => !same(from[f.key], to[f.key])).map((f) => f.key);
}

/** True when the field is shown: not behind a gate, or its gate question is answered Yes. */
export function gateOpen(draft: Draft, f: FieldSpec): boolean {
  return !f.gate || draft[f.gate] === 'Yes';
}

/** A local problem (a date the form cannot read) in the core's issue shape. */
const issue = (key: string, code: IssueCode, message: string): ValidationIssue => ({
  path: key.split('.'),
  code,
  message,
});

/** The value a draft field gives the core, or an issue when the text cannot be read. */
function inputValue(f: FieldSpec, value: DraftValue): { value: unknown } | { issue: ValidationIssue } {
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
    case 'date': {
      if (!text) return { value: null };
      const iso = fromDanishDate(text);
      return iso ? { value: iso } : { issue: issue(f.key, 'invalid-date', `${text} is not a date dd-MM-yyyy`) };
    }
    case 'number': {
      if (!text) return { value: 0 };
      return /^\d{1,6}$/.test(text)
        ? { value: Number(text) }
        : { issue: issue(f.key, 'not-a-number', `${text} is not a whole number`) };
    }
    default:
      return { value: text === '' ? null : (value as string) };
  }
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
export function patchOf(base: Draft, draft: Draft): { patch: UsagePatch; issues: ValidationIssue[] } {
  const patch: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const key of changedKeys(base, draft)) {
    const f = FIELD_BY_KEY.get(key) as FieldSpec;
    if (!gateOpen(draft, f)) continue;
    const v = inputValue(f, draft[key] as DraftValue);
    if ('issue' in v) issues.push(v.issue);
    else put(patch, key, v.value);
  }
  return { patch: patch as UsagePatch, issues };
}

/**
 * Everything wrong with the draft, by the core's rules: the patch schema, the validity period and
 * the responsible unit over the values the usage would have after the change, and dates the form
 * cannot read. The same issues the core would answer with, before anything is sent.
 */
export function validateDraft(base: Draft, draft: Draft): ValidationIssue[] {
  const { patch, issues } = patchOf(base, draft);
  const day = (key: string) => {
    const v = inputValue(FIELD_BY_KEY.get(key) as FieldSpec, draft[key] ?? '');
    return 'value' in v && typeof v.value === 'string' ? v.value : null;
  };
  issues.push(
    ...checkUsageSections(patch, {
      validFrom: day('general.validity.validFrom'),
      validTo: day('general.validity.validTo'),
      usingUnitUuids: (draft['organizationUsage.usingUnitUuids'] ?? []) as readonly string[],
      responsibleUnitUuid: (draft['organizationUsage.responsibleUnitUuid'] as string) || null,
    }),
  );
  // One message per field is enough: the first the core gives.
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = fieldKeyOf(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The form field an issue concerns: the longest field key its path starts with (an issue on a list
 * item belongs to the list), or `''` for the whole usage.
 */
export function fieldKeyOf(i: ValidationIssue): string {
  const path = i.path.map(String);
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    if (FIELD_BY_KEY.has(key)) return key;
  }
  return '';
}

/** The values of an enumeration, in the vocabulary's order. */
export function enumValues(name: EnumName): string[] {
  return Object.keys(ENUM_LABELS[name]);
}
