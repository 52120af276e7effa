import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTableFile } from './read-table.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

// Values of 税金滞納に関する差押件数と換価額 and 小諸ふるさと市民, seed 1 lines 96 and 99.
const observationsCsv = [
  '指標ID,年度,値,単位,出典,出典の行,引用',
  'mirai-2016.i.seizure-count,H28,102件,件,komoro-pride-vol5,99,H28:102件',
  'mirai-2016.i.seizure-count,H30,140件,件,komoro-pride-vol5,99,H30:140件',
  'mirai-2016.i.seizure-proceeds,H28,"3,536千円",円,komoro-pride-vol5,99,"102件3,536千円"',
  'mirai-2016.i.furusato-shimin,R 2.1月15日,3682人,人,komoro-pride-vol5,96,3682人(R 2.1月15日)',
].join('\r\n');

describe('readTableFile with CSV in each encoding', () => {
  it('reads UTF-8, UTF-8 with BOM and Shift_JIS to the same rows', async () => {
    const plain = await readTableFile(utf8(observationsCsv), { file: 'a.csv' });
    const bom = await readTableFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(observationsCsv)]), {
      file: 'b.csv',
    });
    const sjis = await readTableFile(iconv.encode(observationsCsv, 'shift_jis'), { file: 'c.csv' });
    expect([plain, bom, sjis].map((r) => r.ok && r.encoding)).toEqual(['utf-8', 'utf-8-bom', 'shift_jis']);
    if (!plain.ok || !bom.ok || !sjis.ok) throw new Error('expected all three to read');
    expect(bom.rows).toEqual(plain.rows);
    expect(sjis.rows).toEqual(plain.rows);
  });

  it('turns Japanese headers, era dates and printed amounts into typed observation rows', async () => {
    const result = await readTableFile(utf8(observationsCsv), { file: 'a.csv' });
    expect(result).toMatchObject({ ok: true, kind: 'indicatorValues', layout: 'long' });
    if (!result.ok || result.kind !== 'indicatorValues') throw new Error('expected observations');
    expect(result.rows.map((r) => [r.row, r.data.date, r.data.value, r.data.unit])).toEqual([
      [2, 'FY2016', 102, '件'],
      [3, 'FY2018', 140, '件'],
      [4, 'FY2016', 3_536_000, '円'],
      [5, '2020-01-15', 3682, '人'],
    ]);
    expect(result.rows[2]?.data).toMatchObject({
      text: '3,536千円',
      sourceLine: 99,
      sourceQuote: '102件3,536千円',
    });
  });
});

describe('readTableFile with bad rows', () => {
  const badCsv = [
    'indicatorId,date,value,unit,sourceDocumentId,sourceLine',
    'mirai-2016.i.seizure-count,H28,102件,件,komoro-pride-vol5,99',
    'Mirai 2016,H30,140件,件,komoro-pride-vol5,99',
    'mirai-2016.i.seizure-count,いつか,140件,件,komoro-pride-vol5,99',
    'mirai-2016.i.seizure-count,H30,たくさん,件,komoro-pride-vol5,99',
    'mirai-2016.i.seizure-count,H30,140件,件,,99',
    'mirai-2016.i.seizure-count,H30,140件,件,komoro-pride-vol5,0',
  ].join('\n');

  it('reports every one of five bad rows with its row, column and value', async () => {
    const result = await readTableFile(utf8(badCsv), { file: 'bad.csv' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'indicatorId', 'Mirai 2016'],
      [4, 'date', 'いつか'],
      [5, 'value', 'たくさん'],
      [6, 'sourceDocumentId', ''],
      [7, 'sourceLine', '0'],
    ]);
    expect(result.errors[2]).toEqual({
      file: 'bad.csv',
      row: 5,
      column: 'value',
      value: 'たくさん',
      messageJa: '「値」が数値ではありません',
      messageEn: 'value is not a number',
    });
  });

  it('names the column as the file writes it', async () => {
    const result = await readTableFile(
      utf8('指標ID,年度,値,出典\nmirai-2016.i.x,H28,abc,komoro-pride-vol5\n'),
      {
        file: 'ja.csv',
      },
    );
    expect(result.ok === false && result.errors.map((e) => e.column)).toEqual(['値']);
  });

  it('refuses a value whose unit differs from the unit column', async () => {
    const csv =
      'indicatorId,date,value,unit,sourceDocumentId\nmirai-2016.i.x,H28,102件,円,komoro-pride-vol5\n';
    const result = await readTableFile(utf8(csv), { file: 'unit.csv' });
    expect(result.ok === false && result.errors[0]).toMatchObject({
      row: 2,
      column: 'value',
      value: '102件',
    });
  });

  it('reports unknown and missing columns on the header row', async () => {
    const result = await readTableFile(utf8('indicatorId,date,value,memo\nmirai-2016.i.x,H28,1,x\n'), {
      file: 'h.csv',
    });
    expect(result.ok === false && result.errors.map((e) => [e.row, e.messageEn])).toEqual([
      [1, 'the required column sourceDocumentId is missing'],
      [1, 'unknown column memo'],
    ]);
  });

  it('refuses a file whose headers fit no table', async () => {
    const result = await readTableFile(utf8('foo,bar\n1,2\n'), { file: 'x.csv' });
    expect(result.ok === false && result.errors[0]?.messageEn).toContain('cannot tell from the header row');
  });

  it('refuses an unclosed quote with its line', async () => {
    const result = await readTableFile(utf8('indicatorId,date\n"x,H28\n'), { file: 'q.csv' });
    expect(result.ok === false && result.errors[0]).toMatchObject({
      row: 2,
      messageEn: 'a quoted field is never closed',
    });
  });
});

