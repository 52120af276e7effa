import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { capabilities, capabilitiesOf, type DatabaseHandle } from '../db.ts';
import type { Database } from '../schema.ts';
import { down, up } from './2026-12-05-70-one-indicator-value-index.ts';

// The indexes we named (not the primary key's, which each database names its own way).
async function valueIndexes(db: Kysely<Database>): Promise<string[]> {
  const query =
    capabilitiesOf(db) === capabilities.postgres
      ? sql<{ name: string }>`select indexname as name from pg_indexes
          where schemaname = current_schema() and tablename = 'indicator_value' order by 1`
      : sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and tbl_name = 'indicator_value' and sql is not null order by 1`;
  const { rows } = await query.execute(db);
  return rows.map((r) => r.name).filter((name) => name !== 'indicator_value_pkey');
}

describe.each(testDatabases)('the one-indicator-value-index migration on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.openDemo();
  });
  afterEach(() => handle.close());

  it('leaves the series index and the source index, and down() brings the position index back', async () => {
    expect(await valueIndexes(handle.db)).toEqual([
      'indicator_value_series_idx',
      'indicator_value_source_id_idx',
    ]);
    await down(handle.db);
    expect(await valueIndexes(handle.db)).toEqual([
      'indicator_value_indicator_id_idx',
      'indicator_value_series_idx',
      'indicator_value_source_id_idx',
    ]);
    await up(handle.db);
    expect(await valueIndexes(handle.db)).toEqual([
      'indicator_value_series_idx',
      'indicator_value_source_id_idx',
    ]);
  });
});
