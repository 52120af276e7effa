import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db.ts';
import { withEditingTables } from '../editing/tables.ts';
import { migrateToLatest } from '../migrate.ts';
import { down, up } from './2026-12-03-01-token-expiry.ts';

describe.each(testDatabases)('the token-expiry migration on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
  });
  afterEach(() => handle.close());

  it('gives a token issued before it 90 days from the upgrade, and goes down again', async () => {
    await down(handle.db);
    const now = new Date().toISOString();
    await sql`insert into user_account (id, login, role, password, created_at, updated_at)
      values ('u1', 'tanaka', 'editor', '{}', ${now}, ${now})`.execute(handle.db);
    await sql`insert into api_token (id, user_id, label, token_hash, created_by, created_at)
      values ('t1', 'u1', 'old script', 'hash', 'u1', ${now})`.execute(handle.db);
    const before = Date.now();
    await up(handle.db);
    const row = await withEditingTables(handle.db)
      .selectFrom('api_token')
      .select('expires_at')
      .executeTakeFirstOrThrow();
    const days = (Date.parse(row.expires_at ?? '') - before) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(90);
    expect(days).toBeLessThan(90.01);
    await down(handle.db);
    await expect(sql`select expires_at from api_token`.execute(handle.db)).rejects.toThrow();
    await up(handle.db);
  });
});
