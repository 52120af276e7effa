/** Organizations and documents registered by admins, and cited lines checked against a document's text. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import { createAccountStore } from '../accounts/index.ts';
import type { DatabaseHandle } from '../db.ts';
import type { EditingStore, User } from '../editing/contract.ts';
import { createEditingStore } from '../editing/index.ts';
import { withEditingTables } from '../editing/tables.ts';
import { createReadStore } from '../queries.ts';
import { saveOrganizationDocument } from '../save-dataset.ts';

const reportText = [
  '令和6年度 サンプル町 事業報告',
  '',
  '移住相談件数は 128 件でした。',
  '待機児童は 0 人。',
].join('\n');

describe.each(testDatabases)('registering organizations and documents on $name', (database) => {
  let handle: DatabaseHandle;
  let editing: EditingStore;
  let admin: User;
  let editor: User;

  async function add(login: string, role: User['role']): Promise<User> {
    const added = await createAccountStore(handle.db).addUser({ login, password: 'sample-password-1', role });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    return added.value;
  }

  const revisionsOf = (entity: string, id: string) =>
    withEditingTables(handle.db)
      .selectFrom('revision')
      .selectAll()
      .where('entity', '=', entity)
      .where('entity_id', '=', id)
      .execute();

  beforeEach(async () => {
    handle = await database.open();
    await saveOrganizationDocument(handle.db, sampleDataset());
    editing = createEditingStore(handle.db);
    admin = await add('admin', 'admin');
    editor = await add('editor', 'editor');
  });
  afterEach(async () => {
    await handle?.close();
  });

  const komoro = {
    id: 'komoro',
    name: '小諸市',
    nameEn: 'Komoro City',
    kind: 'municipality',
    municipalityCode: '202088',
    prefecture: '長野県',
  };

  describe('createOrganization', () => {
    it('stores the organization with a published create revision, and the chain holds', async () => {
      const result = await editing.createOrganization(admin, komoro);
      expect(result).toMatchObject({ ok: true, value: { id: 'komoro', municipalityCode: '202088' } });
      const listed = await createReadStore(handle.db).listOrganizations();
      expect(listed.map((o) => o.id)).toContain('komoro');
      const [revision, ...more] = await revisionsOf('organization', 'komoro');
      expect(more).toEqual([]);
      expect(revision).toMatchObject({ action: 'create', actor: 'admin', before: null });
      expect(JSON.parse(revision?.after ?? 'null')).toMatchObject({ name: '小諸市', prefecture: '長野県' });
      expect(await editing.verifyChain()).toMatchObject({ ok: true });
    });

    it('refuses a wrong check digit, naming the corrected code, and writes nothing', async () => {
      const result = await editing.createOrganization(admin, { ...komoro, municipalityCode: '202081' });
      expect(result.ok).toBe(false);
      if (result.ok || result.error.code !== 'invalid') throw new Error('expected invalid');
      expect(result.error.issues).toEqual([
        { field: 'municipalityCode', message: expect.stringContaining('202088 ではありませんか') },
      ]);
      expect(await revisionsOf('organization', 'komoro')).toEqual([]);
    });

    it('refuses a taken id and an editor', async () => {
      const taken = await editing.createOrganization(admin, { ...komoro, id: 'sample-town' });
      expect(taken).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ field: 'id' }] } });
      const byEditor = await editing.createOrganization(editor, komoro);
      expect(byEditor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await revisionsOf('organization', 'komoro')).toEqual([]);
    });
  });

  describe('updateOrganization and updateDocument', () => {
    it('changes an organization against its version, refuses a stale one with the stored version, logs both', async () => {
      await editing.createOrganization(admin, komoro);
      const stored = await editing.editableOrganization('komoro');
      if (!stored) throw new Error('komoro missing');
      const changed = { ...komoro, name: '小諸市役所', url: 'https://www.city.komoro.lg.jp/' };
      const saved = await editing.updateOrganization(admin, {
        id: 'komoro',
        version: stored.version,
        record: changed,
        reason: '正式名称',
      });
      expect(saved).toMatchObject({ ok: true, value: { version: stored.version + 1 } });
      expect(
        (await createReadStore(handle.db).listOrganizations()).find((o) => o.id === 'komoro')?.name,
      ).toBe('小諸市役所');
      // The same form sent again quotes a version that is no longer stored: nothing is written.
      const stale = await editing.updateOrganization(admin, {
        id: 'komoro',
        version: stored.version,
        record: { ...changed, name: '古い名前' },
      });
      expect(stale).toEqual({ ok: false, error: { code: 'conflict', version: stored.version + 1 } });
      expect(
        (await createReadStore(handle.db).listOrganizations()).find((o) => o.id === 'komoro')?.name,
      ).toBe('小諸市役所');
      const revisions = await revisionsOf('organization', 'komoro');
      expect(revisions.map((r) => r.action)).toEqual(['create', 'update']);
      expect(revisions[1]).toMatchObject({ actor: 'admin', reason: '正式名称', published: 1 });
      expect(JSON.parse(revisions[1]?.before ?? 'null')).toMatchObject({ name: '小諸市' });
      expect(await editing.verifyChain()).toMatchObject({ ok: true });
      const byEditor = await editing.updateOrganization(editor, {
        id: 'komoro',
        version: stored.version + 1,
        record: changed,
      });
      expect(byEditor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const missing = await editing.updateOrganization(admin, { id: 'nowhere', version: 1, record: changed });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', entity: 'organization' } });
    });

    it('gives a document a publisher and URL, keeping its organization, and checks the URL', async () => {
      const stored = await editing.editableDocument('sample-report');
      if (!stored) throw new Error('sample-doc missing');
      const record = {
        ...stored.record,
        kind: 'upload',
        publisher: 'サンプル町 企画課',
        url: 'https://example.org/kpi.csv',
      };
      const bad = await editing.updateDocument(admin, {
        id: 'sample-report',
        version: stored.version,
        record: { ...record, url: 'javascript:alert(1)' },
      });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ field: 'url' }] } });
      const saved = await editing.updateDocument(admin, {
        id: 'sample-report',
        version: stored.version,
        record,
      });
      expect(saved).toMatchObject({ ok: true, value: { organizationId: stored.organizationId } });
      expect(await createReadStore(handle.db).getDocument('sample-report')).toMatchObject({
        publisher: 'サンプル町 企画課',
        url: 'https://example.org/kpi.csv',
        kind: 'upload',
        file: 'documents/sample.txt',
      });
      const [revision] = await revisionsOf('document', 'sample-report');
      expect(revision).toMatchObject({ action: 'update', actor: 'admin' });
      const stale = await editing.updateDocument(admin, {
        id: 'sample-report',
        version: stored.version,
        record,
      });
      expect(stale).toEqual({ ok: false, error: { code: 'conflict', version: stored.version + 1 } });
    });
  });

  describe('registerDocument', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 sample bytes');
    const registration = {
      organizationId: 'sample-town',
      document: {
        id: 'sample-r6-report',
        title: '令和6年度 事業報告',
        publisher: 'サンプル町',
        publishedAt: '2025-03',
        kind: 'official',
        url: 'https://example.org/r6.pdf',
      },
      file: { name: '報告.pdf', mediaType: 'application/pdf', bytes: pdf },
      text: reportText,
      textOrigin: 'pasted' as const,
    };

    it('stores the document, its file and its text, with a revision holding their SHA-256', async () => {
      const result = await editing.registerDocument(admin, registration);
      expect(result).toMatchObject({ ok: true, value: { id: 'sample-r6-report', kind: 'official' } });
      const store = createReadStore(handle.db);
      expect(await store.getDocument('sample-r6-report')).toMatchObject({
        kind: 'official',
        publishedAt: '2025-03',
      });
      expect(await store.getDocumentText('sample-r6-report')).toBe(reportText);
      const file = await editing.documentFileContent('sample-r6-report');
      expect(Buffer.from(file?.bytes ?? []).toString()).toBe('%PDF-1.4 sample bytes');
      expect(await editing.documentFileInfo('sample-r6-report')).toMatchObject({
        fileName: '報告.pdf',
        byteSize: pdf.byteLength,
        textOrigin: 'pasted',
        lineCount: 4,
        uploadedBy: 'admin',
      });
      const [revision] = await revisionsOf('document', 'sample-r6-report');
      const after = JSON.parse(revision?.after ?? 'null');
      expect(after).toMatchObject({ organizationId: 'sample-town', fileName: '報告.pdf', lineCount: 4 });
      expect(after.textSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await editing.verifyChain()).toMatchObject({ ok: true });
    });

    it('refuses a javascript: URL, a missing kind and an unknown organization', async () => {
      const { kind: _kind, ...withoutKind } = registration.document;
      const result = await editing.registerDocument(admin, {
        ...registration,
        document: { ...withoutKind, url: 'javascript:alert(1)' },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ field: 'url' }] } });
      const noKind = await editing.registerDocument(admin, { ...registration, document: withoutKind });
      expect(noKind).toMatchObject({ ok: false, error: { issues: [{ field: 'kind' }] } });
      const unknown = await editing.registerDocument(admin, { ...registration, organizationId: 'nowhere' });
      expect(unknown).toMatchObject({ ok: false, error: { issues: [{ field: 'organizationId' }] } });
      expect(await createReadStore(handle.db).getDocument('sample-r6-report')).toBeUndefined();
    });

    it('is refused to an editor', async () => {
      expect(await editing.registerDocument(editor, registration)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    describe('a value citing it', () => {
      const value = (source: Record<string, unknown>) => ({
        entity: 'indicatorValue' as const,
        action: 'create' as const,
        id: 'first-indicator-rate:observation@FY2024',
        version: null,
        data: {
          id: 'first-indicator-rate:observation@FY2024',
          indicatorId: 'first-indicator-rate',
          role: 'observation',
          position: 9,
          value: 128,
          date: 'FY2024',
          source: { documentId: 'sample-r6-report', ...source },
        },
      });

      beforeEach(async () => {
        expect((await editing.registerDocument(admin, registration)).ok).toBe(true);
      });

      it('is refused when the line is beyond the end', async () => {
        const result = await editing.saveChange(editor, value({ line: 9, quote: '128 件' }));
        expect(result).toMatchObject({
          ok: false,
          error: {
            code: 'invalid',
            issues: [
              { field: 'source.line', message: expect.stringContaining('9 行目はありません（資料は 4 行）') },
            ],
          },
        });
      });

      it('is refused when the quote is not on that line, showing the line', async () => {
        const result = await editing.saveChange(editor, value({ line: 4, quote: '128 件' }));
        if (result.ok || result.error.code !== 'invalid') throw new Error('expected invalid');
        expect(result.error.issues).toEqual([
          {
            field: 'source.quote',
            message:
              '引用「128 件」は 4 行目にありません。4 行目:「待機児童は 0 人。」 (the quote is not on line 4, which reads: 「待機児童は 0 人。」)',
          },
        ]);
      });

      it('is saved when the quote is on the line, spaces aside', async () => {
        const result = await editing.saveChange(editor, value({ line: 3, quote: '128件' }));
        expect(result).toMatchObject({ ok: true, value: { action: 'create' } });
      });
    });
  });
});
