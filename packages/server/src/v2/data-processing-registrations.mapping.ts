/**
 * Data processing registrations: the core's `DataProcessingRegistration` ⇄ KITOS API v2
 * `DataProcessingRegistrationResponseDTO` / `CreateDataProcessingRegistrationRequestDTO` /
 * `UpdateDataProcessingRegistrationRequestDTO`. Enforced invalidity and oversight report links are
 * not stored yet: answered `false`/`null`, accepted only so.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';
import { type Contract, contractValidity, type DataProcessingRegistration, dprValidity } from '@os2kitos/core';
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
  SimpleLink,
  WireDateTime,
  WireDateTimeOut,
  WireUuid,
} from './common.js';
import {
  OversightIntervalChoice,
  oversightIn,
  oversightOut,
  YesNoIrrelevantChoice,
  YesNoUndecidedChoice,
} from './enums.js';
import { has, sectionOf } from './sections.js';

const SubProcessorOut = z
  .object({
    dataProcessorOrganization: ShallowOrganization,
    basisForTransfer: IdentityNamePair.nullable(),
    transferToInsecureThirdCountry: YesNoUndecidedChoice.nullable(),
    insecureThirdCountrySubjectToDataProcessing: IdentityNamePair.nullable(),
  })
  .openapi('DataProcessorRegistrationSubDataProcessorResponseDTO');

const OversightDateOut = z
  .object({
    uuid: z.string(),
    completedAt: z.string(),
    remark: z.string().nullable(),
    oversightReportLink: SimpleLink.nullable(),
    oversightOption: IdentityNamePair.nullable(),
  })
  .openapi('OversightDateDTO');

/** `DataProcessingRegistrationResponseDTO`. */
export const DprResponse = z
  .object({
    name: z.string(),
    uuid: z.string(),
    createdBy: IdentityNamePair.nullable(),
    lastModified: WireDateTimeOut,
    lastModifiedBy: IdentityNamePair.nullable(),
    organizationContext: ShallowOrganization.nullable(),
    general: z
      .object({
        dataResponsible: IdentityNamePair.nullable(),
        dataResponsibleRemark: z.string().nullable(),
        isAgreementConcluded: YesNoIrrelevantChoice.nullable(),
        isAgreementConcludedRemark: z.string().nullable(),
        agreementConcludedAt: z.string().nullable(),
        basisForTransfer: IdentityNamePair.nullable(),
        transferToInsecureThirdCountries: YesNoUndecidedChoice.nullable(),
        insecureCountriesSubjectToDataTransfer: z.array(IdentityNamePair),
        dataProcessors: z.array(ShallowOrganization),
        hasSubDataProcessors: YesNoUndecidedChoice.nullable(),
        subDataProcessors: z.array(SubProcessorOut),
        validity: z
          .object({
            valid: z.boolean(),
            enforceInvalidity: z.boolean(),
            validationErrors: z.array(z.enum(['MainContractNotActive', 'EnforcedInvalidity'])),
          })
          .openapi('DataProcessingRegistrationValidityDTO'),
        mainContract: IdentityNamePair.nullable(),
        associatedContracts: z.array(IdentityNamePair),
        responsibleOrganizationUnit: IdentityNamePair.nullable(),
        valid: z.boolean(),
      })
      .openapi('DataProcessingRegistrationGeneralDataResponseDTO'),
    systemUsages: z.array(
      z.object({ valid: z.boolean(), uuid: z.string(), name: z.string() }).openapi('ShallowItSystemUsageResponseDTO'),
    ),
    oversight: z
      .object({
        oversightOptions: z.array(IdentityNamePair),
        oversightOptionsRemark: z.string().nullable(),
        oversightInterval: OversightIntervalChoice.nullable(),
        oversightIntervalRemark: z.string().nullable(),
        isOversightCompleted: YesNoUndecidedChoice.nullable(),
        oversightCompletedRemark: z.string().nullable(),
        oversightScheduledInspectionDate: z.string().nullable(),
        oversightDates: z.array(OversightDateOut),
      })
      .openapi('DataProcessingRegistrationOversightResponseDTO'),
    roles: z.array(RoleAssignmentOut),
    externalReferences: z.array(ExternalReferenceOut),
  })
  .openapi('DataProcessingRegistrationResponseDTO');
/** `DataProcessingRegistrationResponseDTO`. */
export type DprResponse = z.infer<typeof DprResponse>;

