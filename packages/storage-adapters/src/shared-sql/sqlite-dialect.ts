/**
 * The SQLite side of the shared SQL, used by both SQLite adapters (sql.js in WebAssembly,
 * better-sqlite3 natively), so a database file written by one opens unchanged in the other:
 * `?NNN` parameters, lists as one JSON parameter read with `json_each` (no limit on list length,
 * one plan per shape), `instr`/`substr` for exact substring tests, and one index per field on
 * (organisation, value) and (organisation, sort key).
 *
 * @module
 */
import type { IndexFieldType } from '@os2kitos/core';
import type { SqlDialect, SqlParams } from './dialect.js';
import { type FieldLayout, indexName, type KindLayout, quote } from './layout.js';

const TYPES: Record<IndexFieldType | 'key' | 'sortKey' | 'counter', string> = {
  text: 'TEXT',
  date: 'TEXT',
  number: 'REAL',
  boolean: 'INTEGER',
  textList: 'TEXT', // a JSON array of encoded strings
  key: 'TEXT',
  sortKey: 'TEXT',
  counter: 'INTEGER',
};

/** The SQLite dialect (tables live in the database file itself, prefixed `kitos_`). */
export const sqliteDialect: SqlDialect = {
  engine: 'sqlite',
  placeholder: (n) => `?${n}`,
  table: (name) => quote(`kitos_${name}`),
  columnType: (type) => TYPES[type],
  boolean: (v) => (v ? 1 : 0),
  list: (items) => JSON.stringify(items),
  inList: (column, values, _kind, p: SqlParams) =>
    `${column} IN (SELECT value FROM json_each(${p.add(JSON.stringify(values))}))`,
  hasAny: (column, values, p) =>
    `EXISTS (SELECT 1 FROM json_each(${column}) AS e WHERE e.value IN (SELECT value FROM json_each(${p.add(JSON.stringify(values))})))`,
  contains: (column, needle, p) => `instr(${column}, ${p.add(needle)}) > 0`,
  startsWith: (column, needle, p) => {
    const ref = p.add(needle);
    return `substr(${column}, 1, length(${ref})) = ${ref}`;
  },
  compare: (_field, column, op, ref) => `${column} ${op} ${ref}`,
  limit: (limit, offset, p) => `LIMIT ${p.add(limit ?? -1)} OFFSET ${p.add(offset)}`,
  rowKey: 'rowid',
  windowCount: false, // measured: a second count(*) is as fast as a window in sql.js
  // No row lock needed: sql.js has one connection with serialised transactions, and better-sqlite3
  // starts every transaction with BEGIN IMMEDIATE, which already holds the database's write lock.
  lockSuffix: '',
  createKindTable: (l) => {
    const t = quote(`kitos_${l.table}`);
    return [
      `CREATE TABLE ${t} (uuid TEXT PRIMARY KEY NOT NULL, organization_uuid TEXT, version INTEGER NOT NULL, ` +
        'seq INTEGER NOT NULL, last_changed TEXT NOT NULL, index_json TEXT NOT NULL, data TEXT NOT NULL)',
      `CREATE INDEX ${quote(indexName(l.kind, '', 'org_seq'))} ON ${t} (organization_uuid, seq)`,
      `CREATE INDEX ${quote(indexName(l.kind, '', 'seq'))} ON ${t} (seq)`,
    ];
  },
  addColumns: (l, f) =>
    columnsOf(f).map(([c, type]) => `ALTER TABLE ${quote(`kitos_${l.table}`)} ADD COLUMN ${quote(c)} ${type}`),
  ensureIndexes: (l, f) =>
    indexesOf(l, f).map(
      ([name, col]) =>
        `CREATE INDEX IF NOT EXISTS ${quote(name)} ON ${quote(`kitos_${l.table}`)} (organization_uuid, ${quote(col)})`,
    ),
  dropIndex: (name) => `DROP INDEX IF EXISTS ${quote(name)}`,
  dropField: (l, f) => [
    ...indexesOf(l, f).map(([name]) => `DROP INDEX IF EXISTS ${quote(name)}`),
    ...columnsOf(f).map(([c]) => `ALTER TABLE ${quote(`kitos_${l.table}`)} DROP COLUMN ${quote(c)}`),
  ],
  prelude: () => [],
  laterLayouts: () => [],
  positionCounters: false,
  layoutExtras: () => [],
};

function columnsOf(f: FieldLayout): [string, string][] {
  return [
    [f.value, TYPES[f.type]],
    ...(f.folded ? [[f.folded, 'TEXT'] as [string, string]] : []),
    ...(f.sort ? [[f.sort, 'TEXT'] as [string, string]] : []),
  ];
}

/** (organisation, value) for filters and (organisation, sort key) for sorting; lists only sort. */
function indexesOf(l: KindLayout, f: FieldLayout): [string, string][] {
  const out: [string, string][] = [];
  if (f.type !== 'textList') out.push([indexName(l.kind, f.name, 'v'), f.value]);
  if (f.sort) out.push([indexName(l.kind, f.name, 's'), f.sort]);
  return out;
}
