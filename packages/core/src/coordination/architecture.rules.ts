/**
 * How much of one organisation's portfolio is tied to the joint reference architecture: a usage is
 * tied to an element when its system is one of the element's systems, or one of its outgoing
 * relations goes through one of the element's interfaces. Counted in total, per element, per
 * responsible unit and per KLE task of the system.
 *
 * @module
 */
import { compareDanish } from './data.js';
import type { NamedRef } from './viewer.js';

/** One usage as the coverage needs it. */
export interface CoverageUsage {
  readonly systemUuid: string;
  readonly responsibleUnitUuid: string | null;
  /** Interfaces its outgoing relations go through. */
  readonly interfaceUuids: readonly string[];
  /** KLE tasks of the usage (the system's, with the organisation's deviations). */
  readonly kleUuids: readonly string[];
}

/** One element as the coverage needs it. */
export interface CoverageElement {
  readonly uuid: string;
  readonly name: string;
  readonly systemUuids: readonly string[];
  readonly interfaceUuids: readonly string[];
}

/** Tied usages out of all, for one group. */
export interface CoverageCount {
  readonly total: number;
  readonly tied: number;
}

/** The coverage of one organisation. */
export interface ArchitectureCoverage extends CoverageCount {
  readonly elements: readonly (NamedRef & { readonly usages: number })[];
  /** Per responsible unit (`unit: null` for usages without one), largest first. */
  readonly units: readonly (CoverageCount & { readonly unit: NamedRef | null })[];
  /** Per KLE task of the usages, by task number. */
  readonly kle: readonly (CoverageCount & {
    readonly uuid: string;
    readonly taskKey: string;
    readonly description: string;
  })[];
}

/** The elements a usage is tied to. */
export function tiedElements(u: CoverageUsage, elements: readonly CoverageElement[]): CoverageElement[] {
  return elements.filter(
    (e) => e.systemUuids.includes(u.systemUuid) || u.interfaceUuids.some((i) => e.interfaceUuids.includes(i)),
  );
}

const bump = (m: Map<string, { total: number; tied: number }>, key: string, tied: boolean) => {
  const c = m.get(key) ?? { total: 0, tied: 0 };
  c.total++;
  if (tied) c.tied++;
  m.set(key, c);
};

/**
 * The coverage of a portfolio.
 *
 * @example
 * ```ts
 * const c = architectureCoverage(usages, elements, { unitName, kle });
 * c.tied / c.total; // share of the portfolio tied to the reference architecture
 * ```
 */
export function architectureCoverage(
  usages: readonly CoverageUsage[],
  elements: readonly CoverageElement[],
  names: {
    readonly unitName: (uuid: string) => string | undefined;
    readonly kle: ReadonlyMap<string, { readonly taskKey: string; readonly description: string }>;
  },
): ArchitectureCoverage {
  const perElement = new Map(elements.map((e) => [e.uuid, 0]));
  const units = new Map<string, { total: number; tied: number }>();
  const kle = new Map<string, { total: number; tied: number }>();
  let tied = 0;
  for (const u of usages) {
    const ties = tiedElements(u, elements);
    const isTied = ties.length > 0;
    if (isTied) tied++;
    for (const e of ties) perElement.set(e.uuid, (perElement.get(e.uuid) ?? 0) + 1);
    bump(units, u.responsibleUnitUuid ?? '', isTied);
    for (const k of new Set(u.kleUuids)) if (names.kle.has(k)) bump(kle, k, isTied);
  }
  return {
    total: usages.length,
    tied,
    elements: elements
      .map((e) => ({ uuid: e.uuid, name: e.name, usages: perElement.get(e.uuid) ?? 0 }))
      .sort((a, b) => b.usages - a.usages || compareDanish(a.name, b.name)),
    units: [...units]
      .map(([uuid, c]) => ({ unit: uuid ? { uuid, name: names.unitName(uuid) ?? uuid } : null, ...c }))
      .sort((a, b) => b.total - a.total || compareDanish(a.unit?.name ?? '', b.unit?.name ?? '')),
    kle: [...kle]
      .map(([uuid, c]) => {
        const k = names.kle.get(uuid) as { taskKey: string; description: string };
        return { uuid, taskKey: k.taskKey, description: k.description, ...c };
      })
      .sort((a, b) => (a.taskKey < b.taskKey ? -1 : a.taskKey > b.taskKey ? 1 : 0)),
  };
}
