/**
 * The national catalogue: the systems a reader may see with how many organisations use them, their
 * rights holder, business type, KLE tasks and exposed interfaces with the systems that consume
 * them (as far as the consuming organisations share their interfaces); and for one system, who
 * uses it and how, through the sharing rules.
 *
 * @module
 */
import { z } from 'zod';
import { UuidSchema } from '../shared/schema.js';
import { compareDanish, consumerSummary, type KleFacts, type SystemFacts } from './data.js';
import type { SharedContract, SharedProject, SharedUsage } from './sharing.rules.js';
import type { NamedRef, Viewer } from './viewer.js';

/** Largest catalogue page. */
export const CATALOGUE_PAGE_MAX = 200;

/**
 * A national catalogue query. `kleUuid` matches systems with that task or one below it.
 *
 * @example
 * ```ts
 * const q: NationalCatalogueQuery = { kleUuid, minOrganizations: 5, limit: 20 };
 * ```
 */
export const NationalCatalogueQuerySchema = z.strictObject({
  kleUuid: UuidSchema.optional(),
  rightsHolderUuid: UuidSchema.optional(),
  businessTypeUuid: UuidSchema.optional(),
  /** Only systems used by at least this many organisations. */
  minOrganizations: z.int().min(0).max(1_000_000).optional(),
  /** Case-insensitive part of the system's name. */
  search: z.string().trim().min(1).max(100).optional(),
  /** Marks the systems this organisation uses (the reader must be a member of it). */
  organizationUuid: UuidSchema.optional(),
  offset: z.int().min(0).max(1_000_000).default(0),
  limit: z.int().min(1).max(CATALOGUE_PAGE_MAX).default(50),
});
/** A national catalogue query (input). */
export type NationalCatalogueQuery = z.input<typeof NationalCatalogueQuerySchema>;

/** An interface a system exposes, with the systems that consume it (as shared). */
export interface CatalogueInterface {
  readonly uuid: string;
  readonly name: string;
  readonly consumers: readonly NamedRef[];
}

/** One system of the national catalogue. */
export interface NationalCatalogueEntry {
  readonly uuid: string;
  readonly name: string;
  readonly deactivated: boolean;
  /** How many organisations use it (every organisation shares that it uses a system). */
  readonly organizations: number;
  /** Whether the query's organisation uses it (absent without `organizationUuid`). */
  readonly usedHere?: boolean;
  readonly rightsHolder: NamedRef | null;
  readonly businessType: NamedRef | null;
  readonly kle: readonly KleFacts[];
  readonly interfaces: readonly CatalogueInterface[];
}

/** A page of the national catalogue. */
export interface NationalCataloguePage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly entries: readonly NationalCatalogueEntry[];
}

/** Whether a system matches the filters (the KLE filter as a set of task keys to prefix-match). */
function matches(
  v: Viewer,
  s: SystemFacts,
  q: z.output<typeof NationalCatalogueQuerySchema>,
  kleKey?: string,
): boolean {
  if (q.rightsHolderUuid && s.rightsHolderUuid !== q.rightsHolderUuid) return false;
  if (q.businessTypeUuid && s.businessTypeUuid !== q.businessTypeUuid) return false;
  if (q.minOrganizations !== undefined && (v.data.userCounts.get(s.uuid) ?? 0) < q.minOrganizations) return false;
  if (q.search && !s.name.toLocaleLowerCase('da').includes(q.search.toLocaleLowerCase('da'))) return false;
  if (kleKey !== undefined && !s.kleUuids.some((k) => isUnder(v.data.kle.get(k)?.taskKey, kleKey))) return false;
  return true;
}

/** KLE numbers nest by prefix: `02.05.10` is under `02.05` and `02`. */
const isUnder = (key: string | undefined, parent: string) =>
  key !== undefined && (key === parent || key.startsWith(`${parent}.`));

/**
 * The consumers of an interface the reader may learn of: systems with a usage that shares its
 * interfaces with the reader. A usage shares them with everyone when its owner shares them
 * publicly, and with the owner's privileged readers always ({@link consumerSummary} keeps both,
 * per interface and system, for the current settings; the reader's part is judged per owner).
 */
