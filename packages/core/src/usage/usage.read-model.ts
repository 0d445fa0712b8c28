/**
 * The read model of IT-system usages: the overview row ("IT-systemer i organisationen") with its
 * columns, and the card. Every column is computed from the organisation's records; the row
 * schema, the columns and the builder are declared together so they cannot drift apart.
 *
 * @module
 */
import { effectiveUsageKle } from './usage-kle.rules.js';
import { z } from 'zod';
import type { ReadContext } from '../overview/read-context.js';
import {
  type CardValidity,
  CardValiditySchema,
  EntityRefSchema,
  PermissionsSchema,
  RoleHolderSchema,
  type StatusReason,
  UnitRefSchema,
} from '../overview/refs.js';
import { defineColumns } from '../overview/query.js';
import { IsoDateSchema, UuidSchema } from '../shared/schema.js';
import { YesNoDontKnow } from '../shared/enums.js';
import { LifeCycleStatus, SensitiveDataLevel, UsageArchiveDuty, UsageHostedAt } from './usage-enums.js';
import { UsageValidityError, usageValidity } from './usage-validity.rules.js';
import type { ItSystemUsage } from './usage.schema.js';
import { DataQualityCheck, qualityCells, usageQuality } from '../quality/quality.rules.js';

const text = z.string().max(10_000).nullable();
const names = z.array(z.string().max(500)).max(2_000);

/** One row of the usage overview. */
export const UsageRowSchema = z.strictObject({
  uuid: UuidSchema,
  active: z.boolean(),
  inactiveReasons: z.array(UsageValidityError.schema).max(4),
  validAccordingToValidityPeriod: z.boolean(),
  validAccordingToLifeCycle: z.boolean(),
  validAccordingToMainContract: z.boolean(),
  systemName: z.string().max(300),
  localCallName: text,
  localSystemId: text,
  systemVersion: text,
  parentSystemName: text,
  previousName: text,
  businessType: text,
  rightsHolder: text,
  supplier: text,
  systemDeactivated: z.boolean(),
  validFrom: IsoDateSchema.nullable(),
  validTo: IsoDateSchema.nullable(),
  lifeCycleStatus: LifeCycleStatus.schema.nullable(),
  hostedAt: UsageHostedAt.schema.nullable(),
  notes: text,
  dataClassification: text,
  responsibleUnit: text,
  responsibleUnitUuid: UuidSchema.nullable(),
  usingUnits: names,
  kle: names,
  dataSensitivity: z.array(SensitiveDataLevel.schema).max(10),
  purpose: text,
  riskAssessmentDate: IsoDateSchema.nullable(),
  plannedRiskAssessmentDate: IsoDateSchema.nullable(),
  dpiaConducted: YesNoDontKnow.schema.nullable(),
  businessCritical: YesNoDontKnow.schema.nullable(),
  archiveDuty: UsageArchiveDuty.schema.nullable(),
  dataProcessingAgreementConcluded: z.boolean(),
  dataProcessingRegistrations: names,
  outgoingRelationCount: z.number().int(),
  incomingRelationCount: z.number().int(),
  mainContract: text,
  mainContractActive: z.boolean().nullable(),
  contracts: names,
  nextNoticeDeadline: IsoDateSchema.nullable(),
  roleHolders: names,
  qualityScore: z.number().int().min(0).max(100),
  qualityGaps: z.number().int().min(0),
  qualityChecks: z.array(DataQualityCheck.schema).max(100),
  lastChanged: IsoDateSchema,
});
/** One row of the usage overview. */
export type UsageRow = z.infer<typeof UsageRowSchema>;

const l = (da: string, en: string) => ({ da, en });

