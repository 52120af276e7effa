import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ComparedCity,
  comparedOrganization,
  waitingChildren,
} from '../../../test/helpers/compared-organizations.ts';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import { capabilities, capabilitiesOf, type DatabaseHandle } from '../db.ts';
import { saveOrganizationDocument } from '../save-dataset.ts';
import { comparableOrganizations, compareIndicator, comparisonQuery } from './compare-indicator.ts';

const key = comparisonKeyOf(waitingChildren);

const cities: ComparedCity[] = [
  { code: '202088', name: '小諸市', values: { FY2020: 12, FY2023: 4 } },
  { code: '202011', name: '長野市', values: { FY2022: 30, FY2023: 9 } },
  { code: '202029', name: '松本市', values: { FY2023: 4 }, indicatorName: '待機児童 数' },
  { code: '162094', name: '小矢部市', values: { FY2021: 0 } },
  // Another definition: the same name in another unit is not compared.
  { code: '272108', name: '枚方市', values: { FY2023: 1.5 }, unit: '%' },
];

describe.each(testDatabases)('compareIndicator on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
    for (const [k, city] of cities.entries())
      await saveOrganizationDocument(handle.db, comparedOrganization(k, city));
  });
  afterEach(() => handle.close());

  it('ranks each organization’s latest value, smallest first when less is better, equal values sharing a rank', async () => {
    const comparison = await compareIndicator(handle.db, key);
    expect(comparison?.rule).toEqual({ order: 'lower_first', judged: true, directions: ['decrease'] });
    expect(
      comparison?.entries.map((e) => [e.rank, e.organization.name, e.value, e.observation.date]),
    ).toEqual([
      [1, '小矢部市', 0, 'FY2021'],
      [2, '松本市', 4, 'FY2023'],
      [2, '小諸市', 4, 'FY2023'],
      [4, '長野市', 9, 'FY2023'],
    ]);
    expect(comparison?.entries[0]?.observation.source).toMatchObject({ line: 1, quote: '待機児童数 0人' });
    expect(comparison).toMatchObject({
      definition: { name: '待機児童数', unit: '人', kind: 'outcome' },
      spellings: ['待機児童 数', '待機児童数'],
      datesDiffer: true,
      total: 4,
      pageCount: 1,
    });
  });

  it('compares only a group of codes, naming the codes with no value', async () => {
    const comparison = await compareIndicator(handle.db, key, { codes: ['162094', '202088', '131016'] });
    expect(comparison?.entries.map((e) => e.organization.municipalityCode)).toEqual(['162094', '202088']);
    expect(comparison?.missingCodes).toEqual(['131016']);
  });

  it('compares one prefecture by the first two digits of the code, a page at a time', async () => {
    const first = await compareIndicator(handle.db, key, { prefecture: '20', perPage: 2 });
    expect(first).toMatchObject({ total: 3, pageCount: 2 });
    const second = await compareIndicator(handle.db, key, { prefecture: '20', perPage: 2, page: 2 });
    expect(second?.entries.map((e) => [e.rank, e.organization.name])).toEqual([[3, '長野市']]);
  });

  it('still names the definition when the group has no value, and answers nothing for an unknown key', async () => {
    const empty = await compareIndicator(handle.db, key, { codes: ['131016'] });
    expect(empty).toMatchObject({ total: 0, entries: [], definition: { name: '待機児童数' } });
    expect(
      await compareIndicator(handle.db, comparisonKeyOf({ ...waitingChildren, name: '存在しない' })),
    ).toBe(undefined);
  });

  it('counts the other organizations sharing a key', async () => {
    const counts = await comparableOrganizations(
      handle.db,
      [key, comparisonKeyOf({ ...waitingChildren, unit: '%' })],
      'o0.sample-town',
    );
    expect(counts.get(key)).toBe(3);
    expect(counts.get(comparisonKeyOf({ ...waitingChildren, unit: '%' }))).toBe(1);
  });

  it('finds the indicators through the comparison-key index', async () => {
    const compiled = comparisonQuery(handle.db, key, { codes: ['202088'] }).compile();
    let plan: string;
    if (capabilitiesOf(handle.db) === capabilities.postgres) {
      plan = await handle.db.transaction().execute(async (trx) => {
        // Tables of a few rows are read whole whatever the indexes; this asks whether the index can serve.
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>({
          ...compiled,
          sql: `explain ${compiled.sql}`,
        });
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    } else {
      const { rows } = await handle.db.executeQuery<{ detail: string }>({
        ...compiled,
        sql: `explain query plan ${compiled.sql}`,
      });
      plan = rows.map((r) => r.detail).join('\n');
    }
    expect(plan).toContain('indicator_comparison_key_idx');
    expect(plan).toContain('indicator_value_series_idx');
  });
});
