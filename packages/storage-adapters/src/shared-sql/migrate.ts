/**
 * Versioned migrations for the SQL adapters, recorded in a `migrations` table:
 *
 * - `layout-<n>`: the adapter's own tables (counters, meta, kinds, fields, tombstones), applied on
 *   open; a later layout adds `layout-2` and so on, never edits an applied one.
 * - `schema-<version>`: the core's {@link StorageSchema}. `migrate()` compares it with the kinds
 *   and fields the database has (the `kinds` and `fields` tables), creates tables for new kinds,
 *   adds, retypes or drops field columns, recomputes changed columns from each record's stored
 *   index, and refuses to go back to an older schema version. Migrating to the schema a database
 *   already has writes nothing (so an embedded file opened and closed is not rewritten).
 *
 * Sort keys depend on the collation tables; when {@link DANISH_SORT_KEY_VERSION} differs from the
 * one stored, every kind's columns are recomputed.
 *
 * @module
 */
import { type IndexFieldType, KitosError, KitosValidationError, type StorageSchema } from '@os2kitos/core';
import { DANISH_SORT_KEY_VERSION } from './danish-sort-key.js';
import { type SqlDialect, SqlParams } from './dialect.js';
import type { LayoutSource, SqlExecutor } from './engine.js';
import {
  type FieldLayout,
  fieldColumns,
  fieldLayout,
  fieldValues,
  indexName,
  type KindLayout,
  kindLayout,
  quote,
  validateSchema,
} from './layout.js';

/** The adapter's own tables, one list of statements per layout version. */
function layoutVersions(d: SqlDialect): string[][] {
  const key = d.columnType('key');
  const counter = d.columnType('counter');
  return [
    [
      `CREATE TABLE ${d.table('counters')} (name ${key} PRIMARY KEY, value ${counter} NOT NULL)`,
      `INSERT INTO ${d.table('counters')} (name, value) VALUES ('seq', 0)`,
      `CREATE TABLE ${d.table('meta')} (name ${key} PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE ${d.table('kinds')} (kind ${key} PRIMARY KEY)`,
      `CREATE TABLE ${d.table('fields')} (kind ${key} NOT NULL, field ${key} NOT NULL, type TEXT NOT NULL, PRIMARY KEY (kind, field))`,
      `CREATE TABLE ${d.table('tombstones')} (seq ${counter} PRIMARY KEY, kind ${key} NOT NULL, uuid ${key} NOT NULL, ` +
        `organization_uuid ${key}, deleted_at TEXT NOT NULL)`,
      `CREATE INDEX ${quote('ix_tombstones_org_seq')} ON ${d.table('tombstones')} (organization_uuid, seq)`,
      ...d.layoutExtras(),
    ],
    ...d.laterLayouts(),
  ];
}

const params = (d: SqlDialect) => new SqlParams((n) => d.placeholder(n));

/** Applies the adapter's layout migrations that are missing; returns whether any ran. */
export async function migrateLayout(d: SqlDialect, exec: SqlExecutor, now: string): Promise<boolean> {
  for (const sql of d.prelude()) await exec.all(sql);
  await exec.all(
    `CREATE TABLE IF NOT EXISTS ${d.table('migrations')} (id ${d.columnType('key')} PRIMARY KEY, applied_at TEXT NOT NULL, detail TEXT NOT NULL)`,
  );
  const applied = new Set((await exec.all(`SELECT id FROM ${d.table('migrations')}`)).map((r) => String(r.id)));
  let ran = false;
  for (const [i, statements] of layoutVersions(d).entries()) {
    const id = `layout-${i + 1}`;
    if (applied.has(id)) continue;
    for (const sql of statements) await exec.all(sql);
    await record(d, exec, id, now, `adapter tables, version ${i + 1}`);
    ran = true;
  }
  return ran;
}

/** Whether the adapter's layout is fully applied (for read-only opens). */
export async function layoutIsCurrent(d: SqlDialect, exec: SqlExecutor): Promise<boolean> {
  try {
    const applied = new Set((await exec.all(`SELECT id FROM ${d.table('migrations')}`)).map((r) => String(r.id)));
    return layoutVersions(d).every((_, i) => applied.has(`layout-${i + 1}`));
  } catch {
    return false; // no migrations table: not a database this adapter wrote
  }
}

async function record(d: SqlDialect, exec: SqlExecutor, id: string, now: string, detail: string) {
  const p = params(d);
  const [a, b, c] = [p.add(id), p.add(now), p.add(detail)];
  await exec.all(
    `INSERT INTO ${d.table('migrations')} (id, applied_at, detail) VALUES (${a}, ${b}, ${c}) ` +
      'ON CONFLICT (id) DO UPDATE SET applied_at = excluded.applied_at, detail = excluded.detail',
    p.values,
  );
}

async function readMeta(d: SqlDialect, exec: SqlExecutor, name: string): Promise<string | undefined> {
  const p = params(d);
  const rows = await exec.all(`SELECT value FROM ${d.table('meta')} WHERE name = ${p.add(name)}`, p.values);
  return rows[0] ? String(rows[0].value) : undefined;
}

