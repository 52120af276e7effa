/**
 * What the store already holds for the keys a staff table names, read as flat editing records so the importer
 * can compare them with the file's rows and record before/after in the history.
 */
import type { Kysely } from 'kysely';
import { appendAll } from '../../domain/append-all.ts';
import type {
  AchievementRecord,
  IndicatorRecord,
  IndicatorValueRecord,
  NodeRecord,
} from '../../domain/editing/records.ts';
import type { SourceRef } from '../../domain/model.ts';
import { achievementRecordFromRow } from '../records/achievement-rows.ts';
import { indicatorRecordFromRow } from '../records/indicator-rows.ts';
import { indicatorValueRecordFromRow } from '../records/indicator-value-rows.ts';
import { nodeFromRow, selectNodesWithSources } from '../records/node-rows.ts';
import { requiredSourceFromRow, sourceColumns } from '../records/source-rows.ts';
import type { Database } from '../schema.ts';
import { toNumber } from '../values.ts';

/** A stored record and the plan it belongs to. */
export interface Stored<R> {
  record: R;
  planId: string;
}

// Well under both databases' parameter limits, and short enough to keep each query cheap to build.
const idsPerQuery = 500;

async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let start = 0; start < unique.length; start += idsPerQuery) {
    appendAll(out, await read(unique.slice(start, start + idsPerQuery)));
  }
  return out;
}

export async function storedPlanIds(db: Kysely<Database>): Promise<Set<string>> {
  return new Set((await db.selectFrom('plan').select('id').execute()).map((r) => r.id));
}

export async function storedDocumentIds(db: Kysely<Database>): Promise<Set<string>> {
  return new Set((await db.selectFrom('source_document').select('id').execute()).map((r) => r.id));
}

export async function storedNodes(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, Stored<NodeRecord>>> {
  const rows = await inChunks(ids, (chunk) =>
    selectNodesWithSources(db).where('node.id', 'in', chunk).execute(),
  );
  return new Map(rows.map((row) => [row.id, { record: nodeFromRow(row), planId: row.plan_id }]));
}

export async function storedIndicators(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, Stored<IndicatorRecord>>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('indicator')
      .innerJoin('node', 'node.id', 'indicator.node_id')
      .selectAll('indicator')
      .select('node.plan_id')
      .where('indicator.id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.map((row) => [row.id, { record: indicatorRecordFromRow(row), planId: row.plan_id }]));
}

/**
 * Baselines, targets and observations of the given indicators, oldest position first. A re-imported statistics file
 * reads back 100,000 values citing a few hundred sources: each source becomes one shared object.
 */
export async function storedValues(
  db: Kysely<Database>,
  indicatorIds: readonly string[],
): Promise<Map<string, IndicatorValueRecord[]>> {
  const rows = await inChunks(indicatorIds, (chunk) =>
    db
      .selectFrom('indicator_value')
      .select([
        'id',
        'indicator_id',
        'role',
        'position',
        'value',
        'date',
        'qualifier',
        'out_of',
        'rank_of',
        'text',
        'note',
        'source_id',
      ])
      .where('indicator_id', 'in', chunk)
      .orderBy('position')
      .execute(),
  );
  // Sources apart rather than joined: a join repeats each source's words on every one of its values.
  const sources = await storedSources(
    db,
    rows.map((row) => row.source_id),
  );
  const byIndicator = new Map<string, IndicatorValueRecord[]>();
  for (const row of rows) {
    const source = sources.get(row.source_id);
    if (source === undefined) throw new Error(`出典が見つかりません (source row missing): ${row.source_id}`);
    const record = indicatorValueRecordFromRow(row, source);
    const list = byIndicator.get(row.indicator_id);
    if (list === undefined) byIndicator.set(row.indicator_id, [record]);
    else list.push(record);
  }
  return byIndicator;
}

/** Source rows by id, as SourceRefs. */
async function storedSources(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, SourceRef>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('source as src')
      .select('src.id')
      .select(sourceColumns)
      .where('src.id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.map((row) => [row.id, requiredSourceFromRow(row)]));
}

/** The next free position under each parent (key '' for a plan's pillars) of the given plans. */
export async function nextNodePositions(
  db: Kysely<Database>,
  planIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await inChunks(planIds, (chunk) =>
    db
      .selectFrom('node')
      .select(['plan_id', 'parent_id', (eb) => eb.fn.max('position').as('last')])
      .where('plan_id', 'in', chunk)
      .groupBy(['plan_id', 'parent_id'])
      .execute(),
  );
  return new Map(rows.map((r) => [positionKey(r.plan_id, r.parent_id), toNumber(r.last) + 1]));
}

export const positionKey = (planId: string, parentId: string | null) => `${planId}\t${parentId ?? ''}`;

/** The next free indicator position under each of the given nodes. */
export async function nextIndicatorPositions(
  db: Kysely<Database>,
  nodeIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await inChunks(nodeIds, (chunk) =>
    db
      .selectFrom('indicator')
      .select(['node_id', (eb) => eb.fn.max('position').as('last')])
      .where('node_id', 'in', chunk)
      .groupBy('node_id')
      .execute(),
  );
  return new Map(rows.map((r) => [r.node_id, toNumber(r.last) + 1]));
}

/** Achievements by id, with their sources, and the plan of each. */
export async function storedAchievements(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, Stored<AchievementRecord>>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('achievement')
      .innerJoin('node', 'node.id', 'achievement.node_id')
      .innerJoin('source as src', 'src.id', 'achievement.source_id')
      .selectAll('achievement')
      .select(sourceColumns)
      .select('node.plan_id')
      .where('achievement.id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.map((row) => [row.id, { record: achievementRecordFromRow(row), planId: row.plan_id }]));
}

/** The next free achievement position under each of the given nodes. */
export async function nextAchievementPositions(
  db: Kysely<Database>,
  nodeIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await inChunks(nodeIds, (chunk) =>
    db
      .selectFrom('achievement')
      .select(['node_id', (eb) => eb.fn.max('position').as('last')])
      .where('node_id', 'in', chunk)
      .groupBy('node_id')
      .execute(),
  );
  return new Map(rows.map((r) => [r.node_id, toNumber(r.last) + 1]));
}

/** Every stored node of the given plans, for finding a parent by code or title. */
export async function storedPlanNodes(
  db: Kysely<Database>,
  planIds: readonly string[],
): Promise<Stored<NodeRecord>[]> {
  const rows = await inChunks(planIds, (chunk) =>
    selectNodesWithSources(db).where('node.plan_id', 'in', chunk).execute(),
  );
  return rows.map((row) => ({ record: nodeFromRow(row), planId: row.plan_id }));
}

/** The stored text of those `ids` that have one (registered documents), to check cited lines and quotes against. */
export async function storedDocumentTexts(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('document_file')
      .select(['document_id', 'text'])
      .where('document_id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.flatMap((r) => (r.text === null ? [] : [[r.document_id, r.text] as [string, string]])));
}
