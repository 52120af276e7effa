/**
 * The read API's operations: path, operationId, parameters and the zod schema of each 200 body. openapi.ts turns
 * this table into the document's `paths`; the handlers answer with bodies typed by the same schemas.
 */
import { z } from 'zod';
import { comparisonKeyPattern } from '../../domain/comparison/index.ts';
import { indicatorKinds, planKinds, recordId } from '../../domain/model.ts';
import { compareResponseSchema } from '../compare/compare-view.ts';
import { searchResponseSchema } from '../search/search-view.ts';
import { getPlanEvaluationsResponseSchema, getProgramSheetsResponseSchema } from './evaluation-views.ts';
import {
  getNodeResponseSchema,
  getPlanResponseSchema,
  indicatorPageLimits,
  listPlanIndicatorsResponseSchema,
  listPlansResponseSchema,
} from './responses.ts';

export interface OperationParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: z.ZodType;
}

export interface ReadOperation {
  path: string;
  operationId: string;
  summary: string;
  parameters: OperationParameter[];
  /** The 200 body, and the component name it is published under. */
  response: { description: string; name: string; schema: z.ZodType };
  /** The error answers besides 200, each an `Error` body. */
  errors: { status: '400' | '404' | '503'; description?: string }[];
}

const idParameter: OperationParameter = { name: 'id', in: 'path', required: true, schema: recordId };
const kindOf = (kinds: readonly [string, ...string[]]): OperationParameter => ({
  name: 'kind',
  in: 'query',
  required: false,
  schema: z.enum(kinds),
});
const organizationReference = z
  .string()
  .regex(/^([a-z0-9][a-z0-9._-]*|\d{5,6})$/)
  .describe('団体の ID または全国地方公共団体コード (an organization id or its local government code)');
const badRequest = { status: '400' } as const;
const notFound = { status: '404' } as const;

export const readOperations: ReadOperation[] = [
  {
    path: '/plans',
    operationId: 'listPlans',
    summary: '計画の一覧 (list plans)',
    parameters: [
      kindOf(planKinds),
      {
        name: 'organization',
        in: 'query',
        required: false,
        description: 'この団体の計画だけ (only this organization’s plans)',
        schema: organizationReference,
      },
    ],
    response: { description: '計画の一覧', name: 'ListPlansResponse', schema: listPlansResponseSchema },
    errors: [badRequest, notFound],
  },
  {
    path: '/o/{organization}/plans',
    operationId: 'listOrganizationPlans',
    summary: '一つの団体の計画の一覧 (one organization’s plans)',
    parameters: [
      { name: 'organization', in: 'path', required: true, schema: organizationReference },
      kindOf(planKinds),
    ],
    response: { description: '計画の一覧', name: 'ListPlansResponse', schema: listPlansResponseSchema },
    errors: [badRequest, notFound],
  },
  {
    path: '/plans/{id}',
    operationId: 'getPlan',
    summary: '計画とノードの木 (a plan with its node tree)',
    parameters: [idParameter],
    response: { description: '計画', name: 'GetPlanResponse', schema: getPlanResponseSchema },
    errors: [badRequest, notFound],
  },
  {
    path: '/plans/{id}/indicators',
    operationId: 'listPlanIndicators',
    summary: '計画の指標と最新値 (a plan’s indicators with their latest observation)',
    parameters: [
      idParameter,
      kindOf(indicatorKinds),
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: `1ページの指標数（既定 ${indicatorPageLimits.fallback}） (indicators per page, ${indicatorPageLimits.fallback} by default)`,
        schema: z.coerce.number().int().min(1).max(indicatorPageLimits.max),
      },
      {
        name: 'cursor',
        in: 'query',
        required: false,
        description: '前のページの `next` にあるカーソル (the cursor from the previous page’s `next`)',
        schema: recordId,
      },
    ],
    response: {
      description: '指標の一覧',
      name: 'ListPlanIndicatorsResponse',
      schema: listPlanIndicatorsResponseSchema,
    },
    errors: [badRequest, notFound],
  },
  {
    path: '/plans/{id}/evaluations',
    operationId: 'getPlanEvaluations',
    summary:
      '計画の行政評価：計画自体の評価、事業の方向性の集計、公表された集計と計算値 (a plan’s evaluations, the directions of its programs, published rollups beside computed ones)',
    parameters: [idParameter],
    response: {
      description: '行政評価',
      name: 'GetPlanEvaluationsResponse',
      schema: getPlanEvaluationsResponseSchema,
    },
    errors: [badRequest, notFound],
  },
  {
    path: '/nodes/{id}/program-sheets',
    operationId: 'getProgramSheets',
    summary:
      '事務事業評価シート：年度ごとの予算・決算・コストと評価 (a program’s sheets: budget, settlement, costs and evaluations by fiscal year)',
    parameters: [idParameter],
    response: {
      description: '事務事業評価シート',
      name: 'GetProgramSheetsResponse',
      schema: getProgramSheetsResponseSchema,
    },
    errors: [badRequest, notFound],
  },
  {
    path: '/nodes/{id}',
    operationId: 'getNode',
    summary: 'ノード (a pillar, policy or program with its context)',
    parameters: [idParameter],
    response: { description: 'ノード', name: 'GetNodeResponse', schema: getNodeResponseSchema },
    errors: [badRequest, notFound],
  },
  {
    path: '/compare/{key}',
    operationId: 'compareIndicator',
    summary:
      '一つの指標の定義を団体ごとに比べる：各団体の公開された最新の実績値を順位づけ、出典と比べ方の文章つき (one indicator definition across organizations: each one’s latest published observation, ranked, with its source and the rules in words)',
    parameters: [
      {
        name: 'key',
        in: 'path',
        required: true,
        description:
          '比較キー：名称・単位・種類から作る（指標のページの「他の自治体と比べる」のリンク） (the comparison key of a definition: name, unit and kind)',
        schema: z.string().regex(comparisonKeyPattern),
      },
      {
        name: 'codes',
        in: 'query',
        required: false,
        description:
          '比べる団体の全国地方公共団体コード、コンマ区切り（類似団体など） (municipality codes of a group, comma-separated)',
        schema: z.string(),
      },
      {
        name: 'prefecture',
        in: 'query',
        required: false,
        description:
          '都道府県コード（団体コードの上2桁） (prefecture code: the first two digits of the municipality code)',
        schema: z.string().regex(/^\d{2}$/),
      },
      {
        name: 'page',
        in: 'query',
        required: false,
        description: '1ページ100団体 (100 organizations a page)',
        schema: z.coerce.number().int().min(1),
      },
    ],
    response: { description: '団体ごとの比較', name: 'CompareResponse', schema: compareResponseSchema },
    errors: [badRequest, notFound],
  },
  {
    path: '/search',
    operationId: 'search',
    summary:
      '公開された計画・施策・実績・指標の検索 (search published plans, nodes, achievements and indicators)',
    parameters: [
      {
        name: 'q',
        in: 'query',
        required: true,
        description: '空白で区切ったすべての語を含むものを返します (every space-separated word must match)',
        schema: z.string().max(100),
      },
    ],
    response: { description: '検索結果', name: 'SearchResponse', schema: searchResponseSchema },
    errors: [
      badRequest,
      { status: '503', description: '検索は現在利用できません (search is not available on this server)' },
    ],
  },
];
