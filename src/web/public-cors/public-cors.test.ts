import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoSqlite } from '../../../test/helpers/sqlite-templates.ts';
import { openStaffTestApp, type StaffTestApp } from '../../../test/helpers/staff-app.ts';

let t: StaffTestApp;
beforeAll(async () => {
  t = await openStaffTestApp(openDemoSqlite);
});
afterAll(() => t.close());

const origin = 'https://dashboard.example.org';
const get = (path: string) => t.app.request(path, { headers: { origin } });
const preflight = (path: string, method: string) =>
  t.app.request(path, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization',
    },
  });

describe('CORS on the public reads', () => {
  it.each([
    ['the API', () => '/api/v1/plans'],
    ['a download', () => `/downloads/plans/${t.planId}/nodes.csv`],
  ])('lets any origin read %s, with a cross-origin resource policy', async (_, path) => {
    for (const fetchTwice of [1, 2]) {
      // The second answer comes from the page cache, which must have kept the headers.
      const res = await get(path());
      expect(res.status, `request ${fetchTwice}`).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('answers a preflight for GET, without allowing the Authorization header', async () => {
    const res = await preflight('/api/v1/plans', 'GET');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,HEAD');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).not.toContain('authorization');
  });
});

describe('no CORS', () => {
  it.each(['/', '/admin', '/login', '/plans'])('on the site and staff page %s', async (path) => {
    const res = await get(path);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it.each([
    ['POST', '/api/v1/plans'],
    ['PATCH', '/api/v1/plans/x'],
    ['DELETE', '/api/v1/plans/x?version=1'],
  ])('on the write method %s %s', async (method, path) => {
    const res = await t.app.request(path, {
      method,
      headers: { origin, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each(['POST', 'PATCH', 'DELETE'])('in the answer to a preflight for %s', async (method) => {
    const res = await preflight('/api/v1/plans', method);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });
});
