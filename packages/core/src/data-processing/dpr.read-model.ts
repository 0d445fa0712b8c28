/**
 * The read model of data processing registrations: the overview row ("Databehandling") and the
 * card. Row schema, columns and builder live together so they cannot drift.
 *
 * @module
 */
import { z } from 'zod';
import type { ReadContext } from '../overview/read-context.js';
import {
  CardValiditySchema,
  EntityRefSchema,
  PermissionsSchema,
  RoleHolderSchema,
  UnitRefSchema,
} from '../overview/refs.js';
import { defineColumns } from '../overview/query.js';
import { YesNoIrrelevant, YesNoUndecided } from '../shared/enums.js';
import { IsoDateSchema, UuidSchema } from '../shared/schema.js';
import { dprValidity, latestDprOversightDate } from './dpr.rules.js';
import { type DataProcessingRegistration, OversightInterval } from './dpr.schema.js';
import { DataQualityCheck, dprQuality, qualityCells } from '../quality/quality.rules.js';

const text = z.string().max(10_000).nullable();
const names = z.array(z.string().max(500)).max(2_000);
const date = IsoDateSchema.nullable();

/** One row of the data processing overview. */
export const DprRowSchema = z.strictObject({
  uuid: UuidSchema,
  active: z.boolean(),
  name: z.string().max(200),
  agreementConcluded: YesNoIrrelevant.schema.nullable(),
  agreementConcludedAt: date,
  dataProcessors: names,
  subDataProcessors: names,
  transferToInsecureThirdCountries: YesNoUndecided.schema.nullable(),
  systemUsages: names,
  contracts: names,
  mainContract: text,
  responsibleUnit: text,
  responsibleUnitUuid: UuidSchema.nullable(),
  oversightInterval: OversightInterval.schema.nullable(),
  latestOversightDate: date,
  scheduledInspectionDate: date,
  roleHolders: names,
  qualityScore: z.number().int().min(0).max(100),
  qualityGaps: z.number().int().min(0),
  qualityChecks: z.array(DataQualityCheck.schema).max(100),
  lastChanged: IsoDateSchema,
});
/** One row of the data processing overview. */
export type DprRow = z.infer<typeof DprRowSchema>;

const l = (da: string, en: string) => ({ da, en });

