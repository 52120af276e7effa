/**
 * The API answers what its document says: every GET path of the served /api/v1/openapi.json is called on the demo
 * (path parameters filled with real demo ids, required queries with a demo word) and each live body is validated
 * against the document's own 200 schema by a JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1).
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  type OpenApiOperation,
  responseValidator,
  type ServedOpenApiDocument,
} from '../../../test/helpers/openapi-validator.ts';
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import type { PlanNode } from '../../domain/model.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { createSearchStore } from '../../store/search/index.ts';
import { createApp } from '../app.tsx';

type Operation = OpenApiOperation;

function* walk(nodes: readonly PlanNode[]): Generator<PlanNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/**
 * Every plan id, per plan the first node of each kind (pillar, policy, program) and the first with links, and the
 * comparison key of the first indicator with an observation.
 */
async function demoIds(store: ReadStore) {
  const plans = (await store.listPlans()).map((p) => p.id);
  const nodes = new Set<string>();
  const keys = new Set<string>();
  for (const id of plans) {
    const all = [...walk((await store.getPlan(id))?.nodes ?? [])];
    const measured = all.flatMap((n) => n.indicators).find((i) => i.observations.length > 0);
    if (measured) keys.add(comparisonKeyOf(measured));
    for (const kind of ['pillar', 'policy', 'program'] as const) {
      const node = all.find((n) => n.kind === kind);
      if (node) nodes.add(node.id);
    }
    const linked = all.find((n) => n.continues.length > 0);
    if (linked) nodes.add(linked.id);
  }
  return { plans, nodes: [...nodes], keys: [...keys] };
}

/** The demo values each path parameter and required query is called with. */
type Samples = Record<string, string[]>;

/** Every URL to call for a documented path: one per sample of its path parameter, required queries filled in. */
function urlsFor(path: string, operation: Operation, samples: Samples): string[] {
  const parameters = operation.parameters ?? [];
  const query = parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => {
      const value = samples[`query:${p.name}`]?.[0];
      if (value === undefined) throw new Error(`no demo value for the required query ${p.name} of ${path}`);
      return `${p.name}=${encodeURIComponent(value)}`;
    });
  const suffix = query.length > 0 ? `?${query.join('&')}` : '';
  const pathParameter = parameters.find((p) => p.in === 'path');
  if (!pathParameter) return [`/api/v1${path}${suffix}`];
  const values = samples[`${path}:${pathParameter.name}`];
  if (!values?.length) throw new Error(`no demo ids for {${pathParameter.name}} of ${path}`);
  return values.map((v) => `/api/v1${path.replace(`{${pathParameter.name}}`, v)}${suffix}`);
}

describe.each(testDatabases)('every documented GET answers as documented ($name)', (database) => {
  let handle: DatabaseHandle;
  let app: Hono;
  let document: ServedOpenApiDocument;
  let samples: Samples;

  beforeAll(async () => {
    handle = await database.openDemo();
    const store = createReadStore(handle.db);
    app = createApp({ store, search: createSearchStore(handle.db) });
    document = (await (await app.request('/api/v1/openapi.json')).json()) as ServedOpenApiDocument;
    const ids = await demoIds(store);
    samples = {
      '/plans/{id}:id': ids.plans,
      '/plans/{id}/indicators:id': ids.plans,
      '/plans/{id}/evaluations:id': ids.plans,
      '/nodes/{id}:id': ids.nodes,
      '/nodes/{id}/program-sheets:id': ids.nodes,
      '/o/{organization}/plans:organization': ['komoro', '202088'],
      '/compare/{key}:key': ids.keys,
      'query:q': ['小諸'],
    };
  });
  afterAll(() => handle.close());

  const getOperations = () =>
    Object.entries(document.paths).flatMap(([path, item]) => (item.get ? [{ path, get: item.get }] : []));

  it('documents the read paths the API serves', () => {
    expect(getOperations().map((o) => o.path)).toEqual(
      expect.arrayContaining([
        '/plans',
        '/o/{organization}/plans',
        '/plans/{id}',
        '/plans/{id}/indicators',
        '/plans/{id}/evaluations',
        '/nodes/{id}',
        '/nodes/{id}/program-sheets',
        '/search',
        '/compare/{key}',
      ]),
    );
  });

  it('refuses a plan body that differs from the document: a declared field missing, an undeclared one added', async () => {
    const validate = responseValidator(document);
    const url = `/api/v1/plans/${samples['/plans/{id}:id']?.[0]}`;
    const body = (await (await app.request(url)).json()) as {
      plan: Record<string, unknown>;
      nodes: unknown[];
    };
    expect(validate('/plans/{id}', 'get', 200, body)).toEqual([]);
    const { organization: _organization, ...plan } = body.plan;
    expect(validate('/plans/{id}', 'get', 200, { ...body, plan })).toContainEqual(
      expect.stringMatching(/\/plan must have required property 'organization'/),
    );
    expect(validate('/plans/{id}', 'get', 200, { ...body, plan: { ...body.plan, extra: 1 } })).toContainEqual(
      expect.stringMatching(/\/plan must NOT have additional properties/),
    );
  });

  it('answers every documented GET with a body its 200 schema accepts', async () => {
    const validate = responseValidator(document);
    const failures: string[] = [];
    let called = 0;
    for (const { path, get } of getOperations()) {
      for (const url of urlsFor(path, get, samples)) {
        const res = await app.request(url);
        called += 1;
        if (res.status !== 200) failures.push(`${url}: status ${res.status}`);
        else failures.push(...validate(path, 'get', 200, await res.json()).map((f) => `${url}: ${f}`));
      }
    }
    expect(called).toBeGreaterThanOrEqual(getOperations().length);
    expect(failures).toEqual([]);
  });
});
