/** Turns snake_case rows (with their joined `src_`/`ssrc_` source columns) into the domain model's shapes. */
import type { Selectable } from 'kysely';
import type { Achievement, Evaluation, Indicator, PlanNode, ValuePoint } from '../domain/model.ts';
import type {
  AchievementTable,
  EvaluationTable,
  IndicatorTable,
  IndicatorValueTable,
  NodeTable,
} from './schema.ts';
import { requiredSourceFromRow, sourceFromRow } from './source-rows.ts';
import { nullableNumber, optionalText, toBoolean, toNumber, withoutUndefined } from './values.ts';

type WithSource = Parameters<typeof requiredSourceFromRow>[0];
type WithStatusSource = Parameters<typeof sourceFromRow<'ssrc'>>[0];

/** A node without its children and attached records, plus where it sits in the tree. */
export type NodeRecord = Omit<
  PlanNode,
  'continues' | 'achievements' | 'indicators' | 'evaluations' | 'children'
> & {
  parentId: string | null;
};

export function nodeFromRow(row: Selectable<NodeTable> & WithSource & WithStatusSource): NodeRecord {
  return withoutUndefined({
    parentId: row.parent_id,
    id: row.id,
    kind: row.kind as PlanNode['kind'],
    code: optionalText(row.code),
    title: row.title,
    titleEn: optionalText(row.title_en),
    slogan: optionalText(row.slogan),
    visionPhrase: optionalText(row.vision_phrase),
    description: optionalText(row.description),
    status: row.status,
    statusDate: row.status_date,
    statusSource: sourceFromRow(row, 'ssrc'),
    source: sourceFromRow(row, 'src'),
  });
}

export function achievementFromRow(row: Selectable<AchievementTable> & WithSource): Achievement {
  return withoutUndefined({
    id: row.id,
    title: row.title,
    date: row.date,
    dateBasis: row.date_basis as Achievement['dateBasis'],
    highlight: toBoolean(row.highlight),
    details: JSON.parse(row.details) as string[],
    note: optionalText(row.note),
    source: requiredSourceFromRow(row),
  });
}

export function evaluationFromRow(row: Selectable<EvaluationTable> & WithSource): Evaluation {
  return withoutUndefined({
    id: row.id,
    fiscalYear: nullableNumber(row.fiscal_year),
    evaluatedAt: row.evaluated_at,
    evaluatorKind: row.evaluator_kind as Evaluation['evaluatorKind'],
    evaluatorName: row.evaluator_name,
    scale: row.scale,
    grade: row.grade,
    score: nullableNumber(row.score),
    maxScore: nullableNumber(row.max_score),
    comment: optionalText(row.comment),
    nextStep: row.next_step as Evaluation['nextStep'],
    source: requiredSourceFromRow(row),
  });
}

export function valueFromRow(row: Selectable<IndicatorValueTable> & WithSource): ValuePoint {
  return withoutUndefined({
    value: toNumber(row.value),
    text: optionalText(row.text),
    date: row.date,
    qualifier: row.qualifier as ValuePoint['qualifier'],
    outOf: nullableNumber(row.out_of),
    rankOf: nullableNumber(row.rank_of),
    source: requiredSourceFromRow(row),
    note: optionalText(row.note),
  });
}

export function indicatorFromRow(
  row: Selectable<IndicatorTable>,
  values: Pick<Indicator, 'baseline' | 'target' | 'observations' | 'reported'>,
): Indicator {
  return withoutUndefined({
    id: row.id,
    name: row.name,
    nameEn: optionalText(row.name_en),
    unit: row.unit,
    kind: row.kind as Indicator['kind'],
    direction: row.direction as Indicator['direction'],
    cumulative: toBoolean(row.cumulative),
    highlight: toBoolean(row.highlight),
    achievementFormula: row.achievement_formula as Indicator['achievementFormula'],
    ...values,
    description: optionalText(row.description),
  });
}
