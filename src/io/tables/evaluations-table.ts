/**
 * The evaluations table, long form: one row per evaluation of a program (node) or of a plan itself, as
 * evaluations.csv exports it. Signatures are read to be checked, never written: a stage is signed on its page.
 */
import { z } from 'zod';
import { budgetEffectDirections, evaluationStages, evaluatorKinds } from '../../domain/model.ts';
import { code, date, fiscalYear, id, number, optional, required, text, yen } from './cells.ts';
import { column } from './column.ts';
import { sourceColumnList, sourceFields } from './source-columns.ts';
import type { TableDefinition } from './table-definition.ts';

export const evaluationTableColumns = {
  id: column('id', '評価ID', [], true, '評価の ID', 'id of the evaluation'),
  planId: column('planId', '計画ID', [], false, '計画の ID (計画自体の評価なら必須)', 'id of the plan'),
  nodeId: column(
    'nodeId',
    'ノードID',
    [],
    false,
    '評価したノード。計画自体の評価は空欄',
    'node evaluated; empty for the plan',
  ),
  fiscalYear: column(
    'fiscalYear',
    '年度',
    [],
    false,
    '評価した年度 (令和4年度, 2022)',
    'fiscal year evaluated',
  ),
  stage: column(
    'stage',
    '段階',
    [],
    false,
    'first (一次評価) / second (二次評価) / external (外部評価) / final (最終判断)',
    'stage',
  ),
  evaluatorKind: column(
    'evaluatorKind',
    '評価者の種類',
    [],
    true,
    'self (自己) / internal (内部) / external (外部) / citizen (市民)',
    'evaluator kind',
  ),
  evaluatorName: column('evaluatorName', '評価者', [], false, '評価者の名前', 'evaluator'),
  evaluatedAt: column('evaluatedAt', '評価日', [], false, '評価した日', 'date evaluated'),
  scale: column('scale', '尺度', [], false, '評価の尺度 (A-D, 100点 …)', 'scale'),
  grade: column('grade', '評価', [], false, '評価 (A など)', 'grade'),
  score: column('score', '点数', [], false, '点数', 'score'),
  maxScore: column('maxScore', '満点', [], false, '満点', 'maximum score'),
  scoreUnit: column('scoreUnit', '点数の単位', [], false, '点 / %', 'unit of the score'),
  nextStep: column(
    'nextStep',
    '今後の方向性',
    [],
    false,
    '方向性の名前かコード',
    'next step, by label or code',
  ),
  budgetEffectDirection: column(
    'budgetEffectDirection',
    '予算への反映',
    [],
    false,
    'increase / unchanged / decrease / abolish',
    'budget effect direction',
  ),
  budgetEffectAmount: column(
    'budgetEffectAmount',
    '予算への反映額',
    [],
    false,
    '円',
    'budget effect amount, yen',
  ),
  comment: column('comment', '所見', [], false, '所見', 'comment'),
  signedBy: column(
    'signedBy',
    '署名者',
    [],
    false,
    '書き出しの値。署名は評価の画面で行います',
    'exported; sign on the evaluation page',
  ),
  signedAt: column('signedAt', '署名日時', [], false, '書き出しの値', 'exported'),
};

const stageWords = {
  一次評価: 'first',
  二次評価: 'second',
  外部評価: 'external',
  最終判断: 'final',
} as const;
const kindWords = { 自己: 'self', 内部: 'internal', 外部: 'external', 市民: 'citizen' } as const;
const directionWords = {
  増額: 'increase',
  現状維持: 'unchanged',
  減額: 'decrease',
  廃止: 'abolish',
} as const;

const c = evaluationTableColumns;
const fields = {
  id: required(c.id, id),
  planId: optional(c.planId, id),
  nodeId: optional(c.nodeId, id),
  fiscalYear: optional(c.fiscalYear, fiscalYear),
  stage: optional(c.stage, code(evaluationStages, stageWords)),
  evaluatorKind: required(c.evaluatorKind, code(evaluatorKinds, kindWords)),
  evaluatorName: optional(c.evaluatorName, text),
  evaluatedAt: optional(c.evaluatedAt, date),
  scale: optional(c.scale, text),
  grade: optional(c.grade, text),
  score: optional(c.score, number),
  maxScore: optional(c.maxScore, number),
  scoreUnit: optional(c.scoreUnit, text),
  nextStep: optional(c.nextStep, text),
  budgetEffectDirection: optional(c.budgetEffectDirection, code(budgetEffectDirections, directionWords)),
  budgetEffectAmount: optional(c.budgetEffectAmount, yen),
  comment: optional(c.comment, text),
  signedBy: optional(c.signedBy, text),
  signedAt: optional(c.signedAt, text),
  ...sourceFields(true),
};

const schema = z.object(fields).superRefine((row, ctx) => {
  if (row.nodeId === null && row.planId === null)
    ctx.addIssue({
      code: 'custom',
      path: ['nodeId'],
      message: '「ノードID」か「計画ID」が必要です (an evaluation needs nodeId or planId)',
    });
});

export type EvaluationTableRow = z.output<typeof schema>;

export const evaluationsTable: TableDefinition<EvaluationTableRow> = {
  kind: 'evaluations',
  sheetHints: ['evaluations', '評価'],
  columns: [...Object.values(evaluationTableColumns), ...sourceColumnList(true)],
  schema,
  example: {
    id: 'hirakata-shiwake-2010.e.example',
    planId: 'hirakata-shiwake-2010',
    fiscalYear: '平成22年度',
    evaluatorKind: 'external',
    evaluatorName: '事業仕分け',
    sourceDocumentId: 'hirakata-shiwake-taio',
  },
};
