import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { prepareSample, snapshotTables } from '../../../test/helpers/sample-database.ts';
import type { DatabaseHandle } from '../../store/db.ts';
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
});
