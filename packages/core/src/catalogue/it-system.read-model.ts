/**
 * The read model of the shared catalogue as one organisation sees it ("IT-systemkatalog"): every
 * system the reader may see, whether the organisation uses it, and how many organisations do.
 *
 * @module
 */
import { z } from 'zod';
import type { ReadContext } from '../overview/read-context.js';
import { defineColumns } from '../overview/query.js';
import { AccessModifier } from '../shared/enums.js';
import { IsoDateSchema, UuidSchema } from '../shared/schema.js';
import type { ItSystem } from './it-system.schema.js';

const text = z.string().max(10_000).nullable();

/** One row of the catalogue overview. */
export const CatalogueRowSchema = z.strictObject({
  uuid: UuidSchema,
  name: z.string().max(100),
  previousName: text,
  parentSystemName: text,
  rightsHolder: text,
  businessType: text,
  scope: AccessModifier.schema,
  deactivated: z.boolean(),
  usedHere: z.boolean(),
  usingOrganizationCount: z.number().int(),
  kle: z.array(z.string().max(200)).max(2_000),
  lastChanged: IsoDateSchema,
});
/** One row of the catalogue overview. */
export type CatalogueRow = z.infer<typeof CatalogueRowSchema>;

const l = (da: string, en: string) => ({ da, en });

/** Columns of the catalogue overview. */
export const CATALOGUE_COLUMNS = defineColumns<CatalogueRow>({
  name: { type: 'text', group: 'core', label: l('IT-system', 'IT system'), visible: true },
  previousName: { type: 'text', group: 'core', label: l('Tidligere systemnavn', 'Former name') },
  parentSystemName: { type: 'text', group: 'core', label: l('Overordnet IT-system', 'Parent system') },
  rightsHolder: { type: 'text', group: 'core', label: l('Rettighedshaver', 'Rights holder'), visible: true },
  businessType: { type: 'text', group: 'core', label: l('Forretningstype', 'Business type'), visible: true },
  scope: { type: 'enum', group: 'core', label: l('Synlighed', 'Scope'), enum: 'AccessModifier' },
  deactivated: { type: 'boolean', group: 'core', label: l('Deaktiveret', 'Deactivated') },
  usedHere: {
    type: 'boolean',
    group: 'core',
    label: l('Anvendes i organisationen', 'Used in this organisation'),
    visible: true,
  },
  usingOrganizationCount: {
    type: 'number',
    group: 'core',
    label: l('Antal anvendende organisationer', 'Organisations using it'),
    visible: true,
  },
  kle: { type: 'list', group: 'kle', label: l('KLE', 'KLE') },
  lastChanged: { type: 'date', group: 'audit', label: l('Sidst redigeret', 'Last changed') },
});

/**
 * The catalogue rows: `usage` says, per system, which organisations use it (counted by the store).
 *
 * @example
 * ```ts
 * const rows = catalogueRows(systems, ctx, usage);
 * ```
 */
export function catalogueRows(
  systems: readonly ItSystem[],
  ctx: ReadContext,
  usage: { usedHere: ReadonlySet<string>; organizations: ReadonlyMap<string, number> },
): CatalogueRow[] {
  return systems.map((s) => ({
    uuid: s.uuid,
    name: s.name,
    previousName: s.previousName ?? null,
    parentSystemName: ctx.system(s.parentUuid)?.name ?? null,
    rightsHolder: ctx.organizationName(s.rightsHolderUuid),
    businessType: ctx.optionName(s.businessTypeUuid),
    scope: s.accessModifier,
    deactivated: s.deactivated,
    usedHere: usage.usedHere.has(s.uuid),
    usingOrganizationCount: usage.organizations.get(s.uuid) ?? 0,
    kle: s.kleUuids
      .map((k) => ctx.kleText(k))
      .filter((k): k is string => k !== null)
      .sort(),
    lastChanged: s.lastChanged.slice(0, 10),
  }));
}
