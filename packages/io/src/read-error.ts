/**
 * The error of a file that cannot be read at all. Its issues are the core's `ImportIssue`s, so a
 * refused file is reported like a refused row.
 *
 * @module
 */
import type { ImportIssue } from '@os2kitos/core';

/**
 * Raised when a file cannot be read at all (not a spreadsheet, malformed, over a limit). The
 * import functions catch it and return its issues in the report; it escapes only from the
 * lower-level readers.
 *
 * @example
 * ```ts
 * try { await readTable(bytes); } catch (e) { if (e instanceof SpreadsheetReadError) console.log(e.issues); }
 * ```
 */
export class SpreadsheetReadError extends Error {
  /** The problems, at least one. */
  readonly issues: readonly ImportIssue[];

  constructor(issues: readonly ImportIssue[]) {
    super(`[kitos] [io] ${issues[0]?.message.en ?? 'the file cannot be read'}`);
    this.name = 'SpreadsheetReadError';
    this.issues = issues;
  }
}
