/**
 * The 事務事業評価 table through the one table import, on both databases: long and wide, CSV (UTF-8, Shift_JIS) and
 * XLSX, 千円 headers, 和暦 years, the organization's own 今後の方向性 by label, drafts by default, all or nothing,
 * plausibility warnings, and a signed stage that no import can change.
 * FIXTURE: the fictional サンプル町 dataset (test/helpers/sample-dataset.ts), program `first-program` (「事業」).
 */
import iconv from 'iconv-lite';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import { createAccountStore } from '../../store/accounts/index.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createEditingStore } from '../../store/editing/index.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import type { Database } from '../../store/schema.ts';
import type { TableRowError } from '../tables/index.ts';
import { formatRowError } from './format-report.ts';
import { importTableFile } from './import-table.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

const longCsv = [
  '事業名,年度,当初予算（千円）,最終予算,決算,人工,平均給与,一次評価,今後の方向性,必要性,必要性の所見,予算への反映額,単位コスト,出典,出典の行',
  '事業,令和3年度,"12,345",4億1200万円,"1,234千円",0.5,"8,000,000",B,見直し,A,需要が高い,▲600千円,"5,141円",sample-report,16',
].join('\n');

async function xlsxOf(rows: (string | number)[][]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('事務事業評価');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe.each(testDatabases)('the 事務事業評価 table imported on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    handle = await database.open();
    db = handle.db;
    expect((await migrateToLatest(db)).ok).toBe(true);
    await saveOrganizationDocument(db, sampleDataset());
  });
  afterEach(() => handle.close());

  const sheetOf = async (fiscalYear: number) =>
    (await createReadStore(db).getNode('first-program'))?.node.programSheets.find(
      (s) => s.fiscalYear === fiscalYear,
    );
  const evaluationsOf = async (fiscalYear: number) =>
    (await createReadStore(db).getNode('first-program'))?.node.evaluations.filter(
      (e) => e.fiscalYear === fiscalYear,
    ) ?? [];

  it('creates the sheet and its 一次評価 from a long CSV: 千円 header, 億/万 amounts, 和暦, the town’s own words', async () => {
    const outcome = await importTableFile(db, utf8(longCsv), { file: 'sheets.csv', publish: true });
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.report.kind).toBe('programSheets');
    expect(outcome.report.rows.map((r) => [r.entity, r.action, r.id])).toEqual([
      ['programSheet', 'create', 'first-program.fy2021'],
      ['evaluation', 'create', 'first-program.fy2021.first'],
    ]);
    expect(await sheetOf(2021)).toMatchObject({
      budgetInitial: 12_345_000,
      budgetFinal: 412_000_000,
      settlement: 1_234_000,
      staffYears: 0.5,
      averageSalary: 8_000_000,
      reported: [{ kind: 'unitCost', value: 5141, unit: '円', text: '5,141円' }],
      source: { documentId: 'sample-report', line: 16 },
    });
    expect(await evaluationsOf(2021)).toMatchObject([
      {
        stage: 'first',
        evaluatorKind: 'self',
        evaluatorName: '企画課',
        grade: 'B',
        nextStep: 'review',
        viewpoints: [{ viewpoint: 'necessity', grade: 'A', comment: '需要が高い' }],
        budgetEffect: { direction: 'decrease', amount: -600_000 },
      },
    ]);
    const again = await importTableFile(db, utf8(longCsv), { file: 'sheets.csv', publish: true });
    expect(again.report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('reads the same table in Shift_JIS', async () => {
    const outcome = await importTableFile(db, new Uint8Array(iconv.encode(longCsv, 'Shift_JIS')), {
      file: 'sheets-sjis.csv',
      publish: true,
    });
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.report.encoding).toBe('shift_jis');
    expect((await sheetOf(2021))?.settlement).toBe(1_234_000);
  });

  it('reads a wide XLSX, a column group per year (決算(R3), 令和4年度決算), into one sheet per year', async () => {
    const bytes = await xlsxOf([
      [
        'ノードID',
        '当初予算(千円)(R3)',
        '決算(千円)(R3)',
        '令和4年度当初予算（千円）',
        '令和4年度決算（千円）',
        '出典',
      ],
      ['first-program', 1200, '1,150', 1300, 1280.5, 'sample-report'],
    ]);
    const outcome = await importTableFile(db, bytes, { file: 'wide.xlsx', publish: true });
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.report.rows.map((r) => [r.id, r.row])).toEqual([
      ['first-program.fy2021', 2],
      ['first-program.fy2022', 2],
    ]);
    expect(await sheetOf(2021)).toMatchObject({ budgetInitial: 1_200_000, settlement: 1_150_000 });
    expect(await sheetOf(2022)).toMatchObject({ budgetInitial: 1_300_000, settlement: 1_280_500 });
  });

  it('names a wide table’s bad cell by its header as written, in Japanese and English, with file and row', async () => {
    const csv = ['事業名,令和4年度 決算額,令和5年度 決算額,出典', '事業,12x34,"1,000",sample-report'].join(
      '\n',
    );
    const outcome = await importTableFile(db, utf8(csv), { file: 'wide.csv', publish: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.report.errors).toEqual([
      {
        file: 'wide.csv',
        row: 2,
        column: '令和4年度 決算額',
        value: '12x34',
        messageJa: '「令和4年度 決算額」が数値ではありません',
        messageEn: '"令和4年度 決算額" is not a number',
      },
    ]);
    expect(formatRowError(outcome.report.errors[0] as TableRowError)).toBe(
      'wide.csv 2行目 (row 2) 令和4年度 決算額="12x34": 「令和4年度 決算額」が数値ではありません ("令和4年度 決算額" is not a number)',
    );
    expect(await sheetOf(2023)).toBeUndefined();
  });

  it('names the year’s header of a wide XLSX in 千円, with its sheet, and never a code name', async () => {
    const bytes = await xlsxOf([
      ['ノードID', '決算（千円）(R3)', '令和4年度決算（千円）', '令和4年度 一次評価の満点', '出典'],
      ['first-program', '1,150', '12件', 'たくさん', 'sample-report'],
    ]);
    const outcome = await importTableFile(db, bytes, { file: 'wide.xlsx', publish: true });
    expect(outcome.report.errors.map((e) => [e.sheet, e.row, e.column, e.messageJa, e.messageEn])).toEqual([
      [
        '事務事業評価',
        2,
        '令和4年度決算（千円）',
        '「令和4年度決算（千円）」は円の金額です。単位「件」は読めません',
        '"令和4年度決算（千円）" is an amount in yen, not 件',
      ],
      [
        '事務事業評価',
        2,
        '令和4年度 一次評価の満点',
        '「令和4年度 一次評価の満点」が数値ではありません',
        '"令和4年度 一次評価の満点" is not a number',
      ],
    ]);
    const words = outcome.report.errors.map((e) => `${e.column} ${e.messageJa} ${e.messageEn}`).join('\n');
    expect(words).not.toMatch(/settlement|firstMaxScore/);
  });

  it('names a wide row’s later refusals (a word the town does not use) by the year’s header as written', async () => {
    const csv = [
      '事務事業名,令和4年度 決算額,令和5年度 決算額,令和5年度 一次評価の方向性,出典',
      '事業,"1,000","1,100",ふしぎ,sample-report',
    ].join('\n');
    const outcome = await importTableFile(db, utf8(csv), { file: 'wide.csv', publish: true });
    expect(outcome.report.errors).toMatchObject([
      {
        file: 'wide.csv',
        row: 2,
        column: '令和5年度 一次評価の方向性',
        value: 'ふしぎ',
        messageJa: expect.stringContaining('「ふしぎ」はこの団体の今後の方向性'),
        messageEn: expect.stringContaining("ふしぎ is not one of the organization's next steps"),
      },
    ]);
    const unknown = ['事務事業名,令和4年度 決算額,出典', '無い事業,1,sample-report'].join('\n');
    const missing = await importTableFile(db, utf8(unknown), { file: 'wide.csv', publish: true });
    expect(missing.report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, '事務事業名', '無い事業'],
    ]);
  });

  it('names an unknown header of a wide table as written, row 1, in both languages', async () => {
    const csv = ['事業名,令和4年度 決算額,令和4年度 予備費,出典', '事業,1,2,sample-report'].join('\n');
    const outcome = await importTableFile(db, utf8(csv), { file: 'wide.csv', publish: true });
    expect(outcome.report.errors).toMatchObject([
      {
        file: 'wide.csv',
        row: 1,
        column: '令和4年度 予備費',
        messageJa: expect.stringContaining('「令和4年度 予備費」'),
        messageEn: expect.stringContaining('令和4年度 予備費'),
      },
    ]);
  });

  it('lands as drafts of the importing account by default: nothing public changes until they are published', async () => {
    const added = await createAccountStore(db).addUser({
      login: 'kikaku',
      password: 'sample-password-1',
      role: 'admin',
      nodeIds: null,
    });
    expect(added.ok).toBe(true);
    const outcome = await importTableFile(db, utf8(longCsv), { file: 'sheets.csv', actor: 'kikaku' });
    expect(outcome.ok).toBe(true);
    expect(await sheetOf(2021)).toBeUndefined();
    const drafts = await withEditingTables(db)
      .selectFrom('draft_change')
      .select(['entity', 'entity_id'])
      .orderBy('entity')
      .execute();
    expect(drafts).toEqual([
      { entity: 'evaluation', entity_id: 'first-program.fy2021.first' },
      { entity: 'programSheet', entity_id: 'first-program.fy2021' },
    ]);
    if (!added.ok) return;
    const ids = (await withEditingTables(db).selectFrom('draft_change').select('id').execute()).map(
      (d) => d.id,
    );
    const published = await createEditingStore(db).publish(added.value, ids);
    expect(published.ok).toBe(true);
    expect((await sheetOf(2021))?.settlement).toBe(1_234_000);
    expect((await evaluationsOf(2021)).map((e) => [e.stage, e.nextStep])).toEqual([['first', 'review']]);
  });

  it('refuses the whole file, naming file, row and field, for a direction the town does not use', async () => {
    const csv = `${longCsv}\n事業,令和4年度,1,,,,,,拡充,,,,,sample-report,16`;
    const outcome = await importTableFile(db, utf8(csv), { file: 'sheets.csv', publish: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.report.errors).toMatchObject([
      {
        file: 'sheets.csv',
        row: 3,
        column: '今後の方向性',
        value: '拡充',
        messageJa: expect.stringContaining('現状維持・見直し・統廃合'),
      },
    ]);
    expect(await sheetOf(2021)).toBeUndefined();
  });

  it('names an amount in another unit and an unknown program', async () => {
    const csv = ['事業名,年度,決算,出典', '事業,R3,12件,sample-report', 'ない事業,R3,1,sample-report'].join(
      '\n',
    );
    const outcome = await importTableFile(db, utf8(csv), { file: 'bad.csv', publish: true });
    expect(outcome.report.errors.map((e) => [e.row, e.column, e.messageEn])).toEqual([
      [2, '決算', 'settlement is an amount in yen, not 件'],
      [3, '事業名', 'no program ない事業'],
    ]);
  });

  it('reads a printed figure’s own source and the sheet’s 対象指標, typed by hand in Japanese headers', async () => {
    const csv = [
      '事業名,年度,対象指標ID,トータルコスト,出典(トータルコスト),従事職員数,従事職員数の出典,出典,出典の行',
      '事業,R3,first-program-visits,"9,035千円","資料: sample-web | 頁: 2 | 引用: 総コスト 9,035千円",3人,"資料：sample-report\n行：17",sample-report,16',
    ].join('\n');
    const outcome = await importTableFile(db, utf8(csv), { file: 'sources.csv', publish: true });
    expect(outcome.report.errors).toEqual([]);
    expect(await sheetOf(2021)).toMatchObject({
      targetIndicatorIds: ['first-program-visits'],
      reported: [
        {
          kind: 'totalCost',
          value: 9_035_000,
          source: { documentId: 'sample-web', page: 2, quote: '総コスト 9,035千円' },
        },
        { kind: 'staffCount', value: 3, source: { documentId: 'sample-report', line: 17 } },
      ],
      source: { documentId: 'sample-report', line: 16 },
    });
  });

  it('names a figure’s source it cannot use: an unknown document, an unreadable cell, a source without its figure', async () => {
    const csv = [
      '事業名,年度,事業費,事業費の出典,執行率,執行率の出典,トータルコスト,トータルコストの出典,出典',
      '事業,R3,"1,000千円",資料: no-such-doc | 行: 3,,,,,sample-report',
      '事業,R4,,,95%,場所: 表紙,,,sample-report',
      '事業,R5,,,,,,資料: sample-report | 行: 4,sample-report',
    ].join('\n');
    const outcome = await importTableFile(db, utf8(csv), { file: 'bad-sources.csv', publish: true });
    expect(outcome.committed).toBe(false);
    expect(outcome.report.errors.map((e) => [e.row, e.column, e.messageEn])).toEqual([
      [2, '事業費の出典', 'source document no-such-doc does not exist'],
      [
        3,
        '執行率の出典',
        'printedExecutionRateSource: cannot read "場所: 表紙": write e.g. "資料: document-id | 行: 84 | 引用: the words"',
      ],
      [4, 'トータルコストの出典', 'printedTotalCostSource needs printedTotalCost in the same row'],
    ]);
  });

  it('warns of a settlement over twice the final budget and of a negative amount, and waits for confirmation', async () => {
    const csv = [
      'ノードID,年度,最終予算,決算,国庫支出金,出典',
      'first-program,R3,100,300,-5,sample-report',
    ].join('\n');
    const refused = await importTableFile(db, utf8(csv), { file: 'odd.csv', publish: true });
    expect(refused.committed).toBe(false);
    expect(refused.report.warnings.map((w) => [w.id, w.field])).toEqual([
      ['2:FY2021:settlement-over-budget', 'settlement'],
      ['2:FY2021:negative-amount', 'fundingNational'],
    ]);
    const confirmed = await importTableFile(db, utf8(csv), {
      file: 'odd.csv',
      publish: true,
      confirmWarnings: 'all',
    });
    expect(confirmed.committed).toBe(true);
    expect((await sheetOf(2021))?.settlement).toBe(300);
  });

  it('changes nothing of a signed stage, and never writes a signature', async () => {
    const signed = ['ノードID,年度,一次評価,出典', 'first-program,2019,C,sample-report'].join('\n');
    const outcome = await importTableFile(db, utf8(signed), { file: 'signed.csv', publish: true });
    expect(outcome.report.errors).toMatchObject([
      { row: 2, column: 'firstSignedBy', messageEn: expect.stringContaining('was signed by kikaku-editor') },
    ]);
    const forged = [
      'ノードID,年度,二次評価,二次評価の署名者,出典',
      'first-program,2021,A,mayor,sample-report',
    ].join('\n');
    const forging = await importTableFile(db, utf8(forged), { file: 'forged.csv', publish: true });
    expect(forging.report.errors).toMatchObject([
      { row: 2, messageJa: expect.stringContaining('署名は取り込めません') },
    ]);
  });

  it('reads an evaluations table: a committee’s score of the plan itself, by the town’s words, and names a missing node', async () => {
    const csv = [
      '評価ID,計画ID,ノードID,年度,段階,評価者の種類,評価者,点数,満点,点数の単位,今後の方向性,出典',
      'first-plan.committee-2021,sample-first,,令和3年度,外部評価,外部,行政評価委員会,72.5,100,点,見直し,sample-report',
    ].join('\n');
    const outcome = await importTableFile(db, utf8(csv), { file: 'evaluations.csv', publish: true });
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.report.kind).toBe('evaluations');
    const plan = await createReadStore(db).getPlan('sample-first');
    expect(plan?.evaluations.find((e) => e.id === 'first-plan.committee-2021')).toMatchObject({
      fiscalYear: 2021,
      stage: 'external',
      evaluatorKind: 'external',
      score: 72.5,
      scoreUnit: '点',
      nextStep: 'review',
    });
    const missing = csv.replace(',sample-first,,', ',,no-such-node,');
    const refused = await importTableFile(db, utf8(missing), { file: 'evaluations.csv', publish: true });
    expect(refused.report.errors).toMatchObject([{ row: 2, column: 'nodeId', value: 'no-such-node' }]);
  });
});
