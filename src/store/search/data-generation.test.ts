import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { bumpDataGeneration, readDataGeneration, watchDataGeneration } from './data-generation.ts';
import { searchTables } from './search-tables.ts';

describe.each(testDatabases)('data generation on $name', (database) => {
  let handle: DatabaseHandle;

  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).error).toBeUndefined();
  });
  afterEach(async () => {
    await handle?.close();
  });

  // Another process writing: the row changes without this process calling bumpDataGeneration.
  const writeElsewhere = (generation: number) =>
    searchTables(handle.db).updateTable('data_generation').set({ generation }).where('id', '=', 1).execute();

  it('starts at 1 and counts bumps', async () => {
    expect(await readDataGeneration(handle.db)).toBe(1);
    await bumpDataGeneration(handle.db);
    await bumpDataGeneration(handle.db);
    expect(await readDataGeneration(handle.db)).toBe(3);
  });

  it('notices another process’s write within maxAgeMs, not before', async () => {
    let now = 10_000_000_000_000;
    const watcher = watchDataGeneration(handle.db, { maxAgeMs: 1000, now: () => now });
    expect(await watcher.current()).toBe(1);
    await writeElsewhere(5);
    now += 999;
    expect(await watcher.current()).toBe(1);
    now += 1;
    expect(await watcher.current()).toBe(5);
  });

  it('sees a write of this process at once', async () => {
    const watcher = watchDataGeneration(handle.db, { maxAgeMs: 60_000 });
    expect(await watcher.current()).toBe(1);
    await bumpDataGeneration(handle.db);
    expect(await watcher.current()).toBe(2);
  });
});
