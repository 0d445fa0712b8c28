/**
 * IT contracts: the core's `Contract` ⇄ KITOS API v2 `ItContractResponseDTO` /
 * `CreateNewContractRequestDTO` / `UpdateContractRequestDTO`. Roles, external references and the
 * supplier contact fields are not stored on contracts yet: answered empty, accepted only empty.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';
import { type Contract, contractValidity, type OrganizationUnit, TrafficLight } from '@os2kitos/core';
import {
  dateIn,
  dateOut,
  ExternalReferenceIn,
  ExternalReferenceOut,
  externalReferencesIn,
  externalReferencesOut,
  IdentityNamePair,
  instantOut,
  type NameLookup,
  RoleAssignmentIn,
  RoleAssignmentOut,
  rolesIn,
  rolesOut,
  ShallowOrganization,
  WireDateTime,
  WireDateTimeOut,
  wireEnum,
  WireUuid,
} from './common.js';
import { YearSegmentChoice, YesNoUndecidedChoice } from './enums.js';
import { has, sectionOf } from './sections.js';

const PaymentAuditStatus = wireEnum(TrafficLight.values, 'PaymentAuditStatus');
const ValidationError = wireEnum(
  ['StartDateNotPassed', 'EndDatePassed', 'TerminationPeriodExceeded', 'InvalidParentContract'] as const,
  'ItContractValidationErrorChoice',
);
const ProcurementPlan = z
  .object({ quarterOfYear: z.number().int().min(1).max(4), year: z.number().int().min(1000).max(9999) })
  .openapi('ProcurementPlanDTO');

const UnitOut = z
  .object({
    parentOrganizationUnit: IdentityNamePair.nullable(),
    ean: z.number().int().nullable(),
    unitId: z.string().nullable(),
    origin: z.enum(['Kitos', 'STSOrganisation']),
    uuid: z.string(),
    name: z.string(),
  })
  .openapi('OrganizationUnitResponseDTO');

const PaymentOut = z
  .object({
    id: z.number().int(),
    organizationUnit: UnitOut.nullable(),
    acquisition: z.number().int(),
    operation: z.number().int(),
    other: z.number().int(),
    accountingEntry: z.string().nullable(),
    auditStatus: PaymentAuditStatus,
    auditDate: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('PaymentResponseDTO');

/** `ItContractResponseDTO`. */
export const ItContractResponse = z
  .object({
    uuid: z.string(),
    name: z.string(),
    organizationContext: ShallowOrganization.nullable(),
    lastModified: WireDateTimeOut,
    lastModifiedBy: IdentityNamePair.nullable(),
    createdBy: IdentityNamePair.nullable(),
    parentContract: IdentityNamePair.nullable(),
    general: z
      .object({
        contractId: z.string().nullable(),
        contractType: IdentityNamePair.nullable(),
        contractTemplate: IdentityNamePair.nullable(),
        agreementElements: z.array(IdentityNamePair),
        notes: z.string().nullable(),
        validity: z
          .object({
            valid: z.boolean(),
            enforcedValid: z.boolean(),
            validFrom: z.string().nullable(),
            validTo: z.string().nullable(),
            requireValidParent: z.boolean(),
            validationErrors: z.array(ValidationError),
          })
          .openapi('ContractValidityResponseDTO'),
        criticality: IdentityNamePair.nullable(),
      })
      .openapi('ContractGeneralDataResponseDTO'),
    procurement: z
      .object({
        purchaseType: IdentityNamePair.nullable(),
        procurementStrategy: IdentityNamePair.nullable(),
        procurementPlan: ProcurementPlan.nullable(),
        procurementInitiated: YesNoUndecidedChoice.nullable(),
      })
      .openapi('ContractProcurementDataResponseDTO'),
    supplier: z
      .object({
        organization: ShallowOrganization.nullable(),
        organizationUnit: IdentityNamePair.nullable(),
        isInternal: z.boolean().nullable(),
        supplierType: z.enum(['External', 'Internal']),
        signed: z.boolean(),
        signedBy: z.string().nullable(),
        signedAt: z.string().nullable(),
        contactPerson: z.string().nullable(),
        useSignedByForContact: z.boolean(),
        contactPhoneNumber: z.string().nullable(),
        contactEmail: z.string().nullable(),
      })
      .openapi('ContractSupplierDataResponseDTO'),
    responsible: z
      .object({
        organizationUnit: IdentityNamePair.nullable(),
        signed: z.boolean(),
        signedBy: z.string().nullable(),
        signedAt: z.string().nullable(),
      })
      .openapi('ContractResponsibleDataResponseDTO'),
    systemUsages: z.array(IdentityNamePair),
    dataProcessingRegistrations: z.array(IdentityNamePair),
    paymentModel: z
      .object({
        operationsRemunerationStartedAt: z.string().nullable(),
        paymentFrequency: IdentityNamePair.nullable(),
        paymentModel: IdentityNamePair.nullable(),
        priceRegulation: IdentityNamePair.nullable(),
      })
      .openapi('ContractPaymentModelDataResponseDTO'),
    agreementPeriod: z
      .object({
        durationYears: z.number().int().nullable(),
        durationMonths: z.number().int().nullable(),
        isContinuous: z.boolean().nullable(),
        extensionOptions: IdentityNamePair.nullable(),
        extensionOptionsUsed: z.number().int(),
        irrevocableUntil: z.string().nullable(),
      })
      .openapi('ContractAgreementPeriodDataResponseDTO'),
    termination: z
      .object({
        terminatedAt: z.string().nullable(),
        terms: z
          .object({
            noticePeriodMonths: IdentityNamePair.nullable(),
            noticePeriodExtendsCurrent: YearSegmentChoice.nullable(),
            noticeByEndOf: YearSegmentChoice.nullable(),
          })
          .openapi('ContractTerminationTermsResponseDTO'),
      })
      .openapi('ContractTerminationDataResponseDTO'),
    payments: z
      .object({ external: z.array(PaymentOut), internal: z.array(PaymentOut) })
      .openapi('ContractPaymentsDataResponseDTO'),
    roles: z.array(RoleAssignmentOut),
    externalReferences: z.array(ExternalReferenceOut),
  })
  .openapi('ItContractResponseDTO');
