/**
 * Checks an XLSX's zip container before exceljs sees it. exceljs (through JSZip) trusts the archive and would
 * inflate a zip bomb into memory, so we read the central directory ourselves, check the declared sizes, then
 * inflate each entry with a hard output cap to prove the declarations are true.
 */
import { inflateRawSync } from 'node:zlib';
import { formatMegabytes, type TableLimits } from './limits.ts';

export type ZipCheck =
  | {
      ok: true;
      entries: number;
      /** <row> elements in the worksheets: an upper bound on rows, known before exceljs builds them all. */
      sheetRows: number;
    }
  | { ok: false; messageJa: string; messageEn: string };

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
// Small parts may compress absurdly well (a sheet of blanks) without harm; only large ones count as bombs.
const RATIO_FLOOR_BYTES = 1024 * 1024;

class ZipRefusal extends Error {
  constructor(
    readonly messageJa: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

const notZip = () =>
  new ZipRefusal(
    'XLSX ファイルとして読めません。壊れているか、XLSX ではありません',
    'cannot read this as an XLSX file: it is damaged or not an XLSX',
  );

/**
 * Refuses a zip that is malformed, too big or a bomb; never throws.
 * @example checkXlsxZip(bytes, defaultTableLimits) // { ok: true, entries: 9 }
 */
export function checkXlsxZip(bytes: Uint8Array, limits: TableLimits): ZipCheck {
  try {
    const entries = readCentralDirectory(bytes, limits);
    checkDeclaredSizes(entries, limits);
    let sheetRows = 0;
    for (const entry of entries) {
      const inflated = inflateChecked(bytes, entry);
      if (worksheetPart.test(entry.name)) sheetRows += countRowElements(inflated);
    }
    return { ok: true, entries: entries.length, sheetRows };
  } catch (error) {
    if (error instanceof ZipRefusal)
      return { ok: false, messageJa: error.messageJa, messageEn: error.messageEn };
    const refusal = notZip();
    return { ok: false, messageJa: refusal.messageJa, messageEn: refusal.messageEn };
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let pos = view.byteLength - 22; pos >= earliest; pos -= 1) {
    if (view.getUint32(pos, true) === EOCD_SIGNATURE) return pos;
  }
  throw notZip();
}

function readCentralDirectory(bytes: Uint8Array, limits: TableLimits): ZipEntry[] {
  if (bytes.byteLength < 22) throw notZip();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  let pos = view.getUint32(eocd + 16, true);
  if (count === 0xffff || pos === 0xffffffff) {
    throw new ZipRefusal('ZIP64 形式の XLSX には対応していません', 'ZIP64 XLSX files are not supported');
  }
  if (count > limits.maxZipEntries) {
    throw new ZipRefusal(
      `XLSX の中のファイルが多すぎます (${count} 個、上限 ${limits.maxZipEntries} 個)`,
      `the XLSX holds too many parts (${count}, limit ${limits.maxZipEntries})`,
    );
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (pos + 46 > eocd || view.getUint32(pos, true) !== CENTRAL_SIGNATURE) throw notZip();
    const nameLength = view.getUint16(pos + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(pos + 46, pos + 46 + nameLength)),
      flags: view.getUint16(pos + 8, true),
      method: view.getUint16(pos + 10, true),
      compressedSize: view.getUint32(pos + 20, true),
      uncompressedSize: view.getUint32(pos + 24, true),
      localHeaderOffset: view.getUint32(pos + 42, true),
    });
    pos += 46 + nameLength + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
  return entries;
}

function checkDeclaredSizes(entries: ZipEntry[], limits: TableLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1) {
      throw new ZipRefusal('暗号化された XLSX は読めません', 'encrypted XLSX files cannot be read');
    }
    if (entry.method !== 0 && entry.method !== 8) throw notZip();
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
      throw bomb(
        `${entry.name} の圧縮率が異常です (${Math.round(ratio)} 倍)`,
        `${entry.name} is compressed ${Math.round(ratio)}-fold`,
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw bomb(
      `展開後の合計 ${formatMegabytes(total)} が上限 ${formatMegabytes(limits.maxUncompressedBytes)} を超えます`,
      `it would expand to ${formatMegabytes(total)}, over the ${formatMegabytes(limits.maxUncompressedBytes)} limit`,
    );
  }
}

const bomb = (ja: string, en: string) =>
  new ZipRefusal(
    `XLSX を受け付けられません (zip 爆弾の疑い): ${ja}`,
    `XLSX refused as a likely zip bomb: ${en}`,
  );

function inflateChecked(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== LOCAL_SIGNATURE) throw notZip();
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw notZip();
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw notZip();
    return data;
  }
  let inflated: Buffer;
  try {
    // The cap is the declared size plus one byte: a lying header fails here instead of filling memory.
    inflated = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw notZip();
    throw bomb(
      `${entry.name} の展開後の大きさが申告と違います`,
      `${entry.name} expands beyond its declared size`,
    );
  }
  if (inflated.byteLength !== entry.uncompressedSize) throw notZip();
  return inflated;
}

const worksheetPart = /^xl\/worksheets\/[^/]+\.xml$/;
const rowTag = Buffer.from('<row');

function countRowElements(xml: Uint8Array): number {
  const buffer = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(rowTag); at >= 0; at = buffer.indexOf(rowTag, at + rowTag.length)) {
    const next = buffer[at + rowTag.length];
    // <row> or <row r="…">, not <rows…>.
    if (next === 0x20 || next === 0x3e || next === 0x2f) count += 1;
  }
  return count;
}
