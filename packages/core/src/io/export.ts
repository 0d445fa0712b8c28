/**
 * Export of any overview query to XLSX or CSV, as KITOS's "Eksporter" does: all matching rows (the
 * query's paging is ignored), visible or all columns, real dates and numbers, readable lists, and
 * optionally the e-mail addresses of role holders as extra columns.
 *
 * @module
 */
import { cellOf } from '../overview/query.js';
import type { Actor } from '../access/actor.js';
import type { Kitos } from '../kitos.js';
import { OVERVIEW_COLUMNS } from '../overview/columns.js';
import type { CellValue, OverviewColumn, OverviewKind, OverviewQuery } from '../overview/query.js';
import { KitosValidationError } from '../shared/errors.js';
import { choiceIssue, refuseOptions } from './choice.js';
import { toCsv } from './csv.js';
import type { SpreadsheetFormat } from './table.js';
import { type WriteCell, writeWorkbook } from './xlsx.js';

/**
 * Options of {@link exportOverview}.
 *
 * @example
 * ```ts
 * const options: OverviewExportOptions = { format: 'csv', columns: 'all', language: 'en', roleEmails: true };
 * ```
 */
export interface OverviewExportOptions {
  readonly format: SpreadsheetFormat;
  /** `visible` (the default columns), `all`, or column ids in order (default `visible`). */
  readonly columns?: 'visible' | 'all' | readonly string[];
  /** Header and value language (default `da`). */
  readonly language?: 'da' | 'en';
  /** Add one e-mail column per role type (usages and data processing registrations hold roles). */
  readonly roleEmails?: boolean;
  /**
   * Makes the name column a hyperlink: a URL template where `{uuid}` is replaced by the row's uuid,
   * e.g. `https://kitos.example.dk/it-systems/usages/{uuid}`.
   */
  readonly link?: string;
  /** CSV only: separator (default `;`) and byte order mark (default true), for Danish Excel. */
  readonly csv?: { readonly separator?: ';' | ',' | '\t'; readonly bom?: boolean };
}

/**
 * An exported file.
 *
 * @example
 * ```ts
 * const file: ExportFile = await exportOverview(kitos, actor, 'usages', { organizationUuid }, { format: 'xlsx' });
 * new Blob([file.data], { type: file.mediaType });
 * ```
 */
export interface ExportFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly data: Uint8Array;
  /** The CSV text (CSV exports only). */
  readonly text?: string;
}

const NAME_COLUMN: Record<OverviewKind, string> = {
  usages: 'systemName',
  contracts: 'name',
  dataProcessing: 'name',
  projects: 'name',
  catalogue: 'name',
};

/** Labels of stored values, by value: a Map, because the values are data (any text). */
const VALUE_LABELS = new Map<string, { da: string; en: string }>(
  Object.entries({
    Undecided: { da: 'Ikke besluttet', en: 'Undecided' },
    NotInUse: { da: 'Ikke i drift', en: 'Not in use' },
    PhasingIn: { da: 'Under indfasning', en: 'Phasing in' },
    Operational: { da: 'I drift', en: 'Operational' },
    PhasingOut: { da: 'Under udfasning', en: 'Phasing out' },
    StartDateNotPassed: { da: 'Startdato ikke nået', en: 'Start date not reached' },
    EndDatePassed: { da: 'Slutdato overskredet', en: 'End date passed' },
    NotOperationalAccordingToLifeCycle: { da: 'Ikke i drift ifølge livscyklus', en: 'Not operational by life cycle' },
    MainContractNotActive: { da: 'Markeret kontrakt ikke aktiv', en: 'Main contract not active' },
    TerminationPeriodExceeded: { da: 'Opsigelsesperiode udløbet', en: 'Notice period passed' },
    InvalidParentContract: { da: 'Overordnet kontrakt ikke gyldig', en: 'Parent contract not valid' },
    Yes: { da: 'Ja', en: 'Yes' },
    No: { da: 'Nej', en: 'No' },
    DontKnow: { da: 'Ved ikke', en: "Don't know" },
    OnPremise: { da: 'On-premise', en: 'On premise' },
    External: { da: 'Eksternt', en: 'External' },
  }),
);

const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const OVERVIEW_KINDS = Object.keys(OVERVIEW_COLUMNS) as OverviewKind[];

/**
 * Kind, format and language come from the calling program; anything but the allowed values
 * (including `__proto__`, which would find `Object.prototype` in a lookup table) is a
 * `KitosValidationError` naming the option, before any table is looked at.
 */
function checkOptions(kind: unknown, options: OverviewExportOptions): void {
  refuseOptions([
    choiceIssue(kind, OVERVIEW_KINDS, 'kind', 'overview'),
    choiceIssue(options.format, ['xlsx', 'csv'], 'format', 'file format'),
    choiceIssue(options.language ?? 'da', ['da', 'en'], 'language', 'language'),
  ]);
}

function pickColumns(kind: OverviewKind, choice: OverviewExportOptions['columns']): OverviewColumn[] {
  const catalogue = OVERVIEW_COLUMNS[kind];
  if (choice === 'all') return [...catalogue];
  if (choice === undefined || choice === 'visible') return catalogue.filter((c) => c.defaultVisible);
  if (!Array.isArray(choice))
    refuseOptions([choiceIssue(choice, ['visible', 'all', 'a list of column ids'], 'columns', 'column choice')]);
  const unknown = choice.filter((id) => !catalogue.some((c) => c.id === id));
  if (unknown.length > 0)
    throw new KitosValidationError(
      'core',
      unknown.map((id) => ({
        path: ['columns', id],
        code: 'unknown-column',
        message: `the ${kind} overview has no column ${id}`,
      })),
    );
  return choice.map((id) => catalogue.find((c) => c.id === id) as OverviewColumn);
}

