import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStore, openDemoStore } from '../../../test/helpers/demo-store.ts';
import { parseCsv } from '../tables/csv.ts';
import { planCsvFiles } from './plan-files.ts';

describe('planCsvFiles and its datapackage.json', () => {
  let demo: DemoStore;
  beforeAll(async () => {
    demo = await openDemoStore();
  });
  afterAll(() => demo.close());

  const files = async (encoding: 'utf-8' | 'shift_jis') => {
    const result = planCsvFiles(await demo.plan('mirai-2024'), { encoding, organizationName: '小諸市' });
    if (!result.ok) throw new Error(result.error.message);
    return new Map(result.files.map((f) => [f.path, f.bytes]));
  };

  it('writes the six CSVs and a descriptor naming each of them', async () => {
    const written = await files('utf-8');
    expect([...written.keys()]).toEqual([
      'nodes.csv',
      'indicators.csv',
      'indicator-values.csv',
      'achievements.csv',
      'program-sheets.csv',
      'evaluations.csv',
      'datapackage.json',
    ]);
    const pkg = JSON.parse(new TextDecoder().decode(written.get('datapackage.json')));
    expect(pkg).toMatchObject({
      profile: 'tabular-data-package',
      name: 'mieruka-mirai-2024',
      licenses: [{ name: 'CC-BY-4.0' }],
    });
    expect(pkg.title).toContain('小諸市');
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual([...written.keys()].slice(0, 6));
  });

  it("describes every CSV's columns, in the order of its header row", async () => {
    const written = await files('utf-8');
    const pkg = JSON.parse(new TextDecoder().decode(written.get('datapackage.json')));
    for (const resource of pkg.resources) {
      const bytes = written.get(resource.path);
      const parsed = parseCsv(new TextDecoder().decode(bytes?.subarray(3)));
      if (!parsed.ok) throw new Error(parsed.messageEn);
      expect(resource.schema.fields.map((f: { name: string }) => f.name)).toEqual(parsed.records[0]?.cells);
      expect(resource).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    }
  });

  it('types numbers, integers and booleans, and links tables by key', async () => {
    const pkg = JSON.parse(new TextDecoder().decode((await files('shift_jis')).get('datapackage.json')));
    const observations = pkg.resources.find((r: { name: string }) => r.name === 'indicator-values');
    const type = (name: string) =>
      observations.schema.fields.find((f: { name: string }) => f.name === name)?.type;
    expect([type('value'), type('fiscalYear'), type('sourceLine'), type('date')]).toEqual([
      'number',
      'integer',
      'integer',
      'string',
    ]);
    expect(observations.encoding).toBe('shift_jis');
    expect(observations.schema.foreignKeys).toContainEqual({
      fields: 'indicatorId',
      reference: { resource: 'indicators', fields: 'id' },
    });
    const nodes = pkg.resources.find((r: { name: string }) => r.name === 'nodes');
    expect(nodes.schema.primaryKey).toEqual(['id']);
    expect(nodes.schema.foreignKeys).toEqual([
      { fields: 'parentId', reference: { resource: '', fields: 'id' } },
    ]);
  });
});
