/**
 * The rows of the search index, read from the public tables: one per plan, node, achievement, indicator and
 * evaluation.
 * Titles are searched first; every other text a citizen can read on the record's page goes in `body`.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DatasetRows } from '../dataset-rows.ts';
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

/**
 * The same rows for plans being written whole, from the rows written (dataset-rows.ts) rather than read back:
 * `searchEntriesFromRows(datasetRows(doc))` equals `searchEntries(db)` once `doc` alone is stored.
 */
export function searchEntriesFromRows(rows: DatasetRows): SearchEntryRow[] {
  const out: SearchEntryRow[] = [];
  const plans = new Map(rows.plan.map((p) => [p.id, p]));
  const nodes = new Map(rows.node.map((n) => [n.id, n]));
  const text = (value: string | null | undefined) => value ?? null;
  for (const p of rows.plan)
    out.push(
      entry(
        'plan',
        { id: p.id, plan_id: p.id, node_id: null, position: 0, title: p.title },
        bodyOf(text(p.subtitle), text(p.summary), text(p.title_en)),
      ),
    );
  for (const n of rows.node)
    out.push(
      entry(
        'node',
        { id: n.id, plan_id: n.plan_id, node_id: n.id, position: n.position, title: n.title },
        bodyOf(text(n.slogan), text(n.vision_phrase), text(n.description), text(n.title_en)),
      ),
    );
  for (const a of rows.achievement) {
    const planId = nodes.get(a.node_id)!.plan_id;
    out.push(
      entry(
        'achievement',
        { id: a.id, plan_id: planId, node_id: a.node_id, position: a.position, title: a.title },
        bodyOf(a.details, text(a.note)),
      ),
    );
  }
  for (const i of rows.indicator) {
    const planId = nodes.get(i.node_id)!.plan_id;
    out.push(
      entry(
        'indicator',
        { id: i.id, plan_id: planId, node_id: i.node_id, position: i.position, title: i.name },
        bodyOf(text(i.description), text(i.name_en)),
      ),
    );
  }
  for (const e of rows.evaluation) {
    const subject =
      (e.node_id == null ? undefined : nodes.get(e.node_id)?.title) ?? plans.get(e.plan_id)!.title;
    out.push(
      entry(
        'evaluation',
        {
          id: e.id,
          plan_id: e.plan_id,
          node_id: e.node_id ?? null,
          position: e.position,
          title: evaluationTitle(e.evaluator_name, subject),
        },
        bodyOf(text(e.comment), text(e.grade), text(e.scale)),
      ),
    );
  }
  return out;
}