async function writeMeta(d: SqlDialect, exec: SqlExecutor, name: string, value: string) {
  const p = params(d);
  const [a, b] = [p.add(name), p.add(value)];
  await exec.all(
    `INSERT INTO ${d.table('meta')} (name, value) VALUES (${a}, ${b}) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
    p.values,
  );
}

/** Reads the kinds and fields the database has. */
export async function loadLayouts(d: SqlDialect, exec: SqlExecutor): Promise<Map<string, KindLayout>> {
  const rows = await exec.all(
    `SELECT k.kind, f.field, f.type FROM ${d.table('kinds')} AS k LEFT JOIN ${d.table('fields')} AS f ON f.kind = k.kind`,
  );
  const fields = new Map<string, { name: string; type: IndexFieldType }[]>();
  for (const r of rows) {
    const list = fields.get(String(r.kind)) ?? [];
    if (r.field !== null && r.field !== undefined) list.push({ name: String(r.field), type: r.type as IndexFieldType });
    fields.set(String(r.kind), list);
  }
  return new Map([...fields].map(([kind, list]) => [kind, kindLayout(kind, list)]));
}

/** A cache of the kind layouts, reloaded after migrations (and, optionally, on an unknown kind). */
export class LayoutCache implements LayoutSource {
  private layouts: Map<string, KindLayout> | undefined;
  constructor(
    private readonly dialect: SqlDialect,
    /** Reload when a kind is unknown: another process may have migrated (PostgreSQL). */
    private readonly reloadOnMiss: boolean,
  ) {}
  async get(kind: string, exec: SqlExecutor): Promise<KindLayout | undefined> {
    this.layouts ??= await loadLayouts(this.dialect, exec);
    const known = this.layouts.get(kind);
    if (known || !this.reloadOnMiss) return known;
    this.layouts = await loadLayouts(this.dialect, exec);
    return this.layouts.get(kind);
  }
  async all(exec: SqlExecutor): Promise<readonly KindLayout[]> {
    this.layouts ??= await loadLayouts(this.dialect, exec);
    return [...this.layouts.values()];
  }
  /** Forgets the cached layouts (after a migration). */
  invalidate(): void {
    this.layouts = undefined;
  }
}

/** The database's storage schema version (-1 before the first); refuses a `schema` older than it. */
async function storedSchemaVersion(d: SqlDialect, exec: SqlExecutor, schema: StorageSchema): Promise<number> {
  const storedVersion = Number((await readMeta(d, exec, 'schema_version')) ?? -1);
  if (schema.version < storedVersion) {
    throw new KitosError(
      'storage',
      'storage',
      `the database has storage schema version ${storedVersion}, newer than this code's ${schema.version}`,
      { stored: storedVersion, requested: schema.version },
    );
  }
  return storedVersion;
}

/**
 * Whether the database already holds `schema`'s kinds with exactly its fields and current sort
 * keys, so it can serve that schema without changes. A read-only open uses this in place of
 * {@link migrateSchema}, which always writes (at least the migration record). Refuses a schema
 * older than the database's, as {@link migrateSchema} does.
 */
export async function schemaIsApplied(d: SqlDialect, exec: SqlExecutor, schema: StorageSchema): Promise<boolean> {
  validateSchema(schema);
  await storedSchemaVersion(d, exec, schema);
  if ((await readMeta(d, exec, 'sort_key_version')) !== DANISH_SORT_KEY_VERSION) return false;
  const current = await loadLayouts(d, exec);
  const uniques = JSON.stringify([...uniqueIndexes(d, schema).keys()].sort());
  if (((await readMeta(d, exec, 'unique_indexes')) ?? '[]') !== uniques) return false;
  return schema.kinds.every((k) => {
    const fields = current.get(k.kind)?.fields;
    return fields?.size === k.fields.length && k.fields.every((f) => fields.get(f.name)?.type === f.type);
  });
}

