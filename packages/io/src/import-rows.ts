/**
 * From table rows to a plan: map headers to template columns, read every cell, match each row to
 * an existing record (by UUID, or by system / name), find duplicates in the file and against the
 * store, and parse the resulting record with the kind's zod schema. Every problem is collected;
 * nothing is written here.
 *
 * @module
 */
import {
  ContractCreateSchema,
  type ImportIssue,
  importIssue,
  ItSystemCreateSchema,
  ItSystemUsageCreateSchema,
  OrganizationUnitCreateSchema,
} from '@os2kitos/core';
import type { z } from 'zod';
import { isBlank, type Named, nameKey, readCell } from './cells.js';
import type { ImportContext } from './import-context.js';
import { MAX_CELL_LENGTH, type Table } from './table.js';
import type { ImportColumn, ImportKind, ImportTemplate } from './templates.js';

/** Record-shaped values by path. */
export type Fields = Record<string, unknown>;

/** What will happen to one row. */
export interface PlannedRow {
  readonly row: number;
  readonly action: 'create' | 'change' | 'unchanged';
  /** The existing record's uuid (change/unchanged), else `null`. */
  readonly uuid: string | null;
  /** Short name of the row for reports. */
  readonly label: string;
  /** Keys of the columns whose values change (all given columns for new rows). */
  readonly changed: readonly string[];
  /** Create input, or the patch of the changed fields. */
  readonly input: Fields;
  /** Units only: the temporary key of a new unit, and its parent (a uuid or another row's key). */
  readonly key?: string;
  readonly parent?: string | null;
}

