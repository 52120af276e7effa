/**
 * The API's view of the トータルシステム: a program's 事務事業評価 sheets with their money figures, and a plan's
 * 行政評価 rollup (its own evaluations, the directions of its programs, its published rollups beside the computed
 * ones). Described once in zod; the types are derived from the schemas.
 */
import { z } from 'zod';
import { nextStepsOf, viewpointsOf } from '../../domain/evaluation-vocabulary.ts';
import {
  besideReported,
  directionRollup,
  executionRate,
  type FigureResult,
  gradeShare,
  personnelCost,
  programCost,
  summarizePlan,
  totalCost,
  unitCost,
  yearOnYear,
} from '../../domain/figures/index.ts';
import {
  evaluationSchema,
  nextStepDefinitionSchema,
  type Organization,
  type Plan,
  type PlanFigure,
  type PlanNode,
  planFigureSchema,
  programFigureKinds,
  programFigureSchema,
  programSheetSchema,
  recordId,
  viewpointDefinitionSchema,
} from '../../domain/model.ts';
import { indicatorsOf, nodesOf } from '../../domain/plan-tree.ts';
import { figureSchema } from './figure-schemas.ts';

const besideSchema = z.object({
  computed: figureSchema,
  agrees: z.boolean().nullable().meta({ description: 'null when either side is missing.' }),
  difference: z.number().nullable().meta({ description: 'Computed − reported, in the computed unit.' }),
});

export const programSheetViewSchema = z.object({
  sheet: programSheetSchema,
  figures: z.object({
    programCost: figureSchema.meta({ description: '事業費: Σ 財源, else 決算, else 最終予算.' }),
    personnelCost: figureSchema.meta({ description: '人件費: the stated amount, else 人工 × 平均給与.' }),
    totalCost: figureSchema.meta({ description: 'トータルコスト = 事業費 + 人件費 (+ その他).' }),
    unitCost: figureSchema.meta({
      description: '単位コスト = トータルコスト ÷ the activity indicator that year.',
    }),
    executionRate: figureSchema.meta({ description: '執行率 = 決算 ÷ 最終予算 × 100.' }),
    yearOnYear: figureSchema.meta({ description: '前年度比 of the total cost.' }),
  }),
  reported: z
    .array(besideSchema.extend({ kind: z.enum(programFigureKinds), reported: programFigureSchema }))
    .meta({ description: 'Each figure the sheet printed, beside the one computed from its parts.' }),
});
export type ProgramSheetView = z.infer<typeof programSheetViewSchema>;

export const getProgramSheetsResponseSchema = z.object({
  nodeId: recordId,
  department: z.string().nullable().meta({ description: '所管課' }),
  sheets: z.array(programSheetViewSchema),
  evaluations: z.array(evaluationSchema).meta({ description: 'Every stage of every year, as stored.' }),
});
export type GetProgramSheetsResponse = z.infer<typeof getProgramSheetsResponseSchema>;

const computedFor: Partial<Record<(typeof programFigureKinds)[number], keyof ProgramSheetView['figures']>> = {
  programCost: 'programCost',
  personnelCost: 'personnelCost',
  totalCost: 'totalCost',
  unitCost: 'unitCost',
  executionRate: 'executionRate',
  percentChange: 'yearOnYear',
};

/** The program's sheets, oldest first, each with its figures and its printed figures beside them. */
export function programSheetsView(node: PlanNode, plan: Pick<Plan, 'nodes'>): GetProgramSheetsResponse {
  const indicators = new Map(indicatorsOf(plan.nodes).map(({ indicator }) => [indicator.id, indicator]));
  const sheets = [...node.programSheets].sort((a, b) => a.fiscalYear - b.fiscalYear);
  return {
    nodeId: node.id,
    department: node.department ?? null,
    sheets: sheets.map((sheet) => {
      const activity = sheet.unitCostIndicatorId ? indicators.get(sheet.unitCostIndicatorId) : undefined;
      const figures = {
        programCost: programCost(sheet),
        personnelCost: personnelCost(sheet),
        totalCost: totalCost(sheet),
        unitCost: activity
          ? unitCost(sheet, activity)
          : ({
              value: null,
              reason: 'no_observation',
              text: '単位コストの指標がありません (no activity indicator)',
            } as FigureResult),
        executionRate: executionRate(sheet),
        yearOnYear: yearOnYear(sheets, sheet.fiscalYear),
      };
      const reported = sheet.reported.map((r) => {
        const key = computedFor[r.kind];
        const { computed, agrees, difference } = besideReported(
          key ? figures[key] : ({ value: null, reason: 'no_items', text: '' } as FigureResult),
          r,
        );
        return { kind: r.kind, reported: r, computed, agrees, difference };
      });
      return { sheet, figures, reported };
    }),
    evaluations: node.evaluations,
  };
}

