/** The comparison follows the published data: a staff edit's key changes on publish, never while it is a draft. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comparedOrganization, waitingChildren } from '../../../test/helpers/compared-organizations.ts';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import type { EditingRecords } from '../../domain/editing/records.ts';
import { createAccountStore } from '../accounts/index.ts';
import type { DatabaseHandle } from '../db.ts';
import type { EditingStore, User } from '../editing/contract.ts';
import { createEditingStore } from '../editing/index.ts';
import { saveOrganizationDocument } from '../save-dataset.ts';
import { compareIndicator } from './compare-indicator.ts';

const people = comparisonKeyOf(waitingChildren);
const percent = comparisonKeyOf({ ...waitingChildren, unit: '%' });

describe.each(testDatabases)('comparison keys as staff edit ($name)', (database) => {
  let handle: DatabaseHandle;
  let editing: EditingStore;
  let admin: User;

  beforeEach(async () => {
    handle = await database.open();
    await saveOrganizationDocument(
      handle.db,
      comparedOrganization(0, { code: '202088', name: '小諸市', values: { FY2023: 4 } }),
    );
    await saveOrganizationDocument(
      handle.db,
      comparedOrganization(1, { code: '202011', name: '長野市', values: { FY2023: 9 } }),
    );
    editing = createEditingStore(handle.db);
    const added = await createAccountStore(handle.db).addUser({
      login: 'admin',
      password: 'sample-password-1',
      role: 'admin',
      nodeIds: null,
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    admin = added.value;
  });
  afterEach(() => handle.close());

  it('keeps a draft out of the comparison and moves the indicator to its new definition on publish', async () => {
    const found = await editing.getRecord('indicator', 'o1.waiting');
    const data = found?.data as EditingRecords['indicator'];
    const saved = await editing.saveChange(admin, {
      entity: 'indicator',
      action: 'update',
      id: 'o1.waiting',
      data: { ...data, unit: '％' },
      version: found?.version ?? 0,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    expect((await compareIndicator(handle.db, people))?.total).toBe(2);
    expect(await compareIndicator(handle.db, percent)).toBeUndefined();

    const published = await editing.publish(admin, [saved.value.id]);
    expect(published.ok).toBe(true);
    expect((await compareIndicator(handle.db, people))?.entries.map((e) => e.organization.name)).toEqual([
      '小諸市',
    ]);
    expect((await compareIndicator(handle.db, percent))?.entries.map((e) => e.organization.name)).toEqual([
      '長野市',
    ]);
  });
});
