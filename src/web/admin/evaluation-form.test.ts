/**
 * The evaluation's staff form speaks the organization's words, on both databases: a grade and a comment field per
 * 観点 by its own labels (緊急性・市民ニーズ), its own 今後の方向性 in the select, and what is typed saved as the
 * record's `viewpoints`. FIXTURE: the Komoro demo, its organization given its own 観点 and 方向性 as the interchange
 * JSON would store them (organization.evaluation_viewpoints, next_step_vocabulary).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { openStaffTestApp, postForm, type StaffTestApp, signIn } from '../../../test/helpers/staff-app.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { formValues } from './form-values.ts';

describe.each(testDatabases)('the evaluation form in the organization’s words on $name', (database) => {
  let t: StaffTestApp;
  const id = 'form-words-evaluation';

  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    const [organization] = await t.store.listOrganizations();
    const plan = (await t.store.listPlans()).find((p) => p.id === t.planId);
    await withEditingTables(t.db)
      .updateTable('organization')
      .set({
        evaluation_viewpoints: JSON.stringify([
          { code: 'urgency', label: '緊急性', labelEn: 'Urgency' },
          { code: 'needs', label: '市民ニーズ', labelEn: 'Residents’ needs' },
        ]),
        next_step_vocabulary: JSON.stringify([
          { code: 'keep', label: '現状維持', labelEn: 'Keep', countsAsReview: false },
          { code: 'rethink', label: '再構築', labelEn: 'Rethink', countsAsReview: true },
        ]),
      })
      .where('id', '=', plan?.organization.id ?? organization?.id ?? '')
      .execute();
    const saved = await t.editing.saveChange(t.users.admin, {
      entity: 'evaluation',
      action: 'create',
      id,
      version: null,
      data: {
        id,
        nodeId: t.inside.id,
        position: 90,
        fiscalYear: 2025,
        evaluatorKind: 'self',
        evaluatorName: '企画課',
        stage: 'first',
        scale: 'A-D',
        // A viewpoint the organization no longer lists: kept, shown by its code.
        viewpoints: [{ viewpoint: 'necessity', grade: 'B' }],
        source: { documentId: 'komoro-pride-vol5' },
      },
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  });
  afterEach(async () => {
    await t?.close();
  });

  it('shows a grade and a comment field per own 観点, the stored one it no longer lists, and its own 方向性', async () => {
    const admin = await signIn(t.app, 'admin');
    const html = await (
      await t.app.request(`/admin/records/evaluation/${id}`, { headers: { cookie: admin.cookie } })
    ).text();
    expect(html).toContain('緊急性の評価 (grade on Urgency)');
    expect(html).toContain('市民ニーズの所見 (comment on Residents’ needs)');
    expect(html).toContain('name="viewpoint.urgency.grade"');
    expect(html).toMatch(/name="viewpoint\.necessity\.grade" value="B"/);
    expect(html).not.toContain('観点ごとの評価 JSON');
    expect(html).toMatch(/<option value="rethink"[^>]*>再構築/);
    expect(html).not.toMatch(/<option value="expand"/);
  });

  it('saves what is typed per viewpoint as the record’s viewpoints, with the chosen 方向性', async () => {
    const admin = await signIn(t.app, 'admin');
    const stored = await t.editing.getRecord('evaluation', id);
    const fields = {
      ...formValues('evaluation', stored?.data),
      version: String(stored?.version),
      nextStep: 'rethink',
      'viewpoint.urgency.grade': 'A',
      'viewpoint.urgency.comment': '通学路の安全',
      'viewpoint.needs.grade': '',
      'viewpoint.needs.comment': '',
      'viewpoint.necessity.grade': 'B',
      'viewpoint.necessity.comment': '',
    };
    delete (fields as Record<string, string>).viewpoints;
    const res = await postForm(t.app, `/admin/records/evaluation/${id}`, admin, fields);
    expect(res.status).toBe(303);
    expect((await t.editing.getRecord('evaluation', id))?.data).toMatchObject({
      nextStep: 'rethink',
      viewpoints: [
        { viewpoint: 'urgency', grade: 'A', comment: '通学路の安全' },
        { viewpoint: 'necessity', grade: 'B' },
      ],
    });
  });
});
