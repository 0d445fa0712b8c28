/**
 * IT system usages: the core's `ItSystemUsage` ⇄ KITOS API v2 `ItSystemUsageResponseDTO` /
 * `CreateItSystemUsageRequestDTO` / `UpdateItSystemUsageRequestDTO` (the newer "B" shapes: purpose,
 * business criticality and hosting under `general`). Properties KITOS has and the core does not
 * store yet are answered as `null`/`[]`, and accepted in requests only empty.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';
import {
  type Contract,
  contractValidity,
  type ItSystemUsage,
  type Link,
  usageUserCountToInterval,
  usageValidity,
} from '@os2kitos/core';
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
  ArchiveDutyChoice,
  DataSensitivityLevelChoice,
  GDPRPersonalDataChoice,
  HostingChoice,
  LifeCycleStatusChoice,
  MainContractStateChoice,
  RiskLevelChoice,
  riskIn,
  riskOut,
  sensitivityIn,
  sensitivityOut,
  TechnicalPrecautionChoice,
  YesNoDontKnowChoice,
  YesNoPartiallyChoice,
  YesNoUndecidedChoice,
} from './enums.js';
import { has, sectionOf } from './sections.js';

const ExpectedUsers = z
  .object({ lowerBound: z.number().int().min(0), upperBound: z.number().int().min(0).nullable() })
  .openapi('ExpectedUsersIntervalDTO');

const JournalPeriodOut = z
  .object({
    uuid: z.string(),
    archiveId: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    approved: z.boolean(),
  })
  .openapi('JournalPeriodResponseDTO');

const RelationOut = z
  .object({
    toSystemUsage: IdentityNamePair.nullable(),
    uuid: z.string(),
    relationInterface: IdentityNamePair.nullable(),
    associatedContract: IdentityNamePair.nullable(),
    relationFrequency: IdentityNamePair.nullable(),
    description: z.string().nullable(),
    urlReference: z.string().nullable(),
  })
  .openapi('OutgoingSystemRelationResponseDTO');

/** `ItSystemUsageResponseDTO`. */
export const ItSystemUsageResponse = z
  .object({
    uuid: z.string(),
    createdBy: IdentityNamePair.nullable(),
    lastModified: WireDateTimeOut,
    createdAt: WireDateTimeOut.nullable(),
    lastModifiedBy: IdentityNamePair.nullable(),
    systemContext: IdentityNamePair,
    organizationContext: ShallowOrganization.nullable(),
    general: z
      .object({
        localSystemId: z.string().nullable(),
        localCallName: z.string().nullable(),
        dataClassification: IdentityNamePair.nullable(),
        notes: z.string().nullable(),
        systemVersion: z.string().nullable(),
        numberOfExpectedUsers: ExpectedUsers.nullable(),
        validity: z
          .object({
            valid: z.boolean(),
            validAccordingToValidityPeriod: z.boolean(),
            validAccordingToLifeCycle: z.boolean(),
            validAccordingToMainContract: z.boolean(),
            mainContractState: MainContractStateChoice,
            lifeCycleStatus: LifeCycleStatusChoice.nullable(),
            validFrom: z.string().nullable(),
            validTo: z.string().nullable(),
          })
          .openapi('ItSystemUsageValidityResponseDTO'),
        mainContract: IdentityNamePair.nullable(),
        containsAITechnology: YesNoUndecidedChoice.nullable(),
        webAccessibilityCompliance: YesNoPartiallyChoice.nullable(),
        lastWebAccessibilityCheck: z.string().nullable(),
        webAccessibilityNotes: z.string().nullable(),
        isSociallyCritical: YesNoDontKnowChoice.nullable(),
        isBusinessCritical: YesNoDontKnowChoice.nullable(),
        criticalityFieldsLastChanged: z.string().nullable(),
        systemUsageCriticalityLevel: IdentityNamePair.nullable(),
        criticalityLevelDocumentation: SimpleLink.nullable(),
        purpose: z.string().nullable(),
        technicalSystemTypes: z.array(IdentityNamePair),
        hostedAt: HostingChoice.nullable(),
        licensingAndCodeModels: z.array(z.string()),
      })
      .openapi('GeneralDataResponseDTO'),
    roles: z.array(RoleAssignmentOut),
    organizationUsage: z
      .object({
        usingOrganizationUnits: z.array(IdentityNamePair),
        responsibleOrganizationUnit: IdentityNamePair.nullable(),
      })
      .openapi('OrganizationUsageResponseDTO'),
    localKLEDeviations: z
      .object({ removedKLE: z.array(IdentityNamePair), addedKLE: z.array(IdentityNamePair) })
      .openapi('LocalKLEDeviationsResponseDTO'),
    externalReferences: z.array(ExternalReferenceOut),
    archiving: z
      .object({
        archiveDuty: ArchiveDutyChoice.nullable(),
        type: IdentityNamePair.nullable(),
        location: IdentityNamePair.nullable(),
        testLocation: IdentityNamePair.nullable(),
        supplier: ShallowOrganization.nullable(),
        active: z.boolean().nullable(),
        notes: z.string().nullable(),
        frequencyInMonths: z.number().int().nullable(),
        documentBearing: z.boolean().nullable(),
        journalPeriods: z.array(JournalPeriodOut),
      })
      .openapi('ArchivingRegistrationsResponseDTO'),
    gdpr: z
      .object({
        processingPurpose: z.string().nullable(),
        directoryDocumentation: SimpleLink.nullable(),
        dataSensitivityLevels: z.array(DataSensitivityLevelChoice),
        sensitivePersonData: z.array(IdentityNamePair),
        specificPersonalData: z.array(GDPRPersonalDataChoice),
        registeredDataCategories: z.array(IdentityNamePair),
        technicalPrecautionsInPlace: YesNoDontKnowChoice.nullable(),
        technicalPrecautionsApplied: z.array(TechnicalPrecautionChoice),
        technicalPrecautionsDocumentation: SimpleLink.nullable(),
        userSupervision: YesNoDontKnowChoice.nullable(),
        userSupervisionDate: z.string().nullable(),
        userSupervisionDocumentation: SimpleLink.nullable(),
        riskAssessmentConducted: YesNoDontKnowChoice.nullable(),
        riskAssessmentConductedDate: z.string().nullable(),
        riskAssessmentResult: RiskLevelChoice.nullable(),
        riskAssessmentDocumentation: SimpleLink.nullable(),
        riskAssessmentNotes: z.string().nullable(),
        plannedRiskAssessmentDate: z.string().nullable(),
        dpiaConducted: YesNoDontKnowChoice.nullable(),
        dpiaDate: z.string().nullable(),
        dpiaDocumentation: SimpleLink.nullable(),
        retentionPeriodDefined: YesNoDontKnowChoice.nullable(),
        nextDataRetentionEvaluationDate: z.string().nullable(),
        dataRetentionEvaluationFrequencyInMonths: z.number().int().nullable(),
        isDataProcessingAgreementRequired: z.string().nullable(),
      })
      .openapi('GDPRRegistrationsResponseDTO'),
    outgoingSystemRelations: z.array(RelationOut),
  })
  .openapi('ItSystemUsageResponseDTO');