/** Columns of the data processing overview. */
export const DPR_COLUMNS = defineColumns<DprRow>({
  active: { type: 'boolean', group: 'core', label: l('Status', 'Status'), visible: true },
  name: { type: 'text', group: 'core', label: l('Databehandling', 'Registration'), visible: true },
  agreementConcluded: {
    type: 'enum',
    group: 'core',
    label: l('Databehandleraftale indgået', 'Agreement concluded'),
    visible: true,
    enum: 'YesNoIrrelevant',
  },
  agreementConcludedAt: { type: 'date', group: 'core', label: l('Dato for indgåelse', 'Concluded on') },
  dataProcessors: { type: 'list', group: 'core', label: l('Databehandlere', 'Data processors'), visible: true },
  subDataProcessors: { type: 'list', group: 'core', label: l('Underdatabehandlere', 'Sub-processors') },
  transferToInsecureThirdCountries: {
    type: 'enum',
    group: 'core',
    label: l('Overførsel til usikkert tredjeland', 'Transfer to insecure third countries'),
    enum: 'YesNoUndecided',
  },
  systemUsages: { type: 'list', group: 'links', label: l('IT-systemer', 'IT systems'), visible: true },
  contracts: { type: 'list', group: 'links', label: l('IT-kontrakter', 'Contracts') },
  mainContract: { type: 'text', group: 'links', label: l('Markeret kontrakt', 'Main contract') },
  responsibleUnit: {
    type: 'unit',
    group: 'core',
    label: l('Ansvarlig organisationsenhed', 'Responsible unit'),
    visible: true,
    unitUuidColumn: 'responsibleUnitUuid',
  },
  responsibleUnitUuid: {
    type: 'text',
    group: 'core',
    label: l('Ansvarlig organisationsenhed (UUID)', 'Responsible unit (UUID)'),
  },
  oversightInterval: {
    type: 'enum',
    group: 'oversight',
    label: l('Tilsynsinterval', 'Oversight interval'),
    enum: 'OversightInterval',
  },
  latestOversightDate: {
    type: 'date',
    group: 'oversight',
    label: l('Seneste tilsyn', 'Latest oversight'),
    visible: true,
  },
  scheduledInspectionDate: {
    type: 'date',
    group: 'oversight',
    label: l('Kommende planlagt tilsyn', 'Scheduled inspection'),
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

function validity(d: DataProcessingRegistration, ctx: ReadContext) {
  const main = ctx.contract(d.general.mainContractUuid);
  const mainActive = main ? (ctx.contractValidity(main.uuid)?.valid ?? false) : undefined;
  return { main, v: dprValidity(d, main ? { mainContractActive: mainActive ?? false } : {}) };
}

/**
 * The overview rows of an organisation's registrations.
 *
 * @example
 * ```ts
 * const rows = dprRows(ctx.registrations, ctx);
 * ```
 */
export function dprRows(registrations: readonly DataProcessingRegistration[], ctx: ReadContext): DprRow[] {
  return registrations.map((d) => {
    const { main, v } = validity(d, ctx);
    return {
      uuid: d.uuid,
      active: v.valid,
      name: d.name,
      agreementConcluded: d.general.isAgreementConcluded ?? null,
      agreementConcludedAt: d.general.agreementConcludedAt ?? null,
      dataProcessors: d.general.dataProcessorUuids.map((o) => ctx.organizationName(o) ?? o),
      subDataProcessors: d.general.subDataProcessors.map(
        (s) => ctx.organizationName(s.organizationUuid) ?? s.organizationUuid,
      ),
      transferToInsecureThirdCountries: d.general.transferToInsecureThirdCountries ?? null,
      systemUsages: d.systemUsageUuids.map((u) => ctx.usageName(u).name),
      contracts: d.contractUuids.map((c) => ctx.contract(c)?.name ?? c),
      mainContract: main?.name ?? null,
      responsibleUnit: ctx.unitPath(d.general.responsibleUnitUuid),
      responsibleUnitUuid: d.general.responsibleUnitUuid ?? null,
      oversightInterval: d.oversight.oversightInterval ?? null,
      latestOversightDate: latestDprOversightDate(d),
      scheduledInspectionDate: d.oversight.scheduledInspectionDate ?? null,
      roleHolders: ctx.roleHolders(d.roles).map((r) => `${r.role}: ${r.user}`),
      ...qualityCells(dprQuality(d, ctx)),
      lastChanged: d.lastChanged.slice(0, 10),
    };
  });
}

/** Everything a card shows about one data processing registration. */
export const DprCardSchema = z.strictObject({
  uuid: UuidSchema,
  organizationUuid: UuidSchema,
  version: z.number().int(),
  name: z.string().max(200),
  validity: CardValiditySchema,
  agreementConcluded: YesNoIrrelevant.schema.nullable(),
  agreementConcludedAt: date,
  dataResponsible: text,
  dataProcessors: z.array(EntityRefSchema).max(2_000),
  subDataProcessors: z.array(EntityRefSchema).max(2_000),
  transferToInsecureThirdCountries: YesNoUndecided.schema.nullable(),
  insecureCountries: names,
  basisForTransfer: text,
  systemUsages: z.array(EntityRefSchema).max(2_000),
  contracts: z.array(EntityRefSchema).max(2_000),
  mainContract: EntityRefSchema.extend({ active: z.boolean() }).nullable(),
  responsibleUnit: UnitRefSchema.nullable(),
  oversight: z.strictObject({
    interval: OversightInterval.schema.nullable(),
    completed: YesNoUndecided.schema.nullable(),
    latestDate: date,
    scheduledInspectionDate: date,
    options: names,
  }),
  roles: z.array(RoleHolderSchema).max(500),
  permissions: PermissionsSchema,
});
/** Everything a card shows about one registration. */
export type DprCard = z.infer<typeof DprCardSchema>;

/**
 * The card of one registration.
 *
 * @example
 * ```ts
 * const card = dprCard(registration, ctx, permissions);
 * card.oversight.latestDate;
 * ```
 */
export function dprCard(
  d: DataProcessingRegistration,
  ctx: ReadContext,
  permissions: z.infer<typeof PermissionsSchema>,
): DprCard {
  const { main, v } = validity(d, ctx);
  const org = (uuid: string) => ({ uuid, name: ctx.organizationName(uuid) ?? uuid });
  return {
    uuid: d.uuid,
    organizationUuid: d.organizationUuid,
    version: d.version,
    name: d.name,
    validity: {
      valid: v.valid,
      today: ctx.today,
      reasons: v.valid
        ? []
        : [{ code: 'MainContractNotActive', date: null, terminatedAt: null, contractName: main?.name ?? null }],
    },
    agreementConcluded: d.general.isAgreementConcluded ?? null,
    agreementConcludedAt: d.general.agreementConcludedAt ?? null,
    dataResponsible: ctx.optionName(d.general.dataResponsibleUuid),
    dataProcessors: d.general.dataProcessorUuids.map(org),
    subDataProcessors: d.general.subDataProcessors.map((s) => org(s.organizationUuid)),
    transferToInsecureThirdCountries: d.general.transferToInsecureThirdCountries ?? null,
    insecureCountries: d.general.insecureCountryUuids.map((c) => ctx.optionName(c) ?? c),
    basisForTransfer: ctx.optionName(d.general.basisForTransferUuid),
    systemUsages: d.systemUsageUuids.map((u) => ctx.usageName(u)),
    contracts: d.contractUuids.map((c) => ({ uuid: c, name: ctx.contract(c)?.name ?? c })),
    mainContract: main
      ? { uuid: main.uuid, name: main.name, active: ctx.contractValidity(main.uuid)?.valid ?? false }
      : null,
    responsibleUnit: ctx.unit(d.general.responsibleUnitUuid),
    oversight: {
      interval: d.oversight.oversightInterval ?? null,
      completed: d.oversight.isOversightCompleted ?? null,
      latestDate: latestDprOversightDate(d),
      scheduledInspectionDate: d.oversight.scheduledInspectionDate ?? null,
      options: d.oversight.oversightOptionUuids.map((o) => ctx.optionName(o) ?? o),
    },
    roles: ctx.roleHolders(d.roles),
    permissions,
  };
}
