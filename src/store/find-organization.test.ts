/**
 * The organization reads a page makes without reading every organization: found by id or 団体コード, counted, and
 * paged, each the same as picking from the whole list. On SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import { organizationByReference } from '../domain/organization-ref.ts';
import type { DatabaseHandle } from './db.ts';
import { createReadStore } from './queries.ts';

describe.each(testDatabases)('organizations read one at a time or a page at a time on $name', (database) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await database.openDemo();
  });
  afterEach(() => handle.close());

  it('finds each by id, by its six-digit code and by the five digits before the check digit', async () => {
    const store = createReadStore(handle.db);
    const organizations = await store.listOrganizations();
    const coded = organizations.filter((o) => o.municipalityCode);
    expect(coded.length).toBeGreaterThan(0);
    for (const organization of organizations) {
      const code = organization.municipalityCode ?? '';
      for (const reference of [organization.id, code, code.slice(0, 5)].filter(Boolean)) {
        expect(await store.findOrganization(reference), reference).toEqual(
          organizationByReference(organizations, reference),
        );
        expect((await store.findOrganization(reference))?.id, reference).toBe(organization.id);
      }
    }
    for (const unknown of ['nowhere', '99999', '%', `${coded[0]!.municipalityCode!.slice(0, 4)}_`])
      expect(await store.findOrganization(unknown), unknown).toBeUndefined();
  });

  it('counts them, and its pages put together are the whole list in order', async () => {
    const store = createReadStore(handle.db);
    const organizations = await store.listOrganizations();
    expect(await store.countOrganizations()).toBe(organizations.length);
    const pages = [];
    for (let offset = 0; offset < organizations.length + 1; offset += 1)
      pages.push(...(await store.listOrganizationsPage({ offset, limit: 1 })));
    expect(pages).toEqual(organizations);
    expect(await store.listOrganizationsPage({ offset: 0, limit: organizations.length + 5 })).toEqual(
      organizations,
    );
  });
});