/** Columns of the usage overview, grouped as KITOS's column chooser groups them. */
export const USAGE_COLUMNS = defineColumns<UsageRow>({
  active: { type: 'boolean', group: 'status', label: l('Status', 'Status'), visible: true },
  inactiveReasons: {
    type: 'enum',
    group: 'status',
    label: l('Årsag til ikke aktiv', 'Why not active'),
    visible: true,
    enum: 'UsageValidityError',
  },
  validAccordingToValidityPeriod: {
    type: 'boolean',
    group: 'status',
    label: l('Status (Datofelter)', 'Status (dates)'),
  },
  validAccordingToLifeCycle: {
    type: 'boolean',
    group: 'status',
    label: l('Status (Livscyklus)', 'Status (life cycle)'),
  },
  validAccordingToMainContract: {
    type: 'boolean',
    group: 'status',
    label: l('Status (Markeret kontrakt)', 'Status (main contract)'),
  },
  systemName: { type: 'text', group: 'system', label: l('IT-system', 'IT system'), visible: true },
  localCallName: { type: 'text', group: 'system', label: l('Lokalt kaldenavn', 'Local name') },
  localSystemId: { type: 'text', group: 'system', label: l('Lokalt system-ID', 'Local system id') },
  systemVersion: { type: 'text', group: 'system', label: l('Version', 'Version') },
  parentSystemName: { type: 'text', group: 'system', label: l('Overordnet IT-system', 'Parent system') },
  previousName: { type: 'text', group: 'system', label: l('Tidligere systemnavn', 'Former name') },
  businessType: { type: 'text', group: 'system', label: l('Forretningstype', 'Business type'), visible: true },
  rightsHolder: { type: 'text', group: 'system', label: l('Rettighedshaver', 'Rights holder'), visible: true },
  supplier: { type: 'text', group: 'system', label: l('Leverandør', 'Supplier'), visible: true },
  systemDeactivated: { type: 'boolean', group: 'system', label: l('Systemet er deaktiveret', 'System deactivated') },
  validFrom: { type: 'date', group: 'system', label: l('Ibrugtagningsdato', 'In use from'), visible: true },
  validTo: { type: 'date', group: 'system', label: l('Slutdato for anvendelse', 'In use until'), visible: true },
  lifeCycleStatus: {
    type: 'enum',
    group: 'system',
    label: l('Livscyklus', 'Life cycle'),
    visible: true,
    enum: 'LifeCycleStatus',
  },
  hostedAt: { type: 'enum', group: 'system', label: l('IT-systemet driftes', 'Hosted'), enum: 'UsageHostedAt' },
  notes: { type: 'text', group: 'system', label: l('Noter', 'Notes') },
  dataClassification: { type: 'text', group: 'system', label: l('Klassifikation af data', 'Data classification') },
  responsibleUnit: {
    type: 'unit',
    group: 'organisation',
    label: l('Ansvarlig organisationsenhed', 'Responsible unit'),
    visible: true,
    unitUuidColumn: 'responsibleUnitUuid',
  },
  responsibleUnitUuid: {
    type: 'text',
    group: 'organisation',
    label: l('Ansvarlig organisationsenhed (UUID)', 'Responsible unit (UUID)'),
  },
  usingUnits: { type: 'list', group: 'organisation', label: l('Relevante organisationsenheder', 'Relevant units') },
  kle: { type: 'list', group: 'kle', label: l('KLE', 'KLE') },
  dataSensitivity: {
    type: 'enum',
    group: 'gdpr',
    label: l('Datatyper', 'Data sensitivity'),
    enum: 'SensitiveDataLevel',
  },
  purpose: { type: 'text', group: 'gdpr', label: l('Behandlingsformål', 'Purpose') },
  riskAssessmentDate: { type: 'date', group: 'gdpr', label: l('Seneste risikovurdering', 'Last risk assessment') },
  plannedRiskAssessmentDate: {
    type: 'date',
    group: 'gdpr',
    label: l('Planlagt risikovurdering', 'Planned risk assessment'),
  },
  dpiaConducted: { type: 'enum', group: 'gdpr', label: l('DPIA gennemført', 'DPIA conducted'), enum: 'YesNoDontKnow' },
  businessCritical: {
    type: 'enum',
    group: 'gdpr',
    label: l('Forretningskritisk', 'Business critical'),
    enum: 'YesNoDontKnow',
  },
  archiveDuty: {
    type: 'enum',
    group: 'archiving',
    label: l('Arkiveringspligt', 'Archive duty'),
    enum: 'UsageArchiveDuty',
  },
  dataProcessingAgreementConcluded: {
    type: 'boolean',
    group: 'dataProcessing',
    label: l('Databehandleraftale indgået', 'Data processing agreement concluded'),
  },
  dataProcessingRegistrations: { type: 'list', group: 'dataProcessing', label: l('Databehandling', 'Data processing') },
  outgoingRelationCount: {
    type: 'number',
    group: 'relations',
    label: l('Anvendte systemer (antal)', 'Systems used (count)'),
  },
  incomingRelationCount: {
    type: 'number',
    group: 'relations',
    label: l('Systemer der anvender systemet (antal)', 'Used by systems (count)'),
  },
  mainContract: { type: 'text', group: 'contracts', label: l('Markeret kontrakt', 'Main contract'), visible: true },
  mainContractActive: {
    type: 'boolean',
    group: 'contracts',
    label: l('Markeret kontrakt aktiv', 'Main contract active'),
  },
  contracts: { type: 'list', group: 'contracts', label: l('IT-kontrakter', 'Contracts') },
  nextNoticeDeadline: {
    type: 'date',
    group: 'contracts',
    label: l('Seneste opsigelsesdag (markeret kontrakt)', 'Latest notice day (main contract)'),
    visible: true,
  },
  roleHolders: { type: 'list', group: 'roles', label: l('Roller', 'Roles') },
  qualityScore: {
    type: 'number',
    group: 'quality',
    label: l('Datakvalitet', 'Data quality'),
  },
  qualityGaps: { type: 'number', group: 'quality', label: l('Mangler (antal)', 'Gaps (count)') },
  qualityChecks: { type: 'enum', group: 'quality', label: l('Mangler', 'Gaps'), enum: 'DataQualityCheck' },
  lastChanged: { type: 'date', group: 'audit', label: l('Sidst redigeret', 'Last changed') },
});

