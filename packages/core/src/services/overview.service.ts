/**
 * Overviews and cards: typed rows and cards from the read models of each module, computed for the
 * query's `today` from one organisation's records and the shared records they mention, then
 * filtered, searched, sorted and paged with {@link applyOverviewQuery}. Rows are reused until the
 * store changes. Also the cross-municipality reads over public data.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import { canRead, type Permissions, permissionsFor } from '../access/policy.js';
import type { ItSystem } from '../catalogue/it-system.schema.js';
import { type ContractCard, contractCard } from '../contract/contract.read-model.js';
import type { Contract } from '../contract/contract.schema.js';
import type { ContractDeadlineKind } from '../contract/deadline-kinds.js';
import type { ContractDeadlines } from '../contract/deadlines.rules.js';
import { type DprCard, dprCard } from '../data-processing/dpr.read-model.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import type { CallContext } from '../engine/call.js';
import { CONTRACT, DPR, ORGANIZATION, PROJECT, SYSTEM, UNIT_ROLE, USAGE } from './kinds.js';
import { readEntity } from '../engine/repository.js';
import type { EntityDefinition } from '../engine/repository.js';
import type { CallRunner } from '../engine/service.js';
import type { EntityMeta } from '../shared/schema.js';
import { unitDescendants } from '../organisation/unit-tree.rules.js';
import { type UnitTreeNode, unitTree } from '../organisation/unit.read-model.js';
import type { Organization } from '../organisation/organization.schema.js';
import { OVERVIEW_COLUMNS, type OverviewRowOf } from '../overview/columns.js';
import {
  applyOverviewQuery,
  type OverviewKind,
  type OverviewPage,
  type OverviewQuery,
  parseOverviewQuery,
} from '../overview/query.js';
import type { ReadContext } from '../overview/read-context.js';
import type { UnitRef } from '../overview/refs.js';
import { type ProjectCard, projectCard } from '../project/project.read-model.js';
import type { Project } from '../project/project.schema.js';
import type { IsoDate } from '../shared/dates.js';
import { KitosForbiddenError, KitosNotFoundError, KitosValidationError } from '../shared/errors.js';
import { IsoDateSchema, parse, UuidSchema } from '../shared/schema.js';
import { type UsageCard, usageCard } from '../usage/usage.read-model.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { protectSystem } from './catalogue.service.js';
import { allOf } from './lookup.js';
import { type IncrementalKind, type OverviewRowsCache, overviewRowsCache } from './overview-rows.js';
import { loadReadContext } from './read-context.service.js';

/** The overview and cross-organisation read service. */
export interface OverviewService {
  /** One page of an overview with its total, for the query's `today` (default: today). */
  query<K extends OverviewKind>(actor: Actor, kind: K, query: OverviewQuery): Promise<OverviewPage<OverviewRowOf<K>>>;
  /** Contract terms and deadlines of one contract, from the deadline engine. */
  contractDeadlines(actor: Actor, contractUuid: string, today?: IsoDate): Promise<ContractDeadlines>;
  /**
   * Every dated deadline of the organisation's contracts (notice, expiry, tender start, …) from the
   * deadline engine, optionally within a window and for a responsible unit (with its sub-units),
   * sorted by date.
   */
  deadlines(actor: Actor, query: DeadlineListQuery): Promise<DeadlineListItem[]>;
  /** The organisation's unit tree, each unit with what it is responsible for. */
  unitTree(actor: Actor, organizationUuid: string): Promise<UnitTreeNode[]>;
  /** Organisations that use a catalogue system and that the reader may see (names only). */
  whoUses(actor: Actor, systemUuid: string): Promise<{ uuid: string; name: string }[]>;
  /**
   * How many municipalities have a contract covering a usage of the system that ends within the
   * window (an aggregate only: no contract, usage or organisation is revealed).
   */
  contractsEndingAcross(
    actor: Actor,
    systemUuid: string,
    window: { from: IsoDate; to: IsoDate },
  ): Promise<{ organizations: number; contracts: number }>;
}

/** The cards: everything a detail view shows about one record, from the read models. */
export interface CardService {
  /**
   * The card of a usage.
   *
   * @example
   * ```ts
   * const card = await kitos.cards.usage(actor, usageUuid);
   * card.validity.reasons; // why it is not active, if it is not
   * ```
   */
  usage(actor: Actor, uuid: string, today?: IsoDate): Promise<UsageCard>;
  /** The card of a contract, with its deadlines. */
  contract(actor: Actor, uuid: string, today?: IsoDate): Promise<ContractCard>;
  /** The card of a data processing registration. */
  dataProcessing(actor: Actor, uuid: string, today?: IsoDate): Promise<DprCard>;
  /** The card of a project (for its owner and its partner organisations). */
  project(actor: Actor, uuid: string, today?: IsoDate): Promise<ProjectCard>;
}

/** Query of {@link OverviewService.deadlines}. */
export interface DeadlineListQuery {
  readonly organizationUuid: string;
  readonly today?: IsoDate;
  /** First day to include (inclusive). */
  readonly from?: IsoDate;
  /** Last day to include (inclusive). */
  readonly to?: IsoDate;
  readonly responsibleUnitUuid?: string;
  readonly includeSubUnits?: boolean;
}