/** `ItSystemUsageResponseDTO`. */
export type ItSystemUsageResponse = z.infer<typeof ItSystemUsageResponse>;

/** A property KITOS has and the core does not store yet: accepted only empty. */
const notStored = () =>
  z.null().optional().openapi({ description: 'Not stored by this server yet: only null is accepted.' });
const notStoredList = () =>
  z
    .array(z.unknown())
    .max(0)
    .nullish()
    .openapi({ description: 'Not stored by this server yet: only an empty list is accepted.' });

const LinkIn = z.strictObject({ name: z.string().max(150).nullish(), url: z.string().max(2000).nullish() });

const ValidityIn = z
  .strictObject({
    lifeCycleStatus: LifeCycleStatusChoice.nullish(),
    validFrom: WireDateTime.nullish(),
    validTo: WireDateTime.nullish(),
  })
  .openapi('ItSystemUsageValidityWriteRequestDTO');

const GeneralIn = z
  .strictObject({
    mainContractUuid: WireUuid.nullish(),
    localSystemId: z.string().max(200).nullish(),
    localCallName: z.string().max(100).nullish(),
    dataClassificationUuid: WireUuid.nullish(),
    notes: z.string().max(20_000).nullish(),
    systemVersion: z.string().max(100).nullish(),
    numberOfExpectedUsers: z
      .strictObject({ lowerBound: z.number().int().min(0), upperBound: z.number().int().nullish() })
      .nullish(),
    validity: ValidityIn.nullish(),
    containsAITechnology: YesNoUndecidedChoice.nullish(),
    webAccessibilityCompliance: YesNoPartiallyChoice.nullish(),
    lastWebAccessibilityCheck: WireDateTime.nullish(),
    webAccessibilityNotes: z.string().max(20_000).nullish(),
    isSociallyCritical: notStored(),
    isBusinessCritical: YesNoDontKnowChoice.nullish(),
    systemUsageCriticalityLevelUuid: notStored(),
    criticalityLevelDocumentation: notStored(),
    purpose: z.string().max(20_000).nullish(),
    technicalSystemTypeUuids: notStoredList(),
    hostedAt: HostingChoice.nullish(),
    licensingAndCodeModels: notStoredList(),
  })
  .openapi('GeneralDataUpdateRequestDTO');

