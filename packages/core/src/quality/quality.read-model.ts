/**
 * The data quality summary of an organisation or one of its units: per kind of record how many
 * there are, their average score, how many have gaps and which checks fail most, and the records
 * with the most gaps, each gap explained. Built from the overview rows (which carry each record's
 * score and failed checks) and the records themselves for the explanations.
 *
 * @module
 */
import type { Contract } from '../contract/contract.schema.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import type { ReadContext } from '../overview/read-context.js';
import type { EntityRef, UnitRef } from '../overview/refs.js';
import type { IsoDate } from '../shared/dates.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import {
  contractQuality,
  type DataQualityCheck,
  dprQuality,
  type QualityGap,
  type QualityKind,
  usageQuality,
} from './quality.rules.js';

/** The kinds a summary covers, in order. */
export const QUALITY_KINDS: readonly QualityKind[] = ['usages', 'contracts', 'dataProcessing'];

/** Query of the data quality summary. */
export interface DataQualityQuery {
  readonly organizationUuid: string;
  /** The day deadlines are judged on; default: today. */
  readonly today?: IsoDate;
  /** Only records this unit is responsible for (with `includeSubUnits`, also the units below it). */
  readonly unitUuid?: string | null;
  /** Default true. */
  readonly includeSubUnits?: boolean;
  /** How many records with the most gaps to explain (default 10, at most 200). */
  readonly limit?: number;
}

/** One kind of record in a summary. */
export interface DataQualityKindSummary {
  readonly kind: QualityKind;
  readonly records: number;
  /** Average score (0–100, rounded); `null` without records. */
  readonly averageScore: number | null;
  /** Records with at least one gap. */
  readonly withGaps: number;
  /** Failed checks with how many records fail them, most first. */
  readonly checks: readonly { readonly check: DataQualityCheck; readonly count: number }[];
}

/** A record with its gaps explained. */
export interface DataQualityItem {
  readonly kind: QualityKind;
  readonly record: EntityRef;
  readonly unit: UnitRef | null;
  readonly score: number;
  readonly gaps: readonly QualityGap[];
}

/** The data quality summary of an organisation or a unit. */
export interface DataQualitySummary {
  readonly today: IsoDate;
  /** The unit asked for; `null` for the whole organisation. */
  readonly unit: UnitRef | null;
  readonly kinds: readonly DataQualityKindSummary[];
  /** The records with the most gaps (then the lowest score), across kinds. */
  readonly worst: readonly DataQualityItem[];
}

/** What the summary reads of an overview row. */
export interface QualityRowFacts {
  readonly uuid: string;
  readonly responsibleUnitUuid: string | null;
  readonly qualityScore: number;
  readonly qualityGaps: number;
  readonly qualityChecks: readonly DataQualityCheck[];
}

/**
 * The summary from the rows of each kind (already limited to the unit) and the read context.
 *
 * @example
 * ```ts
 * const s = dataQualitySummary({ usages: rows, contracts: [], dataProcessing: [] }, ctx, { unit: null, limit: 5 });
 * s.kinds[0]?.averageScore; // e.g. 72
 * ```
 */
export function dataQualitySummary(
  rows: { readonly [K in QualityKind]: readonly QualityRowFacts[] },
  ctx: ReadContext,
  options: { readonly unit: UnitRef | null; readonly limit: number },
): DataQualitySummary {
  const kinds = QUALITY_KINDS.map((kind): DataQualityKindSummary => {
    const list = rows[kind];
    const counts = new Map<DataQualityCheck, number>();
    let sum = 0;
    let withGaps = 0;
    for (const r of list) {
      sum += r.qualityScore;
      if (r.qualityGaps > 0) withGaps++;
      for (const c of r.qualityChecks) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    return {
      kind,
      records: list.length,
      averageScore: list.length ? Math.round(sum / list.length) : null,
      withGaps,
      checks: [...counts]
        .map(([check, count]) => ({ check, count }))
        .sort((a, b) => b.count - a.count || (a.check < b.check ? -1 : 1)),
    };
  });
  const candidates = QUALITY_KINDS.flatMap((kind) => rows[kind].map((r) => ({ kind, r })))
    .filter((x) => x.r.qualityGaps > 0)
    .sort(
      (a, b) =>
        b.r.qualityGaps - a.r.qualityGaps ||
        a.r.qualityScore - b.r.qualityScore ||
        (a.r.uuid < b.r.uuid ? -1 : a.r.uuid > b.r.uuid ? 1 : 0),
    )
    .slice(0, options.limit);
  const usages = new Map(ctx.usages.map((u) => [u.uuid, u]));
  const registrations = new Map(ctx.registrations.map((d) => [d.uuid, d]));
  const worst: DataQualityItem[] = [];
  for (const { kind, r } of candidates) {
    const explained = explain(kind, r.uuid, ctx, usages, registrations);
    if (explained) worst.push({ kind, ...explained, unit: ctx.unit(r.responsibleUnitUuid) });
  }
  return { today: ctx.today, unit: options.unit, kinds, worst };
}

function explain(
  kind: QualityKind,
  uuid: string,
  ctx: ReadContext,
  usages: ReadonlyMap<string, ItSystemUsage>,
  registrations: ReadonlyMap<string, DataProcessingRegistration>,
): { record: EntityRef; score: number; gaps: readonly QualityGap[] } | undefined {
  if (kind === 'usages') {
    const u = usages.get(uuid);
    return u && { record: ctx.usageName(uuid), ...usageQuality(u, ctx) };
  }
  if (kind === 'contracts') {
    const c: Contract | undefined = ctx.contract(uuid);
    return c && { record: { uuid, name: c.name }, ...contractQuality(c, ctx) };
  }
  const d = registrations.get(uuid);
  return d && { record: { uuid, name: d.name }, ...dprQuality(d, ctx) };
}
