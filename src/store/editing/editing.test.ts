import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import type { EditingRecords } from '../../domain/editing/records.ts';
import { createAccountStore } from '../accounts/index.ts';
import type { DatabaseHandle } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { createReadStore } from '../queries.ts';
import type { ReadStore } from '../read-store.ts';
import { saveOrganizationDocument } from '../save-dataset.ts';
import { readDataGeneration } from '../search/data-generation.ts';
import type { EditingStore, User } from './contract.ts';
import { createEditingStore } from './index.ts';
import { withEditingTables } from './tables.ts';

const planId = 'sample-first';

describe.each(testDatabases)('EditingStore on $name', (database) => {
  let handle: DatabaseHandle;
  let editing: EditingStore;
  let store: ReadStore;
  let admin: User;
  let editor: User;
  let viewer: User;

  async function add(login: string, role: User['role'], nodeIds: string[] | null = null): Promise<User> {
    const added = await createAccountStore(handle.db).addUser({
      login,
      password: 'sample-password-1',
      role,
      nodeIds,
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    return added.value;
  }

  async function record<E extends keyof EditingRecords>(entity: E, id: string) {
    const found = await editing.getRecord(entity, id);
    if (!found?.data) throw new Error(`no ${entity} ${id}`);
    return { data: found.data as EditingRecords[E], version: found.version };
  }

  async function publicNode(id: string) {
    return (await store.getNode(id))?.node;
  }

  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
    await saveOrganizationDocument(handle.db, sampleDataset());
    editing = createEditingStore(handle.db);
    store = createReadStore(handle.db);
    admin = await add('admin', 'admin');
    editor = await add('editor', 'editor');
    viewer = await add('viewer', 'viewer');
  });
  afterEach(async () => {
    await handle?.close();
  });

  describe('reading', () => {
    it('shows the published plan unchanged when there are no drafts', async () => {
      const view = await editing.getPlanWithDrafts(planId);
      expect(view?.plan).toStrictEqual(await store.getPlan(planId));
      expect(view?.drafts).toEqual({});
    });

    it('starts each record’s public history with its import', async () => {
      const history = await editing.listPublicHistory('node', 'first-policy-a');
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ action: 'import', actor: 'system', published: true, before: null });
      expect(history[0]?.after).toMatchObject({ title: '施策A', parentId: 'first-pillar-1', planId });
      expect(await editing.verifyChain()).toMatchObject({ ok: true });
    });
  });

  describe('update, then publish', () => {
    it('keeps a draft out of the public store until published, then shows it at version 2', async () => {
      const { data, version } = await record('node', 'first-policy-a');
      expect(version).toBe(1);
      const saved = await editing.saveChange(editor, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data: { ...data, title: '施策A (改)' },
        version,
        reason: '誤字',
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      expect(saved.value).toMatchObject({ action: 'update', baseVersion: 1, version: 2, planId });

      expect((await publicNode('first-policy-a'))?.title).toBe('施策A');
      const staff = await editing.getPlanWithDrafts(planId);
      expect(staff?.plan.nodes[0]?.children[0]?.title).toBe('施策A (改)');
      expect(staff?.drafts['first-policy-a']).toEqual({
        id: saved.value.id,
        action: 'update',
        version: 2,
        entity: 'node',
      });

      const published = await editing.publish(admin, [saved.value.id], '承認');
      expect(published).toEqual({
        ok: true,
        value: { published: [{ entity: 'node', id: 'first-policy-a', action: 'update', version: 2 }] },
      });
      expect((await publicNode('first-policy-a'))?.title).toBe('施策A (改)');
      expect(await editing.getRecord('node', 'first-policy-a')).toMatchObject({ version: 2, draft: null });
      expect(await editing.listDrafts()).toEqual([]);
    });

    it('bumps the data generation on publish only, so cached public pages go stale', async () => {
      const { data, version } = await record('node', 'first-policy-b');
      const before = await readDataGeneration(handle.db);
      const saved = await editing.saveChange(editor, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data: { ...data, title: '新' },
        version,
      });
      if (!saved.ok) throw new Error('not saved');
      expect(await readDataGeneration(handle.db)).toBe(before);
      await editing.publish(admin, [saved.value.id]);
      expect(await readDataGeneration(handle.db)).toBeGreaterThan(before);
    });

    it('appends a revision for each step and keeps the chain valid', async () => {
      const { data, version } = await record('achievement', 'first-achievement-2');
      const saved = await editing.saveChange(editor, {
        entity: 'achievement',
        action: 'update',
        id: data.id,
        data: { ...data, note: '追記' },
        version,
      });
      if (!saved.ok) throw new Error('not saved');
      await editing.publish(admin, [saved.value.id]);
      const all = await editing.listRevisions('achievement', 'first-achievement-2');
      expect(all.map((r) => [r.action, r.actor, r.published])).toEqual([
        ['import', 'system', true],
        ['update', 'editor', false],
        ['publish', 'admin', true],
      ]);
      expect(all[2]?.before).toMatchObject({ title: '実績その2' });
      expect(all[2]?.after).toMatchObject({ note: '追記' });
      const history = await editing.listPublicHistory('achievement', 'first-achievement-2');
      expect(history.map((r) => r.action)).toEqual(['import', 'publish']);
      const verdict = await editing.verifyChain();
      expect(verdict).toMatchObject({ ok: true });
      expect(verdict.ok && verdict.count).toBe(all[2]?.seq);
    });

    it('updates the existing draft on a second save that quotes the draft’s version', async () => {
      const { data, version } = await record('node', 'first-policy-b');
      const first = await editing.saveChange(editor, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data: { ...data, title: '一' },
        version,
      });
      if (!first.ok) throw new Error('not saved');
      const second = await editing.saveChange(admin, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data: { ...data, title: '二' },
        version: first.value.version,
      });
      expect(second).toMatchObject({
        ok: true,
        value: { id: first.value.id, version: 3, data: { title: '二' } },
      });
      expect(await editing.listDrafts(planId)).toHaveLength(1);
    });
  });

  describe('conflicts', () => {
    it('answers a stale version with both versions and overwrites nothing', async () => {
      const { data, version } = await record('node', 'first-policy-b');
      const first = await editing.saveChange(editor, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data: { ...data, title: '先' },
        version,
      });
      expect(first.ok).toBe(true);
      const late = await editing.saveChange(admin, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data: { ...data, title: '後' },
        version,
      });
      expect(late).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          current: { entity: 'node', id: data.id, version: 2, data: { title: '先' } },
          submitted: { entity: 'node', id: data.id, version: 1, data: { title: '後' } },
        },
      });
      expect((await editing.getRecord('node', data.id))?.data).toMatchObject({ title: '先' });
    });

    it('answers a stale published version without a draft', async () => {
      const { data } = await record('node', 'first-policy-b');
      const result = await editing.saveChange(editor, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data,
        version: 7,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'conflict', current: { version: 1 }, submitted: { version: 7 } },
      });
    });

    it('refuses to publish over a row that changed after the draft was made', async () => {
      const { data, version } = await record('node', 'first-policy-b');
      const saved = await editing.saveChange(editor, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data: { ...data, title: '下書き' },
        version,
      });
      if (!saved.ok) throw new Error('not saved');
      await handle.db
        .updateTable('node')
        .set({ title: '別の取り込み', version: 2 })
        .where('id', '=', data.id)
        .execute();
      const result = await editing.publish(admin, [saved.value.id]);
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          current: { version: 2, data: { title: '別の取り込み' } },
          submitted: { version: 1 },
        },
      });
      expect((await publicNode(data.id))?.title).toBe('別の取り込み');
      expect(await editing.listDrafts()).toHaveLength(1);
    });
  });

  describe('create and delete', () => {
    it('creates an achievement that appears publicly only after publishing', async () => {
      const achievement = {
        id: 'first-achievement-3',
        nodeId: 'first-policy-a',
        position: 2,
        title: '新しい実績',
        source: { documentId: 'sample-report', line: 13 },
      };
      const saved = await editing.saveChange(editor, {
        entity: 'achievement',
        action: 'create',
        id: achievement.id,
        data: achievement,
        version: null,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      expect(saved.value).toMatchObject({ action: 'create', baseVersion: null, planId });
      const titles = async () => (await publicNode('first-policy-a'))?.achievements.map((a) => a.title);
      expect(await titles()).toEqual(['実績その1', '実績その2']);
      const staff = await editing.getPlanWithDrafts(planId);
      expect(staff?.plan.nodes[0]?.children[0]?.achievements.map((a) => a.title)).toEqual([
        '実績その1',
        '実績その2',
        '新しい実績',
      ]);
      await editing.publish(admin, [saved.value.id]);
      expect(await titles()).toEqual(['実績その1', '実績その2', '新しい実績']);
      expect((await publicNode('first-policy-a'))?.achievements[2]?.source).toEqual({
        documentId: 'sample-report',
        line: 13,
      });
    });

    it('deletes through a draft: still public until published, then gone', async () => {
      const { version } = await record('achievement', 'first-achievement-1');
      const saved = await editing.saveChange(editor, {
        entity: 'achievement',
        action: 'delete',
        id: 'first-achievement-1',
        version,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      expect((await publicNode('first-policy-a'))?.achievements).toHaveLength(2);
      const staff = await editing.getPlanWithDrafts(planId);
      expect(staff?.drafts['first-achievement-1']?.action).toBe('delete');
      await editing.publish(admin, [saved.value.id]);
      expect((await publicNode('first-policy-a'))?.achievements.map((a) => a.id)).toEqual([
        'first-achievement-2',
      ]);
      expect(await editing.getRecord('achievement', 'first-achievement-1')).toBeUndefined();
      const history = await editing.listPublicHistory('achievement', 'first-achievement-1');
      expect(history.map((r) => [r.action, r.after === null])).toEqual([
        ['import', false],
        ['publish', true],
      ]);
    });

    it('refuses to delete a node that still has children', async () => {
      const result = await editing.saveChange(admin, {
        entity: 'node',
        action: 'delete',
        id: 'first-pillar-1',
        version: 1,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ field: '' }] } });
    });

    it('refuses an id already in use and an unknown record', async () => {
      const { data } = await record('node', 'first-policy-b');
      expect(
        await editing.saveChange(admin, {
          entity: 'node',
          action: 'create',
          id: data.id,
          data,
          version: null,
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid', issues: [{ field: 'id' }] },
      });
      expect(
        await editing.saveChange(admin, {
          entity: 'node',
          action: 'update',
          id: 'nope',
          data: { ...data, id: 'nope' },
          version: 1,
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });

    it('moves a node under another pillar', async () => {
      const { data, version } = await record('node', 'first-policy-b');
      const saved = await editing.saveChange(editor, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data: { ...data, parentId: 'first-pillar-2', position: 0 },
        version,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      await editing.publish(admin, [saved.value.id]);
      expect((await store.getNode('first-policy-b'))?.ancestors.map((a) => a.id)).toEqual(['first-pillar-2']);
    });

    it('publishes a new pillar and its first policy together, whatever the order of the ids', async () => {
      const pillar = {
        id: 'first-pillar-3',
        planId,
        parentId: null,
        position: 2,
        kind: 'pillar',
        title: '第三の柱',
        status: null,
        statusDate: null,
      };
      const policy = {
        ...pillar,
        id: 'first-policy-c',
        parentId: 'first-pillar-3',
        position: 0,
        kind: 'policy',
        title: '施策C',
      };
      const a = await editing.saveChange(editor, {
        entity: 'node',
        action: 'create',
        id: pillar.id,
        data: pillar,
        version: null,
      });
      const b = await editing.saveChange(editor, {
        entity: 'node',
        action: 'create',
        id: policy.id,
        data: policy,
        version: null,
      });
      if (!a.ok || !b.ok) throw new Error('not saved');
      expect((await editing.publish(admin, [b.value.id, a.value.id])).ok).toBe(true);
      expect((await store.getNode('first-policy-c'))?.ancestors.map((n) => n.id)).toEqual(['first-pillar-3']);
    });
  });

  describe('validation and permissions', () => {
    it('names the invalid fields in Japanese and English', async () => {
      const { data, version } = await record('indicator', 'first-indicator-rate');
      const result = await editing.saveChange(editor, {
        entity: 'indicator',
        action: 'update',
        id: data.id,
        data: { ...data, name: '', direction: 'sideways' },
        version,
      });
      expect(result.ok).toBe(false);
      if (!result.ok && result.error.code === 'invalid')
        expect(result.error.issues.map((i) => i.field).sort()).toEqual(['direction', 'name']);
    });

    it('refuses a source in a document that does not exist', async () => {
      const { data, version } = await record('indicatorValue', 'first-rate-2019');
      const result = await editing.saveChange(editor, {
        entity: 'indicatorValue',
        action: 'update',
        id: data.id,
        data: { ...data, source: { documentId: 'no-such-document' } },
        version,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid', issues: [{ field: 'source.documentId' }] },
      });
    });

    it('lets a department editor edit inside their nodes only, and a viewer nothing', async () => {
      const scoped = await add('scoped', 'editor', ['first-pillar-2']);
      const inside = await record('node', 'first-pillar-2');
      const outside = await record('achievement', 'first-achievement-2');
      const change = (actor: User, r: typeof inside | typeof outside, entity: 'node' | 'achievement') =>
        editing.saveChange(actor, {
          entity,
          action: 'update',
          id: r.data.id,
          data: { ...r.data, title: '変更' },
          version: r.version,
        });
      expect(await change(scoped, outside, 'achievement')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await change(viewer, inside, 'node')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const saved = await change(scoped, inside, 'node');
      expect(saved.ok).toBe(true);
      if (saved.ok)
        expect(await editing.publish(viewer, [saved.value.id])).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
    });

    it('refuses a disabled account even with a stale actor object', async () => {
      await createAccountStore(handle.db).updateUser(admin, editor.id, { disabled: true });
      const { data, version } = await record('node', 'first-policy-b');
      expect(
        await editing.saveChange(editor, { entity: 'node', action: 'update', id: data.id, data, version }),
      ).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    it('corrects a source line in place', async () => {
      const sourceId = (
        await handle.db
          .selectFrom('achievement')
          .select('source_id')
          .where('id', '=', 'first-achievement-2')
          .executeTakeFirstOrThrow()
      ).source_id;
      const { data, version } = await record('source', sourceId);
      const saved = await editing.saveChange(editor, {
        entity: 'source',
        action: 'update',
        id: sourceId,
        data: { ...data, line: 70 },
        version,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      await editing.publish(admin, [saved.value.id]);
      expect((await publicNode('first-policy-a'))?.achievements[1]?.source).toMatchObject({ line: 70 });
    });
  });

  describe('verifyChain', () => {
    async function someHistory() {
      const { data, version } = await record('node', 'first-policy-b');
      const saved = await editing.saveChange(editor, {
        entity: 'node',
        action: 'update',
        id: data.id,
        data: { ...data, title: 'X' },
        version,
      });
      if (saved.ok) await editing.publish(admin, [saved.value.id]);
    }
    const revisions = () => withEditingTables(handle.db);

    it('names the revision whose contents were edited with SQL', async () => {
      await someHistory();
      await revisions().updateTable('revision').set({ actor: 'mallory' }).where('seq', '=', 3).execute();
      expect(await editing.verifyChain()).toMatchObject({
        ok: false,
        brokenAt: 3,
        reason: expect.stringContaining('hash'),
      });
    });

    it('names the revision after one that was deleted', async () => {
      await someHistory();
      await revisions().deleteFrom('revision').where('seq', '=', 5).execute();
      expect(await editing.verifyChain()).toMatchObject({ ok: false, brokenAt: 6 });
    });

    it('notices the newest revision deleted', async () => {
      await someHistory();
      const { max } = await revisions()
        .selectFrom('revision')
        .select((eb) => eb.fn.max('seq').as('max'))
        .executeTakeFirstOrThrow();
      await sql`delete from revision where seq = ${Number(max)}`.execute(handle.db);
      expect(await editing.verifyChain()).toMatchObject({ ok: false, brokenAt: Number(max) });
    });

    it('names a rewritten revision even when its hash was recomputed, at the next link', async () => {
      await someHistory();
      await revisions()
        .updateTable('revision')
        .set({ hash: 'f'.repeat(64) })
        .where('seq', '=', 2)
        .execute();
      const verdict = await editing.verifyChain();
      expect(verdict).toMatchObject({ ok: false, brokenAt: 2 });
    });
  });
});
