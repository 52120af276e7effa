/**
 * `mieruka import org.json` into an empty database: the imported records are searchable at once, as after a merge
 * or the demo seed (issue 16). On SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import { syntheticOrganization } from '../../../test/helpers/synthetic-organization.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { createSearchStore } from '../../store/search/index.ts';
import { verifyHistory } from '../history/verify-history.ts';
import { importOrganizationDocument } from './import-document.ts';

describe.each(testDatabases)('a JSON document imported into an empty database on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.open();
  });
  afterEach(() => handle.close());

  it('is found by search: its plans and nodes are indexed', async () => {
    const search = createSearchStore(handle.db);
    expect((await search.search(['引き継ぐ'], '引き継ぐ')).hits).toEqual([]);
    const outcome = await importOrganizationDocument(handle.db, sampleDataset());
    expect(outcome.ok && outcome.saved).toBe(true);
    const { hits } = await search.search(['引き継ぐ'], '引き継ぐ');
    expect(hits.map((h) => [h.type, h.id])).toContainEqual(['node', 'later-policy']);
  });

  it('takes several organizations merged at once, each whole, with one unbroken history', async () => {
    expect((await importOrganizationDocument(handle.db, syntheticOrganization(0, 5, 3))).ok).toBe(true);
    const outcomes = await Promise.all(
      [1, 2, 3].map((n) => importOrganizationDocument(handle.db, syntheticOrganization(n, 40, 5))),
    );
    expect(outcomes.map((o) => o.ok && o.saved && o.merge?.counts.create)).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    const stored = await handle.db
      .selectFrom('indicator')
      .select('id')
      .where('id', 'like', 'o_.synthetic.%')
      .execute();
    expect(stored).toHaveLength(5 + 3 * 40);
    // Each organization's revisions are appended together: the chain neither forks nor interleaves them.
    const revisions = await withEditingTables(handle.db)
      .selectFrom('revision')
      .select(['seq', 'entity_id'])
      .orderBy('seq')
      .execute();
    const owners = revisions.map((r) => /^o(\d)\./.exec(r.entity_id)?.[1]).filter((o) => o !== undefined);
    const runs = owners.filter((owner, i) => owner !== owners[i - 1]);
    expect(runs.toSorted()).toEqual(['0', '1', '2', '3']);
    const report = await verifyHistory(handle.db);
    expect(report.chain.ok).toBe(true);
    expect(report.ok).toBe(true);
  });
});