const OrganizationUsageIn = z
  .strictObject({
    usingOrganizationUnitUuids: z.array(WireUuid).max(1000).nullish(),
    responsibleOrganizationUnitUuid: WireUuid.nullish(),
  })
  .openapi('OrganizationUsageWriteRequestDTO');

const KleIn = z
  .strictObject({
    removedKLEUuids: z.array(WireUuid).max(1000).nullish(),
    addedKLEUuids: z.array(WireUuid).max(1000).nullish(),
  })
  .openapi('LocalKLEDeviationsRequestDTO');

const JournalPeriodIn = z
  .strictObject({
    uuid: WireUuid.nullish(),
    archiveId: z.string().max(200),
    startDate: WireDateTime,
    endDate: WireDateTime,
    approved: z.boolean(),
  })
  .openapi('JournalPeriodUpdateRequestDTO');

const ArchivingIn = z
  .strictObject({
    journalPeriods: z.array(JournalPeriodIn).max(1000).nullish(),
    archiveDuty: ArchiveDutyChoice.nullish(),
    typeUuid: WireUuid.nullish(),
    locationUuid: WireUuid.nullish(),
    testLocationUuid: WireUuid.nullish(),
    supplierOrganizationUuid: WireUuid.nullish(),
    active: z.boolean().nullish(),
    notes: z.string().max(20_000).nullish(),
    frequencyInMonths: z.number().int().min(0).nullish(),
    documentBearing: z.boolean().nullish(),
  })
  .openapi('ArchivingUpdateRequestDTO');

const GdprIn = z
  .strictObject({
    processingPurpose: notStored(),
    directoryDocumentation: LinkIn.nullish(),
    dataSensitivityLevels: z.array(DataSensitivityLevelChoice).max(10).nullish(),
    sensitivePersonDataUuids: z.array(WireUuid).max(1000).nullish(),
    specificPersonalData: z.array(GDPRPersonalDataChoice).max(10).nullish(),
    registeredDataCategoryUuids: z.array(WireUuid).max(1000).nullish(),
    technicalPrecautionsInPlace: YesNoDontKnowChoice.nullish(),
    technicalPrecautionsApplied: z.array(TechnicalPrecautionChoice).max(10).nullish(),
    technicalPrecautionsDocumentation: LinkIn.nullish(),
    userSupervision: YesNoDontKnowChoice.nullish(),
    userSupervisionDate: WireDateTime.nullish(),
    userSupervisionDocumentation: LinkIn.nullish(),
    riskAssessmentConducted: YesNoDontKnowChoice.nullish(),
    riskAssessmentConductedDate: WireDateTime.nullish(),
    riskAssessmentResult: RiskLevelChoice.nullish(),
    plannedRiskAssessmentDate: WireDateTime.nullish(),
    riskAssessmentDocumentation: LinkIn.nullish(),
    riskAssessmentNotes: z.string().max(20_000).nullish(),
    dpiaConducted: YesNoDontKnowChoice.nullish(),
    dpiaDate: WireDateTime.nullish(),
    dpiaDocumentation: LinkIn.nullish(),
    retentionPeriodDefined: YesNoDontKnowChoice.nullish(),
    nextDataRetentionEvaluationDate: WireDateTime.nullish(),
    dataRetentionEvaluationFrequencyInMonths: z.number().int().min(0).nullish(),
    isDataProcessingAgreementRequired: notStored(),
  })
  .openapi('GDPRWriteRequestDTO');

