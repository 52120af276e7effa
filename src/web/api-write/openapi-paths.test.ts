import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/openapi.ts';
import { collections, updateOnly } from './collections.ts';
import { withWritePaths } from './openapi-paths.ts';

describe('withWritePaths', () => {
  const document = withWritePaths(openApiDocument()) as unknown as {
    paths: Record<string, Record<string, { security?: unknown; operationId?: string }>>;
    components: { securitySchemes: Record<string, unknown> };
  };

  it('adds POST, PATCH and DELETE for every collection beside the read operations', () => {
    for (const [name, entity] of Object.entries(collections)) {
      const item = document.paths[`/${name}/{id}`] ?? {};
      expect(item.patch?.security).toEqual([{ bearerAuth: [] }]);
      if (updateOnly.has(entity)) continue;
      expect(document.paths[`/${name}`]?.post?.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['patch', 'delete']));
    }
    expect(document.paths['/sources/{id}']?.delete).toBeUndefined();
    expect(document.paths['/plans']?.get).toBeDefined();
    expect(document.paths['/plans/{id}/publish']?.post).toBeDefined();
  });

  it('declares the bearer scheme', () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('names every operation once and states the credentials of every one', () => {
    const operations = Object.values(document.paths).flatMap((item) => Object.entries(item));
    const ids = operations.map(([, operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['getNode', 'updateNode', 'deleteNode', 'createPlan', 'publishPlan']),
    );
    for (const [method, operation] of operations)
      expect(operation.security).toEqual(method === 'get' ? [] : [{ bearerAuth: [] }]);
  });
});
