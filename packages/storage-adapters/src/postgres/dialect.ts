/**
 * The PostgreSQL side of the shared SQL: `$n` parameters (sent as unnamed statements, so every
 * execution gets a custom plan), arrays for lists, `LIKE` with escaped wildcards on the folded
 * column, byte-order (`COLLATE "C"`) text columns, and indexes that bound their entry size:
 *
 * | field type | index |
 * | --- | --- |
 * | text | hash on the value (equality, `in`; any length), GIN `pg_trgm` on the folded value when available |
 * | date | B-tree on (`left(value, 100)`, organisation), with matching redundant predicates |
 * | number | B-tree on (value, organisation) |
 * | textList | GIN over the md5 of each element (`hasAny`), rechecked on the real values; no pending list (ADR 0078) |
 *
 * Organisation scoping uses (organisation, seq) on every kind table.
 *
 * @module
 */
import type { IndexFieldType } from '@os2kitos/core';
import type { SqlComparison, SqlDialect } from '../shared-sql/dialect.js';
import { type FieldLayout, indexName, type KindLayout, quote } from '../shared-sql/layout.js';
import { escapeLike } from '../shared-sql/text-codec.js';

const TYPES: Record<IndexFieldType | 'key' | 'sortKey' | 'counter', string> = {
  text: 'text COLLATE "C"',
  date: 'text COLLATE "C"',
  number: 'double precision',
  boolean: 'boolean',
  textList: 'text[] COLLATE "C"',
  key: 'text COLLATE "C"',
  sortKey: 'text COLLATE "C"',
  counter: 'bigint',
};

/** Characters of a date value that its B-tree indexes (values may be longer; see compare()). */
const DATE_PREFIX = 100;
const SORT_PREFIX = 200;

/**
 * Turns a GIN index's pending list off and merges what it holds into the index, when it is still
 * on; a statement that changes nothing (and writes nothing) once done.
 */
function withoutPendingList(schema: string, index: string): string {
  const name = `${quote(schema)}.${quote(index)}`;
  const lit = (v: string) => `'${v.replaceAll("'", "''")}'`;
  return (
    'DO $$ BEGIN IF EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ' +
    `WHERE n.nspname = ${lit(schema)} AND c.relname = ${lit(index)} ` +
    "AND NOT 'fastupdate=off' = ANY(coalesce(c.reloptions, '{}'))) THEN " +
    `ALTER INDEX ${name} SET (fastupdate = off); PERFORM gin_clean_pending_list(${lit(name)}::regclass); ` +
    'END IF; END $$'
  );
}

