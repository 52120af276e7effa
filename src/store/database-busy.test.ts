import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testPostgresRunUrl } from '../../test/helpers/databases.ts';
import { skipPostgres } from '../../test/helpers/postgres-run.ts';
import { DatabaseBusyError, isDatabaseBusy } from './database-busy.ts';

describe('isDatabaseBusy', () => {
  it.each([
    ['our own error', new DatabaseBusyError(5), true],
    ['SQLITE_BUSY', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), true],
    [
      'SQLITE_BUSY_SNAPSHOT',
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' }),
      true,
    ],
    ['SQLITE_LOCKED', Object.assign(new Error('table is locked'), { code: 'SQLITE_LOCKED' }), true],
    ['a PostgreSQL serialization failure', Object.assign(new Error('x'), { code: '40001' }), true],
    ['a PostgreSQL deadlock', Object.assign(new Error('x'), { code: '40P01' }), true],
    ['a wrapped busy error', new Error('import failed', { cause: new DatabaseBusyError(5) }), true],
    ['SQLITE_CONSTRAINT', Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }), false],
    ['a unique violation on PostgreSQL', Object.assign(new Error('x'), { code: '23505' }), false],
    ['a plain error', new Error('x'), false],
    ['not an error', 'busy', false],
    ['undefined', undefined, false],
  ])('is %s: %s', (_, error, busy) => {
    expect(isDatabaseBusy(error)).toBe(busy);
  });

  it.skipIf(skipPostgres)('recognises a real lock timeout of PostgreSQL', async () => {
    const holder = new pg.Client({ connectionString: testPostgresRunUrl });
    const waiter = new pg.Client({ connectionString: testPostgresRunUrl });
    await holder.connect();
    await waiter.connect();
    try {
      const table = `busy_probe_${process.pid}_${Date.now()}`;
      await holder.query(`create table ${table} (n int)`);
      await holder.query('begin');
      await holder.query(`lock table ${table} in access exclusive mode`);
      await waiter.query('begin');
      await waiter.query("set local lock_timeout = '100ms'");
      const error = await waiter.query(`insert into ${table} values (1)`).catch((e: unknown) => e);
      await waiter.query('rollback');
      await holder.query('rollback');
      expect(isDatabaseBusy(error)).toBe(true);
      await holder.query(`drop table if exists ${table}`);
    } finally {
      await holder.end();
      await waiter.end();
    }
  });
});
