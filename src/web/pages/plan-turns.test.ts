/**
 * A large plan's page gives the event loop a turn between its pillars (issue 16: rendering never blocks the
 * process for more than 50 ms). Counted, not timed, so that a busy machine cannot fail it or pass it.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openMigratedSqlite } from '../../../test/helpers/sqlite-templates.ts';
import { syntheticOrganization } from '../../../test/helpers/synthetic-organization.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import { createApp } from '../app.tsx';

describe('the plan page of 300 indicators × 10 years', () => {
  let handle: DatabaseHandle;
  let app: Hono;
  let pillars: number;
  const planId = 'o1.sample-first';

  beforeAll(async () => {
    handle = await openMigratedSqlite();
    await saveOrganizationDocument(handle.db, syntheticOrganization(1, 300, 10));
    const store = createReadStore(handle.db);
    pillars = (await store.getPlan(planId))?.nodes.length ?? 0;
    app = createApp({ store });
  }, 60_000);
  afterAll(() => handle?.close());

  it('yields to the event loop once a pillar while rating its indicators, and once before rendering', async () => {
    const turns = vi.spyOn(globalThis, 'setImmediate');
    try {
      const res = await app.request(`/plans/${planId}`);
      expect(res.status).toBe(200);
      await res.text();
      expect(pillars).toBeGreaterThan(1);
      expect(turns.mock.calls.length).toBeGreaterThanOrEqual(pillars + 1);
    } finally {
      turns.mockRestore();
    }
  });
});