/** The PostgreSQL dialect for tables in `schema`; `trigramSchema` is where pg_trgm lives, if installed. */
export function postgresDialect(schema: string, trigramSchema: string | undefined): SqlDialect {
  const s = quote(schema);
  const table = (name: string) => `${s}.${quote(name)}`;
  const listMd5 = `${s}.kitos_list_md5`;
  const indexesOf = (l: KindLayout, f: FieldLayout): [string, string][] => {
    const t = table(l.table);
    const v = quote(f.value);
    const out: [string, string][] = [];
    if (f.type === 'text') {
      out.push([indexName(l.kind, f.name, 'v'), `${t} USING hash (${v})`]);
      if (trigramSchema && f.folded) {
        const ops = `${quote(trigramSchema)}.gin_trgm_ops`;
        out.push([indexName(l.kind, f.name, 'trgm'), `${t} USING gin (${quote(f.folded)} ${ops})`]);
      }
    } else if (f.type === 'date') {
      out.push([indexName(l.kind, f.name, 'v'), `${t} (left(${v}, ${DATE_PREFIX}), organization_uuid)`]);
    } else if (f.type === 'number') {
      out.push([indexName(l.kind, f.name, 'v'), `${t} (${v}, organization_uuid)`]);
    } else if (f.type === 'textList') {
      // `fastupdate = off`: a list's few entries go straight into the index, so a `hasAny` read never
      // scans a pending list of up to 4 MB of unsorted entries (ADR 0078).
      out.push([indexName(l.kind, f.name, 'v'), `${t} USING gin (${listMd5}(${v})) WITH (fastupdate = off)`]);
    }
    // The organisation's records in sort order (ascending, nulls last: the index's own order), so
    // a page of one organisation sorted by a text field stops after the page (ADR 0073).
    // A b-tree entry holds at most about 2.7 KB: the first SORT_PREFIX characters are indexed, and
    // sorts order by that prefix first (the same order, see `sortPrefix`).
    if (f.sort)
      out.push([indexName(l.kind, f.name, 's'), `${t} (organization_uuid, left(${quote(f.sort)}, ${SORT_PREFIX}))`]);
    return out;
  };
  return {
    engine: 'postgres',
    placeholder: (n) => `$${n}`,
    table,
    columnType: (type) => TYPES[type],
    boolean: (v) => v,
    list: (items) => [...items],
    inList: (column, values, kind, p) =>
      `${column} = ANY(${p.add([...values])}::${kind === 'number' ? 'float8' : 'text'}[])`,
    hasAny: (column, values, p) => {
      const ref = `${p.add([...values])}::text[]`;
      return `(${listMd5}(${column}) && ${listMd5}(${ref}) AND ${column} && ${ref})`;
    },
    contains: (column, needle, p) => `${column} LIKE ${p.add(`%${escapeLike(needle)}%`)} ESCAPE '\\'`,
    startsWith: (column, needle, p) => `${column} LIKE ${p.add(`${escapeLike(needle)}%`)} ESCAPE '\\'`,
    compare: (field, column, op, ref) => dateAware(field, column, op, ref),
    limit: (limit, offset, p) => `LIMIT ${p.add(limit ?? null)} OFFSET ${p.add(offset)}`,
    rowKey: 'uuid',
    sortPrefix: SORT_PREFIX,
    // A window count makes the page compute and sort every match; a second count(*) lets the
    // page stop at its limit (measured: two short statements beat one long one, ADR 0073).
    windowCount: false,
    lockSuffix: ' FOR UPDATE',
    createKindTable: (l) => {
      const t = table(l.table);
      return [
        `CREATE TABLE ${t} (uuid ${TYPES.key} PRIMARY KEY, organization_uuid ${TYPES.key}, version integer NOT NULL, ` +
          'seq bigint NOT NULL, last_changed text NOT NULL, index_json text NOT NULL, data text NOT NULL)',
        `CREATE INDEX ${quote(indexName(l.kind, '', 'org_seq'))} ON ${t} (organization_uuid, seq)`,
        `CREATE INDEX ${quote(indexName(l.kind, '', 'seq'))} ON ${t} (seq)`,
      ];
    },
    addColumns: (l, f) => {
      const cols = [
        [f.value, TYPES[f.type]],
        ...(f.folded ? [[f.folded, TYPES.text]] : []),
        ...(f.sort ? [[f.sort, TYPES.sortKey]] : []),
      ];
      return [
        `ALTER TABLE ${table(l.table)} ${cols.map(([c, type]) => `ADD COLUMN ${quote(c as string)} ${type}`).join(', ')}`,
      ];
    },
    ensureIndexes: (l, f) => [
      ...indexesOf(l, f).map(([name, on]) => `CREATE INDEX IF NOT EXISTS ${quote(name)} ON ${on}`),
      // A list index made before ADR 0078 keeps its pending list: switched off and emptied once.
      ...(f.type === 'textList' ? [withoutPendingList(schema, indexName(l.kind, f.name, 'v'))] : []),
    ],
    dropIndex: (name) => `DROP INDEX IF EXISTS ${s}.${quote(name)}`,
    dropField: (l, f) => [
      ...indexesOf(l, f).map(([name]) => `DROP INDEX IF EXISTS ${s}.${quote(name)}`),
      `ALTER TABLE ${table(l.table)} ${[f.value, f.folded, f.sort]
        .filter((c): c is string => Boolean(c))
        .map((c) => `DROP COLUMN IF EXISTS ${quote(c)}`)
        .join(', ')}`,
    ],
    // Only create the schema when missing: CREATE SCHEMA needs CREATE on the database even when it exists.
    prelude: () => [
      `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = '${schema}') THEN CREATE SCHEMA ${s}; END IF; END $$`,
    ],
    laterLayouts: () => [
      [
        // Commits per organisation ('org:<uuid>') and per kind of records without one ('kind:<kind>'):
        // a cache of one municipality is valid while its counters stand still.
        `CREATE TABLE ${table('positions')} (key ${TYPES.key} PRIMARY KEY, value bigint NOT NULL)`,
      ],
    ],
    positionCounters: true,
    transactionSeq: {
      // The transaction id (xid8) times 2^20 plus the write's number in the transaction: unique,
      // increasing within a transaction, ordered between transactions by when they first wrote.
      expression: (local) => `(pg_current_xact_id()::text::bigint * ${SEQ_FACTOR} + ${local})`,
      maxWrites: SEQ_FACTOR - 1,
    },
    feedHorizon: () => feedHorizon(schema),
    layoutExtras: () => [
      // md5 per list element: bounded GIN entries whatever the element length (recheck on the values).
      `CREATE FUNCTION ${listMd5}(text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE ` +
        'AS $$ SELECT array(SELECT md5(e) FROM unnest($1) AS e) $$',
    ],
  };
}

