/**
 * The contract editor's form model: the fields of a contract it edits, grouped as KITOS groups
 * them (general, supplier, agreement period and notice, economy, roles), and validation with the
 * core's own contract schema over the values the contract would have after the change. The
 * generic parts (drafts, patches, issues at fields) are record-draft.ts's.
 */
import { CONTRACT_NAME_MAX_LENGTH, LIMITS, type ValidationIssue } from '@os2kitos/core';
import { listSpec } from './list-draft.js';
import { type Draft, draftValue, type FieldSpec, firstPerField, patchOfDraft } from './record-draft.js';
import { checkContractPatch } from './usage-validate.js';

/** The groups of the contract form, in order. */
export const CONTRACT_GROUPS = ['general', 'supplier', 'terms', 'economy', 'roles'] as const;

/** A payment stream ("betaling"), as the core's `EconomyStreamSchema` holds it. */
const PAYMENT_STREAMS = listSpec(
  [
    { key: 'organizationUnitUuid', kind: 'unit' },
    { key: 'acquisition', kind: 'amount' },
    { key: 'operation', kind: 'amount' },
    { key: 'other', kind: 'amount' },
    { key: 'accountingEntry', kind: 'text', max: LIMITS.shortText },
    { key: 'auditStatus', kind: 'enum', enumName: 'TrafficLight', initial: 'White', required: true },
    { key: 'auditDate', kind: 'date' },
    { key: 'note', kind: 'text', max: LIMITS.text },
  ],
  { id: 'uuid' },
);

/** The planned procurement: a quarter of a year, or none. */
const PROCUREMENT_PLAN = listSpec(
  [
    { key: 'quarter', kind: 'choice', values: ['1', '2', '3', '4'], required: true },
    { key: 'year', kind: 'number', required: true },
  ],
  { single: true },
);

/** Every field the contract editor shows, in order. */
export const CONTRACT_FIELDS: readonly FieldSpec[] = [
  { key: 'name', kind: 'text', group: 'general', max: CONTRACT_NAME_MAX_LENGTH, empty: '' },
  { key: 'general.contractId', kind: 'text', group: 'general', max: LIMITS.code },
  { key: 'general.contractTypeUuid', kind: 'option', group: 'general', options: 'contractTypes' },
  { key: 'general.contractTemplateUuid', kind: 'option', group: 'general', options: 'contractTemplates' },
  { key: 'general.criticalityUuid', kind: 'option', group: 'general', options: 'criticalities' },
  { key: 'general.agreementElementUuids', kind: 'option-set', group: 'general', options: 'agreementElements' },
  { key: 'responsible.organizationUnitUuid', kind: 'unit', group: 'general' },
  { key: 'general.validity.validFrom', kind: 'date', group: 'general' },
  { key: 'general.validity.validTo', kind: 'date', group: 'general' },
  { key: 'general.validity.enforcedValid', kind: 'bool', group: 'general' },
  { key: 'responsible.signed', kind: 'bool', group: 'general' },
  { key: 'responsible.signedBy', kind: 'text', group: 'general', max: LIMITS.shortText },
  { key: 'responsible.signedAt', kind: 'date', group: 'general' },
  { key: 'general.notes', kind: 'textarea', group: 'general', max: LIMITS.note },
  { key: 'supplier.organizationUuid', kind: 'organization', group: 'supplier' },
  { key: 'supplier.signed', kind: 'bool', group: 'supplier' },
  { key: 'supplier.signedBy', kind: 'text', group: 'supplier', max: LIMITS.shortText },
  { key: 'supplier.signedAt', kind: 'date', group: 'supplier' },
  { key: 'agreementPeriod.isContinuous', kind: 'bool', group: 'terms' },
  { key: 'agreementPeriod.durationYears', kind: 'number', group: 'terms', empty: null },
  { key: 'agreementPeriod.durationMonths', kind: 'number', group: 'terms', empty: null },
  { key: 'agreementPeriod.extensionOptionsUuid', kind: 'option', group: 'terms', options: 'extensionOptions' },
  { key: 'agreementPeriod.extensionOptionsUsed', kind: 'number', group: 'terms' },
  { key: 'agreementPeriod.irrevocableUntil', kind: 'date', group: 'terms' },
  { key: 'termination.terms.noticePeriodMonthsUuid', kind: 'option', group: 'terms', options: 'noticePeriods' },
  { key: 'termination.terms.noticePeriodExtendsCurrent', kind: 'enum', group: 'terms', enumName: 'YearSegment' },
  { key: 'termination.terms.noticeByEndOf', kind: 'enum', group: 'terms', enumName: 'YearSegment' },
  { key: 'termination.terminatedAt', kind: 'date', group: 'terms' },
  { key: 'procurement.purchaseTypeUuid', kind: 'option', group: 'economy', options: 'purchaseTypes' },
  { key: 'procurement.procurementStrategyUuid', kind: 'option', group: 'economy', options: 'procurementStrategies' },
  { key: 'procurement.procurementInitiated', kind: 'enum', group: 'economy', enumName: 'YesNoUndecided' },
  { key: 'procurement.procurementPlan', kind: 'list', group: 'economy', list: PROCUREMENT_PLAN },
  { key: 'paymentModel.paymentModelUuid', kind: 'option', group: 'economy', options: 'paymentModels' },
  { key: 'paymentModel.paymentFrequencyUuid', kind: 'option', group: 'economy', options: 'paymentFrequencies' },
  { key: 'paymentModel.priceRegulationUuid', kind: 'option', group: 'economy', options: 'priceRegulations' },
  { key: 'paymentModel.operationsRemunerationStartedAt', kind: 'date', group: 'economy' },
  { key: 'payments.external', kind: 'list', group: 'economy', list: PAYMENT_STREAMS },
  { key: 'payments.internal', kind: 'list', group: 'economy', list: PAYMENT_STREAMS },
  { key: 'roles', kind: 'roles', group: 'roles', options: 'roles' },
];

/**
 * Everything wrong with the draft by the core's contract schema: the patch itself, and the rules
 * across fields (the validity period, a continuous period without years and months) over the values
 * the contract would have after the change. Dates and numbers the form cannot read come first.
 */
export function validateContractDraft(base: Draft, draft: Draft): ValidationIssue[] {
  const { patch, issues } = patchOfDraft(CONTRACT_FIELDS, base, draft);
  const value = (key: string) => draftValue(CONTRACT_FIELDS, draft, key);
  issues.push(
    ...checkContractPatch(patch, {
      validFrom: value('general.validity.validFrom') as string | null,
      validTo: value('general.validity.validTo') as string | null,
      isContinuous: value('agreementPeriod.isContinuous') === true,
      durationYears: value('agreementPeriod.durationYears') as number | null,
      durationMonths: value('agreementPeriod.durationMonths') as number | null,
    }),
  );
  return firstPerField(CONTRACT_FIELDS, issues);
}
