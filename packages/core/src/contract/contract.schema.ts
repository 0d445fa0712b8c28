/**
 * IT contracts ("IT-kontrakter", KITOS `ItContract`): the agreements an organisation bought its
 * systems on, with their validity, procurement, supplier, payment model, agreement period, notice
 * terms, termination and payments. Field groups mirror KITOS API v2 (`general`, `procurement`,
 * `supplier`, `responsible`, `paymentModel`, `agreementPeriod`, `termination`, `payments`).
 *
 * Options (contract type, template, criticality, …) are referenced by the uuid of the option; the
 * options module decides which ones are available in an organisation.
 *
 * @module
 */
import { ExternalReferencesSchema } from '../organisation/external-reference.schema.js';
import { z } from 'zod';
import {
  EntityMetaSchema,
  IsoDateSchema,
  UuidSchema,
  YearSegment,
  YesNoUndecided,
  nameSchema,
} from '../shared/index.js';
import { RoleAssignmentSchema } from '../organisation/role-assignment.schema.js';
import { ContractPaymentsSchema } from './economy.schema.js';
import { boundedText, distinctList, LIMITS } from '../shared/limits.js';

/** A role assignment on a contract: which role, held by which user. */
export const ContractRoleAssignmentSchema = RoleAssignmentSchema.pick({ roleUuid: true, userUuid: true }).strict();
/** A role assignment on a contract. */
export type ContractRoleAssignment = z.infer<typeof ContractRoleAssignmentSchema>;

/** Longest contract name KITOS accepts (`ItContractConstraints.MaxNameLength`). */
export const CONTRACT_NAME_MAX_LENGTH = 200;

/** A list of uuids in which no uuid appears twice (compared case-insensitively). */
function uniqueUuidList(max: number = LIMITS.references) {
  return distinctList(UuidSchema, { max });
}

/**
 * Validity settings (`general.validity`). `validFrom`/`validTo` are inclusive calendar days;
 * `enforcedValid` makes the contract valid whatever the dates say; `requireValidParent` lets the
 * contract take its validity from its parent and is only allowed while a parent is set.
 */
export const ContractValiditySettingsSchema = z.strictObject({
  enforcedValid: z.boolean(),
  validFrom: IsoDateSchema.nullable(),
  validTo: IsoDateSchema.nullable(),
  requireValidParent: z.boolean(),
});
/** Validity settings of a contract. */
export type ContractValiditySettings = z.infer<typeof ContractValiditySettingsSchema>;

/** General contract data (`general`). */
export const ContractGeneralSchema = z.strictObject({
  /** The organisation's own contract number. */
  contractId: boundedText(LIMITS.code).nullable(),
  contractTypeUuid: UuidSchema.nullable(),
  contractTemplateUuid: UuidSchema.nullable(),
  /** Agreement elements (Licens, Drift, Support, …); no duplicates. */
  agreementElementUuids: uniqueUuidList(LIMITS.options),
  notes: boundedText(LIMITS.note).nullable(),
  criticalityUuid: UuidSchema.nullable(),
  validity: ContractValiditySettingsSchema,
});
/** General contract data. */
export type ContractGeneral = z.infer<typeof ContractGeneralSchema>;

/** A planned procurement ("genanskaffelsesplan"): a quarter (1–4) of a year. */
export const ContractProcurementPlanSchema = z.strictObject({
  quarter: z
    .int()
    .min(1, { message: 'quarter must be 1, 2, 3 or 4' })
    .max(4, { message: 'quarter must be 1, 2, 3 or 4' }),
  year: z.int().min(1000).max(9999),
});
/** A planned procurement quarter. */
export type ContractProcurementPlan = z.infer<typeof ContractProcurementPlanSchema>;

/** Procurement data (`procurement`). */
export const ContractProcurementSchema = z.strictObject({
  purchaseTypeUuid: UuidSchema.nullable(),
  procurementStrategyUuid: UuidSchema.nullable(),
  procurementPlan: ContractProcurementPlanSchema.nullable(),
  /** `Undecided` when not given or cleared (`null`), as in KITOS: there is no "no answer". */
  procurementInitiated: YesNoUndecided.schema.nullable().transform((v): YesNoUndecided => v ?? 'Undecided'),
});
/** Procurement data. */
export type ContractProcurement = z.infer<typeof ContractProcurementSchema>;

/** The supplier side (`supplier`). The supplier may be any organisation, also another municipality. */
export const ContractSupplierSchema = z.strictObject({
  organizationUuid: UuidSchema.nullable(),
  signed: z.boolean(),
  signedBy: boundedText(LIMITS.shortText).nullable(),
  signedAt: IsoDateSchema.nullable(),
});
/** The supplier side of a contract. */
export type ContractSupplier = z.infer<typeof ContractSupplierSchema>;

