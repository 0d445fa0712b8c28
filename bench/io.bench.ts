// Import and export at the sizes of DESIGN.md §7: a 5,000-row usage spreadsheet, validated and
// all-or-nothing (budget ≤ 2 s), and an export of 10,000 overview rows. Baselines in the same run:
// reading the same file without validation, and writing the same rows as plain CSV.
// The import is measured as a dry run: it does all the work of a real import (plan, then every
// write through the services in one transaction) and rolls back, so each iteration starts equal.
import { createKitos, createMemoryStorage, fixedClock } from '@os2kitos/core';
import { exportOverview, importSpreadsheet, toCsv } from '@os2kitos/io';
import { bench, describe } from 'vitest';
import { readTable } from '../packages/io/src/table.js';
import { writeWorkbook } from '../packages/io/src/xlsx.js';
import { benchOptions } from './options.js';

const clock = fixedClock('2025-06-15T10:00:00Z');
const kitos = await createKitos({ storage: createMemoryStorage(), clock });
const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
const org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
// The export reads a second municipality, so the import's organisation holds no contracts to scan.
const exportOrg = (await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
const supplier = (await kitos.organizations.create(admin, { name: 'Leverandør A/S', type: 'Virksomhed' })).uuid;
const root = (await kitos.units.create(admin, { organizationUuid: org, name: 'Nordby Kommune' })).uuid;
for (const name of ['Borgerservice', 'Skoler', 'Teknik og Miljø', 'Social', 'Økonomi']) {
  await kitos.units.create(admin, { organizationUuid: org, name, parentUuid: root });
}
const units = ['Borgerservice', 'Skoler', 'Teknik og Miljø', 'Social', 'Økonomi'];
const settings = { clock };

async function seed(kind: 'systems' | 'contracts', header: string[], rows: string[][], organizationUuid = org) {
  const r = await importSpreadsheet(kitos, admin, {
    kind,
    organizationUuid,
    file: toCsv([header, ...rows]),
    ...settings,
  });
  if (!r.ok) throw new Error(`seeding ${kind} failed: ${JSON.stringify(r.issues.slice(0, 3))}`);
}
await seed(
  'systems',
  ['IT System'],
  Array.from({ length: 5_000 }, (_, i) => [`System ${i}`]),
);
await seed(
  'contracts',
  ['IT Kontrakt', 'Leverandør', 'Gyldig fra', 'Varighed (år)', 'Opsigelse (måneder)', 'Opsigelse til'],
  Array.from({ length: 10_000 }, (_, i) => [
    `Kontrakt ${i}`,
    'Leverandør A/S',
    `01-0${1 + (i % 9)}-20${20 + (i % 5)}`,
    String(1 + (i % 5)),
    '3',
    'Kvartal',
  ]),
  exportOrg,
);
void supplier;

const usageRows = Array.from({ length: 5_000 }, (_, i) => [
  `System ${i}`,
  `0${1 + (i % 9)}-01-2021`,
  i % 3 === 0 ? 'I drift' : 'Under indfasning',
  units[i % units.length] as string,
  `${units[(i + 1) % units.length]}; ${units[(i + 2) % units.length]}`,
  i % 2 === 0 ? 'Ja' : 'Nej',
  `Noter til række ${i}`,
]);
const usageHeader = [
  'IT System',
  'Ibrugtagningsdato',
  'Livscyklus',
  'Ansv. organisationsenhed',
  'Relevante organisationsenheder',
  'Forretningskritisk',
  'Noter',
];
const usageCsv = toCsv([usageHeader, ...usageRows]);
const usageXlsx = await writeWorkbook([{ name: 'IT-systemer', header: usageHeader, rows: usageRows }]);

async function importOnce(file: Uint8Array | string) {
  const r = await importSpreadsheet(kitos, admin, {
    kind: 'usages',
    organizationUuid: org,
    file,
    dryRun: true,
    ...settings,
  });
  if (!r.ok || r.counts.create !== 5_000) throw new Error(`import failed: ${JSON.stringify(r.issues.slice(0, 3))}`);
}

describe('import of a 5,000-row usage spreadsheet (validated, all-or-nothing)', () => {
  bench('baseline: read the CSV without validation', async () => void (await readTable(usageCsv)), benchOptions);
  bench('baseline: read the XLSX without validation', async () => void (await readTable(usageXlsx)), benchOptions);
  bench('importSpreadsheet CSV (plan + 5,000 service writes, rolled back)', () => importOnce(usageCsv), benchOptions);
  bench('importSpreadsheet XLSX (plan + 5,000 service writes, rolled back)', () => importOnce(usageXlsx), benchOptions);
});

const query = { organizationUuid: exportOrg };
const page = await kitos.overviews.query(admin, 'contracts', query);
if (page.total !== 10_000) throw new Error(`expected 10,000 contracts, got ${page.total}`);

describe('export of 10,000 contract overview rows', () => {
  bench(
    'baseline: overview query + the same rows as plain CSV',
    async () => {
      const rows = (await kitos.overviews.query(admin, 'contracts', query)).rows;
      toCsv(rows.map((r) => Object.values(r).map((v) => (Array.isArray(v) ? v.join(', ') : (v as string)))));
    },
    benchOptions,
  );
  bench(
    'exportOverview CSV (visible columns)',
    () => exportOverview(kitos, admin, 'contracts', query, { format: 'csv' }).then(() => {}),
    benchOptions,
  );
  bench(
    'exportOverview XLSX (visible columns, linked names)',
    () =>
      exportOverview(kitos, admin, 'contracts', query, {
        format: 'xlsx',
        link: 'https://kitos.example.dk/contracts/{uuid}',
      }).then(() => {}),
    benchOptions,
  );
});
