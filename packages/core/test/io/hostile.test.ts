import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { KitosValidationError, optionSeedUuid } from '../../src/index.js';
import { parseCsv } from '../../src/io/csv.js';
import {
  exportOverview,
  exportPortfolio,
  importPortfolio,
  importSpreadsheet,
  type PortfolioDocument,
  PortfolioDocumentSchema,
  spreadsheetTemplate,
} from '../../src/io/index.js';
import { SpreadsheetReadError } from '../../src/io/issues.js';
import { PORTFOLIO_RECORD_LISTS, PORTFOLIO_UUID_FIELDS } from '../../src/io/portfolio.schema.js';
import { readFirstSheet, scanWorksheet, writeWorkbook, type XlsxReadLimits } from '../../src/io/xlsx.js';
import { ReadBudget } from '../../src/io/xml-scan.js';
import { csv, type World, world } from './setup.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Worksheet XML with inline strings, as some writers (not Excel) save it. */
function sheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r
          .map((v, j) => `<c r="${columnLetters(j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)
          .join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

interface SheetPart {
  readonly name: string;
  readonly xml: string;
  /** Relationship target (default `worksheets/sheet<n>.xml`). */
  readonly target?: string;
}

/** An XLSX archive built by hand, so its parts can be anything. */
function workbookFile(sheets: readonly SheetPart[], extra: readonly (readonly [string, string])[] = []): Uint8Array {
  const target = (s: SheetPart, i: number) => s.target ?? `worksheets/sheet${i + 1}.xml`;
  // A Map, so entries may be named like `__proto__` (assigning that key to an object sets its prototype).
  const files = new Map<string, Uint8Array>([
    [
      'xl/workbook.xml',
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL_TYPE}"><sheets>${sheets
          .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('')}</sheets></workbook>`,
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}">${sheets
          .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="${esc(target(s, i))}"/>`)
          .join('')}</Relationships>`,
      ),
    ],
  ]);
  sheets.forEach((s, i) => {
    const path = target(s, i);
    if (!path.startsWith('/')) files.set(`xl/${path}`, strToU8(s.xml));
  });
  for (const [name, text] of extra) files.set(name, strToU8(text));
  return zipSync(Object.fromEntries(files), { level: 9 });
}

/** Rewrites the uncompressed size an archive declares for one entry (local header and central directory). */
function declareSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entry);
  let patched = false;
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const found = out.subarray(at + 46, at + 46 + length);
    if (found.length !== name.length || !found.every((b, i) => b === name[i])) continue;
    view.setUint32(at + 24, size, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    patched = true;
  }
  if (!patched) throw new Error(`no entry ${entry}`);
  return out;
}

/** Renames an entry to a name of the same length, in its local header and the central directory. */
function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  const out = zip.slice();
  const [a, b] = [new TextEncoder().encode(from), new TextEncoder().encode(to)];
  if (a.length !== b.length) throw new Error('names of different length');
  let renamed = 0;
  for (let at = 0; at + a.length <= out.length; at++) {
    if (a.every((byte, i) => out[at + i] === byte)) {
      out.set(b, at);
      renamed++;
    }
  }
  if (renamed !== 2) throw new Error(`renamed ${renamed} times`);
  return out;
}

/** Replaces an entry's compressed bytes with bytes that are no valid deflate stream. */
function garbleEntry(zip: Uint8Array, entry: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entry);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const found = out.subarray(at + 46, at + 46 + length);
    if (found.length !== name.length || !found.every((b, i) => b === name[i])) continue;
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.fill(0xff, start, start + view.getUint32(at + 20, true));
    return out;
  }
  throw new Error(`no entry ${entry}`);
}

const LIMITS: XlsxReadLimits = { maxRows: 20_000, maxColumns: 200, maxUnpackedBytes: 256 * 2 ** 20 };

async function readIssues(bytes: Uint8Array, limits: Partial<XlsxReadLimits> = {}) {
  try {
    await readFirstSheet(bytes, { ...LIMITS, ...limits });
  } catch (e) {
    if (e instanceof SpreadsheetReadError) return e.issues;
    throw e;
  }
  return [];
}

async function usageCount(w: World) {
  return (await w.kitos.usages.list(w.admin, { organizationUuid: w.org })).total;
}

