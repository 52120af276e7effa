/**
 * The rows of the search index, read from the public tables: one per plan, node, achievement, indicator and
 * evaluation.
 * Titles are searched first; every other text a citizen can read on the record's page goes in `body`.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { SearchEntryTable, SearchEntryType } from './search-tables.ts';

export type SearchEntryRow = Insertable<SearchEntryTable>;

const bodyOf = (...texts: (string | null)[]) => texts.filter((t): t is string => !!t).join('\n');

const entry = (
  type: SearchEntryType,
  row: { id: string; plan_id: string; node_id: string | null; position: number; title: string },
  body: string,
): SearchEntryRow => ({
  id: `${type}:${row.id}`,
  type,
  record_id: row.id,
  plan_id: row.plan_id,
  node_id: row.node_id,
  position: row.position,
  title: row.title,
  body,
});

async function planEntries(db: Kysely<Database>, planId?: string): Promise<SearchEntryRow[]> {
  let query = db.selectFrom('plan').select(['id', 'title', 'title_en', 'subtitle', 'summary']);
  if (planId !== undefined) query = query.where('id', '=', planId);
  const rows = await query.execute();
  return rows.map((r) =>
    entry(
      'plan',
      { id: r.id, plan_id: r.id, node_id: null, position: 0, title: r.title },
      bodyOf(r.subtitle, r.summary, r.title_en),
    ),
  );
}

async function nodeEntries(db: Kysely<Database>, planId?: string): Promise<SearchEntryRow[]> {
  let query = db
    .selectFrom('node')
    .select(['id', 'plan_id', 'position', 'title', 'title_en', 'slogan', 'vision_phrase', 'description']);
  if (planId !== undefined) query = query.where('plan_id', '=', planId);
  const rows = await query.execute();
  return rows.map((r) =>
    entry('node', { ...r, node_id: r.id }, bodyOf(r.slogan, r.vision_phrase, r.description, r.title_en)),
  );
}

async function achievementEntries(db: Kysely<Database>, planId?: string): Promise<SearchEntryRow[]> {
  let query = db
    .selectFrom('achievement')
    .innerJoin('node', 'node.id', 'achievement.node_id')
    .select([
      'achievement.id',
      'node.plan_id',
      'achievement.node_id',
      'achievement.position',
      'achievement.title',
      'achievement.details',
      'achievement.note',
    ]);
  if (planId !== undefined) query = query.where('node.plan_id', '=', planId);
  const rows = await query.execute();
  return rows.map((r) => entry('achievement', r, bodyOf(r.details, r.note)));
}

async function indicatorEntries(db: Kysely<Database>, planId?: string): Promise<SearchEntryRow[]> {
  let query = db
    .selectFrom('indicator')
    .innerJoin('node', 'node.id', 'indicator.node_id')
    .select([
      'indicator.id',
      'node.plan_id',
      'indicator.node_id',
      'indicator.position',
      'indicator.name as title',
      'indicator.name_en',
      'indicator.description',
    ]);
  if (planId !== undefined) query = query.where('node.plan_id', '=', planId);
  const rows = await query.execute();
  return rows.map((r) => entry('indicator', r, bodyOf(r.description, r.name_en)));
}

/** An evaluation's title in results: who evaluated what. @example evaluationTitle('外部評価委員会', '子育て') // "外部評価委員会による評価: 子育て" */
export const evaluationTitle = (evaluatorName: string, subject: string) =>
  `${evaluatorName}による評価: ${subject}`;

async function evaluationEntries(db: Kysely<Database>, planId?: string): Promise<SearchEntryRow[]> {
  let query = db
    .selectFrom('evaluation')
    .innerJoin('plan', 'plan.id', 'evaluation.plan_id')
    .leftJoin('node', 'node.id', 'evaluation.node_id')
    .select([
      'evaluation.id',
      'evaluation.plan_id',
      'evaluation.node_id',
      'evaluation.position',
      'node.title as node_title',
      'plan.title as plan_title',
      'evaluation.evaluator_name',
      'evaluation.grade',
      'evaluation.scale',
      'evaluation.comment',
    ]);
  if (planId !== undefined) query = query.where('evaluation.plan_id', '=', planId);
  const rows = await query.execute();
  // A plan's evaluation of itself has no node: its row is on the plan's page.
  return rows.map((r) =>
    entry(
      'evaluation',
      { ...r, title: evaluationTitle(r.evaluator_name, r.node_title ?? r.plan_title) },
      bodyOf(r.comment, r.grade, r.scale),
    ),
  );
}

/** The index rows of one plan, or of every plan when `planId` is undefined. */
export async function searchEntries(db: Kysely<Database>, planId?: string): Promise<SearchEntryRow[]> {
  const parts = await Promise.all([
    planEntries(db, planId),
    nodeEntries(db, planId),
    achievementEntries(db, planId),
    indicatorEntries(db, planId),
    evaluationEntries(db, planId),
  ]);
  return parts.flat();
}
