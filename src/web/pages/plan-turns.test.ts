/**
 * A large plan's page gives the event loop a turn between its pillars once 10 ms of work have run (issue 16:
 * rendering never blocks the process for more than 50 ms), and none when the work is quicker, as each turn sends
 * the request to the back of the queue. Counted on a stepped clock, not timed, so that a busy machine cannot fail
 * it or pass it.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openMigratedSqlite } from '../../../test/helpers/sqlite-templates.ts';
import { syntheticOrganization } from '../../../test/helpers/synthetic-organization.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import { createApp } from '../app.tsx';
import { turnsEvery } from './next-turn.ts';

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

  it('yields to the event loop once a pillar while rating its indicators, and once before rendering, when each takes 10 ms', async () => {
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => {
      clock += 10;
      return clock;
    });
    const turns = vi.spyOn(globalThis, 'setImmediate');
    try {
      const res = await app.request(`/plans/${planId}`);
      expect(res.status).toBe(200);
      await res.text();
      expect(pillars).toBeGreaterThan(1);
      expect(turns.mock.calls.length).toBeGreaterThanOrEqual(pillars + 1);
    } finally {
      turns.mockRestore();
      now.mockRestore();
    }
  });
});

describe('turnsEvery', () => {
  it('gives a turn once the budget has run since the last one, and not before', async () => {
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const turns = vi.spyOn(globalThis, 'setImmediate');
    try {
      const turn = turnsEvery(10);
      for (const step of [3, 3, 3]) {
        clock += step;
        await turn();
      }
      expect(turns).not.toHaveBeenCalled();
      clock += 1;
      await turn();
      expect(turns).toHaveBeenCalledTimes(1);
      clock += 9;
      await turn();
      expect(turns).toHaveBeenCalledTimes(1);
      clock += 1;
      await turn();
      expect(turns).toHaveBeenCalledTimes(2);
    } finally {
      turns.mockRestore();
      now.mockRestore();
    }
  });
});
