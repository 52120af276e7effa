/**
 * HTTP speed of the public site (issue 4, item 9). Serves the Komoro demo from in-memory SQLite in a child
 * process and loads it with autocannon (10 connections, 5 s each) from this one, so client and server do not
 * share an event loop:
 *   - a bare node:http server sending the same bytes as our home page (the ceiling),
 *   - the home page and a policy page through the page cache,
 * and times uncached policy renders (mean of direct `app.request()` calls, cache off).
 * Targets: cached pages at ≥ 0.5× the bare server's requests/s; an uncached policy render under 20 ms.
 * Exits 1 when a target is missed. Run: npx tsx bench/http.ts
 */
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { seedDemo } from '../src/io/seed-demo.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { createReadStore } from '../src/store/queries.ts';
import { createSearchStore, watchDataGeneration } from '../src/store/search/index.ts';
import { createApp } from '../src/web/app.tsx';
import { serveApp } from '../src/web/serve-app.ts';

// The issue's own example of a policy: 女性幹部職員や各種審議会・委員会の女性の比率を向上.
const policyPath = '/nodes/mirai-2016.p1.women-ratio';
const seconds = 5;
const warmUpSeconds = 2;
const connections = 10;
const renderRuns = 200;
const targets = { cachedRatio: 0.5, uncachedRenderMs: 20 };

interface Ports {
  bare: number;
  site: number;
}

async function demoApp(cache: boolean): Promise<Hono> {
  const { db } = openDatabase(':memory:');
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) throw new Error(`migration failed: ${String(migrated.error)}`);
  await seedDemo(db);
  return createApp({
    store: createReadStore(db),
    search: createSearchStore(db),
    ...(cache ? { generation: watchDataGeneration(db) } : {}),
  });
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/** The child: the cached site and a bare server holding the home page's bytes. */
async function serveBoth(): Promise<void> {
  const app = await demoApp(true);
  const site = serveApp(app, { hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => site.once('listening', resolve));
  const home = await app.request('/');
  const contentType = home.headers.get('content-type') ?? 'text/html; charset=utf-8';
  const bytes = Buffer.from(await home.arrayBuffer());
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
    res.end(bytes);
  });
  const ports: Ports = { bare: await listen(bare), site: (site.address() as AddressInfo).port };
  process.send?.(ports);
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
}

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (options: object) => Promise<AutocannonResult>;

async function load(url: string): Promise<AutocannonResult> {
  // Unmeasured first: the JIT and the first (uncached) render would otherwise count against the site.
  await autocannon({ url, connections, duration: warmUpSeconds });
  const result = await autocannon({ url, connections, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result;
}

/** Mean wall time of one uncached policy render, after a warm-up. */
async function uncachedRender(): Promise<{ wallMs: number; cpuMs: number }> {
  const app = await demoApp(false);
  for (let i = 0; i < 20; i += 1) await (await app.request(policyPath)).text();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < renderRuns; i += 1) {
    const res = await app.request(policyPath);
    if (res.status !== 200) throw new Error(`${policyPath}: ${res.status}`);
    await res.text();
  }
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time too: on a shared machine the wall clock also measures the neighbours.
  return {
    wallMs: (performance.now() - started) / renderRuns,
    cpuMs: (cpu.user + cpu.system) / 1000 / renderRuns,
  };
}

function startChild(): Promise<{ ports: Ports; stop(): void }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
    child.once('message', (ports) => resolve({ ports: ports as Ports, stop: () => child.kill() }));
  });
}

async function main(): Promise<number> {
  const render = await uncachedRender();
  const { ports, stop } = await startChild();
  try {
    const bare = await load(`http://127.0.0.1:${ports.bare}/`);
    const home = await load(`http://127.0.0.1:${ports.site}/`);
    const policy = await load(`http://127.0.0.1:${ports.site}${policyPath}`);
    const rows = [
      ['bare node:http (home bytes)', bare],
      ['home, cached', home],
      ['policy page, cached', policy],
    ] as const;
    console.log(`autocannon: ${connections} connections, ${seconds} s each, Node ${process.version}`);
    console.log('target                          req/s     p99 ms   ratio to bare');
    for (const [name, r] of rows) {
      const ratio = r.requests.average / bare.requests.average;
      console.log(
        `${name.padEnd(30)} ${r.requests.average.toFixed(0).padStart(7)} ${r.latency.p99.toFixed(1).padStart(10)} ${ratio.toFixed(2).padStart(15)}`,
      );
    }
    console.log(
      `uncached policy render: ${render.wallMs.toFixed(2)} ms wall, ${render.cpuMs.toFixed(2)} ms CPU ` +
        `(mean of ${renderRuns} app.request calls, cache off)`,
    );
    const missed = [
      ...rows
        .slice(1)
        .filter(([, r]) => r.requests.average / bare.requests.average < targets.cachedRatio)
        .map(([name]) => `${name} below ${targets.cachedRatio}× bare`),
      ...(render.wallMs >= targets.uncachedRenderMs
        ? [`uncached render ≥ ${targets.uncachedRenderMs} ms`]
        : []),
    ];
    console.log(missed.length === 0 ? 'all targets met' : `MISSED: ${missed.join('; ')}`);
    return missed.length === 0 ? 0 : 1;
  } finally {
    stop();
  }
}

if (process.argv.includes('--serve')) await serveBoth();
else process.exit(await main());
