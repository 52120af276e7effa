/**
 * Cached pages at national size against a bare node:http server (issue 16's acceptance: "cached pages at least 0.8×
 * the requests/s of a bare `node:http` server sending the same bytes in the same run"). Imports N synthetic
 * municipalities into PostgreSQL (bench/national.ts's import; a cache hit costs the same whatever N), then serves
 * from one child process, so that the load generator has its own event loop:
 *   - the site as `mieruka serve` runs it (staff side on, page cache on, one log line per request, to /dev/null),
 *   - a bare node:http server answering each page's URL with the bytes and content type the site sent for it.
 * Each page type (home, organization, plan, node, indicators API, search) is loaded with autocannon at 64
 * connections, bare and cached runs interleaved over several short rounds, and the server's CPU per request is read
 * in the child for each run (on a shared machine the ratio of CPU per request is steadier than req/s alone).
 * Exits 1 when a page type's cached req/s is under 0.8× the bare server's.
 * Run: npx tsx bench/cached-pages.ts [organizations, default 30] [rounds, default 3] [seconds per run, default 3]
 * (MIERUKA_BENCH_DB=name: the database, mieruka_cached_pages_bench by default, dropped at the end;
 * MIERUKA_BENCH_CPU_PROF=dir: write the server's --cpu-prof profile there)
 */
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { openDatabase } from '../src/store/db.ts';
import { createAppForDatabase } from '../src/web/full-app.ts';
import { drop, importNational, type PageType, type Paths, pageTypes, urlOf } from './national.ts';

const databaseName = process.env.MIERUKA_BENCH_DB ?? 'mieruka_cached_pages_bench';
const connections = 64;
const warmUpSeconds = 1;
const target = 0.8;

interface Ports {
  site: number;
  bare: number;
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/** What the site sent for each URL, fetched once through the app (which also fills the page cache). */
async function pageBytes(fetchPage: (path: string) => Promise<Response>, paths: Paths) {
  const bodies = new Map<string, { bytes: Buffer; contentType: string }>();
  for (const path of pageTypes.flatMap((type) => paths[type])) {
    const res = await fetchPage(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    const contentType = res.headers.get('content-type') ?? 'text/plain';
    bodies.set(path, { bytes: Buffer.from(await res.arrayBuffer()), contentType });
  }
  return bodies;
}

/** The child: the site over the database, and beside it the bare server sending the same bytes. */
async function serveChild(name: string, paths: Paths): Promise<void> {
  const handle = openDatabase(urlOf(name));
  const app = createAppForDatabase(handle.db, {
    staff: true,
    cache: true,
    requestLogger: pino({ level: 'info', base: undefined }, pino.destination('/dev/null')),
  });
  const site = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => site.once('listening', resolve));
  const bodies = await pageBytes(async (path) => app.request(path), paths);
  const bare = createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': body.contentType, 'content-length': body.bytes.length });
    res.end(body.bytes);
  });
  const bareAddress = await listen(bare);
  process.on('message', async (message) => {
    if (message === 'cpu') process.send?.(process.cpuUsage());
    if (message === 'stop') {
      await handle.close();
      process.exit(0);
    }
  });
  const sizes = Object.fromEntries(
    pageTypes.map((type) => [type, bodies.get(paths[type][0]!)?.bytes.length ?? 0]),
  );
  process.send?.({ ports: { site: (site.address() as AddressInfo).port, bare: bareAddress }, sizes });
}

