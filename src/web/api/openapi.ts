/**
 * `GET /api/v1/openapi.json`: the API described in OpenAPI 3.1, generated from the zod schemas the handlers answer
 * with (responses.ts, views.ts, figure-schemas.ts) and the domain model's, by zod's own `z.toJSONSchema`.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { WebEnv } from '../web-env.ts';
import { componentSchemas } from './openapi-schemas.ts';
import { type OperationParameter, type ReadOperation, readOperations } from './operations.ts';

/** The document's shape as far as code here reads and extends it. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Record<string, unknown>;
  servers: { url: string }[];
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown> } & Record<
    string,
    unknown
  >;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema } },
});
const errorResponses: Record<string, { $ref: string }> = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '404': { $ref: '#/components/responses/NotFound' },
};

function parameterObject({ schema, ...parameter }: OperationParameter) {
  const { $schema: _schema, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input' });
  return { ...parameter, schema: jsonSchema };
}

function operationObject(operation: ReadOperation) {
  const errors = operation.errors.map(({ status, description }) => [
    status,
    description ? json(description, ref('Error')) : errorResponses[status],
  ]);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    // Public reads need no credentials.
    security: [],
    parameters: operation.parameters.map(parameterObject),
    responses: {
      '200': json(operation.response.description, ref(operation.response.name)),
      ...Object.fromEntries(errors),
    },
  };
}

/** The whole OpenAPI 3.1 document of the read API; `servers` is relative so it works behind any host. */
export function openApiDocument(): OpenApiDocument {
  const responses = Object.fromEntries(readOperations.map((o) => [o.response.name, o.response.schema]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mieruka API',
      version: '1.0.0',
      description:
        '見える化: 自治体の計画・指標・実績と、その根拠 (plans, indicators and results with their sources). ' +
        '書き込みの操作は、職員用の機能を有効にしたサーバーだけが載せます ' +
        '(write operations are listed only by a server that has the staff side on, since only it answers them).',
      // The software's licence; the project states none of its own for the data, which keeps its sources' terms.
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api/v1' }],
    paths: Object.fromEntries(readOperations.map((o) => [o.path, { get: operationObject(o) }])),
    components: {
      schemas: componentSchemas(responses),
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
