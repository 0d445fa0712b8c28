/**
 * The read model of contracts: the overview row ("IT-kontrakter") with the deadline engine's
 * columns, and the card. Row schema, columns and builder live together so they cannot drift.
 *
 * @module
 */
import { z } from 'zod';
import type { ReadContext } from '../overview/read-context.js';
import {
  type CardValidity,
  CardValiditySchema,
  EntityRefSchema,
  PermissionsSchema,
  RoleHolderSchema,
  UnitRefSchema,
} from '../overview/refs.js';
import { defineColumns } from '../overview/query.js';
import { addMonths } from '../shared/dates.js';
import { IsoDateSchema, UuidSchema } from '../shared/schema.js';
import { kitosNoticePeriodMonths } from './notice-period.rules.js';
import { CONTRACT_DEADLINE_KINDS } from './deadline-kinds.js';
import { contractDurationText, contractEconomySummary } from './contract-overview.rules.js';
import { ContractValidityError } from './contract.rules.js';
import type { Contract } from './contract.schema.js';
import { contractQuality, DataQualityCheck, qualityCells } from '../quality/quality.rules.js';
import type { ContractDeadlines } from './deadlines.rules.js';

const text = z.string().max(10_000).nullable();
const names = z.array(z.string().max(500)).max(2_000);
const date = IsoDateSchema.nullable();
const DeadlineKindSchema = z.enum(CONTRACT_DEADLINE_KINDS);

/** One row of the contract overview. */
export const ContractRowSchema = z.strictObject({
  uuid: UuidSchema,
  active: z.boolean(),
  inactiveReasons: z.array(ContractValidityError.schema).max(4),
  contractId: text,
  name: z.string().max(200),
  parentContract: text,
  validFrom: date,
  validTo: date,
  responsibleUnit: text,
  responsibleUnitUuid: UuidSchema.nullable(),
  supplier: text,
  contractType: text,
  purchaseType: text,
  procurementPlan: text,
  systemUsages: names,
  dataProcessingRegistrations: names,
  acquisition: z.number(),
  operation: z.number(),
  other: z.number(),
  duration: text,
  noticePeriodMonths: z.number().int(),
  irrevocableUntil: date,
  terminatedAt: date,
  expiry: date,
  latestNoticeDay: date,
  earliestEnd: date,
  tenderStart: date,
  nextDeadline: date,
  nextDeadlineKind: DeadlineKindSchema.nullable(),
  roleHolders: names,
  qualityScore: z.number().int().min(0).max(100),
  qualityGaps: z.number().int().min(0),
  qualityChecks: z.array(DataQualityCheck.schema).max(100),
  lastChanged: IsoDateSchema,
});
/** One row of the contract overview. */
export type ContractRow = z.infer<typeof ContractRowSchema>;

const l = (da: string, en: string) => ({ da, en });

