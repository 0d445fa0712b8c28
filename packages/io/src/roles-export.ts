/**
 * The roles of an organisation as a spreadsheet: one row per role assignment (holder, e-mail, role,
 * kind of record, record), from the core's roles read model, so the file holds exactly what the
 * reader may see in `<kitos-roles>`.
 *
 * @module
 */
import type { Actor, Kitos, RoleObjectKind, RolesOverview, RolesQuery } from '@os2kitos/core';
import { choiceIssue, refuseOptions } from './choice.js';
import { toCsv } from './csv.js';
import type { ExportFile } from './export.js';
import type { SpreadsheetFormat } from './table.js';
import { writeWorkbook } from './xlsx.js';

/** Options of {@link exportRoles}. */
export interface RolesExportOptions {
  readonly format: SpreadsheetFormat;
  /** Header and value language (default `da`). */
  readonly language?: 'da' | 'en';
}

const HEADER = {
  da: ['Navn', 'E-mail', 'Rolle', 'Type', 'Registrering'],
  en: ['Name', 'E-mail', 'Role', 'Type', 'Record'],
} as const;

const KIND = {
  da: {
    itSystemUsage: 'IT-system',
    itContract: 'IT-kontrakt',
    dataProcessingRegistration: 'Databehandling',
    organizationUnit: 'Organisationsenhed',
  },
  en: {
    itSystemUsage: 'IT system',
    itContract: 'IT contract',
    dataProcessingRegistration: 'Data processing',
    organizationUnit: 'Organisation unit',
  },
} as const satisfies Record<'da' | 'en', Record<RoleObjectKind, string>>;

const MEDIA = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * Exports the roles matching `query` as XLSX or CSV (`;`, byte order mark: Danish Excel opens it).
 * An unknown format or language is a `KitosValidationError` naming the option.
 *
 * @example
 * ```ts
 * import { exportRoles } from '@os2kitos/io';
 * const file = await exportRoles(kitos, actor, { organizationUuid, userUuid }, { format: 'xlsx' });
 * // file.fileName === 'roller.xlsx'
 * ```
 */
export async function exportRoles(
  kitos: Kitos,
  actor: Actor,
  query: RolesQuery,
  options: RolesExportOptions,
): Promise<ExportFile> {
  checkOptions(options);
  return rolesFile(await kitos.roles.overview(actor, query), options);
}

function checkOptions(options: RolesExportOptions): void {
  refuseOptions([
    choiceIssue(options.format, ['xlsx', 'csv'], 'format', 'format'),
    options.language === undefined ? undefined : choiceIssue(options.language, ['da', 'en'], 'language', 'language'),
  ]);
}

/** The rows of an overview as a file; the options are checked. */
async function rolesFile({ rows }: RolesOverview, options: RolesExportOptions): Promise<ExportFile> {
  const language = options.language ?? 'da';
  const header = [...HEADER[language]];
  const body = rows.map((r) => [r.user, r.email ?? '', r.role, KIND[language][r.objectKind], r.objectName]);
  const base = language === 'da' ? 'roller' : 'roles';
  if (options.format === 'csv') {
    // toCsv gives text that would start a formula a leading apostrophe.
    const text = toCsv([header, ...body]);
    return { fileName: `${base}.csv`, mediaType: MEDIA.csv, data: new TextEncoder().encode(text), text };
  }
  const data = await writeWorkbook([
    { name: language === 'da' ? 'Roller' : 'Roles', header, rows: body, widths: [28, 30, 24, 20, 40] },
  ]);
  return { fileName: `${base}.xlsx`, mediaType: MEDIA.xlsx, data };
}

/**
 * Writes roles already read (from `kitos.roles.overview`, e.g. in a page with an in-page client)
 * as the XLSX workbook {@link exportRoles} gives: the same sheet, header and file name. An unknown
 * language is a `KitosValidationError` naming the option.
 *
 * @example
 * ```ts
 * import { rolesWorkbook } from '@os2kitos/io';
 * const file = await rolesWorkbook(await kitos.roles.overview(actor, { organizationUuid }), { language: 'en' });
 * // file.fileName === 'roles.xlsx'
 * ```
 */
export async function rolesWorkbook(
  overview: RolesOverview,
  options: { readonly language?: 'da' | 'en' } = {},
): Promise<ExportFile> {
  const o: RolesExportOptions = {
    format: 'xlsx',
    ...(options.language === undefined ? {} : { language: options.language }),
  };
  checkOptions(o);
  return rolesFile(overview, o);
}
