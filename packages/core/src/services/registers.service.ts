/**
 * The data quality summary and the GDPR register: read models over one organisation's records,
 * for members of the organisation (and global admins) only, by the same rule as the overviews.
 * Both read the rows and read context the overviews keep up to date.
 *
 * @module
 */
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { type GdprRegister, type GdprRegisterQuery, gdprRegister } from '../gdpr/register.read-model.js';
import type { CallRunner } from '../engine/service.js';
import { unitDescendants } from '../organisation/unit-tree.rules.js';
import {
  type DataQualityQuery,
  type DataQualitySummary,
  dataQualitySummary,
  QUALITY_KINDS,
  type QualityRowFacts,
} from '../quality/quality.read-model.js';
import type { QualityKind } from '../quality/quality.rules.js';
import type { ReadContext } from '../overview/read-context.js';
import { KitosNotFoundError } from '../shared/errors.js';
import { IsoDateSchema, parse, UuidSchema } from '../shared/schema.js';
import { mustReadOrganisation } from './overview.service.js';
import { type OverviewRowsCache, overviewRowsCache } from './overview-rows.js';

/** The data quality reads. */
export interface DataQualityService {
  /**
   * The data quality of the organisation or of one unit: per kind of record, and the records with
   * the most gaps explained check by check.
   *
   * @example
   * ```ts
   * const s = await kitos.quality.summary(actor, { organizationUuid, unitUuid, limit: 20 });
   * s.worst[0]?.gaps.map((g) => g.text.da);
   * ```
   */
  summary(actor: Actor, query: DataQualityQuery): Promise<DataQualitySummary>;
}

/** The GDPR reads. */
export interface GdprRegisterService {
  /**
   * The register of processing activities (article 30) of the organisation or of one unit.
   *
   * @example
   * ```ts
   * const r = await kitos.gdpr.register(actor, { organizationUuid, needsAttention: true });
   * r.entries[0]?.attention[0]?.text.en;
   * ```
   */
  register(actor: Actor, query: GdprRegisterQuery): Promise<GdprRegister>;
}

const UnitScope = {
  organizationUuid: UuidSchema,
  today: IsoDateSchema.optional(),
  unitUuid: UuidSchema.nullable().optional(),
  includeSubUnits: z.boolean().optional(),
};
const DataQualityQuerySchema = z.strictObject({
  ...UnitScope,
  limit: z.number().int().min(0).max(200).optional(),
});
const GdprRegisterQuerySchema = z.strictObject({
  ...UnitScope,
  needsAttention: z.boolean().optional(),
  includeNoPersonalData: z.boolean().optional(),
});

/** The units a query covers (`undefined`: all), and the unit asked for; an unknown unit is not found. */
function scope(ctx: ReadContext, unitUuid: string | null | undefined, includeSubUnits: boolean | undefined) {
  if (!unitUuid) return { units: undefined, unit: null };
  const unit = ctx.unit(unitUuid);
  if (!unit)
    throw new KitosNotFoundError('organisation', `unit ${unitUuid} is not a unit of the organisation`, {
      kind: 'organizationUnit',
      uuid: unitUuid,
    });
  const units = new Set(
    includeSubUnits === false
      ? [unitUuid]
      : unitDescendants(ctx.units, unitUuid, { includeSelf: true }).map((u) => u.uuid),
  );
  return { units, unit };
}

/** The data quality service. */
export function dataQualityService(
  runner: CallRunner,
  rows: OverviewRowsCache = overviewRowsCache(),
): DataQualityService {
  return {
    summary: (actor, input) =>
      runner.read(actor, async (call) => {
        const q = parse(DataQualityQuerySchema, input, 'core');
        mustReadOrganisation(call, q.organizationUuid);
        const today = q.today ?? call.today;
        const perKind = {} as Record<QualityKind, readonly QualityRowFacts[]>;
        for (const kind of QUALITY_KINDS)
          perKind[kind] = (await rows.rows(call, kind, q.organizationUuid, today)).rows as unknown as QualityRowFacts[];
        const ctx = await rows.context(call, 'usages', q.organizationUuid, today);
        const { units, unit } = scope(ctx, q.unitUuid, q.includeSubUnits);
        if (units)
          for (const kind of QUALITY_KINDS)
            perKind[kind] = perKind[kind].filter(
              (r) => r.responsibleUnitUuid !== null && units.has(r.responsibleUnitUuid),
            );
        return dataQualitySummary(perKind, ctx, { unit, limit: q.limit ?? 10 });
      }),
  };
}

/** The GDPR register service. */
export function gdprRegisterService(
  runner: CallRunner,
  rows: OverviewRowsCache = overviewRowsCache(),
): GdprRegisterService {
  return {
    register: (actor, input) =>
      runner.read(actor, async (call) => {
        const q = parse(GdprRegisterQuerySchema, input, 'core');
        mustReadOrganisation(call, q.organizationUuid);
        const ctx = await rows.context(call, 'usages', q.organizationUuid, q.today ?? call.today);
        const { units, unit } = scope(ctx, q.unitUuid, q.includeSubUnits);
        const usages = units
          ? ctx.usages.filter((u) => {
              const r = u.organizationUsage.responsibleUnitUuid;
              return r !== null && units.has(r);
            })
          : ctx.usages;
        return gdprRegister(usages, ctx, {
          unit,
          needsAttention: q.needsAttention,
          includeNoPersonalData: q.includeNoPersonalData,
        });
      }),
  };
}