/**
 * The notice deadline people act on: before the expiry for fixed-term contracts (missing it means
 * the contract runs on, or an extension is used), otherwise the next possible one.
 */
export function actionableNoticeDay(d: ReturnType<ReadContext['deadlines']>): string | null {
  return d.term === 'fixed' && d.latestNoticeDayBeforeExpiry ? d.latestNoticeDayBeforeExpiry : d.latestNoticeDay;
}

function validity(u: ItSystemUsage, ctx: ReadContext) {
  const main = ctx.contract(u.general.mainContractUuid);
  const mainActive = main ? (ctx.contractValidity(main.uuid)?.valid ?? false) : undefined;
  const v = usageValidity(
    u,
    main ? { today: ctx.today, mainContractActive: mainActive ?? false } : { today: ctx.today },
  );
  return { main, mainActive, v };
}

/**
 * The overview rows of an organisation's usages.
 *
 * @example
 * ```ts
 * const rows = usageRows(ctx.usages, ctx);
 * rows[0]?.dataProcessingAgreementConcluded; // true when one of its registrations says Yes
 * ```
 */
export function usageRows(usages: readonly ItSystemUsage[], ctx: ReadContext): UsageRow[] {
  const incoming = new Map<string, number>();
  for (const u of ctx.usages)
    for (const r of u.outgoingSystemRelations) incoming.set(r.toUsageUuid, (incoming.get(r.toUsageUuid) ?? 0) + 1);
  return usages.map((u) => {
    const system = ctx.system(u.systemUuid);
    const { main, mainActive, v } = validity(u, ctx);
    const registrations = ctx.registrationsOf(u.uuid);
    const responsible = u.organizationUsage.responsibleUnitUuid;
    return {
      uuid: u.uuid,
      active: v.valid,
      inactiveReasons: [...v.errors],
      validAccordingToValidityPeriod: v.validAccordingToValidityPeriod,
      validAccordingToLifeCycle: v.validAccordingToLifeCycle,
      validAccordingToMainContract: v.validAccordingToMainContract,
      systemName: system?.name ?? u.systemUuid,
      localCallName: u.general.localCallName ?? null,
      localSystemId: u.general.localSystemId ?? null,
      systemVersion: u.general.systemVersion ?? null,
      parentSystemName: ctx.system(system?.parentUuid)?.name ?? null,
      previousName: system?.previousName ?? null,
      businessType: ctx.optionName(system?.businessTypeUuid),
      rightsHolder: ctx.organizationName(system?.rightsHolderUuid),
      supplier: main ? ctx.organizationName(main.supplier.organizationUuid) : null,
      systemDeactivated: system?.deactivated ?? false,
      validFrom: u.general.validity.validFrom ?? null,
      validTo: u.general.validity.validTo ?? null,
      lifeCycleStatus: u.general.validity.lifeCycleStatus ?? null,
      hostedAt: u.gdpr.hostedAt ?? null,
      notes: u.general.notes ?? null,
      dataClassification: ctx.optionName(u.general.dataClassificationUuid),
      responsibleUnit: ctx.unitPath(responsible),
      responsibleUnitUuid: responsible,
      usingUnits: u.organizationUsage.usingUnitUuids.map((x) => ctx.unit(x)?.name ?? x),
      kle: effectiveUsageKle(system?.kleUuids ?? [], u.localKleDeviations)
        .map((k) => ctx.kleText(k))
        .filter((k): k is string => k !== null)
        .sort(),
      dataSensitivity: [...u.gdpr.dataSensitivityLevels],
      purpose: u.gdpr.purpose ?? null,
      riskAssessmentDate: u.gdpr.riskAssessmentConductedDate ?? null,
      plannedRiskAssessmentDate: u.gdpr.plannedRiskAssessmentDate ?? null,
      dpiaConducted: u.gdpr.dpiaConducted ?? null,
      businessCritical: u.gdpr.businessCritical ?? null,
      archiveDuty: u.archiving.archiveDuty ?? null,
      // KITOS: a usage has a data processing agreement when one of its registrations says Yes.
      dataProcessingAgreementConcluded: registrations.some((d) => d.general.isAgreementConcluded === 'Yes'),
      dataProcessingRegistrations: registrations.map((d) => d.name),
      outgoingRelationCount: u.outgoingSystemRelations.length,
      incomingRelationCount: incoming.get(u.uuid) ?? 0,
      mainContract: main?.name ?? null,
      mainContractActive: mainActive ?? null,
      contracts: ctx.contractsOf(u.uuid).map((c) => c.name),
      nextNoticeDeadline: main ? actionableNoticeDay(ctx.deadlines(main)) : null,
      roleHolders: ctx.roleHolders(u.roles).map((r) => `${r.role}: ${r.user}`),
      ...qualityCells(usageQuality(u, ctx)),
      lastChanged: u.lastChanged.slice(0, 10),
    };
  });
}

