/**
 * The in-page client: the widgets' {@link KitosClient} over the core facade running in the same
 * page (on sql.js in IndexedDB for a local-first page, on a snapshot opened from a URL, or on the
 * memory adapter). Everything the widgets show passes the core's permission checks for the actor.
 *
 * @module
 */
import {
  type Actor,
  type ContractDeadlines,
  type IsoDate,
  type Kitos,
  OVERVIEW_COLUMNS,
  type OverviewKind,
  type OverviewQuery,
  type OverviewRow,
} from '@os2kitos/core';
import type {
  CardValidity,
  ContractCardData,
  DeadlineItem,
  DeadlineQuery,
  KitosClient,
  StatusReason,
  StatusReasonCode,
  UnitTreeNode,
  UsageCardData,
} from './client.js';
import { KitosWidgetError } from './errors.js';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.map(String) : []);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The reason codes of a row, with the dates that explain them. */
function reasonsOf(row: OverviewRow, extra: Partial<StatusReason> = {}): StatusReason[] {
  return list(row.inactiveReasons).map((code) => {
    const c = code as StatusReasonCode;
    const date = c === 'StartDateNotPassed' ? text(row.validFrom) : c === 'EndDatePassed' ? text(row.validTo) : null;
    return { code: c, date, terminatedAt: text(row.terminatedAt), contractName: text(row.mainContract), ...extra };
  });
}

function validityOf(row: OverviewRow, today: IsoDate): CardValidity {
  return { valid: row.active === true, today, reasons: row.active === true ? [] : reasonsOf(row) };
}

/**
 * Creates a {@link KitosClient} that reads through `kitos` on behalf of `actor`.
 *
 * @example
 * ```ts
 * const kitos = await createKitos({ storage });
 * const client = createInPageClient(kitos, { userUuid });
 * document.querySelector('kitos-provider')!.client = client;
 * ```
 */
