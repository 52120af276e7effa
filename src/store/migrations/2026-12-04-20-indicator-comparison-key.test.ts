import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import type { DatabaseHandle } from '../db.ts';
import { comparisonKeyAtMigration, down, up } from './2026-12-04-20-indicator-comparison-key.ts';

describe.each(testDatabases)('the indicator-comparison-key migration on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.openDemo();
  });
  afterEach(() => handle.close());

  it('computes the key as the domain does', () => {
    for (const definition of [
      { name: '合計特殊出生率', unit: '', kind: 'outcome' },
      { name: 'ＮＰＯ 法人数', unit: '団体', kind: 'output' },
    ] as const) {
      expect(comparisonKeyAtMigration(definition.name, definition.unit, definition.kind)).toBe(
        comparisonKeyOf(definition),
      );
    }
  });

  it('fills the key of every stored indicator, past one batch', async () => {
    await down(handle.db);
    const node = await handle.db.selectFrom('node').select('id').orderBy('id').executeTakeFirstOrThrow();
    const now = '2026-12-04T00:00:00.000Z';
    for (let start = 0; start < 1200; start += 200) {
      await sql`insert into indicator (id, node_id, position, name, unit, kind, direction, cumulative, highlight,
          achievement_formula, description, created_at, updated_at)
        values ${sql.join(
          Array.from(
            { length: 200 },
            (_, k) =>
              sql`(${`extra-${start + k}`}, ${node.id}, ${start + k}, ${`指標 ${(start + k) % 7}`}, '件', 'output',
                'increase', 0, 0, null, null, ${now}, ${now})`,
          ),
        )}`.execute(handle.db);
    }
    await up(handle.db);
    const rows = await sql<{
      name: string;
      unit: string;
      kind: 'outcome' | 'output';
      comparison_key: string | null;
    }>`
      select name, unit, kind, comparison_key from indicator`.execute(handle.db);
    expect(rows.rows.length).toBeGreaterThan(1200);
    const wrong = rows.rows.filter((r) => r.comparison_key !== comparisonKeyOf(r));
    expect(wrong).toEqual([]);
    const extra = await sql<{ keys: number | string }>`
      select count(distinct comparison_key) as keys from indicator where id like 'extra-%'`.execute(
      handle.db,
    );
    expect(Number(extra.rows[0]?.keys)).toBe(7);
  });
});
