/**
 * The joint procurement radar: shared contracts on a system, a supplier's contracts, or contracts
 * on the systems of a rights holder or a KLE task, whose expiry, earliest possible end or tender
 * start (from the deadline engine) falls in a window of whole quarters, grouped by system and
 * quarter with the organisations and their contacts as shared. And "contracts like mine".
 *
 * The window is whole quarters because a contract's dates are shared as quarters only: with a
 * window ending on any day, moving the end one day at a time would reveal the exact date.
 *
 * @module
 */
import { z } from 'zod';
import { addMonths, type IsoDate } from '../shared/dates.js';
import { IsoDateSchema, UuidSchema } from '../shared/schema.js';
import { type CoordinationData, compareDanish } from './data.js';
import type { ContractFacts, SharedContract } from './sharing.rules.js';
import { quarterOf } from './sharing.rules.js';
import type { NamedRef, Viewer } from './viewer.js';

/** Deadline kinds on the radar. */
export const RADAR_KINDS = ['expiry', 'earliestEnd', 'tenderStart'] as const;
/** A deadline kind on the radar. */
export type RadarKind = (typeof RADAR_KINDS)[number];

/**
 * A radar query: exactly one of system, supplier, rights holder or KLE task; a window of `months`
 * (rounded up to whole quarters) from the quarter of `from` (default: today).
 *
 * @example
 * ```ts
 * const q: RadarQuery = { systemUuid, months: 24 };
 * ```
 */
export const RadarQuerySchema = z
  .strictObject({
    systemUuid: UuidSchema.optional(),
    supplierUuid: UuidSchema.optional(),
    rightsHolderUuid: UuidSchema.optional(),
    kleUuid: UuidSchema.optional(),
    from: IsoDateSchema.optional(),
    months: z.int().min(1).max(120).default(24),
    kinds: z.array(z.enum(RADAR_KINDS)).min(1).max(RADAR_KINDS.length).optional(),
  })
  .superRefine((q, ctx) => {
    const given = [q.systemUuid, q.supplierUuid, q.rightsHolderUuid, q.kleUuid].filter((x) => x !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'give exactly one of systemUuid, supplierUuid, rightsHolderUuid and kleUuid',
      });
  });
/** A radar query (input). */
export type RadarQuery = z.input<typeof RadarQuerySchema>;

/** One contract in a quarter. */
export interface RadarEntry {
  readonly organization: NamedRef;
  readonly contract: SharedContract;
  /** Which of its deadlines fall in the quarter. */
  readonly kinds: readonly RadarKind[];
}

/** The contracts of one system, by quarter. */
export interface RadarGroup {
  readonly system: NamedRef;
  readonly quarters: readonly { readonly quarter: string; readonly entries: readonly RadarEntry[] }[];
}

/** The radar. */
export interface Radar {
  /** Every quarter of the window, in order (`YYYY-Qn`). */
  readonly quarters: readonly string[];
  readonly groups: readonly RadarGroup[];
  /** Distinct contracts and organisations on the radar. */
  readonly contracts: number;
  readonly organizations: number;
}

/** The quarters from the quarter of `from` covering `months` months. */
export function windowQuarters(from: IsoDate, months: number): string[] {
  const firstMonth = Math.floor((Number(from.slice(5, 7)) - 1) / 3) * 3 + 1;
  const start = `${from.slice(0, 4)}-${String(firstMonth).padStart(2, '0')}-01`;
  const out: string[] = [];
  for (let m = 0; m < months; m += 3) out.push(quarterOf(addMonths(start, m)));
  return out;
}

/**
 * The catalogue systems a radar query is about (every system of the rights holder or under the
 * KLE task), or `undefined` for a supplier's radar. A read loads the contracts on these.
 */
