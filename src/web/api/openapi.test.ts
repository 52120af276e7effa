import { describe, expect, it } from 'vitest';
import type { ReadStore } from '../../store/read-store.ts';
import { createApp } from '../app.tsx';
import type { openApiDocument } from './openapi.ts';

// The document does not read the store; an empty one is enough.
const app = createApp({ store: {} as ReadStore });

type OpenApiDocument = ReturnType<typeof openApiDocument>;

/** Follows a path of keys through parsed JSON; undefined where it leads nowhere. */
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined),
    value,
  );

const refsIn = (value: unknown): string[] =>
  typeof value !== 'object' || value === null
    ? []
    : Object.entries(value).flatMap(([key, v]) =>
        key === '$ref' && typeof v === 'string' ? [v] : refsIn(v),
      );

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every API route', async () => {
    const res = await app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiDocument;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/nodes/{id}', '/plans', '/plans/{id}', '/plans/{id}/indicators'].sort(),
    );
  });

  it('has component schemas from the zod model, with every $ref resolvable', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    expect(at(doc, 'components', 'schemas', 'Indicator', 'properties', 'direction', 'enum')).toEqual([
      'increase',
      'decrease',
      'maintain',
      'rank',
    ]);
    expect(at(doc, 'components', 'schemas', 'PlanNode', 'properties', 'children', 'items')).toEqual({
      $ref: '#/components/schemas/PlanNode',
    });
    for (const ref of refsIn(doc)) expect(at(doc, ...ref.slice(2).split('/')), ref).toBeDefined();
  });
});
