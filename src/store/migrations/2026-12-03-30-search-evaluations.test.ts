import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { down, up } from './2026-12-03-30-search-evaluations.ts';

const insert = (handle: DatabaseHandle, type: string) =>
  sql`insert into search_entry (id, type, record_id, plan_id, node_id, position, title, body)
    values (${`${type}:e1`}, ${type}, 'e1', 'p1', 'n1', 0, '外部評価', '')`.execute(handle.db);

describe.each(testDatabases)('the search-evaluations migration on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
  });
  afterEach(() => handle.close());

  it('lets the index hold evaluations, keeps its rows, and refuses other types as before', async () => {
    await insert(handle, 'node');
    await down(handle.db);
    await expect(insert(handle, 'evaluation')).rejects.toThrow();
    await up(handle.db);
    await insert(handle, 'evaluation');
    const { rows } = await sql<{ type: string }>`select type from search_entry order by type`.execute(
      handle.db,
    );
    expect(rows.map((r) => r.type)).toEqual(['evaluation', 'node']);
    await expect(insert(handle, 'budget')).rejects.toThrow();
  });
});
