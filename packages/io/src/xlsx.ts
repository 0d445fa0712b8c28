/**
 * XLSX reading and writing on `read-excel-file` and `write-excel-file` (see
 * docs/decisions/0012-spreadsheet-library.md), with the checks a hostile or broken file needs
 * before the parser sees it (docs/decisions/0015-hostile-workbooks.md): the ZIP archive is listed
 * from its central directory, so declared sizes beyond the limit are refused before anything is
 * inflated; only the parts the reader needs are inflated, within their declared sizes; each is
 * scanned once, forward, for structure, cell count, rows, columns and formulas, under a deadline;
 * and only those checked parts, repacked, reach the parser.
 *
 * @module
 */
import { type Zippable, zipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile, { type Feature } from 'write-excel-file/universal';
import { importIssue } from '@os2kitos/core';
import { SpreadsheetReadError } from './read-error.js';
import { attributesOf, ReadBudget, refuse, scanXml } from './xml-scan.js';
import { listZip, unpackEntry, type ZipEntry } from './zip.js';

/** A cell as read: text, number, boolean, a date (UTC midnight) or empty. */
export type ReadCell = string | number | boolean | Date | null;

/** One sheet as read. */
export interface ReadSheet {
  readonly name: string;
  readonly rows: ReadCell[][];
}

/**
 * Most cells a sheet may have (and entries its workbook's shared string table may have): twenty
 * thousand rows of fifty columns, far above what the import templates use.
 *
 * @example
 * ```ts
 * await readFirstSheet(bytes, { maxRows: 20_000, maxColumns: 200, maxUnpackedBytes: MAX_UNPACKED_BYTES, maxCells: MAX_CELLS });
 * ```
 */
export const MAX_CELLS = 1_000_000;
/**
 * Most bytes the parts that are read (workbook, relationships, first sheet, shared strings,
 * styles) may unpack to together: 256 MiB.
 *
 * @example
 * ```ts
 * MAX_UNPACKED_BYTES === 256 * 2 ** 20; // true
 * ```
 */
export const MAX_UNPACKED_BYTES = 256 * 2 ** 20;
/**
 * Most milliseconds unpacking and checking a file may take before it is refused. Checking is
 * linear in the size of the parts, so a file within the size limit takes a fraction of this; the
 * deadline is the last line should anything still be slow.
 *
 * @example
 * ```ts
 * await readFirstSheet(bytes, { ...limits, maxReadMillis: MAX_READ_MILLIS });
 * ```
 */
export const MAX_READ_MILLIS = 20_000;

/** Limits that protect the reader. */
export interface XlsxReadLimits {
  /** Most data rows (header excluded). */
  readonly maxRows: number;
  /** Most columns. */
  readonly maxColumns: number;
  /** Largest total size of the unpacked parts that are read, in bytes. */
  readonly maxUnpackedBytes: number;
  /** Most cells in the sheet, and entries in the shared string table (default {@link MAX_CELLS}). */
  readonly maxCells?: number;
  /** Most milliseconds to unpack and check the file (default {@link MAX_READ_MILLIS}). */
  readonly maxReadMillis?: number;
  /** The clock the deadline is measured on, in milliseconds (default `performance.now`). */
  readonly now?: () => number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** True when the bytes start like a ZIP archive (an XLSX file is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The archive of one upload: entries listed from the central directory; each part inflated at
 * most once, and only when what was unpacked plus its declared size stays within the limit.
 */
class Archive {
  private readonly entries: Map<string, ZipEntry>;
  private readonly read = new Map<string, Uint8Array>();
  private unpacked = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxUnpackedBytes: number,
    private readonly budget: ReadBudget,
  ) {
    this.entries = listZip(bytes, budget);
  }

  /** Refuses, before inflating any of them, parts whose declared sizes do not fit in what is left. */
  reserve(names: readonly (string | undefined)[]): void {
    let total = this.unpacked;
    for (const name of new Set(names)) {
      if (name === undefined || this.read.has(name)) continue;
      total += this.entries.get(name)?.size ?? 0;
    }
    if (total <= this.maxUnpackedBytes) return;
    const mib = (n: number) => `${Math.ceil(n / 2 ** 20)} MiB`;
    refuse(
      'unpacked-too-large',
      {},
      `filen fylder ${mib(total)} udpakket; højst ${mib(this.maxUnpackedBytes)} kan læses`,
      `the file unpacks to ${total} bytes; at most ${this.maxUnpackedBytes} can be read`,
    );
  }

  /** A part as text, or `undefined` when the archive has no such entry. */
  text(name: string): string | undefined {
    const cached = this.read.get(name);
    if (cached) return decode(cached, this.budget);
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    this.reserve([name]);
    const data = unpackEntry(this.bytes, entry, this.budget);
    this.unpacked += data.length;
    this.read.set(name, data);
    this.budget.check();
    return decode(data, this.budget);
  }

  /** The parts that were read, stored uncompressed in a new archive: all the parser will see. */
  repack(): Uint8Array {
    // Entry names come from the file: an object without a prototype has no `__proto__` to set.
    const files: Zippable = Object.create(null);
    for (const [name, data] of this.read) files[name] = [data, { level: 0 }];
    return zipSync(files, { level: 0 });
  }
}

const decoder = new TextDecoder();

function decode(data: Uint8Array, budget: ReadBudget): string {
  budget.spend(data.length);
  return decoder.decode(data);
}

/** The parts of a workbook the reader needs, found as `read-excel-file` finds them. */
interface WorkbookParts {
  readonly name: string;
  readonly sheet: string;
  readonly sharedStrings: string;
  readonly styles: string;
}

const RELATIONSHIP_BASES = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/',
];

/** A relationship target as a path in the archive (absolute, or relative to `xl/`). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Excel writes characters a name cannot hold as `_xHHHH_`. */
function unescapeName(name: string): string {
  return name.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function notAWorkbook(en: string, da: string): never {
  refuse('malformed-file', {}, da, en);
}

/**
 * The first sheet and the shared strings and styles, from the workbook and its relationships. The
 * choices mirror `read-excel-file` (the first `<sheet>` with a name; a later relationship with the
 * same id wins), so the part checked here is the part it parses.
 */
function workbookParts(archive: Archive, budget: ReadBudget): WorkbookParts {
  const WORKBOOK = 'xl/workbook.xml';
  const RELS = 'xl/_rels/workbook.xml.rels';
  archive.reserve([WORKBOOK, RELS]);
  const workbook = archive.text(WORKBOOK);
  const rels = archive.text(RELS);
  if (workbook === undefined || rels === undefined)
    notAWorkbook('the file is not a valid XLSX workbook', 'filen er ikke et gyldigt XLSX-regneark');
  let first: Map<string, string> | undefined;
  scanXml(workbook, budget, WORKBOOK, (tag) => {
    if (first || tag.closing || tag.name !== 'sheet') return;
    const attributes = attributesOf(tag.inner, budget, WORKBOOK);
    if (attributes.has('name')) first = attributes;
  });
  if (!first) notAWorkbook('the workbook has no worksheet', 'regnearket har ingen ark');
  const sheets = new Map<string, string>();
  let sharedStrings = 'xl/sharedStrings.xml';
  let styles = 'xl/styles.xml';
  scanXml(rels, budget, RELS, (tag) => {
    if (tag.closing || tag.name !== 'Relationship') return;
    const attributes = attributesOf(tag.inner, budget, RELS);
    const type = attributes.get('Type') ?? '';
    const base = RELATIONSHIP_BASES.find((b) => type.startsWith(b));
    const target = attributes.get('Target');
    if (base === undefined || target === undefined) return;
    const kind = type.slice(base.length);
    if (kind === 'worksheet') sheets.set(attributes.get('Id') ?? '', partPath(target));
    else if (kind === 'sharedStrings') sharedStrings = partPath(target);
    else if (kind === 'styles') styles = partPath(target);
  });
  const sheet = sheets.get(first.get('id') ?? '');
  if (sheet === undefined) notAWorkbook('the workbook has no worksheet', 'regnearket har ingen ark');
  // The parser only unpacks `.xml` and `.xml.rels` entries; a part by any other name would be a
  // different file to it than to these checks.
  for (const part of [sheet, sharedStrings, styles]) {
    if (!part.endsWith('.xml'))
      notAWorkbook(
        `the workbook points at ${JSON.stringify(part)}, which is no XML part`,
        `regnearket henviser til ${JSON.stringify(part)}, som ikke er en XML-del`,
      );
  }
  return { name: unescapeName(first.get('name') as string), sheet, sharedStrings, styles };
}

/** Sizes found by {@link scanWorksheet}. */
export interface SheetStats {
  /** The highest row number. */
  readonly rows: number;
  /** The highest column number. */
  readonly columns: number;
  readonly cells: number;
}

function letters(column: number): string {
  return columnLetters(column - 1);
}

/**
 * Checks a worksheet's XML in one forward pass before parsing: cells properly closed and never
 * inside another cell, at most `maxCells` cells (counting stops there), rows and columns within the
 * limits, and no formulas (a formula's cached result may be stale, or absent when the file was
 * written by a program that does not calculate, so only typed values are imported).
 *
 * @example
 * ```ts
 * const budget = new ReadBudget(20_000);
 * scanWorksheet(xml, 'Ark1', { maxRows: 20_000, maxColumns: 200, maxCells: 1_000_000 }, budget);
 * budget.steps; // characters examined: a small multiple of xml.length
 * ```
 */
export function scanWorksheet(
  xml: string,
  sheet: string,
  limits: Pick<XlsxReadLimits, 'maxRows' | 'maxColumns' | 'maxCells'>,
  budget: ReadBudget,
): SheetStats {
  const maxCells = limits.maxCells ?? MAX_CELLS;
  let inData = false;
  let row = 0;
  let column = 0;
  let maxRow = 0;
  let maxColumn = 0;
  let cells = 0;
  let open: { ref: string; row: number; column: string } | null = null;
  const formulas: string[] = [];
  const brokenCell = (at: { ref: string; row: number; column: string }, da: string, en: string): never =>
    refuse('malformed-file', { sheet, row: at.row, column: at.column, value: at.ref }, da, en);
  const unclosed = (at: { ref: string; row: number; column: string }): never =>
    brokenCell(
      at,
      `cellen ${at.ref} bliver aldrig afsluttet; arket er ødelagt`,
      `cell ${at.ref} is never closed; the sheet is broken`,
    );
  scanXml(xml, budget, sheet, (tag) => {
    if (tag.name === 'sheetData') {
      if (tag.closing && open) unclosed(open);
      inData = !tag.closing && !tag.selfClosing;
      return;
    }
    if (!inData) return;
    if (tag.name === 'row') {
      if (open) unclosed(open);
      if (tag.closing) return;
      const r = attributesOf(tag.inner, budget, sheet).get('r');
      if (r !== undefined && !/^[1-9][0-9]{0,8}$/.test(r))
        refuse(
          'malformed-file',
          { sheet, value: r },
          `rækkenummeret ${r} er ugyldigt`,
          `the row number ${r} is invalid`,
        );
      row = r === undefined ? row + 1 : Number(r);
      column = 0;
      maxRow = Math.max(maxRow, row);
      return;
    }
    if (tag.name === 'c') {
      if (tag.closing) {
        if (!open)
          refuse(
            'malformed-file',
            { sheet, row },
            'en celle afsluttes uden at være begyndt',
            'a cell ends that never began',
          );
        open = null;
        return;
      }
      cells++;
      if (cells > maxCells)
        refuse(
          'too-many-cells',
          { sheet, row },
          `arket har mere end ${maxCells} celler; del det op i mindre filer`,
          `the sheet has more than ${maxCells} cells; split it into smaller files`,
        );
      const ref = /^([A-Z]{1,7})([1-9][0-9]{0,8})$/.exec(attributesOf(tag.inner, budget, sheet).get('r') ?? '');
      column = ref ? columnNumber(ref[1] as string) : column + 1;
      const cellRow = ref ? Number(ref[2]) : row;
      maxRow = Math.max(maxRow, cellRow);
      maxColumn = Math.max(maxColumn, column);
      const here = { ref: `${letters(column)}${cellRow}`, row: cellRow, column: letters(column) };
      if (open)
        brokenCell(
          here,
          `cellen ${here.ref} begynder inde i cellen ${open.ref}, som aldrig afsluttes; arket er ødelagt`,
          `cell ${here.ref} starts inside cell ${open.ref}, which is never closed; the sheet is broken`,
        );
      if (!tag.selfClosing) open = here;
      return;
    }
    if (tag.name === 'f' && open && !tag.closing && formulas.length < 50) formulas.push(open.ref);
  });
  if (open) unclosed(open);
  if (maxRow - 1 > limits.maxRows) {
    throw new SpreadsheetReadError([
      importIssue(
        'too-many-rows',
        { sheet, row: maxRow },
        `arket har ${maxRow - 1} rækker; højst ${limits.maxRows} kan importeres ad gangen`,
        `the sheet has ${maxRow - 1} rows; at most ${limits.maxRows} can be imported at once`,
      ),
    ]);
  }
  if (maxColumn > limits.maxColumns) {
    throw new SpreadsheetReadError([
      importIssue(
        'too-many-columns',
        { sheet },
        `arket har ${maxColumn} kolonner; højst ${limits.maxColumns} er tilladt`,
        `the sheet has ${maxColumn} columns; at most ${limits.maxColumns} are allowed`,
      ),
    ]);
  }
  if (formulas.length > 0) {
    throw new SpreadsheetReadError(
      formulas.map((cell) => {
        const [, column = '', row = '0'] = /^([A-Z]*)(\d*)$/.exec(cell) ?? [];
        return importIssue(
          'formula',
          { sheet, row: Number(row) || null, column: column || null, value: cell },
          `cellen ${cell} indeholder en formel; kopiér og indsæt den som værdi`,
          `cell ${cell} holds a formula; copy it and paste it as a value`,
        );
      }),
    );
  }
  return { rows: maxRow, columns: maxColumn, cells };
}

/** The shared string table: well formed, and no more entries than a sheet may have cells. */
function scanSharedStrings(xml: string, part: string, sheet: string, maxCells: number, budget: ReadBudget): void {
  let strings = 0;
  scanXml(xml, budget, part, (tag) => {
    if (tag.name !== 'si' || tag.closing) return;
    strings++;
    if (strings > maxCells)
      refuse(
        'too-many-cells',
        { sheet },
        `regnearkets teksttabel har mere end ${maxCells} tekster; del det op i mindre filer`,
        `the workbook's shared string table has more than ${maxCells} entries; split it into smaller files`,
      );
  });
}

/**
 * Reads the first sheet of an XLSX file after the safety checks (see the module description).
 * Every problem is a {@link SpreadsheetReadError}.
 *
 * @example
 * ```ts
 * const sheet = await readFirstSheet(bytes, { maxRows: 20_000, maxColumns: 200, maxUnpackedBytes: MAX_UNPACKED_BYTES });
 * sheet.rows[0]; // the header row
 * ```
 */
export async function readFirstSheet(bytes: Uint8Array, limits: XlsxReadLimits): Promise<ReadSheet> {
  const budget = new ReadBudget(limits.maxReadMillis ?? MAX_READ_MILLIS, limits.now);
  const maxCells = limits.maxCells ?? MAX_CELLS;
  const archive = new Archive(bytes, limits.maxUnpackedBytes, budget);
  const parts = workbookParts(archive, budget);
  archive.reserve([parts.sheet, parts.sharedStrings, parts.styles]);
  const sheetXml = archive.text(parts.sheet);
  if (sheetXml === undefined)
    notAWorkbook('the first worksheet is missing from the file', 'det første ark mangler i filen');
  scanWorksheet(sheetXml, parts.name, { ...limits, maxCells }, budget);
  const strings = archive.text(parts.sharedStrings);
  if (strings !== undefined) scanSharedStrings(strings, parts.sharedStrings, parts.name, maxCells, budget);
  const styles = archive.text(parts.styles);
  if (styles !== undefined) scanXml(styles, budget, parts.styles, () => {});
  budget.check();
  const checked = archive.repack();
  try {
    const buffer = checked.buffer.slice(checked.byteOffset, checked.byteOffset + checked.byteLength) as ArrayBuffer;
    const rows = await readSheet(buffer, 1);
    return { name: parts.name, rows: rows as unknown as ReadCell[][] };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    refuse('malformed-file', {}, 'regnearket kan ikke læses', `the workbook cannot be read: ${reason}`);
  }
}

/**
 * A cell to write: text, number, boolean, a calendar date, or empty.
 *
 * @example
 * ```ts
 * const row: WriteCell[] = ['ESDH', 45500, true, { date: '2027-12-31' }, null];
 * ```
 */
export type WriteCell = string | number | boolean | { readonly date: string } | null;

/** One sheet to write. */
export interface WriteSheet {
  readonly name: string;
  /** Header row, shown bold and kept visible while scrolling. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly WriteCell[])[];
  /** Column widths in characters. */
  readonly widths?: readonly number[];
  /** Hyperlinks: zero-based data row and column, and the URL. */
  readonly links?: readonly { readonly row: number; readonly column: number; readonly url: string }[];
}

const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * A `write-excel-file` feature that adds real hyperlinks (`<hyperlinks>` with external
 * relationships), which the library has no option for. A `HYPERLINK()` formula would work in
 * Excel too, but this importer refuses formulas, and a formula has no cached text for other readers.
 */
function hyperlinks(sheets: readonly WriteSheet[]): Feature<Blob> {
  const linksOf = (index: number) => sheets[index]?.links ?? [];
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (content, _options, { sheetIndex }) => {
            const links = linksOf(sheetIndex);
            if (links.length === 0) return content;
            const refs = links
              .map((l, i) => `<hyperlink ref="${columnLetters(l.column)}${l.row + 2}" r:id="rIdLink${i + 1}"/>`)
              .join('');
            return content.replace('</sheetData>', `</sheetData><hyperlinks>${refs}</hyperlinks>`);
          },
        },
        'xl/worksheets/_rels/sheet{id}.xml.rels': {
          insert: (_options, { sheetIndex }) =>
            linksOf(sheetIndex)
              .map(
                (l, i) =>
                  `<Relationship Id="rIdLink${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escapeXml(l.url)}" TargetMode="External"/>`,
              )
              .join(''),
        },
      },
    },
  };
}

