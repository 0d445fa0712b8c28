import { expect } from '@open-wc/testing';
import { loadSqlJs } from './load.js';

describe('loadSqlJs in the browser', () => {
  it('loads the wasm from an explicit URL and runs SQL', async () => {
    const SQL = await loadSqlJs({ locateFile: (f) => `/node_modules/sql.js/dist/${f}` });
    const db = new SQL.Database();
    const result = db.exec("select 'Ærø' as name, 40 + 2 as n");
    expect(result[0]?.values).to.deep.equal([['Ærø', 42]]);
    db.close();
  });
});