interface Child {
  ports: Ports;
  sizes: Record<PageType, number>;
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

function startChild(name: string, paths: Paths): Promise<Child> {
  const profileDir = process.env.MIERUKA_BENCH_CPU_PROF;
  const child = fork(fileURLToPath(import.meta.url), ['--serve', name, JSON.stringify(paths)], {
    stdio: 'inherit',
    execArgv: [...process.execArgv, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
  });
  const ask = <T>(question: string) =>
    new Promise<T>((answer) => {
      child.once('message', (m) => answer(m as T));
      child.send(question);
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
    child.once('message', (message) => {
      const { ports, sizes } = message as Pick<Child, 'ports' | 'sizes'>;
      resolve({
        ports,
        sizes,
        cpuMicros: async () => {
          const used = await ask<NodeJS.CpuUsage>('cpu');
          return used.user + used.system;
        },
        stop: () =>
          new Promise<void>((stopped) => {
            child.removeAllListeners('exit');
            child.once('exit', () => stopped());
            child.send('stop');
          }),
      });
    });
  });
}

interface AutocannonResult {
  latency: { p99: number };
  requests: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (options: object) => Promise<AutocannonResult>;

/** Totals of one server's runs for one page type. */
interface Tally {
  requests: number;
  seconds: number;
  cpuMicros: number;
  p99s: number[];
}

const emptyTally = (): Tally => ({ requests: 0, seconds: 0, cpuMicros: 0, p99s: [] });

async function run(child: Child, port: number, paths: readonly string[], seconds: number, into?: Tally) {
  const cpuBefore = await child.cpuMicros();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  const cpu = (await child.cpuMicros()) - cpuBefore;
  if (result.non2xx + result.errors + result.timeouts > 0)
    throw new Error(
      `port ${port}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  if (into) {
    into.requests += result.requests.total;
    into.seconds += result.duration;
    into.cpuMicros += cpu;
    into.p99s.push(result.latency.p99);
  }
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (t: Tally) => t.requests / t.seconds;

async function measure(child: Child, paths: Paths, rounds: number, seconds: number) {
  const rows: { type: PageType; bare: Tally; cached: Tally }[] = [];
  for (const type of pageTypes) {
    const bare = emptyTally();
    const cached = emptyTally();
    await run(child, child.ports.bare, paths[type], warmUpSeconds);
    await run(child, child.ports.site, paths[type], warmUpSeconds);
    for (let round = 0; round < rounds; round += 1) {
      // Alternating which goes first, so a neighbour's load drifting over the run favours neither.
      const order = round % 2 === 0 ? (['bare', 'cached'] as const) : (['cached', 'bare'] as const);
      for (const which of order) {
        const port = which === 'bare' ? child.ports.bare : child.ports.site;
        await run(child, port, paths[type], seconds, which === 'bare' ? bare : cached);
      }
    }
    rows.push({ type, bare, cached });
  }
  return rows;
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<number> {
  const count = Number(process.argv[2] ?? 30);
  const rounds = Number(process.argv[3] ?? 3);
  const seconds = Number(process.argv[4] ?? 3);
  console.log(
    `cached pages vs bare node:http: ${count} synthetic organizations on PostgreSQL, ${connections} connections, ` +
      `${rounds} rounds of ${seconds} s each per server and page type, Node ${process.version}; ` +
      `load average at start ${loadAverage()}`,
  );
  try {
    const { paths } = await importNational(count, databaseName);
    const child = await startChild(databaseName, paths);
    try {
      const rows = await measure(child, paths, rounds, seconds);
      console.log(
        'page type        bytes   bare req/s  cached req/s  ratio   p99 ms bare / cached   server CPU µs/req bare / cached',
      );
      for (const { type, bare, cached } of rows) {
        const ratio = perSecond(cached) / perSecond(bare);
        const cpu = (t: Tally) => (t.cpuMicros / t.requests).toFixed(0);
        console.log(
          `${type.padEnd(15)} ${String(child.sizes[type]).padStart(6)} ${perSecond(bare).toFixed(0).padStart(12)} ` +
            `${perSecond(cached).toFixed(0).padStart(13)} ${ratio.toFixed(2).padStart(6)}` +
            `   ${String(median(bare.p99s)).padStart(11)} / ${String(median(cached.p99s)).padEnd(6)}` +
            `   ${cpu(bare).padStart(23)} / ${cpu(cached)}`,
        );
      }
      console.log(`load average at end ${loadAverage()} (2 cores)`);
      const missed = rows.filter((r) => perSecond(r.cached) / perSecond(r.bare) < target);
      console.log(
        missed.length === 0
          ? `every page type at ≥ ${target}× bare`
          : `MISSED: ${missed.map((r) => r.type).join(', ')} below ${target}× bare`,
      );
      return missed.length === 0 ? 0 : 1;
    } finally {
      await child.stop();
    }
  } finally {
    await drop(databaseName);
  }
}

if (process.argv[2] === '--serve') await serveChild(process.argv[3]!, JSON.parse(process.argv[4]!) as Paths);
else process.exit(await main());
