// Smoke test against the BUILT files (everything else runs from source): proves the rollup output
// and the package `exports` work for a consumer without the `development` condition.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('built packages (dist)', () => {
  it('core dist computes month-end arithmetic and parses strictly', async () => {
    const file = `${root}core/dist/index.js`;
    expect(existsSync(file), 'run `npm run build` first (npm test does it)').toBe(true);
    const core = await import(file);
    expect(core.addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(() => core.parse(core.IsoDateSchema, '2025-02-30', 'core')).toThrow(core.KitosValidationError);
  });
  it('storage-adapters dist exposes its adapter names and the sql.js loader subpath', async () => {
    const adapters = await import(`${root}storage-adapters/dist/index.js`);
    const sqljs = await import(`${root}storage-adapters/dist/sqljs.js`);
    expect(adapters.ADAPTER_NAMES).toContain('sqljs');
    expect(typeof sqljs.loadSqlJs).toBe('function');
  });
  it('io dist loads through the package exports in plain Node, on the core’s dist', () => {
    // A child process without the `development` condition resolves both packages as an app does.
    const script = [
      "import { enumLabel } from '@os2kitos/core';",
      "import { parseCsv, toCsv } from '@os2kitos/io';",
      "console.log(JSON.stringify(parseCsv(toCsv([[enumLabel('LifeCycleStatus', 'Undecided', 'da'), 'a;b']]))));",
    ].join('\n');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([['Ikke besluttet', 'a;b']]);
  });
  it('the built better-sqlite3 subpath opens an in-memory database', async () => {
    const native = await import(`${root}storage-adapters/dist/better-sqlite3.js`);
    const storage = await native.createBetterSqliteStorage({ path: ':memory:' });
    expect(storage.name).toBe('better-sqlite3');
    expect(await storage.position()).toBe(0);
    await storage.close();
  });
  it('the widgets embed bundle exists and is minified', async () => {
    const { statSync, readFileSync } = await import('node:fs');
    const file = `${root}widgets/dist/kitos-widgets.bundle.js`;
    expect(statSync(file).size).toBeGreaterThan(1000);
    expect(readFileSync(file, 'utf8')).toContain('kitos-status-badge');
  });
});
