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
 * Most records in one list of a document: far above any municipality's portfolio, and a bound on
 * the writes one import makes in its single transaction (a document comes from outside).
 */
const MAX_RECORDS = 100_000;

/** A list of records, bounded like every input the core accepts. */
const records = <T extends z.ZodType>(record: T) => z.array(record).max(MAX_RECORDS);

/**
 * A portfolio document, version 1. Entities carry their uuid and editable fields, without the
 * owning organisation (implied by `organization`) and without storage metadata (versions,
 * timestamps). Catalogue systems and interfaces are shared, so they are referenced by uuid and name
 * and must exist where the document is imported. Like every input of the core it is closed (an
 * unknown key is refused, not dropped) and bounded.
 *
 * @example
 * ```ts
 * const doc = PortfolioDocumentSchema.parse(JSON.parse(text));
 * doc.usages.length;
 * ```
 */
export const PortfolioDocumentSchema = z
  .strictObject({
    format: z.literal(PORTFOLIO_FORMAT),
    version: z.literal(PORTFOLIO_VERSION),
    exportedAt: IsoDateTimeSchema,
    organization: z.strictObject({
      uuid: UuidSchema,
      name: z.string().max(200),
      cvr: z.string().max(50).nullable(),
      type: z.string().max(100),
    }),
    units: records(OrganizationUnitFieldsSchema.omit(owned).extend({ uuid: UuidSchema })),
    catalogueReferences: z.strictObject({
      systems: records(IdentityNamePairSchema),
      interfaces: records(IdentityNamePairSchema),
    }),
    usages: records(ItSystemUsageFieldsSchema.omit(owned).extend({ uuid: UuidSchema })),
    contracts: records(ContractFieldsSchema.extend({ uuid: UuidSchema })),
    dataProcessingRegistrations: records(
      DataProcessingRegistrationFieldsSchema.omit(owned).extend({ uuid: UuidSchema }),
    ),
    // Documents written before projects had participants with roles carry only the joint
    // organisations: on import those organisations take part as partners.
    projects: records(
      ProjectFieldsSchema.omit(owned).extend({
        uuid: UuidSchema,
        participants: ProjectFieldsSchema.shape.participants.optional(),
      }),
    ),
  })
  .describe('OS2KITOS portfolio exchange document, version 1');

/**
 * The lists of records a document holds, in the order an import creates them.
 *
 * @example
 * ```ts
 * for (const list of PORTFOLIO_RECORD_LISTS) console.log(list, doc[list].length);
 * ```
 */
export const PORTFOLIO_RECORD_LISTS = [
  'units',
  'usages',
  'contracts',
  'dataProcessingRegistrations',
  'projects',
] as const;

/**
 * A list of records in a portfolio document.
 *
 * @example
 * ```ts
 * const list: PortfolioRecordList = 'contracts';
 * ```
 */
export type PortfolioRecordList = (typeof PORTFOLIO_RECORD_LISTS)[number];

/**
 * What a uuid field of a record refers to: another record of the document (a record list: the
 * import rewrites it to the new record's uuid), or something the import keeps as it is: the
 * record's or a nested item's own identity (`self`), the shared catalogue, an option, an
 * organisation, a user, a KLE task, or an id in another system (`external`).
 *
 * @example
 * ```ts
 * const target: PortfolioUuidTarget = 'units';
 * ```
 */
export type PortfolioUuidTarget =
  | PortfolioRecordList
  | 'self'
  | 'catalogue'
  | 'option'
  | 'organization'
  | 'user'
  | 'kle'
  | 'external';

/**
 * Every uuid field of the records of each list, by path (`*` for each item of a list), with what it
 * refers to. Kept in one place so the importer rewrites references by what the field *is*, never
 * by what a value looks like: free text that happens to equal some record's uuid stays text. A
 * test walks {@link PortfolioDocumentSchema} and fails when a uuid field is missing here.
 *
 * @example
 * ```ts
 * PORTFOLIO_UUID_FIELDS.units; // [['uuid', 'self'], ['parentUuid', 'units'], ['externalOriginUuid', 'external']]
 * ```
 */
export const PORTFOLIO_UUID_FIELDS: Readonly<
  Record<PortfolioRecordList, readonly (readonly [path: string, target: PortfolioUuidTarget])[]>