describe('readTableFile text limits', () => {
  it('refuses a NUL character in a text cell, naming the row and column', async () => {
    const csv = `${observationsCsv}\r\nmirai-2016.i.seizure-count,H29,120件,件,komoro-pride-vol5,99,a\u0000b\r\n`;
    const result = await readTableFile(utf8(csv), { file: 'nul.csv' });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ row: 6, column: '引用', messageEn: 'sourceQuote contains a NUL character' }],
    });
  });

  it("refuses a cell over its column's limit, naming the row and column", async () => {
    const csv = `${observationsCsv}\r\nmirai-2016.i.seizure-count,H29,120件,件,komoro-pride-vol5,99,${'引'.repeat(20_001)}\r\n`;
    const result = await readTableFile(utf8(csv), { file: 'long.csv' });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ row: 6, column: '引用', messageEn: 'sourceQuote is longer than 20,000 characters' }],
    });
    const id = 'i'.repeat(101);
    const badId = await readTableFile(
      utf8(`${observationsCsv}\r\n${id},H29,120件,件,komoro-pride-vol5,99,x\r\n`),
      {
        file: 'id.csv',
      },
    );
    expect(badId).toMatchObject({
      ok: false,
      errors: [{ row: 6, messageEn: 'indicatorId is longer than 100 characters' }],
    });
  });
});

describe('readTableFile refuses damaged files', () => {
  it('refuses invalid UTF-8 with the file and byte offset, storing no U+FFFD', async () => {
    const bytes = utf8(observationsCsv);
    bytes[60] = 0xff;
    const result = await readTableFile(bytes, { file: 'broken.csv' });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ file: 'broken.csv', messageEn: expect.stringContaining('invalid UTF-8 at byte offset 60') }],
    });
  });

  it('refuses a file cut inside a quoted field at its end, naming the row', async () => {
    const cut = observationsCsv.slice(0, observationsCsv.indexOf('3,536'));
    const result = await readTableFile(utf8(cut), { file: 'cut.csv' });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ file: 'cut.csv', row: 4, messageEn: 'a quoted field is never closed' }],
    });
  });
});

describe('readTableFile limits', () => {
  it('refuses more rows than the limit with a clear message', async () => {
    const result = await readTableFile(utf8(observationsCsv), { file: 'big.csv', limits: { maxRows: 3 } });
    expect(result.ok === false && result.errors[0]).toMatchObject({
      row: 0,
      messageJa: '行数が上限 3 行を超えています。ファイルを分けてください',
    });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const result = await readTableFile(utf8(observationsCsv), {
      file: 'big.csv',
      limits: { maxFileBytes: 100 },
    });
    expect(result.ok === false && result.errors[0]?.messageEn).toMatch(/^the file is too large/);
  });

  it('refuses random bytes named .xlsx without throwing', async () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 31) % 256);
    const result = await readTableFile(bytes, { file: 'broken.xlsx' });
    expect(result.ok === false && result.errors[0]).toMatchObject({
      file: 'broken.xlsx',
      messageJa: expect.stringContaining('XLSX ファイルとして読めません'),
    });
  });
});

