/**
 * The usage editor's form model: which fields it edits, in which group, the draft (what the inputs
 * hold, as text), the patch a draft makes against the record it was read from, and validation with
 * the core's own schemas. Loaded only with the edit mode, so read-only embeds never carry it.
 */
import { type ItSystemUsage, LIMITS, UsageGdprGates, type ValidationIssue } from '@os2kitos/core';
import type { UsagePatch } from '../../data/client.js';
import {
  changedFieldKeys,
  type Draft,
  draftOfRecord,
  draftValue,
  type FieldSpec,
  fieldKeyIn,
  firstPerField,
  patchOfDraft,
} from './record-draft.js';
import { listSpec } from './list-draft.js';
import { checkUsageSections } from './usage-validate.js';

export {
  type Draft,
  type DraftValue,
  enumValues,
  type FieldSpec,
  fromDanishDate,
  gateOpen,
  roleKey,
  toDanishDate,
} from './record-draft.js';

const gdprGate = (answer: string, details: readonly string[]): FieldSpec[] => [
  { key: `gdpr.${answer}`, kind: 'enum', group: 'gdpr', enumName: 'YesNoDontKnow' },
  ...details.map((d) => detailSpec(d, `gdpr.${answer}`)),
];

/** A link ("Link til dokumentation"): a title and an address, or none. */
const LINK = listSpec(
  [
    { key: 'name', kind: 'text', max: 200 },
    { key: 'url', kind: 'text', max: LIMITS.url, required: true },
  ],
  { single: true },
);

/** A journal period delivered to the archive, as the core's `UsageJournalPeriodSchema` holds it. */
const JOURNAL_PERIODS = listSpec(
  [
    { key: 'startDate', kind: 'date', required: true },
    { key: 'endDate', kind: 'date', required: true },
    { key: 'archiveId', kind: 'text', max: 200 },
    { key: 'approved', kind: 'bool' },
  ],
  { id: 'uuid' },
);

function detailSpec(field: string, gate: string): FieldSpec {
  const key = `gdpr.${field}`;
  if (field.endsWith('Documentation')) return { key, kind: 'list', group: 'gdpr', list: LINK, gate };
  if (field.endsWith('Date')) return { key, kind: 'date', group: 'gdpr', gate };
  if (field === 'riskAssessmentResult') return { key, kind: 'enum', group: 'gdpr', enumName: 'GdprRiskLevel', gate };
  if (field === 'riskAssessmentNotes') return { key, kind: 'textarea', group: 'gdpr', max: 10_000, gate };
  if (field === 'technicalPrecautionsApplied')
    return { key, kind: 'enum-set', group: 'gdpr', enumName: 'TechnicalPrecaution', gate };
  if (field === 'dataRetentionEvaluationFrequencyInMonths') return { key, kind: 'number', group: 'gdpr', gate };
  return { key, kind: 'text', group: 'gdpr', gate };
}

// The gate table is the core's: a gate added there reaches the form without a change here.
const GATES = UsageGdprGates.map((g) => ({ answer: g.answer as string, details: g.details as readonly string[] }));

/** The groups of the usage form, in order. */
export const USAGE_GROUPS = ['general', 'organisation', 'roles', 'gdpr', 'archiving'] as const;

