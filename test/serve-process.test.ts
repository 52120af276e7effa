/**
 * `mieruka serve` as a real process (the built dist/, as installed): one JSON log line per request carrying the id
 * echoed in X-Request-Id, no secret anywhere in its output, and /readyz following PostgreSQL out and back.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectAdmin, skipPostgres, testPostgresUrl } from './helpers/postgres-run.ts';

const bin = new URL('../bin/mieruka.js', import.meta.url).pathname;
// Two cores shared with a whole test run: migrating and starting may take many seconds.
const startupTimeout = 120_000;

interface Served {
  child: ChildProcess;
  base: string;
  /** Everything written so far, stdout and stderr apart. */
  output: { stdout: string; stderr: string };
  /** Sends SIGTERM and resolves with the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

/** Starts `serve --port 0 --no-demo` and resolves once it prints the address it listens on. */
async function startServe(env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--no-demo'], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk) => (output.stdout += chunk));
  child.stderr?.on('data', (chunk) => (output.stderr += chunk));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const port = /Mieruka: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output.stdout)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output.stdout}${output.stderr}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    return (await exited)[0] as number | null;
  };
  return { child, base, output, stop };
}

/** The JSON lines of the output; other lines (the address, migrations) are not the request log. */
const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let served: Served | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (served?.child.exitCode === null) served.child.kill('SIGKILL');
  served = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('mieruka serve as a process', { tags: ['slow'], timeout: startupTimeout }, () => {
  it('writes one JSON line per request with its X-Request-Id, and no password, token or cookie', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-serve-log-'));
    served = await startServe({ DATABASE_URL: join(dir, 'mieruka.sqlite'), LOG_LEVEL: 'debug' });
    const { base } = served;
    const secrets = {
      password: 'pw-Zq7-never-logged',
      token: 'secret-token-Xk9-never-logged',
      cookie: 'cookie-value-Wm3-never-logged',
      query: 'query-value-Vb5-never-logged',
    };

    const responses: Response[] = [];
    const request = async (path: string, init?: RequestInit) => {
      const res = await fetch(`${base}${path}`, { redirect: 'manual', ...init });
      await res.arrayBuffer();
      responses.push(res);
      return res;
    };
    const form = await request('/login');
    const loginCookie = /mieruka_login=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const formHtml = await (
      await fetch(`${base}/login`, { headers: { cookie: `mieruka_login=${loginCookie}` } })
    ).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(formHtml)?.[1] ?? '';
    // That second fetch of the form was a request too; its line must be there like the others'.
    const login = await request('/login', {
      method: 'POST',
      headers: {
        cookie: `mieruka_login=${loginCookie}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrf, login: 'admin', password: secrets.password, next: '/admin' }),
    });
    expect(login.status).toBeLessThan(500);
    const api = await request(`/api/v1/plans?token=${secrets.query}`, {
      headers: { authorization: `Bearer ${secrets.token}`, cookie: `mieruka_session=${secrets.cookie}` },
    });
    expect(api.status).toBeLessThan(500);
    const proxied = await request('/healthz', { headers: { 'x-request-id': 'proxy-id-42' } });
    expect(proxied.headers.get('x-request-id')).toBe('proxy-id-42');
    await request('/readyz');
    await request('/no/such/page');

    expect(await served.stop()).toBe(0);
    const lines = jsonLines(served.output.stdout);
    // Every request sent: the ones kept in `responses` and the second GET /login.
    expect(lines).toHaveLength(responses.length + 1);
    for (const res of responses) {
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[\w.:-]{1,128}$/);
      const own = lines.filter((line) => line.requestId === id);
      expect(own, `the line of ${res.url}`).toHaveLength(1);
      expect(own[0]).toMatchObject({ status: res.status, path: new URL(res.url).pathname, msg: 'request' });
      expect(own[0]?.time).toEqual(expect.any(String));
      expect(own[0]?.durationMs).toEqual(expect.any(Number));
    }
    const everything = served.output.stdout + served.output.stderr;
    for (const secret of [...Object.values(secrets), loginCookie, csrf])
      expect(everything).not.toContain(secret);
    // Nor any header or form field by name: a line holds only the fields the log lists.
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(
        ['durationMs', 'level', 'method', 'msg', 'path', 'requestId', 'status', 'time'].sort(),
      );
    }
  });

  it.skipIf(skipPostgres)(
    'answers /readyz 503 while PostgreSQL refuses the database, and 200 once it is back',
    async () => {
      const name = `mieruka_readyz_${process.pid}_${Date.now().toString(36)}`;
      const admin = await connectAdmin();
      try {
        await admin.query(`create database ${name}`);
        const url = new URL(testPostgresUrl);
        url.pathname = `/${name}`;
        served = await startServe({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
        // A keep-alive socket the server closes as idle just when the next probe reuses it fails with
        // UND_ERR_SOCKET (a client race, not an answer): that one probe is asked again on a new connection. A crash
        // is still caught below by the exit code and the output.
        const readyz = async (): Promise<number> => {
          try {
            return (await fetch(`${served?.base}/readyz`)).status;
          } catch (error) {
            if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
            // A second failure is the process gone: its own words say why.
            const retried = await fetch(`${served?.base}/readyz`).catch((again: unknown) => {
              throw new Error(`${String(again)}; the server printed: ${served?.output.stderr}`);
            });
            return retried.status;
          }
        };
        expect(await readyz()).toBe(200);

        await admin.query(`alter database ${name} allow_connections false`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
          name,
        ]);
        const started = performance.now();
        expect(await readyz()).toBe(503);
        // The pool's connect timeout and the probe's own bound keep the answer prompt.
        expect(performance.now() - started).toBeLessThan(4_000);
        // The broken idle connections did not take the process down.
        expect((await fetch(`${served.base}/healthz`)).status).toBe(200);

        await admin.query(`alter database ${name} allow_connections true`);
        expect(await readyz()).toBe(200);
        expect(await served.stop()).toBe(0);
        expect(served.output.stdout + served.output.stderr).not.toMatch(/Error|uncaught/i);
      } finally {
        served?.child.kill('SIGKILL');
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});
