import { describe, expect, it } from 'vitest';
import { KitosError } from '@os2kitos/core';
import { loadSqlJs } from './load.js';
import { nodeSqlJsWasm } from './node.js';

describe('loadSqlJs in Node', () => {
  it('refuses to guess where the wasm is', () => {
    expect(() => loadSqlJs({})).toThrow(KitosError);
  });
  it('loads from the packaged wasm bytes and stores Danish text exactly', async () => {
    const SQL = await loadSqlJs(await nodeSqlJsWasm());
    const db = new SQL.Database();
    db.run('create table t (name text)');
    db.run('insert into t values (?)', ['Ærø Kommune – Ålborg']);
    expect(db.exec('select name from t')[0]?.values).toEqual([['Ærø Kommune – Ålborg']]);
    db.close();
  });
});
