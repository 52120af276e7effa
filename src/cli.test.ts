import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './store/db.ts';
import { createReadStore } from './store/queries.ts';

const bin = new URL('../bin/mieruka.js', import.meta.url).pathname;

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

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer from ${url}: ${output()}`);
}

describe('mieruka serve', () => {
  let dir: string | undefined;
  let child: ChildProcess | undefined;

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('seeds the demo into an empty SQLite file, serves /healthz, and stops cleanly on SIGTERM', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-cli-'));
    const file = join(dir, 'nested', 'mieruka.sqlite');
    const port = await freePort();
    const server = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
      env: { ...process.env, DATABASE_URL: file, PORT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    let output = '';
    server.stdout.on('data', (chunk) => (output += chunk));
    server.stderr.on('data', (chunk) => (output += chunk));

    const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`, server, () => output);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(output).toContain(`http://localhost:${port}/`);

    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);

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
