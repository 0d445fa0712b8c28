import { DEFAULT_LIST_LIMIT, ENUM_LABELS, ENUMS, enumLabel, type Label, YearSegment } from '@os2kitos/core';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { type Lookups, readCell } from '../src/cells.js';
import { IMPORT_KINDS, IMPORT_TEMPLATES, type ImportProgress, importSpreadsheet } from '../src/index.js';
import { writeWorkbook } from '../src/xlsx.js';
import { csv, type World, world } from './setup.js';

const HEADER = [
  'IT System',
  'Ibrugtagningsdato',
  'Livscyklus',
  'Ansv. organisationsenhed',
  'Relevante organisationsenheder',
  'Forretningskritisk',
];

async function usageCount(w: World) {
  return (await w.kitos.usages.list(w.admin, { organizationUuid: w.org })).total;
}

describe('importSpreadsheet: usages from CSV', () => {
  it('creates every row, with dates, choices and units resolved by name', async () => {
    const w = await world();
    const events: ImportProgress[] = [];
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'usages',
      organizationUuid: w.org,
      file: csv([
        HEADER,
        ['Acadre ESDH', '31-01-2020', 'I drift', 'Borgerservice', 'Skoler', 'Ja'],
        ['silkeborg løn', '2021-05-01', 'Operational', '', '', ''],
      ]),
      onProgress: (e) => events.push(e),
    });
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ ok: true, written: true, counts: { create: 2, change: 0, unchanged: 0 } });
    const usages = (await w.kitos.usages.list(w.admin, { organizationUuid: w.org })).items;
    const esdh = usages.find((u) => u.systemUuid === w.systems.esdh);
    expect(esdh?.general.validity).toMatchObject({ validFrom: '2020-01-31', lifeCycleStatus: 'Operational' });
    expect(esdh?.organizationUsage.responsibleUnitUuid).toBe(w.units.borgerservice);
    expect(new Set(esdh?.organizationUsage.usingUnitUuids)).toEqual(new Set([w.units.skoler, w.units.borgerservice]));
    expect(esdh?.gdpr.businessCritical).toBe('Yes');
    expect(report.rows.map((r) => r.uuid)).toEqual(expect.arrayContaining([esdh?.uuid]));
    expect(new Set(events.map((e) => e.phase))).toEqual(new Set(['parse', 'validate', 'write']));
    expect(events.at(-1)).toEqual({ phase: 'write', done: 2, total: 2 });
  });

  it('dry run says what would be created, changed (which fields) or left alone, and stores nothing', async () => {
    const w = await world();
    await w.kitos.usages.create(w.admin, {
      organizationUuid: w.org,
      systemUuid: w.systems.esdh,
      general: { validity: { lifeCycleStatus: 'Operational' } },
    } as never);
    await w.kitos.usages.create(w.admin, { organizationUuid: w.org, systemUuid: w.systems.loen } as never);
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'usages',
      organizationUuid: w.org,
      dryRun: true,
      file: csv([
        ['IT System', 'Livscyklus', 'Lokal kaldenavn'],
        ['Acadre ESDH', 'I drift', ''],
        ['Silkeborg Løn', 'Under udfasning', 'Løn'],
        ['Prisme Økonomi', '', ''],
      ]),
    });
    expect(report).toMatchObject({
      ok: true,
      dryRun: true,
      written: false,
      counts: { create: 1, change: 1, unchanged: 1 },
    });
    expect(report.rows.map((r) => [r.row, r.action, r.changedFields])).toEqual([
      [2, 'unchanged', []],
      [3, 'change', ['localCallName', 'lifeCycle']],
      [4, 'create', ['system']],
    ]);
    expect(await usageCount(w)).toBe(2);
    const loen = (await w.kitos.usages.list(w.admin, { organizationUuid: w.org })).items.find(
      (u) => u.systemUuid === w.systems.loen,
    );
    expect(loen?.general.localCallName).toBeNull();
  });

  it('changes existing usages found by system, and leaves blank cells alone', async () => {
    const w = await world();
    const u = await w.kitos.usages.create(w.admin, {
      organizationUuid: w.org,
      systemUuid: w.systems.esdh,
      general: { notes: 'behold' },
    } as never);
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'usages',
      organizationUuid: w.org,
      file: csv([
        ['UUID', 'IT System', 'Version', 'Noter'],
        [u.uuid, '', '5.1', ''],
      ]),
    });
    expect(report).toMatchObject({ ok: true, counts: { change: 1 } });
    const after = await w.kitos.usages.get(w.admin, u.uuid);
    expect(after.general).toMatchObject({ systemVersion: '5.1', notes: 'behold' });
  });
});

