/**
 * A {@link KitosClient} over static data, for tests, documentation and demos. Overview queries
 * follow core's reference evaluation (`applyOverviewQuery`), so filters, search, sort and paging
 * behave as they will against a real client.
 *
 * @module
 */
import {
  OVERVIEW_COLUMNS,
  applyOverviewQuery,
  daysBetween,
  toIsoDate,
  type IsoDate,
  type OverviewColumn,
  type OverviewKind,
  type OverviewRow,
  type OverviewRowOf,
} from '@os2kitos/core';
import type {
  ContractCardData,
  DeadlineItem,
  DeadlineQuery,
  DeliveryItem,
  DeliveryQuery,
  KitosClient,
  ReminderItem,
  ReminderList,
  ReminderQuery,
  UnitCounts,
  UnitTreeNode,
  UsageCardData,
} from './client.js';
import { KitosWidgetError } from './errors.js';
import type { StaticCoordination, StaticCoordinationRead } from './static-coordination.js';

/** A unit as the static client takes it: flat, with an optional parent. */
export interface StaticUnit {
  readonly uuid: string;
  readonly name: string;
  readonly parentUuid: string | null;
  /** Units without an organisation belong to every organisation asked for. */
  readonly organizationUuid?: string;
  /** What the unit is responsible for; usages and contracts default to counting the overview rows. */
  readonly counts?: Partial<UnitCounts>;
}

/** A row of a static overview: the uuid and any of the overview's cells. */
export type StaticRow<K extends OverviewKind> = Partial<OverviewRowOf<K>> & { readonly uuid: string };

/** The data behind {@link createStaticClient}. Everything is optional. */
export interface StaticClientData {
  /** The day derived values are computed for; default: today in Copenhagen. */
  readonly today?: IsoDate;
  /**
   * Overview rows per kind (one organisation's portfolio; `organizationUuid` in queries is
   * ignored). A row needs its uuid; cells left out show as empty. Unsorted, and among rows equal
   * in the sort columns, rows keep the order given. The rows are copied when the client is made:
   * later changes to them need a new client.
   */
  readonly rows?: { readonly [K in OverviewKind]?: readonly StaticRow<K>[] };
  /** Column catalogues per kind; default: core's `OVERVIEW_COLUMNS`. */
  readonly columns?: Partial<Record<OverviewKind, readonly OverviewColumn[]>>;
  readonly usageCards?: readonly UsageCardData[];
  readonly contractCards?: readonly ContractCardData[];
  /** Deadline items; default: derived from the contract cards' deadlines. */
  readonly deadlines?: readonly DeadlineItem[];
  readonly units?: readonly StaticUnit[];
  /**
   * Reminders as a server would answer them (due on `today` and to come); with it the client has
   * `reminders`, filtered by `entityUuid` and `until`.
   */
  readonly reminders?: ReminderList;
  /** The delivery log; with it the client has `deliveries`, filtered by record and status. */
  readonly deliveries?: readonly DeliveryItem[];
  /**
   * The coordination reads over a snapshot of several municipalities, made by `staticCoordination`
   * (a separate module, so a static client without them carries none of their code); with it the
   * client has `catalogue`, `catalogueFilters`, `systemUse`, `radar`, `contractsLikeMine`,
   * `similarLandscapes` and `landscapeSuggestions` (see `canCoordinate`).
   */
  readonly coordination?: StaticCoordination;
  /** Milliseconds every call waits before answering, to show loading states in demos (default 0). */
  readonly latency?: number;
}

function descendants(units: readonly StaticUnit[], unitUuid: string): Set<string> {
  const scope = new Set([unitUuid]);
  // Units are few; repeat until no unit joins (tolerates any list order, and cycles end).
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentUuid !== null && scope.has(u.parentUuid) && !scope.has(u.uuid)) {
        scope.add(u.uuid);
        grew = true;
      }
    }
  }
  return scope;
}

function deadlinesFromCards(cards: readonly ContractCardData[]): DeadlineItem[] {
  return cards.flatMap((c) =>
    c.deadlines.deadlines.map((d) => ({
      contractUuid: c.uuid,
      contractName: c.name,
      supplier: c.supplier,
      responsibleUnit: c.responsibleUnit,
      kind: d.kind,
      date: d.date,
      daysLeft: d.daysLeft,
    })),
  );
}

function countBy(rows: readonly { responsibleUnitUuid?: string | null }[] | undefined, unitUuid: string): number {
  return (rows ?? []).filter((r) => r.responsibleUnitUuid === unitUuid).length;
}

function buildTree(data: StaticClientData, organizationUuid: string): UnitTreeNode[] {
  const units = (data.units ?? []).filter((u) => !u.organizationUuid || u.organizationUuid === organizationUuid);
  const known = new Set(units.map((u) => u.uuid));
  const seen = new Set<string>();
  const node = (u: StaticUnit): UnitTreeNode => {
    seen.add(u.uuid);
    return {
      uuid: u.uuid,
      name: u.name,
      parentUuid: u.parentUuid,
      children: units.filter((c) => c.parentUuid === u.uuid && !seen.has(c.uuid)).map(node),
      counts: {
        usages: u.counts?.usages ?? countBy(data.rows?.usages, u.uuid),
        contracts: u.counts?.contracts ?? countBy(data.rows?.contracts, u.uuid),
        registrations: u.counts?.registrations ?? countBy(data.rows?.dataProcessing, u.uuid),
        roles: u.counts?.roles ?? 0,
      },
    };
  };
  return units.filter((u) => u.parentUuid === null || !known.has(u.parentUuid)).map(node);
}