/** One contract deadline. */
export interface DeadlineListItem {
  readonly contractUuid: string;
  readonly contractName: string;
  readonly supplier: string | null;
  readonly responsibleUnit: UnitRef | null;
  readonly kind: ContractDeadlineKind;
  readonly date: IsoDate;
  readonly daysLeft: number;
}

export function mustReadOrganisation(call: CallContext, organizationUuid: string): void {
  if (!call.actor.isGlobalAdmin && !call.actor.roles.has(organizationUuid)) {
    throw new KitosForbiddenError('access', 'you may only see the portfolio of organisations you are a member of', {
      organizationUuid,
    });
  }
}

/** Overviews and cross-organisation reads. */
export function overviewService(runner: CallRunner, rows: OverviewRowsCache = overviewRowsCache()): OverviewService {
  return {
    query: (actor, kind, input) =>
      runner.read(actor, async (call) => {
        if (!Object.hasOwn(OVERVIEW_COLUMNS, kind))
          throw new KitosValidationError('core', [
            { path: ['kind'], code: 'invalid-enum-value', message: `no overview "${String(kind)}"` },
          ]);
        const query = parseOverviewQuery(input, OVERVIEW_COLUMNS[kind]);
        const today = query.today ?? call.today;
        const org = query.organizationUuid;
        // Every overview, the catalogue's included (it says whether the organisation uses each
        // system), shows the organisation's own data: members and global admins only.
        mustReadOrganisation(call, org);
        const computed = await rows.rows(call, kind, org, today);
        const page = applyOverviewQuery(
          computed.rows,
          OVERVIEW_COLUMNS[kind],
          query,
          (unit) => new Set(unitDescendants(computed.units, unit, { includeSelf: true }).map((u) => u.uuid)),
          { unchanging: true },
        );
        return { ...page, rows: page.rows as unknown as OverviewRowOf<typeof kind>[], today };
      }),
    contractDeadlines: (actor, contractUuid, today) =>
      runner.read(actor, async (call) => {
        const contract = await readEntity(call.tx, CONTRACT, parse(UuidSchema, contractUuid, 'contract'));
        if (
          !contract ||
          !canRead(call.actor, { kind: 'itContract', uuid: contract.uuid, organizationUuid: contract.organizationUuid })
        )
          throw new KitosNotFoundError(
            'contract',
            `itContract ${contractUuid} does not exist or is not visible to you`,
            {
              kind: 'itContract',
              uuid: contractUuid,
            },
          );
        const ctx = await rows.context(call, 'contracts', contract.organizationUuid, day(today) ?? call.today);
        return ctx.deadlines(contract);
      }),
    deadlines: (actor, query) =>
      runner.read(actor, async (call) => {
        mustReadOrganisation(call, parse(UuidSchema, query.organizationUuid, 'contract'));
        const ctx = await rows.context(call, 'contracts', query.organizationUuid, day(query.today) ?? call.today);
        const units = query.responsibleUnitUuid
          ? new Set(
              query.includeSubUnits
                ? unitDescendants(ctx.units, query.responsibleUnitUuid, { includeSelf: true }).map((u) => u.uuid)
                : [query.responsibleUnitUuid],
            )
          : undefined;
        const items: DeadlineListItem[] = [];
        for (const c of ctx.contracts) {
          const unit = c.responsible.organizationUnitUuid;
          if (units && (!unit || !units.has(unit))) continue;
          for (const d of ctx.deadlines(c).deadlines) {
            if ((query.from && d.date < query.from) || (query.to && d.date > query.to)) continue;
            items.push({
              contractUuid: c.uuid,
              contractName: c.name,
              supplier: ctx.organizationName(c.supplier.organizationUuid),
              responsibleUnit: ctx.unit(unit),
              kind: d.kind,
              date: d.date,
              daysLeft: d.daysLeft,
            });
          }
        }
        return items.sort((a, b) =>
          a.date < b.date ? -1 : a.date > b.date ? 1 : a.contractName.localeCompare(b.contractName, 'da'),
        );
      }),
    unitTree: (actor, organizationUuid) =>
      runner.read(actor, async (call) => {
        mustReadOrganisation(call, parse(UuidSchema, organizationUuid, 'organisation'));
        const ctx = await loadReadContext(call, organizationUuid, call.today);
        const roles = new Map<string, number>();
        for (const r of await allOf<{ objectUuid: string }>(call.tx, UNIT_ROLE.kind, organizationUuid))
          roles.set(r.objectUuid, (roles.get(r.objectUuid) ?? 0) + 1);
        return unitTree(ctx, roles);
      }),
    whoUses: (actor, systemUuid) =>
      runner.read(actor, async (call) => {
        const system = (await call.tx.get<ItSystem>(SYSTEM.kind, parse(UuidSchema, systemUuid, 'catalogue')))?.data;
        if (!system || !canRead(call.actor, protectSystem(call, system))) return [];
        const usages = await call.tx.query({
          kind: USAGE.kind,
          filter: { op: 'eq', field: 'systemUuid', value: systemUuid },
        });
        const orgs = await allOf<Organization>(call.tx, ORGANIZATION.kind, undefined, {
          op: 'in',
          field: 'organizationUuid',
          values: [...new Set(usages.records.map((u) => u.organizationUuid as string))],
        });
        // Only organisations the reader may see are named (a Local organisation stays unnamed to
        // outsiders), by the same read rule as every other read of an organisation.
        return orgs
          .filter((o) =>
            canRead(call.actor, {
              kind: 'organization',
              uuid: o.uuid,
              organizationUuid: o.uuid,
              accessModifier: o.accessModifier,
            }),
          )
          .map((o) => ({ uuid: o.uuid, name: o.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'da'));
      }),
    contractsEndingAcross: (actor, systemUuid, window) =>
      runner.read(actor, async (call) => {
        const system = (await call.tx.get<ItSystem>(SYSTEM.kind, parse(UuidSchema, systemUuid, 'catalogue')))?.data;
        if (!system || !canRead(call.actor, protectSystem(call, system))) return { organizations: 0, contracts: 0 };
        const usages = await call.tx.query({
          kind: USAGE.kind,
          filter: { op: 'eq', field: 'systemUuid', value: systemUuid },
        });
        const ending = await call.tx.query({
          kind: CONTRACT.kind,
          filter: {
            op: 'and',
            filters: [
              { op: 'hasAny', field: 'systemUsageUuids', values: usages.records.map((u) => u.uuid) },
              { op: 'gte', field: 'validTo', value: parse(IsoDateSchema, window.from, 'contract') },
              { op: 'lte', field: 'validTo', value: parse(IsoDateSchema, window.to, 'contract') },
            ],
          },
        });
        return {
          organizations: new Set(ending.records.map((c) => c.organizationUuid)).size,
          contracts: ending.records.length,
        };
      }),
  };
}

const day = (d: IsoDate | undefined) => (d === undefined ? undefined : parse(IsoDateSchema, d, 'core'));

/** The cards. */
export function cardService(runner: CallRunner, rows: OverviewRowsCache = overviewRowsCache()): CardService {
  /** Loads a record the actor may read, its permissions, and the read context of its organisation. */
  const load = async <E extends EntityMeta & { organizationUuid: string; jointOrganizationUuids?: readonly string[] }>(
    call: CallContext,
    def: EntityDefinition<E>,
    protectedKind: 'itSystemUsage' | 'itContract' | 'dataProcessingRegistration' | 'project',
    uuid: string,
    today: IsoDate | undefined,
    overview?: IncrementalKind,
  ): Promise<{ entity: E; ctx: ReadContext; permissions: Permissions }> => {
    const entity = await readEntity(call.tx, def, parse(UuidSchema, uuid, 'core'));
    const facts = entity && {
      kind: protectedKind,
      uuid: entity.uuid,
      organizationUuid: entity.organizationUuid,
      jointOrganizationUuids: entity.jointOrganizationUuids,
    };
    if (!entity || !facts || !canRead(call.actor, facts))
      throw new KitosNotFoundError('core', `${def.kind} ${uuid} does not exist or is not visible to you`, {
        kind: def.kind,
        uuid,
      });
    // A partner of a joint project reads it in its own organisation's context.
    const viewer =
      call.actor.roles.has(entity.organizationUuid) || call.actor.isGlobalAdmin
        ? entity.organizationUuid
        : ([...call.actor.roles.keys()][0] ?? entity.organizationUuid);
    // In its own organisation a card shares the context its overview's rows keep up to date.
    const on = day(today) ?? call.today;
    const ctx =
      overview && viewer === entity.organizationUuid
        ? await rows.context(call, overview, viewer, on)
        : await loadReadContext(call, viewer, on, {
            organizations: [entity.organizationUuid, ...(entity.jointOrganizationUuids ?? [])],
          });
    return { entity, ctx, permissions: permissionsFor(call.actor, facts) };
  };
  return {
    usage: (actor, uuid, today) =>
      runner.read(actor, async (call) => {
        const { entity, ctx, permissions } = await load<ItSystemUsage>(
          call,
          USAGE,
          'itSystemUsage',
          uuid,
          today,
          'usages',
        );
        return usageCard(entity, ctx, permissions);
      }),
    contract: (actor, uuid, today) =>
      runner.read(actor, async (call) => {
        const { entity, ctx, permissions } = await load<Contract>(
          call,
          CONTRACT,
          'itContract',
          uuid,
          today,
          'contracts',
        );
        return contractCard(entity, ctx, permissions);
      }),
    dataProcessing: (actor, uuid, today) =>
      runner.read(actor, async (call) => {
        const { entity, ctx, permissions } = await load<DataProcessingRegistration>(
          call,
          DPR,
          'dataProcessingRegistration',
          uuid,
          today,
          'dataProcessing',
        );
        return dprCard(entity, ctx, permissions);
      }),
    project: (actor, uuid, today) =>
      runner.read(actor, async (call) => {
        const { entity, ctx, permissions } = await load<Project>(call, PROJECT, 'project', uuid, today);
        return projectCard(entity, ctx, permissions);
      }),
  };
}