export function radarSystems(
  data: Pick<CoordinationData, 'systems' | 'kle'>,
  q: z.output<typeof RadarQuerySchema>,
): string[] | undefined {
  if (q.supplierUuid) return undefined;
  if (q.systemUuid) return [q.systemUuid];
  const key = q.rightsHolderUuid ? undefined : (data.kle.get(q.kleUuid ?? '')?.taskKey ?? '\u0000');
  return [...data.systems.values()]
    .filter((s) =>
      key === undefined
        ? s.rightsHolderUuid === q.rightsHolderUuid
        : s.kleUuids.some((k) => {
            const t = data.kle.get(k)?.taskKey;
            return t !== undefined && (t === key || t.startsWith(`${key}.`));
          }),
    )
    .map((s) => s.uuid);
}

/** The contracts a query is about, each with the systems to group it under. */
function candidates(
  v: Viewer,
  q: z.output<typeof RadarQuerySchema>,
  inWindow: (c: ContractFacts) => boolean,
): [ContractFacts, string[]][] {
  const d = v.data;
  const systems = radarSystems(d, q);
  if (!systems) {
    // Filtering by supplier tells the supplier, so only contracts that share it may match.
    return (d.contractsBySupplier.get(q.supplierUuid ?? '') ?? [])
      .filter((c) => inWindow(c) && v.contract(c)?.supplier !== undefined)
      .map((c) => [c, [...c.systemUuids]]);
  }
  const wanted = new Set(systems);
  const out = new Map<ContractFacts, string[]>();
  for (const s of systems)
    for (const c of d.contractsBySystem.get(s) ?? [])
      if (!out.has(c) && inWindow(c))
        out.set(
          c,
          c.systemUuids.filter((x) => wanted.has(x)),
        );
  return [...out];
}

/**
 * The radar for the reader.
 *
 * @example
 * ```ts
 * const r = procurementRadar(viewer, parse(RadarQuerySchema, { systemUuid }, 'coordination'));
 * r.groups[0]?.quarters[0]?.entries.map((e) => e.organization.name);
 * ```
 */
