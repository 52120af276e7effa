import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import { bulkInsert, type DatabaseHandle } from './db.ts';
import { migrateToLatest } from './migrate.ts';

const now = '2026-01-01T00:00:00.000Z';
const columns = ['id', 'name', 'kind', 'created_at', 'updated_at'];
const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, n) => [
    `org-${from + n}`,
    `町${from + n}`,
    'municipality',
    now,
    now,
  ]).flat();

describe.each(testDatabases)('bulkInsert on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
  });
  afterEach(() => handle.close());

  const stored = async () =>
    (await handle.db.selectFrom('organization').select(['id', 'name']).orderBy('id').execute()).map(
      (r) => r.id,
    );

  it('writes every row, across statement batches and repeated calls', async () => {
    await handle.db.transaction().execute(async (trx) => {
      await bulkInsert(trx, 'organization', columns, rows(0, 2_345));
      await bulkInsert(trx, 'organization', columns, rows(2_345, 5));
    });
    const ids = await stored();
    expect(ids).toHaveLength(2_350);
    expect(ids).toContain('org-2349');
  });

  it('refuses values that do not fill whole rows', async () => {
    const ragged = handle.db
      .transaction()
      .execute((trx) => bulkInsert(trx, 'organization', columns, ['org-1']));
    await expect(ragged).rejects.toThrow('column count');
  });

  it('rolls back with the transaction around it', async () => {
    const failed = handle.db.transaction().execute(async (trx) => {
      await bulkInsert(trx, 'organization', columns, rows(0, 10));
      throw new Error('after the insert');
    });
    await expect(failed).rejects.toThrow('after the insert');
    // A duplicate key fails the whole call and the transaction.
    const duplicate = handle.db
      .transaction()
      .execute((trx) => bulkInsert(trx, 'organization', columns, [...rows(0, 3), ...rows(2, 1)]));
    await expect(duplicate).rejects.toThrow();
    expect(await stored()).toEqual([]);
  });
});