/** `ItContractResponseDTO`. */
export type ItContractResponse = z.infer<typeof ItContractResponse>;

const empty = () =>
  z.null().optional().openapi({ description: 'Not stored by this server yet: only null is accepted.' });

const GeneralIn = z.strictObject({
  contractId: z.string().max(200).nullish(),
  contractTypeUuid: WireUuid.nullish(),
  contractTemplateUuid: WireUuid.nullish(),
  agreementElementUuids: z.array(WireUuid).max(200).nullish(),
  notes: z.string().max(20_000).nullish(),
  validity: z
    .strictObject({
      enforcedValid: z.boolean().nullish(),
      validFrom: WireDateTime.nullish(),
      validTo: WireDateTime.nullish(),
      requireValidParent: z.boolean().nullish(),
    })
    .nullish(),
  criticalityUuid: WireUuid.nullish(),
});
const ProcurementIn = z.strictObject({
  purchaseTypeUuid: WireUuid.nullish(),
  procurementStrategyUuid: WireUuid.nullish(),
  procurementPlan: z.strictObject({ quarterOfYear: z.number().int(), year: z.number().int() }).nullish(),
  procurementInitiated: YesNoUndecidedChoice.nullish(),
});
const SupplierIn = z.strictObject({
  organizationUuid: WireUuid.nullish(),
  signed: z.boolean().nullish(),
  signedBy: z.string().max(200).nullish(),
  signedAt: WireDateTime.nullish(),
  organizationUnitUuid: empty(),
  isInternal: empty(),
  contactPerson: empty(),
  useSignedByForContact: z.literal(false).nullish(),
  contactPhoneNumber: empty(),
  contactEmail: empty(),
});
const ResponsibleIn = z.strictObject({
  organizationUnitUuid: WireUuid.nullish(),
  signed: z.boolean().nullish(),
  signedBy: z.string().max(200).nullish(),
  signedAt: WireDateTime.nullish(),
});
const PaymentModelIn = z.strictObject({
  operationsRemunerationStartedAt: WireDateTime.nullish(),
  paymentFrequencyUuid: WireUuid.nullish(),
  paymentModelUuid: WireUuid.nullish(),
  priceRegulationUuid: WireUuid.nullish(),
});
const AgreementPeriodIn = z.strictObject({
  durationYears: z.number().int().nullish(),
  durationMonths: z.number().int().nullish(),
  isContinuous: z.boolean().nullish(),
  extensionOptionsUuid: WireUuid.nullish(),
  extensionOptionsUsed: z.number().int().nullish(),
  irrevocableUntil: WireDateTime.nullish(),
});
const TermsIn = z.strictObject({
  noticePeriodMonthsUuid: WireUuid.nullish(),
  noticePeriodExtendsCurrent: YearSegmentChoice.nullish(),
  noticeByEndOf: YearSegmentChoice.nullish(),
});
const TerminationIn = z.strictObject({ terminatedAt: WireDateTime.nullish(), terms: TermsIn.nullish() });
const PaymentIn = z.strictObject({
  organizationUnitUuid: WireUuid.nullish(),
  acquisition: z.number().int().nullish(),
  operation: z.number().int().nullish(),
  other: z.number().int().nullish(),
  accountingEntry: z.string().max(200).nullish(),
  auditStatus: PaymentAuditStatus.nullish(),
  auditDate: WireDateTime.nullish(),
  note: z.string().max(2000).nullish(),
});
const PaymentsIn = z.strictObject({
  external: z.array(PaymentIn).max(1000).nullish(),
  internal: z.array(PaymentIn).max(1000).nullish(),
});

