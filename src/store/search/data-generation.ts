/**
 * The data generation: one number every write bumps, so a page cache can key on it and drop what it rendered
 * from older data. Bumped by the store's write path (`reindexPlan`, `rebuildSearchIndex`, or directly).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { searchTables } from './search-tables.ts';

// Writes through this process, so its watchers look at the database again right away instead of waiting.
let lastLocalWriteAt = Number.NEGATIVE_INFINITY;

/** The stored generation, e.g. `await readDataGeneration(db) // 7`. */
export async function readDataGeneration(db: Kysely<Database>): Promise<number> {
  const row = await searchTables(db)
    .selectFrom('data_generation')
    .select('generation')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.generation ?? 0);
}

/** Marks the data as changed; call inside the write's transaction: `await bumpDataGeneration(trx)`. */
export async function bumpDataGeneration(db: Kysely<Database>): Promise<void> {
  await searchTables(db)
    .updateTable('data_generation')
    .set((eb) => ({ generation: eb('generation', '+', 1) }))
    .where('id', '=', 1)
    .execute();
  lastLocalWriteAt = Date.now();
}

export interface DataGeneration {
  /** The generation as of at most `maxAgeMs` ago, or as of now within `maxAgeMs` of a local write. */
  current(): Promise<number>;
}

export interface DataGenerationOptions {
  /** How long a read stays good when nothing was written in this process; 1000 ms by default. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * A cheap per-process view of the generation that still notices writes by other processes.
 *
 * @example const generation = watchDataGeneration(db); const key = `${path}#${await generation.current()}`
 */
export function watchDataGeneration(
  db: Kysely<Database>,
  { maxAgeMs = 1000, now = Date.now }: DataGenerationOptions = {},
): DataGeneration {
  let value = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<number> | undefined;
  const read = () => {
    const started = now();
    pending ??= readDataGeneration(db)
      .then((generation) => {
        value = generation;
        readAt = started;
        return generation;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  return {
    current() {
      const at = now();
      // A local write may commit after the bump, so keep looking for a while rather than once.
      const fresh = at - readAt < maxAgeMs && at - lastLocalWriteAt >= maxAgeMs;
      return fresh ? Promise.resolve(value) : read();
    },
  };
}
