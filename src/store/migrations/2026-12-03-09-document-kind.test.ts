import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { down, up } from './2026-12-03-09-document-kind.ts';

describe.each(testDatabases)('the document-kind migration on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
  });
  afterEach(() => handle.close());

  it('leaves a document stored before it of unknown kind, and goes down again', async () => {
    await down(handle.db);
    const now = new Date().toISOString();
    await sql`insert into organization (id, name, kind, version, created_at, updated_at)
      values ('o', '小諸市', 'municipality', 1, ${now}, ${now})`.execute(handle.db);
    await sql`insert into source_document (id, organization_id, position, title, published_at, version, created_at, updated_at)
      values ('d', 'o', 0, '会報', '2020-01', 1, ${now}, ${now})`.execute(handle.db);
    await up(handle.db);
    const row = await handle.db.selectFrom('source_document').select('kind').executeTakeFirstOrThrow();
    expect(row.kind).toBeNull();
    await down(handle.db);
    await expect(sql`select kind from source_document`.execute(handle.db)).rejects.toThrow();
    await up(handle.db);
  });
});
