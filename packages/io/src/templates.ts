/**
 * The import templates: per kind, the columns with Danish and English headers, how each cell is
 * read, where the value goes in the record, and an example value. `spreadsheetTemplate` turns them
 * into a workbook people fill in. Choice columns name one of the core's enumerations: the values
 * and their Danish and English labels come from the core's vocabulary (`ENUM_LABELS`).
 *
 * @module
 */
import { type EnumName, KitosValidationError, type Label, type OptionType } from '@os2kitos/core';
import type { CellType } from './cells.js';
import { invalidChoice } from './choice.js';
import type { WriteCell } from './xlsx.js';

/**
 * What a spreadsheet import creates or changes.
 *
 * @example
 * ```ts
 * const kind: ImportKind = 'units';
 * ```
 */
export type ImportKind = 'usages' | 'contracts' | 'units' | 'systems';

/**
 * Every import kind.
 *
 * @example
 * ```ts
 * for (const kind of IMPORT_KINDS) await spreadsheetTemplate(kind);
 * ```
 */
export const IMPORT_KINDS: readonly ImportKind[] = ['usages', 'contracts', 'units', 'systems'];

/**
 * One column of an import template.
 *
 * @example
 * ```ts
 * IMPORT_TEMPLATES.usages.columns.map((c: ImportColumn) => c.da); // ['UUID', 'IT System', …]
 * ```
 */
export interface ImportColumn {
  /** Stable id (used in dry-run reports of changed fields). */
  readonly key: string;
  readonly da: string;
  readonly en: string;
  readonly type: CellType;
  /** Where the value goes in the create input / record; `null` for the identity (UUID) column. */
  readonly path: readonly string[] | null;
  readonly required?: boolean;
  /** An example value; for `enum` columns the value's name, shown as its label in the template's language. */
  readonly example: WriteCell;
}

/**
 * The template of one kind.
 *
 * @example
 * ```ts
 * const t: ImportTemplate = IMPORT_TEMPLATES.contracts;
 * t.sheet.da; // 'IT Kontrakter'
 * ```
 */
export interface ImportTemplate {
  readonly kind: ImportKind;
  readonly sheet: Label;
  readonly columns: readonly ImportColumn[];
}

const col = (
  key: string,
  da: string,
  en: string,
  type: CellType,
  path: string | null,
  example: WriteCell,
  required = false,
): ImportColumn => ({ key, da, en, type, path: path ? path.split('.') : null, example, required });
const option = (optionType: OptionType): CellType => ({ t: 'option', optionType });
const choice = (name: EnumName): CellType => ({ t: 'enum', enum: name });

const UUID_COLUMN = col('uuid', 'UUID', 'UUID', { t: 'uuid' }, null, null);

/**
 * The templates of every import kind.
 *
 * @example
 * ```ts
 * IMPORT_TEMPLATES.units.columns.filter((c) => c.required).map((c) => c.da); // ['Navn']
 * ```
 */