/** Every field the editor shows, in order. */
export const USAGE_FIELDS: readonly FieldSpec[] = [
  { key: 'general.localCallName', kind: 'text', group: 'general', max: 100 },
  { key: 'general.localSystemId', kind: 'text', group: 'general', max: 200 },
  { key: 'general.systemVersion', kind: 'text', group: 'general', max: 100 },
  { key: 'general.dataClassificationUuid', kind: 'option', group: 'general', options: 'dataClassifications' },
  { key: 'general.numberOfExpectedUsers', kind: 'enum', group: 'general', enumName: 'UsageUserCount' },
  { key: 'general.validity.lifeCycleStatus', kind: 'enum', group: 'general', enumName: 'LifeCycleStatus' },
  { key: 'general.validity.validFrom', kind: 'date', group: 'general' },
  { key: 'general.validity.validTo', kind: 'date', group: 'general' },
  { key: 'general.containsAITechnology', kind: 'enum', group: 'general', enumName: 'YesNoUndecided' },
  { key: 'general.webAccessibility.compliance', kind: 'enum', group: 'general', enumName: 'YesNoPartially' },
  { key: 'general.webAccessibility.lastCheck', kind: 'date', group: 'general' },
  { key: 'general.webAccessibility.notes', kind: 'textarea', group: 'general', max: LIMITS.note },
  { key: 'general.notes', kind: 'textarea', group: 'general', max: 10_000 },
  { key: 'organizationUsage.usingUnitUuids', kind: 'units', group: 'organisation' },
  {
    key: 'organizationUsage.responsibleUnitUuid',
    kind: 'unit',
    group: 'organisation',
    unitsFrom: 'organizationUsage.usingUnitUuids',
  },
  { key: 'roles', kind: 'roles', group: 'roles', options: 'roles' },
  { key: 'gdpr.purpose', kind: 'textarea', group: 'gdpr', max: 10_000 },
  { key: 'gdpr.businessCritical', kind: 'enum', group: 'gdpr', enumName: 'YesNoDontKnow' },
  { key: 'gdpr.hostedAt', kind: 'enum', group: 'gdpr', enumName: 'UsageHostedAt' },
  { key: 'gdpr.directoryDocumentation', kind: 'list', group: 'gdpr', list: LINK },
  { key: 'gdpr.dataSensitivityLevels', kind: 'enum-set', group: 'gdpr', enumName: 'SensitiveDataLevel' },
  {
    key: 'gdpr.specificPersonalData',
    kind: 'enum-set',
    group: 'gdpr',
    enumName: 'PersonalDataOption',
    gate: 'gdpr.dataSensitivityLevels',
    gateValue: 'PersonalData',
  },
  {
    key: 'gdpr.sensitivePersonDataUuids',
    kind: 'option-set',
    group: 'gdpr',
    options: 'sensitivePersonalData',
  },
  {
    key: 'gdpr.registeredDataCategoryUuids',
    kind: 'option-set',
    group: 'gdpr',
    options: 'registeredDataCategories',
  },
  ...GATES.flatMap((g) => gdprGate(g.answer, g.details)),
  { key: 'gdpr.plannedRiskAssessmentDate', kind: 'date', group: 'gdpr' },
  { key: 'archiving.archiveDuty', kind: 'enum', group: 'archiving', enumName: 'UsageArchiveDuty' },
  { key: 'archiving.typeUuid', kind: 'option', group: 'archiving', options: 'archiveTypes' },
  { key: 'archiving.locationUuid', kind: 'option', group: 'archiving', options: 'archiveLocations' },
  { key: 'archiving.testLocationUuid', kind: 'option', group: 'archiving', options: 'archiveTestLocations' },
  { key: 'archiving.supplierOrganizationUuid', kind: 'organization', group: 'archiving' },
  { key: 'archiving.active', kind: 'yes-no', group: 'archiving' },
  { key: 'archiving.documentBearing', kind: 'yes-no', group: 'archiving' },
  { key: 'archiving.frequencyInMonths', kind: 'number', group: 'archiving', empty: null },
  { key: 'archiving.notes', kind: 'textarea', group: 'archiving', max: LIMITS.note },
  { key: 'archiving.journalPeriods', kind: 'list', group: 'archiving', list: JOURNAL_PERIODS },
];

/** The fields by key. */
export const FIELD_BY_KEY: ReadonlyMap<string, FieldSpec> = new Map(USAGE_FIELDS.map((f) => [f.key, f]));

/** The detail fields behind each gate question (by key). */
export const GATE_DETAILS: ReadonlyMap<string, readonly string[]> = new Map([
  ...GATES.map((g): [string, string[]] => [`gdpr.${g.answer}`, g.details.map((d) => `gdpr.${d}`)]),
  ['gdpr.dataSensitivityLevels', ['gdpr.specificPersonalData']],
]);

/** The draft of a stored usage: what the inputs show when the form opens. */
export const draftOf = (usage: ItSystemUsage): Draft => draftOfRecord(USAGE_FIELDS, usage);

/** The keys whose values differ between two drafts. */
export const changedKeys = (from: Draft, to: Draft): string[] => changedFieldKeys(USAGE_FIELDS, from, to);

/** The patch the draft makes against `base` (see `patchOfDraft`). */
export function patchOf(base: Draft, draft: Draft): { patch: UsagePatch; issues: ValidationIssue[] } {
  const { patch, issues } = patchOfDraft(USAGE_FIELDS, base, draft);
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
    const v = draftValue(USAGE_FIELDS, draft, key);
    return typeof v === 'string' ? v : null;
  };
  issues.push(
    ...checkUsageSections(patch, {
      validFrom: day('general.validity.validFrom'),
      validTo: day('general.validity.validTo'),
      usingUnitUuids: (draft['organizationUsage.usingUnitUuids'] ?? []) as readonly string[],
      responsibleUnitUuid: (draft['organizationUsage.responsibleUnitUuid'] as string) || null,
    }),
  );
  return firstPerField(USAGE_FIELDS, issues);
}

/**
 * The form field an issue concerns: the longest field key its path starts with (an issue on a list
 * item belongs to the list), or `''` for the whole usage.
 */
export const fieldKeyOf = (i: ValidationIssue): string => fieldKeyIn(USAGE_FIELDS, i);