/** Everything `<kitos-usage-card>` shows about one usage. */
export const UsageCardSchema = z.strictObject({
  uuid: UuidSchema,
  organizationUuid: UuidSchema,
  version: z.number().int(),
  /** Name of the catalogue system. */
  systemName: z.string().max(300),
  /** The organisation's own name for the system ("Lokalt kaldenavn"). */
  localCallName: text,
  localSystemId: text,
  validity: CardValiditySchema,
  lifeCycleStatus: LifeCycleStatus.schema.nullable(),
  validFrom: IsoDateSchema.nullable(),
  validTo: IsoDateSchema.nullable(),
  responsibleUnit: UnitRefSchema.nullable(),
  usingUnits: z.array(UnitRefSchema).max(2_000),
  /** The contract that decides the usage's status ("Markeret kontrakt"). */
  mainContract: EntityRefSchema.extend({ active: z.boolean() }).nullable(),
  /** Supplier of the main contract. */
  supplier: text,
  kle: names,
  gdpr: z.strictObject({
    dataSensitivity: z.array(SensitiveDataLevel.schema).max(10),
    purpose: text,
    dataProcessingAgreementConcluded: z.boolean(),
    dataProcessingRegistrations: z.array(EntityRefSchema).max(2_000),
    riskAssessmentDate: IsoDateSchema.nullable(),
    plannedRiskAssessmentDate: IsoDateSchema.nullable(),
    dpiaConducted: YesNoDontKnow.schema.nullable(),
  }),
  roles: z.array(RoleHolderSchema).max(500),
  permissions: PermissionsSchema,
});
/** Everything `<kitos-usage-card>` shows about one usage. */
export type UsageCard = z.infer<typeof UsageCardSchema>;

