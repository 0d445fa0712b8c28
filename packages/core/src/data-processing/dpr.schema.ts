/**
 * The data processing registration ("databehandling"): the GDPR agreement behind one or more
 * usages, with its processors and sub-processors, transfers to insecure third countries, oversight
 * and linked contracts.
 *
 * Like the usage's GDPR section, it has gates: the conclusion date needs an agreement answered
 * `Yes`, insecure countries need a transfer answered `Yes`, sub-processors need
 * `hasSubDataProcessors` = `Yes`, a sub-processor's country needs its own transfer answered `Yes`,
 * and oversight dates need the oversight answered as completed. Details behind a closed gate are
 * rejected with the code `gate-closed`.
 *
 * @module
 */
import { z } from 'zod';
import {
  EntityMetaSchema,
  type EnumValue,
  IsoDateSchema,
  kitosEnum,
  nameSchema,
  UuidSchema,
  YesNoIrrelevant,
  YesNoUndecided,
} from '../shared/index.js';
import { ExternalReferencesSchema } from '../organisation/external-reference.schema.js';
import { RoleAssignmentSchema } from '../organisation/role-assignment.schema.js';
import { usagePatchOf as patchOf } from '../usage/schema-helpers.js';
import {
  findDprGeneralGateBreaches,
  findDprOversightGateBreaches,
  findSubDataProcessorGateBreach,
} from './dpr-gates.js';
import { boundedText, distinctList, LIMITS } from '../shared/limits.js';

/**
 * KITOS `YearMonthIntervalOption` (how often oversight happens): HalfYearly=0, Yearly=1,
 * EverySecondYear=2, Other=3, Undecided=4.
 */
export const OversightInterval = kitosEnum({ HalfYearly: 0, Yearly: 1, EverySecondYear: 2, Other: 3, Undecided: 4 });
/** How often oversight of the processor happens. */
export type OversightInterval = EnumValue<typeof OversightInterval>;

const uuids = (max: number = LIMITS.references) => distinctList(UuidSchema, { max }).default([]);
const text = (max: number = LIMITS.text) => boundedText(max).nullable().default(null);

/**
 * A sub-processor: any organisation, with its own basis for transfer and, only when its transfer
 * to an insecure country is answered `Yes`, that country (`gate-closed` otherwise).
 */
export const SubDataProcessorSchema = z
  .strictObject({
    organizationUuid: UuidSchema,
    /** Basis for transfer option. */
    basisForTransferUuid: UuidSchema.nullable().default(null),
    transferToInsecureCountry: YesNoUndecided.schema.nullable().default(null),
    /** Country option; only when `transferToInsecureCountry` is `Yes`. */
    insecureCountryUuid: UuidSchema.nullable().default(null),
  })
  .superRefine((sub, ctx) => {
    const breach = findSubDataProcessorGateBreach(sub);
    if (breach)
      ctx.addIssue({ code: 'custom', path: breach.path, message: breach.message, params: { code: 'gate-closed' } });
  });
/** A sub-processor. */
export type SubDataProcessor = z.infer<typeof SubDataProcessorSchema>;

const dprGeneralObject = z.strictObject({
  /** Data responsible option. */
  dataResponsibleUuid: UuidSchema.nullable().default(null),
  dataResponsibleRemark: text(),
  isAgreementConcluded: YesNoIrrelevant.schema.nullable().default(null),
  /** Not gated (as in KITOS); cleared when `isAgreementConcluded` changes from `Yes` to anything else. */
  agreementConcludedAt: IsoDateSchema.nullable().default(null),
  agreementConcludedRemark: text(),
  /** Basis for transfer option. */
  basisForTransferUuid: UuidSchema.nullable().default(null),
  transferToInsecureThirdCountries: YesNoUndecided.schema.nullable().default(null),
  /** Country options; only when `transferToInsecureThirdCountries` is `Yes`. */
  insecureCountryUuids: uuids(),
  /** Data processors: any organisations. */
  dataProcessorUuids: uuids(),
  hasSubDataProcessors: YesNoUndecided.schema.nullable().default(null),
  /** Only when `hasSubDataProcessors` is `Yes`; one entry per organisation. */
  subDataProcessors: distinctList(SubDataProcessorSchema, {
    max: LIMITS.items,
    key: (s) => s.organizationUuid.toLowerCase(),
  }).default([]),
  /** Must be one of the registration's `contractUuids`. */
  mainContractUuid: UuidSchema.nullable().default(null),
  /** A unit of the registration's organisation. */
  responsibleUnitUuid: UuidSchema.nullable().default(null),
});

/** Adds one `gate-closed` issue per breach found by `find`. */
function gateRefinement<T>(find: (value: T) => { path: (string | number)[]; message: string }[]) {
  return (value: T, ctx: z.RefinementCtx) => {
    for (const b of find(value)) {
      ctx.addIssue({ code: 'custom', path: b.path, message: b.message, params: { code: 'gate-closed' } });
    }
  };
}

/**
 * The general section of a registration (`general.*` in KITOS API v2), with its gates.
 *
 * @example
 * ```ts
 * DprGeneralSchema.parse({ transferToInsecureThirdCountries: 'Yes', insecureCountryUuids: [country] }); // ok
 * DprGeneralSchema.safeParse({ transferToInsecureThirdCountries: 'No', insecureCountryUuids: [country] }).success; // false
 * ```
 */
export const DprGeneralSchema = dprGeneralObject.superRefine(gateRefinement(findDprGeneralGateBreaches));
/** The general section of a registration. */
export type DprGeneral = z.infer<typeof DprGeneralSchema>;

/** One completed oversight ("tilsyn") of the processor. */
export const DprOversightDateSchema = z.strictObject({
  uuid: UuidSchema,
  date: IsoDateSchema,
  remark: text(),
});
/** One completed oversight. */
export type DprOversightDate = z.infer<typeof DprOversightDateSchema>;