const sections = {
  general: GeneralIn.nullish(),
  externalReferences: z.array(ExternalReferenceIn).max(100).nullish(),
  archiving: ArchivingIn.nullish(),
  roles: z.array(RoleAssignmentIn).max(1000).nullish(),
  organizationUsage: OrganizationUsageIn.nullish(),
  localKleDeviations: KleIn.nullish(),
  gdpr: GdprIn.nullish(),
};

/** `CreateItSystemUsageRequestDTO`. */
export const CreateItSystemUsageRequest = z
  .strictObject({ systemUuid: WireUuid, organizationUuid: WireUuid, ...sections })
  .openapi('CreateItSystemUsageRequestDTO');
/** `UpdateItSystemUsageRequestDTO` (PATCH by presence; PUT replaces). */
export const UpdateItSystemUsageRequest = z.strictObject(sections).openapi('UpdateItSystemUsageRequestDTO');
type Body = z.infer<typeof UpdateItSystemUsageRequest>;

/** KITOS's interval as the core takes it: no interval is Undecided; the core maps and checks the rest. */
function expectedUsersIn(v: { lowerBound: number; upperBound?: number | null } | null | undefined) {
  return v ? { lowerBound: v.lowerBound, upperBound: v.upperBound ?? null } : 'Undecided';
}

const linkIn = (l: { name?: string | null; url?: string | null } | null | undefined): Link | null =>
  l?.url ? { name: l.name ?? null, url: l.url } : null;

