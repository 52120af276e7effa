import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, findDemoNode, openDemoApp } from '../../../test/helpers/web.ts';

let demo: DemoApp;
beforeAll(async () => {
  demo = await openDemoApp();
});
afterAll(() => demo.close());

describe('GET /api/v1/nodes/{id}', () => {
  it('returns a nested node with its plan and ancestors', async () => {
    const found = await findDemoNode(demo.store, (n) => n.kind === 'policy');
    const res = await demo.app.request(`/api/v1/nodes/${found?.node.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, any>;
    expect(Object.keys(body).sort()).toEqual(['ancestors', 'continuedBy', 'continues', 'node', 'plan']);
    expect(body.node.id).toBe(found?.node.id);
    expect(body.plan.id).toBe(found?.planId);
    expect(Object.keys(body.plan).sort()).toEqual(['id', 'title']);
    expect(body.ancestors.length).toBeGreaterThan(0);
    expect(body.ancestors[0].kind).toBe('pillar');
  });

  it('links a node that continues one of an earlier plan both ways', async () => {
    const found = await findDemoNode(demo.store, (n) => n.continues.length > 0);
    if (!found) throw new Error('demo has no node with continues');
    const later = (await (await demo.app.request(`/api/v1/nodes/${found.node.id}`)).json()) as any;
    const earlierId = later.continues[0].id;
    const earlier = (await (await demo.app.request(`/api/v1/nodes/${earlierId}`)).json()) as any;
    expect(earlier.continuedBy.map((l: { id: string }) => l.id)).toContain(found.node.id);
  });

  it('answers 404 for an unknown node and 400 for a malformed id', async () => {
    const missing = await demo.app.request('/api/v1/nodes/no.such.node');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe('not_found');
    const bad = await demo.app.request('/api/v1/nodes/%E3%81%82');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error).toMatchObject({ code: 'bad_request', parameter: 'id' });
  });
});
