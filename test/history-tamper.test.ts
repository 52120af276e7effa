/**
 * The tamper matrix of issue 12: every way an operator with database access could rewrite the history or the
 * published tables behind it is reported by `verify` (src/io/history/verify-history.ts), on both databases.
 * The untampered demo, and the demo after an edit published the normal way, pass.
 */
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revisionHash } from '../src/domain/editing/hash-chain.ts';
import { describeDiscrepancy } from '../src/domain/editing/log-replay.ts';
import type { HistoryReport } from '../src/io/history/verify-history.ts';
import { verifyHistory } from '../src/io/history/verify-history.ts';
import { importTableFile } from '../src/io/table-import/index.ts';
import type { DatabaseHandle } from '../src/store/db.ts';
import { readChainHead, revisionFromRow } from '../src/store/editing/revisions.ts';
import { type EditingDatabase, withEditingTables } from '../src/store/editing/tables.ts';
import { saveOrganizationDocument } from '../src/store/save-dataset.ts';
import type { Database } from '../src/store/schema.ts';
import { testDatabases } from './helpers/databases.ts';
import { adminNamed, publishNodeTitle } from './helpers/history-fixtures.ts';
import { largeFixture } from './helpers/large-fixture.ts';

/** Everything the report says, as `mieruka verify` would print it. */
function messages(report: HistoryReport): string {
  return [
    report.chain.ok ? '' : `seq ${report.chain.brokenAt}: ${report.chain.reason}`,
    report.keptHead && !report.keptHead.ok ? report.keptHead.reason : '',
    ...report.tables.map(describeDiscrepancy),
  ].join('\n');
}