/**
 * A {@link KitosClient} over static rows and cards. Unknown card uuids reject with a
 * `KitosWidgetError` (code `not-found`).
 *
 * @example
 * ```ts
 * const client = createStaticClient({
 *   today: '2025-06-01',
 *   rows: { usages: [{ uuid: 'u1', systemName: 'ESDH', active: true }] },
 *   units: [{ uuid: 'root', name: 'Aarhus Kommune', parentUuid: null }],
 * });
 * document.querySelector('kitos-provider')!.client = client;
 * ```
 */
export function createStaticClient(data: StaticClientData): KitosClient {
  const today = data.today ?? toIsoDate(new Date(), 'Europe/Copenhagen');
  const units = data.units ?? [];
  const subUnits = (uuid: string) => descendants(units, uuid);
  const columnsOf = (kind: OverviewKind) => data.columns?.[kind] ?? OVERVIEW_COLUMNS[kind];
  const deadlines = data.deadlines ?? deadlinesFromCards(data.contractCards ?? []);
  // The rows as they are now, copied: the client's lists never change, so each sort is computed
  // once and kept. A page with new rows makes a new client (or calls the grid's refresh()).
  const rowsByKind = new Map<OverviewKind, readonly OverviewRow[]>(
    Object.entries(data.rows ?? {}).map(([kind, rows]) => [
      kind as OverviewKind,
      (rows as readonly OverviewRow[]).map((r) => ({ ...r })),
    ]),
  );
  const answer = <T>(value: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      const run = () => {
        try {
          resolve(value());
        } catch (e) {
          reject(e);
        }
      };
      if (data.latency) setTimeout(run, data.latency);
      else queueMicrotask(run);
    });
  const card = <C extends { uuid: string }>(cards: readonly C[] | undefined, uuid: string, what: string): C => {
    const found = cards?.find((c) => c.uuid === uuid);
    if (!found) throw new KitosWidgetError('not-found', `no ${what} with uuid ${uuid}`, { uuid });
    return found;
  };
  return {
    columns: (kind) => answer(() => columnsOf(kind)),
    overview: (kind, query) =>
      answer(() => {
        // Rows handed over as a list keep their order where no sort column decides.
        const page = applyOverviewQuery(rowsByKind.get(kind) ?? [], columnsOf(kind), query, subUnits, {
          ties: 'input',
          unchanging: true,
        });
        // Static rows may leave cells out; the widgets show a missing cell as empty.
        return { rows: page.rows as OverviewRowOf<typeof kind>[], total: page.total, today: query.today ?? today };
      }),
    usageCard: (uuid) => answer(() => card(data.usageCards, uuid, 'usage')),
    contractCard: (uuid) => answer(() => card(data.contractCards, uuid, 'contract')),
    contractDeadlines: (query: DeadlineQuery) =>
      answer(() => {
        const day = query.today ?? today;
        const scope = query.responsibleUnitUuid
          ? query.includeSubUnits
            ? subUnits(query.responsibleUnitUuid)
            : new Set([query.responsibleUnitUuid])
          : null;
        return deadlines
          .filter((d) => (!query.from || d.date >= query.from) && (!query.to || d.date <= query.to))
          .filter((d) => scope === null || (d.responsibleUnit !== null && scope.has(d.responsibleUnit.uuid)))
          .map((d) => ({ ...d, daysLeft: daysBetween(day, d.date) }))
          .sort((a, b) =>
            a.date < b.date ? -1 : a.date > b.date ? 1 : a.contractName.localeCompare(b.contractName, 'da'),
          );
      }),
    unitTree: (organizationUuid) => answer(() => buildTree(data, organizationUuid)),
    ...(data.reminders
      ? { reminders: (query: ReminderQuery) => answer(() => remindersOf(data.reminders!, query)) }
      : {}),
    ...(data.coordination ? coordinationOf(data.coordination, answer) : {}),
    ...(data.deliveries
      ? {
          deliveries: (query: DeliveryQuery) =>
            answer(() => {
              const items = data.deliveries!.filter(
                (d) =>
                  (!query.entityUuid || d.entityUuid === query.entityUuid) &&
                  (!query.status?.length || query.status.includes(d.status)),
              );
              return { items: items.slice(0, query.limit ?? 100), total: items.length };
            }),
        }
      : {}),
  };
}

/** The snapshot's coordination reads, answered as the client's other calls are. */
function coordinationOf(
  reads: StaticCoordination,
  answer: <T>(value: () => T) => Promise<T>,
): Required<Pick<KitosClient, StaticCoordinationRead>> {
  return {
    catalogue: (query) => answer(() => reads.catalogue(query)),
    catalogueFilters: () => answer(() => reads.catalogueFilters()),
    systemUse: (systemUuid) => answer(() => reads.systemUse(systemUuid)),
    radar: (query) => answer(() => reads.radar(query)),
    contractsLikeMine: (contractUuid, options) => answer(() => reads.contractsLikeMine(contractUuid, options)),
    similarLandscapes: (query) => answer(() => reads.similarLandscapes(query)),
    landscapeSuggestions: (query) => answer(() => reads.landscapeSuggestions(query)),
  };
}

function remindersOf(list: ReminderList, query: ReminderQuery): ReminderList {
  const mine = (r: ReminderItem) => !query.entityUuid || r.entityUuid === query.entityUuid;
  return {
    due: list.due.filter(mine),
    ahead: list.ahead.filter((r) => mine(r) && (!query.until || r.sendOn <= query.until)),
  };
}