export function createInPageClient(kitos: Kitos, actor: Actor, options: { today?: IsoDate } = {}): KitosClient {
  const rowOf = async (kind: OverviewKind, organizationUuid: string, uuid: string) => {
    const page = await kitos.overviews.query(actor, kind, {
      organizationUuid,
      today: options.today,
      filters: [{ column: 'uuid', op: 'equals', value: uuid }],
    });
    const found = page.rows[0];
    if (!found) throw new KitosWidgetError('not-found', `${kind} ${uuid} was not found`);
    return { row: found, today: page.today };
  };
  const unitRef = (uuid: unknown, path: unknown) =>
    typeof uuid === 'string'
      ? {
          uuid,
          name:
            String(path ?? uuid)
              .split(' / ')
              .pop() ?? uuid,
        }
      : null;

  return {
    async columns(kind) {
      return OVERVIEW_COLUMNS[kind];
    },
    overview(kind, query: OverviewQuery) {
      return kitos.overviews.query(actor, kind, { today: options.today, ...query });
    },
    async usageCard(uuid) {
      const usage = await kitos.usages.get(actor, uuid);
      const [{ row, today }, permissions] = await Promise.all([
        rowOf('usages', usage.organizationUuid, uuid),
        kitos.usages.permissions(actor, uuid),
      ]);
      const card: UsageCardData = {
        uuid,
        systemName: String(row.systemName ?? ''),
        localCallName: text(row.localCallName),
        localSystemId: text(row.localSystemId),
        validity: validityOf(row, today),
        lifeCycleStatus: text(row.lifeCycleStatus),
        validFrom: text(row.validFrom),
        validTo: text(row.validTo),
        responsibleUnit: unitRef(row.responsibleUnitUuid, row.responsibleUnit),
        usingUnits: list(row.usingUnits).map((name, i) => ({
          uuid: usage.organizationUsage.usingUnitUuids[i] ?? name,
          name,
        })),
        mainContract: usage.general.mainContractUuid
          ? {
              uuid: usage.general.mainContractUuid,
              name: String(row.mainContract ?? ''),
              active: row.mainContractActive === true,
            }
          : null,
        supplier: text(row.supplier),
        gdpr: {
          dataSensitivity: list(row.dataSensitivity),
          purpose: text(row.purpose),
          dataProcessingAgreementConcluded:
            typeof row.dataProcessingAgreementConcluded === 'boolean' ? row.dataProcessingAgreementConcluded : null,
          riskAssessmentDate: text(row.riskAssessmentDate),
          plannedRiskAssessmentDate: text(row.plannedRiskAssessmentDate),
          dpiaConducted: text(row.dpiaConducted),
        },
        roles: list(row.roleHolders).map((r) => {
          const [role, ...user] = r.split(': ');
          return { role: role ?? '', user: user.join(': ') };
        }),
        permissions,
      };
      return card;
    },
    async contractCard(uuid) {
      const contract = await kitos.contracts.get(actor, uuid);
      const [{ row, today }, permissions, deadlines] = await Promise.all([
        rowOf('contracts', contract.organizationUuid, uuid),
        kitos.contracts.permissions(actor, uuid),
        kitos.overviews.contractDeadlines(actor, uuid, options.today),
      ]);
      const usages = await kitos.overviews.query(actor, 'usages', {
        organizationUuid: contract.organizationUuid,
        today,
      });
      const names = new Map(usages.rows.map((r) => [r.uuid, String(r.localCallName ?? r.systemName ?? r.uuid)]));
      const pick = (d: ContractDeadlines) => ({
        today: d.today,
        state: d.state,
        endReason: d.endReason,
        term: d.term,
        expiry: d.expiry,
        finalExpiry: d.finalExpiry,
        latestNoticeDay: text(row.latestNoticeDay) ?? d.latestNoticeDay,
        nextPossibleTermination: d.nextPossibleTermination,
        terminatedAt: d.terminatedAt,
        endsOn: d.endsOn,
        tenderStart: d.tenderStart,
        deadlines: d.deadlines,
        nextDeadline: d.nextDeadline,
      });
      const card: ContractCardData = {
        uuid,
        name: contract.name,
        contractId: text(row.contractId),
        contractType: text(row.contractType),
        supplier: text(row.supplier),
        validity: validityOf(row, today),
        validFrom: text(row.validFrom),
        validTo: text(row.validTo),
        responsibleUnit: unitRef(row.responsibleUnitUuid, row.responsibleUnit),
        parentContract: contract.parentContractUuid
          ? { uuid: contract.parentContractUuid, name: String(row.parentContract ?? '') }
          : null,
        systemUsages: contract.systemUsageUuids.map((u) => ({ uuid: u, name: names.get(u) ?? u })),
        economy: { acquisition: num(row.acquisition), operation: num(row.operation), other: num(row.other) },
        noticePeriodMonths: num(row.noticePeriodMonths),
        deadlines: pick(deadlines),
        roles: [],
        permissions,
      };
      return card;
    },
    async contractDeadlines(query: DeadlineQuery) {
      const items = await kitos.overviews.deadlines(actor, { today: options.today, ...query });
      return items.map(
        (i): DeadlineItem => ({
          contractUuid: i.contractUuid,
          contractName: i.contractName,
          supplier: i.supplier,
          responsibleUnit: i.responsibleUnitUuid
            ? { uuid: i.responsibleUnitUuid, name: i.responsibleUnitName ?? '' }
            : null,
          kind: i.kind,
          date: i.date,
          daysLeft: i.daysLeft,
        }),
      );
    },
    async unitTree(organizationUuid) {
      const [units, counts] = await Promise.all([
        kitos.units.tree(actor, organizationUuid),
        kitos.overviews.unitResponsibilities(actor, organizationUuid),
      ]);
      const byParent = new Map<string | null, typeof units>();
      for (const u of units) byParent.set(u.parentUuid, [...(byParent.get(u.parentUuid) ?? []), u]);
      const build = (parent: string | null): UnitTreeNode[] =>
        (byParent.get(parent) ?? [])
          .slice()
          .sort((a, b) => a.name.localeCompare(b.name, 'da'))
          .map((u) => ({
            uuid: u.uuid,
            name: u.name,
            parentUuid: u.parentUuid,
            children: build(u.uuid),
            counts: counts.get(u.uuid) ?? { usages: 0, contracts: 0, roles: 0 },
          }));
      return build(null);
    },
  };
}
