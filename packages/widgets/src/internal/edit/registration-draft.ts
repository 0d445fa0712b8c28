/**
 * The registration editor's form model: the fields of a data processing registration it edits,
 * grouped as KITOS groups them (general, processors, oversight, roles), the gate of the insecure
 * countries, and validation with the core's own registration schema. The generic parts (drafts,
 * patches, issues at fields) are record-draft.ts's.
 */
import { LIMITS, type ValidationIssue } from '@os2kitos/core';
import { listSpec } from './list-draft.js';
import { type Draft, type FieldSpec, firstPerField, patchOfDraft } from './record-draft.js';
import { checkRegistrationPatch } from './usage-validate.js';

/** The groups of the registration form, in order. */
export const REGISTRATION_GROUPS = ['general', 'processors', 'oversight', 'roles'] as const;

const TRANSFER = 'general.transferToInsecureThirdCountries';
const HAS_SUBS = 'general.hasSubDataProcessors';
const COMPLETED = 'oversight.isOversightCompleted';

/** A sub-processor, as the core's `SubDataProcessorSchema` holds it (its country behind its own gate). */
const SUB_PROCESSORS = listSpec([
  { key: 'organizationUuid', kind: 'organization', required: true },
  { key: 'basisForTransferUuid', kind: 'option', options: 'basisForTransfer' },
  { key: 'transferToInsecureCountry', kind: 'enum', enumName: 'YesNoUndecided' },
  { key: 'insecureCountryUuid', kind: 'option', options: 'countries', gate: 'transferToInsecureCountry' },
]);

/** A completed oversight: its day and a remark. */
const OVERSIGHT_DATES = listSpec(
  [
    { key: 'date', kind: 'date', required: true },
    { key: 'remark', kind: 'text', max: LIMITS.text },
  ],
  { id: 'uuid' },
);

/** Every field the registration editor shows, in order. */
export const REGISTRATION_FIELDS: readonly FieldSpec[] = [
  { key: 'name', kind: 'text', group: 'general', max: 200, empty: '' },
  { key: 'general.dataResponsibleUuid', kind: 'option', group: 'general', options: 'dataResponsibles' },
  { key: 'general.dataResponsibleRemark', kind: 'text', group: 'general', max: LIMITS.text },
  { key: 'general.isAgreementConcluded', kind: 'enum', group: 'general', enumName: 'YesNoIrrelevant' },
  { key: 'general.agreementConcludedAt', kind: 'date', group: 'general' },
  { key: 'general.agreementConcludedRemark', kind: 'text', group: 'general', max: LIMITS.text },
  { key: 'general.responsibleUnitUuid', kind: 'unit', group: 'general' },
  { key: 'general.dataProcessorUuids', kind: 'organization-set', group: 'processors' },
  { key: 'general.basisForTransferUuid', kind: 'option', group: 'processors', options: 'basisForTransfer' },
  { key: TRANSFER, kind: 'enum', group: 'processors', enumName: 'YesNoUndecided' },
  {
    key: 'general.insecureCountryUuids',
    kind: 'option-set',
    group: 'processors',
    options: 'countries',
    gate: TRANSFER,
  },
  { key: HAS_SUBS, kind: 'enum', group: 'processors', enumName: 'YesNoUndecided' },
  { key: 'general.subDataProcessors', kind: 'list', group: 'processors', list: SUB_PROCESSORS, gate: HAS_SUBS },
  { key: 'oversight.oversightOptionUuids', kind: 'option-set', group: 'oversight', options: 'oversightOptions' },
  { key: 'oversight.oversightOptionsRemark', kind: 'text', group: 'oversight', max: LIMITS.text },
  { key: 'oversight.oversightInterval', kind: 'enum', group: 'oversight', enumName: 'OversightInterval' },
  { key: 'oversight.oversightIntervalRemark', kind: 'text', group: 'oversight', max: LIMITS.text },
  { key: COMPLETED, kind: 'enum', group: 'oversight', enumName: 'YesNoUndecided' },
  { key: 'oversight.oversightDates', kind: 'list', group: 'oversight', list: OVERSIGHT_DATES, gate: COMPLETED },
  { key: 'oversight.oversightCompletedRemark', kind: 'text', group: 'oversight', max: LIMITS.text },
  { key: 'oversight.scheduledInspectionDate', kind: 'date', group: 'oversight' },
  { key: 'roles', kind: 'roles', group: 'roles', options: 'roles' },
];

/** The gate question of the registration form and the details it opens (the core's gate). */
export const REGISTRATION_GATES: ReadonlyMap<string, readonly string[]> = new Map([
  [TRANSFER, ['general.insecureCountryUuids']],
  [HAS_SUBS, ['general.subDataProcessors']],
  [COMPLETED, ['oversight.oversightDates']],
]);

/** Everything wrong with the draft by the core's registration schema, before anything is sent. */
export function validateRegistrationDraft(base: Draft, draft: Draft): ValidationIssue[] {
  const { patch, issues } = patchOfDraft(REGISTRATION_FIELDS, base, draft);
  issues.push(...checkRegistrationPatch(patch));
  return firstPerField(REGISTRATION_FIELDS, issues);
}
