/**
 * `GET /api/v1/openapi.json`: the API described in OpenAPI 3.1. Record shapes come from the zod model
 * (openapi-schemas.ts); the envelopes and paths below are written by hand to match the routes.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { indicatorKinds, planKinds } from '../../domain/model.ts';
import { searchResponseSchema } from '../search/search-view.ts';
import type { WebEnv } from '../web-env.ts';
import { figureSchemas } from './openapi-figures.ts';
import { componentSchemas } from './openapi-schemas.ts';
import { viewSchemas } from './openapi-views.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const json = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '404': { $ref: '#/components/responses/NotFound' },
};
const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
};

const envelopes = {
  PlanListItem: {
    type: 'object',
    required: ['id', 'title', 'kind', 'periodStart', 'periodEnd', 'publishedAt', 'organization'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      kind: { type: 'string', enum: [...planKinds] },
      periodStart: { type: 'string' },
      periodEnd: { type: 'string' },
      publishedAt: { type: 'string' },
      organization: {
        type: 'object',
        required: ['name', 'municipalityCode'],
        properties: { name: { type: 'string' }, municipalityCode: nullable({ type: 'string' }) },
      },
    },
  },
  ObservationView: {
    type: 'object',
    required: ['date', 'fiscalYear', 'value', 'source'],
    properties: {
      date: nullable({ type: 'string' }),
      fiscalYear: nullable({ type: 'integer' }),
      value: { type: 'number' },
      source: ref('SourceRef'),
    },
  },
  IndicatorView: {
    type: 'object',
    required: [
      'id',
      'nodeId',
      'name',
      'unit',
      'direction',
      'baseline',
      'target',
      'observations',
      'latest',
      'figures',
    ],
    properties: {
      id: { type: 'string' },
      nodeId: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string', enum: [...indicatorKinds] },
      unit: { type: 'string' },
      direction: { type: 'string' },
      baseline: nullable(ref('ValuePoint')),
      target: nullable(ref('ValuePoint')),
      observations: { type: 'array', items: ref('ObservationView') },
      latest: nullable(ref('ObservationView')),
      figures: ref('IndicatorFigures'),
    },
  },
  NodeLink: {
    type: 'object',
    required: ['id', 'title', 'kind', 'planId', 'planTitle'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      kind: { type: 'string' },
      planId: { type: 'string' },
      planTitle: { type: 'string' },
    },
  },
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: ['not_found', 'bad_request', 'internal_error'] },
          message: { type: 'string', description: '日本語 (English)' },
          parameter: { type: 'string', description: 'The parameter at fault (bad_request only).' },
        },
      },
    },
  },
};

const paths = {
  '/plans': {
    get: {
      summary: '計画の一覧 (list plans)',
      parameters: [
        { name: 'kind', in: 'query', required: false, schema: { type: 'string', enum: [...planKinds] } },
      ],
      responses: {
        '200': json('計画の一覧', {
          type: 'object',
          required: ['plans'],
          properties: { plans: { type: 'array', items: ref('PlanListItem') } },
        }),
        '400': errors['400'],
      },
    },
  },
  '/plans/{id}': {
    get: {
      summary: '計画とノードの木 (a plan with its node tree)',
      parameters: [idParameter],
      responses: {
        '200': json('計画', {
          type: 'object',
          required: ['plan', 'nodes', 'statusVocabulary', 'summary'],
          properties: {
            plan: { allOf: [ref('Plan')], description: 'The plan without `nodes`.' },
            nodes: { type: 'array', items: ref('PlanNodeView') },
            statusVocabulary: { type: 'array', items: ref('StatusDefinition') },
            summary: {
              allOf: [ref('Summary')],
              description: 'Rollup of the whole plan, each rate with its rule.',
            },
          },
        }),
        ...errors,
      },
    },
  },
  '/plans/{id}/indicators': {
    get: {
      summary: '計画の指標と最新値 (a plan’s indicators with their latest observation)',
      parameters: [
        idParameter,
        { name: 'kind', in: 'query', required: false, schema: { type: 'string', enum: [...indicatorKinds] } },
      ],
      responses: {
        '200': json('指標の一覧', {
          type: 'object',
          required: ['indicators'],
          properties: { indicators: { type: 'array', items: ref('IndicatorView') } },
        }),
        ...errors,
      },
    },
  },
  '/nodes/{id}': {
    get: {
      summary: 'ノード (a pillar, policy or program with its context)',
      parameters: [idParameter],
      responses: {
        '200': json('ノード', {
          type: 'object',
          required: ['node', 'plan', 'ancestors', 'continues', 'continuedBy', 'summary'],
          properties: {
            node: ref('PlanNodeView'),
            plan: {
              type: 'object',
              required: ['id', 'title'],
              properties: { id: { type: 'string' }, title: { type: 'string' } },
            },
            ancestors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'kind', 'title'],
                properties: {
                  id: { type: 'string' },
                  kind: { type: 'string' },
                  code: { type: 'string' },
                  title: { type: 'string' },
                },
              },
            },
            continues: { type: 'array', items: ref('NodeLink') },
            continuedBy: { type: 'array', items: ref('NodeLink') },
            summary: {
              allOf: [ref('Summary')],
              description: "Rollup of the node's subtree (a leaf summarises itself).",
            },
          },
        }),
        ...errors,
      },
    },
  },
  '/search': {
    get: {
      summary:
        '公開された計画・施策・実績・指標の検索 (search published plans, nodes, achievements and indicators)',
      parameters: [
        {
          name: 'q',
          in: 'query',
          required: true,
          description: '空白で区切ったすべての語を含むものを返します (every space-separated word must match)',
          schema: { type: 'string', maxLength: 100 },
        },
      ],
      responses: {
        '200': json('検索結果', ref('SearchResponse')),
        '400': errors['400'],
        '503': json('検索は現在利用できません (search is not available on this server)', ref('Error')),
      },
    },
  },
};

function searchResponseJsonSchema() {
  const { $schema: _schema, ...schema } = z.toJSONSchema(searchResponseSchema, { io: 'output' });
  return schema;
}

/** The whole OpenAPI 3.1 document; `servers` is relative so it works behind any host. */
export function openApiDocument() {
  const models = componentSchemas();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mieruka API',
      version: '1.0.0',
      description:
        '見える化: 自治体の計画・指標・実績と、その根拠 (plans, indicators and results with their sources). ' +
        '書き込みの操作は、職員用の機能を有効にしたサーバーだけが載せます ' +
        '(write operations are listed only by a server that has the staff side on, since only it answers them).',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: {
        ...models,
        ...viewSchemas(models),
        ...figureSchemas,
        ...envelopes,
        SearchResponse: searchResponseJsonSchema(),
      },
      responses: {
        BadRequest: json('パラメータが正しくありません (bad parameter)', ref('Error')),
        NotFound: json('見つかりません (not found)', ref('Error')),
      },
    },
  };
}

const document = openApiDocument();
const openapi = new Hono<WebEnv>();

openapi.get('/', (c) => c.json(document));

export default openapi;
