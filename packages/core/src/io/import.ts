/**
 * Spreadsheet import, all or nothing: read the file, plan every row (see `import-rows`), and only
 * when no row has a problem write them all in one storage transaction. A dry run plans, rehearses
 * the writes in that transaction and rolls it back, so its report says exactly what a real run
 * would do.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import type { Kitos } from '../kitos.js';
import { KitosError, KitosValidationError } from '../shared/errors.js';
import { choiceIssue, describeValue, refuseOptions } from './choice.js';
import { type ImportContext, loadImportContext } from './import-context.js';
import { type Fields, type PlannedRow, planRows } from './import-rows.js';
import { type ImportIssue, issue, SpreadsheetReadError } from './issues.js';
import { readTable, type SpreadsheetFormat, type Table } from './table.js';
import { IMPORT_KINDS, type ImportKind, type ImportTemplate, importTemplateOf } from './templates.js';
import { type UnitOfWorkServices, unitOfWork } from './unit-of-work.js';

/**
 * A progress event: which phase, and how many of how many rows are done.
 *
 * @example
 * ```ts
 * const onProgress = (e: ImportProgress) => console.log(`${e.phase}: ${e.done}/${e.total}`);
 * ```
 */
export interface ImportProgress {
  readonly phase: 'parse' | 'validate' | 'write';
  readonly done: number;
  readonly total: number;
}

/**
 * Options of {@link importSpreadsheet}.
 *
 * @example
 * ```ts
 * const options: SpreadsheetImportOptions = { kind: 'contracts', organizationUuid, file: csvText, dryRun: true };
 * ```
 */
export interface SpreadsheetImportOptions {
  readonly kind: ImportKind;
  /** The organisation the rows belong to (for `systems`: the creating organisation). */
  readonly organizationUuid: string;
  /** XLSX or CSV bytes, or CSV text. */
  readonly file: Uint8Array | string;
  /** Expected format; by default recognised from the bytes. */
  readonly format?: SpreadsheetFormat;
  /** Plan and rehearse, but store nothing. */
  readonly dryRun?: boolean;
  /** Most data rows accepted (default 20,000). */
  readonly maxRows?: number;
  readonly onProgress?: (event: ImportProgress) => void;
}

/**
 * What happened (or, in a dry run, would happen) to one row.
 *
 * @example
 * ```ts
 * report.rows.filter((r: ImportRowResult) => r.action === 'change').map((r) => r.changedFields);
 * ```
 */
export interface ImportRowResult {
  readonly row: number;
  readonly action: 'create' | 'change' | 'unchanged';
  /** The record's uuid: existing, or new after a real import; `null` for new rows in a dry run. */
  readonly uuid: string | null;
  readonly label: string;
  /** Column keys whose values are set (create) or change (change). */
  readonly changedFields: readonly string[];
}

/**
 * The import report.
 *
 * @example
 * ```ts
 * const report: ImportReport = await importSpreadsheet(kitos, actor, options);
 * if (!report.ok) showIssues(report.issues);
 * ```
 */
export interface ImportReport {
  /** True when every row is valid (and, unless a dry run, stored). */
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly kind: ImportKind;
  /** True only when records were stored. */
  readonly written: boolean;
  readonly counts: { readonly create: number; readonly change: number; readonly unchanged: number };
  readonly rows: readonly ImportRowResult[];
  /** Every problem found; empty when `ok`. */
  readonly issues: readonly ImportIssue[];
}

function refused(kind: ImportKind, dryRun: boolean, issues: readonly ImportIssue[]): ImportReport {
  return { ok: false, dryRun, kind, written: false, counts: { create: 0, change: 0, unchanged: 0 }, rows: [], issues };
}

async function existingRecords(s: UnitOfWorkServices, actor: Actor, kind: ImportKind, org: string, ctx: ImportContext) {
  if (kind === 'usages') return ctx.usages;
  if (kind === 'contracts') return (await s.contracts.list(actor, { organizationUuid: org })).items;
  if (kind === 'units') return ctx.units;
  return ctx.systems;
}