const DATE_FORMAT = 'dd-mm-yyyy';

function cellOf(value: WriteCell, linked: boolean) {
  if (value === null) return null;
  if (typeof value === 'object') {
    const [y, m, d] = value.date.split('-').map(Number);
    return { value: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), type: Date, format: DATE_FORMAT };
  }
  if (typeof value === 'number') return { value, type: Number };
  if (typeof value === 'boolean') return { value, type: Boolean };
  return linked
    ? { value, type: String, textColor: '#0563C1', textDecoration: { underline: true } }
    : { value, type: String };
}

/**
 * Writes sheets as an XLSX file: real date cells formatted `dd-mm-yyyy`, numbers as numbers, a
 * bold, frozen header row and hyperlinks.
 *
 * @example
 * ```ts
 * const bytes = await writeWorkbook([
 *   { name: 'Kontrakter', header: ['Navn', 'Udløber'], rows: [['ESDH', { date: '2026-12-31' }]] },
 * ]);
 * ```
 */
export async function writeWorkbook(sheets: readonly WriteSheet[]): Promise<Uint8Array> {
  const data = sheets.map((s) => {
    const linked = new Set((s.links ?? []).map((l) => `${l.row}:${l.column}`));
    return {
      sheet: s.name,
      stickyRowsCount: 1,
      columns: s.header.map((h, i) => ({ width: s.widths?.[i] ?? Math.min(60, Math.max(10, h.length + 2)) })),
      data: [
        s.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })),
        ...s.rows.map((r, ri) => r.map((v, ci) => cellOf(v, linked.has(`${ri}:${ci}`)))),
      ],
    };
  });
  const blob = await writeXlsxFile(data as never, { features: [hyperlinks(sheets)] }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
