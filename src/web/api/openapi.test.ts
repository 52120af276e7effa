import { describe, expect, it } from 'vitest';
import type { ReadStore } from '../../store/read-store.ts';
import { createApp } from '../app.tsx';

// The document does not read the store; an empty one is enough.
const app = createApp({ store: {} as ReadStore });

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
    const doc = (await res.json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/nodes/{id}', '/plans', '/plans/{id}', '/plans/{id}/indicators'].sort(),
    );
  });

  it('has component schemas from the zod model, with every $ref resolvable', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as any;
    const schemas = doc.components.schemas;
    expect(schemas.Indicator.properties.direction.enum).toEqual(['increase', 'decrease', 'maintain', 'rank']);
    expect(schemas.PlanNode.properties.children.items).toEqual({ $ref: '#/components/schemas/PlanNode' });
    for (const ref of refsIn(doc)) {
      const [, , section, name] = ref.split('/');
      expect(doc.components[section as string]?.[name as string], ref).toBeDefined();
    }
  });
});