describe('importSpreadsheet: all or nothing', () => {
  it('imports nothing when one row is bad, and names sheet, row, column, value and why in Danish and English', async () => {
    const w = await world();
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'usages',
      organizationUuid: w.org,
      file: csv([
        HEADER,
        ['Acadre ESDH', '01-01-2020', 'I drift', 'Borgerservice', '', ''],
        ['Silkeborg Løn', '30-02-2021', 'Måske', 'Ukendt enhed', '', 'Ja'],
        ['Findes ikke', '', '', '', '', ''],
      ]),
    });
    expect(report.ok).toBe(false);
    expect(report.written).toBe(false);
    expect(await usageCount(w)).toBe(0);
    const byColumn = Object.fromEntries(report.issues.map((i) => [`${i.row}:${i.column}`, i]));
    expect(byColumn['3:Ibrugtagningsdato']).toMatchObject({ sheet: 'CSV', code: 'invalid-date', value: '30-02-2021' });
    expect(byColumn['3:Livscyklus']).toMatchObject({ code: 'unknown-value', value: 'Måske' });
    expect(byColumn['3:Livscyklus']?.message.da).toContain('I drift');
    expect(byColumn['3:Ansv. organisationsenhed']).toMatchObject({ code: 'unknown-reference', value: 'Ukendt enhed' });
    expect(byColumn['4:IT System']?.message).toEqual({
      da: 'ukendt IT-system: "Findes ikke"',
      en: 'unknown IT system: "Findes ikke"',
    });
  });

  it('refuses duplicates within the file', async () => {
    const w = await world();
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'usages',
      organizationUuid: w.org,
      file: csv([['IT System'], ['Acadre ESDH'], ['ACADRE ESDH ']]),
    });
    expect(report.issues).toEqual([
      expect.objectContaining({ code: 'duplicate-in-file', row: 3, column: 'IT System' }),
    ]);
    expect(report.issues[0]?.message.en).toContain('row 2');
    expect(await usageCount(w)).toBe(0);
  });

  it('refuses unknown options, unknown and missing columns, and wrong types', async () => {
    const w = await world();
    const contracts = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'contracts',
      organizationUuid: w.org,
      file: csv([
        ['IT Kontrakt', 'Opsigelse (måneder)', 'Varighed (år)', 'Løbende'],
        ['Drift', '7 uger', 'fire', 'måske'],
      ]),
    });
    expect(contracts.issues.map((i) => [i.column, i.code])).toEqual([
      ['Opsigelse (måneder)', 'unknown-option'],
      ['Varighed (år)', 'wrong-type'],
      ['Løbende', 'wrong-type'],
    ]);
    const columns = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'contracts',
      organizationUuid: w.org,
      file: csv([
        ['Kontraktnavn', 'Noter'],
        ['Drift', ''],
      ]),
    });
    expect(columns.issues.map((i) => i.code)).toEqual(['unknown-column', 'missing-column']);
    expect((await w.kitos.contracts.list(w.admin, { organizationUuid: w.org })).total).toBe(0);
  });

  it('rolls back every row when a write fails midway, and reports the row', async () => {
    let armed = false;
    let writes = 0;
    const w = await world({
      beforeWrite: () => {
        if (armed && ++writes === 3) throw new Error('disk full');
      },
    });
    armed = true;
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'usages',
      organizationUuid: w.org,
      file: csv([['IT System'], ['Acadre ESDH'], ['Silkeborg Løn'], ['Prisme Økonomi']]),
    });
    armed = false;
    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.issues[0]).toMatchObject({ code: 'write-failed' });
    expect(report.issues[0]?.message.en).toContain('disk full');
    expect(await usageCount(w)).toBe(0);
  });

  it('reports an actor without permission instead of throwing', async () => {
    const w = await world();
    const reader = await w.kitos.users.create(w.admin, { firstName: 'R', lastName: 'R', email: 'r@nordby.dk' });
    await w.kitos.memberships.grant(w.admin, { userUuid: reader.uuid, organizationUuid: w.org, role: 'User' });
    const report = await importSpreadsheet(
      w.kitos,
      { userUuid: reader.uuid },
      {
        kind: 'contracts',
        organizationUuid: w.org,
        file: csv([['IT Kontrakt'], ['Drift']]),
      },
    );
    expect(report).toMatchObject({ ok: false, issues: [expect.objectContaining({ code: 'forbidden', row: 2 })] });
  });
});

