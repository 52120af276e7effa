/**
 * `mieruka import org.json` into an empty database: the imported records are searchable at once, as after a merge
 * or the demo seed (issue 16). On SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createSearchStore } from '../../store/search/index.ts';
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
});
