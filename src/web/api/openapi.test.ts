import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ReadStore } from '../../store/read-store.ts';
import { createApp } from '../app.tsx';
import { searchResponseSchema } from '../search/search-view.ts';
import type { OpenApiDocument } from './openapi.ts';

// The document does not read the store; an empty one is enough.
const app = createApp({ store: {} as ReadStore });

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
      [
        '/nodes/{id}',
        '/nodes/{id}/program-sheets',
        '/o/{organization}/plans',
        '/plans',
        '/plans/{id}',
        '/plans/{id}/evaluations',
        '/plans/{id}/indicators',
        '/compare/{key}',
        '/search',
      ].sort(),
    );
  });

  it('lists no write operation when the staff side is off, since only the staff side answers them', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    const methods = Object.values(doc.paths).flatMap((item) => Object.keys(item));
    expect(new Set(methods)).toEqual(new Set(['get']));
    expect(at(doc, 'components', 'securitySchemes')).toBeUndefined();
  });

  it('documents /search with the response schema of searchResponseSchema', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    const { $schema: _s, ...expected } = z.toJSONSchema(searchResponseSchema, { io: 'output' });
    expect(
      at(doc, 'paths', '/search', 'get', 'responses', '200', 'content', 'application/json', 'schema'),
    ).toEqual({ $ref: '#/components/schemas/SearchResponse' });
    expect(at(doc, 'paths', '/search', 'get', 'operationId')).toBe('search');
    expect(at(doc, 'components', 'schemas', 'SearchResponse')).toEqual(expected);
    expect(at(doc, 'paths', '/search', 'get', 'parameters', '0', 'name')).toBe('q');
  });

  it('describes the node trees of /plans/{id} and /nodes/{id} with figures on every indicator', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    const body = (path: string) => {
      const schema = at(
        doc,
        'paths',
        path,
        'get',
        'responses',
        '200',
        'content',
        'application/json',
        'schema',
      );
      const name = String(at(schema, '$ref')).split('/').pop() ?? '';
      return at(doc, 'components', 'schemas', name, 'properties');
    };
    const view = { $ref: '#/components/schemas/PlanNodeView' };
    expect(at(body('/plans/{id}'), 'nodes', 'items')).toEqual(view);
    expect(at(body('/nodes/{id}'), 'node')).toEqual(view);
    expect(at(doc, 'components', 'schemas', 'PlanNodeView', 'properties', 'children', 'items')).toEqual(view);
    const indicator = at(doc, 'components', 'schemas', 'IndicatorWithFigures');
    expect(at(indicator, 'properties', 'figures')).toEqual({ $ref: '#/components/schemas/IndicatorFigures' });
    expect(at(indicator, 'required')).toContain('figures');
    expect(at(indicator, 'properties', 'direction')).toEqual(
      at(doc, 'components', 'schemas', 'Indicator', 'properties', 'direction'),
    );
  });

  it('gives every operation an operationId and states that public reads need no credentials', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(operations.map((o) => o.operationId)).toEqual([
      'listPlans',
      'listOrganizationPlans',
      'getPlan',
      'listPlanIndicators',
      'getPlanEvaluations',
      'getProgramSheets',
      'getNode',
      'compareIndicator',
      'search',
    ]);
    for (const operation of operations) expect(operation.security).toEqual([]);
    expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
  });

  it('declares the plan of /plans/{id} as it is sent: with its organization, without its nodes', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    const plan = at(doc, 'components', 'schemas', 'PlanDetail');
    expect(at(doc, 'components', 'schemas', 'GetPlanResponse', 'properties', 'plan')).toEqual({
      $ref: '#/components/schemas/PlanDetail',
    });
    expect(at(plan, 'properties', 'nodes')).toBeUndefined();
    expect(at(plan, 'required')).toContain('organization');
  });

  it('declares every figure of an indicator and the whole or field of an observation', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    const figures = at(doc, 'components', 'schemas', 'IndicatorFigures', 'properties') as object;
    expect(Object.keys(figures)).toEqual(expect.arrayContaining(['share', 'standing', 'reported']));
    const observation = at(doc, 'components', 'schemas', 'ObservationView', 'required');
    expect(observation).toEqual(expect.arrayContaining(['outOf', 'rankOf']));
  });

  it('has component schemas from the zod model, with every $ref resolvable', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    expect(at(doc, 'components', 'schemas', 'Indicator', 'properties', 'direction', 'enum')).toEqual([
      'increase',
      'decrease',
      'maintain',
      'rank',
      'unspecified',
    ]);
    expect(at(doc, 'components', 'schemas', 'PlanNode', 'properties', 'children', 'items')).toEqual({
      $ref: '#/components/schemas/PlanNode',
    });
    for (const ref of refsIn(doc)) expect(at(doc, ...ref.slice(2).split('/')), ref).toBeDefined();
  });
});