export const IMPORT_TEMPLATES: Readonly<Record<ImportKind, ImportTemplate>> = {
  usages: {
    kind: 'usages',
    sheet: { da: 'IT-systemer', en: 'IT systems' },
    columns: [
      UUID_COLUMN,
      col('system', 'IT System', 'IT system', { t: 'system' }, 'systemUuid', 'Acadre ESDH', true),
      col('localCallName', 'Lokal kaldenavn', 'Local name', { t: 'text', max: 100 }, 'general.localCallName', 'ESDH'),
      col(
        'localSystemId',
        'Lokal System ID',
        'Local system id',
        { t: 'text', max: 200 },
        'general.localSystemId',
        'SYS-042',
      ),
      col('systemVersion', 'Version', 'Version', { t: 'text', max: 100 }, 'general.systemVersion', '5.1'),
      col('validFrom', 'Ibrugtagningsdato', 'In use from', { t: 'date' }, 'general.validity.validFrom', {
        date: '2020-01-01',
      }),
      col('validTo', 'Slutdato for anvendelse', 'In use until', { t: 'date' }, 'general.validity.validTo', null),
      col(
        'lifeCycle',
        'Livscyklus',
        'Life cycle',
        choice('LifeCycleStatus'),
        'general.validity.lifeCycleStatus',
        'Operational',
      ),
      col(
        'users',
        'Antal brugere',
        'Number of users',
        choice('UsageUserCount'),
        'general.numberOfExpectedUsers',
        'TenToFifty',
      ),
      col(
        'dataClassification',
        'Klassifikation af data',
        'Data classification',
        option('it-system-usage-data-classification-types'),
        'general.dataClassificationUuid',
        null,
      ),
      col(
        'responsibleUnit',
        'Ansv. organisationsenhed',
        'Responsible unit',
        { t: 'unit' },
        'organizationUsage.responsibleUnitUuid',
        'Borgerservice',
      ),
      col(
        'usingUnits',
        'Relevante organisationsenheder',
        'Relevant units',
        { t: 'units' },
        'organizationUsage.usingUnitUuids',
        'Borgerservice; Skoler',
      ),
      col('purpose', 'Behandlingsformål', 'Purpose', { t: 'text' }, 'gdpr.purpose', 'Sagsbehandling'),
      col(
        'businessCritical',
        'Forretningskritisk',
        'Business critical',
        choice('YesNoDontKnow'),
        'gdpr.businessCritical',
        'Yes',
      ),
      col('hostedAt', 'IT systemet driftes', 'Hosted', choice('UsageHostedAt'), 'gdpr.hostedAt', 'External'),
      col('archiveDuty', 'Arkiveringspligt', 'Archive duty', choice('UsageArchiveDuty'), 'archiving.archiveDuty', 'B'),
      col('notes', 'Noter', 'Notes', { t: 'text' }, 'general.notes', null),
    ],
  },
  contracts: {
    kind: 'contracts',
    sheet: { da: 'IT Kontrakter', en: 'IT contracts' },
    columns: [
      UUID_COLUMN,
      col('name', 'IT Kontrakt', 'Contract', { t: 'text', max: 200 }, 'name', 'ESDH drift og support', true),
      col('contractId', 'Kontrakt ID', 'Contract id', { t: 'text' }, 'general.contractId', 'K-2020-17'),
      col(
        'contractType',
        'Kontrakttype',
        'Contract type',
        option('it-contract-contract-types'),
        'general.contractTypeUuid',
        null,
      ),
      col(
        'supplier',
        'Leverandør',
        'Supplier',
        { t: 'organization' },
        'supplier.organizationUuid',
        'Formpipe Software A/S',
      ),
      col(
        'responsibleUnit',
        'Ansvarlig org. enhed',
        'Responsible unit',
        { t: 'unit' },
        'responsible.organizationUnitUuid',
        'Borgerservice',
      ),
      col('validFrom', 'Gyldig fra', 'Valid from', { t: 'date' }, 'general.validity.validFrom', { date: '2020-01-01' }),
      col('validTo', 'Gyldig til', 'Valid to', { t: 'date' }, 'general.validity.validTo', { date: '2027-12-31' }),
      col('isContinuous', 'Løbende', 'Continuous', { t: 'bool' }, 'agreementPeriod.isContinuous', false),
      col(
        'durationYears',
        'Varighed (år)',
        'Duration (years)',
        { t: 'int', min: 0, max: 999 },
        'agreementPeriod.durationYears',
        4,
      ),
      col(
        'durationMonths',
        'Varighed (måneder)',
        'Duration (months)',
        { t: 'int', min: 0, max: 11 },
        'agreementPeriod.durationMonths',
        0,
      ),
      col(
        'irrevocableUntil',
        'Uopsigelig til',
        'Irrevocable until',
        { t: 'date' },
        'agreementPeriod.irrevocableUntil',
        null,
      ),
      col(
        'noticePeriod',
        'Opsigelse (måneder)',
        'Notice (months)',
        option('it-contract-notice-period-month-types'),
        'termination.terms.noticePeriodMonthsUuid',
        '3',
      ),
      col(
        'noticeByEndOf',
        'Opsigelse til',
        'Notice by end of',
        choice('YearSegment'),
        'termination.terms.noticeByEndOf',
        'EndOfQuarter',
      ),
      col('terminatedAt', 'Opsagt', 'Terminated', { t: 'date' }, 'termination.terminatedAt', null),
      col('systems', 'IT Systemer', 'IT systems', { t: 'usages' }, 'systemUsageUuids', 'Acadre ESDH'),
      col('notes', 'Noter', 'Notes', { t: 'text' }, 'general.notes', null),
    ],
  },
  units: {
    kind: 'units',
    sheet: { da: 'Organisationsenheder', en: 'Organisation units' },
    columns: [
      UUID_COLUMN,
      col('name', 'Navn', 'Name', { t: 'text', max: 100 }, 'name', 'Borgerservice', true),
      col('parent', 'Overordnet enhed', 'Parent unit', { t: 'unit' }, 'parentUuid', 'Nordby Kommune'),
      col('localId', 'Enheds-ID', 'Unit id', { t: 'text', max: 100 }, 'localId', 'BS01'),
      col('ean', 'EAN-nummer', 'EAN number', { t: 'text' }, 'ean', '5798000000001'),
    ],
  },
  systems: {
    kind: 'systems',
    sheet: { da: 'IT Systemkatalog', en: 'IT system catalogue' },
    columns: [
      UUID_COLUMN,
      col('name', 'IT System', 'IT system', { t: 'text', max: 100 }, 'name', 'Acadre ESDH', true),
      col('previousName', 'Tidligere systemnavn', 'Former name', { t: 'text', max: 100 }, 'previousName', null),
      col(
        'description',
        'Beskrivelse',
        'Description',
        { t: 'text', max: 20_000 },
        'description',
        'Elektronisk sags- og dokumenthåndtering',
      ),
      col(
        'rightsHolder',
        'Rettighedshaver',
        'Rights holder',
        { t: 'organization' },
        'rightsHolderUuid',
        'Formpipe Software A/S',
      ),
      col('businessType', 'Forretningstype', 'Business type', option('business-types'), 'businessTypeUuid', null),
      col('parent', 'Overordnet IT System', 'Parent system', { t: 'system' }, 'parentUuid', null),
      col('scope', 'Synlighed', 'Scope', choice('AccessModifier'), 'accessModifier', 'Public'),
      col('deactivated', 'Deaktiveret', 'Deactivated', { t: 'bool' }, 'deactivated', false),
      col(
        'archiveDuty',
        'Arkiveringspligt (anbefaling)',
        'Archive duty recommendation',
        choice('ArchiveDutyRecommendation'),
        'archiveDuty',
        'B',
      ),
    ],
  },
};

const TEMPLATES = new Map<string, ImportTemplate>(IMPORT_KINDS.map((kind) => [kind, IMPORT_TEMPLATES[kind]]));

/**
 * The template of a kind a caller names. An unknown kind (including names of `Object.prototype`
 * members such as `__proto__`) is a `KitosValidationError` at path `kind` listing the kinds.
 *
 * @example
 * ```ts
 * importTemplateOf('units').columns.length; // 5
 * ```
 */
export function importTemplateOf(kind: unknown): ImportTemplate {
  const template = typeof kind === 'string' ? TEMPLATES.get(kind) : undefined;
  if (template) return template;
  throw new KitosValidationError('core', [invalidChoice(kind, IMPORT_KINDS, 'kind', 'import kind')]);
}