const sections = {
  name: z.string().trim().min(1).max(200).nullish(),
  externalReferences: z.array(ExternalReferenceIn).max(100).nullish(),
  parentContractUuid: WireUuid.nullish(),
  general: GeneralIn.nullish(),
  procurement: ProcurementIn.nullish(),
  supplier: SupplierIn.nullish(),
  responsible: ResponsibleIn.nullish(),
  systemUsageUuids: z.array(WireUuid).max(1000).nullish(),
  dataProcessingRegistrationUuids: z.array(WireUuid).max(1000).nullish(),
  paymentModel: PaymentModelIn.nullish(),
  agreementPeriod: AgreementPeriodIn.nullish(),
  termination: TerminationIn.nullish(),
  payments: PaymentsIn.nullish(),
  roles: z.array(RoleAssignmentIn).max(1000).nullish(),
};

/** `CreateNewContractRequestDTO`. */
export const CreateContractRequest = z
  .strictObject({ ...sections, organizationUuid: WireUuid, name: z.string().trim().min(1).max(200) })
  .openapi('CreateNewContractRequestDTO');
/** `UpdateContractRequestDTO`. */
export const UpdateContractRequest = z.strictObject(sections).openapi('UpdateContractRequestDTO');
type Body = z.infer<typeof UpdateContractRequest>;

/** Copies the present keys, with `map` for renames and value conversions. */
function pick<T extends Record<string, unknown>>(
  from: T | undefined,
  map: Record<string, [string, (v: unknown) => unknown]>,
): Record<string, unknown> | undefined {
  if (!from) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, [target, convert]] of Object.entries(map)) if (has(from, key)) out[target] = convert(from[key]);
  return out;
}
const same = (v: unknown) => v ?? null;
const date = (v: unknown) => dateIn(v as string | null | undefined) ?? null;
const flag = (v: unknown) => v ?? false;

