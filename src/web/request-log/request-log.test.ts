import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { RequestLogLine } from './index.ts';
import { requestIdFor, requestLog } from './index.ts';

/** A logger that keeps each line with its level. */
function captureLogger() {
  const lines: { level: string; line: RequestLogLine }[] = [];
  const keep = (level: string) => (line: object) => lines.push({ level, line: line as RequestLogLine });
  return { lines, logger: { debug: keep('debug'), info: keep('info'), error: keep('error') } };
}

function appLoggingTo(logger: ReturnType<typeof captureLogger>['logger']) {
  const app = new Hono<{ Variables: { user: { id: string } | undefined } }>();
  app.use(requestLog(logger as never));
  app.use(async (c, next) => {
    if (c.req.header('authorization') === 'Bearer right') c.set('user', { id: 'u-42' });
    await next();
  });
  app.get('/plans', (c) => c.text('plans'));
  app.get('/healthz', (c) => c.text('ok'));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  return app;
}

describe('requestIdFor', () => {
  it('keeps a sane incoming id and replaces anything else with a UUID', () => {
    expect(requestIdFor('7f3a-b_9.1:x')).toBe('7f3a-b_9.1:x');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of [undefined, '', 'a b', 'x"}{"level":"fatal', 'x'.repeat(129), 'ä']) {
      expect(requestIdFor(bad)).toMatch(uuid);
    }
  });
});

describe('requestLog', () => {
  it('writes one line per request with the id it echoes, the path without its query, and the status', async () => {
    const { lines, logger } = captureLogger();
    const res = await appLoggingTo(logger).request('/plans?q=secret-term&token=abc', {
      headers: { cookie: 'mieruka_session=s3cret' },
    });
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('info');
    expect(lines[0]?.line).toEqual({
      requestId,
      method: 'GET',
      path: '/plans',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(lines)).not.toMatch(/secret|abc|s3cret/);
  });

  it('takes a sane X-Request-Id from the client and names the signed-in user', async () => {
    const { lines, logger } = captureLogger();
    const res = await appLoggingTo(logger).request('/plans', {
      headers: { 'x-request-id': 'proxy-123', authorization: 'Bearer right' },
    });
    expect(res.headers.get('x-request-id')).toBe('proxy-123');
    expect(lines[0]?.line).toMatchObject({ requestId: 'proxy-123', userId: 'u-42' });
    expect(JSON.stringify(lines)).not.toContain('right');
  });

  it('logs health probes at debug level and server errors at error level', async () => {
    const { lines, logger } = captureLogger();
    const app = appLoggingTo(logger);
    await app.request('/healthz');
    expect((await app.request('/boom')).status).toBe(500);
    expect(lines.map(({ level, line }) => `${level} ${line.path} ${line.status}`)).toEqual([
      'debug /healthz 200',
      'error /boom 500',
    ]);
  });

  it('cuts a very long path short', async () => {
    const { lines, logger } = captureLogger();
    await appLoggingTo(logger).request(`/${'a'.repeat(5_000)}`);
    expect(lines[0]?.line.path).toHaveLength(513);
  });

  it('echoes an id without a logger, and logs nothing', async () => {
    const app = new Hono();
    app.use(requestLog());
    app.get('/', (c) => c.text('hi'));
    expect((await app.request('/')).headers.get('x-request-id')).toBeTruthy();
  });
});
