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

/** A contract on the radar before the reader's view: its systems and its deadlines in the window. */
interface Candidate {
  readonly facts: ContractFacts;
  /** The systems to group it under. */
  readonly systems: readonly string[];
  /** Quarters of the window with the kinds of its deadlines in each (as its shared deadlines give them). */
  readonly byQuarter: readonly (readonly [string, readonly RadarKind[]])[];
}

/** Most windows kept per data (a radar subject's data is asked about with a few windows). */
const CANDIDATE_WINDOWS = 32;
const candidateCache = new WeakMap<CoordinationData, Map<string, readonly Candidate[]>>();

/**
 * The contracts a query is about with a deadline in the window, each with the systems to group it
 * under and its deadlines by quarter: what every reader's radar starts from, computed once per data
 * and window. Readers then see each contract through the sharing rules.
 */
function candidates(
  d: CoordinationData,
  q: z.output<typeof RadarQuerySchema>,
  first: string,
  last: string,
  kinds: ReadonlySet<RadarKind>,
): readonly Candidate[] {
  const systems = radarSystems(d, q);
  const key = `${systems ? `s:${systems.join(',')}` : `p:${q.supplierUuid}`}|${first}|${last}|${[...kinds].join(',')}`;
  let byKey = candidateCache.get(d);
  if (!byKey) {
    byKey = new Map();
    candidateCache.set(d, byKey);
  }
  const known = byKey.get(key);
  if (known) return known;
  const out: Candidate[] = [];
  const add = (facts: ContractFacts, systemUuids: readonly string[]) => {
    const byQuarter: [string, RadarKind[]][] = [];
    for (const kind of RADAR_KINDS) {
      const date = facts.dates[kind];
      if (date === null || !kinds.has(kind)) continue;
      const quarter = quarterOf(date);
      if (quarter < first || quarter > last) continue;
      const ks = byQuarter.find(([x]) => x === quarter);
      if (ks) ks[1].push(kind);
      else byQuarter.push([quarter, [kind]]);
    }
    // No date in the window: not on the radar whatever the reader may see of it.
    // Frozen: each reader's entries share the kinds.
    for (const [, ks] of byQuarter) Object.freeze(ks);
    if (byQuarter.length > 0) out.push({ facts, systems: systemUuids, byQuarter });
  };
  if (!systems) for (const c of d.contractsBySupplier.get(q.supplierUuid ?? '') ?? []) add(c, [...c.systemUuids]);
  else {
    const wanted = new Set(systems);
    const seen = new Set<ContractFacts>();
    for (const s of systems)
      for (const c of d.contractsBySystem.get(s) ?? [])
        if (!seen.has(c)) {
          seen.add(c);
          add(
            c,
            c.systemUuids.filter((x) => wanted.has(x)),
          );
        }
  }
  if (byKey.size >= CANDIDATE_WINDOWS) byKey.clear();
  byKey.set(key, out);
  return out;
}

/**
 * Places in Danish order of the named things (equal names share a place, so a stable sort by place
 * keeps their order), sorting by a precomputed rank where one is known and comparing names only
 * between neighbours.
 */
function danishPlaces<T extends NamedRef>(
  items: readonly T[],
  rank?: ReadonlyMap<string, number>,
): Map<string, number> {
  const byName = (a: NamedRef, b: NamedRef) => compareDanish(a.name, b.name);
  const sorted = rank
    ? [...items].sort((a, b) => (rank.get(a.uuid) ?? 0) - (rank.get(b.uuid) ?? 0))
    : [...items].sort(byName);
  const place = new Map<string, number>();
  let previous: NamedRef | undefined;
  for (const o of sorted) {
    place.set(o.uuid, previous && byName(previous, o) === 0 ? (place.get(previous.uuid) as number) : place.size);
    previous = o;
  }
  return place;
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
  const orgRefs = new Map<string, NamedRef>();
  const bySupplier = q.supplierUuid !== undefined;
  for (const { facts, systems, byQuarter } of candidates(v.data, q, first, last, kinds)) {
    const view = v.contract(facts);
    // Filtering by supplier tells the supplier, so only contracts that share it may match.
    if (!view || (bySupplier && view.supplier === undefined)) continue;
    const organization = v.organization(view.organizationUuid);
    // The deadlines by quarter are those of the view, when the reader may see them at all.
    if (!view.deadlines || !organization) continue;
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
      orgRefs.set(organization.uuid, organization);
    }
  }
  // Entries go by organisation name: the few organisations are put in Danish order once, and the
  // many entries by their place in it (equal names share a place, so the sort keeps their order).
  const orgPlace = danishPlaces([...orgRefs.values()]);
  const byOrganization = (a: RadarEntry, b: RadarEntry) =>
    (orgPlace.get(a.organization.uuid) ?? 0) - (orgPlace.get(b.organization.uuid) ?? 0);
  const systemRefs = [...groups.keys()].map((uuid) => ({ uuid, name: v.data.systems.get(uuid)?.name ?? uuid }));
  const systemPlace = danishPlaces(systemRefs, v.data.nameRank);
  return {
    quarters,
    contracts: contracts.size,
    organizations: orgRefs.size,
    groups: systemRefs
      .sort((a, b) => (systemPlace.get(a.uuid) ?? 0) - (systemPlace.get(b.uuid) ?? 0))
      .map((system) => {
        const g = groups.get(system.uuid) as Map<string, RadarEntry[]>;
        return {
          system,
          quarters: quarters.flatMap((quarter) => {
            const entries = g.get(quarter);
            return entries ? [{ quarter, entries: entries.sort(byOrganization) }] : [];
          }),
        };
      }),
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
