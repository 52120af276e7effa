import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { countsOf, prepareSample, snapshotTables } from '../../../test/helpers/sample-database.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { listRevisionsOf, verifyChain } from '../../store/editing/revisions.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import type { Database } from '../../store/schema.ts';
import { readDataGeneration } from '../../store/search/data-generation.ts';
import { importTableFile } from './import-table.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

const indicatorsCsv = [
  'id,nodeId,name,unit,direction,baseline,baselineDate,sourceDocumentId,sourceLine,sourceQuote',
  'first-indicator-count,first-policy-b,件数,件,increase,102件,FY2016,sample-report,11,102件',
].join('\n');

const observationsCsv = [
  'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote',
  'first-indicator-rate,FY2019,31.0%,sample-report,12,31.0%',
  'first-indicator-rate,FY2018,29.2%,sample-report,9,29.2%',
  'first-indicator-rank,2020,20位,sample-report,13,20位',
].join('\r\n');

async function valuesOf(db: Kysely<Database>, indicatorId: string) {
  return db
    .selectFrom('indicator_value')
    .select(['id', 'role', 'date', 'value', 'text'])
    .where('indicator_id', '=', indicatorId)
    .orderBy('position')
    .execute();
}

/** One stored value's columns, read straight from its row. */
function storedValue(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('indicator_value')
    .select(['date', 'fiscal_year', 'value', 'text', 'version', 'created_at', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function revisionCount(db: Kysely<Database>): Promise<number> {
  const row = await withEditingTables(db)
    .selectFrom('revision')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDatabases)('importTableFile on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    handle = await database.open();
    db = handle.db;
    await prepareSample(db);
  });
  afterEach(() => handle.close());

  it("moves a baseline to a new date: only that value's date columns change, with its 年度", async () => {
    const csv = [
      'indicatorId,role,date,value,sourceDocumentId,sourceLine,sourceQuote',
      'first-indicator-rate,baseline,H28,19.8%,sample-report,9,19.8%',
    ].join('\n');
    const before = await storedValue(db, 'first-indicator-rate:baseline');
    const outcome = await importTableFile(db, utf8(csv), { file: 'baseline.csv' });
    expect(outcome.report.rows[0]).toMatchObject({
      action: 'update',
      changedFields: expect.arrayContaining(['date']),
    });
    const after = await storedValue(db, 'first-indicator-rate:baseline');
    expect(before).toMatchObject({ date: 'FY2015', fiscal_year: 2015 });
    expect(after).toMatchObject({ date: 'FY2016', fiscal_year: 2016, value: 19.8 });
  });

  describe('a UTF-8 CSV of observations', () => {
    it('dry run lists each row as create, update or unchanged and writes nothing', async () => {
      const before = await snapshotTables(db);
      const outcome = await importTableFile(db, utf8(observationsCsv), { file: 'obs.csv', dryRun: true });
      expect(outcome).toMatchObject({ ok: true, committed: false });
      expect(outcome.report.rows.map((r) => [r.row, r.action, r.id])).toEqual([
        [2, 'create', 'first-indicator-rate:observation@FY2019'],
        [3, 'update', 'first-indicator-rate:observation:0'],
        [4, 'create', 'first-indicator-rank:observation@2020'],
      ]);
      // The stored FY2018 value has no printed text; the file gives one, so only that field changes.
      expect(outcome.report.rows[1]?.changedFields).toEqual(['text']);
      expect(outcome.report.counts).toEqual({ created: 2, updated: 1, unchanged: 0, rejected: 0 });
      expect(await snapshotTables(db)).toEqual(before);
    });

    it('commits every row, records one import revision per record and bumps the data generation', async () => {
      const generation = await readDataGeneration(db);
      const revisionsBefore = await revisionCount(db);
      const outcome = await importTableFile(db, utf8(observationsCsv), { file: 'obs.csv', actor: 'staff1' });
      expect(outcome).toMatchObject({ ok: true, committed: true });
      expect(await valuesOf(db, 'first-indicator-rate')).toContainEqual({
        id: 'first-indicator-rate:observation@FY2019',
        role: 'observation',
        date: 'FY2019',
        value: 31,
        text: '31.0%',
      });
      const history = await listRevisionsOf(db, 'indicatorValue', 'first-indicator-rate:observation:0');
      const last = history.at(-1);
      expect(last).toMatchObject({
        action: 'import',
        actor: 'staff1',
        planId: 'sample-first',
        published: true,
      });
      expect(last?.before).toMatchObject({ value: 29.2 });
      expect(last?.after).toMatchObject({ text: '29.2%', value: 29.2 });
      // The update itself: the new text stored, the version one higher, the stamp the import's.
      const updated = await storedValue(db, 'first-indicator-rate:observation:0');
      expect(updated).toMatchObject({ text: '29.2%', version: 2 });
      expect(updated.updated_at > updated.created_at).toBe(true);
      expect(await revisionCount(db)).toBe(revisionsBefore + 3);
      expect(await verifyChain(db)).toEqual({ ok: true, count: revisionsBefore + 3 });
      expect(await readDataGeneration(db)).toBeGreaterThan(generation);
    });

    it('changes nothing when the same file is imported again', async () => {
      await importTableFile(db, utf8(observationsCsv), { file: 'obs.csv' });
      const before = await snapshotTables(db);
      const again = await importTableFile(db, utf8(observationsCsv), { file: 'obs.csv' });
      expect(again.ok).toBe(true);
      expect(again.report.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
      expect(await snapshotTables(db)).toEqual(before);
    });
  });

  describe('an indicators CSV', () => {
    it('creates the indicator with its baseline, then finds both unchanged', async () => {
      const first = await importTableFile(db, utf8(indicatorsCsv), { file: 'ind.csv' });
      expect(first.report.rows.map((r) => [r.entity, r.action, r.id])).toEqual([
        ['indicator', 'create', 'first-indicator-count'],
        ['indicatorValue', 'create', 'first-indicator-count:baseline'],
      ]);
      expect(await valuesOf(db, 'first-indicator-count')).toEqual([
        { id: 'first-indicator-count:baseline', role: 'baseline', date: 'FY2016', value: 102, text: '102件' },
      ]);
      const second = await importTableFile(db, utf8(indicatorsCsv), { file: 'ind.csv' });
      expect(second.report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    });

    it('stores a dimensionless indicator with a blank unit and its calendar-year baseline', async () => {
      const csv = [
        'id,nodeId,name,unit,direction,baseline,baselineDate,sourceDocumentId,sourceLine,sourceQuote',
        'first-indicator-fertility,first-policy-b,合計特殊出生率,,increase,1.36,平成25年,sample-report,11,1.36',
      ].join('\n');
      const result = await importTableFile(db, utf8(csv), { file: 'ind.csv' });
      expect(result.ok).toBe(true);
      const stored = await db
        .selectFrom('indicator')
        .select(['unit'])
        .where('id', '=', 'first-indicator-fertility')
        .executeTakeFirstOrThrow();
      expect(stored.unit).toBe('');
      expect(await storedValue(db, 'first-indicator-fertility:baseline')).toMatchObject({
        date: '2013',
        value: 1.36,
        text: '1.36',
      });
    });
  });

  describe('a nodes CSV', () => {
    it('creates a child listed before its new parent, and corrects a stored title', async () => {
      const csv = [
        'planId,id,parentId,kind,title,sourceDocumentId,sourceLine',
        'sample-first,first-policy-c,first-pillar-3,policy,施策C,sample-report,21',
        'sample-first,first-pillar-3,,pillar,第三の柱,sample-report,20',
        'sample-first,first-policy-b,first-pillar-1,policy,施策B(改),,',
      ].join('\n');
      const outcome = await importTableFile(db, utf8(csv), { file: 'nodes.csv', planId: 'sample-first' });
      expect(outcome.report.rows.map((r) => [r.row, r.action, r.id, r.changedFields])).toEqual([
        [2, 'create', 'first-policy-c', []],
        [3, 'create', 'first-pillar-3', []],
        [4, 'update', 'first-policy-b', ['title']],
      ]);
      const nodes = await db
        .selectFrom('node')
        .select(['id', 'parent_id', 'position', 'title'])
        .where('id', 'in', ['first-pillar-3', 'first-policy-c', 'first-policy-b'])
        .orderBy('id')
        .execute();
      expect(nodes).toEqual([
        { id: 'first-pillar-3', parent_id: null, position: 2, title: '第三の柱' },
        { id: 'first-policy-b', parent_id: 'first-pillar-1', position: 1, title: '施策B(改)' },
        { id: 'first-policy-c', parent_id: 'first-pillar-3', position: 0, title: '施策C' },
      ]);
    });

    it('rejects an unknown parent, an unknown plan, a node of another plan and a cycle', async () => {
      const csv = [
        'planId,id,parentId,kind,title',
        'sample-first,first-policy-d,no-such-node,policy,施策D',
        'no-such-plan,first-policy-e,,pillar,柱E',
        'sample-first,later-policy,first-pillar-1,policy,引き継ぐ施策',
        'sample-first,first-pillar-1,first-policy-a,pillar,第一の柱',
      ].join('\n');
      const before = await snapshotTables(db);
      const outcome = await importTableFile(db, utf8(csv), { file: 'nodes.csv' });
      expect(outcome.report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
        [2, 'parentId', 'no-such-node'],
        [3, 'planId', 'no-such-plan'],
        [4, 'planId', 'sample-first'],
        [5, 'parentId', 'first-policy-a'],
      ]);
      expect(await snapshotTables(db)).toEqual(before);
    });
  });

  describe('a Shift_JIS CSV with Japanese headers', () => {
    it('reads 令和元年度 and the Japanese column names, and imports the value', async () => {
      const text = [
        '指標ID,年度,実績値,出典,出典の行',
        'first-indicator-rate,令和元年度,33.3%,sample-report,14',
      ].join('\r\n');
      const outcome = await importTableFile(db, iconv.encode(text, 'Shift_JIS'), { file: 'sjis.csv' });
      expect(outcome).toMatchObject({ ok: true, committed: true, report: { encoding: 'shift_jis' } });
      expect(await valuesOf(db, 'first-indicator-rate')).toContainEqual(
        expect.objectContaining({ date: 'FY2019', value: 33.3, text: '33.3%' }),
      );
    });
  });

  describe('a wide XLSX (one column per fiscal year)', () => {
    it('imports one observation per filled period cell', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('実績値');
      sheet.addRow(['指標ID', '出典', '出典の行', 'H29', 'H30', 'R1', 'R2']);
      sheet.addRow(['first-indicator-rank', 'sample-report', 15, 30, null, '27位', 22]);
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const outcome = await importTableFile(db, bytes, { file: 'wide.xlsx' });
      expect(outcome).toMatchObject({
        ok: true,
        committed: true,
        report: { layout: 'wide', encoding: 'xlsx' },
      });
      expect(outcome.report.rows.map((r) => [r.sheet, r.row, r.id])).toEqual([
        ['実績値', 2, 'first-indicator-rank:observation@FY2017'],
        ['実績値', 2, 'first-indicator-rank:observation@FY2019'],
        ['実績値', 2, 'first-indicator-rank:observation@FY2020'],
      ]);
      const values = await valuesOf(db, 'first-indicator-rank');
      expect(values.filter((v) => v.date?.startsWith('FY')).map((v) => [v.date, v.value])).toEqual([
        ['FY2017', 30],
        ['FY2019', 27],
        ['FY2020', 22],
      ]);
    });
  });

  describe('bad input', () => {
    it('reports all five bad rows by row and column and writes nothing', async () => {
      const csv = [
        'indicatorId,date,value,sourceDocumentId',
        'first-indicator-rate,FY2019,30%,sample-report',
        'first-indicator-rate,FY2020,abc,sample-report',
        'first-indicator-rate,いつか,31%,sample-report',
        'First Indicator,FY2021,32%,sample-report',
        'first-indicator-rate,FY2022,33%,',
        'first-indicator-rate,FY2023,34%,sample-report',
        'first-indicator-rate,,35%,sample-report',
      ].join('\n');
      const before = await snapshotTables(db);
      const outcome = await importTableFile(db, utf8(csv), { file: 'bad.csv' });
      expect(outcome).toMatchObject({ ok: false, committed: false });
      expect(outcome.report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
        [3, 'value', 'abc'],
        [4, 'date', 'いつか'],
        [5, 'indicatorId', 'First Indicator'],
        [6, 'sourceDocumentId', ''],
        [8, 'date', ''],
      ]);
      for (const error of outcome.report.errors) {
        expect(error.messageJa).toMatch(/[ぁ-んァ-ン一-龯]/);
        expect(error.messageEn).toMatch(/[a-z]/);
      }
      expect(outcome.report.counts.rejected).toBe(5);
      expect(await snapshotTables(db)).toEqual(before);
    });

    it('rejects rows naming what is not stored, or another plan, and writes none of the good ones', async () => {
      const csv = [
        'indicatorId,date,value,unit,sourceDocumentId',
        'first-indicator-rate,FY2019,30,%,sample-report',
        'no-such-indicator,FY2019,1,,sample-report',
        'first-indicator-rate,FY2020,31,,no-such-document',
        'first-indicator-rate,FY2021,32,円,sample-report',
        'first-indicator-rate,FY2019,30,%,sample-report',
      ].join('\n');
      const before = await snapshotTables(db);
      const outcome = await importTableFile(db, utf8(csv), { file: 'refs.csv' });
      expect(outcome.report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
        [3, 'indicatorId', 'no-such-indicator'],
        [4, 'sourceDocumentId', 'no-such-document'],
        [5, 'unit', '円'],
        [6, 'date', 'FY2019'],
      ]);
      const otherPlan = await importTableFile(db, utf8(observationsCsv), {
        file: 'obs.csv',
        planId: 'sample-later',
      });
      expect(otherPlan.report.errors.map((e) => [e.row, e.column])).toEqual([
        [2, 'indicatorId'],
        [3, 'indicatorId'],
        [4, 'indicatorId'],
      ]);
      expect(await snapshotTables(db)).toEqual(before);
    });

    it('refuses a file over the size limit with a clear message', async () => {
      const outcome = await importTableFile(db, utf8(observationsCsv), {
        file: 'obs.csv',
        limits: { maxFileBytes: 10 },
      });
      expect(outcome.ok).toBe(false);
      expect(outcome.report.errors[0]?.messageJa).toContain('ファイルが大きすぎます');
    });

    it('rolls the whole transaction back when a write fails half way, leaving every table as it was', async () => {
      // A revision row squatting on the next sequence number makes the history insert fail after the values are in.
      const head = await withEditingTables(db)
        .selectFrom('revision_head')
        .select('seq')
        .executeTakeFirstOrThrow();
      await withEditingTables(db)
        .insertInto('revision')
        .values({
          seq: Number(head.seq) + 1,
          entity: 'x',
          entity_id: 'x',
          plan_id: null,
          action: 'update',
          actor: 'test',
          at: '2020-01-01T00:00:00.000Z',
          reason: null,
          before: null,
          after: null,
          published: 0,
          prev_hash: '0',
          hash: '0',
        })
        .execute();
      const before = await snapshotTables(db);
      await expect(importTableFile(db, utf8(observationsCsv), { file: 'obs.csv' })).rejects.toThrow();
      const after = await snapshotTables(db);
      expect(countsOf(after)).toEqual(countsOf(before));
      expect(after).toEqual(before);
    });
  });
});
