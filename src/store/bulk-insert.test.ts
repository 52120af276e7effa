import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import { bulkInsert, bulkInsertRows, type DatabaseHandle, insertByStatements } from './db.ts';
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

  it('writes rows a source hands over one at a time, the same as given flat, in the same order', async () => {
    // 64 rows a statement on SQLite: 130 rows are two whole statements and two single ones.
    const flat = rows(0, 130);
    const source = {
      count: 130,
      write: (row: number, out: unknown[], at: number) => {
        for (let c = 0; c < columns.length; c += 1) out[at + c] = flat[row * columns.length + c];
      },
    };
    await handle.db.transaction().execute((trx) => bulkInsertRows(trx, 'organization', columns, source));
    const written = await handle.db.selectFrom('organization').select(['id', 'name', 'created_at']).execute();
    expect(written).toHaveLength(130);
    expect(written.find((r) => r.id === 'org-129')).toEqual({
      id: 'org-129',
      name: '町129',
      created_at: now,
    });
    await handle.db
      .transaction()
      .execute((trx) => bulkInsertRows(trx, 'organization', columns, { ...source, count: 0 }));
    expect(await stored()).toHaveLength(130);
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

  // Values COPY's text format must escape, and values it must not mistake for its own markers.
  const awkward = [
    'tab\there',
    'line\nbreak',
    'carriage\r\nreturn',
    'back\\slash',
    '\\N',
    '\\.',
    '',
    ' leading and trailing ',
    '全角　空白と「かぎ括弧」',
    '𠮷野家 🍣',
    '{"json":["a\tb",1]}',
  ];
  const awkwardRows = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, n) => [
      `${prefix}-${String(n).padStart(5, '0')}`,
      awkward[n % awkward.length],
      n % 3 === 0 ? null : `${awkward[(n + 1) % awkward.length]}${n}`,
      'municipality',
      n % 5 === 0 ? null : String(n).padStart(6, '0'),
      now,
      now,
    ]).flat();
  const awkwardColumns = ['id', 'name', 'name_en', 'kind', 'municipality_code', 'created_at', 'updated_at'];

  it('stores many rows exactly as one INSERT statement per batch does (COPY on PostgreSQL)', async () => {
    await handle.db.transaction().execute(async (trx) => {
      await bulkInsert(trx, 'organization', awkwardColumns, awkwardRows('bulk', 1_500));
      await insertByStatements(trx, 'organization', awkwardColumns, awkwardRows('statement', 1_500));
    });
    const read = async (prefix: string) =>
      (
        await handle.db
          .selectFrom('organization')
          .selectAll()
          .where('id', 'like', `${prefix}-%`)
          .orderBy('id')
          .execute()
      ).map(({ id, ...row }) => ({ ...row, id: id.slice(prefix.length) }));
    const bulk = await read('bulk');
    expect(bulk).toHaveLength(1_500);
    expect(bulk).toEqual(await read('statement'));
    expect(bulk.slice(0, awkward.length).map((row) => row.name)).toEqual(awkward);
    expect(bulk[0]!.name_en).toBeNull();
    expect(bulk[0]!.version).toBe(1);
  });

  it('writes none of many rows when one of them is refused', async () => {
    const values = awkwardRows('bulk', 1_500);
    // The last row repeats the first one's id.
    values[values.length - awkwardColumns.length] = values[0];
    const failed = handle.db
      .transaction()
      .execute((trx) => bulkInsert(trx, 'organization', awkwardColumns, values));
    await expect(failed).rejects.toThrow();
    expect(await stored()).toEqual([]);
    // The database still answers on the connection the failed statement used.
    await handle.db.transaction().execute((trx) => bulkInsert(trx, 'organization', columns, rows(0, 1_200)));
    expect(await stored()).toHaveLength(1_200);
  });
});
