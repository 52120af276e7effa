/** The body of `GET /api/v1/compare/{key}`, described once in zod; the type is derived from it. */
import { z } from 'zod';
import { comparisonRuleWords } from '../../domain/comparison/index.ts';
import { directions, indicatorKinds, indicatorValueSchema } from '../../domain/model.ts';
import type { Comparison, ComparisonOptions } from '../../store/comparison/index.ts';
import { groupQuery } from './compare-params.ts';

const enc = encodeURIComponent;

export const comparedValueViewSchema = z.object({
  rank: z
    .number()
    .int()
    .min(1)
    .meta({ description: '順位（同じ値は同じ順位） (rank; equal values share one)' }),
  tied: z.boolean(),
  organization: z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    municipalityCode: z.string().nullable(),
  }),
  value: z.number(),
  unit: z.string(),
  date: z.string().nullable(),
  indicator: z.object({
    id: z.string(),
    name: z.string(),
    direction: z.enum(directions),
    url: z.string().meta({ description: '指標が載るページ (the page showing the indicator)' }),
  }),
  observation: indicatorValueSchema.meta({
    description: '使った実績値とその出典 (the observation used, with its source)',
  }),
});

export const compareResponseSchema = z.object({
  key: z.string(),
  definition: z.object({ name: z.string(), unit: z.string(), kind: z.enum(indicatorKinds) }).meta({
    description: '比べた定義：名称・単位・種類 (the definition compared: name, unit and kind)',
  }),
  spellings: z.array(z.string()),
  rule: z.object({
    order: z.enum(['higher_first', 'lower_first']),
    judged: z.boolean().meta({ description: '1位が最も良いか (whether first means best)' }),
    directions: z.array(z.enum(directions)),
  }),
  ruleText: z.object({ ja: z.array(z.string()), en: z.array(z.string()) }),
  datesDiffer: z.boolean(),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  perPage: z.number().int(),
  missingCodes: z.array(z.string()).meta({
    description: '指定した団体コードのうち値のないもの (asked-for codes with no value under this definition)',
  }),
  results: z.array(comparedValueViewSchema),
  next: z.string().nullable(),
});
export type CompareResponse = z.infer<typeof compareResponseSchema>;

/** The rule's sentences in both languages. */
export function ruleTextOf(comparison: Comparison): { ja: string[]; en: string[] } {
  const input = {
    definition: comparison.definition,
    rule: comparison.rule,
    spellings: comparison.spellings,
    datesDiffer: comparison.datesDiffer,
  };
  return { ja: comparisonRuleWords(input, 'ja'), en: comparisonRuleWords(input, 'en') };
}

/** The site path of a comparison page: `/compare/{key}?codes=…&page=2`. */
export function compareHref(
  key: string,
  options: ComparisonOptions = {},
  page = 1,
  base = '/compare',
): string {
  const query = [groupQuery(options), page > 1 ? `page=${page}` : ''].filter((s) => s !== '').join('&');
  return `${base}/${enc(key)}${query === '' ? '' : `?${query}`}`;
}

export function compareResponse(comparison: Comparison, options: ComparisonOptions): CompareResponse {
  const { entries, page, pageCount } = comparison;
  return {
    key: comparison.key,
    definition: comparison.definition,
    spellings: comparison.spellings,
    rule: comparison.rule,
    ruleText: ruleTextOf(comparison),
    datesDiffer: comparison.datesDiffer,
    total: comparison.total,
    page,
    pageCount,
    perPage: comparison.perPage,
    missingCodes: comparison.missingCodes,
    results: entries.map((e) => ({
      rank: e.rank,
      tied: e.tied,
      organization: e.organization,
      value: e.value,
      unit: e.indicator.unit,
      date: e.observation.date,
      indicator: {
        id: e.indicator.id,
        name: e.indicator.name,
        direction: e.indicator.direction,
        url: `/nodes/${enc(e.nodeId)}#figure-${enc(e.indicator.id)}`,
      },
      observation: e.observation,
    })),
    next: page < pageCount ? compareHref(comparison.key, options, page + 1, '/api/v1/compare') : null,
  };
}