const GeneralIn = z.strictObject({
  dataResponsibleUuid: WireUuid.nullish(),
  dataResponsibleRemark: z.string().max(2000).nullish(),
  isAgreementConcluded: YesNoIrrelevantChoice.nullish(),
  isAgreementConcludedRemark: z.string().max(2000).nullish(),
  agreementConcludedAt: WireDateTime.nullish(),
  basisForTransferUuid: WireUuid.nullish(),
  transferToInsecureThirdCountries: YesNoUndecidedChoice.nullish(),
  insecureCountriesSubjectToDataTransferUuids: z.array(WireUuid).max(300).nullish(),
  dataProcessorUuids: z.array(WireUuid).max(1000).nullish(),
  hasSubDataProcessors: YesNoUndecidedChoice.nullish(),
  subDataProcessors: z
    .array(
      z.strictObject({
        dataProcessorOrganizationUuid: WireUuid,
        basisForTransferUuid: WireUuid.nullish(),
        transferToInsecureThirdCountry: YesNoUndecidedChoice.nullish(),
        insecureThirdCountrySubjectToDataProcessingUuid: WireUuid.nullish(),
      }),
    )
    .max(1000)
    .nullish(),
  mainContractUuid: WireUuid.nullish(),
  responsibleOrganizationUnitUuid: WireUuid.nullish(),
  enforceInvalidity: z.literal(false).nullish().openapi({ description: 'Not stored yet: only false or null.' }),
});
const OversightIn = z.strictObject({
  oversightOptionUuids: z.array(WireUuid).max(100).nullish(),
  oversightOptionsRemark: z.string().max(2000).nullish(),
  oversightInterval: OversightIntervalChoice.nullish(),
  oversightIntervalRemark: z.string().max(2000).nullish(),
  isOversightCompleted: YesNoUndecidedChoice.nullish(),
  oversightCompletedRemark: z.string().max(2000).nullish(),
  oversightScheduledInspectionDate: WireDateTime.nullish(),
  oversightDates: z
    .array(
      z.strictObject({
        completedAt: WireDateTime,
        remark: z.string().max(2000).nullish(),
        oversightReportLink: z.null().optional(),
        oversightOptionUuid: z.null().optional(),
      }),
    )
    .max(1000)
    .nullish(),
});

const sections = {
  name: z.string().trim().min(1).max(200).nullish(),
  externalReferences: z.array(ExternalReferenceIn).max(100).nullish(),
  general: GeneralIn.nullish(),
  systemUsageUuids: z.array(WireUuid).max(1000).nullish(),
  oversight: OversightIn.nullish(),
  roles: z.array(RoleAssignmentIn).max(1000).nullish(),
};

/** `CreateDataProcessingRegistrationRequestDTO`. */
export const CreateDprRequest = z
  .strictObject({ ...sections, organizationUuid: WireUuid, name: z.string().trim().min(1).max(200) })
  .openapi('CreateDataProcessingRegistrationRequestDTO');
/** `UpdateDataProcessingRegistrationRequestDTO`. */
export const UpdateDprRequest = z.strictObject(sections).openapi('UpdateDataProcessingRegistrationRequestDTO');
type Body = z.infer<typeof UpdateDprRequest>;

/** The core's patch from a KITOS body: only properties present. */
export function dprPatchIn(body: Body, current?: DataProcessingRegistration): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (has(body, 'name') && body.name != null) out.name = body.name;
  if (has(body, 'systemUsageUuids')) out.systemUsageUuids = body.systemUsageUuids ?? [];
  if (has(body, 'roles')) out.roles = rolesIn(body.roles);
  if (has(body, 'externalReferences')) out.externalReferences = externalReferencesIn(body.externalReferences);
  const g = sectionOf(body.general, GeneralIn);
  if (g) {
    const general: Record<string, unknown> = {};
    const copy = [
      'dataResponsibleUuid',
      'dataResponsibleRemark',
      'isAgreementConcluded',
      'basisForTransferUuid',
      'transferToInsecureThirdCountries',
      'hasSubDataProcessors',
      'mainContractUuid',
    ] as const;
    for (const key of copy) if (has(g, key)) general[key] = g[key] ?? null;
    if (has(g, 'isAgreementConcludedRemark')) general.agreementConcludedRemark = g.isAgreementConcludedRemark ?? null;
    if (has(g, 'agreementConcludedAt')) general.agreementConcludedAt = dateIn(g.agreementConcludedAt) ?? null;
    if (has(g, 'insecureCountriesSubjectToDataTransferUuids'))
      general.insecureCountryUuids = g.insecureCountriesSubjectToDataTransferUuids ?? [];
    if (has(g, 'dataProcessorUuids')) general.dataProcessorUuids = g.dataProcessorUuids ?? [];
    if (has(g, 'responsibleOrganizationUnitUuid'))
      general.responsibleUnitUuid = g.responsibleOrganizationUnitUuid ?? null;
    if (has(g, 'subDataProcessors'))
      general.subDataProcessors = (g.subDataProcessors ?? []).map((s) => ({
        organizationUuid: s.dataProcessorOrganizationUuid,
        basisForTransferUuid: s.basisForTransferUuid ?? null,
        transferToInsecureCountry: s.transferToInsecureThirdCountry ?? null,
        insecureCountryUuid: s.insecureThirdCountrySubjectToDataProcessingUuid ?? null,
      }));
    out.general = general;
  }
  const o = sectionOf(body.oversight, OversightIn);
  if (o) {
    const oversight: Record<string, unknown> = {};
    for (const key of [
      'oversightOptionsRemark',
      'oversightIntervalRemark',
      'isOversightCompleted',
      'oversightCompletedRemark',
    ] as const)
      if (has(o, key)) oversight[key] = o[key] ?? null;
    if (has(o, 'oversightOptionUuids')) oversight.oversightOptionUuids = o.oversightOptionUuids ?? [];
    if (has(o, 'oversightInterval')) oversight.oversightInterval = oversightIn(o.oversightInterval) ?? null;
    if (has(o, 'oversightScheduledInspectionDate'))
      oversight.scheduledInspectionDate = dateIn(o.oversightScheduledInspectionDate) ?? null;
    if (has(o, 'oversightDates'))
      oversight.oversightDates = (o.oversightDates ?? []).map((d, i) => ({
        uuid: current?.oversight.oversightDates[i]?.uuid ?? globalThis.crypto.randomUUID(),
        date: dateIn(d.completedAt),
        remark: d.remark ?? null,
      }));
    out.oversight = oversight;
  }
  return out;
}

