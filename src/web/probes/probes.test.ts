import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { type DatabaseHandle, openDatabase } from '../../store/db.ts';
import { databaseReadiness } from '../../store/readiness.ts';
import { probes } from './index.ts';

describe('GET /healthz', () => {
  it('answers ok, never cached, without asking any database', async () => {
    const res = await probes(() => Promise.reject(new Error('not to be asked'))).request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /readyz', () => {
  it('answers 503 with the reason when the database does not answer in time', async () => {
    const res = await probes(() => new Promise(() => {}), { timeoutMs: 20 }).request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      status: 'unavailable',
      reason: 'database',
      message: 'データベースが応答しません (the database does not answer)',
    });
  });

  it('answers 503 when the database refuses the connection', async () => {
    // Nothing listens on port 1: the connection is refused at once.
    const unreachable = openDatabase('postgres://mieruka@127.0.0.1:1/mieruka');
    try {
      const res = await probes(() => databaseReadiness(unreachable.db)).request('/readyz');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ reason: 'database' });
    } finally {
      await unreachable.close();
    }
  });

  it('is not served without a readiness check', async () => {
    expect((await probes().request('/readyz')).status).toBe(404);
  });
});

describe.each(testDatabases)('GET /readyz on $name', (database) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });
  const readyz = (h: DatabaseHandle) => probes(() => databaseReadiness(h.db)).request('/readyz');

  it('answers 200 when every migration is applied', async () => {
    handle = await database.open();
    const res = await readyz(handle);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('answers 503 while migrations are pending', async () => {
    handle = await database.openEmpty();
    const res = await readyz(handle);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', reason: 'migrations' });
  });
});
