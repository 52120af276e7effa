import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultTableLimits } from './limits.ts';
import { readTableFile } from './read-table.ts';
import { buildTemplateWorkbook } from './template.ts';
import { checkXlsxZip } from './zip-guard.ts';

interface FakeEntry {
  name: string;
  data: Buffer;
  /** Deflated data when true; the declared size may lie. */
  deflated: boolean;
  declaredSize: number;
}

/** A minimal zip writer, so tests can declare whatever sizes an attacker would. */
function buildZip(entries: FakeEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.deflated ? 8 : 0, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.deflated ? 8 : 0, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const deflatedEntry = (name: string, content: Buffer, declaredSize = content.length): FakeEntry => ({
  name,
  data: deflateRawSync(content),
  deflated: true,
  declaredSize,
});

describe('checkXlsxZip on bad input', () => {
  it('refuses random bytes as not an XLSX', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect(checkXlsxZip(bytes, defaultTableLimits)).toMatchObject({
      ok: false,
      messageJa: expect.stringContaining('XLSX ファイルとして読めません'),
    });
  });

  it('refuses a truncated real workbook', async () => {
    const workbook = await buildTemplateWorkbook('indicatorValues');
    const result = checkXlsxZip(workbook.subarray(0, Math.floor(workbook.length / 2)), defaultTableLimits);
    expect(result).toMatchObject({ ok: false, messageEn: expect.stringContaining('cannot read') });
  });

  it('refuses a zip whose central directory declares a huge uncompressed size', () => {
    const bytes = buildZip([deflatedEntry('xl/worksheets/sheet1.xml', Buffer.from('<x/>'), 0xfff00000)]);
    expect(checkXlsxZip(bytes, defaultTableLimits)).toMatchObject({
      ok: false,
      messageJa: expect.stringContaining('zip 爆弾'),
      messageEn: expect.stringContaining('zip bomb'),
    });
  });

  it('refuses a highly compressible entry by its compression ratio', () => {
    const bytes = buildZip([deflatedEntry('xl/sharedStrings.xml', Buffer.alloc(20 * 1024 * 1024, 0x41))]);
    expect(bytes.length).toBeLessThan(100_000);
    expect(checkXlsxZip(bytes, defaultTableLimits)).toMatchObject({
      ok: false,
      messageEn: expect.stringMatching(/zip bomb: .*compressed \d+-fold/),
    });
  });

  it('refuses an entry that inflates beyond the size its header declares', () => {
    const bytes = buildZip([deflatedEntry('xl/workbook.xml', Buffer.alloc(5 * 1024 * 1024), 1000)]);
    expect(checkXlsxZip(bytes, defaultTableLimits)).toMatchObject({
      ok: false,
      messageEn: expect.stringContaining('expands beyond its declared size'),
    });
  });

  it('refuses more entries than the limit', () => {
    const entries = Array.from({ length: 6 }, (_, i) => deflatedEntry(`part${i}.xml`, Buffer.from('<a/>')));
    expect(checkXlsxZip(buildZip(entries), { ...defaultTableLimits, maxZipEntries: 5 })).toMatchObject({
      ok: false,
      messageEn: expect.stringContaining('too many parts (6, limit 5)'),
    });
  });

  it('refuses encrypted entries', () => {
    const bytes = buildZip([deflatedEntry('a.xml', Buffer.from('<a/>'))]);
    // General purpose flag bit 0 in the central directory entry.
    const centralStart = bytes.length - 22 - 46 - 'a.xml'.length;
    bytes[centralStart + 8] = 1;
    expect(checkXlsxZip(bytes, defaultTableLimits)).toMatchObject({
      ok: false,
      messageEn: expect.stringContaining('encrypted'),
    });
  });
});

describe('checkXlsxZip on good input', () => {
  it('accepts a workbook exceljs wrote', async () => {
    const result = checkXlsxZip(await buildTemplateWorkbook('nodes'), defaultTableLimits);
    expect(result.ok).toBe(true);
  });

  it('accepts small parts that compress very well', () => {
    const bytes = buildZip([deflatedEntry('xl/styles.xml', Buffer.alloc(512 * 1024, 0x20))]);
    expect(checkXlsxZip(bytes, defaultTableLimits)).toEqual({ ok: true, entries: 1, sheetRows: 0 });
  });
});

describe('checkXlsxZip row count', () => {
  it('counts the row elements of every worksheet before exceljs loads them', async () => {
    const rows = (n: number) => `<sheetData>${'<row r="1"><c/></row>'.repeat(n)}<rows/></sheetData>`;
    const bytes = buildZip([
      deflatedEntry('xl/worksheets/sheet1.xml', Buffer.from(rows(3))),
      deflatedEntry('xl/worksheets/sheet2.xml', Buffer.from(rows(4))),
      deflatedEntry('xl/sharedStrings.xml', Buffer.from(rows(100))),
    ]);
    expect(checkXlsxZip(bytes, defaultTableLimits)).toEqual({ ok: true, entries: 3, sheetRows: 7 });
  });
});

describe('readTableFile on zips that are not spreadsheets', () => {
  it('refuses a sound zip without a workbook, without throwing', async () => {
    const bytes = buildZip([
      { name: 'readme.txt', data: Buffer.from('hello'), deflated: false, declaredSize: 5 },
    ]);
    const result = await readTableFile(bytes, { file: 'archive.xlsx' });
    expect(result.ok === false && result.errors).toEqual([
      expect.objectContaining({
        file: 'archive.xlsx',
        row: 0,
        messageEn: expect.stringMatching(/cannot read this as an XLSX|no sheet/),
      }),
    ]);
  });

  it('refuses a zip bomb handed to the reader', async () => {
    const bytes = buildZip([deflatedEntry('xl/worksheets/sheet1.xml', Buffer.alloc(20 * 1024 * 1024, 0x41))]);
    const result = await readTableFile(bytes, { file: 'bomb.xlsx' });
    expect(result.ok === false && result.errors[0]?.messageJa).toMatch(
      /^XLSX を受け付けられません \(zip 爆弾の疑い\)/,
    );
  });
});
