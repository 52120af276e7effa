/**
 * OpenAPI schemas of the figures engine's results (src/domain/figures): `Figure` is a FigureResult as the
 * engine returns it, `IndicatorFigures` an indicator's set, `Summary` the rollup of a plan or node.
 */
import { figureReasons } from '../../domain/figures/index.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });

export const figureSchemas = {
  Figure: {
    description:
      '計算した数値と計算方法、または計算できない理由 (a computed figure with its rule in words, or null with the reason)',
    oneOf: [
      {
        type: 'object',
        required: ['value', 'unit', 'text', 'rule'],
        properties: {
          value: { type: 'number', description: 'In `unit`; percentages as 89.7, not 0.897.' },
          unit: { type: 'string' },
          text: { type: 'string', description: 'As a citizen reads it, e.g. "50.5倍".' },
          rule: {
            type: 'string',
            description: 'The rule in words, e.g. 「基準値 679万円 → 実績値 3億4,300万円」.',
          },
          label: { type: 'string', description: 'A grade or progress label, e.g. "A".' },
          from: ref('ValuePoint'),
          to: ref('ValuePoint'),
        },
      },
      {
        type: 'object',
        required: ['value', 'reason', 'text'],
        properties: {
          value: { type: 'null' },
          reason: { type: 'string', enum: [...figureReasons] },
          text: { type: 'string', description: 'The reason in words, 日本語 (English).' },
        },
      },
    ],
  },
  IndicatorFigures: {
    type: 'object',
    required: ['ratio', 'percentChange', 'pointChange', 'difference', 'achievementRate', 'rating'],
    properties: {
      ratio: ref('Figure'),
      percentChange: ref('Figure'),
      pointChange: ref('Figure'),
      difference: ref('Figure'),
      achievementRate: {
        allOf: [ref('Figure')],
        description: "By the indicator's formula, else the plan's.",
      },
      rating: { allOf: [ref('Figure')], description: "The grade (in `label`) by the plan's rating scale." },
    },
  },
  Summary: {
    type: 'object',
    required: ['status', 'indicatorCount', 'ratingDistribution', 'meanAchievementRate', 'scores', 'rules'],
    properties: {
      status: {
        type: 'object',
        required: ['counts', 'total', 'done', 'unassessed', 'implementationRate', 'rule'],
        properties: {
          counts: {
            type: 'array',
            items: {
              type: 'object',
              required: ['code', 'label', 'labelEn', 'color', 'countsAsDone', 'count'],
              properties: {
                code: { type: 'string' },
                label: { type: 'string' },
                labelEn: { type: 'string' },
                color: { type: 'string' },
                countsAsDone: { type: 'boolean' },
                count: { type: 'integer' },
              },
            },
          },
          total: { type: 'integer' },
          done: { type: 'integer' },
          unassessed: { type: 'integer' },
          implementationRate: ref('Figure'),
          rule: { type: 'string' },
        },
      },
      indicatorCount: { type: 'integer' },
      ratingDistribution: {
        type: 'object',
        required: ['grades', 'rated', 'unrated', 'rule'],
        properties: {
          grades: {
            type: 'array',
            items: {
              type: 'object',
              required: ['grade', 'count', 'percent'],
              properties: {
                grade: { type: 'string' },
                count: { type: 'integer' },
                percent: { type: 'number' },
              },
            },
          },
          rated: { type: 'integer' },
          unrated: { type: 'integer' },
          rule: { type: 'string' },
        },
      },
      meanAchievementRate: ref('Figure'),
      scores: {
        type: 'array',
        items: {
          type: 'object',
          required: ['evaluatorName', 'evaluatorKind', 'fiscalYear', 'items', 'total'],
          properties: {
            evaluatorName: { type: 'string' },
            evaluatorKind: { type: 'string' },
            fiscalYear: nullable({ type: 'integer' }),
            items: { type: 'array', items: { type: 'object' } },
            total: ref('Figure'),
          },
        },
      },
      rules: { type: 'array', items: { type: 'string' }, description: 'Every rule used above, in words.' },
    },
  },
};
