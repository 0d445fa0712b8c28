/**
 * `@os2kitos/core/io`: getting a portfolio in and out of the library.
 *
 * - {@link importSpreadsheet}: usages, contracts, organisation units and catalogue systems from
 *   XLSX or CSV, all or nothing, with a dry run and a report in Danish and English;
 *   {@link spreadsheetTemplate} gives the workbook to fill in.
 * - {@link exportOverview}: any overview query as XLSX or CSV that Danish Excel reads correctly.
 * - {@link exportPortfolio} / {@link importPortfolio}: a versioned JSON exchange format for a whole
 *   organisation ({@link PortfolioDocumentSchema}, published as JSON Schema).
 * - {@link deadlineCalendar}: contract deadlines as an iCalendar feed.
 *
 * A separate entry point, so apps that never import or export do not load the spreadsheet
 * libraries.
 *
 * @example
 * ```ts
 * import { createKitos, createMemoryStorage } from '@os2kitos/core';
 * import { exportOverview, importSpreadsheet } from '@os2kitos/core/io';
 * const report = await importSpreadsheet(kitos, actor, { kind: 'units', organizationUuid, file: csvText });
 * const file = await exportOverview(kitos, actor, 'usages', { organizationUuid }, { format: 'xlsx' });
 * ```
 *
 * @packageDocumentation
 */
export { type DeadlineCalendarOptions, deadlineCalendar, foldLine } from './calendar.js';
export type { CellType, Choice } from './cells.js';
export { type CsvField, type CsvReadOptions, type CsvWriteOptions, parseCsv, toCsv } from './csv.js';
export { type ExportFile, exportOverview, type OverviewExportOptions } from './export.js';
export {
  type ImportProgress,
  type ImportReport,
  type ImportRowResult,
  importSpreadsheet,
  type SpreadsheetImportOptions,
} from './import.js';
export { type BilingualText, type ImportIssue, type ImportIssueCode, SpreadsheetReadError } from './issues.js';
export {
  exportPortfolio,
  importPortfolio,
  type PortfolioImportOptions,
  type PortfolioImportReport,
} from './portfolio.js';
export {
  PORTFOLIO_FORMAT,
  PORTFOLIO_RECORD_LISTS,
  PORTFOLIO_UUID_FIELDS,
  PORTFOLIO_VERSION,
  type PortfolioDocument,
  PortfolioDocumentSchema,
  type PortfolioRecordList,
  type PortfolioUuidTarget,
  portfolioJsonSchema,
} from './portfolio.schema.js';
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
