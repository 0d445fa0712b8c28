/**
 * The project editor's form model: the fields of a project it edits, grouped as KITOS's project
 * module grouped them (general; phases and status; links), and validation with the core's own
 * project patch schema. A project's phases and reported status are replaced whole by a patch (the
 * core's `ProjectPatchSchema`), so the patch a draft makes carries all five phases when any phase
 * field changed, and the whole status when the traffic light or its note changed. The generic parts
 * (drafts, patches, issues at fields) are record-draft.ts's.
 */
import { LIMITS, PROJECT_NAME_MAX_LENGTH, type ValidationIssue } from '@os2kitos/core';
import { type Draft, draftValue, type FieldSpec, firstPerField, patchOfDraft } from './record-draft.js';
import { checkProjectPatch } from './usage-validate.js';

/** The groups of the project form, in order. */
export const PROJECT_GROUPS = ['general', 'phases', 'links'] as const;

/** The five phases' indexes, as the record's `phases` tuple has them. */
const PHASES = [0, 1, 2, 3, 4] as const;

/** Every field the project editor shows, in order. */
export const PROJECT_FIELDS: readonly FieldSpec[] = [
  { key: 'name', kind: 'text', group: 'general', max: PROJECT_NAME_MAX_LENGTH, empty: '' },
  { key: 'type', kind: 'option', group: 'general', options: 'projectTypes' },
  { key: 'projectId', kind: 'text', group: 'general', max: 100 },
  { key: 'priority', kind: 'enum', group: 'general', enumName: 'ProjectPriority' },
  { key: 'isStrategic', kind: 'bool', group: 'general' },
  { key: 'isTransversal', kind: 'bool', group: 'general' },
  { key: 'isArchived', kind: 'bool', group: 'general' },
  { key: 'description', kind: 'textarea', group: 'general', max: LIMITS.note },
  { key: 'background', kind: 'textarea', group: 'general', max: LIMITS.note },
  { key: 'note', kind: 'textarea', group: 'general', max: LIMITS.note },
  { key: 'currentPhase', kind: 'option', group: 'phases', options: 'phases' },
  { key: 'status.trafficLight', kind: 'enum', group: 'phases', enumName: 'TrafficLight' },
  { key: 'status.note', kind: 'textarea', group: 'phases', max: LIMITS.note },
  ...PHASES.flatMap((i): FieldSpec[] => [
    { key: `phases.${i}.name`, kind: 'text', group: 'phases', max: 100, empty: '' },
    { key: `phases.${i}.startDate`, kind: 'date', group: 'phases' },
    { key: `phases.${i}.endDate`, kind: 'date', group: 'phases' },
  ]),
  { key: 'parentProjectUuid', kind: 'option', group: 'links', options: 'projects' },
  { key: 'responsibleUnitUuid', kind: 'unit', group: 'links' },
  { key: 'usingUnitUuids', kind: 'units', group: 'links' },
  { key: 'systemUsageUuids', kind: 'option-set', group: 'links', options: 'usages' },
  { key: 'contractUuids', kind: 'option-set', group: 'links', options: 'contracts' },
];

/** A field's value in the draft as the core takes it (unreadable text was reported by `patchOfDraft`). */
const valueIn = (draft: Draft, key: string): unknown => draftValue(PROJECT_FIELDS, draft, key);

/**
 * The patch the draft makes against `base`, in the shape of the core's `ProjectPatchSchema`: the
 * changed fields, the current phase as a number, all five phases when one of them changed, and the
 * whole status (set now) when it changed. Dates the form cannot read are issues instead.
 *
 * @example
 * ```ts
 * projectPatchOfDraft(base, { ...base, 'phases.1.endDate': '31-03-2026' }).patch.phases?.[1]; // { name, startDate, endDate: '2026-03-31' }
 * ```
 */
export function projectPatchOfDraft(
  base: Draft,
  draft: Draft,
  now: () => string = () => new Date().toISOString(),
): { patch: Record<string, unknown>; issues: ValidationIssue[] } {
  const { patch, issues } = patchOfDraft(PROJECT_FIELDS, base, draft);
  const out: Record<string, unknown> = { ...patch };
  if ('currentPhase' in out) out.currentPhase = out.currentPhase === null ? null : Number(out.currentPhase);
  if ('phases' in out)
    out.phases = PHASES.map((i) => ({
      name: valueIn(draft, `phases.${i}.name`),
      startDate: valueIn(draft, `phases.${i}.startDate`),
      endDate: valueIn(draft, `phases.${i}.endDate`),
    }));
  if ('status' in out)
    out.status = {
      trafficLight: valueIn(draft, 'status.trafficLight'),
      note: valueIn(draft, 'status.note'),
      updatedAt: now(),
    };
  return { patch: out, issues };
}

/** Everything wrong with the draft by the core's project schema, before anything is sent. */
export function validateProjectDraft(base: Draft, draft: Draft): ValidationIssue[] {
  const { patch, issues } = projectPatchOfDraft(base, draft);
  issues.push(...checkProjectPatch(patch));
  return firstPerField(PROJECT_FIELDS, issues);
}
