// Core's BUILT files in an app's bundle (docs/decisions/0018): what the app does not use is dropped,
// zod included, and what it does use still works after tree-shaking and minification. The app
// bundles are made like an npm consumer's (bench/consumer.mjs: dist/ through package.json exports).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { bundleForApp } from '../../../bench/consumer.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLERS = ['rollup', 'esbuild'] as const;
const dir = mkdtempSync(join(tmpdir(), 'kitos-treeshake-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A scenario through the facade: bootstrap, records, a patch, a refused date, options, an overview. */
const scenario = (from: string) => `
import { createKitos, createMemoryStorage, fixedClock, KitosValidationError } from '${from}';
export async function run() {
  const kitos = await createKitos({ storage: createMemoryStorage(), clock: fixedClock('2025-06-15T10:00:00Z') });
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
  const org = (await kitos.organizations.create(admin, { name: 'Aarhus Kommune', type: 'Kommune' })).uuid;
  const system = await kitos.systems.create(admin, { organizationUuid: org, name: 'Ørestad ESDH' });
  const usage = await kitos.usages.create(admin, { organizationUuid: org, systemUuid: system.uuid });
  const contract = await kitos.contracts.create(admin, { organizationUuid: org, name: 'ESDH drift' });
  const patched = await kitos.contracts.patch(admin, contract.uuid, { general: { notes: 'forlænget' } }, { expectedVersion: 1 });
  let refused = null;
  try {
    await kitos.contracts.patch(admin, contract.uuid, { general: { validity: { validFrom: '2025-02-30' } } });
  } catch (e) {
    refused = e instanceof KitosValidationError ? e.issues : String(e);
  }
  const months = await kitos.options.global(admin, 'it-contract-notice-period-month-types');
  const usages = await kitos.overviews.query(admin, 'usages', { organizationUuid: org });
  const contracts = await kitos.overviews.query(admin, 'contracts', { organizationUuid: org });
  return {
    usage: [usage.version, usage.systemUuid === system.uuid],
    patched: [patched.version, patched.general.notes],
    refused,
    months: months.map((o) => o.name),
    usages: [usages.total, usages.rows.map((r) => r.systemName)],
    contracts: [contracts.total, Object.keys(contracts.rows[0] ?? {}).length],
  };
}`;

async function runBundled(bundler: (typeof BUNDLERS)[number]) {
  const { code } = await bundleForApp(scenario('@os2kitos/core'), bundler);
  const file = join(dir, `scenario-${bundler}.mjs`);
  writeFileSync(file, code);
  return (await import(file)).run();
}

describe('core dist in an app bundle', () => {
  it.each(BUNDLERS)('%s: a page using one date function gets neither the schemas nor zod', async (bundler) => {
    const page = "import { addDays } from '@os2kitos/core'; console.log(addDays('2025-01-31', 1));";
    const { modules, gzip } = await bundleForApp(page, bundler);
    expect(modules.filter((m: string) => m.includes('node_modules/zod'))).toEqual([]);
    expect(gzip).toBeLessThan(2048);
  });

  it.each(BUNDLERS)(
    '%s: a tree-shaken, minified facade scenario behaves as the unbundled dist',
    async (bundler) => {
      const file = join(dir, 'scenario-dist.mjs');
      writeFileSync(file, scenario(`${root}core/dist/index.js`));
      const expected = await (await import(file)).run();
      expect(expected.refused).toHaveLength(1);
      expect(expected.months.length).toBeGreaterThan(0);
      expect(await runBundled(bundler)).toEqual(expected);
    },
    90_000,
  ); // rollup + terser over the whole facade takes 15-20 s on a 2-core machine
});

describe('core dist source maps', () => {
  // The markers shift every position after them on their line; the map must still lead each token
  // to the same token in the TypeScript source.
  it('map the calls behind markers and wrappers back to their TypeScript source', () => {
    const chunks = `${root}core/dist/chunks/`;
    const file = readdirSync(chunks).find(
      (f) => f.endsWith('.js') && readFileSync(chunks + f, 'utf8').includes('const ContractSchema'),
    );
    expect(file, 'the chunk that holds the schemas').toBeDefined();
    const code = readFileSync(chunks + file, 'utf8');
    const map = new TraceMap(readFileSync(`${chunks}${file}.map`, 'utf8'));
    for (const [declaration, token, source] of [
      ['const UuidSchema = /*#__PURE__*/ ', 'z.uuid(', 'src/shared/schema.ts'],
      ['const ContractSchema = /*#__PURE__*/ (() => (/*#__PURE__*/ ', 'EntityMetaSchema.extend(', 'src/contract/'],
    ] as const) {
      const at = code.indexOf(declaration + token);
      expect(at, declaration).toBeGreaterThan(-1);
      const lines = code.slice(0, at + declaration.length).split('\n');
      const pos = originalPositionFor(map, { line: lines.length, column: (lines.at(-1) ?? '').length });
      expect(pos.source).toContain(source);
      const line = readFileSync(new URL(pos.source ?? '', `file://${chunks}`), 'utf8').split('\n')[(pos.line ?? 0) - 1];
      expect(line?.slice(pos.column ?? 0)).toMatch(new RegExp(`^${token.replace(/[.(]/g, '\\$&')}`));
    }
  });
});
