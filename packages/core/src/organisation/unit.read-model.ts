/**
 * The read model of an organisation's units: the tree, each unit with what it is responsible for
 * (usages, contracts, registrations, role assignments on it).
 *
 * @module
 */
import { z } from 'zod';
import type { ReadContext } from '../overview/read-context.js';
import { UuidSchema } from '../shared/schema.js';
import type { OrganizationUnit } from './unit.schema.js';

/** What one unit is responsible for (its own, not its sub-units'). */
export const UnitCountsSchema = z.strictObject({
  usages: z.number().int(),
  contracts: z.number().int(),
  registrations: z.number().int(),
  roles: z.number().int(),
});
/** What one unit is responsible for. */
export type UnitCounts = z.infer<typeof UnitCountsSchema>;

/** A unit of the tree with its sub-units, sorted by name (Danish order). */
export interface UnitTreeNode {
  readonly uuid: string;
  readonly name: string;
  readonly parentUuid: string | null;
  readonly counts: UnitCounts;
  readonly children: readonly UnitTreeNode[];
}

/** The schema of {@link UnitTreeNode}. */
export const UnitTreeNodeSchema: z.ZodType<UnitTreeNode> = z.lazy(() =>
  z.strictObject({
    uuid: UuidSchema,
    name: z.string().max(100),
    parentUuid: UuidSchema.nullable(),
    counts: UnitCountsSchema,
    children: z.array(UnitTreeNodeSchema).max(10_000),
  }),
);

const collator = new Intl.Collator('da');

/**
 * The organisation's unit tree (its root first), each unit with its counts.
 *
 * @example
 * ```ts
 * const [root] = unitTree(ctx, roleCounts);
 * root?.children.map((c) => c.name);
 * ```
 */
export function unitTree(ctx: ReadContext, roles: ReadonlyMap<string, number>): UnitTreeNode[] {
  const counts = new Map<string, { usages: number; contracts: number; registrations: number }>();
  const bump = (unit: string | null, field: 'usages' | 'contracts' | 'registrations') => {
    if (!unit) return;
    const c = counts.get(unit) ?? { usages: 0, contracts: 0, registrations: 0 };
    c[field] += 1;
    counts.set(unit, c);
  };
  for (const u of ctx.usages) bump(u.organizationUsage.responsibleUnitUuid, 'usages');
  for (const c of ctx.contracts) bump(c.responsible.organizationUnitUuid, 'contracts');
  for (const d of ctx.registrations) bump(d.general.responsibleUnitUuid, 'registrations');
  const byParent = new Map<string | null, OrganizationUnit[]>();
  for (const u of ctx.units) byParent.set(u.parentUuid, [...(byParent.get(u.parentUuid) ?? []), u]);
  const build = (parent: string | null): UnitTreeNode[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((u) => ({
        uuid: u.uuid,
        name: u.name,
        parentUuid: u.parentUuid,
        counts: { usages: 0, contracts: 0, registrations: 0, ...counts.get(u.uuid), roles: roles.get(u.uuid) ?? 0 },
        children: build(u.uuid),
      }));
  return build(null);
}