/** Reads a nested value. */
export function getPath(record: unknown, path: readonly string[]): unknown {
  let v = record;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** Writes a nested value, creating objects on the way. */
export function setPath(record: Fields, path: readonly string[], value: unknown): void {
  let o = record;
  path.forEach((p, i) => {
    if (i === path.length - 1) o[p] = value;
    else {
      if (o[p] === undefined || o[p] === null) o[p] = {};
      o = o[p] as Fields;
    }
  });
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && [...a].map(String).sort().join('\n') === [...b].map(String).sort().join('\n');
  return (a ?? null) === (b ?? null);
}

/** Header cell → column, by Danish or English header or key, ignoring case. */
function mapHeader(table: Table, template: ImportTemplate, issues: ImportIssue[]): (ImportColumn | undefined)[] {
  const byLabel = new Map<string, ImportColumn>();
  for (const c of template.columns) for (const l of [c.da, c.en, c.key]) byLabel.set(nameKey(l), c);
  const seen = new Set<string>();
  const mapped = table.header.map((h, i) => {
    if (h === '') return undefined;
    const c = byLabel.get(nameKey(h.replace(/\s*\*$/, '')));
    const at = { sheet: table.sheet, row: 1, column: h, value: h };
    if (!c) {
      const known = template.columns.map((x) => x.da).join(', ');
      issues.push(
        importIssue(
          'unknown-column',
          at,
          `ukendt kolonne; kendte kolonner: ${known}`,
          `unknown column; known columns: ${template.columns.map((x) => x.en).join(', ')}`,
        ),
      );
    } else if (seen.has(c.key)) {
      issues.push(
        importIssue(
          'duplicate-column',
          at,
          `kolonnen står to gange (kolonne ${i + 1})`,
          `the column appears twice (column ${i + 1})`,
        ),
      );
      return undefined;
    }
    if (c) seen.add(c.key);
    return c;
  });
  for (const c of template.columns.filter((x) => x.required && !seen.has(x.key))) {
    issues.push(
      importIssue(
        'missing-column',
        { sheet: table.sheet, row: 1, column: c.da },
        `kolonnen "${c.da}" mangler`,
        `the column "${c.en}" is missing`,
      ),
    );
  }
  return mapped;
}

const CREATE_SCHEMAS: Record<ImportKind, z.ZodType> = {
  usages: ItSystemUsageCreateSchema,
  contracts: ContractCreateSchema,
  units: OrganizationUnitCreateSchema,
  systems: ItSystemCreateSchema,
};

/** Existing records a kind matches rows against. */
interface Existing {
  byUuid: Map<string, Fields & { uuid: string }>;
  byKey: (values: Map<string, unknown>) => (Fields & { uuid: string }) | 'ambiguous' | undefined;
  /** The identity key of a row, for duplicates in the file. */
  rowKey: (values: Map<string, unknown>) => string | undefined;
  label: (values: Map<string, unknown>, existing?: Fields) => string;
}

function indexBy<T extends { uuid: string }>(items: readonly T[], key: (t: T) => string) {
  const m = new Map<string, T | 'ambiguous'>();
  for (const i of items) m.set(key(i), m.has(key(i)) ? 'ambiguous' : i);
  return m;
}

function existingOf(
  kind: ImportKind,
  ctx: ImportContext,
  organizationUuid: string,
  records: readonly Fields[],
): Existing {
  const all = records as (Fields & { uuid: string })[];
  const byUuid = new Map(all.map((r) => [r.uuid.toLowerCase(), r]));
  if (kind === 'usages') {
    const bySystem = indexBy(all, (u) => String(u.systemUuid));
    const systemName = new Map(ctx.systems.map((s) => [s.uuid, s.name]));
    return {
      byUuid,
      byKey: (v) => bySystem.get(String(v.get('system'))),
      rowKey: (v) => (v.get('system') as string | undefined) ?? (v.get('uuid') as string | undefined),
      label: (v, e) => systemName.get(String(v.get('system') ?? e?.systemUuid)) ?? String(v.get('uuid') ?? ''),
    };
  }
  const own = kind === 'systems' ? all.filter((s) => s.organizationUuid === organizationUuid) : all;
  const byName = indexBy(own, (r) => nameKey(String(r.name)));
  return {
    byUuid,
    byKey: (v) => (v.has('name') ? byName.get(nameKey(String(v.get('name')))) : undefined),
    rowKey: (v) => (v.has('name') ? nameKey(String(v.get('name'))) : (v.get('uuid') as string | undefined)),
    label: (v, e) => String(v.get('name') ?? e?.name ?? v.get('uuid') ?? ''),
  };
}

/** Inputs of {@link planRows}. */
export interface PlanInput {
  readonly table: Table;
  readonly template: ImportTemplate;
  readonly ctx: ImportContext;
  readonly organizationUuid: string;
  /** Existing records of the kind (the organisation's; every visible system for `systems`). */
  readonly records: readonly Fields[];
  readonly onRow?: (done: number) => void;
}

/**
 * Plans every row, collecting all problems. The plan is only usable when no issue was found.
 *
 * @example
 * ```ts
 * const { plan, issues } = planRows({ table, template: IMPORT_TEMPLATES.usages, ctx, organizationUuid, records });
 * ```
 */
export function planRows(input: PlanInput): { plan: PlannedRow[]; issues: ImportIssue[] } {
  const { table, template, organizationUuid } = input;
  const issues: ImportIssue[] = [];
  const columns = mapHeader(table, template, issues);
  if (issues.length > 0) return { plan: [], issues };
  const existing = existingOf(template.kind, input.ctx, organizationUuid, input.records);
  let ctx = input.ctx;
  if (template.kind === 'units') ctx = ctx.withExtraUnits(newUnitNames(table, columns, existing));
  const seen = new Map<string, number>();
  const plan: PlannedRow[] = [];
  for (const [index, r] of table.rows.entries()) {
    const rowIssues: ImportIssue[] = [];
    const values = new Map<string, unknown>();
    columns.forEach((c, i) => {
      const cell = r.cells[i] ?? null;
      if (!c || isBlank(cell)) return;
      const at = { sheet: table.sheet, row: r.number, column: table.header[i] ?? c.da, value: cell };
      if (typeof cell === 'string' && cell.length > MAX_CELL_LENGTH) {
        rowIssues.push(
          importIssue(
            'cell-too-long',
            { ...at, value: `${cell.length} tegn/characters` },
            `cellen har ${cell.length} tegn; Excel tillader højst ${MAX_CELL_LENGTH}`,
            `the cell has ${cell.length} characters; Excel allows at most ${MAX_CELL_LENGTH}`,
          ),
        );
        return;
      }
      const read = readCell(c.type, cell, ctx);
      if (read.ok) values.set(c.key, read.value);
      else rowIssues.push(importIssue(read.code, at, read.message.da, read.message.en));
    });
    const at = (key: string) => {
      const i = columns.findIndex((c) => c?.key === key);
      return {
        sheet: table.sheet,
        row: r.number,
        column: i >= 0 ? (table.header[i] ?? key) : key,
        value: values.get(key) ?? r.cells[i] ?? null,
      };
    };
    // A row naming an existing record by UUID may leave the other identifying columns empty.
    for (const c of template.columns.filter((x) => x.required && !values.has(x.key) && !values.has('uuid'))) {
      if (!rowIssues.some((x) => x.column === at(c.key).column))
        rowIssues.push(importIssue('required', at(c.key), 'feltet skal udfyldes', 'the field is required'));
    }
    const planned =
      rowIssues.length === 0
        ? planRow(template, existing, values, r.number, organizationUuid, at, rowIssues)
        : undefined;
    if (planned) {
      const key = planned.uuid ?? existing.rowKey(values);
      const first = key ? seen.get(key) : undefined;
      if (key && first !== undefined) {
        const idColumn = template.kind === 'usages' ? 'system' : 'name';
        rowIssues.push(
          importIssue(
            'duplicate-in-file',
            at(values.has(idColumn) ? idColumn : 'uuid'),
            `samme ${template.kind === 'usages' ? 'IT-system' : 'navn'} står også i række ${first}`,
            `the same ${template.kind === 'usages' ? 'IT system' : 'name'} is also in row ${first}`,
          ),
        );
      } else if (key) seen.set(key, r.number);
    }
    issues.push(...rowIssues);
    if (planned && rowIssues.length === 0) plan.push(planned);
    input.onRow?.(index + 1);
  }
  return { plan, issues };
}

/** Names of unit rows that match no existing unit: they may be parents of other rows. */
function newUnitNames(table: Table, columns: (ImportColumn | undefined)[], existing: Existing): Named[] {
  const nameAt = columns.findIndex((c) => c?.key === 'name');
  const uuidAt = columns.findIndex((c) => c?.key === 'uuid');
  return table.rows.flatMap((r) => {
    const name = r.cells[nameAt];
    const uuid = uuidAt >= 0 ? r.cells[uuidAt] : null;
    if (isBlank(name) || !isBlank(uuid)) return [];
    const values = new Map<string, unknown>([['name', String(name).trim()]]);
    return existing.byKey(values) ? [] : [{ uuid: `new:${r.number}`, name: String(name).trim() }];
  });
}

type At = (key: string) => { sheet: string; row: number; column: string; value: unknown };

function planRow(
  template: ImportTemplate,
  existing: Existing,
  values: Map<string, unknown>,
  row: number,
  organizationUuid: string,
  at: At,
  issues: ImportIssue[],
): PlannedRow | undefined {
  const kind = template.kind;
  const uuid = values.get('uuid') as string | undefined;
  const current = uuid ? existing.byUuid.get(uuid) : existing.byKey(values);
  if (current === 'ambiguous') {
    issues.push(
      importIssue(
        'ambiguous-reference',
        at(kind === 'usages' ? 'system' : 'name'),
        'flere eksisterende poster passer; angiv UUID',
        'several existing records match; give the UUID',
      ),
    );
    return undefined;
  }
  if (uuid && !current && kind !== 'systems') {
    issues.push(
      importIssue(
        'unknown-reference',
        at('uuid'),
        'ingen post med dette UUID i organisationen; lad feltet stå tomt for nye rækker',
        'no record with this UUID in the organisation; leave it empty for new rows',
      ),
    );
    return undefined;
  }
  if (uuid && current && kind === 'systems' && current.organizationUuid !== organizationUuid) {
    issues.push(
      importIssue(
        'forbidden',
        at('uuid'),
        'systemet er oprettet af en anden organisation og kan ikke ændres herfra',
        'the system was created by another organisation and cannot be changed from here',
      ),
    );
    return undefined;
  }
  if (kind === 'usages' && current && values.has('system') && values.get('system') !== current.systemUuid) {
    issues.push(
      importIssue(
        'invalid-value',
        at('system'),
        'en anvendelse kan ikke skifte IT-system',
        'a usage cannot change its IT system',
      ),
    );
    return undefined;
  }
  if (uuid && current && values.has('name') && kind !== 'usages') {
    const other = existing.byKey(values);
    if (other && (other === 'ambiguous' || other.uuid !== current.uuid)) {
      issues.push(
        importIssue(
          'duplicate-in-store',
          at('name'),
          'navnet bruges allerede af en anden post',
          'the name is already used by another record',
        ),
      );
      return undefined;
    }
  }
  if (kind === 'usages') normaliseUsageUnits(values, current);
  const columns = template.columns.filter((c) => c.path && values.has(c.key));
  const label = existing.label(values, current);
  if (!current) {
    const input: Fields = { organizationUuid };
    if (uuid) input.uuid = uuid;
    for (const c of columns) setPath(input, c.path as string[], values.get(c.key));
    const parent = kind === 'units' ? ((values.get('parent') as string | undefined) ?? null) : undefined;
    if (kind === 'units') delete input.parentUuid;
    if (!validate(template, input, at, issues)) return undefined;
    return {
      row,
      action: 'create',
      uuid: null,
      label,
      changed: columns.map((c) => c.key),
      input,
      key: `new:${row}`,
      parent,
    };
  }
  const changed = columns.filter((c) => !same(getPath(current, c.path as string[]), values.get(c.key)));
  const patch: Fields = {};
  for (const c of changed) setPath(patch, c.path as string[], values.get(c.key));
  const merged = structuredClone(current) as Fields;
  for (const c of changed) setPath(merged, c.path as string[], values.get(c.key));
  for (const meta of ['version', 'createdAt', 'createdBy', 'lastChanged', 'lastChangedBy']) delete merged[meta];
  if (kind !== 'systems') delete merged.uuid;
  if (kind === 'units' && String(values.get('parent') ?? '').startsWith('new:')) merged.parentUuid = null;
  if (changed.length > 0 && !validate(template, merged, at, issues)) return undefined;
  const parent =
    kind === 'units' && changed.some((c) => c.key === 'parent') ? (values.get('parent') as string) : undefined;
  if (kind === 'units') delete patch.parentUuid;
  if (kind === 'usages' && patch.organizationUsage) patch.organizationUsage = (merged as Fields).organizationUsage;
  return {
    row,
    action: changed.length > 0 ? 'change' : 'unchanged',
    uuid: current.uuid,
    label,
    changed: changed.map((c) => c.key),
    input: patch,
    parent,
  };
}

/** The responsible unit must be one of the using units (KITOS adds it, and so does the import). */
function normaliseUsageUnits(values: Map<string, unknown>, current: Fields | undefined): void {
  const responsible = values.get('responsibleUnit') as string | undefined;
  if (!responsible) return;
  const using =
    (values.get('usingUnits') as string[] | undefined) ??
    (getPath(current, ['organizationUsage', 'usingUnitUuids']) as string[] | undefined) ??
    [];
  if (!using.includes(responsible)) values.set('usingUnits', [...using, responsible]);
}

function validate(template: ImportTemplate, record: Fields, at: At, issues: ImportIssue[]): boolean {
  const r = CREATE_SCHEMAS[template.kind].safeParse(record);
  if (r.success) return true;
  for (const i of r.error.issues) {
    const path = i.path.map(String);
    const column =
      template.columns.find((c) => c.path?.every((p, k) => path[k] === p)) ??
      template.columns.find((c) => c.path && path.length > 0 && c.path[0] === path[0]);
    const where = column ? at(column.key) : at('uuid');
    issues.push(
      importIssue(
        'invalid-value',
        column ? where : { ...where, column: path.join('.') || null },
        `ugyldig værdi: ${i.message}`,
        `invalid value: ${i.message}`,
      ),
    );
  }
  return false;
}