/** Writes per transaction that fit in a `seq` (see `transactionSeq`). */
const SEQ_FACTOR = 1_048_576;

/**
 * The change feed's horizon: the oldest transaction id that may still commit rows of this schema,
 * times {@link SEQ_FACTOR}. From the current snapshot, every in-progress transaction counts unless
 * it is proven to be another schema's (it holds its transaction id and no lock on any of this
 * schema's tables): a transaction of ours gets its id in the statement that writes, which already
 * holds a lock on the table it writes. Unfinished transactions elsewhere in the cluster therefore
 * do not hold this schema's feed back.
 */
function feedHorizon(schema: string): string {
  const ours =
    "r.locktype = 'relation' AND r.database = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
    `AND r.relation IN (SELECT c.oid FROM pg_class c WHERE c.relnamespace = '${schema}'::regnamespace)`;
  const foreign =
    "t.locktype = 'transactionid' AND t.granted AND t.mode = 'ExclusiveLock' " +
    'AND t.transactionid::text::bigint = (x::text::bigint & 4294967295) ' +
    `AND NOT EXISTS (SELECT 1 FROM pg_locks r WHERE r.pid = t.pid AND ${ours})`;
  return (
    'WITH s AS (SELECT pg_current_snapshot() AS snap) SELECT coalesce(' +
    `(SELECT min(x::text::bigint) FROM s, pg_snapshot_xip(s.snap) AS x WHERE NOT EXISTS (SELECT 1 FROM pg_locks t WHERE ${foreign})), ` +
    `(SELECT pg_snapshot_xmax(snap)::text::bigint FROM s)) * ${SEQ_FACTOR} AS h`
  );
}

/** Weak versions of the operators, implied by the strict ones on the value prefix. */
const PREFIX_OP: Partial<Record<SqlComparison, string>> = { '=': '=', '<': '<=', '<=': '<=', '>': '>=', '>=': '>=' };

function dateAware(field: FieldLayout, column: string, op: SqlComparison, ref: string): string {
  const exact = `${column} ${op} ${ref}`;
  const prefixOp = PREFIX_OP[op];
  if (field.type !== 'date' || !prefixOp) return exact;
  // Redundant but implied by `exact`; lets the planner use the index on left(value, 100).
  return `(left(${column}, ${DATE_PREFIX}) ${prefixOp} left(${ref}::text, ${DATE_PREFIX}) AND ${exact})`;
}