/** The core's patch from a KITOS body: only properties present. */
export function contractPatchIn(body: Body, current?: Contract): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (has(body, 'name') && body.name != null) out.name = body.name;
  if (has(body, 'parentContractUuid')) out.parentContractUuid = body.parentContractUuid ?? null;
  if (has(body, 'externalReferences')) out.externalReferences = externalReferencesIn(body.externalReferences);
  if (has(body, 'roles')) out.roles = rolesIn(body.roles);
  const g = sectionOf(body.general, GeneralIn);
  if (g) {
    const general = pick(g, {
      contractId: ['contractId', same],
      contractTypeUuid: ['contractTypeUuid', same],
      contractTemplateUuid: ['contractTemplateUuid', same],
      agreementElementUuids: ['agreementElementUuids', (v) => v ?? []],
      notes: ['notes', same],
      criticalityUuid: ['criticalityUuid', same],
    }) as Record<string, unknown>;
    const v = sectionOf(g.validity, GeneralIn.shape.validity.unwrap().unwrap());
    if (v)
      general.validity = pick(v, {
        enforcedValid: ['enforcedValid', flag],
        validFrom: ['validFrom', date],
        validTo: ['validTo', date],
        requireValidParent: ['requireValidParent', flag],
      });
    out.general = general;
  }
  const p = sectionOf(body.procurement, ProcurementIn);
  if (p)
    out.procurement = pick(p, {
      purchaseTypeUuid: ['purchaseTypeUuid', same],
      procurementStrategyUuid: ['procurementStrategyUuid', same],
      procurementPlan: [
        'procurementPlan',
        (v) =>
          v ? { quarter: (v as { quarterOfYear: number }).quarterOfYear, year: (v as { year: number }).year } : null,
      ],
      procurementInitiated: ['procurementInitiated', same],
    });
  const s = sectionOf(body.supplier, SupplierIn);
  if (s)
    out.supplier = pick(s, {
      organizationUuid: ['organizationUuid', same],
      signed: ['signed', flag],
      signedBy: ['signedBy', same],
      signedAt: ['signedAt', date],
    });
  const r = sectionOf(body.responsible, ResponsibleIn);
  if (r)
    out.responsible = pick(r, {
      organizationUnitUuid: ['organizationUnitUuid', same],
      signed: ['signed', flag],
      signedBy: ['signedBy', same],
      signedAt: ['signedAt', date],
    });
  if (has(body, 'systemUsageUuids')) out.systemUsageUuids = body.systemUsageUuids ?? [];
  if (has(body, 'dataProcessingRegistrationUuids'))
    out.dataProcessingRegistrationUuids = body.dataProcessingRegistrationUuids ?? [];
  const pm = sectionOf(body.paymentModel, PaymentModelIn);
  if (pm)
    out.paymentModel = pick(pm, {
      operationsRemunerationStartedAt: ['operationsRemunerationStartedAt', date],
      paymentFrequencyUuid: ['paymentFrequencyUuid', same],
      paymentModelUuid: ['paymentModelUuid', same],
      priceRegulationUuid: ['priceRegulationUuid', same],
    });
  const ap = sectionOf(body.agreementPeriod, AgreementPeriodIn);
  if (ap)
    out.agreementPeriod = pick(ap, {
      durationYears: ['durationYears', same],
      durationMonths: ['durationMonths', same],
      isContinuous: ['isContinuous', flag],
      extensionOptionsUuid: ['extensionOptionsUuid', same],
      extensionOptionsUsed: ['extensionOptionsUsed', (v) => v ?? 0],
      irrevocableUntil: ['irrevocableUntil', date],
    });
  const t = sectionOf(body.termination, TerminationIn);
  if (t) {
    const termination = pick(t, { terminatedAt: ['terminatedAt', date] }) as Record<string, unknown>;
    const terms = sectionOf(t.terms, TermsIn);
    if (terms)
      termination.terms = pick(terms, {
        noticePeriodMonthsUuid: ['noticePeriodMonthsUuid', same],
        noticePeriodExtendsCurrent: ['noticePeriodExtendsCurrent', same],
        noticeByEndOf: ['noticeByEndOf', same],
      });
    out.termination = termination;
  }
  const pay = sectionOf(body.payments, PaymentsIn);
  if (pay) {
    const payments: Record<string, unknown> = {};
    for (const list of ['external', 'internal'] as const)
      if (has(pay, list))
        // KITOS payment lines carry no identity in requests: a line keeps the uuid of the line at its position.
        payments[list] = (pay[list] ?? []).map((line, i) => ({
          uuid: current?.payments[list][i]?.uuid ?? globalThis.crypto.randomUUID(),
          organizationUnitUuid: line.organizationUnitUuid ?? null,
          acquisition: line.acquisition ?? 0,
          operation: line.operation ?? 0,
          other: line.other ?? 0,
          accountingEntry: line.accountingEntry ?? null,
          auditStatus: line.auditStatus ?? 'White',
          auditDate: dateIn(line.auditDate) ?? null,
          note: line.note ?? null,
        }));
    out.payments = payments;
  }
  return out;
}

async function unitOut(names: NameLookup, uuid: string | null) {
  if (!uuid) return null;
  const unit = await names.data<OrganizationUnit>('organizationUnit', uuid);
  return {
    parentOrganizationUnit: await names.pair('organizationUnit', unit?.parentUuid),
    ean: unit?.ean ? Number(unit.ean) : null,
    unitId: null,
    origin: 'Kitos' as const,
    uuid: uuid.toLowerCase(),
    name: unit?.name ?? uuid,
  };
}