describe('importSpreadsheet: bad files change nothing', () => {
  const kinds = async (file: Uint8Array | string, extra: { maxRows?: number } = {}) => {
    const w = await world();
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'usages',
      organizationUuid: w.org,
      file,
      ...extra,
    });
    expect(report.ok).toBe(false);
    expect(await usageCount(w)).toBe(0);
    return report.issues;
  };

  it('a PNG image', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await kinds(png)).toEqual([expect.objectContaining({ code: 'not-a-spreadsheet' })]);
  });

  it('random bytes', async () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256);
    expect((await kinds(bytes))[0]?.code).toBe('not-a-spreadsheet');
  });

  it('an old .xls file, a broken ZIP and an empty file', async () => {
    expect((await kinds(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))[0]?.code).toBe(
      'unsupported-format',
    );
    const good = await writeWorkbook([{ name: 'Data', header: ['IT System'], rows: [['Acadre ESDH']] }]);
    expect((await kinds(good.slice(0, 200)))[0]?.code).toBe('malformed-file');
    expect((await kinds(new Uint8Array()))[0]?.code).toBe('empty-file');
  });

  it('a CSV with an unterminated quote', async () => {
    expect(await kinds('IT System;Noter\r\nAcadre ESDH;"åben\r\n')).toEqual([
      expect.objectContaining({ code: 'malformed-file', sheet: 'CSV', row: 2 }),
    ]);
  });

  it('too many rows (configurable limit), in CSV and XLSX', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => [`System ${i}`]);
    expect((await kinds(csv([['IT System'], ...rows]), { maxRows: 5 }))[0]?.code).toBe('too-many-rows');
    const xlsx = await writeWorkbook([{ name: 'Data', header: ['IT System'], rows }]);
    expect((await kinds(xlsx, { maxRows: 5 }))[0]).toMatchObject({ code: 'too-many-rows', sheet: 'Data' });
  });

  it('a cell longer than Excel’s 32,767 characters', async () => {
    const issues = await kinds(
      csv([
        ['IT System', 'Noter'],
        ['Acadre ESDH', 'x'.repeat(32_768)],
      ]),
    );
    expect(issues).toEqual([expect.objectContaining({ code: 'cell-too-long', row: 2, column: 'Noter' })]);
  });

  it('a formula cell', async () => {
    const blob = await writeXlsxFile([
      ['IT System', 'Noter'],
      ['Acadre ESDH', { type: 'Formula', value: 'CONCATENATE("a","b")' }],
    ] as never).toBlob();
    const issues = await kinds(new Uint8Array(await blob.arrayBuffer()));
    expect(issues).toEqual([expect.objectContaining({ code: 'formula', row: 2, column: 'B', value: 'B2' })]);
  });
});

