import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStore, openDemoStore } from '../../../test/helpers/demo-store.ts';
import type { Plan } from '../../domain/model.ts';
import { walkNodes } from '../../domain/plan-tree.ts';
import { readTableFile } from '../tables/read-table.ts';
import { encodeCsv } from './csv-encoding.ts';
import type { ExportTable } from './export-table.ts';
import { indicatorValuesTable, planTables } from './plan-tables.ts';

/** Rows as { header: cell } records, to assert by column name. */
const records = (table: ExportTable) =>
  table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]])));

describe('planTables on the Komoro demo (read from SQLite)', () => {
  let demo: DemoStore;
  let plan: Plan;
  beforeAll(async () => {
    demo = await openDemoStore();
    plan = await demo.plan('mirai-2016');
  });
  afterAll(() => demo.close());

  it('has one nodes row per node of the tree, parents before children, positions from 1', () => {
    const nodes = records(planTables(plan).nodes);
    expect(nodes.map((n) => n.id)).toEqual([...walkNodes(plan.nodes)].map((w) => w.node.id));
    const finance = nodes.find((n) => n.id === 'mirai-2016.p1.finance');
    expect(finance).toMatchObject({
      planId: 'mirai-2016',
      parentId: 'mirai-2016.p1',
      kind: 'policy',
      position: 1,
    });
    expect(finance).toMatchObject({ sourceDocumentId: 'komoro-pride-vol5', sourceLine: 83 });
  });

  it('writes baseline, target and observations in long form with their sources', () => {
    const values = records(planTables(plan)['indicator-values']).filter(
      (r) => r.indicatorId === 'mirai-2016.i.furusato-nozei',
    );
    expect(values).toEqual([
      expect.objectContaining({
        role: 'baseline',
        value: 6790000,
        date: '<2016-04',
        fiscalYear: null,
        unit: '円',
        text: '就任前/679万',
        sourceLine: 89,
      }),
      expect.objectContaining({
        role: 'observation',
        value: 343000000,
        date: '2020-01',
        fiscalYear: 2019,
        nodeId: 'mirai-2016.p1.finance',
        indicatorName: 'ふるさと納税 寄附額',
      }),
    ]);
    const target = records(planTables(plan)['indicator-values']).find(
      (r) => r.indicatorId === 'mirai-2016.i.furusato-shimin' && r.role === 'target',
    );
    expect(target).toMatchObject({ value: 100000, date: null, fiscalYear: null, sourceLine: 83 });
  });

  it('gives every value of every indicator a row', () => {
    const indicators = [...walkNodes(plan.nodes)].flatMap((w) => w.node.indicators);
    const expected = indicators.reduce(
      (n, i) => n + Number(i.baseline !== null) + Number(i.target !== null) + i.observations.length,
      0,
    );
    expect(planTables(plan)['indicator-values'].rows).toHaveLength(expected);
    expect(planTables(plan).indicators.rows).toHaveLength(indicators.length);
  });

  it('lists achievements under their node with date basis and source', () => {
    const a06 = records(planTables(plan).achievements).find((r) => r.id === 'mirai-2016.p1.a06');
    expect(a06).toMatchObject({
      nodeId: 'mirai-2016.p1',
      date: '2020-01',
      dateBasis: 'reported',
      sourceLine: 102,
    });
  });

  it('gives one indicator its own values table', () => {
    const node = [...walkNodes(plan.nodes)].find((w) => w.node.id === 'mirai-2016.p1.finance')?.node;
    const indicator = node?.indicators[0];
    if (!indicator) throw new Error('demo changed');
    const table = indicatorValuesTable('mirai-2016.p1.finance', indicator);
    expect(records(table).map((r) => [r.role, r.value])).toEqual([
      ['baseline', 6790000],
      ['observation', 343000000],
    ]);
  });

  // Format in = format out: what the export writes, the CSV importer reads without a single error.
  it.each(['nodes', 'indicators'] as const)('writes a %s.csv the table importer reads back', async (name) => {
    for (const id of ['mirai-2016', 'mirai-2024', 'ashiato-2024']) {
      const table = planTables(await demo.plan(id))[name];
      const encoded = encodeCsv(table, 'utf-8');
      if (!encoded.ok) throw new Error(encoded.error.message);
      const read = await readTableFile(encoded.bytes, { file: `${name}.csv`, kind: name });
      expect(read.ok ? [] : read.errors).toEqual([]);
      expect(read.ok && read.rows.length).toBe(table.rows.length);
    }
  });
});