export function procurementRadar(v: Viewer, q: z.output<typeof RadarQuerySchema>): Radar {
  const quarters = windowQuarters(q.from ?? v.data.today, q.months);
  const first = quarters[0] as string;
  const last = quarters[quarters.length - 1] as string;
  const kinds = new Set<RadarKind>(q.kinds ?? RADAR_KINDS);
  const groups = new Map<string, Map<string, RadarEntry[]>>();
  const contracts = new Set<string>();
  const organizations = new Set<string>();
  const orgRefs = new Map<string, NamedRef>();
  /** Whether a date falls in the window (a contract shows its dates as quarters, if at all). */
  const inWindow = (kind: RadarKind, date: IsoDate | null) => {
    if (date === null || !kinds.has(kind)) return false;
    const quarter = quarterOf(date);
    return quarter >= first && quarter <= last;
  };
  // No date in the window: not on the radar whatever the reader may see of it.
  const someInWindow = (c: ContractFacts) => RADAR_KINDS.some((k) => inWindow(k, c.dates[k]));
  for (const [facts, systems] of candidates(v, q, someInWindow)) {
    const view = v.contract(facts);
    const organization = view && v.organization(view.organizationUuid);
    if (!view?.deadlines || !organization) continue;
    const byQuarter = new Map<string, RadarKind[]>();
    for (const dl of view.deadlines)
      if (kinds.has(dl.kind) && dl.quarter >= first && dl.quarter <= last) {
        const ks = byQuarter.get(dl.quarter);
        if (ks) ks.push(dl.kind);
        else byQuarter.set(dl.quarter, [dl.kind]);
      }
    if (byQuarter.size === 0) continue;
    for (const s of systems) {
      if (!v.system(s)) continue;
      let group = groups.get(s);
      if (!group) {
        group = new Map<string, RadarEntry[]>();
        groups.set(s, group);
      }
      for (const [quarter, ks] of byQuarter) {
        const entry = { organization, contract: view, kinds: ks };
        const entries = group.get(quarter);
        if (entries) entries.push(entry);
        else group.set(quarter, [entry]);
      }
      contracts.add(view.uuid);
      organizations.add(organization.uuid);
      orgRefs.set(organization.uuid, organization);
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => compareDanish(a.name, b.name);
  // Entries go by organisation name: the few organisations are put in Danish order once, and the
  // many entries by their place in it (equal names share a place, so the sort keeps their order).
  const orgPlace = new Map<string, number>();
  let previous: NamedRef | undefined;
  for (const o of [...orgRefs.values()].sort(byName)) {
    orgPlace.set(
      o.uuid,
      previous && byName(previous, o) === 0 ? (orgPlace.get(previous.uuid) as number) : orgPlace.size,
    );
    previous = o;
  }
  const byOrganization = (a: RadarEntry, b: RadarEntry) =>
    (orgPlace.get(a.organization.uuid) ?? 0) - (orgPlace.get(b.organization.uuid) ?? 0);
  return {
    quarters,
    contracts: contracts.size,
    organizations: organizations.size,
    groups: [...groups]
      .map(([uuid, g]) => ({
        system: { uuid, name: v.data.systems.get(uuid)?.name ?? uuid },
        quarters: quarters.flatMap((quarter) => {
          const entries = g.get(quarter);
          return entries ? [{ quarter, entries: entries.sort(byOrganization) }] : [];
        }),
      }))
      .sort((a, b) => byName(a.system, b.system)),
  };
}

/** A contract of another organisation like the reader's. */
export interface LikeMine {
  readonly organization: NamedRef;
  readonly contract: SharedContract;
  /** Systems both contracts cover. */
  readonly sameSystems: readonly NamedRef[];
  /** Whether both have the same supplier (only when the other shares its supplier). */
  readonly sameSupplier: boolean;
  /** Quarters between the two contracts' expiries (or earliest ends), when both are known. */
  readonly quarterDistance: number | null;
}

const quarterNumber = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;

function endQuarter(c: SharedContract): number | null {
  const d = c.deadlines?.find((x) => x.kind === 'expiry') ?? c.deadlines?.find((x) => x.kind === 'earliestEnd');
  return d ? quarterNumber(d.quarter) : null;
}

/**
 * Other organisations' contracts on the same systems or with the same supplier as `mine` (which
 * the reader must read privately), nearest end first.
 *
 * @example
 * ```ts
 * contractsLikeMine(viewer, myContractFacts, 20).map((x) => [x.organization.name, x.quarterDistance]);
 * ```
 */
export function contractsLikeMine(v: Viewer, mine: ContractFacts, limit: number): LikeMine[] {
  const own = v.contract(mine);
  if (!own) return [];
  const myEnd = endQuarter(own);
  const mySystems = new Set(mine.systemUuids);
  const seen = new Set<ContractFacts>();
  const out: LikeMine[] = [];
  const others = [
    ...mine.systemUuids.flatMap((s) => v.data.contractsBySystem.get(s) ?? []),
    ...(mine.supplierUuid ? (v.data.contractsBySupplier.get(mine.supplierUuid) ?? []) : []),
  ];
  for (const c of others) {
    if (seen.has(c) || c.organizationUuid === mine.organizationUuid) continue;
    seen.add(c);
    const view = v.contract(c);
    const organization = view && v.organization(view.organizationUuid);
    if (!view || !organization) continue;
    const sameSystems = c.systemUuids.flatMap((s) => {
      const sys = mySystems.has(s) ? v.system(s) : undefined;
      return sys ? [{ uuid: sys.uuid, name: sys.name }] : [];
    });
    const sameSupplier = !!view.supplier && view.supplier.uuid === mine.supplierUuid;
    if (sameSystems.length === 0 && !sameSupplier) continue;
    const theirEnd = endQuarter(view);
    const quarterDistance = myEnd !== null && theirEnd !== null ? Math.abs(myEnd - theirEnd) : null;
    out.push({ organization, contract: view, sameSystems, sameSupplier, quarterDistance });
  }
  return out
    .sort(
      (a, b) =>
        (a.quarterDistance ?? Number.POSITIVE_INFINITY) - (b.quarterDistance ?? Number.POSITIVE_INFINITY) ||
        b.sameSystems.length - a.sameSystems.length ||
        compareDanish(a.organization.name, b.organization.name),
    )
    .slice(0, limit);
}