describe('importSpreadsheet: XLSX, contracts, units and systems', () => {
  it('reads date and number cells from XLSX', async () => {
    const w = await world();
    const file = await writeWorkbook([
      {
        name: 'IT Kontrakter',
        header: [
          'IT Kontrakt',
          'Leverandør',
          'Gyldig fra',
          'Gyldig til',
          'Varighed (år)',
          'Opsigelse (måneder)',
          'IT Systemer',
        ],
        rows: [['ESDH drift', 'Formpipe Software A/S', { date: '2020-01-01' }, { date: '2027-12-31' }, 4, 3, '']],
      },
    ]);
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'contracts',
      organizationUuid: w.org,
      file,
      format: 'xlsx',
    });
    expect(report.issues).toEqual([]);
    const [c] = (await w.kitos.contracts.list(w.admin, { organizationUuid: w.org })).items;
    expect(c?.general.validity).toMatchObject({ validFrom: '2020-01-01', validTo: '2027-12-31' });
    expect(c?.supplier.organizationUuid).toBe(w.supplier);
    expect(c?.agreementPeriod.durationYears).toBe(4);
  });

  it('links contracts to the organisation’s usages by system name, and renames by UUID', async () => {
    const w = await world();
    const u = await w.kitos.usages.create(w.admin, { organizationUuid: w.org, systemUuid: w.systems.esdh } as never);
    const c = await w.kitos.contracts.create(w.admin, { organizationUuid: w.org, name: 'Gammelt navn' });
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'contracts',
      organizationUuid: w.org,
      file: csv([
        ['UUID', 'IT Kontrakt', 'IT Systemer'],
        [c.uuid, 'Nyt navn', 'Acadre ESDH'],
      ]),
    });
    expect(report.rows[0]).toMatchObject({ action: 'change', changedFields: ['name', 'systems'] });
    expect(await w.kitos.contracts.get(w.admin, c.uuid)).toMatchObject({
      name: 'Nyt navn',
      systemUsageUuids: [u.uuid],
    });
  });

  it('creates units whose parents are other rows of the same file, in any order', async () => {
    const w = await world();
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'units',
      organizationUuid: w.org,
      file: csv([
        ['Navn', 'Overordnet enhed', 'EAN-nummer'],
        ['Nordskolen', 'Skoleafdelingen', ''],
        ['Skoleafdelingen', 'Skoler', '5798000000001'],
        ['Borgerservice', 'Skoler', ''],
      ]),
    });
    expect(report.issues).toEqual([]);
    expect(report.counts).toEqual({ create: 2, change: 1, unchanged: 0 });
    const units = await w.kitos.units.tree(w.admin, w.org);
    const byName = new Map(units.map((u) => [u.name, u]));
    expect(byName.get('Nordskolen')?.parentUuid).toBe(byName.get('Skoleafdelingen')?.uuid);
    expect(byName.get('Skoleafdelingen')?.parentUuid).toBe(w.units.skoler);
    expect(byName.get('Borgerservice')?.parentUuid).toBe(w.units.skoler);
  });

  it('creates and changes catalogue systems, and refuses a rename onto another system’s name', async () => {
    const w = await world();
    const ok = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'systems',
      organizationUuid: w.org,
      file: csv([
        ['IT System', 'Rettighedshaver', 'Synlighed', 'Beskrivelse'],
        ['Nyt System', 'Formpipe Software A/S', 'Lokal', 'Ny'],
        ['Acadre ESDH', '', '', 'ESDH'],
      ]),
    });
    expect(ok.counts).toEqual({ create: 1, change: 1, unchanged: 0 });
    const bad = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'systems',
      organizationUuid: w.org,
      file: csv([
        ['UUID', 'IT System'],
        [w.systems.loen, 'acadre esdh'],
      ]),
    });
    expect(bad.issues).toEqual([expect.objectContaining({ code: 'duplicate-in-store', column: 'IT System' })]);
  });
});

