import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './store/db.ts';
import { createReadStore } from './store/queries.ts';

const bin = new URL('../bin/mieruka.js', import.meta.url).pathname;

// Starting means compiling the sources and seeding the demo into a file: seconds when the machine is idle, over
// 20 s while a full test run and other work share two cores. The test's own timeout bounds the wait instead.
const startupTimeout = 150_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Started {
  child: ChildProcess;
  port: number;
}

/**
 * Resolves once the server says it listens (it prints its address from the listen callback), so nothing polls
 * against a clock. `serve` takes no port 0, so a free port is picked first; another process may take it before the
 * server binds (seconds later), and the server then exits with EADDRINUSE: try another.
 */
async function startServe(file: string, pickPort = freePort, attempts = 3): Promise<Started> {
  const port = await pickPort();
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: file, PORT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<boolean>((resolve) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(`http://127.0.0.1:${port}/`)) resolve(true);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', () => resolve(false));
  });
  if (await listening) return { child, port };
  if (output.includes('EADDRINUSE') && attempts > 1) return startServe(file, pickPort, attempts - 1);
  throw new Error(`server exited ${child.exitCode}: ${output}`);
}

describe('mieruka serve', () => {
  let dir: string | undefined;
  let child: ChildProcess | undefined;

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('seeds the demo into an empty SQLite file, serves /healthz, and stops cleanly on SIGTERM', {
    tags: ['slow'],
    timeout: startupTimeout,
  }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-cli-'));
    const file = join(dir, 'nested', 'mieruka.sqlite');
    const server = await startServe(file);
    child = server.child;

    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);

    const { db, close } = openDatabase(file);
    try {
      const store = createReadStore(db);
      // The whole demo: 小諸市, 枚方市 (its 事業仕分け review) and 大船渡市 (its 事務事業評価 sheets), issue 14.
      expect((await store.listOrganizations()).map((o) => o.id)).toEqual(['hirakata', 'komoro', 'ofunato']);
      expect((await store.listPlans()).length).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it('tries another port when the one it picked is taken before the server binds', {
    tags: ['slow'],
    timeout: startupTimeout,
  }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-cli-'));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const picks = [async () => taken, freePort];
      const server = await startServe(join(dir, 'mieruka.sqlite'), () => (picks.shift() ?? freePort)());
      child = server.child;
      expect(server.port).not.toBe(taken);
      expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
