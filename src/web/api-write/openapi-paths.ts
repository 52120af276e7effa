/**
 * The write API in OpenAPI 3.1 terms, merged into the public document by `withWritePaths(document)`.
 * Bodies come from the zod schemas the handlers read and answer with. Record data stays loose here
 * (`additionalProperties`) because the server validates it per entity with zod and answers per field.
 */
import { z } from 'zod';
import type { EditingEntity } from '../../domain/editing/records.ts';
import { collections, type DeprecatedCollection, deprecatedCollections, updateOnly } from './collections.ts';
import { publishBodySchema, writeBodySchema } from './write-body.ts';
import { draftResponseSchema, publishResponseSchema, writeErrorResponseSchema } from './write-responses.ts';

/** A zod schema as a JSON Schema inside the document (a component is identified by its place, not by $schema). */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output') {
  const { $schema: _schema, ...jsonSchema } = z.toJSONSchema(schema, { io });
  return jsonSchema;
}
const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema: jsonSchemaOf(schema) } },
});
const failures = {
  '400': json('入力が正しくありません (invalid)', writeErrorResponseSchema),
  '401': json('認証が必要です (no or unknown bearer token)', writeErrorResponseSchema),
  '403': json('権限がありません (forbidden)', writeErrorResponseSchema),
  '404': json('見つかりません (not found)', writeErrorResponseSchema),
  '409': json(
    '新しい版があります (a newer version is stored; nothing was written)',
    writeErrorResponseSchema,
  ),
};
const requestBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: jsonSchemaOf(schema, 'input') } },
});
const draftBody = json('下書き (the saved draft)', draftResponseSchema);
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const security = [{ bearerAuth: [] }];
/** `createNode`, `updateNode`, …: the verb and the entity, as a generated client names its method. */
const operationId = (verb: string, entity: string) =>
  `${verb}${entity.charAt(0).toUpperCase()}${entity.slice(1)}`;

/** A former path's operations: the same, marked deprecated, with their former ids and a pointer to the new path. */
function deprecatedPaths(name: string, { entity, replacedBy, formerName }: DeprecatedCollection) {
  const paths = collectionPaths(name, entity, formerName) as Record<string, Record<string, object>>;
  const note = `非推奨: /${replacedBy} を使ってください (deprecated: use /${replacedBy}, the same operation)`;
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, operation]) => [
          method,
          { ...operation, deprecated: true, description: note },
        ]),
      ),
    ]),
  );
}

function collectionPaths(name: string, entity: EditingEntity, operationName: string = entity) {
  const patch = {
    operationId: operationId('update', operationName),
    summary: `${entity} を変更する下書き (change a ${entity}; version required)`,
    security,
    parameters: [idParameter],
    requestBody: requestBody(writeBodySchema),
    responses: { '200': draftBody, ...failures },
  };
  if (updateOnly.has(entity)) return { [`/${name}/{id}`]: { patch } };
  return {
    [`/${name}`]: {
      post: {
        operationId: operationId('create', operationName),
        summary: `${entity} を追加する下書き (create a ${entity} draft)`,
        security,
        requestBody: requestBody(writeBodySchema),
        responses: { '201': draftBody, ...failures },
      },
    },
    [`/${name}/{id}`]: {
      patch,
      delete: {
        operationId: operationId('delete', operationName),
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
  ...Object.assign(
    {},
    ...Object.entries(deprecatedCollections).map(([name, former]) => deprecatedPaths(name, former)),
  ),
  '/plans/{id}/publish': {
    post: {
      operationId: 'publishPlan',
      summary: '下書きを公開する・管理者のみ (publish drafts; admin only)',
      security,
      parameters: [idParameter],
      requestBody: { ...requestBody(publishBodySchema), required: false },
      responses: {
        '200': json('公開した記録 (published records)', publishResponseSchema),
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