/** The customer side (`responsible`): a unit of the contract's own organisation and its signature. */
export const ContractResponsibleSchema = z.strictObject({
  organizationUnitUuid: UuidSchema.nullable(),
  signed: z.boolean(),
  signedBy: boundedText(LIMITS.shortText).nullable(),
  signedAt: IsoDateSchema.nullable(),
});
/** The customer side of a contract. */
export type ContractResponsible = z.infer<typeof ContractResponsibleSchema>;

/** Payment model (`paymentModel`). */
export const ContractPaymentModelSchema = z.strictObject({
  operationsRemunerationStartedAt: IsoDateSchema.nullable(),
  paymentFrequencyUuid: UuidSchema.nullable(),
  paymentModelUuid: UuidSchema.nullable(),
  priceRegulationUuid: UuidSchema.nullable(),
});
/** Payment model of a contract. */
export type ContractPaymentModel = z.infer<typeof ContractPaymentModelSchema>;

/**
 * Agreement period (`agreementPeriod`): a duration of years (≥ 0) and months (0–11), or
 * continuous ("løbende", which excludes years and months); the extension option (an option whose
 * name reads like "2 x 1 år") and how many extensions were used; and the irrevocable-until date.
 */
export const ContractAgreementPeriodSchema = z.strictObject({
  durationYears: z.int().min(0).max(999).nullable(),
  durationMonths: z.int().min(0).max(11).nullable(),
  isContinuous: z.boolean(),
  extensionOptionsUuid: UuidSchema.nullable(),
  extensionOptionsUsed: z.int().min(0).max(999),
  irrevocableUntil: IsoDateSchema.nullable(),
});
/** Agreement period of a contract. */
export type ContractAgreementPeriod = z.infer<typeof ContractAgreementPeriodSchema>;

/**
 * Notice terms (`termination.terms`): the notice-period option (whose name is a number of months),
 * `noticePeriodExtendsCurrent` ("løbende": the notice starts at the end of the current month,
 * quarter or year) and `noticeByEndOf` (the termination takes effect only at the end of one).
 */
export const ContractTerminationTermsSchema = z.strictObject({
  noticePeriodMonthsUuid: UuidSchema.nullable(),
  noticePeriodExtendsCurrent: YearSegment.schema.nullable(),
  noticeByEndOf: YearSegment.schema.nullable(),
});
/** Notice terms of a contract. */
export type ContractTerminationTerms = z.infer<typeof ContractTerminationTermsSchema>;

/** Termination (`termination`): the day notice was given ("opsagt") and the notice terms. */
export const ContractTerminationSchema = z.strictObject({
  terminatedAt: IsoDateSchema.nullable(),
  terms: ContractTerminationTermsSchema,
});
/** Termination data of a contract. */
export type ContractTermination = z.infer<typeof ContractTerminationSchema>;

/** The editable fields of a contract, without stored metadata and without cross-field checks. */
export const ContractFieldsSchema = z.strictObject({
  name: nameSchema(CONTRACT_NAME_MAX_LENGTH),
  general: ContractGeneralSchema,
  /** Parent contract in the same organisation, never the contract itself or one of its descendants. */
  parentContractUuid: UuidSchema.nullable(),
  procurement: ContractProcurementSchema,
  supplier: ContractSupplierSchema,
  responsible: ContractResponsibleSchema,
  /** Usages of the same organisation covered by the contract; no duplicates. */
  systemUsageUuids: uniqueUuidList(),
  /** Data processing registrations of the same organisation; no duplicates. */
  dataProcessingRegistrationUuids: uniqueUuidList(),
  paymentModel: ContractPaymentModelSchema,
  agreementPeriod: ContractAgreementPeriodSchema,
  termination: ContractTerminationSchema,
  payments: ContractPaymentsSchema,
  /**
   * Role assignments (KITOS `ItContractRight`: Kontraktejer, Kontraktmanager, …): a role option of
   * the contract role type, available in the organisation, held by a member of it; a role with
   * write access lets its holder edit the contract.
   */
  roles: distinctList(ContractRoleAssignmentSchema, {
    max: LIMITS.items,
    key: (r) => `${r.roleUuid}/${r.userUuid}`.toLowerCase(),
    what: 'a role assignment',
  }),
  /** Titled links and document ids (the contract PDF, the tender); at most one master reference. */
  externalReferences: ExternalReferencesSchema,
});
/** The editable fields of a contract. */
export type ContractFields = z.infer<typeof ContractFieldsSchema>;

/**
 * Every group made partial one level down, so a patch or create input can set `general.notes`
 * without repeating the rest of `general` (KITOS API v2 PATCH is presence-based per property).
 */
const PartialGroupsSchema = ContractFieldsSchema.extend({
  general: ContractGeneralSchema.extend({ validity: ContractValiditySettingsSchema.partial() }).partial(),
  procurement: ContractProcurementSchema.partial(),
  supplier: ContractSupplierSchema.partial(),
  responsible: ContractResponsibleSchema.partial(),
  paymentModel: ContractPaymentModelSchema.partial(),
  agreementPeriod: ContractAgreementPeriodSchema.partial(),
  termination: ContractTerminationSchema.extend({ terms: ContractTerminationTermsSchema.partial() }).partial(),
  payments: ContractPaymentsSchema.partial(),
}).partial();