const dprOversightObject = z.strictObject({
  /** Oversight option uuids (how oversight is done). */
  oversightOptionUuids: uuids(),
  oversightOptionsRemark: text(),
  oversightInterval: OversightInterval.schema.nullable().default(null),
  oversightIntervalRemark: text(),
  isOversightCompleted: YesNoUndecided.schema.nullable().default(null),
  oversightCompletedRemark: text(),
  /** Only when `isOversightCompleted` is `Yes`. */
  oversightDates: distinctList(DprOversightDateSchema, { max: LIMITS.items, key: (d) => d.uuid.toLowerCase() }).default(
    [],
  ),
  scheduledInspectionDate: IsoDateSchema.nullable().default(null),
});

/** The oversight section of a registration (`oversight.*` in KITOS API v2), with its gate. */
export const DprOversightSchema = dprOversightObject.superRefine(gateRefinement(findDprOversightGateBreaches));
/** The oversight section of a registration. */
export type DprOversight = z.infer<typeof DprOversightSchema>;

/** A user holding a role on the registration (role and user of the organisation module's role assignment). */
export const DprRoleAssignmentSchema = RoleAssignmentSchema.pick({ roleUuid: true, userUuid: true }).strict();
/** A role assignment on a registration. */
export type DprRoleAssignment = z.infer<typeof DprRoleAssignmentSchema>;

/** Every field of a registration a caller may supply; the stored, create and patch schemas derive from it. */
export const DataProcessingRegistrationFieldsSchema = z.strictObject({
  organizationUuid: UuidSchema,
  /** Unique within the organisation (see `checkDprNameUnique`). */
  name: nameSchema(200),
  general: DprGeneralSchema.prefault({}),
  /** Usages of the same organisation covered by the registration. */
  systemUsageUuids: uuids(),
  /** Contracts of the same organisation associated with the registration. */
  contractUuids: uuids(),
  oversight: DprOversightSchema.prefault({}),
  roles: distinctList(DprRoleAssignmentSchema, {
    max: LIMITS.items,
    key: (r) => `${r.roleUuid}/${r.userUuid}`.toLowerCase(),
  }).default([]),
  externalReferences: ExternalReferencesSchema.default([]),
});

/** Refuses a main contract that is not one of the associated contracts. */
function mainContractAssociated(
  dpr: { general?: { mainContractUuid: string | null } | undefined; contractUuids?: string[] | undefined },
  ctx: z.RefinementCtx,
) {
  const main = dpr.general?.mainContractUuid;
  if (!main || (dpr.contractUuids ?? []).includes(main)) return;
  ctx.addIssue({
    code: 'custom',
    path: ['general', 'mainContractUuid'],
    message: 'the main contract must be one of the associated contracts',
    params: { code: 'main-contract-not-associated' },
  });
}

/**
 * A stored data processing registration. Besides the gates, the main contract must be one of
 * `contractUuids` (code `main-contract-not-associated`).
 *
 * @example
 * ```ts
 * import { parse } from '@os2kitos/core';
 * const dpr = parse(DataProcessingRegistrationSchema, row, 'data-processing');
 * dpr.general.subDataProcessors; // [] unless hasSubDataProcessors is 'Yes'
 * ```
 */
export const DataProcessingRegistrationSchema = EntityMetaSchema.extend(DataProcessingRegistrationFieldsSchema.shape)
  .strict()
  .superRefine(mainContractAssociated);
/** A stored data processing registration. */
export type DataProcessingRegistration = z.infer<typeof DataProcessingRegistrationSchema>;

/**
 * Input for creating a registration: the organisation and the name are required.
 *
 * @example
 * ```ts
 * DataProcessingRegistrationCreateSchema.parse({ organizationUuid: org, name: 'Løn – databehandleraftale' });
 * ```
 */
export const DataProcessingRegistrationCreateSchema = DataProcessingRegistrationFieldsSchema.partial()
  .required({ organizationUuid: true, name: true })
  // A caller-supplied uuid (an import from KITOS keeps KITOS's); an existing one is refused.
  .extend({ uuid: UuidSchema.optional() })
  .superRefine(mainContractAssociated);
/** Input for creating a registration. */
export type DataProcessingRegistrationCreate = z.infer<typeof DataProcessingRegistrationCreateSchema>;

/** A change to the general section: only the fields given change (lists are replaced whole). */
export const DprGeneralPatchSchema = patchOf(dprGeneralObject);
/** A change to the general section. */
export type DprGeneralPatch = z.infer<typeof DprGeneralPatchSchema>;

/** A change to the oversight section: only the fields given change. */
export const DprOversightPatchSchema = patchOf(dprOversightObject);
/** A change to the oversight section. */
export type DprOversightPatch = z.infer<typeof DprOversightPatchSchema>;

/** A change to a registration; apply it with `applyDprPatch`. The organisation never changes. */
export const DataProcessingRegistrationPatchSchema = z
  .strictObject({
    name: DataProcessingRegistrationFieldsSchema.shape.name,
    general: DprGeneralPatchSchema,
    systemUsageUuids: DataProcessingRegistrationFieldsSchema.shape.systemUsageUuids.unwrap(),
    contractUuids: DataProcessingRegistrationFieldsSchema.shape.contractUuids.unwrap(),
    oversight: DprOversightPatchSchema,
    roles: DataProcessingRegistrationFieldsSchema.shape.roles.unwrap(),
    externalReferences: ExternalReferencesSchema,
  })
  .partial();
/** A change to a registration. */
export type DataProcessingRegistrationPatch = z.infer<typeof DataProcessingRegistrationPatchSchema>;