/** The core's patch from a KITOS body: only sections and properties present in it. */
export function usagePatchIn(body: Body, current?: ItSystemUsage): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const g = sectionOf(body.general, GeneralIn);
  if (g) {
    const general: Record<string, unknown> = {};
    const gdprFromGeneral: Record<string, unknown> = {};
    if (has(g, 'mainContractUuid')) general.mainContractUuid = g.mainContractUuid ?? null;
    if (has(g, 'localSystemId')) general.localSystemId = g.localSystemId ?? null;
    if (has(g, 'localCallName')) general.localCallName = g.localCallName ?? null;
    if (has(g, 'dataClassificationUuid')) general.dataClassificationUuid = g.dataClassificationUuid ?? null;
    if (has(g, 'notes')) general.notes = g.notes ?? null;
    if (has(g, 'systemVersion')) general.systemVersion = g.systemVersion ?? null;
    if (has(g, 'numberOfExpectedUsers')) general.numberOfExpectedUsers = expectedUsersIn(g.numberOfExpectedUsers);
    const v = sectionOf(g.validity, ValidityIn);
    if (v) {
      const validity: Record<string, unknown> = {};
      if (has(v, 'lifeCycleStatus')) validity.lifeCycleStatus = v.lifeCycleStatus ?? null;
      if (has(v, 'validFrom')) validity.validFrom = dateIn(v.validFrom) ?? null;
      if (has(v, 'validTo')) validity.validTo = dateIn(v.validTo) ?? null;
      general.validity = validity;
    }
    if (has(g, 'containsAITechnology')) general.containsAITechnology = g.containsAITechnology ?? null;
    const web: Record<string, unknown> = {};
    if (has(g, 'webAccessibilityCompliance')) web.compliance = g.webAccessibilityCompliance ?? null;
    if (has(g, 'lastWebAccessibilityCheck')) web.lastCheck = dateIn(g.lastWebAccessibilityCheck) ?? null;
    if (has(g, 'webAccessibilityNotes')) web.notes = g.webAccessibilityNotes ?? null;
    if (Object.keys(web).length) general.webAccessibility = web;
    if (has(g, 'purpose')) gdprFromGeneral.purpose = g.purpose ?? null;
    if (has(g, 'isBusinessCritical')) gdprFromGeneral.businessCritical = g.isBusinessCritical ?? null;
    if (has(g, 'hostedAt')) gdprFromGeneral.hostedAt = g.hostedAt ?? null;
    out.general = general;
    if (Object.keys(gdprFromGeneral).length) out.gdpr = gdprFromGeneral;
  }
  if (has(body, 'externalReferences')) out.externalReferences = externalReferencesIn(body.externalReferences);
  if (has(body, 'roles')) out.roles = rolesIn(body.roles);
  const o = sectionOf(body.organizationUsage, OrganizationUsageIn);
  if (o) {
    const ou: Record<string, unknown> = {};
    if (has(o, 'usingOrganizationUnitUuids')) ou.usingUnitUuids = o.usingOrganizationUnitUuids ?? [];
    if (has(o, 'responsibleOrganizationUnitUuid')) ou.responsibleUnitUuid = o.responsibleOrganizationUnitUuid ?? null;
    out.organizationUsage = ou;
  }
  const k = sectionOf(body.localKleDeviations, KleIn);
  if (k) {
    const kle: Record<string, unknown> = {};
    if (has(k, 'addedKLEUuids')) kle.addedKleUuids = k.addedKLEUuids ?? [];
    if (has(k, 'removedKLEUuids')) kle.removedKleUuids = k.removedKLEUuids ?? [];
    out.localKleDeviations = kle;
  }
  const a = sectionOf(body.archiving, ArchivingIn);
  if (a) {
    const archiving: Record<string, unknown> = {};
    for (const key of [
      'archiveDuty',
      'typeUuid',
      'locationUuid',
      'testLocationUuid',
      'supplierOrganizationUuid',
      'active',
      'notes',
      'frequencyInMonths',
      'documentBearing',
    ] as const)
      if (has(a, key)) archiving[key] = a[key] ?? null;
    if (has(a, 'journalPeriods'))
      archiving.journalPeriods = (a.journalPeriods ?? []).map((p) => ({
        uuid: p.uuid ?? globalThis.crypto.randomUUID(),
        archiveId: p.archiveId,
        startDate: dateIn(p.startDate),
        endDate: dateIn(p.endDate),
        approved: p.approved,
      }));
    out.archiving = archiving;
  }
  const d = sectionOf(body.gdpr, GdprIn);
  if (d) {
    const gdpr: Record<string, unknown> = { ...((out.gdpr as Record<string, unknown>) ?? {}) };
    const plain = [
      'technicalPrecautionsInPlace',
      'userSupervision',
      'riskAssessmentConducted',
      'riskAssessmentNotes',
      'dpiaConducted',
      'retentionPeriodDefined',
    ] as const;
    for (const key of plain) if (has(d, key)) gdpr[key] = d[key] ?? null;
    const dates = [
      'userSupervisionDate',
      'riskAssessmentConductedDate',
      'plannedRiskAssessmentDate',
      'dpiaDate',
      'nextDataRetentionEvaluationDate',
    ] as const;
    for (const key of dates) if (has(d, key)) gdpr[key] = dateIn(d[key]) ?? null;
    const links = [
      'directoryDocumentation',
      'technicalPrecautionsDocumentation',
      'userSupervisionDocumentation',
      'riskAssessmentDocumentation',
      'dpiaDocumentation',
    ] as const;
    for (const key of links) if (has(d, key)) gdpr[key] = linkIn(d[key]);
    if (has(d, 'dataSensitivityLevels'))
      gdpr.dataSensitivityLevels = (d.dataSensitivityLevels ?? []).map(sensitivityIn);
    if (has(d, 'specificPersonalData')) gdpr.specificPersonalData = d.specificPersonalData ?? [];
    if (has(d, 'technicalPrecautionsApplied')) gdpr.technicalPrecautionsApplied = d.technicalPrecautionsApplied ?? [];
    if (has(d, 'sensitivePersonDataUuids')) gdpr.sensitivePersonDataUuids = d.sensitivePersonDataUuids ?? [];
    if (has(d, 'registeredDataCategoryUuids')) gdpr.registeredDataCategoryUuids = d.registeredDataCategoryUuids ?? [];
    if (has(d, 'riskAssessmentResult')) gdpr.riskAssessmentResult = riskIn(d.riskAssessmentResult) ?? null;
    if (has(d, 'dataRetentionEvaluationFrequencyInMonths'))
      gdpr.dataRetentionEvaluationFrequencyInMonths = d.dataRetentionEvaluationFrequencyInMonths ?? 0;
    out.gdpr = gdpr;
  }
  void current;
  return out;
}

