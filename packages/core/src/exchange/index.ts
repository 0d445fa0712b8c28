/**
 * Getting a portfolio out of and into the library without spreadsheets (those are in
 * `@os2kitos/io`): a versioned JSON exchange format for a whole organisation
 * ({@link PortfolioDocumentSchema}, published as JSON Schema) and contract deadlines as an
 * iCalendar feed. Neither needs more than the core's own dependencies. The import report's issues
 * and the rollback-or-commit unit of work are shared with the spreadsheet import.
 *
 * @module
 */
export { type DeadlineCalendarOptions, deadlineCalendar, foldLine } from './calendar.js';
export {
  IMPORT_ISSUE_CODES,
  type ImportIssue,
  type ImportIssueCode,
  type IssueLocation,
  importIssue,
} from './issues.js';
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
export { unitOfWork } from './unit-of-work.js';
