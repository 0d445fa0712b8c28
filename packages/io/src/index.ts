/**
 * `@os2kitos/io`: spreadsheets in and out of an `@os2kitos/core` portfolio.
 *
 * - {@link importSpreadsheet}: usages, contracts, organisation units and catalogue systems from
 *   XLSX or CSV, all or nothing, with a dry run and a report in Danish and English;
 *   {@link spreadsheetTemplate} gives the workbook to fill in.
 * - {@link exportOverview}: any overview query as XLSX or CSV that Danish Excel reads correctly.
 *
 * A package of its own, so only apps that import or export spreadsheets install the spreadsheet
 * libraries. The portfolio exchange format (JSON) and iCalendar deadline feeds need none of them and
 * are in `@os2kitos/core` (`exportPortfolio`, `importPortfolio`, `deadlineCalendar`). Everything
 * here goes through the core's public API: imports run in one unit of work of the facade, so every
 * row passes the same checks as a single service call.
 *
 * @example
 * ```ts
 * import { createKitos, createMemoryStorage } from '@os2kitos/core';
 * import { exportOverview, importSpreadsheet } from '@os2kitos/io';
 * const report = await importSpreadsheet(kitos, actor, { kind: 'units', organizationUuid, file: csvText });
 * const file = await exportOverview(kitos, actor, 'usages', { organizationUuid }, { format: 'xlsx' });
 * ```
 *
 * @packageDocumentation
 */
export type { CellType } from './cells.js';
export { type CsvField, type CsvReadOptions, type CsvWriteOptions, parseCsv, toCsv } from './csv.js';
export { type ExportFile, exportOverview, type OverviewExportOptions } from './export.js';
export { exportRoles, type RolesExportOptions, rolesWorkbook } from './roles-export.js';
export { gdprRegisterWorkbook } from './gdpr-register.js';
export {
  type ImportProgress,
  type ImportReport,
  type ImportRowResult,
  importSpreadsheet,
  type SpreadsheetImportOptions,
} from './import.js';
export { SpreadsheetReadError } from './read-error.js';
export { MAX_CELL_LENGTH, type SpreadsheetFormat } from './table.js';
export { type SpreadsheetTemplateOptions, spreadsheetTemplate } from './template-file.js';
export {
  IMPORT_KINDS,
  IMPORT_TEMPLATES,
  type ImportColumn,
  type ImportKind,
  type ImportTemplate,
} from './templates.js';
export type { WriteCell } from './xlsx.js';
