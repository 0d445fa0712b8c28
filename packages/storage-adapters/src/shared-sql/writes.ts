/**
 * Versioned writes of the SQL engine: create with `INSERT … ON CONFLICT DO NOTHING`, replace with
 * `UPDATE … WHERE version = $n`, delete with `DELETE … WHERE version = $n` plus a tombstone. No
 * row affected means someone else wrote first: a `KitosConflictError`, and nothing changed.
 *
 * @module
 */
import { KitosConflictError, type PutRecord, type StoredRecord } from '@os2kitos/core';
import { type SqlDialect, SqlParams } from './dialect.js';
import type { SqlExecutor } from './engine.js';
import { indexColumns, type KindLayout, quote, toJson } from './layout.js';
import { encodeText } from './text-codec.js';

const params = (d: SqlDialect) => new SqlParams((n) => d.placeholder(n));
/** Key columns (uuid, organisation, timestamps) hold encoded text, like the index columns. */
const encodeNullable = (v: string | null) => (v === null ? null : encodeText(v));

async function currentVersion(d: SqlDialect, exec: SqlExecutor, layout: KindLayout, uuid: string) {
  const p = params(d);
  const rows = await exec.all(
    `SELECT version FROM ${d.table(layout.table)} WHERE uuid = ${p.add(encodeText(uuid))}`,
    p.values,
  );
  return rows[0] ? Number(rows[0].version) : 0;
}

/** Creates (expected version 0) or replaces a record; returns it as stored. */
export async function writeRecord<T>(
  d: SqlDialect,
  exec: SqlExecutor,
  layout: KindLayout,
  r: PutRecord<T>,
  seq: number,
): Promise<StoredRecord<T>> {
  const indexJson = toJson(r.index, 'index');
  const dataJson = toJson(r.data, 'data');
  const { columns, values } = indexColumns(layout, r.index, d);
  const table = d.table(layout.table);
  const p = params(d);
  let rows: unknown[];
  if (r.expectedVersion === 0) {
    const cols = ['uuid', 'organization_uuid', 'version', 'seq', 'last_changed', 'index_json', 'data'];
    const vals = [
      encodeText(r.uuid),
      encodeNullable(r.organizationUuid),
      1,
      seq,
      encodeText(r.lastChanged),
      indexJson,
      dataJson,
      ...values,
    ];
    const refs = vals.map((v) => p.add(v));
    rows = await exec.all(
      `INSERT INTO ${table} (${[...cols, ...columns.map(quote)].join(', ')}) VALUES (${refs.join(', ')}) ` +
        'ON CONFLICT (uuid) DO NOTHING RETURNING version',
      p.values,
    );
  } else {
    const sets = [
      `organization_uuid = ${p.add(encodeNullable(r.organizationUuid))}`,
      'version = version + 1',
      `seq = ${p.add(seq)}`,
      `last_changed = ${p.add(encodeText(r.lastChanged))}`,
      `index_json = ${p.add(indexJson)}`,
      `data = ${p.add(dataJson)}`,
      ...columns.map((c, i) => `${quote(c)} = ${p.add(values[i])}`),
    ];
    rows = await exec.all(
      `UPDATE ${table} SET ${sets.join(', ')} WHERE uuid = ${p.add(encodeText(r.uuid))} AND version = ${p.add(r.expectedVersion)} RETURNING version`,
      p.values,
    );
  }
  if (rows.length === 0) {
    const actual = await currentVersion(d, exec, layout, r.uuid);
    throw new KitosConflictError(
      'storage',
      r.expectedVersion === 0
        ? `${r.kind} ${r.uuid} already exists`
        : `${r.kind} ${r.uuid} was changed by someone else (expected version ${r.expectedVersion}, found ${actual || 'none'})`,
      { kind: r.kind, uuid: r.uuid, expectedVersion: r.expectedVersion, actualVersion: actual },
    );
  }
  return {
    kind: r.kind,
    uuid: r.uuid,
    organizationUuid: r.organizationUuid,
    version: r.expectedVersion + 1,
    seq,
    lastChanged: r.lastChanged,
    index: JSON.parse(indexJson),
    data: JSON.parse(dataJson) as T,
  };
}

/** Deletes a record at the expected version and writes its tombstone. */
export async function deleteRecord(
  d: SqlDialect,
  exec: SqlExecutor,
  layout: KindLayout,
  del: { uuid: string; expectedVersion: number; deletedAt: string; seq: number },
): Promise<void> {
  const p = params(d);
  const rows = await exec.all(
    `DELETE FROM ${d.table(layout.table)} WHERE uuid = ${p.add(encodeText(del.uuid))} AND version = ${p.add(del.expectedVersion)} ` +
      'RETURNING organization_uuid',
    p.values,
  );
  const row = rows[0];
  if (!row) {
    const actual = await currentVersion(d, exec, layout, del.uuid);
    throw new KitosConflictError(
      'storage',
      `${layout.kind} ${del.uuid} cannot be deleted: it is missing or was changed`,
      { kind: layout.kind, uuid: del.uuid, expectedVersion: del.expectedVersion, actualVersion: actual },
    );
  }
  const t = params(d);
  const vals = [
    del.seq,
    layout.kind,
    encodeText(del.uuid),
    row.organization_uuid ?? null,
    encodeText(del.deletedAt),
  ].map((v) => t.add(v));
  await exec.all(
    `INSERT INTO ${d.table('tombstones')} (seq, kind, uuid, organization_uuid, deleted_at) VALUES (${vals.join(', ')})`,
    t.values,
  );
}