async function importUsages(w: World, file: Uint8Array | string) {
  return importSpreadsheet(w.kitos, w.admin, { kind: 'usages', organizationUuid: w.org, file });
}

const rejection = <T>(promise: Promise<T>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

const GOOD_SHEET = sheetXml([
  ['IT System', 'Lokal kaldenavn'],
  ['Acadre ESDH', 'ESDH'],
]);

describe('security: hostile import files', () => {
  describe('XLSX: structure, size and time', () => {
    it('refuses a sheet of 160,000 unclosed cells as broken, without quadratic work', async () => {
      const w = await world();
      const cells = '<c r="A1">'.repeat(160_000);
      const xml = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
      const file = workbookFile([{ name: 'Data', xml }]);
      expect(file.length).toBeLessThan(8_000);
      const report = await importUsages(w, file);
      expect(report).toMatchObject({ ok: false, written: false });
      expect(report.issues).toEqual([
        expect.objectContaining({ code: 'malformed_file', sheet: 'Data', row: 1, column: 'A', value: 'A1' }),
      ]);
      expect(report.issues[0]?.message.en).toContain('inside');
      expect(await usageCount(w)).toBe(0);
    });

    it('refuses a sheet with more cells than the cell limit', async () => {
      const rows = Array.from({ length: 6 }, (_, i) => [`System ${i}`, 'x']);
      const file = workbookFile([{ name: 'Data', xml: sheetXml(rows) }]);
      expect(await readIssues(file, { maxCells: 11 })).toEqual([
        expect.objectContaining({ code: 'too_many_cells', sheet: 'Data' }),
      ]);
      const sheet = await readFirstSheet(file, { ...LIMITS, maxCells: 12 });
      expect(sheet.rows).toHaveLength(6);
    });

    it('refuses a compressible entry that unpacks beyond the limit', async () => {
      const padding = `<!--${' '.repeat(4 * 2 ** 20)}-->`;
      const xml = GOOD_SHEET.replace('<sheetData>', `${padding}<sheetData>`);
      const file = workbookFile([{ name: 'Data', xml }]);
      expect(file.length).toBeLessThan(64 * 1024);
      expect(await readIssues(file, { maxUnpackedBytes: 2 ** 20 })).toEqual([
        expect.objectContaining({ code: 'unpacked_too_large' }),
      ]);
    });

    it('refuses a declared size beyond the limit before inflating anything', async () => {
      const w = await world();
      // Deflate data that cannot be inflated: had it been inflated, the file would be reported broken.
      const zip = garbleEntry(workbookFile([{ name: 'Data', xml: GOOD_SHEET }]), 'xl/worksheets/sheet1.xml');
      const bomb = declareSize(zip, 'xl/worksheets/sheet1.xml', 300 * 2 ** 20);
      const report = await importUsages(w, bomb);
      expect(report.issues).toEqual([expect.objectContaining({ code: 'unpacked_too_large' })]);
      expect(report.issues[0]?.message.da).toMatch(/udpakket/);
      expect(await usageCount(w)).toBe(0);
    });

    it('refuses an entry that unpacks to more than it declares', async () => {
      const w = await world();
      const padding = `<!--${' '.repeat(2 ** 20)}-->`;
      const xml = GOOD_SHEET.replace('<sheetData>', `${padding}<sheetData>`);
      const liar = declareSize(workbookFile([{ name: 'Data', xml }]), 'xl/worksheets/sheet1.xml', 1000);
      const report = await importUsages(w, liar);
      expect(report.issues).toEqual([expect.objectContaining({ code: 'malformed_file' })]);
      expect(report.issues[0]?.message.en).toContain('declares');
      expect(await usageCount(w)).toBe(0);
    });

    it('stops reading at the deadline (a clock that advances on every look)', async () => {
      const rows = Array.from({ length: 2_000 }, (_, i) => [`System ${i}`, 'x']);
      const file = workbookFile([{ name: 'Data', xml: sheetXml(rows) }]);
      let t = 0;
      const issues = await readIssues(file, { maxReadMillis: 1_000, now: () => (t += 400) });
      expect(issues).toEqual([expect.objectContaining({ code: 'read_timeout' })]);
      expect(issues[0]?.message.en).toContain('1000');
      // The same file within the deadline reads normally.
      expect((await readFirstSheet(file, { ...LIMITS, maxReadMillis: 1_000, now: () => 0 })).rows).toHaveLength(2_000);
    });

    it('refuses a document type declaration (entity definitions) in a part', async () => {
      const w = await world();
      const xml = GOOD_SHEET.replace(
        '<worksheet',
        '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet',
      );
      const report = await importUsages(w, workbookFile([{ name: 'Data', xml }]));
      expect(report.issues).toEqual([expect.objectContaining({ code: 'malformed_file' })]);
      expect(await usageCount(w)).toBe(0);
    });

    it('only the checked parts reach the parser: a broken second sheet does not matter', async () => {
      const w = await world();
      const broken = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></row></worksheet>`;
      const file = workbookFile([
        { name: 'Data', xml: GOOD_SHEET },
        { name: 'Noter', xml: broken },
      ]);
      const report = await importUsages(w, file);
      expect(report.issues).toEqual([]);
      expect(report.counts.create).toBe(1);
      expect(await usageCount(w)).toBe(1);
    });

    it('scans a sheet in steps linear in its length, whatever it holds', () => {
      const scan = (xml: string) => {
        const budget = new ReadBudget(Number.POSITIVE_INFINITY);
        let code: string | null = null;
        try {
          scanWorksheet(xml, 'Data', { maxRows: 1e9, maxColumns: 1e9, maxCells: 1e9 }, budget);
        } catch (e) {
          if (!(e instanceof SpreadsheetReadError)) throw e;
          code = e.issues[0]?.code ?? null;
        }
        return { steps: budget.steps, code };
      };
      const sheet = (body: string) => `<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
      // Inputs that make a backtracking scan quadratic: each is refused, or read, in linear steps.
      for (const [unit, code] of [
        ['<c r="A1">', 'malformed_file'],
        ['<c r="A1"', 'malformed_file'],
        ['<c r="', 'malformed_file'],
        ['<row r="1"><c r="A1"><v>1</v>', 'malformed_file'],
        ['<!--', 'malformed_file'],
        ['<c r="A1"/>', null],
        ['<row><c><f>1</f></c></row>', 'formula'],
      ] as const) {
        const small = scan(sheet(unit.repeat(2_000)));
        const large = scan(sheet(unit.repeat(16_000)));
        expect([small.code, large.code], unit).toEqual([code, code]);
        expect(large.steps, unit).toBeLessThanOrEqual(4 * sheet(unit.repeat(16_000)).length);
        // Either it stopped at the first broken cell (the same work for both), or it read on linearly.
        expect(large.steps, unit).toBeLessThanOrEqual(9 * small.steps);
      }
      fc.assert(
        fc.property(
          fc.array(
            fc.constantFrom(
              '<c r="A1">',
              '<c r="B2"/>',
              '<c',
              '</c>',
              '<f>',
              '<row r="3">',
              '<row>',
              '</row>',
              '"',
              "'",
              '>',
              '<',
              '<!--',
              '-->',
              '<![CDATA[',
              ']]>',
              '<?',
              '?>',
              '<v>1</v>',
              'tekst ',
            ),
            { maxLength: 400 },
          ),
          (parts) => {
            const xml = sheet(parts.join(''));
            expect(scan(xml).steps).toBeLessThanOrEqual(4 * xml.length);
          },
        ),
        { numRuns: 300, seed: 20250615 },
      );
    });

    it('refuses a shared string table with more entries than the cell limit', async () => {
      const strings = `<sst xmlns="${MAIN}">${'<si><t>x</t></si>'.repeat(20)}</sst>`;
      const file = workbookFile([{ name: 'Data', xml: GOOD_SHEET }], [['xl/sharedStrings.xml', strings]]);
      expect(await readIssues(file, { maxCells: 12 })).toEqual([
        expect.objectContaining({ code: 'too_many_cells', sheet: 'Data' }),
      ]);
    });

    it('refuses a CSV file with more fields than the cell limit, without reading on', () => {
      const text = `${'a;b;c\r\n'.repeat(5)}`;
      expect(parseCsv(text, { maxCells: 15 })).toHaveLength(5);
      let issues: readonly unknown[] = [];
      try {
        parseCsv(text, { maxCells: 14 });
      } catch (e) {
        if (e instanceof SpreadsheetReadError) issues = e.issues;
      }
      expect(issues).toEqual([expect.objectContaining({ code: 'too_many_cells', sheet: 'CSV', row: 5 })]);
    });

    it('relationship targets and entry names like Object.prototype members are a broken file', async () => {
      for (const target of ['/constructor', '/__proto__', '/toString', '/hasOwnProperty']) {
        const w = await world();
        const report = await importUsages(w, workbookFile([{ name: 'Data', xml: GOOD_SHEET, target }]));
        expect(report.issues, target).toEqual([expect.objectContaining({ code: 'malformed_file' })]);
      }
      const w = await world();
      // fflate cannot write an entry named `__proto__` (it assigns names to an object), so rename one.
      const named = renameEntry(
        workbookFile([{ name: 'Data', xml: GOOD_SHEET, target: '/__proto__' }], [['xxproto__', GOOD_SHEET]]),
        'xxproto__',
        '__proto__',
      );
      const names: string[] = [];
      unzipSync(named, {
        filter: (f) => {
          names.push(f.name);
          return false;
        },
      });
      expect(names).toContain('__proto__');
      expect((await importUsages(w, named)).issues).toEqual([expect.objectContaining({ code: 'malformed_file' })]);
    });
  });

  describe('keys from files and callers are never looked up on plain objects', () => {
    const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

    it.each([...PROTO_KEYS, 'usage', ''])(
      'an unknown import kind %j is a KitosValidationError naming the kind and the allowed values',
      async (kind) => {
        const w = await world();
        const error = await rejection(
          importSpreadsheet(w.kitos, w.admin, {
            kind: kind as never,
            organizationUuid: w.org,
            file: csv([['Navn'], ['Ny enhed']]),
          }),
        );
        expect(error).toBeInstanceOf(KitosValidationError);
        const issues = (error as KitosValidationError).issues;
        expect(issues).toEqual([
          {
            path: ['kind'],
            code: 'invalid-value',
            message: expect.stringContaining('usages, contracts, units, systems'),
          },
        ]);
        expect((await w.kitos.units.list(w.admin, { organizationUuid: w.org })).total).toBe(3);
      },
    );

    it('other options of importSpreadsheet are checked the same way, all at once', async () => {
      const w = await world();
      const error = await rejection(
        importSpreadsheet(w.kitos, w.admin, {
          kind: 'units',
          organizationUuid: w.org,
          file: 42 as never,
          format: 'constructor' as never,
          maxRows: -1,
        }),
      );
      expect(error).toBeInstanceOf(KitosValidationError);
      expect((error as KitosValidationError).issues.map((i) => i.path)).toEqual([['format'], ['maxRows'], ['file']]);
    });

    it('spreadsheetTemplate and exportOverview refuse unknown kinds and languages', async () => {
      const w = await world();
      for (const key of PROTO_KEYS) {
        const template = await rejection(spreadsheetTemplate(key as never));
        expect(template, key).toBeInstanceOf(KitosValidationError);
        expect((template as KitosValidationError).issues[0]?.path).toEqual(['kind']);
        const language = await rejection(spreadsheetTemplate('usages', { language: key as never }));
        expect((language as KitosValidationError).issues[0]?.path, key).toEqual(['language']);
        const kind = await rejection(
          exportOverview(w.kitos, w.admin, key as never, { organizationUuid: w.org }, { format: 'csv' }),
        );
        expect(kind, key).toBeInstanceOf(KitosValidationError);
        expect((kind as KitosValidationError).issues[0]).toMatchObject({
          path: ['kind'],
          message: expect.stringContaining('usages, contracts, dataProcessing, projects, catalogue'),
        });
        const exportLanguage = await rejection(
          exportOverview(
            w.kitos,
            w.admin,
            'usages',
            { organizationUuid: w.org },
            { format: 'csv', language: key as never },
          ),
        );
        expect((exportLanguage as KitosValidationError).issues[0]?.path, key).toEqual(['language']);
      }
    });

    it('headers named __proto__, constructor or hasOwnProperty are unknown columns', async () => {
      const w = await world();
      const report = await importUsages(
        w,
        csv([
          ['__proto__', 'IT System', 'constructor', 'hasOwnProperty'],
          ['x', 'Acadre ESDH', 'y', 'z'],
        ]),
      );
      expect(report.issues.map((i) => [i.code, i.column])).toEqual([
        ['unknown_column', '__proto__'],
        ['unknown_column', 'constructor'],
        ['unknown_column', 'hasOwnProperty'],
      ]);
      expect(await usageCount(w)).toBe(0);
    });

    it('cell values named like Object.prototype members are unknown options, choices and references', async () => {
      const w = await world();
      const report = await importSpreadsheet(w.kitos, w.admin, {
        kind: 'contracts',
        organizationUuid: w.org,
        file: csv([
          [
            'IT Kontrakt',
            'Kontrakttype',
            'Opsigelse til',
            'Løbende',
            'Leverandør',
            'Ansvarlig org. enhed',
            'IT Systemer',
          ],
          ['Drift', '__proto__', 'constructor', 'hasOwnProperty', 'toString', '__proto__', 'constructor'],
        ]),
      });
      expect(report.issues.map((i) => [i.column, i.code])).toEqual([
        ['Kontrakttype', 'unknown_option'],
        ['Opsigelse til', 'unknown_value'],
        ['Løbende', 'wrong_type'],
        ['Leverandør', 'unknown_reference'],
        ['Ansvarlig org. enhed', 'unknown_reference'],
        ['IT Systemer', 'unknown_reference'],
      ]);
      expect((await w.kitos.contracts.list(w.admin, { organizationUuid: w.org })).total).toBe(0);
    });

    it('records named __proto__ and constructor are ordinary names, matched again on the next import', async () => {
      const w = await world();
      const file = csv([['IT Kontrakt'], ['__proto__'], ['constructor'], ['hasOwnProperty']]);
      const first = await importSpreadsheet(w.kitos, w.admin, {
        kind: 'contracts',
        organizationUuid: w.org,
        file,
      });
      expect(first.counts).toEqual({ create: 3, change: 0, unchanged: 0 });
      const again = await importSpreadsheet(w.kitos, w.admin, {
        kind: 'contracts',
        organizationUuid: w.org,
        file,
      });
      expect(again.counts).toEqual({ create: 0, change: 0, unchanged: 3 });
      const names = (await w.kitos.contracts.list(w.admin, { organizationUuid: w.org })).items.map((c) => c.name);
      expect(names.sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    });

    it('a sheet named __proto__ is reported by its name', async () => {
      const w = await world();
      const file = await writeWorkbook([{ name: '__proto__', header: ['IT System'], rows: [['Findes ikke']] }]);
      const report = await importUsages(w, file);
      expect(report.issues).toEqual([
        expect.objectContaining({ code: 'unknown_reference', sheet: '__proto__', row: 2 }),
      ]);
    });
  });

  describe('portfolio: record uuids', () => {
    /** A small portfolio with every kind of record, exported. */
    async function portfolio() {
      const w = await world();
      const { kitos, admin, org } = w;
      const usage = await kitos.usages.create(admin, {
        organizationUuid: org,
        systemUuid: w.systems.esdh,
        organizationUsage: { usingUnitUuids: [w.units.skoler], responsibleUnitUuid: w.units.skoler },
      } as never);
      const parent = await kitos.contracts.create(admin, {
        organizationUuid: org,
        name: 'Rammeaftale',
        responsible: { organizationUnitUuid: w.units.borgerservice },
      } as never);
      const contract = await kitos.contracts.create(admin, {
        organizationUuid: org,
        name: 'ESDH drift',
        parentContractUuid: parent.uuid,
        systemUsageUuids: [usage.uuid],
        termination: {
          terms: { noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', '3') },
        },
      } as never);
      await kitos.dataProcessing.create(admin, {
        organizationUuid: org,
        name: 'Databehandleraftale',
        systemUsageUuids: [usage.uuid],
        contractUuids: [contract.uuid],
      } as never);
      await kitos.projects.create(admin, {
        organizationUuid: org,
        name: 'Udfasning',
        contractUuids: [contract.uuid],
      } as never);
      const doc = await exportPortfolio(kitos, admin, org);
      return { w, doc };
    }

    const target = async (w: World) =>
      (await w.kitos.organizations.create(w.admin, { name: `Mål ${Math.random()}`, type: 'Kommune' })).uuid;

    async function targetIsEmpty(w: World, org: string) {
      const q = { organizationUuid: org };
      const totals = await Promise.all([
        w.kitos.units.list(w.admin, q).then((p) => p.total),
        w.kitos.usages.list(w.admin, q).then((p) => p.total),
        w.kitos.contracts.list(w.admin, q).then((p) => p.total),
        w.kitos.dataProcessing.list(w.admin, q).then((p) => p.total),
        w.kitos.projects.list(w.admin, q).then((p) => p.total),
      ]);
      return totals.every((t) => t === 0);
    }

    it('refuses a uuid used twice, within one kind or across kinds, naming both places and changing nothing', async () => {
      const { w, doc } = await portfolio();
      const [u0, u1, u2] = doc.units as [PortfolioDocument['units'][number], ...PortfolioDocument['units']];
      const twice: PortfolioDocument = {
        ...doc,
        units: [u0, { ...(u1 as typeof u0), uuid: u0.uuid }, u2 as typeof u0],
        projects: doc.projects.map((p) => ({ ...p, uuid: (doc.contracts[0]?.uuid ?? '').toUpperCase() })),
      };
      const to = await target(w);
      const report = await importPortfolio(w.kitos, w.admin, twice, { targetOrganizationUuid: to });
      expect(report).toMatchObject({ ok: false, written: false, uuidMap: {} });
      expect(report.issues).toEqual([
        expect.objectContaining({ code: 'duplicate_in_file', sheet: 'JSON', column: 'units.1.uuid', value: u0.uuid }),
        expect.objectContaining({ code: 'duplicate_in_file', sheet: 'JSON', column: 'projects.0.uuid' }),
      ]);
      expect(report.issues[0]?.message.en).toContain('units.0.uuid');
      expect(report.issues[0]?.message.da).toContain('units.0.uuid');
      expect(report.issues[1]?.message.en).toContain('contracts.0.uuid');
      expect(await targetIsEmpty(w, to)).toBe(true);
      const dry = await importPortfolio(w.kitos, w.admin, twice, { targetOrganizationUuid: to, dryRun: true });
      expect(dry.issues.map((i) => i.code)).toEqual(['duplicate_in_file', 'duplicate_in_file']);
    });

    it('classifies every uuid field of the format, as a reference to another record or kept as it is', () => {
      type Schema = { _zod: { def: Record<string, unknown> & { type: string } } };
      const found = new Map<string, string[]>();
      const walk = (schema: Schema, path: string[], list: string) => {
        const def = schema._zod.def;
        if (def.type === 'object')
          for (const [key, inner] of Object.entries(def.shape as Record<string, Schema>))
            walk(inner, [...path, key], list);
        else if (def.type === 'array') walk(def.element as Schema, [...path, '*'], list);
        else if (def.type === 'pipe') walk(def.in as Schema, path, list);
        else if (def.type === 'union') for (const option of def.options as Schema[]) walk(option, path, list);
        else if (def.innerType) walk(def.innerType as Schema, path, list);
        else if (def.type === 'string' && def.format === 'uuid') found.get(list)?.push(path.join('.'));
      };
      const shape = (PortfolioDocumentSchema as unknown as Schema)._zod.def.shape as Record<string, Schema>;
      for (const list of PORTFOLIO_RECORD_LISTS) {
        found.set(list, []);
        walk((shape[list] as Schema)._zod.def.element as Schema, [], list);
      }
      for (const list of PORTFOLIO_RECORD_LISTS) {
        const classified = PORTFOLIO_UUID_FIELDS[list].map(([path]) => path);
        expect([...classified].sort(), list).toEqual([...new Set(found.get(list))].sort());
      }
    });

    it('__proto__ and constructor keys in a document are refused with the other unknown keys, polluting nothing', async () => {
      const { w, doc } = await portfolio();
      const hostile = '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}';
      const text = JSON.stringify(doc)
        .replace('"name":"ESDH drift"', `"name":"ESDH drift",${hostile}`)
        .replace('{"format"', `{${hostile},"format"`);
      const to = await target(w);
      const report = await importPortfolio(w.kitos, w.admin, JSON.parse(text), { targetOrganizationUuid: to });
      expect(report.issues.map((i) => i.code)).toEqual(['invalid_document']);
      expect(report.issues[0]?.column).toMatch(/^contracts\.\d+$/);
      expect(report.issues[0]?.message.en).toContain('__proto__');
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect((await w.kitos.contracts.list(w.admin, { organizationUuid: to })).items).toEqual([]);
    });

    it('keeps free text that equals a uuid of another record, and still rewrites the references', async () => {
      const { w, doc } = await portfolio();
      const uuids = [
        ...doc.units.map((u) => u.uuid),
        ...doc.usages.map((u) => u.uuid),
        ...doc.contracts.map((c) => c.uuid),
        ...doc.dataProcessingRegistrations.map((d) => d.uuid),
        ...doc.projects.map((p) => p.uuid),
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            contractName: fc.constantFrom(...uuids),
            unitName: fc.constantFrom(...uuids),
            usageNotes: fc.constantFrom(...uuids),
            dprName: fc.constantFrom(...uuids),
            projectName: fc.constantFrom(...uuids),
          }),
          async (text) => {
            const [contract, ...contracts] = doc.contracts as [PortfolioDocument['contracts'][number]];
            const [unit, ...units] = doc.units as [PortfolioDocument['units'][number]];
            const [usage] = doc.usages as [PortfolioDocument['usages'][number]];
            const [dpr] = doc.dataProcessingRegistrations as [PortfolioDocument['dataProcessingRegistrations'][number]];
            const [project] = doc.projects as [PortfolioDocument['projects'][number]];
            const edited: PortfolioDocument = {
              ...doc,
              units: [{ ...unit, name: text.unitName }, ...units],
              usages: [{ ...usage, general: { ...usage.general, notes: text.usageNotes } }],
              contracts: [{ ...contract, name: text.contractName }, ...contracts],
              dataProcessingRegistrations: [{ ...dpr, name: text.dprName }],
              projects: [{ ...project, name: text.projectName }],
            };
            const to = await target(w);
            const report = await importPortfolio(w.kitos, w.admin, edited, {
              targetOrganizationUuid: to,
            });
            expect(report.issues).toEqual([]);
            const map = new Map(Object.entries(report.uuidMap));
            const get = <T>(list: readonly T[], uuid: string) =>
              list.find((x) => (x as { uuid: string }).uuid === map.get(uuid)) as T;
            const q = { organizationUuid: to };
            const newUnits = (await w.kitos.units.list(w.admin, q)).items;
            const newUsages = (await w.kitos.usages.list(w.admin, q)).items;
            const newContracts = (await w.kitos.contracts.list(w.admin, q)).items;
            const newDprs = (await w.kitos.dataProcessing.list(w.admin, q)).items;
            const newProjects = (await w.kitos.projects.list(w.admin, q)).items;
            expect(get(newUnits, unit.uuid).name).toBe(text.unitName);
            expect(get(newUsages, usage.uuid).general.notes).toBe(text.usageNotes);
            expect(get(newContracts, contract.uuid).name).toBe(text.contractName);
            expect(get(newDprs, dpr.uuid).name).toBe(text.dprName);
            expect(get(newProjects, project.uuid).name).toBe(text.projectName);
            // References are still rewritten to the new records.
            const child = doc.contracts.find((c) => c.parentContractUuid) as PortfolioDocument['contracts'][number];
            const newChild = get(newContracts, child.uuid);
            expect(newChild.parentContractUuid).toBe(map.get(child.parentContractUuid as string));
            expect(newChild.systemUsageUuids).toEqual([map.get(usage.uuid)]);
            expect(get(newUsages, usage.uuid).organizationUsage.responsibleUnitUuid).toBe(
              map.get(usage.organizationUsage.responsibleUnitUuid as string),
            );
          },
        ),
        { numRuns: 15, seed: 20250615 },
      );
    });
  });
});