const linkOut = (l: Link | null) => (l ? { name: l.name, url: l.url } : null);

/** The DTO of a usage on `today`: every key, nulls included. */
export async function usageOut(names: NameLookup, u: ItSystemUsage, today: string): Promise<ItSystemUsageResponse> {
  const g = u.general;
  let mainContractActive: boolean | undefined;
  if (g.mainContractUuid) {
    const contract = await names.data<Contract>('itContract', g.mainContractUuid);
    mainContractActive = contract ? contractValidity(contract, { today }).valid : false;
  }
  const validity = usageValidity(u, { today, mainContractActive });
  const relation = async (r: ItSystemUsage['outgoingSystemRelations'][number]) => ({
    toSystemUsage: await names.usage(r.toUsageUuid),
    uuid: r.uuid.toLowerCase(),
    relationInterface: await names.pair('itInterface', r.interfaceUuid),
    associatedContract: await names.pair('itContract', r.contractUuid),
    relationFrequency: await names.pair('globalOption', r.frequencyUuid),
    description: r.description,
    urlReference: r.reference,
  });
  const gd = u.gdpr;
  return {
    uuid: u.uuid.toLowerCase(),
    createdBy: await names.user(u.createdBy),
    lastModified: instantOut(u.lastChanged),
    createdAt: dateOut(g.validity.validFrom),
    lastModifiedBy: await names.user(u.lastChangedBy),
    systemContext: (await names.pair('itSystem', u.systemUuid)) as { uuid: string; name: string },
    organizationContext: await names.organization(u.organizationUuid),
    general: {
      localSystemId: g.localSystemId,
      localCallName: g.localCallName,
      dataClassification: await names.pair('globalOption', g.dataClassificationUuid),
      notes: g.notes,
      systemVersion: g.systemVersion,
      numberOfExpectedUsers: g.numberOfExpectedUsers ? usageUserCountToInterval(g.numberOfExpectedUsers) : null,
      validity: {
        valid: validity.valid,
        validAccordingToValidityPeriod: validity.validAccordingToValidityPeriod,
        validAccordingToLifeCycle: validity.validAccordingToLifeCycle,
        validAccordingToMainContract: validity.validAccordingToMainContract,
        mainContractState: g.mainContractUuid ? (mainContractActive ? 'Active' : 'Inactive') : 'NoContract',
        lifeCycleStatus: g.validity.lifeCycleStatus,
        validFrom: dateOut(g.validity.validFrom),
        validTo: dateOut(g.validity.validTo),
      },
      mainContract: await names.pair('itContract', g.mainContractUuid),
      containsAITechnology: g.containsAITechnology,
      webAccessibilityCompliance: g.webAccessibility.compliance,
      lastWebAccessibilityCheck: dateOut(g.webAccessibility.lastCheck),
      webAccessibilityNotes: g.webAccessibility.notes,
      isSociallyCritical: null,
      isBusinessCritical: gd.businessCritical,
      criticalityFieldsLastChanged: null,
      systemUsageCriticalityLevel: null,
      criticalityLevelDocumentation: null,
      purpose: gd.purpose,
      technicalSystemTypes: [],
      hostedAt: gd.hostedAt,
      licensingAndCodeModels: [],
    },
    roles: await rolesOut(names, u.roles),
    organizationUsage: {
      usingOrganizationUnits: await names.pairs('organizationUnit', u.organizationUsage.usingUnitUuids),
      responsibleOrganizationUnit: await names.pair('organizationUnit', u.organizationUsage.responsibleUnitUuid),
    },
    localKLEDeviations: {
      removedKLE: await Promise.all(u.localKleDeviations.removedKleUuids.map((k) => names.kle(k))),
      addedKLE: await Promise.all(u.localKleDeviations.addedKleUuids.map((k) => names.kle(k))),
    },
    externalReferences: externalReferencesOut(u.externalReferences),
    archiving: {
      archiveDuty: u.archiving.archiveDuty,
      type: await names.pair('globalOption', u.archiving.typeUuid),
      location: await names.pair('globalOption', u.archiving.locationUuid),
      testLocation: await names.pair('globalOption', u.archiving.testLocationUuid),
      supplier: await names.organization(u.archiving.supplierOrganizationUuid),
      active: u.archiving.active,
      notes: u.archiving.notes,
      frequencyInMonths: u.archiving.frequencyInMonths,
      documentBearing: u.archiving.documentBearing,
      journalPeriods: u.archiving.journalPeriods.map((p) => ({
        uuid: p.uuid.toLowerCase(),
        archiveId: p.archiveId ?? '',
        startDate: dateOut(p.startDate) as string,
        endDate: dateOut(p.endDate) as string,
        approved: p.approved,
      })),
    },
    gdpr: {
      processingPurpose: null,
      directoryDocumentation: linkOut(gd.directoryDocumentation),
      dataSensitivityLevels: gd.dataSensitivityLevels.map(sensitivityOut),
      sensitivePersonData: await names.pairs('globalOption', gd.sensitivePersonDataUuids),
      specificPersonalData: gd.specificPersonalData,
      registeredDataCategories: await names.pairs('globalOption', gd.registeredDataCategoryUuids),
      technicalPrecautionsInPlace: gd.technicalPrecautionsInPlace,
      technicalPrecautionsApplied: gd.technicalPrecautionsApplied,
      technicalPrecautionsDocumentation: linkOut(gd.technicalPrecautionsDocumentation),
      userSupervision: gd.userSupervision,
      userSupervisionDate: dateOut(gd.userSupervisionDate),
      userSupervisionDocumentation: linkOut(gd.userSupervisionDocumentation),
      riskAssessmentConducted: gd.riskAssessmentConducted,
      riskAssessmentConductedDate: dateOut(gd.riskAssessmentConductedDate),
      riskAssessmentResult: riskOut(gd.riskAssessmentResult),
      riskAssessmentDocumentation: linkOut(gd.riskAssessmentDocumentation),
      riskAssessmentNotes: gd.riskAssessmentNotes,
      plannedRiskAssessmentDate: dateOut(gd.plannedRiskAssessmentDate),
      dpiaConducted: gd.dpiaConducted,
      dpiaDate: dateOut(gd.dpiaDate),
      dpiaDocumentation: linkOut(gd.dpiaDocumentation),
      retentionPeriodDefined: gd.retentionPeriodDefined,
      nextDataRetentionEvaluationDate: dateOut(gd.nextDataRetentionEvaluationDate),
      dataRetentionEvaluationFrequencyInMonths: gd.dataRetentionEvaluationFrequencyInMonths,
      isDataProcessingAgreementRequired: null,
    },
    outgoingSystemRelations: await Promise.all(u.outgoingSystemRelations.map(relation)),
  };
}
