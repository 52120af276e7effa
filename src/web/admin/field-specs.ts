/**
 * What each entity's admin form shows: one entry per flat-record field (src/domain/editing/records.ts),
 * with its label, its input and what an empty input means. Nested objects use dotted names ("source.line").
 */
import type { EditingEntity } from '../../domain/editing/records.ts';
import {
  achievementFormulas,
  directions,
  evaluationStages,
  evaluatorKinds,
  indicatorKinds,
  nextSteps,
  nodeKinds,
  planKinds,
  valueQualifiers,
} from '../../domain/model.ts';
import {
  achievementFormulaWords,
  dateBasisWords,
  directionWords,
  evaluationStageWords,
  evaluatorKindWords,
  indicatorKindWords,
  nextStepWords,
  nodeKindWords,
  type OptionLabels,
  planKindWords,
  valueQualifierWords,
  valueRoleWords,
} from './option-labels.ts';

export type FieldInput =
  | 'text'
  | 'date'
  | 'fiscalYear'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'select'
  | 'checkbox'
  | 'json'
  | 'lines';

export interface FieldSpec {
  name: string;
  label: string;
  input: FieldInput;
  options?: readonly string[];
  /** The words each option shows (完了 for done); codes without words show as they are. */
  optionLabels?: OptionLabels;
  /** What an empty input becomes: left out of the record (optional field), or null (nullable field). */
  empty?: 'omit' | 'null';
  /** Fixed once created: the id and where a record belongs are chosen on the "new" form. */
  createOnly?: boolean;
}

const yen = (name: string, label: string): FieldSpec => ({ name, label, input: 'integer', empty: 'null' });

const text = (name: string, label: string, empty?: 'omit' | 'null'): FieldSpec => ({
  name,
  label,
  input: 'text',
  ...(empty ? { empty } : {}),
});
/** A date field: read as the importer reads a date cell (2020-01-15, FY2019, 令和2年度, R2.4, 平成28年 …). */
const date = (name: string, label: string, empty?: 'null'): FieldSpec => ({
  name,
  label,
  input: 'date',
  ...(empty ? { empty } : {}),
});
const select = (
  name: string,
  label: string,
  options: readonly string[],
  optionLabels: OptionLabels,
  empty?: 'null',
): FieldSpec => ({
  name,
  label,
  input: 'select',
  options,
  optionLabels,
  ...(empty ? { empty } : {}),
});
// An id left empty on a new record is made from where the record belongs (new-record-id.ts).
const idField: FieldSpec = {
  name: 'id',
  label: 'ID（空欄なら自動で付けます / generated when left empty）',
  input: 'text',
  createOnly: true,
};
const position: FieldSpec = { name: 'position', label: '並び順 (position)', input: 'integer' };

/** A source reference group; `optional` groups disappear when their document is left empty. */
export function sourceFields(prefix: string, label: string): FieldSpec[] {
  return [
    text(`${prefix}.documentId`, `${label}: 資料ID (document id)`),
    text(`${prefix}.section`, `${label}: 見出し (section)`, 'omit'),
    { name: `${prefix}.line`, label: `${label}: 行 (line)`, input: 'integer', empty: 'omit' },
    { name: `${prefix}.page`, label: `${label}: ページ (page)`, input: 'integer', empty: 'omit' },
    { name: `${prefix}.quote`, label: `${label}: 引用 (quote)`, input: 'textarea', empty: 'omit' },
    text(`${prefix}.url`, `${label}: URL`, 'omit'),
  ];
}

/** Groups of fields whose object is left out when its documentId is empty. */
export const optionalGroups: Partial<Record<EditingEntity, string[]>> = {
  node: ['source', 'statusSource'],
};

const source = sourceFields('source', '出典 (source)');