describe('importSpreadsheet: choices in the core’s vocabulary', () => {
  const enumColumns = IMPORT_KINDS.flatMap((kind) =>
    IMPORT_TEMPLATES[kind].columns.flatMap((c) =>
      c.type.t === 'enum' ? [{ kind, column: c, name: c.type.enum }] : [],
    ),
  );
  const noLookups = {} as Lookups;

  it('has choice columns (the list below is not empty)', () => {
    expect(enumColumns.map((c) => c.name)).toContain('UsageUserCount');
  });

  it.each(enumColumns)('$kind $column.key accepts each value by its name, Danish or English label', ({ name }) => {
    const labels: Readonly<Record<string, Label>> = ENUM_LABELS[name];
    for (const value of ENUMS[name].values as readonly string[]) {
      for (const text of [value, labels[value]?.da, labels[value]?.en, ` ${labels[value]?.da.toUpperCase()} `]) {
        expect(readCell({ t: 'enum', enum: name }, text as string, noLookups), `${name} ${text}`).toEqual({
          ok: true,
          value,
        });
      }
    }
  });

  it.each(enumColumns)('$kind $column.key: no label of one value is the name or label of another', ({ name }) => {
    const owners = new Map<string, Set<string>>();
    const labels: Readonly<Record<string, Label>> = ENUM_LABELS[name];
    for (const value of ENUMS[name].values as readonly string[]) {
      for (const text of [value, labels[value]?.da, labels[value]?.en]) {
        const key = (text as string)
          .normalize('NFC')
          .trim()
          .toLowerCase()
          .replace(/[\u2010-\u2015\u2212]/g, '-');
        owners.set(key, new Set([...(owners.get(key) ?? []), value]));
      }
    }
    expect([...owners].filter(([, values]) => values.size > 1)).toEqual([]);
  });

  it('stores the values of labels written in Danish or English, with a hyphen for a dash', async () => {
    const w = await world();
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'usages',
      organizationUuid: w.org,
      file: csv([
        ['IT System', 'Livscyklus', 'Antal brugere', 'IT systemet driftes', 'Forretningskritisk'],
        ['Acadre ESDH', 'Ikke besluttet', '10-50', 'Externally', "Don't know"],
      ]),
    });
    expect(report.issues).toEqual([]);
    const [usage] = (await w.kitos.usages.list(w.admin, { organizationUuid: w.org })).items;
    expect(usage?.general.validity.lifeCycleStatus).toBe('Undecided');
    expect(usage?.general.numberOfExpectedUsers).toBe('TenToFifty');
    expect(usage?.gdpr.hostedAt).toBe('External');
    expect(usage?.gdpr.businessCritical).toBe('DontKnow');
  });

  it('names the allowed values with the core’s labels when a value is unknown', async () => {
    const w = await world();
    const report = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'contracts',
      organizationUuid: w.org,
      file: csv([
        ['IT Kontrakt', 'Opsigelse til'],
        ['Drift', 'Kvartalsskifte'],
      ]),
    });
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'unknown-value',
        column: 'Opsigelse til',
        message: {
          da: `ukendt værdi; vælg en af: ${YearSegment.values.map((v) => enumLabel('YearSegment', v, 'da')).join(', ')}`,
          en: `unknown value; choose one of: ${YearSegment.values.map((v) => enumLabel('YearSegment', v, 'en')).join(', ')}`,
        },
      }),
    ]);
  });
});

describe('importSpreadsheet: more records than one page of a list', () => {
  // One `list` call returns one page (DEFAULT_LIST_LIMIT records); an import must see them all.
  const n = DEFAULT_LIST_LIMIT + 5;
  const names = (prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${String(i).padStart(3, '0')}`);

  it('resolves references to catalogue systems beyond the first page, and matches the usages again', async () => {
    const w = await world();
    const systems = names('System');
    for (const name of systems) await w.kitos.systems.create(w.admin, { organizationUuid: w.org, name });
    const file = csv([['IT System'], ...systems.map((s) => [s])]);
    const first = await importSpreadsheet(w.kitos, w.admin, { kind: 'usages', organizationUuid: w.org, file });
    expect(first.issues).toEqual([]);
    expect(first.counts).toEqual({ create: n, change: 0, unchanged: 0 });
    const again = await importSpreadsheet(w.kitos, w.admin, { kind: 'usages', organizationUuid: w.org, file });
    expect(again.counts).toEqual({ create: 0, change: 0, unchanged: n });
  });

  it('matches contracts and responsible units beyond the first page', async () => {
    const w = await world();
    const units = names('Enhed');
    const file = csv([['Navn', 'Overordnet enhed'], ...units.map((u) => [u, 'Nordby Kommune'])]);
    expect((await importSpreadsheet(w.kitos, w.admin, { kind: 'units', organizationUuid: w.org, file })).ok).toBe(true);
    const contracts = csv([['IT Kontrakt', 'Ansvarlig org. enhed'], ...units.map((u) => [`Kontrakt ${u}`, u])]);
    const first = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'contracts',
      organizationUuid: w.org,
      file: contracts,
    });
    expect(first.issues).toEqual([]);
    expect(first.counts.create).toBe(n);
    const again = await importSpreadsheet(w.kitos, w.admin, {
      kind: 'contracts',
      organizationUuid: w.org,
      file: contracts,
    });
    expect(again.counts).toEqual({ create: 0, change: 0, unchanged: n });
  });
});
