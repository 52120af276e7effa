import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
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
  output: () => string;
}

/**
 * Resolves once the server says it listens (it prints its address from the listen callback), so nothing polls
 * against a clock. `serve` takes no port 0, so a free port is picked first; another process may take it before the
 * server binds, and the server then exits with EADDRINUSE: try the next one.
 */
async function startServe(file: string, attempts = 3): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: file, PORT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const output = () => text;
  const ready = new Promise<boolean>((resolve) => {
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes(`http://localhost:${port}/`)) resolve(true);
    });
    child.stderr.on('data', (chunk) => (text += chunk));
    child.once('exit', () => resolve(false));
  });
  if (await ready) return { child, port, output };
  if (text.includes('EADDRINUSE') && attempts > 1) return startServe(file, attempts - 1);
  throw new Error(`server exited ${child.exitCode}: ${text}`);
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
      expect((await store.listOrganizations()).map((o) => o.id)).toEqual(['komoro']);
      expect((await store.listPlans()).length).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});
