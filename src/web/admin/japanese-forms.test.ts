/**
 * Staff forms accept what the importer accepts (issue 13, item 6), through a real POST with CSRF on SQLite and
 * PostgreSQL: a value written 「4億1,200万円」 dated 「令和2年度」, an empty id made from where the record
 * belongs, and Japanese messages naming the field.
 */
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
import { statusVocabularyOf } from '../../domain/status.ts';
import { formValues } from './form-values.ts';
import { newRecordId } from './new-record-id.ts';
import { statusWords } from './option-labels.ts';

const indicatorsIn = (nodes: readonly PlanNode[]): Indicator[] =>
  nodes.flatMap((n) => [...n.indicators, ...indicatorsIn(n.children)]);

describe('newRecordId', () => {
  const free = async () => false;
  it('extends the id of where the record belongs, counting past ids in use', async () => {
    const inUse = new Set(['mirai-2016.p3.a01', 'mirai-2016.p3.a02']);
    const taken = async (id: string) => inUse.has(id);
    expect(await newRecordId('achievement', { nodeId: 'mirai-2016.p3' }, taken)).toBe('mirai-2016.p3.a03');
    expect(await newRecordId('node', { planId: 'p', parentId: '', kind: 'pillar' }, free)).toBe('p.p01');
    expect(await newRecordId('node', { planId: 'p', parentId: 'p.p01', kind: 'policy' }, free)).toBe(
      'p.p01.n01',
    );
    expect(await newRecordId('indicator', { nodeId: 'p.p01' }, free)).toBe('p.p01.i01');
    expect(await newRecordId('plan', { organizationId: 'komoro', periodStart: '令和2年度' }, free)).toBe(
      'komoro-2020',
    );
  });

  it('names a value as the importer does, by its role and date', async () => {
    const values = { indicatorId: 'i.a', role: 'observation', date: 'R2.4' };
    expect(await newRecordId('indicatorValue', values, free)).toBe('i.a:observation@2020-04');
    expect(
      await newRecordId(
        'indicatorValue',
        { indicatorId: 'i.a', role: 'target' },
        async (id) => id === 'i.a:target',
      ),
    ).toBe('i.a:target-2');
  });

  it('gives the same id for the same form on the same data, and none without a parent', async () => {
    const values = { nodeId: 'n' };
    expect(await newRecordId('evaluation', values, free)).toBe(await newRecordId('evaluation', values, free));
    expect(await newRecordId('achievement', { nodeId: '' }, free)).toBe('');
  });
});

describe.each(testDatabases)('Japanese input in the staff forms on $name', (database) => {
  let t: StaffTestApp;
  let editor: SignedIn;

  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    editor = await signIn(t.app, 'editor');
  });
  afterEach(() => t.close());

  const anIndicator = async () => {
    const view = await t.editing.getPlanWithDrafts(t.planId);
    const indicator = indicatorsIn(view?.plan.nodes ?? [])[0];
    if (!indicator) throw new Error('the demo plan needs an indicator');
    return indicator;
  };

  it('saves a value typed 「4億1,200万円」 on 「令和2年度」 with a generated id', async () => {
    const indicator = await anIndicator();
    const res = await postForm(t.app, '/admin/records/indicatorValue', editor, {
      ...formValues('indicatorValue', {}),
      indicatorId: indicator.id,
      role: 'observation',
      position: '0',
      value: '4億1,200万円',
      date: '令和2年度',
      'source.documentId': 'komoro-pride-vol5',
    });
    expect(res.status).toBe(303);
    const id = `${indicator.id}:observation@FY2020`;
    const stored = await t.editing.getRecord('indicatorValue', id);
    expect(stored?.data).toMatchObject({ value: 412_000_000, date: 'FY2020', text: '4億1,200万円' });
  });

  it('generates an achievement id under its node, the next free one each time', async () => {
    const post = () =>
      postForm(t.app, '/admin/records/achievement', editor, {
        ...formValues('achievement', {}),
        nodeId: t.outside.id,
        position: '0',
        title: '新しい取り組み',
        date: 'R2.4',
        dateBasis: 'event',
        'source.documentId': 'komoro-pride-vol5',
      });
    expect((await post()).status).toBe(303);
    expect((await post()).status).toBe(303);
    const ids = (await t.editing.listDrafts())
      .filter((d) => d.entity === 'achievement')
      .map((d) => d.entityId)
      .filter((id) => id.startsWith(`${t.outside.id}.a`));
    expect(ids.length).toBe(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids)
      expect(id).toMatch(new RegExp(`^${t.outside.id.replaceAll('.', '\\.')}\\.a\\d{2}$`));
    const saved = await t.editing.getRecord('achievement', ids[0] ?? '');
    expect(saved?.data).toMatchObject({ date: '2020-04', title: '新しい取り組み' });
  });

  it('answers an empty form in Japanese first, naming each field, never zod’s English', async () => {
    const res = await postForm(t.app, '/admin/records/achievement', editor, formValues('achievement', {}));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/f-nodeId-error[^>]*>「ノードID \(node id\)」は必須です \(nodeId is required\)/);
    expect(html).toMatch(/f-title-error[^>]*>「実績 \(title\)」は必須です \(title is required\)/);
    expect(html).not.toContain('Too small');
    expect(html).not.toContain('expected string');
  });

  it('shows status and other vocabularies by their words, in the lists and the selects', async () => {
    const view = await t.editing.getPlanWithDrafts(t.planId);
    const nodes = (function all(list: readonly PlanNode[]): PlanNode[] {
      return list.flatMap((n) => [n, ...all(n.children)]);
    })(view?.plan.nodes ?? []);
    const withStatus = nodes.find((n) => n.status === 'done') ?? nodes.find((n) => n.status);
    if (!withStatus?.status) throw new Error('the demo plan needs a node with a status');
    const page = async (path: string) =>
      (await t.app.request(path, { headers: { cookie: editor.cookie } })).text();
    const tree = await page(`/admin/plans/${t.planId}`);
    const word = statusWords(statusVocabularyOf(view!.plan))[withStatus.status];
    expect(tree).toContain(`${word} (${withStatus.status})`);
    expect(tree).not.toMatch(/class="meta">\s*(pillar|policy|program) /);
    const form = await page(`/admin/records/node/${encodeURIComponent(withStatus.id)}`);
    expect(form).toMatch(/<option value="done"[^>]*>完了 \(done\)<\/option>/);
    expect(form).toMatch(/<option value="not_started"[^>]*>未着手 \(not_started\)<\/option>/);
    expect(form).toMatch(/<option value="policy"[^>]*>施策 \(policy\)<\/option>/);
    const valueForm = await page('/admin/records/indicatorValue/new');
    expect(valueForm).toMatch(/<option value="target"[^>]*>目標値 \(target\)<\/option>/);
  });
});
