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
import { decodeText, encodeText } from './text-codec.js';

/** Marks the `seq` column among an insert's values. */
const SEQ = Symbol('seq');

const params = (d: SqlDialect) => new SqlParams((n) => d.placeholder(n));

/**
 * The `seq` of a write as SQL: the number itself, or (PostgreSQL) an expression of the
 * transaction's id and `seq`, the write's number in its transaction (see `SqlDialect.transactionSeq`).
 */
function seqSql(d: SqlDialect, p: SqlParams, seq: number): string {
  return d.transactionSeq ? d.transactionSeq.expression(`${p.add(seq)}::bigint`) : p.add(seq);
}
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

/**
 * Creates (expected version 0) or replaces a record; returns it as stored. `seq` is the feed
 * position, or the write's number in its transaction where the dialect derives positions from it.
 */
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
      SEQ,
      encodeText(r.lastChanged),
      indexJson,
      dataJson,
      ...values,
    ];
    const refs = vals.map((v) => (v === SEQ ? seqSql(d, p, seq) : p.add(v)));
    rows = await exec.all(
      `INSERT INTO ${table} (${[...cols, ...columns.map(quote)].join(', ')}) VALUES (${refs.join(', ')}) ` +
        'ON CONFLICT (uuid) DO NOTHING RETURNING version, seq',
      p.values,
    );
  } else {
    const sets = [
      `organization_uuid = ${p.add(encodeNullable(r.organizationUuid))}`,
      'version = version + 1',
      `seq = ${seqSql(d, p, seq)}`,
      `last_changed = ${p.add(encodeText(r.lastChanged))}`,
      `index_json = ${p.add(indexJson)}`,
      `data = ${p.add(dataJson)}`,
      ...columns.map((c, i) => `${quote(c)} = ${p.add(values[i])}`),
    ];
    rows = await exec.all(
      `UPDATE ${table} SET ${sets.join(', ')} WHERE uuid = ${p.add(encodeText(r.uuid))} AND version = ${p.add(r.expectedVersion)} RETURNING version, seq`,
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
    seq: Number((rows[0] as { seq: unknown }).seq),
    lastChanged: r.lastChanged,
    index: JSON.parse(indexJson),
    data: JSON.parse(dataJson) as T,
  };
}

/** Deletes a record at the expected version and writes its tombstone; returns the record's organisation. */
export async function deleteRecord(
  d: SqlDialect,
  exec: SqlExecutor,
  layout: KindLayout,
  del: { uuid: string; expectedVersion: number; deletedAt: string; seq: number },
): Promise<string | null> {
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
  const organization = (row.organization_uuid ?? null) as string | null;
  const vals = [
    seqSql(d, t, del.seq),
    ...[layout.kind, encodeText(del.uuid), organization, encodeText(del.deletedAt)].map((v) => t.add(v)),
  ];
  await exec.all(
    `INSERT INTO ${d.table('tombstones')} (seq, kind, uuid, organization_uuid, deleted_at) VALUES (${vals.join(', ')})`,
    t.values,
  );
  return organization === null ? null : decodeText(organization);
}