function label(value: string, language: 'da' | 'en'): string {
  return VALUE_LABELS.get(value)?.[language] ?? value;
}

function cell(value: CellValue | undefined, column: OverviewColumn, language: 'da' | 'en'): WriteCell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => label(v, language)).join(', ') || null;
  if (column.type === 'date' && typeof value === 'string') return value === '' ? null : { date: value };
  if (typeof value === 'boolean') return language === 'da' ? (value ? 'Ja' : 'Nej') : value ? 'Yes' : 'No';
  if (typeof value === 'string' && (column.type === 'enum' || column.type === 'text')) return label(value, language);
  return value as WriteCell;
}

function csvCell(value: WriteCell, language: 'da' | 'en'): string | number | null {
  if (value === null || typeof value !== 'object') return value as string | number | null;
  const [y, m, d] = value.date.split('-');
  return language === 'da' ? `${d}-${m}-${y}` : value.date;
}

/** Role e-mail columns: per role type, the e-mails of the holders of each row. */
async function roleEmailColumns(kitos: Kitos, actor: Actor, kind: OverviewKind, organizationUuid: string) {
  if (kind !== 'usages' && kind !== 'dataProcessing') return [];
  const records =
    kind === 'usages'
      ? (await kitos.usages.list(actor, { organizationUuid })).items
      : (await kitos.dataProcessing.list(actor, { organizationUuid })).items;
  const roleType = kind === 'usages' ? 'it-system-usage-role-types' : 'data-processing-registration-role-types';
  const roles = await kitos.options.global(actor, roleType);
  const users = new Map((await kitos.users.list(actor)).items.map((u) => [u.uuid, u.email]));
  const byRecord = new Map(records.map((r) => [r.uuid, r.roles]));
  return roles
    .filter((role) => records.some((r) => r.roles.some((x) => x.roleUuid === role.uuid)))
    .map((role) => ({
      header: { da: `${role.name} (e-mail)`, en: `${role.name} (e-mail)` },
      value: (uuid: string) =>
        (byRecord.get(uuid) ?? [])
          .filter((x) => x.roleUuid === role.uuid)
          .map((x) => users.get(x.userUuid) ?? x.userUuid)
          .join(', ') || null,
    }));
}

/**
 * Exports every row matching an overview query (its `offset`/`limit` are ignored) as XLSX or CSV.
 * XLSX has date cells formatted `dd-mm-yyyy`, numeric cells, a frozen bold header and, with
 * `link`, a hyperlink on the name column; CSV uses `;`, a decimal comma, `dd-mm-yyyy` dates and a
 * byte order mark by default, so Danish Excel opens it correctly. An unknown kind, format,
 * language or column id is a `KitosValidationError` naming the option.
 *
 * @example
 * ```ts
 * import { exportOverview } from '@os2kitos/core/io';
 * const file = await exportOverview(kitos, actor, 'contracts', { organizationUuid }, {
 *   format: 'xlsx', columns: 'all', link: 'https://kitos.example.dk/contracts/{uuid}',
 * });
 * // file.fileName === 'kontrakter.xlsx'; file.data holds the workbook
 * ```
 */
export async function exportOverview(
  kitos: Kitos,
  actor: Actor,
  kind: OverviewKind,
  query: OverviewQuery,
  options: OverviewExportOptions,
): Promise<ExportFile> {
  checkOptions(kind, options);
  const language = options.language ?? 'da';
  const columns = pickColumns(kind, options.columns);
  const page = await kitos.overviews.query(actor, kind, { ...query, offset: 0, limit: undefined });
  const extra = options.roleEmails ? await roleEmailColumns(kitos, actor, kind, query.organizationUuid) : [];
  const header = [...columns.map((c) => c.label[language]), ...extra.map((e) => e.header[language])];
  const rows = page.rows.map((r) => [
    ...columns.map((c) => cell(cellOf(r, c.id), c, language)),
    ...extra.map((e) => e.value(r.uuid)),
  ]);
  const base = FILE_NAMES[kind][language];
  if (options.format === 'csv') {
    const text = toCsv([header, ...rows.map((r) => r.map((v) => csvCell(v, language)))], options.csv);
    return {
      fileName: `${base}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      data: new TextEncoder().encode(text),
      text,
    };
  }
  const nameAt = columns.findIndex((c) => c.id === NAME_COLUMN[kind]);
  const links =
    options.link && nameAt >= 0
      ? page.rows.map((r, row) => ({
          row,
          column: nameAt,
          url: (options.link as string).replaceAll('{uuid}', encodeURIComponent(r.uuid)),
        }))
      : [];
  const data = await writeWorkbook([{ name: base.slice(0, 31), header, rows, links }]);
  return { fileName: `${base}.xlsx`, mediaType: WORKBOOK_TYPE, data };
}

const FILE_NAMES: Record<OverviewKind, { da: string; en: string }> = {
  usages: { da: 'it-systemer', en: 'it-systems' },
  contracts: { da: 'kontrakter', en: 'contracts' },
  dataProcessing: { da: 'databehandling', en: 'data-processing' },
  projects: { da: 'projekter', en: 'projects' },
  catalogue: { da: 'systemkatalog', en: 'system-catalogue' },
};