function consumers(v: Viewer, interfaceUuid: string): NamedRef[] {
  const out: NamedRef[] = [];
  for (const c of consumerSummary(v.data).get(interfaceUuid) ?? []) {
    if (!c.publicly && !c.owners.some((o) => v.privileged(o))) continue;
    const s = v.systemRef(c.systemUuid);
    if (s) out.push(s);
  }
  return out;
}

function entry(v: Viewer, s: SystemFacts, usedHere: ReadonlySet<string> | undefined): NationalCatalogueEntry {
  const d = v.data;
  const holder = s.rightsHolderUuid ? d.organizations.get(s.rightsHolderUuid) : undefined;
  const option = (uuid: string | null) => (uuid ? { uuid, name: d.optionNames.get(uuid) ?? uuid } : null);
  return {
    uuid: s.uuid,
    name: s.name,
    deactivated: s.deactivated,
    organizations: d.userCounts.get(s.uuid) ?? 0,
    ...(usedHere && { usedHere: usedHere.has(s.uuid) }),
    // The rights holder is a property of the public catalogue entry, named whatever its own scope.
    rightsHolder: holder ? { uuid: holder.uuid, name: holder.name } : null,
    businessType: option(s.businessTypeUuid),
    kle: s.kleUuids.flatMap((k) => d.kle.get(k) ?? []),
    interfaces: (d.interfacesBySystem.get(s.uuid) ?? [])
      .filter((i) => v.catalogueInterface(i))
      .map((i) => ({ uuid: i.uuid, name: i.name, consumers: consumers(v, i.uuid) })),
  };
}

/**
 * The systems of one catalogue page and the total, before their entries are built (a read loads
 * the usages that consume the page's interfaces in between; see {@link catalogueEntries}).
 */
export function cataloguePage(
  v: Viewer,
  q: z.output<typeof NationalCatalogueQuerySchema>,
): { total: number; systems: SystemFacts[] } {
  const kleKey = q.kleUuid ? (v.data.kle.get(q.kleUuid)?.taskKey ?? '\u0000unknown') : undefined;
  const systems: SystemFacts[] = [];
  let total = 0;
  for (const s of v.data.systemsByUse) {
    if (!matches(v, s, q, kleKey) || !v.system(s.uuid)) continue;
    if (total >= q.offset && systems.length < q.limit) systems.push(s);
    total++;
  }
  return { total, systems };
}

/** The interfaces a catalogue page shows (to load their consumers). */
export function pageInterfaces(v: Viewer, systems: readonly SystemFacts[]): string[] {
  return systems.flatMap((s) => (v.data.interfacesBySystem.get(s.uuid) ?? []).map((i) => i.uuid));
}

/** The entries of a catalogue page, with `usedHere` for the query's organisation. */
export function catalogueEntries(
  v: Viewer,
  q: z.output<typeof NationalCatalogueQuerySchema>,
  page: { total: number; systems: readonly SystemFacts[] },
): NationalCataloguePage {
  const usedHere = q.organizationUuid ? (v.data.portfolios.get(q.organizationUuid) ?? new Set<string>()) : undefined;
  return {
    total: page.total,
    offset: q.offset,
    limit: q.limit,
    entries: page.systems.map((s) => entry(v, s, usedHere)),
  };
}

/**
 * One page of the national catalogue for the reader: most used systems first.
 *
 * @example
 * ```ts
 * const page = nationalCatalogue(viewer, parsedQuery);
 * page.entries[0].organizations; // the most used system's number of organisations
 * ```
 */
export function nationalCatalogue(v: Viewer, q: z.output<typeof NationalCatalogueQuerySchema>): NationalCataloguePage {
  return catalogueEntries(v, q, cataloguePage(v, q));
}

