import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type RequestLogger, type RequestLogLine, requestLog } from '../request-log/index.ts';
import { answeringHitsFirst, requestListenerFor } from './hit-first.ts';
import { createPageCache } from './page-cache.ts';

/**
 * An app whose middleware and page count their runs, behind the cache with hits answered first, under a
 * generation the test sets by hand (and may make unknown, as after a local write).
 */
function hitFirstApp() {
  const state = { renders: 0, middleware: 0, generation: 1, known: true, lines: [] as RequestLogLine[] };
  const generation = {
    current: async () => state.generation,
    peek: () => (state.known ? state.generation : undefined),
  };
  const cache = createPageCache({ generation });
  const record = (line: object) => state.lines.push(line as RequestLogLine);
  const logger: RequestLogger = { info: record, debug: record, error: record };
  const app = new Hono();
  // As in createApp: the request log outermost, then the cache, then what adds headers to be stored.
  app.use(requestLog(logger));
  app.use(async (_c, next) => {
    state.middleware += 1;
    await next();
  });
  app.use(cache.middleware);
  app.use(async (c, next) => {
    await next();
    c.header('x-frame-options', 'DENY');
  });
  app.get('/page', (c) => {
    state.renders += 1;
    return c.html(`<p>render ${state.renders}</p>${'x'.repeat(2000)}`);
  });
  app.get('/%E8%A8%88/page', (c) => c.html('encoded'));
  return { app: answeringHitsFirst(app, cache, logger), state };
}

describe('answeringHitsFirst', () => {
  it('answers a stored page without running any middleware, with the headers it was rendered with', async () => {
    const { app, state } = hitFirstApp();
    const first = await app.request('/page');
    const second = await app.request('/page');
    expect(state.middleware).toBe(1);
    expect(state.renders).toBe(1);
    expect(await second.text()).toBe(await first.text());
    const withoutId = (res: Response) =>
      Object.fromEntries([...res.headers].filter(([name]) => name !== 'x-request-id'));
    expect(withoutId(second)).toEqual(withoutId(first));
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(second.headers.get('x-frame-options')).toBe('DENY');
  });

  it('gives each hit its request id, the one sent when sane, and logs its line', async () => {
    const { app, state } = hitFirstApp();
    await app.request('/page?lang=en');
    const hit = await app.request('/page?lang=en', { headers: { 'x-request-id': 'proxy-7' } });
    expect(state.renders).toBe(1);
    const again = await app.request('/page?lang=en', { headers: { 'x-request-id': 'proxy-8' } });
    expect(hit.headers.get('x-request-id')).toBe('proxy-7');
    expect(again.headers.get('x-request-id')).toBe('proxy-8');
    const forged = await app.request('/page', { headers: { 'x-request-id': 'a b {"x":1}' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/);
    expect(state.middleware).toBe(2);
    expect(state.lines).toHaveLength(4);
    expect(state.lines.at(-2)).toMatchObject({
      requestId: 'proxy-8',
      method: 'GET',
      path: '/page',
      status: 200,
    });
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const { app, state } = hitFirstApp();
    const etag = (await app.request('/page')).headers.get('etag') ?? '';
    const res = await app.request('/page', { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.headers.get('content-length')).toBeNull();
    expect(state.middleware).toBe(1);
    expect(state.lines.at(-1)?.status).toBe(304);
  });

  it('sends the coding asked for', async () => {
    const { app } = hitFirstApp();
    await app.request('/page');
    const res = await app.request('/page', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Number(res.headers.get('content-length'))).toBe((await res.arrayBuffer()).byteLength);
  });

  it.each([
    ['a staff session cookie', { cookie: 'x=1; mieruka_session=abc' }],
    ['credentials', { authorization: 'Bearer t' }],
  ])('sends a request with %s through the app', async (_case, headers) => {
    const { app, state } = hitFirstApp();
    await app.request('/page');
    await app.request('/page', { headers });
    expect(state.middleware).toBe(2);
    expect(state.renders).toBe(2);
  });

  it('sends HEAD and escaped paths through the app', async () => {
    const { app, state } = hitFirstApp();
    await app.request('/page');
    await app.request('/%E8%A8%88/page');
    expect((await app.request('/page', { method: 'HEAD' })).status).toBe(200);
    await app.request('/%E8%A8%88/page');
    expect(state.middleware).toBe(4);
  });

  it('goes through the app while the generation is not known, then renders what a write changed', async () => {
    const { app, state } = hitFirstApp();
    await app.request('/page');
    state.known = false;
    await app.request('/page');
    expect(state.middleware).toBe(2);
    state.generation += 1;
    expect(await (await app.request('/page')).text()).toContain('render 2');
    state.known = true;
    expect(await (await app.request('/page')).text()).toContain('render 2');
    expect(state.middleware).toBe(3);
  });

  it('never answers from a page of an older generation', async () => {
    const { app, state } = hitFirstApp();
    await app.request('/page');
    // Known at once, as another process's write is once the generation is read again.
    state.generation += 1;
    expect(await (await app.request('/page')).text()).toContain('render 2');
  });
});

describe('requestListenerFor', () => {
  /** The app on a real node:http server, through the listener `mieruka serve` uses. */
  async function listening() {
    const { app, state } = hitFirstApp();
    const server = createServer(requestListenerFor(app));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const close = () => new Promise((resolve) => server.close(resolve));
    return { base, state, close };
  }

  it('writes a hit straight from the cache: same headers and body as the rendered answer, its own id and log line', async () => {
    const { base, state, close } = await listening();
    try {
      const first = await fetch(`${base}/page`);
      const second = await fetch(`${base}/page`, { headers: { 'x-request-id': 'proxy-9' } });
      expect(state.renders).toBe(1);
      expect(state.middleware).toBe(1);
      expect(await second.text()).toBe(await first.text());
      const lasting = (res: Response) =>
        Object.fromEntries([...res.headers].filter(([name]) => !['x-request-id', 'date'].includes(name)));
      expect(lasting(second)).toEqual(lasting(first));
      expect(second.headers.get('x-request-id')).toBe('proxy-9');
      expect(state.lines.map(({ requestId, path, status }) => ({ requestId, path, status }))).toEqual([
        { requestId: first.headers.get('x-request-id'), path: '/page', status: 200 },
        { requestId: 'proxy-9', path: '/page', status: 200 },
      ]);
      const etag = second.headers.get('etag') ?? '';
      const notModified = await fetch(`${base}/page`, { headers: { 'if-none-match': etag } });
      expect(notModified.status).toBe(304);
      expect(state.middleware).toBe(1);
    } finally {
      await close();
    }
  });

  it('sends a miss, a HEAD and a signed-in request through Hono', async () => {
    const { base, state, close } = await listening();
    try {
      await fetch(`${base}/page`);
      expect((await fetch(`${base}/page`, { method: 'HEAD' })).status).toBe(200);
      await fetch(`${base}/page`, { headers: { cookie: 'mieruka_session=abc' } });
      expect((await fetch(`${base}/nowhere`)).status).toBe(404);
      expect(state.middleware).toBe(4);
      expect(state.lines).toHaveLength(4);
    } finally {
      await close();
    }
  });
});
