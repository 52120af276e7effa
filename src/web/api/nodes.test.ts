import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiErrorBody,
  type DemoApp,
  findDemoNode,
  getJson,
  openDemoApp,
} from '../../../test/helpers/web.ts';
import type { NodeContext } from '../../store/read-store.ts';

type NodeBody = Omit<NodeContext, 'plan'> & { plan: { id: string; title: string } };

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

describe('GET /api/v1/nodes/{id}', () => {
  it('returns a nested node with its plan and ancestors', async () => {
    const found = await findDemoNode(demo.store, (n) => n.kind === 'policy');
    const { res, body } = await getJson<NodeBody>(demo.app, `/api/v1/nodes/${found?.node.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(body).sort()).toEqual([
      'ancestors',
      'continuedBy',
      'continues',
      'node',
      'plan',
      'summary',
    ]);
    expect(body.node.id).toBe(found?.node.id);
    expect(body.plan.id).toBe(found?.planId);
    expect(Object.keys(body.plan).sort()).toEqual(['id', 'title']);
    expect(body.ancestors.length).toBeGreaterThan(0);
    expect(body.ancestors[0]?.kind).toBe('pillar');
  });

  it('links a node that continues one of an earlier plan both ways', async () => {
    const found = await findDemoNode(demo.store, (n) => n.continues.length > 0);
    if (!found) throw new Error('demo has no node with continues');
    const later = (await getJson<NodeBody>(demo.app, `/api/v1/nodes/${found.node.id}`)).body;
    const earlierId = later.continues[0]?.id;
    const earlier = (await getJson<NodeBody>(demo.app, `/api/v1/nodes/${earlierId}`)).body;
    expect(earlier.continuedBy.map((l) => l.id)).toContain(found.node.id);
  });

  it('answers 404 for an unknown node and 400 for a malformed id', async () => {
    const missing = await getJson<ApiErrorBody>(demo.app, '/api/v1/nodes/no.such.node');
    expect(missing.res.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const bad = await getJson<ApiErrorBody>(demo.app, '/api/v1/nodes/%E3%81%82');
    expect(bad.res.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_request', parameter: 'id' });
  });
});
