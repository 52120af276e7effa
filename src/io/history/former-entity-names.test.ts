/**
 * A database written before indicator values got their glossary name: its revision log says `observation` (the
 * chain cannot be rewritten), and a pending draft did too. verify, the history and the drafts still read it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { adminNamed } from '../../../test/helpers/history-fixtures.ts';
import { columnarRecords } from '../../domain/editing/columnar-records.ts';
import { genesisHash } from '../../domain/editing/hash-chain.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import type { RevisionInput } from '../../store/editing/contract.ts';
import { createEditingStore } from '../../store/editing/index.ts';
import { appendRevisions, listRevisionsOf, revisionFromRow } from '../../store/editing/revisions.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { down, up } from '../../store/migrations/2026-12-03-02-indicator-value-entity.ts';
import { verifyHistory } from './verify-history.ts';

const valueId = 'mirai-2016.i.furusato-nozei:baseline';

/** Writes the log again as the code before the rename did: the same revisions, `observation` for indicatorValue. */
async function rewriteWithFormerNames(handle: DatabaseHandle): Promise<void> {
  const db = withEditingTables(handle.db);
  const rows = await db.selectFrom('revision').selectAll().orderBy('seq').execute();
  await db.deleteFrom('revision').execute();
  await db.updateTable('revision_head').set({ seq: 0, hash: genesisHash }).where('id', '=', 1).execute();
  const inputs: RevisionInput[] = rows
    .map(revisionFromRow)
    .map(({ seq: _s, hash: _h, prevHash: _p, ...r }) => ({
      ...r,
      entity: r.entity === 'indicatorValue' ? 'observation' : r.entity,
    }));
  await appendRevisions(handle.db, inputs);
}

describe.each(testDatabases)('a log written before the indicatorValue name, on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.openDemo();
    await rewriteWithFormerNames(handle);
  });
  afterEach(() => handle.close());

  it('keeps `observation` in the stored rows, and verify still passes', async () => {
    const entities = await withEditingTables(handle.db)
      .selectFrom('revision')
      .select('entity')
      .distinct()
      .execute();
    expect(entities.map((e) => e.entity)).toContain('observation');
    expect(entities.map((e) => e.entity)).not.toContain('indicatorValue');
    const report = await verifyHistory(handle.db);
    expect(report.tables).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('lists a value’s old revisions under its current name, followed by a new one', async () => {
    const editing = createEditingStore(handle.db);
    const admin = await adminNamed(handle.db, 'former-names');
    const record = await editing.getRecord('indicatorValue', valueId);
    const saved = await editing.saveChange(admin, {
      entity: 'indicatorValue',
      action: 'update',
      id: valueId,
      data: { ...(record?.data as object), value: 6_800_000 },
      version: record?.version ?? null,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const published = await editing.publish(admin, [saved.value.id]);
    expect(published.ok).toBe(true);
    const history = await listRevisionsOf(handle.db, 'indicatorValue', valueId, true);
    expect(history.map((r) => [r.entity, r.action])).toEqual([
      ['indicatorValue', 'import'],
      ['indicatorValue', 'publish'],
    ]);
    expect(history[1]?.after).toMatchObject({ value: 6_800_000 });
    const stored = await withEditingTables(handle.db)
      .selectFrom('revision')
      .select('entity')
      .where('entity_id', '=', valueId)
      .orderBy('seq')
      .execute();
    // The import before the rename; the draft's save and its publish after it.
    expect(stored.map((r) => r.entity)).toEqual(['observation', 'indicatorValue', 'indicatorValue']);
    expect((await verifyHistory(handle.db)).ok).toBe(true);
  });

  it('replays a batched import that kept the values under `observation`', async () => {
    const editing = createEditingStore(handle.db);
    const value = await editing.getRecord('indicatorValue', valueId);
    const changed = { ...(value?.data as object), value: 7_000_000 };
    await withEditingTables(handle.db)
      .updateTable('indicator_value')
      .set({ value: 7_000_000 })
      .where('id', '=', valueId)
      .execute();
    // The table check names the edited row until the log holds it under either name.
    expect((await verifyHistory(handle.db)).tables).toMatchObject([
      { kind: 'edited', entity: 'indicatorValue' },
    ]);
    const counts = { created: 0, updated: 1, unchanged: 0, rejected: 0 };
    await appendRevisions(handle.db, [
      {
        entity: 'plan',
        entityId: 'mirai-2016',
        planId: 'mirai-2016',
        action: 'import',
        actor: 'system',
        reason: null,
        before: null,
        after: { counts, created: {}, file: 'old.csv', updated: { observation: columnarRecords([changed]) } },
        published: true,
      },
    ]);
    expect((await verifyHistory(handle.db)).ok).toBe(true);
  });

  it('renames a pending draft by migration, and back down', async () => {
    const editing = createEditingStore(handle.db);
    const admin = await adminNamed(handle.db, 'former-drafts');
    const record = await editing.getRecord('indicatorValue', valueId);
    const saved = await editing.saveChange(admin, {
      entity: 'indicatorValue',
      action: 'update',
      id: valueId,
      data: { ...(record?.data as object), value: 1 },
      version: record?.version ?? null,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const draftEntity = async () =>
      (
        await withEditingTables(handle.db)
          .selectFrom('draft_change')
          .select('entity')
          .where('id', '=', saved.value.id)
          .executeTakeFirstOrThrow()
      ).entity;
    await down(handle.db);
    expect(await draftEntity()).toBe('observation');
    await up(handle.db);
    expect(await draftEntity()).toBe('indicatorValue');
    expect(await editing.getRecord('indicatorValue', valueId)).toMatchObject({ data: { value: 1 } });
  });
});
