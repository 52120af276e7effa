/** The Komoro demo in an in-memory SQLite store, for export tests that read through the real store. */
import type { Plan } from '../../../domain/model.ts';
import { createReadStore } from '../../../store/queries.ts';
import type { ReadStore } from '../../../store/read-store.ts';
import { openDemoSqlite } from '../../../store/testing/sqlite-templates.ts';

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