describe('readTableFile for nodes and indicators', () => {
  it('reads nodes with Japanese kind and status words', async () => {
    const csv = [
      '計画ID,ノードID,親ID,種類,番号,名称,スローガン,状況,状況の日付,出典,出典の行',
      'mirai-2016,mirai-2016.p1,,柱,1,市役所の改革と健全財政,しせいを正す,,,komoro-pride-vol5,59',
      'mirai-2016,mirai-2016.other.complex,mirai-2016.other,program,,複合型施設基本計画の策定及び商業テナントの決定,,予定,R3秋完成予定,komoro-pride-vol5,',
    ].join('\n');
    const result = await readTableFile(utf8(csv), { file: 'nodes.csv' });
    if (!result.ok || result.kind !== 'nodes') throw new Error(JSON.stringify(result));
    expect(result.rows.map((r) => [r.data.kind, r.data.parentId, r.data.status, r.data.statusDate])).toEqual([
      ['pillar', null, null, null],
      ['program', 'mirai-2016.other', 'planned', '2021-autumn'],
    ]);
  });

  it('refuses a baseline printed in another unit than the indicator', async () => {
    const csv = [
      'id,nodeId,name,unit,direction,baseline,baselineDate,sourceDocumentId',
      'mirai-2016.i.seizure-count,mirai-2016.p1.finance,税金滞納に関する差押件数,円,increase,H28:102件,,komoro-pride-vol5',
      'mirai-2016.i.seizure-count,mirai-2016.p1.finance,税金滞納に関する差押件数,件,increase,102件,H28,komoro-pride-vol5',
    ].join('\n');
    const result = await readTableFile(utf8(csv), { file: 'unit.csv' });
    expect(result.ok === false && result.errors.map((e) => [e.row, e.column, e.messageJa])).toEqual([
      [2, 'baseline', '「基準値」が数値ではありません'],
    ]);
    const fixed = csv.replace('H28:102件', '102件');
    const mismatch = await readTableFile(utf8(fixed), { file: 'unit.csv' });
    expect(mismatch.ok === false && mismatch.errors.map((e) => [e.row, e.column, e.messageEn])).toEqual([
      [2, 'baseline', "the baseline's unit 件 differs from unit 円"],
    ]);
  });

  it('reads indicators and asks for a source where a baseline is given', async () => {
    const csv = [
      'id,nodeId,name,unit,direction,baseline,baselineDate,target,sourceDocumentId',
      'mirai-2016.i.women-in-councils,mirai-2016.p1.women,審議会・委員会等の女性参画率,%,増加,,,45%,komoro-pride-vol5',
      'mirai-2016.i.no-source,mirai-2016.p1.women,女性幹部候補となる係長級以上比率,%,increase,19.8%,H27,,',
    ].join('\n');
    const result = await readTableFile(utf8(csv), { file: 'indicators.csv' });
    expect(result.ok === false && result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'sourceDocumentId'],
    ]);
    const fixed = await readTableFile(utf8(csv.replace(/H27,,$/, 'H27,,komoro-pride-vol5')), {
      file: 'i.csv',
    });
    if (!fixed.ok || fixed.kind !== 'indicators') throw new Error(JSON.stringify(fixed));
    expect(fixed.rows.map((r) => [r.data.direction, r.data.target?.value, r.data.baselineDate])).toEqual([
      ['increase', 45, null],
      ['increase', undefined, 'FY2015'],
    ]);
  });

  it('takes a blank unit for a dimensionless number, and refuses a baseline printed with a unit then', async () => {
    const csv = [
      'id,nodeId,name,unit,direction,baseline,baselineDate,sourceDocumentId',
      'mirai-2016.i.fertility,mirai-2016.p1.women,合計特殊出生率,,increase,1.36,H25年,komoro-pride-vol5',
    ].join('\n');
    const result = await readTableFile(utf8(csv), { file: 'indicators.csv' });
    if (!result.ok || result.kind !== 'indicators') throw new Error(JSON.stringify(result));
    expect(result.rows.map((r) => [r.data.unit, r.data.baseline?.value, r.data.baselineDate])).toEqual([
      ['', 1.36, '2013'],
    ]);
    const withUnit = await readTableFile(utf8(csv.replace(',1.36,', ',1.36人,')), { file: 'i.csv' });
    expect(withUnit.ok === false && withUnit.errors.map((e) => e.column)).toEqual(['baseline']);
  });
});