const directionRollupSchema = z.object({
  fiscalYear: z.number().int(),
  decided: z.number().int(),
  undecided: z.number().int(),
  counts: z.array(nextStepDefinitionSchema.extend({ count: z.number().int() })),
  unknown: z.array(z.object({ code: z.string(), count: z.number().int() })),
  review: figureSchema.meta({ description: '見直し: the directions the organization counts as review.' }),
  budgetEffect: figureSchema.meta({ description: 'Σ 予算への反映 (yen).' }),
  rule: z.string(),
  ruleEn: z.string(),
});

export const getPlanEvaluationsResponseSchema = z.object({
  planId: recordId,
  evaluations: z.array(evaluationSchema).meta({ description: 'Evaluations of the plan itself.' }),
  years: z
    .array(directionRollupSchema)
    .meta({ description: "The directions of the plan's items, per fiscal year." }),
  reported: z.array(besideSchema.extend({ reported: planFigureSchema })).meta({
    description: 'Each published rollup, beside what the engine computes (null where it computes none).',
  }),
  vocabulary: z.object({
    nextSteps: z.array(nextStepDefinitionSchema),
    viewpoints: z.array(viewpointDefinitionSchema),
  }),
});
export type GetPlanEvaluationsResponse = z.infer<typeof getPlanEvaluationsResponseSchema>;

const notComputed: FigureResult = {
  value: null,
  reason: 'no_items',
  text: 'この公表値は部分から計算できません (this published figure has no parts to compute it from)',
};

/** The plan's 行政評価: its own evaluations, its items' directions per year, its published rollups beside ours. */
export function planEvaluationsView(
  plan: Plan,
  organization: Pick<Organization, 'evaluationViewpoints' | 'nextStepVocabulary'>,
): GetPlanEvaluationsResponse {
  const vocabulary = nextStepsOf(organization);
  const items = nodesOf(plan.nodes)
    .filter((n) => n.evaluations.length > 0)
    .map((n) => ({ id: n.id, evaluations: n.evaluations }));
  const years = [...new Set(items.flatMap((i) => i.evaluations.map((e) => e.fiscalYear)))]
    .filter((y): y is number => y !== null)
    .sort((a, b) => a - b);
  const rollups = years.map((y) => directionRollup(items, y, vocabulary));
  const computedOf = (r: PlanFigure): FigureResult => {
    const rollup = rollups.find((x) => x.fiscalYear === r.fiscalYear);
    if (r.kind === 'gradeShare' && r.grade && r.fiscalYear !== null)
      return gradeShare(items, r.fiscalYear, r.grade);
    if (r.kind === 'budgetEffectTotal' && rollup) return rollup.budgetEffect;
    if (r.kind === 'directionCount' && rollup && r.nextStep) {
      const count = rollup.counts.find((c) => c.code === r.nextStep)?.count ?? 0;
      return {
        value: count,
        unit: '件',
        text: `${count}件`,
        rule: `方向性「${r.nextStep}」の件数（${rollup.rule}）`,
        ruleEn: `Programs directed to "${r.nextStep}" (${rollup.ruleEn})`,
      };
    }
    if (r.kind === 'implementationRate') return summarizePlan(plan).status.implementationRate;
    return notComputed;
  };
  return {
    planId: plan.id,
    evaluations: plan.evaluations,
    years: rollups,
    reported: (plan.reported ?? []).map((r) => {
      const { computed, agrees, difference } = besideReported(computedOf(r), r);
      return { reported: r, computed, agrees, difference };
    }),
    vocabulary: { nextSteps: [...vocabulary], viewpoints: [...viewpointsOf(organization)] },
  };
}
