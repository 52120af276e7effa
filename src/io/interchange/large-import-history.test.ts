/**
 * A large organization's JSON import enters the history as one revision per plan (recordImport's batched form),
 * and `mieruka verify` still replays every record of it against the tables: a value edited behind the log's back
 * is named. Two organizations of the national benchmark's shape (300 indicators, ten years of values each): the
 * first saved whole into an empty database, the second merged. On SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nationalDocument } from '../../../bench/national-dataset.ts';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { organizationDocumentSchema } from '../../domain/model.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { perRecordRevisionLimit } from '../../store/editing/import-revisions.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { verifyHistory } from '../history/verify-history.ts';
import { importOrganizationDocument } from './import-document.ts';

const organization = (code: string, name: string) =>
  organizationDocumentSchema.parse(nationalDocument({ code, prefecture: '長野県', name, kana: '' }));

describe.each(testDatabases)('a large JSON import on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
  });
  afterEach(() => handle.close());

  const revisions = () =>
    withEditingTables(handle.db)
      .selectFrom('revision')
      .select(['entity', 'entity_id', 'action'])
      .where('action', '=', 'import')
      .orderBy('seq')
      .execute();

  it('writes one revision per plan, which verify replays record by record', async () => {
    const komoro = organization('202088', '小諸市');
    const saved = await importOrganizationDocument(handle.db, komoro, { file: 'komoro.json' });
    expect(saved.ok && saved.saved && saved.counts.indicators).toBe(300);
    const merged = await importOrganizationDocument(handle.db, organization('202011', '長野市'));
    expect(merged.ok && merged.merge?.counts.create).toBeGreaterThan(perRecordRevisionLimit);
    expect(await revisions()).toEqual([
      { entity: 'plan', entity_id: 'jp-202088.sogo-2016', action: 'import' },
      { entity: 'plan', entity_id: 'jp-202088.manifesto-2023', action: 'import' },
      // The merge's organization and document, then its two new plans.
      { entity: 'organization', entity_id: 'jp-202011', action: 'import' },
      { entity: 'document', entity_id: 'jp-202011.synthetic', action: 'import' },
      { entity: 'plan', entity_id: 'jp-202011.sogo-2016', action: 'import' },
      { entity: 'plan', entity_id: 'jp-202011.manifesto-2023', action: 'import' },
    ]);
    const report = await verifyHistory(handle.db);
    expect(report.tables).toEqual([]);
    expect(report.ok).toBe(true);
    const values = await handle.db.selectFrom('indicator_value').select('id').execute();
    expect(values).toHaveLength(2 * 300 * 12);
  });

  it('still names a value, a node and an indicator changed behind the log', async () => {
    await importOrganizationDocument(handle.db, organization('202088', '小諸市'));
    const indicator = 'jp-202088.sogo-2016.p3.2.i5';
    const value = await handle.db
      .selectFrom('indicator_value')
      .select(['id', 'value'])
      .where('indicator_id', '=', indicator)
      .where('role', '=', 'observation')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable('indicator_value')
      .set({ value: Number(value.value) + 1 })
      .where('id', '=', value.id)
      .execute();
    await handle.db
      .updateTable('node')
      .set({ title: '書き換え' })
      .where('id', '=', 'jp-202088.manifesto-2023.p2')
      .execute();
    await handle.db
      .deleteFrom('indicator_value')
      .where('indicator_id', '=', 'jp-202088.sogo-2016.p1.1.i1')
      .execute();
    await handle.db.updateTable('indicator').set({ unit: '件' }).where('id', '=', indicator).execute();
    const report = await verifyHistory(handle.db);
    expect(report.ok).toBe(false);
    expect(report.chain.ok).toBe(true);
    const found = report.tables.map((d) => `${d.kind} ${d.entity} ${d.id}`);
    expect(found).toContain(`edited indicatorValue ${value.id}`);
    expect(found).toContain('edited node jp-202088.manifesto-2023.p2');
    expect(found).toContain(`edited indicator ${indicator}`);
    expect(
      found.filter((f) => f.startsWith('deleted indicatorValue jp-202088.sogo-2016.p1.1.i1:')),
    ).toHaveLength(12);
  });
});
