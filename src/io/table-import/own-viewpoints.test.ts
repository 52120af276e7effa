/**
 * An organization's own 観点 (organization.evaluationViewpoints), on both databases: the 事務事業評価 table reads
 * columns headed by its labels (long and wide), refuses a label it does not grade on, and program-sheets.csv
 * writes them back under the same labels, read back unchanged.
 * FIXTURE: the fictional サンプル町 (test/helpers/sample-dataset.ts), here grading 緊急性・市民ニーズ・必要性.
 */
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import { viewpointsOf } from '../../domain/evaluation-vocabulary.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import type { Database } from '../../store/schema.ts';
import { storedViewpointLabels } from '../../store/table-import/index.ts';
import { formatCsv } from '../export/csv-writer.ts';
import { planTables } from '../export/plan-tables.ts';
import { importTableFile } from './import-table.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

const ownViewpoints = [
  { code: 'urgency', label: '緊急性', labelEn: 'Urgency' },
  { code: 'needs', label: '市民ニーズ', labelEn: 'Residents’ needs' },
  { code: 'necessity', label: '必要性', labelEn: 'Necessity' },
];

describe.each(testDatabases)('an organization’s own 観点 on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    handle = await database.open();
    db = handle.db;
    expect((await migrateToLatest(db)).ok).toBe(true);
    const dataset = sampleDataset();
    await saveOrganizationDocument(db, {
      ...dataset,
      organization: { ...dataset.organization, evaluationViewpoints: ownViewpoints },
    });
  });
  afterEach(() => handle.close());

  const firstStage = async (fiscalYear: number) =>
    (await createReadStore(db).getNode('first-program'))?.node.evaluations.find(
      (e) => e.fiscalYear === fiscalYear && e.stage === 'first',
    );

  it('offers the glossary’s labels and the organization’s own as column headers', async () => {
    expect(await storedViewpointLabels(db, undefined)).toEqual([
      '必要性',
      '妥当性',
      '有効性',
      '効率性',
      '公平性',
      '緊急性',
      '市民ニーズ',
    ]);
  });

  it('reads columns headed by the town’s own labels into its viewpoint codes, long and wide', async () => {
    const long = [
      '事業名,年度,一次評価,緊急性,緊急性の所見,市民ニーズ,出典',
      '事業,令和3年度,B,A,通学路の安全,B,sample-report',
    ].join('\n');
    const outcome = await importTableFile(db, utf8(long), { file: 'own.csv', publish: true });
    expect(outcome.report.errors).toEqual([]);
    expect((await firstStage(2021))?.viewpoints).toEqual([
      { viewpoint: 'urgency', grade: 'A', comment: '通学路の安全' },
      { viewpoint: 'needs', grade: 'B' },
    ]);
    const wide = [
      '事業名,令和4年度 決算額,令和4年度 一次評価,令和4年度 市民ニーズ,出典',
      '事業,"1,000",A,C,sample-report',
    ].join('\n');
    const read = await importTableFile(db, utf8(wide), { file: 'own-wide.csv', publish: true });
    expect(read.report.errors).toEqual([]);
    expect((await firstStage(2022))?.viewpoints).toEqual([{ viewpoint: 'needs', grade: 'C' }]);
  });

  it('refuses a glossary label the town does not grade on, naming its own labels, and a label nobody uses', async () => {
    const csv = ['事業名,年度,公平性,出典', '事業,令和3年度,A,sample-report'].join('\n');
    const outcome = await importTableFile(db, utf8(csv), { file: 'own.csv', publish: true });
    expect(outcome.report.errors).toEqual([
      {
        file: 'own.csv',
        row: 2,
        column: '公平性',
        value: '公平性',
        messageJa: '観点「公平性」はこの団体の観点 (緊急性・市民ニーズ・必要性) にありません',
        messageEn: 'viewpoint 公平性 is not one the organization grades on',
      },
    ]);
    const unknown = ['事業名,年度,地域性,出典', '事業,令和3年度,A,sample-report'].join('\n');
    const refused = await importTableFile(db, utf8(unknown), { file: 'own.csv', publish: true });
    expect(refused.report.errors.map((e) => [e.row, e.column])).toEqual([[1, '地域性']]);
    expect(await firstStage(2021)).toBeUndefined();
  });

  it('writes program-sheets.csv with a column pair per own 観点, which reads back unchanged', async () => {
    const csv = [
      '事業名,年度,決算,一次評価,緊急性,緊急性の所見,必要性,出典',
      '事業,令和3年度,1000,B,A,通学路の安全,B,sample-report',
    ].join('\n');
    expect((await importTableFile(db, utf8(csv), { file: 'own.csv', publish: true })).ok).toBe(true);
    const store = createReadStore(db);
    const plan = await store.getPlan('sample-first');
    const organization = (await store.listOrganizations()).find((o) => o.id === 'sample-town');
    if (!plan || !organization) throw new Error('the sample plan and town are missing');
    const table = planTables(plan, viewpointsOf(organization))['program-sheets'];
    const names = table.columns.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['緊急性', '緊急性の所見', '市民ニーズ', '必要性の所見']));
    expect(names).not.toContain('公平性');
    const row = table.rows.find((r) => r[names.indexOf('fiscalYear')] === 2021) ?? [];
    expect([
      row[names.indexOf('緊急性')],
      row[names.indexOf('緊急性の所見')],
      row[names.indexOf('必要性')],
    ]).toEqual(['A', '通学路の安全', 'B']);
    const again = await importTableFile(db, utf8(formatCsv(table)), {
      file: 'program-sheets.csv',
      publish: true,
    });
    expect(again.report.errors).toEqual([]);
    expect(again.report.counts).toMatchObject({ created: 0, updated: 0 });
  });
});