/** The DTO of a contract on `today`: every key, nulls included. */
export async function contractOut(names: NameLookup, c: Contract, today: string): Promise<ItContractResponse> {
  let parentActive: boolean | undefined;
  if (c.parentContractUuid) {
    const parent = await names.data<Contract>('itContract', c.parentContractUuid);
    parentActive = parent ? contractValidity(parent, { today }).valid : false;
  }
  const validity = contractValidity(c, { today, parentActive });
  const payments = async (list: Contract['payments']['external']) =>
    Promise.all(
      list.map(async (p, i) => ({
        id: i + 1,
        organizationUnit: await unitOut(names, p.organizationUnitUuid),
        acquisition: p.acquisition,
        operation: p.operation,
        other: p.other,
        accountingEntry: p.accountingEntry,
        auditStatus: p.auditStatus,
        auditDate: dateOut(p.auditDate),
        note: p.note,
      })),
    );
  const g = c.general;
  return {
    uuid: c.uuid.toLowerCase(),
    name: c.name,
    organizationContext: await names.organization(c.organizationUuid),
    lastModified: instantOut(c.lastChanged),
    lastModifiedBy: await names.user(c.lastChangedBy),
    createdBy: await names.user(c.createdBy),
    parentContract: await names.pair('itContract', c.parentContractUuid),
    general: {
      contractId: g.contractId,
      contractType: await names.pair('globalOption', g.contractTypeUuid),
      contractTemplate: await names.pair('globalOption', g.contractTemplateUuid),
      agreementElements: await names.pairs('globalOption', g.agreementElementUuids),
      notes: g.notes,
      validity: {
        valid: validity.valid,
        enforcedValid: g.validity.enforcedValid,
        validFrom: dateOut(g.validity.validFrom),
        validTo: dateOut(g.validity.validTo),
        requireValidParent: g.validity.requireValidParent,
        validationErrors: [...validity.errors],
      },
      criticality: await names.pair('globalOption', g.criticalityUuid),
    },
    procurement: {
      purchaseType: await names.pair('globalOption', c.procurement.purchaseTypeUuid),
      procurementStrategy: await names.pair('globalOption', c.procurement.procurementStrategyUuid),
      procurementPlan: c.procurement.procurementPlan
        ? { quarterOfYear: c.procurement.procurementPlan.quarter, year: c.procurement.procurementPlan.year }
        : null,
      procurementInitiated: c.procurement.procurementInitiated,
    },
    supplier: {
      organization: await names.organization(c.supplier.organizationUuid),
      organizationUnit: null,
      isInternal: null,
      supplierType: 'External',
      signed: c.supplier.signed,
      signedBy: c.supplier.signedBy,
      signedAt: dateOut(c.supplier.signedAt),
      contactPerson: null,
      useSignedByForContact: false,
      contactPhoneNumber: null,
      contactEmail: null,
    },
    responsible: {
      organizationUnit: await names.pair('organizationUnit', c.responsible.organizationUnitUuid),
      signed: c.responsible.signed,
      signedBy: c.responsible.signedBy,
      signedAt: dateOut(c.responsible.signedAt),
    },
    systemUsages: await Promise.all(c.systemUsageUuids.map((u) => names.usage(u))),
    dataProcessingRegistrations: await names.pairs('dataProcessingRegistration', c.dataProcessingRegistrationUuids),
    paymentModel: {
      operationsRemunerationStartedAt: dateOut(c.paymentModel.operationsRemunerationStartedAt),
      paymentFrequency: await names.pair('globalOption', c.paymentModel.paymentFrequencyUuid),
      paymentModel: await names.pair('globalOption', c.paymentModel.paymentModelUuid),
      priceRegulation: await names.pair('globalOption', c.paymentModel.priceRegulationUuid),
    },
    agreementPeriod: {
      durationYears: c.agreementPeriod.durationYears,
      durationMonths: c.agreementPeriod.durationMonths,
      isContinuous: c.agreementPeriod.isContinuous,
      extensionOptions: await names.pair('globalOption', c.agreementPeriod.extensionOptionsUuid),
      extensionOptionsUsed: c.agreementPeriod.extensionOptionsUsed,
      irrevocableUntil: dateOut(c.agreementPeriod.irrevocableUntil),
    },
    termination: {
      terminatedAt: dateOut(c.termination.terminatedAt),
      terms: {
        noticePeriodMonths: await names.pair('globalOption', c.termination.terms.noticePeriodMonthsUuid),
        noticePeriodExtendsCurrent: c.termination.terms.noticePeriodExtendsCurrent,
        noticeByEndOf: c.termination.terms.noticeByEndOf,
      },
    },
    payments: { external: await payments(c.payments.external), internal: await payments(c.payments.internal) },
    roles: await rolesOut(names, c.roles),
    externalReferences: externalReferencesOut(c.externalReferences),
  };
}
