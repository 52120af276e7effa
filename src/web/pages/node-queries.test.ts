/**
 * A node page whose cost does not grow with the plan (issue 16), on both databases: the page runs a fixed number of
 * queries, the same for a pillar holding 30 indicators of 20 values as for one holding 3 of 2, and no more than its
 * budget (on the national benchmark, 22 and 26 before the node's plan, indicators, links and later statuses were read
 * together and the charted series read alone).
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { syntheticOrganization } from '../../../test/helpers/synthetic-organization.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import { createApp } from '../app.tsx';

/**
 * Queries of one uncached render: of a node no later plan continues, with no indicator or evaluation of its own (the
 * plan's header and nodes, both link directions, the subtree's links, achievements, evaluations, sheets, indicators,
 * values and reported figures, the plans continuing it (none), documents) …
 */
const notContinuedBudget = 12;
/**
 * … and of one a later plan continues (that plan and its own read for their statuses) charting its indicators (their
 * series, and other organizations reporting them).
 */
const continuedChartingBudget = notContinuedBudget + 2 * 3 + 2;

describe.each(testDatabases)('the node page’s queries ($name)', (database) => {
  let handle: DatabaseHandle;
  const read = { queries: 0 };
  const counting: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    transformResult: async ({ result }) => {
      read.queries += 1;
      return result;
    },
  };

  beforeAll(async () => {
    handle = await database.open();
    await saveOrganizationDocument(handle.db, syntheticOrganization(1, 3, 2));
    await saveOrganizationDocument(handle.db, syntheticOrganization(2, 30, 20));
  }, 60_000);
  afterAll(() => handle?.close());

  const queriesOf = async (path: string) => {
    const app = createApp({ store: createReadStore(handle.db.withPlugin(counting)) });
    read.queries = 0;
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    await res.text();
    return read.queries;
  };

  it('reads no plan for later statuses when no later plan continues the node or any node below it', async () => {
    for (const id of ['first-policy-b', 'first-pillar-2'])
      expect(await queriesOf(`/nodes/o1.${id}`), id).toBeLessThanOrEqual(notContinuedBudget);
  });

  it('runs as many queries for 30 indicators of 20 values as for 3 of 2, within the budget', async () => {
    // The pillar holds syntheticOrganization's indicators; a later plan continues its policy A.
    const few = await queriesOf('/nodes/o1.first-pillar-1');
    const many = await queriesOf('/nodes/o2.first-pillar-1');
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(continuedChartingBudget);
  });
});