/** The DTO of a registration on `today`: every key, nulls included. */
export async function dprOut(names: NameLookup, d: DataProcessingRegistration, today: string): Promise<DprResponse> {
  const active = async (uuid: string) => {
    const contract = await names.data<Contract>('itContract', uuid);
    return contract ? contractValidity(contract, { today }).valid : false;
  };
  const g = d.general;
  const validity = dprValidity(d, {
    mainContractActive: g.mainContractUuid ? await active(g.mainContractUuid) : undefined,
  });
  const orgs = async (uuids: readonly string[]) =>
    (await Promise.all(uuids.map((u) => names.organization(u)))).filter((o): o is NonNullable<typeof o> => !!o);
  return {
    name: d.name,
    uuid: d.uuid.toLowerCase(),
    createdBy: await names.user(d.createdBy),
    lastModified: instantOut(d.lastChanged),
    lastModifiedBy: await names.user(d.lastChangedBy),
    organizationContext: await names.organization(d.organizationUuid),
    general: {
      dataResponsible: await names.pair('globalOption', g.dataResponsibleUuid),
      dataResponsibleRemark: g.dataResponsibleRemark,
      isAgreementConcluded: g.isAgreementConcluded,
      isAgreementConcludedRemark: g.agreementConcludedRemark,
      agreementConcludedAt: dateOut(g.agreementConcludedAt),
      basisForTransfer: await names.pair('globalOption', g.basisForTransferUuid),
      transferToInsecureThirdCountries: g.transferToInsecureThirdCountries,
      insecureCountriesSubjectToDataTransfer: await names.pairs('globalOption', g.insecureCountryUuids),
      dataProcessors: await orgs(g.dataProcessorUuids),
      hasSubDataProcessors: g.hasSubDataProcessors,
      subDataProcessors: await Promise.all(
        g.subDataProcessors.map(async (s) => ({
          dataProcessorOrganization: (await names.organization(s.organizationUuid)) as NonNullable<
            Awaited<ReturnType<NameLookup['organization']>>
          >,
          basisForTransfer: await names.pair('globalOption', s.basisForTransferUuid),
          transferToInsecureThirdCountry: s.transferToInsecureCountry,
          insecureThirdCountrySubjectToDataProcessing: await names.pair('globalOption', s.insecureCountryUuid),
        })),
      ),
      validity: { valid: validity.valid, enforceInvalidity: false, validationErrors: [...validity.errors] },
      mainContract: await names.pair('itContract', g.mainContractUuid),
      associatedContracts: await names.pairs('itContract', d.contractUuids),
      responsibleOrganizationUnit: await names.pair('organizationUnit', g.responsibleUnitUuid),
      valid: validity.valid,
    },
    systemUsages: await Promise.all(d.systemUsageUuids.map(async (u) => ({ valid: true, ...(await names.usage(u)) }))),
    oversight: {
      oversightOptions: await names.pairs('globalOption', d.oversight.oversightOptionUuids),
      oversightOptionsRemark: d.oversight.oversightOptionsRemark,
      oversightInterval: oversightOut(d.oversight.oversightInterval),
      oversightIntervalRemark: d.oversight.oversightIntervalRemark,
      isOversightCompleted: d.oversight.isOversightCompleted,
      oversightCompletedRemark: d.oversight.oversightCompletedRemark,
      oversightScheduledInspectionDate: dateOut(d.oversight.scheduledInspectionDate),
      oversightDates: d.oversight.oversightDates.map((o) => ({
        uuid: o.uuid.toLowerCase(),
        completedAt: dateOut(o.date) as string,
        remark: o.remark,
        oversightReportLink: null,
        oversightOption: null,
      })),
    },
    roles: await rolesOut(names, d.roles),
    externalReferences: externalReferencesOut(d.externalReferences),
  };
}
