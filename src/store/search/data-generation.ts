/**
 * The data generation: one number every write bumps, so a page cache can key on it and drop what it rendered
 * from older data. Bumped by the store's write path (`reindexPlan`, `rebuildSearchIndex`, or directly).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { searchTables } from './search-tables.ts';

// Writes through each database handle (keyed by its Kysely adapter, which its transactions share), so a watcher on
// the same handle looks at the database again right away instead of waiting. Another handle (another node, or a
// read replica's) learns of the write only from the stored generation, as a separate process does.
const lastLocalWriteAt = new WeakMap<object, number>();
const handleOf = (db: Kysely<Database>): object => db.getExecutor().adapter;

/** The stored generation, e.g. `await readDataGeneration(db) // 7`. */
export async function readDataGeneration(db: Kysely<Database>): Promise<number> {
  const row = await searchTables(db)
    .selectFrom('data_generation')
    .select('generation')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.generation ?? 0);
}

// Changes kept for caches to catch up with; a cache further behind drops everything.
const changesKept = 1000;

/**
 * Marks the data as changed, of one organization when `organizationId` is given (else of any); call inside the
 * write's transaction: `await bumpDataGeneration(trx, 'komoro')`.
 */
export async function bumpDataGeneration(
  db: Kysely<Database>,
  organizationId: string | null = null,
): Promise<void> {
  const tables = searchTables(db);
  const row = await tables
    .updateTable('data_generation')
    .set((eb) => ({ generation: eb('generation', '+', 1) }))
    .where('id', '=', 1)
    .returning('generation')
    .executeTakeFirst();
  if (row !== undefined) {
    const generation = Number(row.generation);
    // A row already there (a counter restored from a backup) makes that generation's change unknown: any.
    await tables
      .insertInto('data_change')
      .values({ generation, organization_id: organizationId })
      .onConflict((oc) => oc.column('generation').doUpdateSet({ organization_id: null }))
      .execute();
    await tables
      .deleteFrom('data_change')
      .where('generation', '<=', generation - changesKept)
      .execute();
  }
  lastLocalWriteAt.set(handleOf(db), Date.now());
}

/** What changed after generation `since` up to `until`: some organizations, or 'all' (unknown or everything). */
export type DataChanges = { organizations: ReadonlySet<string> } | 'all';

/** E.g. `await readDataChanges(db, 6, 8) // { organizations: Set { 'komoro' } }`. */
export async function readDataChanges(
  db: Kysely<Database>,
  since: number,
  until: number,
): Promise<DataChanges> {
  if (until - since > changesKept) return 'all';
  const rows = await searchTables(db)
    .selectFrom('data_change')
    .select(['generation', 'organization_id'])
    .where('generation', '>', since)
    .where('generation', '<=', until)
    .execute();
  // A missing row is a bump this table did not record (pruned, or before it existed): assume anything changed.
  if (rows.length !== until - since || rows.some((r) => r.organization_id === null)) return 'all';
  return { organizations: new Set(rows.map((r) => r.organization_id as string)) };
}

export interface DataGeneration {
  /** The generation as of at most `maxAgeMs` ago, or as of now within `maxAgeMs` of a local write. */
  current(): Promise<number>;
  /**
   * The generation `current()` would resolve to right now without reading the database, or undefined when it would
   * read: lets a cache answer a hit without awaiting anything.
   */
  peek?(): number | undefined;
  /** What changed between two generations; without it a cache assumes everything did. */
  changes?(since: number, until: number): Promise<DataChanges>;
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
  const handle = handleOf(db);
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
  const fresh = () => {
    const at = now();
    // A local write may commit after the bump, so keep looking for a while rather than once.
    const localWriteAt = lastLocalWriteAt.get(handle) ?? Number.NEGATIVE_INFINITY;
    return at - readAt < maxAgeMs && at - localWriteAt >= maxAgeMs;
  };
  return {
    changes: (since, until) => readDataChanges(db, since, until),
    current: () => (fresh() ? Promise.resolve(value) : read()),
    peek: () => (fresh() ? value : undefined),
  };
}
