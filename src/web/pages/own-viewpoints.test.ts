/**
 * A program's page names its 観点 in the organization's own words (organization.evaluationViewpoints), in Japanese
 * and English, on both databases. FIXTURE: サンプル町 (test/helpers/sample-dataset.ts), whose program
 * `first-program` has a 一次評価 graded on necessity A and efficiency C, relabelled here as the town words them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import { createApp } from '../app.tsx';

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe.each(testDatabases)('a program page’s 観点 on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
    const dataset = sampleDataset();
    await saveOrganizationDocument(handle.db, {
      ...dataset,
      organization: {
        ...dataset.organization,
        evaluationViewpoints: [
          { code: 'necessity', label: '社会的必要性', labelEn: 'Social need' },
          { code: 'efficiency', label: '費用対効果', labelEn: 'Value for money' },
        ],
      },
    });
  });
  afterEach(() => handle.close());

  it('names each graded viewpoint by the organization’s label, in the page’s language', async () => {
    const app = createApp({ store: createReadStore(handle.db) });
    const ja = text(await (await app.request('/nodes/first-program')).text());
    expect(ja).toContain('観点: 社会的必要性 A・費用対効果 C');
    expect(ja).not.toContain('効率性');
    const en = text(await (await app.request('/nodes/first-program?lang=en')).text());
    expect(en).toContain('Viewpoints: Social need A・Value for money C');
  });
});
