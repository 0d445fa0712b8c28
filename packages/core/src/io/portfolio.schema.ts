/**
 * The portable JSON exchange format of one organisation's portfolio, version 1, defined by zod
 * from the domain schemas (so it cannot drift from them) and published as JSON Schema in
 * `docs/schema/portfolio.v1.schema.json`.
 *
 * @module
 */
import { z } from 'zod';
import { ContractFieldsSchema } from '../contract/contract.schema.js';
import { DataProcessingRegistrationFieldsSchema } from '../data-processing/dpr.schema.js';
import { OrganizationUnitFieldsSchema } from '../organisation/unit.schema.js';
import { ProjectFieldsSchema } from '../project/project.schema.js';
import { IdentityNamePairSchema, IsoDateTimeSchema, UuidSchema } from '../shared/schema.js';
import { ItSystemUsageFieldsSchema } from '../usage/usage.schema.js';

/**
 * Name of the format, the `format` field of every document.
 *
 * @example
 * ```ts
 * doc.format === PORTFOLIO_FORMAT; // 'os2kitos-portfolio'
 * ```
 */
export const PORTFOLIO_FORMAT = 'os2kitos-portfolio';
/**
 * The version this library writes and reads.
 *
 * @example
 * ```ts
 * if (doc.version !== PORTFOLIO_VERSION) throw new Error('unsupported portfolio version');
 * ```
 */
export const PORTFOLIO_VERSION = 1;

const owned = { organizationUuid: true } as const;

/**
 * A portfolio document, version 1. Entities carry their uuid and editable fields, without the
 * owning organisation (implied by `organization`) and without storage metadata (versions,
 * timestamps). Catalogue systems and interfaces are shared, so they are referenced by uuid and name
 * and must exist where the document is imported.
 *
 * @example
 * ```ts
 * const doc = PortfolioDocumentSchema.parse(JSON.parse(text));
 * doc.usages.length;
 * ```
 */
export const PortfolioDocumentSchema = z
  .object({
    format: z.literal(PORTFOLIO_FORMAT),
    version: z.literal(PORTFOLIO_VERSION),
    exportedAt: IsoDateTimeSchema,
    organization: z.object({ uuid: UuidSchema, name: z.string(), cvr: z.string().nullable(), type: z.string() }),
    units: z.array(OrganizationUnitFieldsSchema.omit(owned).extend({ uuid: UuidSchema })),
    catalogueReferences: z.object({
      systems: z.array(IdentityNamePairSchema),
      interfaces: z.array(IdentityNamePairSchema),
    }),
    usages: z.array(ItSystemUsageFieldsSchema.omit(owned).extend({ uuid: UuidSchema })),
    contracts: z.array(ContractFieldsSchema.extend({ uuid: UuidSchema })),
    dataProcessingRegistrations: z.array(
      DataProcessingRegistrationFieldsSchema.omit(owned).extend({ uuid: UuidSchema }),
    ),
    projects: z.array(ProjectFieldsSchema.omit(owned).extend({ uuid: UuidSchema })),
  })
  .describe('OS2KITOS portfolio exchange document, version 1');

/**
 * A portfolio document, version 1.
 *
 * @example
 * ```ts
 * const doc: PortfolioDocument = await exportPortfolio(kitos, actor, organizationUuid);
 * ```
 */
export type PortfolioDocument = z.infer<typeof PortfolioDocumentSchema>;

/**
 * The JSON Schema of the format (draft 2020-12), generated with zod's `z.toJSONSchema`. Custom
 * refinements (gates, uniqueness) cannot be expressed in JSON Schema; the importer checks them.
 *
 * @example
 * ```ts
 * JSON.stringify(portfolioJsonSchema(), null, 2); // what docs/schema/portfolio.v1.schema.json holds
 * ```
 */
export function portfolioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PortfolioDocumentSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://os2kitos.dk/schema/portfolio.v1.schema.json',
    title: 'OS2KITOS portfolio, version 1',
  };
}
