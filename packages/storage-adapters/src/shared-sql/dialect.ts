/**
 * What differs between SQLite (sql.js, better-sqlite3) and PostgreSQL in the SQL the adapters
 * share. Everything else (layout, filters, sorting, writes, change feed, migrations) is written
 * once against this.
 *
 * @module
 */
import type { IndexFieldType } from '@os2kitos/core';
import type { FieldLayout, KindLayout, ValueEncoding } from './layout.js';

/** A bound parameter list that hands out placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly placeholder: (n: number) => string) {}
  /** Adds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return this.placeholder(this.values.length);
  }
}

/** Comparison operators of the filter language. */
export type SqlComparison = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** The engine-specific parts of the shared SQL. */
export interface SqlDialect extends ValueEncoding {
  readonly engine: 'sqlite' | 'postgres';
  /** Placeholder of the n-th parameter (1-based), e.g. `?1` or `$1`. */
  placeholder(n: number): string;
  /** Quoted, qualified name of one of the adapter's tables (`migrations`, `kind_…`). */
  table(name: string): string;
  /** Column type: of a field's value column, of keys (uuids, names), sort keys and counters. */
  columnType(type: IndexFieldType | 'key' | 'sortKey' | 'counter'): string;
  /** `column` equals one of `values` (strings or numbers), as a two-valued predicate. */
  inList(column: string, values: readonly (string | number)[], kind: 'text' | 'number', p: SqlParams): string;
  /** The text list in `column` shares an element with `values`. */
  hasAny(column: string, values: readonly string[], p: SqlParams): string;
  /** `column` contains / starts with `needle` (both already folded and encoded). */
  contains(column: string, needle: string, p: SqlParams): string;
  startsWith(column: string, needle: string, p: SqlParams): string;
  /** A comparison of a field's value column with a bound value (lets PostgreSQL use its indexes). */
  compare(field: FieldLayout, column: string, op: SqlComparison, ref: string): string;
  /** `LIMIT … OFFSET …` for an optional limit. */
  limit(limit: number | undefined, offset: number, p: SqlParams): string;
  /** Count with `count(*) OVER ()` in the page query (saves a round trip) instead of a second query. */
  readonly windowCount: boolean;
  /**
   * When set, sort-key columns are indexed by their first this many characters (a b-tree entry has
   * a size limit) and sorted by that prefix first, then by the whole key (PostgreSQL).
   */
  readonly sortPrefix?: number;
  /** A cheap unique row key of kind tables for self-joins (`rowid`, `uuid`). */
  readonly rowKey: string;
  /** Appended to the counter read, to lock it for the transaction (`FOR UPDATE`). */
  readonly lockSuffix: string;
  /** Statements creating a kind table and its fixed indexes. */
  createKindTable(layout: KindLayout): string[];
  /** Statements adding a field's columns (not its indexes). */
  addColumns(layout: KindLayout, field: FieldLayout): string[];
  /** Statements creating a field's indexes if they do not exist (run on every migrate). */
  ensureIndexes(layout: KindLayout, field: FieldLayout): string[];
  /** Statement removing an index of the adapter's tables by name, if it exists. */
  dropIndex(name: string): string;
  /** Statements removing a field's indexes and columns. */
  dropField(layout: KindLayout, field: FieldLayout): string[];
  /** Statements run before the layout migrations, on every open (e.g. `CREATE SCHEMA IF NOT EXISTS`). */
  prelude(): string[];
  /** Engine-specific statements of the adapter's first layout version (helper functions). */
  layoutExtras(): string[];
  /**
   * Engine-specific layout versions after the shared first one (PostgreSQL: the per-organisation
   * `positions` table). Each list is one version, applied once and never edited.
   */
  laterLayouts(): string[][];
  /**
   * Where a write's `seq` comes from. Absent: the adapter's `counters` row, taken for the whole
   * transaction (SQLite: one writer anyway). Present (PostgreSQL): an SQL expression of the
   * transaction's own id and the write's number in it (`local`, a placeholder), so concurrent
   * writers never wait on a shared row; the change feed then reads only below {@link feedHorizon}.
   */
  readonly transactionSeq?: {
    expression(local: string): string;
    /** Most writes one transaction may make. */
    readonly maxWrites: number;
  };
  /**
   * A statement returning one row `{ h }`: no transaction that may still commit writes a `seq`
   * below `h` (PostgreSQL: the oldest unfinished transaction that touched the adapter's tables).
   * The change feed and the position stop below it, so a reader never skips a later commit.
   */
  feedHorizon?(): string;
  /**
   * Whether writes count commits per organisation (and per kind for records of no organisation)
   * in a `positions` table, for caches that must not be invalidated by other organisations' writes.
   */
  readonly positionCounters: boolean;
}
