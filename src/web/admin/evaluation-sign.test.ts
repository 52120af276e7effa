/**
 * POST /admin/evaluations/{id}/sign on both databases, over the Komoro demo with an evaluation drafted for FY2025:
 * the 署名 section of the evaluation page, the CSRF check, who may sign which stage (403), a stale version (409),
 * a stage signed once (400), and `mieruka verify` (verifyHistory) passing after every signature.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  findNode,
  openStaffTestApp,
  postForm,
  type SignedIn,
  type StaffTestApp,
  signIn,
  testPassword,
} from '../../../test/helpers/staff-app.ts';
import type { EvaluationStage } from '../../domain/model.ts';
import { verifyHistory } from '../../io/history/verify-history.ts';

describe.each(testDatabases)('signing an evaluation from its staff page on $name', (database) => {
  let t: StaffTestApp;
  /** A node under the scoped editor's pillar: the department's own program. */
  let nodeId: string;
  let documentId: string;

  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    const added = await t.accounts.addUser({ login: 'hyoka', password: testPassword, role: 'evaluator' });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    nodeId = (findNode(t.inside.children, (n) => n.kind !== 'pillar') ?? t.inside).id;
    const [document] = await t.store.listDocuments();
    if (!document) throw new Error('the demo needs a document');
    documentId = document.id;
  });
  afterEach(async () => {
    await t?.close();
  });

  /** Drafts the stage's evaluation of FY2025 as an admin (a department drafts its own first stage alike). */
  async function draft(stage: EvaluationStage): Promise<string> {
    const id = `${nodeId}.fy2025-${stage}`;
    const saved = await t.editing.saveChange(t.users.admin, {
      entity: 'evaluation',
      action: 'create',
      id,
      version: null,
      data: {
        id,
        nodeId,
        position: 90,
        fiscalYear: 2025,
        evaluatorKind: stage === 'first' ? 'self' : stage === 'external' ? 'external' : 'internal',
        evaluatorName: stage === 'first' ? '企画課' : '行政改革推進本部',
        stage,
        scale: 'A-D',
        grade: 'B',
        source: { documentId },
      },
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return id;
  }

  const versionOf = async (id: string) => (await t.editing.getRecord('evaluation', id))?.version ?? -1;
  const sign = async (
    who: SignedIn | undefined,
    id: string,
    fields: Record<string, string>,
    noCsrf = false,
  ) => postForm(t.app, `/admin/evaluations/${encodeURIComponent(id)}/sign`, who, fields, noCsrf);
  const signedBy = async (id: string) =>
    ((await t.editing.getRecord('evaluation', id))?.data as { signedBy?: string | null } | null)?.signedBy;

  it('shows the 署名 section with a form to those who sign the stage, and says why to those who do not', async () => {
    const id = await draft('second');
    const page = async (who: SignedIn) =>
      (
        await t.app.request(`/admin/records/evaluation/${encodeURIComponent(id)}`, {
          headers: { cookie: who.cookie },
        })
      ).text();
    const asEvaluator = await page(await signIn(t.app, 'hyoka'));
    expect(asEvaluator).toContain('署名 (signature)');
    expect(asEvaluator).toContain(`action="/admin/evaluations/${encodeURIComponent(id)}/sign"`);
    expect(asEvaluator).toContain(`name="version" value="${await versionOf(id)}"`);
    const asEditor = await page(await signIn(t.app, 'editor'));
    expect(asEditor).toContain('二次評価に署名する権限がありません');
    expect(asEditor).not.toContain('/sign"');
  });

  it('lets the evaluator role sign a later stage: published, signed by its login, the page says so, verify passes', async () => {
    const id = await draft('second');
    const evaluator = await signIn(t.app, 'hyoka');
    const res = await sign(evaluator, id, { version: String(await versionOf(id)), reason: '本部会議で確認' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/records/evaluation/${encodeURIComponent(id)}`);
    const stored = await t.editing.getRecord('evaluation', id);
    expect(stored?.draft).toBeNull();
    expect(stored?.data).toMatchObject({ signedBy: 'hyoka', signedAt: expect.any(String) });
    const history = await t.editing.listPublicHistory('evaluation', id);
    expect(history.map((r) => [r.action, r.actor, r.reason])).toEqual([
      ['publish', 'hyoka', '本部会議で確認'],
    ]);
    const page = await (
      await t.app.request(res.headers.get('location') ?? '', { headers: { cookie: evaluator.cookie } })
    ).text();
    expect(page).toContain('署名済み (signed): hyoka');
    // The signed record can no longer be saved, so its form offers no save button but says why.
    expect(page).not.toContain('下書きとして保存 (save as draft)');
    expect(page).toContain('署名済みの評価は変更・削除できません');
    const node = await t.store.getNode(nodeId);
    expect(node?.node.evaluations.find((e) => e.id === id)?.signedBy).toBe('hyoka');
    const report = await verifyHistory(t.db);
    expect(report.tables).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('lets the department sign its own 一次評価 and refuses it another department (403)', async () => {
    const first = await draft('first');
    const outsideId = `${t.outside.id}.fy2025-first`;
    const saved = await t.editing.saveChange(t.users.admin, {
      entity: 'evaluation',
      action: 'create',
      id: outsideId,
      version: null,
      data: {
        id: outsideId,
        nodeId: t.outside.id,
        position: 90,
        fiscalYear: 2025,
        evaluatorKind: 'self',
        evaluatorName: '他課',
        stage: 'first',
        scale: 'A-D',
        source: { documentId },
      },
    });
    expect(saved.ok).toBe(true);
    const scoped = await signIn(t.app, 'scoped');
    const refused = await sign(scoped, outsideId, { version: String(await versionOf(outsideId)) });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('一次評価');
    expect(await signedBy(outsideId)).toBeNull();
    expect((await sign(scoped, first, { version: String(await versionOf(first)) })).status).toBe(303);
    expect(await signedBy(first)).toBe('scoped');
    expect((await verifyHistory(t.db)).ok).toBe(true);
  });

  it('answers 403 to an editor or viewer signing a later stage, and to the evaluator signing a 一次評価', async () => {
    const second = await draft('final');
    for (const login of ['editor', 'viewer'] as const) {
      const res = await sign(await signIn(t.app, login), second, {
        version: String(await versionOf(second)),
      });
      expect(res.status).toBe(403);
    }
    const first = await draft('first');
    const res = await sign(await signIn(t.app, 'hyoka'), first, { version: String(await versionOf(first)) });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('一次評価');
    expect([await signedBy(second), await signedBy(first)]).toEqual([null, null]);
  });

  it('refuses a form without its CSRF token, and a visitor who is not signed in', async () => {
    const id = await draft('external');
    const admin = await signIn(t.app, 'admin');
    const forged = await sign(admin, id, { version: String(await versionOf(id)) }, true);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('CSRF');
    const anonymous = await sign(undefined, id, { version: String(await versionOf(id)) });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);
    expect(await signedBy(id)).toBeNull();
  });

  it('answers 409 to a stale version, shows the current one, and signs on the retry', async () => {
    const id = await draft('final');
    const opened = await versionOf(id);
    const stored = await t.editing.getRecord('evaluation', id);
    const edited = await t.editing.saveChange(t.users.admin, {
      entity: 'evaluation',
      action: 'update',
      id,
      version: opened,
      data: { ...(stored?.data as object), grade: 'A' },
    });
    expect(edited.ok).toBe(true);
    const admin = await signIn(t.app, 'admin');
    const stale = await sign(admin, id, { version: String(opened) });
    expect(stale.status).toBe(409);
    const body = await stale.text();
    expect(body).toContain(`開いた版 ${opened}、現在の版 ${await versionOf(id)}`);
    expect(body).toContain(`name="version" value="${await versionOf(id)}"`);
    expect(await signedBy(id)).toBeNull();
    expect((await sign(admin, id, { version: String(await versionOf(id)) })).status).toBe(303);
    expect(await t.editing.getRecord('evaluation', id)).toMatchObject({
      data: { grade: 'A', signedBy: 'admin' },
    });
  });

  it('signs a stage once: the second signature, or one of another evaluation at that stage, is refused (400)', async () => {
    const id = await draft('second');
    const admin = await signIn(t.app, 'admin');
    expect((await sign(admin, id, { version: String(await versionOf(id)) })).status).toBe(303);
    const again = await sign(admin, id, { version: String(await versionOf(id)) });
    expect(again.status).toBe(400);
    const page = await again.text();
    expect(page).toContain('すでに署名されています');
    expect(page).toContain('署名済み (signed): admin');
    expect(page).not.toContain('/sign"');
    expect((await t.editing.listPublicHistory('evaluation', id)).map((r) => r.action)).toEqual(['publish']);
    expect((await verifyHistory(t.db)).ok).toBe(true);
  });

  it('answers 400 to a missing version and 404 to an unknown evaluation', async () => {
    const id = await draft('second');
    const admin = await signIn(t.app, 'admin');
    const missing = await sign(admin, id, {});
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('invalid version');
    expect((await sign(admin, 'no-such-evaluation', { version: '1' })).status).toBe(404);
  });
});
