/** The staff value form warns before saving an implausible value, and saves it on a confirmed second submit. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  openStaffTestApp,
  postForm,
  type SignedIn,
  type StaffTestApp,
  signIn,
} from '../../../test/helpers/staff-app.ts';
import { formValues } from './form-values.ts';

// mirai-2016 (2016-04 to 2020-04): the women-chief share was 19.8% in FY2015 and 23.8% in FY2019.
const indicatorId = 'mirai-2016.i.women-chief-ratio';

describe.each(testDatabases)('plausibility warnings on the value form on $name', (database) => {
  let t: StaffTestApp;
  let editor: SignedIn;
  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
    editor = await signIn(t.app, 'editor');
  });
  afterEach(() => t.close());

  const drafts = () =>
    t.db
      .withTables<{ draft_change: { entity_id: string } }>()
      .selectFrom('draft_change')
      .select('entity_id')
      .execute();

  it('shows a 250% share dated FY2024 and asks to confirm; the second submit saves it with the warnings as reason', async () => {
    const id = `${indicatorId}:observation@FY2024`;
    const fields = {
      ...formValues('indicatorValue', {}),
      id,
      indicatorId,
      role: 'observation',
      position: '9',
      value: '250%',
      date: 'FY2024',
      'source.documentId': 'komoro-pride-vol5',
      'source.line': '103',
      reason: '速報値',
    };
    const first = await postForm(t.app, '/admin/records/indicatorValue', editor, fields);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('割合が100%を超えています (250%) (a share above 100% (250%))');
    expect(html).toContain('日付 FY2024 が計画の期間 (2016-04〜2020-04) の後です');
    expect(html).toContain('name="confirmWarnings"');
    expect(html).toContain('value="250%"');
    expect(await drafts()).toEqual([]);

    const second = await postForm(t.app, '/admin/records/indicatorValue', editor, {
      ...fields,
      confirmWarnings: 'yes',
    });
    expect(second.status).toBe(303);
    expect((await drafts()).map((d) => d.entity_id)).toEqual([id]);
    const [revision] = (await t.editing.listRevisions('indicatorValue', id)).slice(-1);
    expect(revision?.reason).toMatch(
      /^速報値 \/ 確認済みの注意 \(confirmed warnings\): share-over-100 value: 割合が100%を超えています/,
    );
    expect(revision?.reason).toContain('outside-period date');
  });

  it('saves a plausible value at once', async () => {
    const fields = {
      ...formValues('indicatorValue', {}),
      id: `${indicatorId}:observation@FY2018`,
      indicatorId,
      role: 'observation',
      position: '9',
      value: '22.0%',
      date: 'FY2018',
      'source.documentId': 'komoro-pride-vol5',
      'source.line': '103',
    };
    expect((await postForm(t.app, '/admin/records/indicatorValue', editor, fields)).status).toBe(303);
  });
});