/** Columns of the contract overview, with the deadline engine's columns. */
export const CONTRACT_COLUMNS = defineColumns<ContractRow>({
  active: { type: 'boolean', group: 'core', label: l('Status', 'Status'), visible: true },
  inactiveReasons: {
    type: 'enum',
    group: 'core',
    label: l('Årsag til ikke aktiv', 'Why not active'),
    visible: true,
    enum: 'ContractValidityError',
  },
  contractId: { type: 'text', group: 'core', label: l('Kontrakt-ID', 'Contract id') },
  name: { type: 'text', group: 'core', label: l('IT-kontrakt', 'Contract'), visible: true },
  parentContract: { type: 'text', group: 'core', label: l('Overordnet kontrakt', 'Parent contract') },
  validFrom: { type: 'date', group: 'core', label: l('Gyldig fra', 'Valid from'), visible: true },
  validTo: { type: 'date', group: 'core', label: l('Gyldig til', 'Valid to'), visible: true },
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
  supplier: { type: 'text', group: 'core', label: l('Leverandør', 'Supplier'), visible: true },
  contractType: { type: 'text', group: 'core', label: l('Kontrakttype', 'Contract type') },
  purchaseType: { type: 'text', group: 'core', label: l('Indkøbsform', 'Purchase type') },
  procurementPlan: { type: 'text', group: 'core', label: l('Genanskaffelsesplan', 'Procurement plan') },
  systemUsages: { type: 'list', group: 'links', label: l('IT-systemer', 'IT systems'), visible: true },
  dataProcessingRegistrations: { type: 'list', group: 'links', label: l('Databehandling', 'Data processing') },
  acquisition: { type: 'amount', group: 'economy', label: l('Anskaffelse', 'Acquisition') },
  operation: { type: 'amount', group: 'economy', label: l('Drift pr. år', 'Operation per year'), visible: true },
  other: { type: 'amount', group: 'economy', label: l('Andet', 'Other') },
  duration: { type: 'text', group: 'deadlines', label: l('Varighed', 'Duration') },
  noticePeriodMonths: { type: 'number', group: 'deadlines', label: l('Opsigelsesvarsel (måneder)', 'Notice (months)') },
  irrevocableUntil: { type: 'date', group: 'deadlines', label: l('Uopsigelig til', 'Irrevocable until') },
  terminatedAt: { type: 'date', group: 'deadlines', label: l('Opsagt', 'Terminated') },
  expiry: { type: 'date', group: 'deadlines', label: l('Udløber', 'Expires'), visible: true },
  latestNoticeDay: {
    type: 'date',
    group: 'deadlines',
    label: l('Seneste opsigelsesdag', 'Latest notice day'),
    visible: true,
  },
  earliestEnd: { type: 'date', group: 'deadlines', label: l('Tidligst mulige ophør', 'Earliest possible end') },
  tenderStart: { type: 'date', group: 'deadlines', label: l('Start på udbud', 'Tender start'), visible: true },
  nextDeadline: { type: 'date', group: 'deadlines', label: l('Næste frist', 'Next deadline'), visible: true },
  nextDeadlineKind: {
    type: 'enum',
    group: 'deadlines',
    label: l('Næste frist (type)', 'Next deadline (kind)'),
    enum: 'ContractDeadlineKind',
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

/** The notice deadline people act on (see the usage overview's main contract column). */
function noticeDay(d: ContractDeadlines): string | null {
  return d.term === 'fixed' && d.latestNoticeDayBeforeExpiry ? d.latestNoticeDayBeforeExpiry : d.latestNoticeDay;
}

/**
 * The overview rows of an organisation's contracts.
 *
 * @example
 * ```ts
 * const rows = contractRows(ctx.contracts, ctx);
 * rows[0]?.latestNoticeDay; // from the deadline engine
 * ```
 */
export function contractRows(contracts: readonly Contract[], ctx: ReadContext): ContractRow[] {
  return contracts.map((c) => {
    const v = ctx.contractValidity(c.uuid);
    const d = ctx.deadlines(c);
    const economy = contractEconomySummary(c.payments);
    const responsible = c.responsible.organizationUnitUuid;
    const registrations = new Set(c.dataProcessingRegistrationUuids);
    return {
      uuid: c.uuid,
      active: v?.valid ?? false,
      inactiveReasons: [...(v?.errors ?? [])],
      contractId: c.general.contractId ?? null,
      name: c.name,
      parentContract: ctx.contract(c.parentContractUuid)?.name ?? null,
      validFrom: c.general.validity.validFrom ?? null,
      validTo: c.general.validity.validTo ?? null,
      responsibleUnit: ctx.unitPath(responsible),
      responsibleUnitUuid: responsible,
      supplier: ctx.organizationName(c.supplier.organizationUuid),
      contractType: ctx.optionName(c.general.contractTypeUuid),
      purchaseType: ctx.optionName(c.procurement.purchaseTypeUuid),
      procurementPlan: c.procurement.procurementPlan
        ? `Q${c.procurement.procurementPlan.quarter} ${c.procurement.procurementPlan.year}`
        : null,
      systemUsages: c.systemUsageUuids.map((u) => ctx.usageName(u).name),
      dataProcessingRegistrations: ctx.registrations.filter((r) => registrations.has(r.uuid)).map((r) => r.name),
      acquisition: economy.acquisition,
      operation: economy.operation,
      other: economy.other,
      duration: contractDurationText(c.agreementPeriod) || null,
      noticePeriodMonths: kitosNoticePeriodMonths(ctx.optionName(c.termination.terms.noticePeriodMonthsUuid)),
      irrevocableUntil: c.agreementPeriod.irrevocableUntil ?? null,
      terminatedAt: c.termination.terminatedAt ?? null,
      expiry: d.expiry,
      latestNoticeDay: noticeDay(d),
      earliestEnd: d.nextPossibleTermination,
      tenderStart: d.tenderStart,
      nextDeadline: d.nextDeadline?.date ?? null,
      nextDeadlineKind: d.nextDeadline?.kind ?? null,
      roleHolders: ctx.roleHolders(c.roles).map((r) => `${r.role}: ${r.user}`),
      ...qualityCells(contractQuality(c, ctx)),
      lastChanged: c.lastChanged.slice(0, 10),
    };
  });
}

const DeadlineSchema = z.strictObject({ kind: DeadlineKindSchema, date: IsoDateSchema, daysLeft: z.number().int() });

/** The deadline engine's results for a contract, as plain data. */
export const ContractCardDeadlinesSchema = z.strictObject({
  today: IsoDateSchema,
  state: z.enum(['not-started', 'running', 'terminated', 'ended']),
  endReason: z.enum(['expired', 'terminated']).nullable(),
  term: z.enum(['fixed', 'continuous', 'unknown']),
  expiry: date,
  finalExpiry: date,
  latestNoticeDay: date,
  nextPossibleTermination: date,
  terminatedAt: date,
  endsOn: date,
  tenderStart: date,
  deadlines: z.array(DeadlineSchema).max(20),
  nextDeadline: DeadlineSchema.nullable(),
});
/** The deadline engine's results for a contract card. */
export type ContractCardDeadlines = z.infer<typeof ContractCardDeadlinesSchema>;

/** Everything `<kitos-contract-card>` shows about one contract. */
export const ContractCardSchema = z.strictObject({
  uuid: UuidSchema,
  organizationUuid: UuidSchema,
  version: z.number().int(),
  name: z.string().max(200),
  contractId: text,
  contractType: text,
  supplier: text,
  validity: CardValiditySchema,
  validFrom: date,
  validTo: date,
  responsibleUnit: UnitRefSchema.nullable(),
  parentContract: EntityRefSchema.nullable(),
  /** The usages the contract covers. */
  systemUsages: z.array(EntityRefSchema).max(2_000),
  dataProcessingRegistrations: z.array(EntityRefSchema).max(2_000),
  /** Accumulated external payments in kroner. */
  economy: z.strictObject({ acquisition: z.number(), operation: z.number(), other: z.number() }),
  /** Notice period in months, as registered (`null` when none). */
  noticePeriodMonths: z.number().int().nullable(),
  deadlines: ContractCardDeadlinesSchema,
  roles: z.array(RoleHolderSchema).max(500),
  permissions: PermissionsSchema,
});
/** Everything `<kitos-contract-card>` shows about one contract. */
export type ContractCard = z.infer<typeof ContractCardSchema>;

function contractValidityCard(c: Contract, ctx: ReadContext, months: number): CardValidity {
  const v = ctx.contractValidity(c.uuid);
  const parent = ctx.contract(c.parentContractUuid);
  return {
    valid: v?.valid ?? false,
    today: ctx.today,
    enforcedValid: v?.enforcedValid ?? false,
    reasons: (v?.errors ?? []).map((code) => ({
      code,
      date:
        code === 'StartDateNotPassed'
          ? (c.general.validity.validFrom ?? null)
          : code === 'EndDatePassed'
            ? (c.general.validity.validTo ?? null)
            : code === 'TerminationPeriodExceeded' && c.termination.terminatedAt
              ? addMonths(c.termination.terminatedAt, months)
              : null,
      terminatedAt: code === 'TerminationPeriodExceeded' ? (c.termination.terminatedAt ?? null) : null,
      contractName: code === 'InvalidParentContract' ? (parent?.name ?? null) : null,
    })),
  };
}

/**
 * The card of one contract.
 *
 * @example
 * ```ts
 * const card = contractCard(contract, ctx, permissions);
 * card.deadlines.latestNoticeDay; // the last day to give notice
 * ```
 */
export function contractCard(
  c: Contract,
  ctx: ReadContext,
  permissions: z.infer<typeof PermissionsSchema>,
): ContractCard {
  const d = ctx.deadlines(c);
  const economy = contractEconomySummary(c.payments);
  const option = ctx.optionName(c.termination.terms.noticePeriodMonthsUuid);
  const months = kitosNoticePeriodMonths(option);
  const registrations = new Set(c.dataProcessingRegistrationUuids);
  const parent = ctx.contract(c.parentContractUuid);
  return {
    uuid: c.uuid,
    organizationUuid: c.organizationUuid,
    version: c.version,
    name: c.name,
    contractId: c.general.contractId ?? null,
    contractType: ctx.optionName(c.general.contractTypeUuid),
    supplier: ctx.organizationName(c.supplier.organizationUuid),
    validity: contractValidityCard(c, ctx, months),
    validFrom: c.general.validity.validFrom ?? null,
    validTo: c.general.validity.validTo ?? null,
    responsibleUnit: ctx.unit(c.responsible.organizationUnitUuid),
    parentContract: parent ? { uuid: parent.uuid, name: parent.name } : null,
    systemUsages: c.systemUsageUuids.map((u) => ctx.usageName(u)),
    dataProcessingRegistrations: ctx.registrations
      .filter((r) => registrations.has(r.uuid))
      .map((r) => ({ uuid: r.uuid, name: r.name })),
    economy: { acquisition: economy.acquisition, operation: economy.operation, other: economy.other },
    noticePeriodMonths: option === null ? null : months,
    deadlines: {
      today: d.today,
      state: d.state,
      endReason: d.endReason,
      term: d.term,
      expiry: d.expiry,
      finalExpiry: d.finalExpiry,
      latestNoticeDay: noticeDay(d),
      nextPossibleTermination: d.nextPossibleTermination,
      terminatedAt: d.terminatedAt,
      endsOn: d.endsOn,
      tenderStart: d.tenderStart,
      deadlines: d.deadlines.map((x) => ({ kind: x.kind, date: x.date, daysLeft: x.daysLeft })),
      nextDeadline: d.nextDeadline
        ? { kind: d.nextDeadline.kind, date: d.nextDeadline.date, daysLeft: d.nextDeadline.daysLeft }
        : null,
    },
    roles: ctx.roleHolders(c.roles),
    permissions,
  };
}