/** Orders new units so a parent is created before its children; `undefined` on a cycle. */
function unitOrder(plan: readonly PlannedRow[]): PlannedRow[] | undefined {
  const byKey = new Map(plan.filter((p) => p.action === 'create').map((p) => [p.key as string, p]));
  const out: PlannedRow[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: PlannedRow): boolean => {
    const key = p.key ?? String(p.row);
    if (state.get(key) === 'done') return true;
    if (state.get(key) === 'visiting') return false;
    state.set(key, 'visiting');
    const parent = p.parent ? byKey.get(p.parent) : undefined;
    if (parent && !visit(parent)) return false;
    state.set(key, 'done');
    out.push(p);
    return true;
  };
  for (const p of plan) if (!visit(p)) return undefined;
  return out;
}

async function writeRow(
  s: UnitOfWorkServices,
  actor: Actor,
  kind: ImportKind,
  p: PlannedRow,
  created: Map<string, string>,
) {
  const parent = p.parent?.startsWith('new:') ? created.get(p.parent) : p.parent;
  const service = serviceOf(s, kind);
  if (p.action === 'create') {
    const input = kind === 'units' && parent ? { ...p.input, parentUuid: parent } : p.input;
    const e = await service.create(actor, input as never);
    if (p.key) created.set(p.key, e.uuid);
    return e.uuid;
  }
  const uuid = p.uuid as string;
  if (Object.keys(p.input).length > 0) await service.patch(actor, uuid, p.input as never);
  if (kind === 'units' && p.parent !== undefined && parent)
    await s.units.move(actor, uuid, parent, { withSubtree: true });
  return uuid;
}

/** The service that writes a kind's records. */
function serviceOf(s: UnitOfWorkServices, kind: ImportKind) {
  switch (kind) {
    case 'usages':
      return s.usages;
    case 'contracts':
      return s.contracts;
    case 'units':
      return s.units;
    case 'systems':
      return s.systems;
  }
}

/**
 * The template of the options' kind, after checking the options a program (not the file) gives:
 * an unknown kind, format or row limit, or a file that is neither bytes nor text, is a mistake in
 * the calling code, so it is thrown as a `KitosValidationError` naming each option, not reported
 * as a problem of the file.
 */
function checkOptions(options: SpreadsheetImportOptions): ImportTemplate {
  const { file, format, maxRows } = options;
  refuseOptions([
    choiceIssue(options.kind, IMPORT_KINDS, 'kind', 'import kind'),
    format === undefined ? undefined : choiceIssue(format, ['xlsx', 'csv'], 'format', 'file format'),
    maxRows === undefined || (Number.isSafeInteger(maxRows) && maxRows > 0)
      ? undefined
      : {
          path: ['maxRows'],
          code: 'invalid-value',
          message: `maxRows must be a positive whole number, not ${describeValue(maxRows)}`,
        },
    typeof file === 'string' || file instanceof Uint8Array
      ? undefined
      : {
          path: ['file'],
          code: 'invalid-type',
          message: `file must be a Uint8Array or a string, not ${describeValue(file)}`,
        },
  ]);
  return importTemplateOf(options.kind);
}

/** Turns an error thrown by a service while writing a row into report issues naming that row. */
function writeFailure(table: Table, p: PlannedRow, e: unknown): ImportIssue[] {
  const at = { sheet: table.sheet, row: p.row };
  if (e instanceof KitosValidationError)
    return e.issues.map((i) =>
      issue(
        'invalid_value',
        { ...at, column: i.path.join('.') || null },
        `rækken blev afvist: ${i.message}`,
        `the row was refused: ${i.message}`,
      ),
    );
  const message = e instanceof Error ? e.message : String(e);
  const code = e instanceof KitosError && e.code === 'forbidden' ? 'forbidden' : 'write_failed';
  return [issue(code, at, `rækken kunne ikke gemmes: ${message}`, `the row could not be stored: ${message}`)];
}