/** The loosest shape the cross-field checks read: any group or field may be missing. */
type ContractFieldsInput = z.infer<typeof PartialGroupsSchema> & { uuid?: string };

/** A custom issue with the library's stable code in `params.code`. */
function addIssue(ctx: z.RefinementCtx, path: (string | number)[], code: string, message: string): void {
  ctx.addIssue({ code: 'custom', path, message, params: { code } });
}

/**
 * Cross-field checks shared by the stored, create and patch schemas. In `whole` mode a missing
 * field means "empty" (stored record, new contract); in `patch` mode it means "unchanged", so a
 * rule is only checked when the patch itself carries every field the rule reads. A service must
 * therefore re-parse the merged record with {@link ContractSchema} after applying a patch.
 */
function checkContractFields(mode: 'whole' | 'patch') {
  return (value: ContractFieldsInput, ctx: z.RefinementCtx): void => {
    const validity = value.general?.validity;
    if (validity?.validFrom && validity.validTo && validity.validFrom > validity.validTo) {
      addIssue(ctx, ['general', 'validity', 'validTo'], 'invalid-period', 'validTo must be on or after validFrom');
    }
    const parentKnown = mode === 'whole' || value.parentContractUuid !== undefined;
    if (validity?.requireValidParent === true && parentKnown && !value.parentContractUuid) {
      addIssue(
        ctx,
        ['general', 'validity', 'requireValidParent'],
        'gate-closed',
        'requireValidParent is only allowed when the contract has a parent contract',
      );
    }
    if (value.uuid && value.parentContractUuid && value.uuid.toLowerCase() === value.parentContractUuid.toLowerCase()) {
      addIssue(ctx, ['parentContractUuid'], 'cycle', 'a contract cannot be its own parent');
    }
    const period = value.agreementPeriod;
    if (period?.isContinuous === true) {
      for (const key of ['durationYears', 'durationMonths'] as const) {
        if (period[key] !== undefined && period[key] !== null) {
          addIssue(ctx, ['agreementPeriod', key], 'gate-closed', `${key} must be empty when the period is continuous`);
        }
      }
    }
    const seen = new Set<string>();
    for (const list of ['external', 'internal'] as const) {
      value.payments?.[list]?.forEach((stream, index) => {
        const key = stream.uuid.toLowerCase();
        if (seen.has(key))
          addIssue(ctx, ['payments', list, index, 'uuid'], 'duplicate', `duplicate uuid ${stream.uuid}`);
        seen.add(key);
      });
    }
  };
}

/**
 * A stored contract: metadata, the owning organisation and every field group, with the
 * cross-field rules (validFrom ≤ validTo, requireValidParent only with a parent, continuous
 * excludes years/months, unique uuids).
 *
 * @example
 * ```ts
 * const contract = parse(ContractSchema, json, 'contract');
 * contract.general.validity.validTo; // '2027-12-31' or null
 * ```
 */
export const ContractSchema = EntityMetaSchema.extend({ organizationUuid: UuidSchema })
  .extend(ContractFieldsSchema.shape)
  // Contracts stored before roles and references existed read as having none.
  .extend({
    roles: ContractFieldsSchema.shape.roles.default([]),
    externalReferences: ExternalReferencesSchema.default([]),
  })
  .superRefine(checkContractFields('whole'));
/** A stored contract. */
export type Contract = z.infer<typeof ContractSchema>;

/**
 * Input for creating a contract: `organizationUuid` and `name` are required (as in KITOS API v2);
 * every group and every field inside a group is optional and defaults to empty.
 *
 * @example
 * ```ts
 * parse(ContractCreateSchema, { organizationUuid, name: 'Driftsaftale ESDH' }, 'contract');
 * ```
 */
export const ContractCreateSchema = PartialGroupsSchema.extend({
  // A caller-supplied uuid (an import from KITOS keeps KITOS's); an existing one is refused.
  uuid: UuidSchema.optional(),
  organizationUuid: UuidSchema,
  name: ContractFieldsSchema.shape.name,
}).superRefine(checkContractFields('whole'));
/** Input for creating a contract. */
export type ContractCreate = z.infer<typeof ContractCreateSchema>;

/**
 * A change to a contract: only the fields present change (also inside a group), `null` clears a
 * field, and a list replaces the whole list.
 *
 * @example
 * ```ts
 * parse(ContractPatchSchema, { general: { notes: 'Genforhandles 2026' } }, 'contract');
 * ```
 */
export const ContractPatchSchema = PartialGroupsSchema.superRefine(checkContractFields('patch'));
/** A change to a contract. */
export type ContractPatch = z.infer<typeof ContractPatchSchema>;
