/**
 * Two `mieruka serve` processes (ports 18431 and 18432) on one PostgreSQL database, as two nodes behind a load
 * balancer: the second also reads from DATABASE_READ_URL (the same server, standing in for a replica). A session
 * made on one works on the other, an upload previewed on one is confirmed on the other, and a write through either
 * reaches the other's cached pages through the stored data generation alone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountStore } from '../src/store/accounts/index.ts';
import { type DatabaseHandle, openDatabase } from '../src/store/db.ts';
import { connectAdmin, skipPostgres, testPostgresUrl } from './helpers/postgres-run.ts';

const bin = new URL('../bin/mieruka.js', import.meta.url).pathname;
const startupTimeout = 180_000;
const password = 'correct-horse-battery-staple';
const indicatorId = 'mirai-2016.i.seizure-count';

interface Node {
  child: ChildProcess;
  base: string;
  output: { stdout: string; stderr: string };
}

function startNode(port: number, args: string[], env: NodeJS.ProcessEnv): Promise<Node> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), ...args], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk) => (output.stdout += chunk));
  child.stderr?.on('data', (chunk) => (output.stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', () => {
      if (output.stdout.includes(`Mieruka: http://127.0.0.1:${port}/`))
        resolve({ child, base: `http://127.0.0.1:${port}`, output });
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${output.stdout}${output.stderr}`)));
  });
}

async function stop(node: Node | undefined): Promise<number | null> {
  if (!node || node.child.exitCode !== null) return node?.child.exitCode ?? null;
  const exited = once(node.child, 'exit');
  node.child.kill('SIGTERM');
  return (await exited)[0] as number | null;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(base: string): Promise<Session> {
  const form = await fetch(`${base}/login`);
  const loginCookie = /mieruka_login=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: `mieruka_login=${loginCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, login: 'admin', password, next: '/admin' }),
  });
  const session = /mieruka_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 303 || !session) throw new Error(`login failed: ${res.status}`);
  const page = await (
    await fetch(`${base}/admin`, { headers: { cookie: `mieruka_session=${session}` } })
  ).text();
  return {
    cookie: `mieruka_session=${session}`,
    csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '',
  };
}

const csvOf = (month: string) =>
  [
    'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote',
    `${indicatorId},${month},130件,komoro-pride-vol5,99,H28:102件`,
  ].join('\n');

async function preview(base: string, who: Session, month: string) {
  const body = new FormData();
  body.set('_csrf', who.csrf);
  body.append('file', new Blob([csvOf(month)]), 'monthly.csv');
  const res = await fetch(`${base}/admin/import/preview`, {
    method: 'POST',
    headers: { cookie: who.cookie },
    body,
  });
  expect(res.status).toBe(200);
  const html = await res.text();
  return {
    token: /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '',
    confirm: [...html.matchAll(/name="confirm" value="([^"]+)"/g)].map((m) => m[1]!),
  };
}

async function commit(base: string, who: Session, previewed: { token: string; confirm: string[] }) {
  const body = new URLSearchParams({ _csrf: who.csrf, token: previewed.token, publish: 'now' });
  for (const id of previewed.confirm) body.append('confirm', id);
  return fetch(`${base}/admin/import/commit`, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

/** Polls `url` until its body holds `text`; the milliseconds it took, or undefined after 5 s. */
async function millisecondsUntil(url: string, text: string): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < 5_000) {
    if ((await (await fetch(url)).text()).includes(text)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

describe.skipIf(skipPostgres)('two mieruka serve processes on one PostgreSQL', { tags: ['slow'] }, () => {
  const name = `mieruka_nodes_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  let a: Node | undefined;
  let b: Node | undefined;
  let nodeUrl = '';

  beforeAll(async () => {
    const admin = await connectAdmin();
    await admin.query(`create database ${name}`);
    await admin.end();
    a = await startNode(18431, [], { DATABASE_URL: url.toString() });
    b = await startNode(18432, ['--no-demo'], {
      DATABASE_URL: url.toString(),
      DATABASE_READ_URL: url.toString(),
    });
    const handle: DatabaseHandle = openDatabase(url.toString());
    try {
      const added = await createAccountStore(handle.db).addUser({ login: 'admin', password, role: 'admin' });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      const node = await handle.db
        .selectFrom('indicator')
        .select('node_id')
        .where('id', '=', indicatorId)
        .executeTakeFirstOrThrow();
      nodeUrl = `/api/v1/nodes/${node.node_id}`;
    } finally {
      await handle.close();
    }
  }, startupTimeout);

  afterAll(async () => {
    expect(await stop(a)).toBe(0);
    expect(await stop(b)).toBe(0);
    const admin = await connectAdmin();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }, startupTimeout);

  it('says on start that the second node reads from a replica, and both are ready', async () => {
    expect(b?.output.stdout).toContain('reads from a replica');
    expect((await fetch(`${a?.base}/readyz`)).status).toBe(200);
    expect((await fetch(`${b?.base}/readyz`)).status).toBe(200);
  });

  it('signs in on one node and works on the other with the same session', async () => {
    const who = await signIn(a?.base ?? '');
    const onB = await fetch(`${b?.base}/admin`, { headers: { cookie: who.cookie }, redirect: 'manual' });
    expect(onB.status).toBe(200);
  });

  it('drops a node’s cached page soon after a write through the other, both ways', async () => {
    const who = await signIn(a?.base ?? '');
    // Cached on B before the write.
    expect((await (await fetch(`${b?.base}${nodeUrl}`)).text()).includes('2090-01')).toBe(false);
    expect((await (await fetch(`${b?.base}${nodeUrl}`)).text()).includes('2090-01')).toBe(false);
    expect((await commit(a?.base ?? '', who, await preview(a?.base ?? '', who, '2090-01'))).status).toBe(200);
    const onB = await millisecondsUntil(`${b?.base}${nodeUrl}`, '2090-01');
    expect(onB).toBeDefined();
    expect(onB).toBeLessThan(2_500);

    // Previewed on A, confirmed on B: the upload waits in the database, and B's write reaches A's cache.
    expect((await (await fetch(`${a?.base}${nodeUrl}`)).text()).includes('2090-02')).toBe(false);
    const done = await commit(b?.base ?? '', who, await preview(a?.base ?? '', who, '2090-02'));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('取り込みました (imported and published)');
    const onA = await millisecondsUntil(`${a?.base}${nodeUrl}`, '2090-02');
    expect(onA).toBeDefined();
    expect(onA).toBeLessThan(2_500);
    console.log(
      `multi-node: B saw A's write after ${onB?.toFixed(0)} ms, A saw B's after ${onA?.toFixed(0)} ms`,
    );
  });
});