/** Who uses one system and how, as shared with the reader. */
export interface SystemUse {
  readonly system: NamedRef;
  /** Every organisation using it, named or not. */
  readonly organizations: number;
  /** The usages of organisations the reader may name, with what each shares. */
  readonly usages: readonly (SharedUsage & { readonly organization: NamedRef })[];
  /** Contracts on the system that the reader may see. */
  readonly contracts: readonly (SharedContract & { readonly organization: NamedRef })[];
  /** Projects about the system that the reader may see. */
  readonly projects: readonly (SharedProject & { readonly organization: NamedRef })[];
}

/**
 * Who uses a system and how, or `undefined` when the reader may not see the system.
 *
 * @example
 * ```ts
 * systemUse(viewer, systemUuid)?.usages.map((u) => u.organization.name);
 * ```
 */
export function systemUse(v: Viewer, systemUuid: string): SystemUse | undefined {
  const s = v.system(systemUuid);
  if (!s) return undefined;
  const named = <T extends { organizationUuid: string }>(x: T | null) => {
    const organization = x ? v.organization(x.organizationUuid) : undefined;
    return x && organization ? [{ ...x, organization }] : [];
  };
  const byName = (a: { organization: NamedRef }, b: { organization: NamedRef }) =>
    compareDanish(a.organization.name, b.organization.name);
  return {
    system: { uuid: s.uuid, name: s.name },
    organizations: v.data.userCounts.get(s.uuid) ?? 0,
    usages: (v.data.usagesBySystem.get(s.uuid) ?? []).flatMap((u) => named(v.usage(u))).sort(byName),
    contracts: (v.data.contractsBySystem.get(s.uuid) ?? []).flatMap((c) => named(v.contract(c))).sort(byName),
    projects: (v.data.projectsBySystem.get(s.uuid) ?? []).flatMap((p) => named(v.project(p))).sort(byName),
  };
}

/** What the national catalogue can be filtered by: the values its visible systems carry. */
export interface CatalogueFilters {
  /** KLE tasks of the systems, with the tasks above them, by task number. */
  readonly kle: readonly KleFacts[];
  /** Rights holders of the systems (the suppliers behind them), by name. */
  readonly rightsHolders: readonly NamedRef[];
  /** Business types of the systems, by name. */
  readonly businessTypes: readonly NamedRef[];
  /** The largest number of organisations using one system ("used by at least N" goes up to it). */
  readonly maxOrganizations: number;
}

/**
 * The choices of the catalogue's filters for the reader: only values that some system the reader
 * may see carries (a KLE task brings the tasks above it, which match it too).
 *
 * @example
 * ```ts
 * catalogueFilters(viewer).rightsHolders.map((r) => r.name);
 * ```
 */
export function catalogueFilters(v: Viewer): CatalogueFilters {
  const d = v.data;
  const keys = new Set<string>();
  const holders = new Map<string, NamedRef>();
  const types = new Map<string, NamedRef>();
  let max = 0;
  for (const s of d.systemsByUse) {
    if (!v.system(s.uuid)) continue;
    max = Math.max(max, d.userCounts.get(s.uuid) ?? 0);
    for (const k of s.kleUuids) {
      const key = d.kle.get(k)?.taskKey;
      if (key === undefined) continue;
      const parts = key.split('.');
      for (let i = 1; i <= parts.length; i++) keys.add(parts.slice(0, i).join('.'));
    }
    const holder = s.rightsHolderUuid ? d.organizations.get(s.rightsHolderUuid) : undefined;
    if (holder) holders.set(holder.uuid, { uuid: holder.uuid, name: holder.name });
    if (s.businessTypeUuid)
      types.set(s.businessTypeUuid, {
        uuid: s.businessTypeUuid,
        name: d.optionNames.get(s.businessTypeUuid) ?? s.businessTypeUuid,
      });
  }
  const byName = (a: NamedRef, b: NamedRef) => compareDanish(a.name, b.name);
  return {
    kle: [...d.kle.values()]
      .filter((k) => keys.has(k.taskKey))
      .sort((a, b) => (a.taskKey < b.taskKey ? -1 : a.taskKey > b.taskKey ? 1 : 0)),
    rightsHolders: [...holders.values()].sort(byName),
    businessTypes: [...types.values()].sort(byName),
    maxOrganizations: max,
  };
}
