/**
 * The figures engine's results (src/domain/figures) as the API returns them, described once in zod: the handlers'
 * bodies are typed by these schemas and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { figureReasons } from '../../domain/figures/index.ts';
import {
  evaluatorKinds,
  observationSchema,
  reportedFigureSchema,
  statusDefinitionSchema,
} from '../../domain/model.ts';

/** A FigureResult: a value with its rule in words, or null with the reason it cannot be computed. */
export const figureSchema = z
  .union([
    z.object({
      value: z.number().meta({ description: 'In `unit`; percentages as 89.7, not 0.897.' }),
      unit: z.string(),
      text: z.string().meta({ description: 'As a citizen reads it, e.g. "50.5倍".' }),
      rule: z
        .string()
        .meta({ description: 'The rule in words, e.g. 「基準値 679万円 → 実績値 3億4,300万円」.' }),
      ruleEn: z
        .string()
        .optional()
        .meta({ description: 'The same rule in English, where the figure has one.' }),
      label: z.string().optional().meta({ description: 'A grade or progress label, e.g. "A".' }),
      // The compared values are observations when they are one, so they may carry the observation's id.
      from: observationSchema.optional(),
      to: observationSchema.optional(),
    }),
    z.object({
      value: z.null(),
      reason: z.enum(figureReasons),
      text: z.string().meta({ description: 'The reason in words, 日本語 (English).' }),
    }),
  ])
  .meta({
    description:
      '計算した数値と計算方法、または計算できない理由 (a computed figure with its rule in words, or null with the reason)',
  });

/** A figure the source printed already derived, listed beside the computed ones and never recomputed. */
export const reportedFigureViewSchema = reportedFigureSchema.extend({ label: z.literal('報告値') });

/** Every figure `indicatorFigures` computes for one indicator. */
export const indicatorFiguresSchema = z.object({
  ratio: figureSchema,
  percentChange: figureSchema,
  pointChange: figureSchema,
  difference: figureSchema,
  achievementRate: figureSchema.meta({ description: "By the indicator's formula, else the plan's." }),
  rating: figureSchema.meta({ description: "The grade (in `label`) by the plan's rating scale." }),
  share: figureSchema.meta({
    description: 'Of a count of a whole (`outOf`): 61 of 68 区 = 89.7%. 割合 = 値 ÷ 全体 × 100.',
  }),
  standing: figureSchema.meta({
    description:
      'Of a place in a ranking (`rankOf`): 812中25位 = 上位3.1%. 上位の割合 = 順位 ÷ 対象数 × 100.',
  }),
  reported: z.array(reportedFigureViewSchema).meta({ description: 'Figures the source printed (報告値).' }),
});

const statusSummarySchema = z.object({
  counts: z.array(
    statusDefinitionSchema.extend({
      count: z.number().int(),
      carried: z
        .number()
        .int()
        .meta({ description: 'Of count, how many take their status from a later plan.' }),
    }),
  ),
  total: z.number().int(),
  rated: z
    .number()
    .int()
    .meta({ description: 'Items with a stated status (own or by a later plan): total − unassessed.' }),
  done: z.number().int(),
  unassessed: z.number().int(),
  carried: z.number().int(),
  coverage: figureSchema.meta({ description: '評価済みの割合 = rated ÷ total × 100.' }),
  implementationRate: figureSchema.meta({
    description: '実施率 = done ÷ rated × 100; 未評価 items are left out.',
  }),
  rateIsHeadline: z.boolean().meta({
    description: 'False when fewer than half the items are rated: the rate is then not a headline.',
  }),
  rule: z.string(),
  ruleEn: z.string(),
});

const ratingDistributionSchema = z.object({
  grades: z.array(z.object({ grade: z.string(), count: z.number().int(), percent: z.number() })),
  rated: z.number().int(),
  unrated: z.number().int(),
  rule: z.string(),
});

const scoreRollupSchema = z.object({
  evaluatorName: z.string(),
  evaluatorKind: z.enum(evaluatorKinds),
  fiscalYear: z.number().int().nullable(),
  items: z.array(z.object({ name: z.string(), score: z.number(), maxScore: z.number() })),
  total: figureSchema,
});

/** The rollup of a plan or a node's subtree (`summarizePlan`, `summarizeNode`), each rate with its rule. */
export const summarySchema = z.object({
  status: statusSummarySchema,
  indicatorCount: z.number().int(),
  ratingDistribution: ratingDistributionSchema,
  meanAchievementRate: figureSchema,
  scores: z.array(scoreRollupSchema),
  achievementCount: z.number().int().meta({ description: '取り組み実績 recorded on the node and below.' }),
  sourceDocuments: z
    .object({ statuses: z.array(z.string()), achievements: z.array(z.string()) })
    .meta({ description: 'Ids of the documents the statuses and achievements are cited from.' }),
  rules: z.array(z.string()).meta({ description: 'Every rule used above, in words.' }),
});