/**
 * Imports usages, contracts, organisation units or catalogue systems from an XLSX or CSV file,
 * all or nothing. Rows are matched to existing records by UUID, or by IT system (usages) or name;
 * references (systems, units, suppliers, options) are given by name or UUID. When any row has a
 * problem nothing is stored and the report lists every problem with sheet, row, column, value
 * and a Danish and English explanation. Formulas are refused (see the guide). Never throws for bad
 * files or rows; permission problems of the actor are reported too. Options that do not fit their
 * types (an unknown `kind`, `format` or `maxRows`) are a `KitosValidationError` naming the option.
 *
 * @example
 * ```ts
 * import { importSpreadsheet } from '@os2kitos/core/io';
 * const report = await importSpreadsheet(kitos, actor, {
 *   kind: 'usages', organizationUuid, file: bytes, dryRun: true,
 *   onProgress: (e) => console.log(e.phase, e.done, e.total),
 * });
 * if (!report.ok) for (const i of report.issues) console.log(i.row, i.column, i.message.da);
 * ```
 */
export async function importSpreadsheet(
  kitos: Kitos,
  actor: Actor,
  options: SpreadsheetImportOptions,
): Promise<ImportReport> {
  const template = checkOptions(options);
  const { kind, organizationUuid } = options;
  const dryRun = options.dryRun ?? false;
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'parse', done: 0, total: 1 });
  let table: Table;
  try {
    table = await readTable(options.file, options.format, { maxRows: options.maxRows ?? 20_000 });
  } catch (e) {
    if (e instanceof SpreadsheetReadError) return refused(kind, dryRun, e.issues);
    throw e;
  }
  progress({ phase: 'parse', done: 1, total: 1 });
  const total = table.rows.length;
  try {
    return await unitOfWork(kitos, actor, async (s) => {
      progress({ phase: 'validate', done: 0, total });
      const ctx = await loadImportContext(s, actor, organizationUuid, template.columns);
      const records = (await existingRecords(s, actor, kind, organizationUuid, ctx)) as unknown as Fields[];
      const step = Math.max(1, Math.floor(total / 100));
      const { plan, issues } = planRows({
        table,
        template,
        ctx,
        organizationUuid,
        records,
        onRow: (done) => (done % step === 0 || done === total) && progress({ phase: 'validate', done, total }),
      });
      const ordered = kind === 'units' ? unitOrder(plan) : plan;
      if (!ordered)
        issues.push(
          issue(
            'invalid_value',
            { sheet: table.sheet },
            'de overordnede enheder danner en ring',
            'the parent units form a cycle',
          ),
        );
      if (issues.length > 0 || !ordered) return { commit: false, result: refused(kind, dryRun, issues) };
      const results = new Map<number, string>();
      const created = new Map<string, string>();
      let done = 0;
      progress({ phase: 'write', done, total });
      for (const p of ordered) {
        if (p.action !== 'unchanged') {
          try {
            results.set(p.row, await writeRow(s, actor, kind, p, created));
          } catch (e) {
            return { commit: false, result: refused(kind, dryRun, writeFailure(table, p, e)) };
          }
        }
        done++;
        if (done % step === 0 || done === total) progress({ phase: 'write', done, total });
      }
      const rows = plan.map((p) => ({
        row: p.row,
        action: p.action,
        uuid: p.uuid ?? (dryRun ? null : (results.get(p.row) ?? null)),
        label: p.label,
        changedFields: p.changed,
      }));
      const count = (a: PlannedRow['action']) => plan.filter((p) => p.action === a).length;
      const report: ImportReport = {
        ok: true,
        dryRun,
        kind,
        written: !dryRun && plan.some((p) => p.action !== 'unchanged'),
        counts: { create: count('create'), change: count('change'), unchanged: count('unchanged') },
        rows,
        issues: [],
      };
      return { commit: !dryRun, result: report };
    });
  } catch (e) {
    // The actor could not be resolved, or the storage failed: nothing was stored.
    const message = e instanceof Error ? e.message : String(e);
    const code = e instanceof KitosError && e.code === 'forbidden' ? 'forbidden' : 'write_failed';
    return refused(kind, dryRun, [
      issue(code, {}, `importen blev afbrudt: ${message}`, `the import was stopped: ${message}`),
    ]);
  }
}