/** Applies a storage schema; see the module description. Runs inside the caller's transaction. */
export async function migrateSchema(
  d: SqlDialect,
  exec: SqlExecutor,
  schema: StorageSchema,
  now: string,
): Promise<void> {
  validateSchema(schema);
  const storedMeta = await readMeta(d, exec, 'schema_version');
  const storedVersion = await storedSchemaVersion(d, exec, schema);
  const current = await loadLayouts(d, exec);
  const recompute = new Map<string, KindLayout>();
  for (const k of schema.kinds) {
    const existing = current.get(k.kind);
    const target = kindLayout(k.kind, k.fields);
    if (!existing) {
      for (const sql of d.createKindTable(target)) await exec.all(sql);
      const p = params(d);
      await exec.all(`INSERT INTO ${d.table('kinds')} (kind) VALUES (${p.add(k.kind)})`, p.values);
    }
    const old = existing?.fields ?? new Map<string, FieldLayout>();
    for (const f of old.values()) {
      if (target.fields.get(f.name)?.type === f.type) continue;
      for (const sql of d.dropField(target, f)) await exec.all(sql);
      await setField(d, exec, k.kind, f.name, undefined);
    }
    for (const f of target.fields.values()) {
      if (old.get(f.name)?.type !== f.type) {
        for (const sql of d.addColumns(target, f)) await exec.all(sql);
        await setField(d, exec, k.kind, f.name, f.type);
        recompute.set(k.kind, target);
      }
      for (const sql of d.ensureIndexes(target, f)) await exec.all(sql);
    }
  }
  await migrateUniqueIndexes(d, exec, schema);
  if ((await readMeta(d, exec, 'sort_key_version')) !== DANISH_SORT_KEY_VERSION) {
    for (const layout of (await loadLayouts(d, exec)).values()) recompute.set(layout.kind, layout);
    await writeMeta(d, exec, 'sort_key_version', DANISH_SORT_KEY_VERSION);
  }
  for (const layout of recompute.values()) await recomputeColumns(d, exec, layout);
  // Write the bookkeeping only when it differs: migrating to the schema a database already has
  // changes nothing, so an embedded database file is not rewritten just because it was opened.
  const detail = JSON.stringify(schema.kinds.map((k) => ({ kind: k.kind, fields: k.fields })));
  const id = `schema-${schema.version}`;
  const p = params(d);
  const applied = await exec.all(`SELECT detail FROM ${d.table('migrations')} WHERE id = ${p.add(id)}`, p.values);
  if (applied[0]?.detail !== detail) await record(d, exec, id, now, detail);
  const version = String(Math.max(storedVersion, schema.version));
  if (storedMeta !== version) await writeMeta(d, exec, 'schema_version', version);
}

/**
 * Unique indexes for the schema's unique constraints: created when missing, dropped when the
 * schema no longer asks for them (their names are kept in `meta`). Creating one over records
 * that already break it fails the migration, which is the honest outcome: the data needs fixing.
 */
async function migrateUniqueIndexes(d: SqlDialect, exec: SqlExecutor, schema: StorageSchema): Promise<void> {
  const wanted = uniqueIndexes(d, schema);
  const stored = (await readMeta(d, exec, 'unique_indexes')) ?? '[]';
  const names = JSON.stringify([...wanted.keys()].sort());
  if (stored === names) return; // nothing to do, and nothing written
  const existing: string[] = JSON.parse(stored);
  for (const name of existing) if (!wanted.has(name)) await exec.all(d.dropIndex(name));
  for (const sql of wanted.values()) await exec.all(sql);
  await writeMeta(d, exec, 'unique_indexes', names);
}

/** The unique indexes a schema asks for, by index name, with the statement creating each. */
function uniqueIndexes(d: SqlDialect, schema: StorageSchema): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const k of schema.kinds) {
    const layout = kindLayout(k.kind, k.fields);
    for (const c of k.unique ?? []) {
      const columns = c.fields.map((name) => {
        const f = layout.fields.get(name);
        if (!f || f.type === 'textList')
          throw new KitosValidationError('storage', [
            {
              path: ['kinds', k.kind, 'unique', c.name],
              code: 'invalid-field',
              message: `unique constraint ${c.name} names "${name}", which is not a scalar index field`,
            },
          ]);
        return quote(f.value);
      });
      const name = indexName(k.kind, c.name, 'ux');
      const on = [...(c.perOrganization ? ['organization_uuid'] : []), ...columns].join(', ');
      wanted.set(name, `CREATE UNIQUE INDEX IF NOT EXISTS ${quote(name)} ON ${d.table(layout.table)} (${on})`);
    }
  }
  return wanted;
}

async function setField(d: SqlDialect, exec: SqlExecutor, kind: string, field: string, type: string | undefined) {
  const p = params(d);
  const [k, f] = [p.add(kind), p.add(field)];
  await exec.all(`DELETE FROM ${d.table('fields')} WHERE kind = ${k} AND field = ${f}`, p.values);
  if (type === undefined) return;
  const q = params(d);
  const vals = [kind, field, type].map((v) => q.add(v));
  await exec.all(`INSERT INTO ${d.table('fields')} (kind, field, type) VALUES (${vals.join(', ')})`, q.values);
}

/** Recomputes every field column from the stored index (values of the wrong type become NULL). */
async function recomputeColumns(d: SqlDialect, exec: SqlExecutor, layout: KindLayout): Promise<void> {
  const fields = [...layout.fields.values()];
  if (fields.length === 0) return;
  const rows = await exec.all(`SELECT uuid, index_json FROM ${d.table(layout.table)}`);
  for (const row of rows) {
    const index = JSON.parse(String(row.index_json)) as Record<string, unknown>;
    const p = params(d);
    const sets = fields.flatMap((f) => {
      const cols = fieldColumns(f);
      const values = fieldValues(fieldLayout(f.name, f.type), index[f.name], d);
      return cols.map((c, i) => `${quote(c)} = ${p.add(typeof values === 'string' ? null : values[i])}`);
    });
    await exec.all(`UPDATE ${d.table(layout.table)} SET ${sets.join(', ')} WHERE uuid = ${p.add(row.uuid)}`, p.values);
  }
}