> = {
  units: [
    ['uuid', 'self'],
    ['parentUuid', 'units'],
    ['externalOriginUuid', 'external'],
  ],
  usages: [
    ['uuid', 'self'],
    ['systemUuid', 'catalogue'],
    ['general.dataClassificationUuid', 'option'],
    ['general.mainContractUuid', 'contracts'],
    ['organizationUsage.usingUnitUuids.*', 'units'],
    ['organizationUsage.responsibleUnitUuid', 'units'],
    ['localKleDeviations.addedKleUuids.*', 'kle'],
    ['localKleDeviations.removedKleUuids.*', 'kle'],
    ['roles.*.roleUuid', 'option'],
    ['roles.*.userUuid', 'user'],
    ['gdpr.sensitivePersonDataUuids.*', 'option'],
    ['gdpr.registeredDataCategoryUuids.*', 'option'],
    ['archiving.typeUuid', 'option'],
    ['archiving.locationUuid', 'option'],
    ['archiving.testLocationUuid', 'option'],
    ['archiving.supplierOrganizationUuid', 'organization'],
    ['archiving.journalPeriods.*.uuid', 'self'],
    ['outgoingSystemRelations.*.uuid', 'self'],
    ['outgoingSystemRelations.*.toUsageUuid', 'usages'],
    ['outgoingSystemRelations.*.interfaceUuid', 'catalogue'],
    ['outgoingSystemRelations.*.contractUuid', 'contracts'],
    ['outgoingSystemRelations.*.frequencyUuid', 'option'],
    ['externalReferences.*.uuid', 'self'],
  ],
  contracts: [
    ['uuid', 'self'],
    ['general.contractTypeUuid', 'option'],
    ['general.contractTemplateUuid', 'option'],
    ['general.agreementElementUuids.*', 'option'],
    ['general.criticalityUuid', 'option'],
    ['parentContractUuid', 'contracts'],
    ['procurement.purchaseTypeUuid', 'option'],
    ['procurement.procurementStrategyUuid', 'option'],
    ['supplier.organizationUuid', 'organization'],
    ['responsible.organizationUnitUuid', 'units'],
    ['systemUsageUuids.*', 'usages'],
    ['dataProcessingRegistrationUuids.*', 'dataProcessingRegistrations'],
    ['paymentModel.paymentFrequencyUuid', 'option'],
    ['paymentModel.paymentModelUuid', 'option'],
    ['paymentModel.priceRegulationUuid', 'option'],
    ['agreementPeriod.extensionOptionsUuid', 'option'],
    ['termination.terms.noticePeriodMonthsUuid', 'option'],
    ['payments.external.*.uuid', 'self'],
    ['payments.external.*.organizationUnitUuid', 'units'],
    ['payments.internal.*.uuid', 'self'],
    ['payments.internal.*.organizationUnitUuid', 'units'],
    ['roles.*.roleUuid', 'option'],
    ['roles.*.userUuid', 'user'],
    ['externalReferences.*.uuid', 'self'],
  ],
  dataProcessingRegistrations: [
    ['uuid', 'self'],
    ['general.dataResponsibleUuid', 'option'],
    ['general.basisForTransferUuid', 'option'],
    ['general.insecureCountryUuids.*', 'option'],
    ['general.dataProcessorUuids.*', 'organization'],
    ['general.subDataProcessors.*.organizationUuid', 'organization'],
    ['general.subDataProcessors.*.basisForTransferUuid', 'option'],
    ['general.subDataProcessors.*.insecureCountryUuid', 'option'],
    ['general.mainContractUuid', 'contracts'],
    ['general.responsibleUnitUuid', 'units'],
    ['systemUsageUuids.*', 'usages'],
    ['contractUuids.*', 'contracts'],
    ['oversight.oversightOptionUuids.*', 'option'],
    ['oversight.oversightDates.*.uuid', 'self'],
    ['roles.*.roleUuid', 'option'],
    ['roles.*.userUuid', 'user'],
    ['externalReferences.*.uuid', 'self'],
  ],
  projects: [
    ['uuid', 'self'],
    ['type', 'option'],
    ['responsibleUnitUuid', 'units'],
    ['usingUnitUuids.*', 'units'],
    ['systemUsageUuids.*', 'usages'],
    ['contractUuids.*', 'contracts'],
    ['kleUuids.*', 'kle'],
    ['parentProjectUuid', 'projects'],
    ['participants.*.organizationUuid', 'organization'],
    ['jointOrganizationUuids.*', 'organization'],
    ['milestones.*.uuid', 'self'],
    ['risks.*.uuid', 'self'],
    ['risks.*.responsibleUserUuid', 'user'],
    ['goals.*.uuid', 'self'],
  ],
};

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