function usageValidityCard(u: ItSystemUsage, ctx: ReadContext): CardValidity {
  const { main, v } = validity(u, ctx);
  const reason = (code: StatusReason['code']): StatusReason => ({
    code,
    date:
      code === 'StartDateNotPassed'
        ? (u.general.validity.validFrom ?? null)
        : code === 'EndDatePassed'
          ? (u.general.validity.validTo ?? null)
          : null,
    terminatedAt: null,
    contractName: code === 'MainContractNotActive' ? (main?.name ?? null) : null,
  });
  return { valid: v.valid, today: ctx.today, reasons: v.errors.map(reason) };
}

/**
 * The card of one usage.
 *
 * @example
 * ```ts
 * const card = usageCard(usage, ctx, { read: true, modify: false, delete: false });
 * card.validity.reasons; // [{ code: 'EndDatePassed', date: '2025-12-31', … }]
 * ```
 */
export function usageCard(
  u: ItSystemUsage,
  ctx: ReadContext,
  permissions: z.infer<typeof PermissionsSchema>,
): UsageCard {
  const system = ctx.system(u.systemUuid);
  const { main, mainActive } = validity(u, ctx);
  const registrations = ctx.registrationsOf(u.uuid);
  return {
    uuid: u.uuid,
    organizationUuid: u.organizationUuid,
    version: u.version,
    systemName: system?.name ?? u.systemUuid,
    localCallName: u.general.localCallName ?? null,
    localSystemId: u.general.localSystemId ?? null,
    validity: usageValidityCard(u, ctx),
    lifeCycleStatus: u.general.validity.lifeCycleStatus ?? null,
    validFrom: u.general.validity.validFrom ?? null,
    validTo: u.general.validity.validTo ?? null,
    responsibleUnit: ctx.unit(u.organizationUsage.responsibleUnitUuid),
    usingUnits: u.organizationUsage.usingUnitUuids.map((x) => ctx.unit(x) ?? { uuid: x, name: x }),
    mainContract: main ? { uuid: main.uuid, name: main.name, active: mainActive ?? false } : null,
    supplier: main ? ctx.organizationName(main.supplier.organizationUuid) : null,
    kle: effectiveUsageKle(system?.kleUuids ?? [], u.localKleDeviations)
      .map((k) => ctx.kleText(k))
      .filter((k): k is string => k !== null)
      .sort(),
    gdpr: {
      dataSensitivity: [...u.gdpr.dataSensitivityLevels],
      purpose: u.gdpr.purpose ?? null,
      dataProcessingAgreementConcluded: registrations.some((d) => d.general.isAgreementConcluded === 'Yes'),
      dataProcessingRegistrations: registrations.map((d) => ({ uuid: d.uuid, name: d.name })),
      riskAssessmentDate: u.gdpr.riskAssessmentConductedDate ?? null,
      plannedRiskAssessmentDate: u.gdpr.plannedRiskAssessmentDate ?? null,
      dpiaConducted: u.gdpr.dpiaConducted ?? null,
    },
    roles: ctx.roleHolders(u.roles),
    permissions,
  };
}
