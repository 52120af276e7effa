/** Staff edit an indicator's existing baseline, target and observations from the plan tree, on both databases. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  openStaffTestApp,
  postForm,
  type SignedIn,
  type StaffTestApp,
  signIn,
} from '../../../test/helpers/staff-app.ts';
import type { Indicator, PlanNode } from '../../domain/model.ts';
import type { IndicatorValueIds } from '../../store/editing/contract.ts';
import { formValues } from './form-values.ts';

const indicatorsIn = (nodes: readonly PlanNode[]): Indicator[] =>
  nodes.flatMap((n) => [...n.indicators, ...indicatorsIn(n.children)]);

const editHref = (id: string) => `href="/admin/records/indicatorValue/${encodeURIComponent(id)}"`;

describe.each(testDatabases)('editing indicator values on $name', (database) => {
  let t: StaffTestApp;
  let editor: SignedIn;
  /** Every demo indicator with its plan and value ids, as the staff view gives them. */
  let all: { planId: string; indicator: Indicator; ids: IndicatorValueIds }[];
  /** One with a baseline and observations; the demo has no indicator with both a baseline and a target. */
  let found: (typeof all)[number];
  let withTarget: (typeof all)[number];

  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    editor = await signIn(t.app, 'editor');
    all = [];
    for (const { id: planId } of await t.store.listPlans()) {
      const view = await t.editing.getPlanWithDrafts(planId);
      for (const indicator of indicatorsIn(view?.plan.nodes ?? []))
        all.push({ planId, indicator, ids: view?.valueIds[indicator.id] as IndicatorValueIds });
    }
    const baseline = all.find((f) => f.indicator.baseline && f.indicator.observations.length > 0);
    const target = all.find((f) => f.indicator.target);
    if (!baseline || !target) throw new Error('the demo needs a baseline with observations, and a target');
    found = baseline;
    withTarget = target;
  });
  afterEach(() => t.close());

  const page = async (path: string) =>
    (await t.app.request(path, { headers: { cookie: editor.cookie } })).text();

  it('gives the staff plan view the record id of every value, each a stored value of its role', async () => {
    expect(all.length).toBeGreaterThan(1);
    for (const { indicator, ids } of all) {
      expect(ids.observations).toHaveLength(indicator.observations.length);
      expect(ids.baseline === null).toBe(indicator.baseline === null);
      expect(ids.target === null).toBe(indicator.target === null);
      const roles = [
        [ids.baseline, 'baseline'],
        [ids.target, 'target'],
        ...ids.observations.map((id) => [id, 'observation']),
      ].filter(([id]) => id !== null);
      for (const [id, role] of roles) {
        const record = await t.editing.getRecord('indicatorValue', id ?? '');
        expect(record?.data, `${id}`).toMatchObject({ indicatorId: indicator.id, role });
      }
    }
  });

  it('links the baseline, target and every observation to its edit form in the admin tree', async () => {
    const html = await page(`/admin/plans/${found.planId}`);
    for (const id of [found.ids.baseline ?? '', ...found.ids.observations])
      expect(html).toContain(editHref(id));
    const other = await page(`/admin/plans/${withTarget.planId}`);
    expect(other).toContain(editHref(withTarget.ids.target ?? ''));
  });

  it('lets an editor open the baseline and save a new value as a draft the tree then shows', async () => {
    const id = found.ids.baseline ?? '';
    const form = await t.app.request(`/admin/records/indicatorValue/${encodeURIComponent(id)}`, {
      headers: { cookie: editor.cookie },
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(`value="${found.indicator.baseline?.value}"`);

    const record = await t.editing.getRecord('indicatorValue', id);
    const fields = {
      ...formValues('indicatorValue', record?.data ?? {}),
      value: '123456',
      text: '123456',
      version: String(record?.version),
    };
    const saved = await postForm(
      t.app,
      `/admin/records/indicatorValue/${encodeURIComponent(id)}`,
      editor,
      fields,
    );
    expect(saved.status).toBe(303);

    const view = await t.editing.getPlanWithDrafts(found.planId);
    const edited = indicatorsIn(view?.plan.nodes ?? []).find((i) => i.id === found.indicator.id);
    expect(edited?.baseline?.value).toBe(123456);
    expect(view?.drafts[id]).toMatchObject({ action: 'update', entity: 'indicatorValue' });
    const tree = await page(`/admin/plans/${found.planId}`);
    expect(tree).toContain(`${editHref(id)}>123456</a>`);
  });

  it('lists the value draft for an editor without a publish form, and offers it only to an admin', async () => {
    const id = found.ids.observations[0] ?? '';
    const record = await t.editing.getRecord('indicatorValue', id);
    const fields = { ...formValues('indicatorValue', record?.data ?? {}), version: String(record?.version) };
    const url = `/admin/records/indicatorValue/${encodeURIComponent(id)}`;
    expect((await postForm(t.app, url, editor, { ...fields, value: '7' })).status).toBe(303);
    const publishForm = `action="/admin/plans/${found.planId}/publish"`;
    const editorPage = await page(`/admin/plans/${found.planId}`);
    expect(editorPage).toContain(`指標の値 (indicator value) ${id}`);
    expect(editorPage).not.toContain(publishForm);
    const admin = await signIn(t.app, 'admin');
    const adminPage = await (
      await t.app.request(`/admin/plans/${found.planId}`, { headers: { cookie: admin.cookie } })
    ).text();
    expect(adminPage).toContain(publishForm);
  });
});
