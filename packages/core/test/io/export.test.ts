import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { exportOverview, parseCsv, spreadsheetTemplate, toCsv } from '../../src/io/index.js';
import { optionSeedUuid } from '../../src/index.js';
import { world } from './setup.js';

const buffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

async function contractWorld() {
  const w = await world();
  await w.kitos.contracts.create(w.admin, {
    organizationUuid: w.org,
    name: 'ESDH drift',
    supplier: { organizationUuid: w.supplier },
    general: { validity: { validFrom: '2020-01-01', validTo: '2027-12-31' } },
    termination: { terms: { noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', '3') } },
    payments: {
      external: [
        {
          uuid: '5b0c8a52-8f2e-4c4e-9d55-0f1f7b7a1c01',
          organizationUnitUuid: null,
          acquisition: 120000,
          operation: 45500,
          other: 0,
          accountingEntry: null,
          auditStatus: 'Green',
          auditDate: null,
          note: null,
        },
      ],
    },
  } as never);
  return w;
}

describe('exportOverview', () => {
  it('writes XLSX with real date cells (dd-mm-yyyy), numbers and hyperlinks on the name', async () => {
    const w = await contractWorld();
    const file = await exportOverview(
      w.kitos,
      w.admin,
      'contracts',
      { organizationUuid: w.org, limit: 1 },
      {
        format: 'xlsx',
        columns: ['name', 'supplier', 'validTo', 'operation', 'active', 'systemUsages'],
        link: 'https://kitos.example.dk/contracts/{uuid}',
      },
    );
    expect(file).toMatchObject({ fileName: 'kontrakter.xlsx' });
    const files = unzipSync(file.data);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
    const styles = strFromU8(files['xl/styles.xml'] as Uint8Array);
    expect(styles).toContain('formatCode="dd-mm-yyyy"');
    expect(sheet).toMatch(/<c r="C2" s="\d+"><v>46752<\/v><\/c>/); // 2027-12-31 as an Excel serial day
    expect(sheet).toContain('<c r="D2"><v>45500</v></c>');
    expect(sheet).toContain('<hyperlink ref="A2" r:id="rIdLink1"/>');
    const rels = strFromU8(files['xl/worksheets/_rels/sheet1.xml.rels'] as Uint8Array);
    const [contract] = (await w.kitos.contracts.list(w.admin, { organizationUuid: w.org })).items;
    expect(rels).toContain(`Target="https://kitos.example.dk/contracts/${contract?.uuid}" TargetMode="External"`);
    const [read] = await readXlsxFile(buffer(file.data));
    expect(read?.data).toEqual([
      ['IT-kontrakt', 'Leverandør', 'Gyldig til', 'Drift pr. år', 'Status', 'IT-systemer'],
      ['ESDH drift', 'Formpipe Software A/S', new Date('2027-12-31T00:00:00Z'), 45500, 'Ja', null],
    ]);
  });

  it('writes CSV for Danish Excel: BOM, semicolons, dd-mm-yyyy dates, and every row regardless of paging', async () => {
    const w = await contractWorld();
    await w.kitos.contracts.create(w.admin, { organizationUuid: w.org, name: '=HYPERLINK("x")' });
    const file = await exportOverview(
      w.kitos,
      w.admin,
      'contracts',
      { organizationUuid: w.org, limit: 1, sort: [{ column: 'name' }] },
      {
        format: 'csv',
        columns: ['name', 'validFrom', 'operation'],
      },
    );
    expect(file.text?.startsWith('\uFEFFIT-kontrakt;Gyldig fra;Drift pr. år\r\n')).toBe(true);
    expect(parseCsv(file.text as string)).toEqual([
      ['IT-kontrakt', 'Gyldig fra', 'Drift pr. år'],
      ['\'=HYPERLINK("x")', '', '0'],
      ['ESDH drift', '01-01-2020', '45500'],
    ]);
    const en = await exportOverview(
      w.kitos,
      w.admin,
      'contracts',
      { organizationUuid: w.org, sort: [{ column: 'validFrom' }] },
      { format: 'csv', language: 'en', columns: ['validFrom'], csv: { separator: ',', bom: false } },
    );
    expect(en.text).toBe('Valid from\r\n2020-01-01\r\n\r\n');
  });

  it('adds role holders’ e-mails as extra columns, and joins lists with ", "', async () => {
    const w = await world();
    const ole = await w.kitos.users.create(w.admin, { firstName: 'Ole', lastName: 'Olsen', email: 'ole@nordby.dk' });
    const role = (await w.kitos.options.global(w.admin, 'it-system-usage-role-types'))[0];
    await w.kitos.usages.create(w.admin, {
      organizationUuid: w.org,
      systemUuid: w.systems.esdh,
      roles: [{ roleUuid: role?.uuid, userUuid: ole.uuid }],
      organizationUsage: { usingUnitUuids: [w.units.skoler, w.units.borgerservice] },
    } as never);
    const file = await exportOverview(
      w.kitos,
      w.admin,
      'usages',
      { organizationUuid: w.org },
      { format: 'csv', columns: ['systemName', 'usingUnits'], roleEmails: true },
    );
    const [header, row] = parseCsv(file.text as string);
    expect(header).toEqual(['IT-system', 'Relevante organisationsenheder', `${role?.name} (e-mail)`]);
    expect(row?.[0]).toBe('Acadre ESDH');
    expect(row?.[1]?.split(', ').sort()).toEqual(['Borgerservice', 'Skoler']);
    expect(row?.[2]).toBe('ole@nordby.dk');
  });

  it('refuses unknown column ids', async () => {
    const w = await world();
    await expect(
      exportOverview(w.kitos, w.admin, 'usages', { organizationUuid: w.org }, { format: 'csv', columns: ['nope'] }),
    ).rejects.toThrow(/no column nope/);
  });
});

describe('spreadsheetTemplate and CSV', () => {
  it('has Danish headers, an example row and the option values on a second sheet', async () => {
    const bytes = await spreadsheetTemplate('contracts');
    const [data, choices] = await readXlsxFile(buffer(bytes));
    expect(data?.sheet).toBe('IT Kontrakter');
    expect(data?.data[0]?.slice(0, 3)).toEqual(['UUID', 'IT Kontrakt *', 'Kontrakt ID']);
    expect(data?.data[1]?.[1]).toBe('ESDH drift og support');
    expect(choices?.sheet).toBe('Valgmuligheder');
    const headers = choices?.data[0] as string[];
    const notice = headers.indexOf('Opsigelse (måneder)');
    expect(choices?.data.map((r) => r[notice])).toContain('3');
    expect(choices?.data.map((r) => r[headers.indexOf('Opsigelse til')])).toContain('Kvartalsskifte');
  });

  it('round-trips RFC 4180 quoting, line breaks and the byte order mark', () => {
    const rows = [
      ['a;b', 'say "hi"', 'two\r\nlines', ' padded'],
      ['', 'x', '', 'æøå'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(parseCsv('a,b\n"c, d",e\n', { separator: ',' })).toEqual([
      ['a', 'b'],
      ['c, d', 'e'],
    ]);
  });
});
