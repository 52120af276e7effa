/**
 * The write API in OpenAPI 3.1 terms, merged into the public document by `withWritePaths(document)`.
 * Record bodies are the flat records of src/domain/editing/records.ts; their schemas stay loose here
 * (`additionalProperties`) because the server validates them with zod and answers per field.
 */
import type { EditingEntity } from '../../domain/editing/records.ts';
import { collections, updateOnly } from './collections.ts';

const json = (description: string, schema: object) => ({
  description,
  content: { 'application/json': { schema } },
});
const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ['unauthenticated', 'forbidden', 'invalid', 'not_found', 'conflict'] },
        message: { type: 'string', description: '日本語 (English)' },
        issues: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
        current: { type: 'object', description: 'conflict: the stored version' },
        submitted: { type: 'object', description: 'conflict: what was sent' },
      },
    },
  },
};
const failures = {
  '400': json('入力が正しくありません (invalid)', errorBody),
  '401': json('認証が必要です (no or unknown bearer token)', errorBody),
  '403': json('権限がありません (forbidden)', errorBody),
  '404': json('見つかりません (not found)', errorBody),
  '409': json('新しい版があります (a newer version is stored; nothing was written)', errorBody),
};
const writeBody = {
  type: 'object',
  properties: {
    data: {
      type: 'object',
      additionalProperties: true,
      description: 'The flat record (PATCH: the fields to change).',
    },
    version: {
      type: 'integer',
      minimum: 0,
      description: 'The version the change starts from (PATCH: required).',
    },
    reason: { type: 'string' },
  },
};
const draftBody = json('下書き (the saved draft)', {
  type: 'object',
  required: ['draft'],
  properties: { draft: { type: 'object' } },
});
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const security = [{ bearerAuth: [] }];
/** `createNode`, `updateNode`, …: the verb and the entity, as a generated client names its method. */
const operationId = (verb: string, entity: EditingEntity) =>
  `${verb}${entity.charAt(0).toUpperCase()}${entity.slice(1)}`;

function collectionPaths(name: string, entity: EditingEntity) {
  const patch = {
    operationId: operationId('update', entity),
    summary: `${entity} を変更する下書き (change a ${entity}; version required)`,
    security,
    parameters: [idParameter],
    requestBody: { required: true, content: { 'application/json': { schema: writeBody } } },
    responses: { '200': draftBody, ...failures },
  };
  if (updateOnly.has(entity)) return { [`/${name}/{id}`]: { patch } };
  return {
    [`/${name}`]: {
      post: {
        operationId: operationId('create', entity),
        summary: `${entity} を追加する下書き (create a ${entity} draft)`,
        security,
        requestBody: { required: true, content: { 'application/json': { schema: writeBody } } },
        responses: { '201': draftBody, ...failures },
      },
    },
    [`/${name}/{id}`]: {
      patch,
      delete: {
        operationId: operationId('delete', entity),
        summary: `${entity} を削除する下書き (delete a ${entity}; version required)`,
        security,
        parameters: [
          idParameter,
          { name: 'version', in: 'query', required: true, schema: { type: 'integer' } },
        ],
        responses: { '200': draftBody, ...failures },
      },
    },
  };
}

export const writePaths: Record<string, Record<string, object>> = {
  ...Object.assign({}, ...Object.entries(collections).map(([name, entity]) => collectionPaths(name, entity))),
  '/plans/{id}/publish': {
    post: {
      operationId: 'publishPlan',
      summary: '下書きを公開する・管理者のみ (publish drafts; admin only)',
      security,
      parameters: [idParameter],
      requestBody: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                draftIds: { type: 'array', items: { type: 'string' } },
                reason: { type: 'string' },
              },
            },
          },
        },
      },
      responses: {
        '200': json('公開した記録 (published records)', {
          type: 'object',
          required: ['published'],
          properties: { published: { type: 'array', items: { type: 'object' } } },
        }),
        ...failures,
      },
    },
  },
};

/**
 * The document with the write operations added beside the read ones on the same paths.
 * @example withWritePaths(openApiDocument()).paths['/nodes/{id}'].patch.security // [{ bearerAuth: [] }]
 */
export function withWritePaths<D extends { paths: object; components: object }>(document: D): D {
  const paths: Record<string, object> = { ...(document.paths as Record<string, object>) };
  for (const [path, operations] of Object.entries(writePaths))
    paths[path] = { ...(paths[path] ?? {}), ...operations };
  const components = document.components as Record<string, object>;
  const securitySchemes = {
    ...(components.securitySchemes ?? {}),
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      description: '職員の API トークン (a staff member’s API token)',
    },
  };
  return { ...document, paths, components: { ...components, securitySchemes } };
}
