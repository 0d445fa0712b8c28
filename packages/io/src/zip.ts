/**
 * Reads the ZIP archive of an uploaded workbook from its central directory, so the sizes every entry
 * declares are known before anything is inflated: an archive that would unpack beyond the limit is
 * refused without inflating a byte. Entries are then inflated in small pieces into a buffer of the
 * declared size, and an entry that produces more than it declares is refused after at most one
 * piece too many, so a lying size cannot make the reader allocate or work without bound.
 *
 * @module
 */
import { Inflate } from 'fflate';
import { SpreadsheetReadError } from './read-error.js';
import { type ReadBudget, refuse } from './xml-scan.js';

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 (stored) or 8 (deflate); others are refused when read. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The uncompressed size the archive declares. */
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32 = 0xffffffff;
/** Compressed bytes inflated at a time: one piece inflates to at most about 16 MB (deflate's ratio is ~1:1032). */
const PIECE = 16 * 1024;

function broken(en: string, da: string): never {
  refuse(
    'malformed-file',
    {},
    `filen ligner et XLSX-regneark, men ZIP-indholdet er ødelagt (${da})`,
    `the file looks like an XLSX workbook but its ZIP content is broken (${en})`,
  );
}

function u64(view: DataView, at: number): number {
  const n = view.getBigUint64(at, true);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) broken('a size is out of range', 'en størrelse er ugyldig');
  return Number(n);
}

const utf8 = new TextDecoder();
const latin1 = new TextDecoder('latin1');

/**
 * The entries of an archive by name, read from the central directory only (nothing is inflated).
 * Duplicate names are refused: which one a reader takes would be a guess.
 */
export function listZip(bytes: Uint8Array, budget: ReadBudget): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.length;
  let eocd = -1;
  // The end record is in the last 22 bytes plus at most a 65,535-byte comment.
  for (let at = size - 22; at >= 0 && at >= size - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  budget.spend(Math.max(0, size - eocd));
  if (eocd < 0) broken('no central directory', 'ingen indholdsfortegnelse');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const record = u64(view, eocd - 12);
    if (record + 56 > size || view.getUint32(record, true) !== ZIP64_EOCD)
      broken('a broken ZIP64 end record', 'en ødelagt ZIP64-slutpost');
    count = u64(view, record + 32);
    offset = u64(view, record + 48);
  }
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > size || view.getUint32(at, true) !== CENTRAL)
      broken('the central directory is cut short', 'indholdsfortegnelsen er afkortet');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let entrySize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > size) broken('the central directory is cut short', 'indholdsfortegnelsen er afkortet');
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    // ZIP64: sizes and offset that do not fit 32 bits are in the extra field, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 1) {
        let f = e + 4;
        const field = () => {
          if (f + 8 > e + 4 + length) broken('a broken ZIP64 field', 'et ødelagt ZIP64-felt');
          const v = u64(view, f);
          f += 8;
          return v;
        };
        if (entrySize === U32) entrySize = field();
        if (compressedSize === U32) compressedSize = field();
        if (localOffset === U32) localOffset = field();
      }
      e += 4 + length;
    }
    if (entries.has(name)) broken(`the entry ${name} appears twice`, `posten ${name} står to gange`);
    entries.set(name, { name, method, flags, compressedSize, size: entrySize, localOffset });
    budget.spend(next - at);
    at = next;
  }
  return entries;
}

/** The compressed bytes of an entry, located through its local header. */
function dataOf(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    broken(`the entry ${entry.name} is missing`, `posten ${entry.name} mangler`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length)
    broken(`the entry ${entry.name} is cut short`, `posten ${entry.name} er afkortet`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates one entry into a buffer of its declared size, piece by piece. More output than declared,
 * less output, or data that is no deflate stream is a broken file.
 */
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget): Uint8Array {
  if (entry.flags & 1) broken(`the entry ${entry.name} is encrypted`, `posten ${entry.name} er krypteret`);
  const data = dataOf(bytes, entry);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      broken(`the stored entry ${entry.name} declares two sizes`, `posten ${entry.name} angiver to størrelser`);
    budget.spend(data.length);
    return data.slice();
  }
  if (entry.method !== 8)
    broken(
      `the entry ${entry.name} uses compression method ${entry.method}`,
      `posten ${entry.name} bruger komprimeringsmetode ${entry.method}`,
    );
  const out = new Uint8Array(entry.size);
  let written = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over || written + chunk.length > entry.size) {
      over = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let i = 0; i < data.length && !over; i += PIECE) {
      const end = Math.min(data.length, i + PIECE);
      const before = written;
      inflater.push(data.subarray(i, end), end === data.length);
      budget.spend(end - i + (written - before));
    }
  } catch (e) {
    if (e instanceof SpreadsheetReadError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    broken(`the entry ${entry.name} cannot be unpacked: ${reason}`, `posten ${entry.name} kan ikke pakkes ud`);
  }
  if (over)
    broken(
      `the entry ${entry.name} unpacks to more than the ${entry.size} bytes it declares`,
      `posten ${entry.name} fylder mere udpakket end de ${entry.size} bytes, den angiver`,
    );
  if (written !== entry.size)
    broken(
      `the entry ${entry.name} unpacks to ${written} bytes but declares ${entry.size}`,
      `posten ${entry.name} fylder ${written} bytes udpakket, men angiver ${entry.size}`,
    );
  return out;
}
