import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/openapi.ts';
import { collections } from './collections.ts';
import { withWritePaths } from './openapi-paths.ts';

describe('withWritePaths', () => {
  const document = withWritePaths(openApiDocument()) as unknown as {
    paths: Record<string, Record<string, { security?: unknown }>>;
    components: { securitySchemes: Record<string, unknown> };
  };

  it('adds POST, PATCH and DELETE for every collection beside the read operations', () => {
    for (const name of Object.keys(collections)) {
      expect(document.paths[`/${name}`]?.post?.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(document.paths[`/${name}/{id}`] ?? {})).toEqual(
        expect.arrayContaining(['patch', 'delete']),
      );
    }
    expect(document.paths['/plans']?.get).toBeDefined();
    expect(document.paths['/plans/{id}/publish']?.post).toBeDefined();
  });

  it('declares the bearer scheme', () => {
    expect(document.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
  });
});