async function firstId(
  db: Kysely<Database>,
  table: 'node' | 'achievement' | 'indicator_value',
): Promise<string> {
  const row = await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Publishes a new title for `nodeId` the normal way, as an admin. */
async function publishTitle(db: Kysely<Database>, nodeId: string, title: string): Promise<void> {
  await publishNodeTitle(db, await adminNamed(db, 'tamper-admin'), nodeId, title);
}

async function recomputeChain(db: Kysely<EditingDatabase>, fromSeq: number): Promise<void> {
  const rows = await db
    .selectFrom('revision')
    .selectAll()
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .execute();
  let previous = (
    await db
      .selectFrom('revision')
      .select('hash')
      .where('seq', '=', fromSeq - 1)
      .executeTakeFirstOrThrow()
  ).hash;
  let last = { seq: 0, hash: previous };
  for (const row of rows) {
    const { hash: _old, unreadable: _u, ...fields } = revisionFromRow(row);
    const hash = revisionHash({ ...fields, prevHash: previous });
    await db.updateTable('revision').set({ prev_hash: previous, hash }).where('seq', '=', row.seq).execute();
    previous = hash;
    last = { seq: fields.seq, hash };
  }
  await db.updateTable('revision_head').set(last).where('id', '=', 1).execute();
}

async function moveHeadBack(db: Kysely<EditingDatabase>, seq: number): Promise<void> {
  const row = await db.selectFrom('revision').select('hash').where('seq', '=', seq).executeTakeFirst();
  await db
    .updateTable('revision_head')
    .set({ seq, hash: row?.hash ?? '0'.repeat(64) })
    .where('id', '=', 1)
    .execute();
}

describe.each(testDatabases)('tampering with the history on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<EditingDatabase>;

  beforeEach(async (context) => {
    const tableImport = context.task.suite?.name === 'after table imports';
    handle = await (tableImport ? database.open() : database.openDemo());
    db = withEditingTables(handle.db);
  });
  afterEach(() => handle.close());

  it('passes on the untampered demo, and after an edit published the normal way', async () => {
    const before = await verifyHistory(handle.db);
    expect(messages(before)).toBe('\n');
    expect(before.ok).toBe(true);
    await publishTitle(handle.db, await firstId(handle.db, 'node'), '公開手続きで変えた題名');
    const after = await verifyHistory(handle.db, { keptHead: before.head });
    expect(after).toMatchObject({ ok: true, keptHead: { ok: true } });
    expect(after.head.seq).toBeGreaterThan(before.head.seq);
  });

  describe('the revision log', () => {
    it('reports a revision edited in place, naming its seq', async () => {
      await db.updateTable('revision').set({ reason: '書き換え' }).where('seq', '=', 5).execute();
      const report = await verifyHistory(handle.db);
      expect(report).toMatchObject({ ok: false, chain: { ok: false, brokenAt: 5 } });
      expect(messages(report)).toContain('contents do not match the hash');
    });

    it('reports a revision deleted from the middle', async () => {
      await db.deleteFrom('revision').where('seq', '=', 10).execute();
      const report = await verifyHistory(handle.db);
      expect(report).toMatchObject({ ok: false, chain: { ok: false, brokenAt: 11 } });
      expect(messages(report)).toContain('seq 10 missing before 11');
    });

    it('reports the newest revisions deleted with the head moved back, by the tables and by a kept head', async () => {
      const nodeId = await firstId(handle.db, 'node');
      const beforeEdit = await readChainHead(handle.db);
      await publishTitle(handle.db, nodeId, '消される前の題名');
      const kept = await readChainHead(handle.db);
      await db.deleteFrom('revision').where('seq', '>', beforeEdit.seq).execute();
      await moveHeadBack(db, beforeEdit.seq);
      const report = await verifyHistory(handle.db, { keptHead: kept });
      expect(report.chain.ok).toBe(true);
      expect(report.ok).toBe(false);
      expect(messages(report)).toContain(`node ${nodeId}: 公開中の内容が変更履歴`);
      expect(messages(report)).toContain(`revision ${kept.seq} of the kept head is gone`);
    });

    it('reports the log emptied with its head reset: every record is unknown to the log', async () => {
      const kept = await readChainHead(handle.db);
      await db.deleteFrom('revision').execute();
      await moveHeadBack(db, 0);
      const report = await verifyHistory(handle.db, { keptHead: kept });
      expect(report.chain).toEqual({ ok: true, count: 0 });
      expect(report.tables.length).toBeGreaterThan(100);
      expect(report.tables.every((d) => d.kind === 'added')).toBe(true);
      expect(messages(report)).toContain('the log was truncated or emptied');
    });

    it('catches a chain recomputed after an edit only against a head kept before, when the tables were edited to match', async () => {
      const kept = await readChainHead(handle.db);
      const nodeId = await firstId(handle.db, 'node');
      const row = await db
        .selectFrom('revision')
        .selectAll()
        .where('entity', '=', 'node')
        .where('entity_id', '=', nodeId)
        .executeTakeFirstOrThrow();
      const after = { ...JSON.parse(row.after ?? '{}'), title: '書き換えた題名' };
      await db
        .updateTable('revision')
        .set({ after: JSON.stringify(after) })
        .where('seq', '=', row.seq)
        .execute();
      await db.updateTable('node').set({ title: '書き換えた題名' }).where('id', '=', nodeId).execute();
      await recomputeChain(db, Number(row.seq));
      // The rewrite is self-consistent: only someone who kept the earlier head can tell.
      expect((await verifyHistory(handle.db)).ok).toBe(true);
      const report = await verifyHistory(handle.db, { keptHead: kept });
      expect(report).toMatchObject({ ok: false, keptHead: { ok: false } });
      expect(messages(report)).toContain(`revision ${kept.seq} no longer has the kept hash`);
    });

    it('names the seq of a revision whose JSON no longer parses, without the parser’s raw message', async () => {
      const row = await db
        .selectFrom('revision')
        .select(['seq', 'after'])
        .where('seq', '=', 7)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('revision')
        .set({ after: `${row.after}x` })
        .where('seq', '=', 7)
        .execute();
      const report = await verifyHistory(handle.db);
      expect(report).toMatchObject({ ok: false, chain: { ok: false, brokenAt: 7 } });
      expect(messages(report)).toContain(
        '変更履歴 seq 7 の JSON が読めません (revision 7 cannot be read: its stored after is not valid JSON)',
      );
      expect(messages(report)).not.toContain('Unexpected');
    });
  });

  describe('the published tables', () => {
    it('names a value edited directly', async () => {
      const id = await firstId(handle.db, 'indicator_value');
      await db.updateTable('indicator_value').set({ value: 123456789 }).where('id', '=', id).execute();
      const report = await verifyHistory(handle.db);
      expect(report.chain.ok).toBe(true);
      expect(report.tables).toEqual([
        expect.objectContaining({ kind: 'edited', entity: 'indicatorValue', id, fields: ['value'] }),
      ]);
    });

    it('names an achievement edited directly', async () => {
      const id = await firstId(handle.db, 'achievement');
      await db.updateTable('achievement').set({ title: '書き換えた実績' }).where('id', '=', id).execute();
      const report = await verifyHistory(handle.db);
      expect(report.tables).toEqual([
        expect.objectContaining({ kind: 'edited', entity: 'achievement', id, fields: ['title'] }),
      ]);
    });

    it('names a node title edited directly', async () => {
      const id = await firstId(handle.db, 'node');
      await db.updateTable('node').set({ title: '書き換えた題名' }).where('id', '=', id).execute();
      const report = await verifyHistory(handle.db);
      expect(report.tables).toEqual([
        expect.objectContaining({ kind: 'edited', entity: 'node', id, fields: ['title'] }),
      ]);
      expect(messages(report)).toContain(`node ${id}: 公開中の内容が変更履歴`);
    });

    it('names a value deleted directly', async () => {
      const id = await firstId(handle.db, 'indicator_value');
      await db.deleteFrom('indicator_value').where('id', '=', id).execute();
      const report = await verifyHistory(handle.db);
      expect(report.tables).toEqual([
        expect.objectContaining({ kind: 'deleted', entity: 'indicatorValue', id }),
      ]);
      expect(messages(report)).toContain("deleted behind the log's back");
    });

    it('names a row added directly', async () => {
      const id = await firstId(handle.db, 'achievement');
      const row = await db
        .selectFrom('achievement')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('achievement')
        .values({ ...row, id: 'added-behind-the-back', title: '記録のない実績' })
        .execute();
      const report = await verifyHistory(handle.db);
      expect(report.tables).toEqual([
        expect.objectContaining({ kind: 'added', entity: 'achievement', id: 'added-behind-the-back' }),
      ]);
      expect(messages(report)).toContain("added behind the log's back");
    });
  });

  describe('after table imports', () => {
    async function importCsv(csv: string) {
      const outcome = await importTableFile(handle.db, new TextEncoder().encode(csv), { file: 'obs.csv' });
      if (!outcome.committed) throw new Error(JSON.stringify(outcome.report.errors));
    }

    it.each([
      ['a revision per record', 600],
      ['one columnar revision per plan', 3_000],
    ])('replays %s, then names a value edited behind it', async (_, rows) => {
      const fixture = largeFixture(rows, 30);
      await saveOrganizationDocument(handle.db, fixture.dataset);
      await importCsv(fixture.csv);
      // A re-import that updates every fourth indicator's values.
      await importCsv(fixture.csv.replace(/,"(\d+)件",/g, (_, n: string) => `,"${Number(n) * 2}件",`));
      expect(messages(await verifyHistory(handle.db))).toBe('\n');
      const id = 'bench.i.4:observation@2000-01';
      await db.updateTable('indicator_value').set({ value: -1 }).where('id', '=', id).execute();
      expect((await verifyHistory(handle.db)).tables).toEqual([
        expect.objectContaining({ kind: 'edited', entity: 'indicatorValue', id, fields: ['value'] }),
      ]);
    });
  });
});
