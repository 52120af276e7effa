/**
 * The JSON interchange file merged by id into a database that already holds the demo: a dry run lists what would
 * be created, updated or left alone and writes nothing; the commit writes it all with 'import' revisions, and the
 * replayed history still matches the tables. On SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import type { OrganizationDocument } from '../../domain/model.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { createReadStore } from '../../store/queries.ts';
import { verifyHistory } from '../history/verify-history.ts';
import { exportOrganizationDocument } from './export-document.ts';
import { importOrganizationDocument } from './import-document.ts';

describe.each(testDatabases)('merging a JSON document into a non-empty database on $name', (database) => {
  let handle: DatabaseHandle;
  let doc: OrganizationDocument;

  const revisionCount = async () =>
    Number(
      (
        await withEditingTables(handle.db)
          .selectFrom('revision')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeEach(async () => {
    handle = await database.openDemo();
    doc = await exportOrganizationDocument(createReadStore(handle.db), 'komoro');
  });
  afterEach(() => handle.close());

  /** The demo with one value corrected, one node and one document added. */
  function edited(): OrganizationDocument {
    const copy = structuredClone(doc);
    const plan = copy.plans[0]!;
    const pillar = plan.nodes[0]!;
    const indicator = [pillar, ...pillar.children]
      .flatMap((n) => n.indicators)
      .find((i) => i.observations.length > 0);
    if (!indicator) throw new Error('the demo needs an observed indicator under its first pillar');
    indicator.observations[0]!.value += 1;
    copy.documents.push({
      id: 'komoro-r7-report',
      title: '令和7年度 事業報告',
      publishedAt: '2025-06',
      kind: 'official',
    });
    pillar.children.push({
      id: `${pillar.id}.merged`,
      kind: 'policy',
      title: '統合で加えた施策',
      status: null,
      statusDate: null,
      continues: [],
      achievements: [],
      indicators: [],
      evaluations: [],
      programSheets: [],
      children: [],
      source: { documentId: 'komoro-r7-report', line: 1 },
    });
    return copy;
  }

  it('lists on a dry run what it would create, update or leave alone, and writes nothing', async () => {
    const before = await revisionCount();
    const outcome = await importOrganizationDocument(handle.db, edited(), { dryRun: true });
    if (!outcome.ok || !outcome.merge) throw new Error('expected a merge report');
    expect(outcome.saved).toBe(false);
    expect(outcome.merge.changes.map(({ entity, action }) => `${action} ${entity}`).sort()).toEqual([
      'create document',
      'create node',
      'update indicatorValue',
    ]);
    expect(outcome.merge.changes.find((c) => c.action === 'update')?.changedFields).toEqual(['value']);
    expect(outcome.merge.counts.unchanged).toBeGreaterThan(200);
    expect(outcome.merge.notInFile).toBe(0);
    expect(await revisionCount()).toBe(before);
    expect(await createReadStore(handle.db).getDocument('komoro-r7-report')).toBeUndefined();
  });

  it('commits all of it with import revisions, and the history still replays to the tables', async () => {
    const before = await revisionCount();
    const changed = edited();
    const outcome = await importOrganizationDocument(handle.db, changed, { actor: 'admin' });
    expect(outcome).toMatchObject({ ok: true, saved: true, merge: { counts: { create: 2, update: 1 } } });
    expect(await revisionCount()).toBe(before + 3);
    const store = createReadStore(handle.db);
    const node = await store.getNode(`${changed.plans[0]!.nodes[0]!.id}.merged`);
    expect(node?.node).toMatchObject({
      title: '統合で加えた施策',
      source: { documentId: 'komoro-r7-report' },
    });
    expect(await store.getDocument('komoro-r7-report')).toMatchObject({ kind: 'official' });
    const report = await verifyHistory(handle.db);
    expect(report.tables).toEqual([]);
    expect(report.ok).toBe(true);
    const again = await importOrganizationDocument(handle.db, changed, { dryRun: true });
    expect(again).toMatchObject({ ok: true, merge: { counts: { create: 0, update: 0 } } });
  });

  it('adds another organization with its plans whole beside the demo', async () => {
    const outcome = await importOrganizationDocument(handle.db, sampleDataset());
    expect(outcome).toMatchObject({ ok: true, saved: true, merge: { counts: { update: 0 } } });
    const store = createReadStore(handle.db);
    expect((await store.listOrganizations()).map((o) => o.id).sort()).toEqual(['komoro', 'sample-town']);
    expect((await store.getPlan('sample-first'))?.statements).toHaveLength(2);
    expect((await verifyHistory(handle.db)).ok).toBe(true);
  });
});