export const fieldSpecs: Record<EditingEntity, FieldSpec[]> = {
  plan: [
    idField,
    { ...text('organizationId', '団体ID (organization id)'), createOnly: true },
    text('title', '計画名 (title)'),
    text('titleEn', '計画名・英語 (title in English)', 'omit'),
    text('subtitle', '副題 (subtitle)', 'omit'),
    select('kind', '種類 (kind)', planKinds, planKindWords),
    date('periodStart', '任期の始まり (period start)'),
    date('periodEnd', '任期の終わり (period end)'),
    date('publishedAt', '公表日 (published at)'),
    { name: 'summary', label: '概要 (summary)', input: 'textarea', empty: 'omit' },
    ...source,
    { name: 'statusVocabulary', label: '状況の語彙 JSON (status vocabulary)', input: 'json', empty: 'null' },
    select(
      'achievementFormula',
      '達成率の計算式 (achievement formula)',
      achievementFormulas,
      achievementFormulaWords,
    ),
    { name: 'ratingScale', label: '評価の閾値 JSON (rating thresholds)', input: 'json', empty: 'null' },
    text('follows', '前の計画ID (follows)', 'null'),
    { name: 'reported', label: '公表された集計 JSON (published rollups)', input: 'json', empty: 'omit' },
  ],
  node: [
    idField,
    { ...text('planId', '計画ID (plan id)'), createOnly: true },
    text('parentId', '親ノードID (parent id)', 'null'),
    position,
    select('kind', '種類 (kind)', nodeKinds, nodeKindWords),
    text('code', '番号 (code)', 'omit'),
    text('title', '名称 (title)'),
    text('titleEn', '名称・英語 (title in English)', 'omit'),
    text('slogan', 'スローガン (slogan)', 'omit'),
    text('visionPhrase', 'めざす姿 (vision phrase)', 'omit'),
    { name: 'description', label: '説明 (description)', input: 'textarea', empty: 'omit' },
    text('status', '状況 (status)', 'null'),
    date('statusDate', '状況の日付 (status date)', 'null'),
    text('department', '所管課 (department)', 'omit'),
    ...sourceFields('statusSource', '状況の出典 (status source)'),
    ...sourceFields('source', '出典 (source)'),
  ],
  indicator: [
    idField,
    text('nodeId', 'ノードID (node id)'),
    position,
    text('name', '指標名 (name)'),
    text('nameEn', '指標名・英語 (name in English)', 'omit'),
    text('unit', '単位 (unit)'),
    select('kind', '種類 (kind)', indicatorKinds, indicatorKindWords),
    select('direction', '方向 (direction)', directions, directionWords),
    { name: 'cumulative', label: '累計 (cumulative)', input: 'checkbox' },
    { name: 'highlight', label: '見出しに表示 (highlight)', input: 'checkbox' },
    select(
      'achievementFormula',
      '達成率の計算式 (achievement formula)',
      achievementFormulas,
      achievementFormulaWords,
      'null',
    ),
    { name: 'description', label: '説明 (description)', input: 'textarea', empty: 'omit' },
  ],
  indicatorValue: [
    idField,
    text('indicatorId', '指標ID (indicator id)'),
    select('role', '種別 (role)', ['observation', 'baseline', 'target'], valueRoleWords),
    position,
    { name: 'value', label: '値 (value)', input: 'number' },
    text('text', '表記 (text as printed)', 'omit'),
    date('date', '日付 (date)', 'null'),
    select('qualifier', '約・以上など (qualifier)', valueQualifiers, valueQualifierWords, 'null'),
    { name: 'outOf', label: '母数 (out of)', input: 'number', empty: 'null' },
    { name: 'rankOf', label: '順位の母数 (rank of)', input: 'integer', empty: 'null' },
    ...source,
    text('note', '注記 (note)', 'omit'),
  ],
  achievement: [
    idField,
    text('nodeId', 'ノードID (node id)'),
    position,
    text('title', '実績 (title)'),
    date('date', '日付 (date)', 'null'),
    select('dateBasis', '日付の根拠 (date basis)', ['event', 'reported'], dateBasisWords),
    { name: 'highlight', label: '強調 (highlight)', input: 'checkbox' },
    { name: 'details', label: '詳細・1行に1項目 (details, one per line)', input: 'lines' },
    text('note', '注記 (note)', 'omit'),
    ...source,
  ],
  evaluation: [
    idField,
    text('nodeId', 'ノードID・計画の評価は空欄 (node id; empty for the plan itself)', 'null'),
    text('planId', '計画ID・計画の評価のみ (plan id, for the plan itself)', 'omit'),
    position,
    select('stage', '評価の段階 (stage)', evaluationStages, evaluationStageWords, 'null'),
    { name: 'fiscalYear', label: '年度 (fiscal year)', input: 'fiscalYear', empty: 'null' },
    date('evaluatedAt', '評価日 (evaluated at)', 'null'),
    select('evaluatorKind', '評価者の種類 (evaluator kind)', evaluatorKinds, evaluatorKindWords),
    text('evaluatorName', '評価者 (evaluator name)'),
    text('scale', '評価の尺度 (scale)'),
    text('grade', '評価 (grade)', 'null'),
    { name: 'score', label: '点数 (score)', input: 'number', empty: 'null' },
    { name: 'maxScore', label: '満点 (max score)', input: 'number', empty: 'null' },
    text('scoreUnit', '点数の単位・点 / % (score unit)', 'null'),
    { name: 'comment', label: '所見 (comment)', input: 'textarea', empty: 'omit' },
    select('nextStep', '今後の方向性 (next step)', nextSteps, nextStepWords, 'null'),
    { name: 'viewpoints', label: '観点ごとの評価 JSON (viewpoint grades)', input: 'json', empty: 'null' },
    { name: 'budgetEffect', label: '予算への反映 JSON (budget effect)', input: 'json', empty: 'null' },
    ...source,
  ],
  programSheet: [
    idField,
    text('nodeId', 'ノードID (node id)'),
    position,
    { name: 'fiscalYear', label: '年度 (fiscal year)', input: 'fiscalYear' },
    { name: 'target', label: '対象 (target)', input: 'textarea', empty: 'omit' },
    { name: 'intent', label: '意図 (intent)', input: 'textarea', empty: 'omit' },
    { name: 'means', label: '手段 (means)', input: 'textarea', empty: 'omit' },
    { name: 'targetIndicatorIds', label: '対象指標ID・1行に1つ (target indicators)', input: 'lines' },
    { name: 'activityIndicatorIds', label: '活動指標ID・1行に1つ (activity indicators)', input: 'lines' },
    { name: 'outcomeIndicatorIds', label: '成果指標ID・1行に1つ (outcome indicators)', input: 'lines' },
    text('unitCostIndicatorId', '単位コストの指標ID (unit cost indicator)', 'null'),
    yen('budgetInitial', '当初予算・円 (initial budget, yen)'),
    yen('budgetSupplementary', '補正予算・円 (supplementary budget, yen)'),
    yen('budgetFinal', '最終予算・円 (final budget, yen)'),
    yen('settlement', '決算・円 (settlement, yen)'),
    yen('fundingNational', '国庫支出金・円 (national funds, yen)'),
    yen('fundingPrefectural', '県支出金・円 (prefectural funds, yen)'),
    yen('fundingBonds', '地方債・円 (bonds, yen)'),
    yen('fundingOther', 'その他・円 (other funds, yen)'),
    yen('fundingGeneral', '一般財源・円 (general funds, yen)'),
    yen('personnelCost', '人件費・円 (personnel cost, yen)'),
    { name: 'staffYears', label: '人工 (staff years)', input: 'number', empty: 'null' },
    yen('averageSalary', '平均給与・円 (average salary, yen)'),
    yen('otherCost', 'その他のコスト・円 (other cost, yen)'),
    text('otherCostLabel', 'その他のコストの内容 (other cost label)', 'omit'),
    { name: 'reported', label: '公表値 JSON (figures as printed)', input: 'json' },
    text('note', '注記 (note)', 'omit'),
    ...source,
  ],
  source: [
    idField,
    text('documentId', '資料ID (document id)'),
    text('section', '見出し (section)', 'omit'),
    { name: 'line', label: '行 (line)', input: 'integer', empty: 'omit' },
    { name: 'page', label: 'ページ (page)', input: 'integer', empty: 'omit' },
    { name: 'quote', label: '引用 (quote)', input: 'textarea', empty: 'omit' },
    text('url', 'URL', 'omit'),
  ],
};

/** Japanese (English) name of an entity, for headings and messages. */
export const entityLabels: Record<EditingEntity, string> = {
  plan: '計画 (plan)',
  node: 'ノード (node)',
  indicator: '指標 (indicator)',
  indicatorValue: '指標の値 (indicator value)',
  achievement: '取り組み実績 (achievement)',
  evaluation: '評価 (evaluation)',
  programSheet: '事務事業評価シート (program sheet)',
  source: '出典 (source)',
};
