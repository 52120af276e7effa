/** The Komoro demo in an in-memory SQLite store, for export tests that read through the real store. */
import type { Plan } from '../../src/domain/model.ts';
import { createReadStore } from '../../src/store/queries.ts';
import type { ReadStore } from '../../src/store/read-store.ts';
import { openDemoSqlite } from './sqlite-templates.ts';

export interface DemoStore {
  store: ReadStore;
  plan(id: string): Promise<Plan>;
  close(): Promise<void>;
}

export async function openDemoStore(): Promise<DemoStore> {
  const handle = await openDemoSqlite();
  const store = createReadStore(handle.db);
  return {
    store,
    async plan(id) {
      const found = await store.getPlan(id);
      if (!found) throw new Error(`demo plan missing: ${id}`);
      return found;
    },
    close: () => handle.close(),
  };
}
