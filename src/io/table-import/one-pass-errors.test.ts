import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { prepareSample, snapshotTables } from '../../../test/helpers/sample-database.ts';
import { createAccountStore } from '../../store/accounts/index.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createEditingStore } from '../../store/editing/index.ts';
import type { Database } from '../../store/schema.ts';
import { importTableFile } from './import-table.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

// Row 2 reads well; row 3 opens a quote it never closes; row 4 holds no number; row 5 names no stored indicator.
const threeBadRows = [
  'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote',
  'first-indicator-rate,FY2019,31.0%,sample-report,12,31.0%',
  'first-indicator-rate,FY2018,"29.2%,sample-report,9,29.2%',
  'first-indicator-rate,FY2017,abc,sample-report,9,abc',
  'no-such-indicator,FY2019,5件,sample-report,13,5件',
].join('\n');

describe.each(testDatabases)('every bad row in one pass on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    handle = await database.open();
    db = handle.db;
    await prepareSample(db);
  });
  afterEach(() => handle.close());

  it('lists a quote error, a bad number and an unknown id in one run, and saves nothing', async () => {
    const before = await snapshotTables(db);
    const outcome = await importTableFile(db, utf8(threeBadRows), { file: 'three.csv' });
    expect(outcome.ok).toBe(false);
    expect(outcome.report.errors.map((e) => [e.row, e.messageEn])).toEqual([
      [3, 'a quoted field is never closed'],
      [4, expect.stringContaining('not a number')],
      [5, 'indicator no-such-indicator does not exist'],
    ]);
    expect(outcome.report.errors.every((e) => e.file === 'three.csv')).toBe(true);
    expect(outcome.report.counts.rejected).toBe(3);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('gives the same three messages in a dry run', async () => {
    const outcome = await importTableFile(db, utf8(threeBadRows), { file: 'three.csv', dryRun: true });
    expect(outcome.report.errors.map((e) => e.row)).toEqual([3, 4, 5]);
  });

  it('checks cited lines and quotes against a registered document, naming the row, the column and the line', async () => {
    const added = await createAccountStore(db).addUser({
      login: 'admin',
      password: 'sample-password-1',
      role: 'admin',
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    const registered = await createEditingStore(db).registerDocument(added.value, {
      organizationId: 'sample-town',
      document: {
        id: 'sample-r6',
        title: '令和6年度 事業報告',
        publisher: 'サンプル町',
        publishedAt: '2025-03',
        kind: 'official',
      },
      text: '事業報告\n見守り件数 31件\n相談件数 12件',
      textOrigin: 'pasted',
    });
    expect(registered).toMatchObject({ ok: true });
    const table = [
      'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote',
      'first-indicator-rate,FY2019,31.0%,sample-r6,2,31件',
      'first-indicator-rate,FY2020,32.0%,sample-r6,3,31件',
      'first-indicator-rate,FY2021,33.0%,sample-r6,9,',
    ].join('\n');
    const before = await snapshotTables(db);
    const outcome = await importTableFile(db, utf8(table), { file: 'cited.csv', dryRun: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.report.errors.map((e) => [e.row, e.column, e.messageJa])).toEqual([
      [3, 'sourceQuote', '引用「31件」は 3 行目にありません。3 行目:「相談件数 12件」'],
      [4, 'sourceLine', '9 行目はありません（資料は 3 行）'],
    ]);
    expect(outcome.report.errors[1]?.messageEn).toBe('line 9 is beyond the end: the document has 3 lines');
    expect(await snapshotTables(db)).toEqual(before);
  });
});
