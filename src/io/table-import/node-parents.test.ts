/** A nodes table whose parents are named by code or title, and whose ids are left blank, builds the plan's tree. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import { importTableFile } from './import-table.ts';

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

const table = csv([
  '計画ID,種類,番号,名称,親',
  'sample-first,柱,3,第三の柱,',
  'sample-first,施策,①,移住の相談,3',
  'sample-first,施策,②,子育ての支援,第三の柱',
  'sample-first,事業,,相談窓口の開設,移住の相談',
  'sample-first,施策,,既存の柱の下,第一の柱',
]);

describe.each(testDatabases)('a nodes table with parents by code or title on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
    await saveOrganizationDocument(handle.db, sampleDataset());
  });
  afterEach(() => handle.close());

  it('creates the tree with ids made from the parents, and changes nothing the second time', async () => {
    const first = await importTableFile(handle.db, table, { publish: true, file: 'nodes.csv' });
    expect(first.report.errors).toEqual([]);
    expect(first.report.counts).toMatchObject({ created: 5, rejected: 0 });
    const plan = await createReadStore(handle.db).getPlan('sample-first');
    const pillar = plan?.nodes.find((n) => n.title === '第三の柱');
    expect(pillar?.id).toBe('sample-first.p01');
    expect(pillar?.children.map((c) => [c.id, c.code, c.title])).toEqual([
      ['sample-first.p01.n01', '①', '移住の相談'],
      ['sample-first.p01.n02', '②', '子育ての支援'],
    ]);
    expect(pillar?.children[0]?.children.map((c) => [c.id, c.kind])).toEqual([
      ['sample-first.p01.n01.n01', 'program'],
    ]);
    const existing = plan?.nodes.find((n) => n.title === '第一の柱');
    expect(existing?.children.map((c) => c.title)).toContain('既存の柱の下');
    const second = await importTableFile(handle.db, table, { publish: true, file: 'nodes.csv' });
    expect(second.report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
  });

  it('refuses a parent named ambiguously or not at all, naming the row', async () => {
    const outcome = await importTableFile(
      handle.db,
      csv(['計画ID,種類,名称,親', 'sample-first,施策,行き先のない施策,どこにもない柱']),
      { publish: true, file: 'nodes.csv' },
    );
    expect(outcome.report.errors).toMatchObject([
      {
        row: 2,
        column: 'parentId',
        messageJa: expect.stringContaining('親ノード「どこにもない柱」がありません'),
      },
    ]);
  });
});
